/*
 * calendar.c - Gregorian day arithmetic, the Japanese eras and the way
 * contracts count periods.
 *
 * Days are counted from 1970-01-01 with plain arithmetic over the Gregorian
 * leap-year rule; documents never need dates before year 1, so no proleptic
 * subtleties arise. The era table holds the first day of each era (see the
 * note on 明治 in text.h); an era ends the day before the next one begins.
 */
#include <stdio.h>

#include "internal.h"

static const struct era_info {
    const char *name;
    text_ymd start;
    int base; /* Gregorian year = base + era year */
} eras[TEXT_ERA_COUNT] = {
    [TEXT_ERA_NONE] = {"", {0, 0, 0}, 0},
    [TEXT_ERA_MEIJI] = {"明治", {1868, 1, 25}, 1867},
    [TEXT_ERA_TAISHO] = {"大正", {1912, 7, 30}, 1911},
    [TEXT_ERA_SHOWA] = {"昭和", {1926, 12, 25}, 1925},
    [TEXT_ERA_HEISEI] = {"平成", {1989, 1, 8}, 1988},
    [TEXT_ERA_REIWA] = {"令和", {2019, 5, 1}, 2018},
};

const char *text_era_name(text_era era)
{
    return (era > TEXT_ERA_NONE && era < TEXT_ERA_COUNT) ? eras[era].name : "";
}

text_ymd text_era_start(text_era era)
{
    return (era > TEXT_ERA_NONE && era < TEXT_ERA_COUNT) ? eras[era].start : (text_ymd){0, 0, 0};
}

int tx_era_base(text_era era)
{
    return (era > TEXT_ERA_NONE && era < TEXT_ERA_COUNT) ? eras[era].base : 0;
}

text_era text_era_of(text_ymd d, int *era_year)
{
    for (int e = TEXT_ERA_COUNT - 1; e > TEXT_ERA_NONE; e--) {
        if (text_ymd_cmp(d, eras[e].start) >= 0) {
            if (era_year) *era_year = d.year - eras[e].base;
            return (text_era)e;
        }
    }
    if (era_year) *era_year = 0;
    return TEXT_ERA_NONE;
}

static bool leap(long y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int text_days_in_month(int year, int month)
{
    static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return dim[month - 1] + (month == 2 && leap(year));
}

bool text_ymd_valid(text_ymd d)
{
    return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
           d.day <= text_days_in_month(d.year, d.month);
}

int text_ymd_cmp(text_ymd a, text_ymd b)
{
    if (a.year != b.year) return a.year < b.year ? -1 : 1;
    if (a.month != b.month) return a.month < b.month ? -1 : 1;
    if (a.day != b.day) return a.day < b.day ? -1 : 1;
    return 0;
}

/* Days from 0001-01-01 to the first day of year y. */
static long days_before_year(long y)
{
    long p = y - 1;
    return p * 365 + p / 4 - p / 100 + p / 400;
}

static long day_of_year(int y, int m, int d)
{
    long n = d;
    for (int i = 1; i < m; i++)
        n += text_days_in_month(y, i);
    return n;
}

long text_ymd_to_days(text_ymd d)
{
    return days_before_year(d.year) + day_of_year(d.year, d.month, d.day) - 1 -
           days_before_year(1970);
}

text_ymd text_ymd_from_days(long days)
{
    long abs = days + days_before_year(1970); /* days since 0001-01-01 */
    if (abs < 0) return (text_ymd){1, 1, 1};
    long y = abs / 366 + 1; /* never past the true year */
    while (days_before_year(y + 1) <= abs)
        y++;
    long rem = abs - days_before_year(y); /* 0-based day of year */
    int m = 1;
    while (rem >= text_days_in_month((int)y, m))
        rem -= text_days_in_month((int)y, m++);
    return (text_ymd){(int)y, m, (int)rem + 1};
}

text_ymd text_ymd_add_days(text_ymd d, long n)
{
    return text_ymd_from_days(text_ymd_to_days(d) + n);
}

int text_ymd_weekday(text_ymd d)
{
    long w = (text_ymd_to_days(d) + 4) % 7; /* 1970-01-01 was a Thursday */
    return (int)(w < 0 ? w + 7 : w);
}

size_t text_ymd_format(text_ymd d, char out[11])
{
    unsigned y = (unsigned)d.year % 10000, m = (unsigned)d.month % 100, dd = (unsigned)d.day % 100;
    const unsigned parts[3] = {y, m, dd}, widths[3] = {4, 2, 2};
    size_t k = 0;
    for (int p = 0; p < 3; p++) {
        if (p) out[k++] = '-';
        for (unsigned w = widths[p], v = parts[p]; w > 0; w--) {
            out[k + w - 1] = (char)('0' + v % 10);
            v /= 10;
        }
        k += widths[p];
    }
    out[k] = '\0';
    return k;
}

size_t text_ymd_format_wareki(text_ymd d, bool gannen, char *out, size_t cap)
{
    int ey;
    text_era era = text_era_of(d, &ey);
    int k;
    if (era == TEXT_ERA_NONE)
        k = snprintf(out, cap, "%d年%d月%d日", d.year, d.month, d.day);
    else if (ey == 1 && gannen)
        k = snprintf(out, cap, "%s元年%d月%d日", eras[era].name, d.month, d.day);
    else
        k = snprintf(out, cap, "%s%d年%d月%d日", eras[era].name, ey, d.month, d.day);
    return k < 0 ? 0 : (size_t)k;
}

bool text_period_end(text_ymd start, text_duration d, unsigned count, text_ymd *end)
{
    if (!text_ymd_valid(start) || d.years < 0 || d.months < 0 || d.days < 0) return false;
    long months = (long)d.years * 12 + d.months;
    if (months == 0 && d.days == 0) return false;
    if (months > 12L * 9000 || d.days > 3660000) return false;
    text_ymd first = count == TEXT_COUNT_NEXT_DAY ? text_ymd_add_days(start, 1) : start;
    /* The day in the last month that corresponds to the first day; the
     * period ends the day before it (民法143条2項). */
    text_ymd next = first, last = text_ymd_add_days(first, -1);
    if (months > 0) {
        long m0 = (long)first.month - 1 + months;
        int y = first.year + (int)(m0 / 12), m = (int)(m0 % 12) + 1;
        if (first.day <= text_days_in_month(y, m)) {
            next = (text_ymd){y, m, first.day};
            last = text_ymd_add_days(next, -1);
        } else { /* no corresponding day: the month's last day */
            last = (text_ymd){y, m, text_days_in_month(y, m)};
            next = text_ymd_add_days(last, 1);
        }
    }
    if (d.days > 0) last = text_ymd_add_days(next, d.days - 1);
    *end = last;
    return true;
}

double text_duration_days(text_duration d)
{
    const double year = 365.2425;
    return d.years * year + d.months * (year / 12) + d.days;
}

text_ymd text_date_first_day(const text_date *d)
{
    text_ymd r = d->ymd;
    if (d->prec < TEXT_PREC_MONTH) r.month = 1;
    if (d->prec < TEXT_PREC_DAY) r.day = 1;
    return r;
}

text_ymd text_date_last_day(const text_date *d)
{
    text_ymd r = d->ymd;
    if (d->prec < TEXT_PREC_MONTH) r.month = 12;
    if (d->prec < TEXT_PREC_DAY) r.day = text_days_in_month(r.year, r.month);
    return r;
}

bool text_period_bounds(const text_period *p, text_ymd *first, text_ymd *last)
{
    if (!(p->has & TEXT_PERIOD_FROM)) return false;
    *first = text_date_first_day(&p->from);
    if (p->has & TEXT_PERIOD_TO) {
        *last = text_date_last_day(&p->to);
        return true;
    }
    if ((p->has & TEXT_PERIOD_DURATION) && p->from.prec == TEXT_PREC_DAY)
        return text_period_end(*first, p->dur, TEXT_COUNT_FROM_START, last);
    return false;
}

void tx_check_era(text_date *d)
{
    if (d->era == TEXT_ERA_NONE) return;
    d->ymd.year = eras[d->era].base + d->era_year;
    if (text_ymd_cmp(text_date_last_day(d), eras[d->era].start) < 0)
        d->flags |= TEXT_DATE_BEFORE_ERA;
    if (d->era + 1 < TEXT_ERA_COUNT &&
        text_ymd_cmp(text_date_first_day(d), eras[d->era + 1].start) >= 0)
        d->flags |= TEXT_DATE_AFTER_ERA;
}

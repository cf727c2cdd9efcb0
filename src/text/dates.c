/*
 * dates.c - dates and fiscal years, 西暦 and 和暦.
 *
 * A date is read as: a year part (an era with its year, or a four-digit
 * Gregorian year), then either 年 [M月 [D日]] or a separator form (.../...),
 * then an optional weekday. The era may be written in full (令和), as a square
 * ligature (㋿), as a letter (R, H, S, T, M) or as its first kanji (令6年...).
 * The last two are only trusted where nothing else could be meant: a letter
 * must not follow another ASCII letter or digit (VER7.4.1) and its date must
 * lie inside the era (T1.2.3 is a section number, not 大正1年), a lone kanji
 * must start a word and be followed by a full date (最大3年間 is not 大正3年).
 *
 * A date outside its era is kept as written and flagged, because both slips
 * are common and a checker wants to report them: 令和1年4月1日 (before 令和
 * began) and 平成32年3月31日 (written in 2018 for a date after the change).
 */
#include <string.h>

#include "internal.h"

#define CP_NEN 0x5E74   /* 年 */
#define CP_TSUKI 0x6708 /* 月 */
#define CP_HI 0x65E5    /* 日 */
#define CP_DO 0x5EA6    /* 度 */
#define CP_KAN 0x9593   /* 間 */
#define CP_GEN 0x5143   /* 元 */

enum era_kind { ERA_WESTERN = -1, ERA_FULL = 0, ERA_SQUARE, ERA_LETTER, ERA_ONE_KANJI };

static const struct era_form {
    text_era era;
    const char *name;
    uint32_t square, letter, one;
} era_forms[] = {
    {TEXT_ERA_MEIJI, "明治", 0x337E, 'M', 0x660E},  /* ㍾ 明 */
    {TEXT_ERA_TAISHO, "大正", 0x337D, 'T', 0x5927}, /* ㍽ 大 */
    {TEXT_ERA_SHOWA, "昭和", 0x337C, 'S', 0x662D},  /* ㍼ 昭 */
    {TEXT_ERA_HEISEI, "平成", 0x337B, 'H', 0x5E73}, /* ㍻ 平 */
    {TEXT_ERA_REIWA, "令和", 0x32FF, 'R', 0x4EE4},  /* ㋿ 令 */
};
enum { N_ERA_FORMS = sizeof era_forms / sizeof era_forms[0] };

static bool is_ascii_alnum(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
}

static bool is_word_char(uint32_t cp)
{
    return is_ascii_alnum(cp) || tx_is_ideograph(cp) || tx_is_hiragana(cp) || tx_is_katakana(cp);
}

static bool starts_number(uint32_t cp)
{
    return tx_is_digit(cp) || tx_is_kanji_numeral(cp);
}

/* The era written at s[i]; returns its bytes, 0 if none. */
static size_t read_era(const char *s, size_t n, size_t i, text_era *era, int *kind)
{
    for (int f = 0; f < N_ERA_FORMS; f++) {
        size_t k = tx_lit(s, n, i, era_forms[f].name);
        if (k) {
            *era = era_forms[f].era;
            *kind = ERA_FULL;
            return k;
        }
    }
    uint32_t cp, next;
    size_t k = tx_get(s, n, i, &cp);
    if (!k) return 0;
    for (int f = 0; f < N_ERA_FORMS; f++) {
        if (cp == era_forms[f].square) {
            *era = era_forms[f].era;
            *kind = ERA_SQUARE;
            return k;
        }
    }
    tx_get(s, n, i + k, &next);
    if (!tx_is_digit(next)) return 0;
    uint32_t prev = tx_prev(s, i);
    for (int f = 0; f < N_ERA_FORMS; f++) {
        if ((cp == era_forms[f].letter && !is_ascii_alnum(prev) && prev != '.') ||
            (cp == era_forms[f].one && !is_word_char(prev))) {
            *era = era_forms[f].era;
            *kind = cp == era_forms[f].one ? ERA_ONE_KANJI : ERA_LETTER;
            return k;
        }
    }
    return 0;
}

/* An era year: 元 or a number 1..99. Sets *arabic when written in digits. */
static size_t read_era_year(const char *s, size_t n, size_t p, text_date *d, bool *arabic)
{
    uint32_t cp;
    size_t k = tx_get(s, n, p, &cp);
    *arabic = false;
    if (cp == CP_GEN) {
        d->era_year = 1;
        d->flags |= TEXT_DATE_GANNEN;
        return p + k;
    }
    if (!starts_number(cp)) return 0;
    tx_num v;
    size_t m = tx_number(s, n, p, TX_NUM_DATE, &v);
    if (!m || v.mant < 1 || v.mant > 99 || (v.arabic && v.kanji)) return 0;
    if (v.kanji) d->flags |= TEXT_DATE_KANJI;
    *arabic = v.arabic;
    d->era_year = (int)v.mant;
    return p + m;
}

/* A Gregorian year: four arabic digits or a kanji numeral, 1000..2999. */
static size_t read_western_year(const char *s, size_t n, size_t i, text_date *d, bool *arabic)
{
    uint32_t cp;
    tx_get(s, n, i, &cp);
    if (!(tx_is_digit(cp) || tx_kanji_digit(cp) >= 0) || tx_inside_number(s, i, cp)) return 0;
    tx_num v;
    size_t m = tx_number(s, n, i, TX_NUM_DATE, &v);
    if (!m || (v.arabic && v.kanji) || (v.arabic && v.digits != 4)) return 0;
    if (v.mant < 1000 || v.mant > 2999) return 0;
    if (v.kanji) d->flags |= TEXT_DATE_KANJI;
    *arabic = v.arabic;
    d->ymd.year = (int)v.mant;
    return i + m;
}

/* Era and year, or a Gregorian year; returns the end of the year number. */
static size_t read_year_part(const char *s, size_t n, size_t i, text_date *d, int *kind,
                             bool *arabic)
{
    size_t k = read_era(s, n, i, &d->era, kind);
    if (!k) {
        *kind = ERA_WESTERN;
        return read_western_year(s, n, i, d, arabic);
    }
    if (*kind != ERA_FULL) d->flags |= TEXT_DATE_ABBREV;
    size_t p = (*kind == ERA_FULL || *kind == ERA_SQUARE) ? tx_skip_ws(s, n, i + k) : i + k;
    return read_era_year(s, n, p, d, arabic);
}

/* A number followed by unit (月 or 日); returns the end, 0 if there is none,
 * and sets *bad when the number is outside lo..hi (令和7年13月: no date). */
static size_t read_part(const char *s, size_t n, size_t p, uint32_t unit, int lo, int hi,
                        int *value, bool *kanji, bool *bad)
{
    size_t q = tx_skip_ws(s, n, p);
    uint32_t cp;
    tx_get(s, n, q, &cp);
    if (!starts_number(cp)) return 0;
    tx_num v;
    size_t k = tx_number(s, n, q, TX_NUM_DATE, &v);
    if (!k || (v.arabic && v.kanji)) return 0;
    size_t r = tx_skip_ws(s, n, q + k);
    size_t ku = tx_get(s, n, r, &cp);
    if (cp != unit) return 0;
    if (v.mant < lo || v.mant > hi) {
        *bad = true;
        return 0;
    }
    *value = (int)v.mant;
    *kanji = v.kanji;
    return r + ku;
}

/* M月 and D日 after a year (p is just after 年, or at the month number when
 * the year is implied). Sets prec; returns the end of what was read (p when
 * there is no month), 0 when a month or day is out of range. */
static size_t read_month_day(const char *s, size_t n, size_t p, text_date *d)
{
    d->prec = TEXT_PREC_YEAR;
    int month, day;
    bool kanji, bad = false;
    size_t e = read_part(s, n, p, CP_TSUKI, 1, 12, &month, &kanji, &bad);
    if (!e) return bad ? 0 : p;
    d->ymd.month = month;
    d->prec = TEXT_PREC_MONTH;
    if (kanji) d->flags |= TEXT_DATE_KANJI;
    size_t e2 = read_part(s, n, e, CP_HI, 1, 31, &day, &kanji, &bad);
    if (!e2) return bad ? 0 : e;
    uint32_t after;
    tx_get(s, n, e2, &after);
    if (after == CP_KAN) return e; /* 4月 10日間: a length, not the 10th */
    d->ymd.day = day;
    d->prec = TEXT_PREC_DAY;
    if (kanji) d->flags |= TEXT_DATE_KANJI;
    return e2;
}

/* .M.D, /M/D or -M-D right after an arabic year. */
static size_t read_numeric(const char *s, size_t n, size_t j, text_date *d)
{
    uint32_t sep, cp;
    size_t k = tx_get(s, n, j, &sep);
    if (sep != '.' && sep != '/' && sep != '-') return 0;
    size_t p = j + k;
    tx_num m, dd;
    size_t km = tx_number(s, n, p, TX_NUM_ARABIC, &m);
    if (!km || m.digits > 2 || m.mant < 1 || m.mant > 12) return 0;
    p += km;
    k = tx_get(s, n, p, &cp);
    if (cp != sep) return 0;
    p += k;
    size_t kd = tx_number(s, n, p, TX_NUM_ARABIC, &dd);
    if (!kd || dd.digits > 2 || dd.mant < 1 || dd.mant > 31) return 0;
    p += kd;
    /* 2024.4.1.5 or 1.2.3.4 is a version or an address, not a date (but
     * 2025/4/1-2026/3/31 is a range) */
    k = tx_get(s, n, p, &cp);
    if (k && (cp == sep || cp == '.')) {
        uint32_t next;
        if (tx_get(s, n, p + k, &next) && tx_is_digit(next)) return 0;
    }
    d->ymd.month = (int)m.mant;
    d->ymd.day = (int)dd.mant;
    d->prec = TEXT_PREC_DAY;
    d->flags |= TEXT_DATE_NUMERIC;
    return p;
}

static int weekday_of(uint32_t cp)
{
    /* clang-format off */
    switch (cp) {
    case 0x65E5: return 0; /* 日 */
    case 0x6708: return 1; /* 月 */
    case 0x706B: return 2; /* 火 */
    case 0x6C34: return 3; /* 水 */
    case 0x6728: return 4; /* 木 */
    case 0x91D1: return 5; /* 金 */
    case 0x571F: return 6; /* 土 */
    default: return -1;
    }
    /* clang-format on */
}

/* (月) （月曜日） (月・祝) or 月曜日 after a date; returns its end, 0 if none. */
static size_t read_weekday(const char *s, size_t n, size_t end, int *w)
{
    size_t p = tx_skip_ws(s, n, end);
    uint32_t cp;
    size_t k = tx_get(s, n, p, &cp);
    if (cp == '(') {
        size_t q = tx_skip_ws(s, n, p + k);
        k = tx_get(s, n, q, &cp);
        if ((*w = weekday_of(cp)) < 0) return 0;
        q += k;
        size_t y = tx_lit(s, n, q, "曜");
        if (y) {
            q += y;
            q += tx_lit(s, n, q, "日");
        }
        q += tx_lit(s, n, q, "・祝");
        q = tx_skip_ws(s, n, q);
        k = tx_get(s, n, q, &cp);
        return cp == ')' ? q + k : 0;
    }
    if ((*w = weekday_of(cp)) >= 0 && tx_lit(s, n, p + k, "曜日")) return p + k + 6;
    return 0;
}

/* Era year → Gregorian, range flags, weekday, span. */
static size_t finish_date(const char *s, size_t n, size_t start, size_t end, text_date *d,
                          text_date *out)
{
    tx_check_era(d);
    if (d->prec == TEXT_PREC_DAY) {
        if (d->ymd.day > text_days_in_month(d->ymd.year, d->ymd.month))
            d->flags |= TEXT_DATE_BAD_DAY;
        int w;
        size_t we = read_weekday(s, n, end, &w);
        if (we) {
            d->weekday = w;
            end = we;
            if (!(d->flags & TEXT_DATE_BAD_DAY) && text_ymd_weekday(d->ymd) != w)
                d->flags |= TEXT_DATE_WEEKDAY_MISMATCH;
        }
    }
    d->span = (text_span){start, end};
    *out = *d;
    return end - start;
}

static void date_init(text_date *d)
{
    memset(d, 0, sizeof *d);
    d->weekday = -1;
}

size_t tx_date_at(const char *s, size_t n, size_t i, text_date *out)
{
    text_date d;
    date_init(&d);
    int kind;
    bool arabic;
    size_t j = read_year_part(s, n, i, &d, &kind, &arabic);
    if (!j) return 0;
    size_t p = tx_skip_ws(s, n, j), end;
    uint32_t cp, next;
    size_t k = tx_get(s, n, p, &cp);
    if (cp == CP_NEN) {
        tx_get(s, n, tx_skip_ws(s, n, p + k), &next);
        if (next == CP_DO || next == CP_KAN) return 0; /* 令和7年度, 1000年間 */
        end = read_month_day(s, n, p + k, &d);
        if (!end || (kind == ERA_ONE_KANJI && d.prec != TEXT_PREC_DAY)) return 0;
    } else if (p == j && arabic) {
        end = read_numeric(s, n, j, &d);
        if (!end) return 0;
    } else {
        return 0;
    }
    size_t len = finish_date(s, n, i, end, &d, out);
    /* T1.2.3 or S1.2.3 outside its era is a section number, not a date */
    if (kind == ERA_LETTER && (out->flags & (TEXT_DATE_BEFORE_ERA | TEXT_DATE_AFTER_ERA))) return 0;
    return len;
}

static bool could_start_date(uint32_t cp)
{
    if (starts_number(cp)) return true;
    for (int f = 0; f < N_ERA_FORMS; f++)
        if (cp == era_forms[f].square || cp == era_forms[f].letter || cp == era_forms[f].one)
            return true;
    return false;
}

size_t text_parse_date(const char *s, size_t n, text_date *out)
{
    return tx_date_at(s, n, 0, out);
}

size_t text_find_dates(const char *s, size_t n, text_date *out, size_t cap)
{
    size_t count = 0, i = 0;
    while (i < n) {
        uint32_t cp;
        size_t k = tx_get(s, n, i, &cp);
        text_date d;
        size_t m = could_start_date(cp) ? tx_date_at(s, n, i, &d) : 0;
        if (m) {
            if (count < cap) out[count] = d;
            count++;
            i += m;
        } else {
            i += k;
        }
    }
    return count;
}

/* ---- relative ends of a range ---- */

size_t tx_date_cont_at(const char *s, size_t n, size_t i, const text_date *from, text_date *out,
                       bool *year_inferred)
{
    *year_inferred = false;
    size_t k = tx_date_at(s, n, i, out);
    if (k) return k;
    text_date d;
    date_init(&d);
    size_t end;
    bool same = tx_lit(s, n, i, "同年"), next = !same && tx_lit(s, n, i, "翌年");
    if (same || next) { /* 同年9月30日, 翌年3月31日 */
        d.ymd.year = from->ymd.year + (next ? 1 : 0);
        end = read_month_day(s, n, i + 6, &d);
        if (!end || d.prec < TEXT_PREC_MONTH) return 0;
    } else if (tx_lit(s, n, i, "同月")) { /* 同月30日 */
        bool kanji, bad = false;
        if (from->prec < TEXT_PREC_MONTH) return 0;
        end = read_part(s, n, i + 6, CP_HI, 1, 31, &d.ymd.day, &kanji, &bad);
        if (!end) return 0;
        d.ymd.year = from->ymd.year;
        d.ymd.month = from->ymd.month;
        d.prec = TEXT_PREC_DAY;
    } else {
        /* 12年3月31日 in the era of the start, or 3月31日 in its year */
        bool arabic;
        size_t j = 0;
        if (from->era != TEXT_ERA_NONE) {
            d.era = from->era;
            j = read_era_year(s, n, i, &d, &arabic);
        }
        size_t p = j ? tx_skip_ws(s, n, j) : i;
        if (j && tx_lit(s, n, p, "年")) {
            end = read_month_day(s, n, p + 3, &d);
            if (!end || d.prec < TEXT_PREC_MONTH) return 0;
        } else {
            date_init(&d);
            d.era = from->era;
            d.era_year = from->era_year;
            d.ymd.year = from->ymd.year;
            end = read_month_day(s, n, i, &d);
            if (!end || d.prec < TEXT_PREC_MONTH) return 0;
            /* 令和7年10月1日から3月31日まで: the end is in the next year */
            text_date probe = d;
            tx_check_era(&probe);
            if (text_ymd_cmp(text_date_first_day(&probe), text_date_first_day(from)) < 0) {
                if (d.era) d.era_year++;
                d.ymd.year++;
                *year_inferred = true;
            }
        }
    }
    return finish_date(s, n, i, end, &d, out);
}

/* ---- fiscal years ---- */

static void fiscal_from(const text_date *d, size_t start, size_t end, text_fiscal_year *out)
{
    memset(out, 0, sizeof *out);
    out->era = d->era;
    out->era_year = d->era_year;
    out->flags = d->flags & (TEXT_DATE_GANNEN | TEXT_DATE_ABBREV | TEXT_DATE_KANJI);
    int y = d->era ? tx_era_base(d->era) + d->era_year : d->ymd.year;
    /* 平成31年度 and 令和元年度 are both valid names of FY2019; 平成32年度 is not */
    if (d->era && d->era + 1 < TEXT_ERA_COUNT && y > text_era_start(d->era + 1).year)
        out->flags |= TEXT_DATE_AFTER_ERA;
    out->year = y;
    out->first = (text_ymd){y, 4, 1};
    out->last = (text_ymd){y + 1, 3, 31};
    out->span = (text_span){start, end};
}

size_t tx_fiscal_at(const char *s, size_t n, size_t i, text_fiscal_year *out)
{
    text_date d;
    date_init(&d);
    int kind;
    bool arabic;
    size_t j = read_year_part(s, n, i, &d, &kind, &arabic);
    if (!j) return 0;
    size_t p = tx_skip_ws(s, n, j);
    size_t k = tx_lit(s, n, p, "年度");
    if (!k) return 0;
    fiscal_from(&d, i, p + k, out);
    return p + k - i;
}

size_t tx_fiscal_cont_at(const char *s, size_t n, size_t i, const text_fiscal_year *from,
                         text_fiscal_year *out)
{
    size_t k = tx_fiscal_at(s, n, i, out);
    if (k) return k;
    if (from->era == TEXT_ERA_NONE) return 0;
    text_date d;
    date_init(&d);
    d.era = from->era;
    bool arabic;
    size_t j = read_era_year(s, n, i, &d, &arabic);
    if (!j) return 0;
    size_t p = tx_skip_ws(s, n, j);
    k = tx_lit(s, n, p, "年度");
    if (!k) return 0;
    fiscal_from(&d, i, p + k, out);
    return p + k - i;
}

size_t tx_fiscal_pair_at(const char *s, size_t n, size_t i, text_fiscal_year *a,
                         text_fiscal_year *b)
{
    text_date d1, d2;
    date_init(&d1);
    int kind;
    bool arabic;
    size_t j = read_year_part(s, n, i, &d1, &kind, &arabic);
    if (!j) return 0;
    size_t p = tx_skip_ws(s, n, j);
    uint32_t cp;
    size_t k = tx_get(s, n, p, &cp);
    if (!tx_is_range_mark(cp)) return 0;
    size_t q = tx_skip_ws(s, n, p + k);
    d2 = d1;
    d2.flags = 0;
    size_t r =
        d1.era ? read_era_year(s, n, q, &d2, &arabic) : read_western_year(s, n, q, &d2, &arabic);
    if (!r) return 0;
    r = tx_skip_ws(s, n, r);
    k = tx_lit(s, n, r, "年度");
    if (!k) return 0;
    fiscal_from(&d1, i, j, a);
    fiscal_from(&d2, q, r + k, b);
    return r + k - i;
}

size_t text_parse_fiscal_year(const char *s, size_t n, text_fiscal_year *out)
{
    return tx_fiscal_at(s, n, 0, out);
}

size_t text_find_fiscal_years(const char *s, size_t n, text_fiscal_year *out, size_t cap)
{
    size_t count = 0, i = 0;
    while (i < n) {
        uint32_t cp;
        size_t k = tx_get(s, n, i, &cp);
        text_fiscal_year a, b;
        size_t m = 0;
        if (could_start_date(cp)) {
            /* 令和7～9年度 names two fiscal years */
            if ((m = tx_fiscal_pair_at(s, n, i, &a, &b))) {
                if (count < cap) out[count] = a;
                count++;
                if (count < cap) out[count] = b;
                count++;
            } else if ((m = tx_fiscal_at(s, n, i, &a))) {
                if (count < cap) out[count] = a;
                count++;
            }
        }
        i += m ? m : k;
    }
    return count;
}

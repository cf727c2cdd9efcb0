/*
 * periods.c - periods of time: ranges of dates or fiscal years, a start plus
 * a length, and lengths on their own.
 *
 * A period starts with a date (令和7年4月1日), a fiscal year (令和7年度) or a
 * named day (契約締結日, 引渡しの日, 通知を受けた日の翌日) and continues with
 * から / より / a range mark, then an end date (possibly relative: 同年, 翌年,
 * an era-less 12年3月31日, a year-less 9月30日) or a length (5年間, 60箇月). A
 * length on its own is reported only when it cannot be anything else: it has
 * 間 (5年間), is counted in months (60か月), carries a bound (3年以内) or follows
 * a label (契約期間５年). "5年" or "30日" alone is too often a date part or a
 * count to be called a period.
 *
 * Named starts are found by looking back from から: the words before it, up to
 * a particle or punctuation, ending in 日 or 時. The look-back is bounded
 * (TX_ANCHOR_MAX characters) so the reader stays linear.
 */
#include <string.h>

#include "internal.h"

enum { TX_ANCHOR_MAX = 20, TX_LABEL_MAX = 10 };

#define CP_NEN 0x5E74 /* 年 */
#define CP_DO 0x5EA6  /* 度 */
#define CP_KAN 0x9593 /* 間 */
#define CP_HI 0x65E5  /* 日 */
#define CP_JI 0x6642  /* 時 */

static const char *const kara_words[] = {"から", "より", NULL};
static const char *const until_words[] = {"までの間", "まで", "にかけて", NULL};

/* から / より, or a range mark (〜 ～ - ―). *word tells which. */
static size_t connector(const char *s, size_t n, size_t i, bool *word)
{
    size_t k = tx_lit_any(s, n, i, kara_words, NULL);
    if (k) {
        *word = true;
        return k;
    }
    uint32_t cp;
    k = tx_get(s, n, i, &cp);
    *word = false;
    return k && tx_is_range_mark(cp) ? k : 0;
}

/* か月 ヶ月 ヵ月 カ月 ケ月 箇月 个月 (half-width ｶ ｹ too, through tx_get). */
static size_t month_unit(const char *s, size_t n, size_t q)
{
    uint32_t cp;
    size_t k = tx_get(s, n, q, &cp);
    /* clang-format off */
    switch (cp) {
    case 0x304B: case 0x30F6: case 0x30F5: case 0x30AB: case 0x30B1: case 0x7B87: case 0x4E2A:
        break;
    default: return 0;
    }
    /* clang-format on */
    size_t m = tx_lit(s, n, q + k, "月");
    return m ? k + m : 0;
}

/* 以内 以上 以下 未満 を超え(る|ない) 超 right after a length. */
static size_t read_cmp(const char *s, size_t n, size_t i, text_cmp *cmp)
{
    /* clang-format off */
    static const struct {
        const char *w;
        text_cmp c;
    } words[] = {
        {"以内", TEXT_CMP_WITHIN},    {"以上", TEXT_CMP_AT_LEAST}, {"以下", TEXT_CMP_AT_MOST},
        {"未満", TEXT_CMP_LESS},      {"を超えない", TEXT_CMP_AT_MOST},
        {"を超える", TEXT_CMP_MORE},  {"を超え", TEXT_CMP_MORE},   {"超", TEXT_CMP_MORE},
    };
    /* clang-format on */
    for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
        size_t k = tx_lit(s, n, i, words[w].w);
        if (k) {
            *cmp = words[w].c;
            return k;
        }
    }
    *cmp = TEXT_CMP_NONE;
    return 0;
}

typedef struct dur_info {
    bool kan;    /* ended in 間 */
    bool months; /* counted in months */
    bool half;   /* 半年 alone */
} dur_info;

/* N年 [半] [間], N か月 [間], N 週間, N 日 [間], combined in descending order
 * (1年6か月), or 半年. Returns the end, 0 if none. */
static size_t read_duration(const char *s, size_t n, size_t i, text_duration *d, dur_info *info)
{
    memset(d, 0, sizeof *d);
    memset(info, 0, sizeof *info);
    size_t p = i;
    int parts = 0, last_rank = 99;
    size_t k = tx_lit(s, n, p, "半年");
    if (k) {
        d->months = 6;
        p += k;
        parts = 1;
        info->half = true;
        size_t kk = tx_lit(s, n, p, "間");
        if (kk) {
            info->kan = true;
            return p + kk;
        }
        return p;
    }
    for (;;) {
        uint32_t cp;
        tx_get(s, n, p, &cp);
        if (!(tx_is_digit(cp) || tx_is_kanji_numeral(cp))) break;
        if (parts == 0 && tx_inside_number(s, p, cp)) return 0;
        tx_num v;
        size_t kn = tx_number(s, n, p, TX_NUM_ARABIC | TX_NUM_KANJI, &v);
        if (!kn || v.mant < 1 || v.mant > 9999 || (v.arabic && v.kanji)) break;
        size_t q = tx_skip_ws(s, n, p + kn), after = 0;
        int rank = 0, value = (int)v.mant;
        uint32_t unit, next;
        size_t ku = tx_get(s, n, q, &unit);
        size_t km = month_unit(s, n, q);
        if (unit == CP_NEN) {
            tx_get(s, n, q + ku, &next);
            if (next == CP_DO) break; /* 5年度 */
            rank = 4;
            after = q + ku;
        } else if (km) {
            rank = 3;
            after = q + km;
        } else if ((k = tx_lit(s, n, q, "週"))) { /* 週間: 間 is read below */
            rank = 2;
            after = q + k;
        } else if (unit == CP_HI) {
            rank = 1;
            after = q + ku;
        }
        if (!rank || rank >= last_rank) break;
        switch (rank) {
        case 4:
            d->years = value;
            break;
        case 3:
            d->months += value;
            info->months = true;
            break;
        case 2:
            d->days += 7 * value;
            break;
        default:
            d->days += value;
            break;
        }
        last_rank = rank;
        parts++;
        p = after;
        if (rank == 4 && (k = tx_lit(s, n, p, "半"))) { /* 1年半 */
            d->months += 6;
            p += k;
            last_rank = 3;
            info->months = true;
        }
        if ((k = tx_lit(s, n, p, "間"))) {
            info->kan = true;
            p += k;
            break;
        }
    }
    return parts ? p : 0;
}

size_t text_parse_duration(const char *s, size_t n, text_duration *out)
{
    dur_info info;
    size_t i = tx_skip_ws(s, n, 0);
    size_t end = read_duration(s, n, i, out, &info);
    return end ? end : 0;
}

/* 契約期間, 履行期間, 保存期間 ... ending just before `start` (over は : 、 and
 * spaces). */
static text_span find_label(const char *s, size_t start)
{
    size_t j = start;
    for (int skipped = 0; skipped < 4 && j > 0; skipped++) {
        size_t at;
        uint32_t cp = tx_prev_at(s, j, &at);
        if (!(tx_is_space(cp) || cp == 0x306F /* は */ || cp == ':' || cp == 0x3001 /* 、 */ ||
              cp == '(' || cp == 0x300C /* 「 */))
            break;
        j = at;
    }
    if (j < 6 || !(memcmp(s + j - 6, "期間", 6) == 0 || memcmp(s + j - 6, "期限", 6) == 0))
        return (text_span){0, 0};
    size_t a = j - 6;
    for (int c = 0; c < TX_LABEL_MAX; c++) {
        size_t at;
        uint32_t cp = tx_prev_at(s, a, &at);
        if (!(tx_is_ideograph(cp) || tx_is_katakana(cp))) break;
        a = at;
    }
    return (text_span){a, j};
}

static size_t skip_until(const char *s, size_t n, size_t p, size_t *end)
{
    size_t k = tx_lit_any(s, n, p, until_words, NULL);
    if (k) *end = p + k;
    return k;
}

static void period_init(text_period *p)
{
    memset(p, 0, sizeof *p);
    p->from.weekday = p->to.weekday = -1;
}

static text_date day_date(text_ymd d, text_span span)
{
    text_date r;
    memset(&r, 0, sizeof r);
    r.ymd = d;
    r.prec = TEXT_PREC_DAY;
    r.weekday = -1;
    r.span = span;
    return r;
}

/* After the end date: までの5年間 states the length too; check they agree. */
static size_t stated_length(const char *s, size_t n, size_t p, text_period *per)
{
    size_t k = tx_lit(s, n, p, "の");
    if (!k) return p;
    text_duration d;
    dur_info info;
    size_t e = read_duration(s, n, p + k, &d, &info);
    if (!e || !info.kan) return p;
    per->dur = d;
    per->has |= TEXT_PERIOD_DURATION;
    text_ymd last;
    if (per->from.prec == TEXT_PREC_DAY && per->to.prec == TEXT_PREC_DAY &&
        text_period_end(per->from.ymd, d, TEXT_COUNT_FROM_START, &last) &&
        text_ymd_cmp(last, per->to.ymd) != 0)
        per->flags |= TEXT_PERIOD_MISMATCH;
    return e;
}

/* から [起算して] then a length, with its bound. */
static size_t length_after(const char *s, size_t n, size_t p, text_period *per)
{
    size_t q = p, k;
    if ((k = tx_lit(s, n, q, "起算して"))) q = tx_skip_ws(s, n, q + k);
    dur_info info;
    size_t e = read_duration(s, n, q, &per->dur, &info);
    if (!e) return 0;
    per->has |= TEXT_PERIOD_DURATION;
    e += read_cmp(s, n, e, &per->cmp);
    size_t until;
    if (skip_until(s, n, e, &until)) e = until;
    return e;
}

/* An end date (or relative end) after a connector, with まで and a stated length. */
static size_t end_date_after(const char *s, size_t n, size_t p, text_period *per)
{
    bool inferred;
    size_t k = tx_date_cont_at(s, n, p, &per->from, &per->to, &inferred);
    if (!k) return 0;
    per->has |= TEXT_PERIOD_TO;
    if (inferred) per->flags |= TEXT_PERIOD_YEAR_INFERRED;
    size_t e = p + k, until;
    if (skip_until(s, n, tx_skip_ws(s, n, e), &until)) e = stated_length(s, n, until, per);
    return e;
}

static void check_order(text_period *per)
{
    if ((per->has & TEXT_PERIOD_FROM) && (per->has & TEXT_PERIOD_TO) &&
        text_ymd_cmp(text_date_last_day(&per->to), text_date_first_day(&per->from)) < 0)
        per->flags |= TEXT_PERIOD_REVERSED;
}

static size_t period_from_fiscal(const char *s, size_t n, size_t i, text_period *per)
{
    text_fiscal_year a, b;
    size_t k = tx_fiscal_pair_at(s, n, i, &a, &b), end;
    if (k) {
        end = i + k;
    } else {
        if (!(k = tx_fiscal_at(s, n, i, &a))) return 0;
        size_t q = tx_skip_ws(s, n, i + k);
        bool word;
        size_t c = connector(s, n, q, &word);
        if (!c) return 0;
        size_t r = tx_skip_ws(s, n, q + c);
        size_t k2 = tx_fiscal_cont_at(s, n, r, &a, &b);
        if (!k2) {
            /* 令和7年度から3年間 */
            if (!word) return 0;
            per->from = day_date(a.first, a.span);
            per->has = TEXT_PERIOD_FROM;
            size_t e = length_after(s, n, r, per);
            if (!e) return 0;
            per->span = (text_span){i, e};
            return e;
        }
        end = r + k2;
    }
    per->from = day_date(a.first, a.span);
    per->to = day_date(b.last, b.span);
    per->has = TEXT_PERIOD_FROM | TEXT_PERIOD_TO | TEXT_PERIOD_FISCAL;
    size_t until;
    if (skip_until(s, n, tx_skip_ws(s, n, end), &until)) end = until;
    per->span = (text_span){i, end};
    return end;
}

static size_t period_from_date(const char *s, size_t n, size_t i, text_period *per)
{
    size_t k = tx_date_at(s, n, i, &per->from);
    if (!k) return 0;
    per->has = TEXT_PERIOD_FROM;
    size_t q = tx_skip_ws(s, n, i + k);
    bool word;
    size_t c = connector(s, n, q, &word);
    if (!c) return 0;
    size_t r = tx_skip_ws(s, n, q + c), e;
    if ((e = end_date_after(s, n, r, per)) == 0) {
        if (!word || (e = length_after(s, n, r, per)) == 0) return 0;
    }
    per->span = (text_span){i, e};
    return e;
}

static bool anchor_stop(uint32_t cp)
{
    /* clang-format off */
    switch (cp) {
    case 0x306F: case 0x304C: case 0x3092: case 0x306B: case 0x3067: /* は が を に で */
    case 0x3068: case 0x3078: case 0x3082: case 0x3084:              /* と へ も や */
        return true;
    default: break;
    }
    /* clang-format on */
    return !(tx_is_ideograph(cp) || tx_is_hiragana(cp) || tx_is_katakana(cp));
}

/* i is at から/より; the named day before it is the start. */
static size_t period_from_anchor(const char *s, size_t n, size_t i, size_t floor, text_period *per)
{
    uint32_t last = tx_prev(s, i);
    if (last != CP_HI && last != CP_JI) return 0;
    size_t a = i;
    int chars = 0, kanji = 0;
    uint32_t before_last = 0;
    while (a > floor && chars < TX_ANCHOR_MAX) {
        size_t at;
        uint32_t cp = tx_prev_at(s, a, &at);
        if (anchor_stop(cp) || tx_is_digit(cp)) break;
        if (chars == 1) before_last = cp;
        if (tx_is_ideograph(cp)) kanji++;
        a = at;
        chars++;
    }
    while (a < i && tx_lit(s, n, a, "の"))
        a += 3;
    /* 四月一日から: a date without a year, not a named day */
    if (chars < 2 || kanji < 2 || tx_is_kanji_numeral(before_last)) return 0;
    per->anchor = (text_span){a, i};
    per->has = TEXT_PERIOD_ANCHOR;
    size_t r = tx_skip_ws(s, n, i + tx_lit_any(s, n, i, kara_words, NULL)), e;
    text_date to;
    size_t k = tx_date_at(s, n, r, &to);
    if (k) { /* 契約締結の日から令和8年3月31日まで */
        per->to = to;
        per->has |= TEXT_PERIOD_TO;
        e = r + k;
        size_t until;
        if (skip_until(s, n, tx_skip_ws(s, n, e), &until)) e = until;
    } else if ((e = length_after(s, n, r, per)) == 0) {
        return 0;
    }
    per->span = (text_span){a, e};
    return e;
}

static size_t period_from_length(const char *s, size_t n, size_t i, text_period *per)
{
    dur_info info;
    size_t e = read_duration(s, n, i, &per->dur, &info);
    if (!e) return 0;
    e += read_cmp(s, n, e, &per->cmp);
    text_span label = find_label(s, i);
    bool clear = info.kan || (info.months && !info.half) || per->cmp != TEXT_CMP_NONE ||
                 label.end > label.start;
    if (!clear) return 0;
    per->has = TEXT_PERIOD_DURATION;
    per->span = (text_span){i, e};
    return e;
}

static bool could_start_value(uint32_t cp)
{
    return tx_is_digit(cp) || tx_is_kanji_numeral(cp) || cp == 0x660E || cp == 0x5927 ||
           cp == 0x662D || cp == 0x5E73 || cp == 0x4EE4 || (cp >= 0x337B && cp <= 0x337E) ||
           cp == 0x32FF || cp == 'M' || cp == 'T' || cp == 'S' || cp == 'H' || cp == 'R';
}

size_t text_find_periods(const char *s, size_t n, text_period *out, size_t cap)
{
    size_t count = 0, i = 0, floor = 0;
    while (i < n) {
        uint32_t cp;
        size_t k = tx_get(s, n, i, &cp), e = 0;
        text_period per;
        period_init(&per);
        if (could_start_value(cp)) {
            e = period_from_fiscal(s, n, i, &per);
            if (!e) {
                period_init(&per);
                e = period_from_date(s, n, i, &per);
            }
            if (!e) {
                /* a lone date or fiscal year: step over it so that its
                 * numbers are not read again as lengths */
                text_date d;
                text_fiscal_year f;
                size_t skip = tx_date_at(s, n, i, &d);
                if (!skip) skip = tx_fiscal_at(s, n, i, &f);
                if (skip) {
                    i += skip;
                    continue;
                }
                period_init(&per);
                e = period_from_length(s, n, i, &per);
            }
        } else if (cp == 0x304B /* か */ || cp == 0x3088 /* よ */) {
            if (tx_lit_any(s, n, i, kara_words, NULL)) e = period_from_anchor(s, n, i, floor, &per);
        } else if (cp == 0x534A /* 半 */) {
            e = period_from_length(s, n, i, &per);
        }
        if (e) {
            check_order(&per);
            per.label = find_label(s, per.span.start);
            if (count < cap) out[count] = per;
            count++;
            i = floor = e;
        } else {
            i += k;
        }
    }
    return count;
}

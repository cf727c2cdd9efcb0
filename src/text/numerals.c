/*
 * numerals.c - numbers as Japanese documents write them.
 *
 * One reader serves every value: arabic digits (half or full width, with
 * thousands separators and a decimal point where the caller allows them),
 * kanji digits read positionally (二〇二四), kanji with the multipliers
 * 十百千 (百二十三), the formal 大字 (壱弐参拾萬), and the large units 万億兆
 * over any of those (1,234万5千, 一億二千万, 3.5億).
 *
 * The reading is a small state machine over "coefficient, then unit" pairs:
 * a section below 10^4 accumulates coefficient x (十|百|千) in descending
 * order, a large unit multiplies the section and moves it to the total. A
 * value with a decimal point is kept exact as mant / 10^scale (3.5億 is
 * 35 x 10^8 / 10 = 350,000,000, never a float rounding). Anything that breaks
 * the grammar ends the number before it, so the reader takes exactly the
 * numeral prefix and never more: 三者 reads 3, 十分 reads 10, 万 alone reads
 * nothing.
 */
#include <string.h>

#include "internal.h"

static bool mul_ok(int64_t a, int64_t b, int64_t *r)
{
    return !__builtin_mul_overflow(a, b, r);
}

static bool add_ok(int64_t a, int64_t b, int64_t *r)
{
    return !__builtin_add_overflow(a, b, r);
}

/* 十 百 千 and their formal forms; 0 for anything else. */
static int64_t small_unit(uint32_t cp)
{
    /* clang-format off */
    switch (cp) {
    case 0x5341: case 0x62FE: return 10;               /* 十 拾 */
    case 0x767E: case 0x4F70: case 0x964C: return 100; /* 百 佰 陌 */
    case 0x5343: case 0x9621: case 0x4EDF: return 1000; /* 千 阡 仟 */
    default: return 0;
    }
    /* clang-format on */
}

/* 廿 and 卅 stand for a whole "二十" / "三十". */
static int64_t tens_word(uint32_t cp)
{
    if (cp == 0x5EFF) return 20;                 /* 廿 */
    if (cp == 0x5345 || cp == 0x4E17) return 30; /* 卅 丗 */
    return 0;
}

static int64_t large_unit(uint32_t cp)
{
    /* clang-format off */
    switch (cp) {
    case 0x4E07: case 0x842C: return 10000;  /* 万 萬 */
    case 0x5104: return 100000000;           /* 億 */
    case 0x5146: return 1000000000000LL;     /* 兆 */
    default: return 0;
    }
    /* clang-format on */
}

typedef struct numstate {
    int64_t total, section, coef;
    bool have_coef;
    int scale;
    int64_t pow; /* 10^scale */
    int64_t last_small, last_large;
} numstate;

/* Multiplies everything read so far by 10^k when a decimal point appears. */
static bool rescale(numstate *st, int k)
{
    for (int i = 0; i < k; i++) {
        if (!mul_ok(st->total, 10, &st->total) || !mul_ok(st->section, 10, &st->section) ||
            !mul_ok(st->pow, 10, &st->pow))
            return false;
    }
    st->scale += k;
    return true;
}

/* A comma is a thousands separator only when exactly three digits follow
 * and the group before it is a valid one: 1,234 and 12,345,678 but not 1,2
 * or 1,2345 (a list or a typo). */
static bool separator_ok(const char *s, size_t n, size_t p, int group_digits, bool first_group)
{
    if (first_group ? (group_digits < 1 || group_digits > 3) : group_digits != 3) return false;
    uint32_t cp;
    size_t k = tx_get(s, n, p, &cp); /* the comma */
    p += k;
    for (int d = 0; d < 3; d++) {
        k = tx_get(s, n, p, &cp);
        if (!k || !tx_is_digit(cp)) return false;
        p += k;
    }
    return !(tx_get(s, n, p, &cp) && tx_is_digit(cp));
}

/* Reads digits [, digits]* [. digits] at p; returns the end or 0 on overflow. */
static size_t read_arabic(const char *s, size_t n, size_t p, unsigned opts, numstate *st,
                          tx_num *out, bool first_run)
{
    int64_t v = 0;
    int nd = 0, group = 0;
    bool first_group = true;
    uint32_t cp;
    size_t k;
    while ((k = tx_get(s, n, p, &cp))) {
        if (tx_is_digit(cp)) {
            if (!mul_ok(v, 10, &v) || !add_ok(v, (int64_t)(cp - '0'), &v)) return 0;
            nd++;
            group++;
            p += k;
        } else if (cp == ',' && (opts & TX_NUM_SEP) && separator_ok(s, n, p, group, first_group)) {
            first_group = false;
            group = 0;
            p += k;
        } else {
            break;
        }
    }
    int64_t frac = 0;
    int fd = 0;
    if (cp == '.' && (opts & TX_NUM_DECIMAL) && st->scale == 0) {
        size_t q = p + k;
        uint32_t d;
        size_t kd;
        while (fd < 9 && (kd = tx_get(s, n, q, &d)) && tx_is_digit(d)) {
            frac = frac * 10 + (d - '0');
            fd++;
            q += kd;
        }
        if (fd > 0) p = q;
    }
    if (fd > 0 && !rescale(st, fd)) return 0;
    if (!mul_ok(v, st->pow, &v)) return 0;
    if (fd > 0 && !add_ok(v, frac, &v)) return 0;
    st->coef = v;
    st->have_coef = true;
    out->arabic = true;
    if (first_run) out->digits = nd;
    return p;
}

/* Kanji digits read positionally: 二〇二四 = 2024. ○ (a circle often typed
 * for 〇) counts as zero inside a run, never at its start. */
static size_t read_kanji_digits(const char *s, size_t n, size_t p, numstate *st, tx_num *out,
                                bool first_run)
{
    int64_t v = 0;
    int nd = 0;
    uint32_t cp;
    size_t k;
    while ((k = tx_get(s, n, p, &cp))) {
        int d = tx_kanji_digit(cp);
        if (d < 0 && cp == 0x25CB && nd > 0) d = 0;
        if (d < 0) break;
        if (!mul_ok(v, 10, &v) || !add_ok(v, d, &v)) return 0;
        nd++;
        p += k;
    }
    if (!mul_ok(v, st->pow, &v)) return 0;
    st->coef = v;
    st->have_coef = true;
    out->kanji = true;
    if (first_run) out->digits = nd;
    return p;
}

size_t tx_number(const char *s, size_t n, size_t i, unsigned opts, tx_num *out)
{
    memset(out, 0, sizeof *out);
    numstate st = {0, 0, 0, false, 0, 1, INT64_MAX, INT64_MAX};
    size_t j = i, end = i;
    bool any = false;
    for (;;) {
        uint32_t cp;
        size_t k = tx_get(s, n, j, &cp);
        if (!k) break;
        if (tx_is_digit(cp) && (opts & TX_NUM_ARABIC)) {
            if (st.have_coef) break;
            size_t p = read_arabic(s, n, j, opts, &st, out, !any);
            if (!p) return 0;
            any = true;
            end = j = p;
            continue;
        }
        if ((opts & TX_NUM_KANJI) && tx_kanji_digit(cp) >= 0) {
            if (st.have_coef) break;
            size_t p = read_kanji_digits(s, n, j, &st, out, !any);
            if (!p) return 0;
            any = true;
            end = j = p;
            continue;
        }
        int64_t unit = small_unit(cp), tens = tens_word(cp);
        bool unit_allowed = (opts & TX_NUM_KANJI) || ((opts & TX_NUM_UNITS) && st.have_coef);
        if ((unit || tens) && unit_allowed) {
            int64_t add;
            if (tens) {
                if (st.have_coef || st.last_small <= 10) break;
                if (!mul_ok(tens, st.pow, &add)) return 0;
                st.last_small = 10;
            } else {
                if (unit >= st.last_small) break;
                if (!mul_ok(st.have_coef ? st.coef : st.pow, unit, &add)) return 0;
                st.last_small = unit;
            }
            if (!add_ok(st.section, add, &st.section)) return 0;
            st.have_coef = false;
            out->unit = true;
            if (!any) out->leading_unit = true;
            out->kanji = true;
            any = true;
            end = j = j + k;
            continue;
        }
        int64_t big = large_unit(cp);
        if (big && (opts & TX_NUM_LARGE)) {
            int64_t grp, add;
            if (!add_ok(st.section, st.have_coef ? st.coef : 0, &grp)) return 0;
            if (!any || grp == 0 || big >= st.last_large) break;
            if (!mul_ok(grp, big, &add) || !add_ok(st.total, add, &st.total)) return 0;
            st.section = 0;
            st.have_coef = false;
            st.last_small = INT64_MAX;
            st.last_large = big;
            out->unit = true;
            out->kanji = true;
            end = j = j + k;
            continue;
        }
        break;
    }
    if (!any) return 0;
    int64_t v;
    if (!add_ok(st.total, st.section, &v) || !add_ok(v, st.have_coef ? st.coef : 0, &v)) return 0;
    out->mant = v;
    out->scale = st.scale;
    return end - i;
}

bool tx_inside_number(const char *s, size_t i, uint32_t first)
{
    size_t at;
    uint32_t prev = tx_prev_at(s, i, &at);
    if (tx_is_digit(prev)) return true;
    if (tx_is_kanji_numeral(prev) && tx_is_kanji_numeral(first)) return true;
    if ((prev == ',' || prev == '.') && tx_is_digit(first)) return tx_is_digit(tx_prev(s, at));
    return false;
}

size_t text_kanji_number(const char *s, size_t n, int64_t *value)
{
    tx_num v;
    size_t k = tx_number(
        s, n, 0, TX_NUM_ARABIC | TX_NUM_KANJI | TX_NUM_UNITS | TX_NUM_LARGE | TX_NUM_SEP, &v);
    if (!k) return 0;
    *value = v.mant;
    return k;
}

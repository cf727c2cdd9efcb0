/*
 * amounts.c - money (円) and shares (%, 割, 分の, 半分, 過半).
 *
 * An amount needs its unit: 円 after the number, or ¥ before it. The traps
 * are words that look like amounts: 数千円 (an estimate, no value), (単位：千円)
 * (a table's unit, not a sum), and 本市一円 ("throughout the city": a kanji
 * 一 before 円 with no 金 in front is never read as one yen).
 *
 * A share is a proportion as written, kept as num/den so that 2割5分 and 25%
 * compare equal without rounding. 過半 and 過半数 are thresholds ("more than
 * half"), so they carry TEXT_SHARE_MAJORITY next to their value 1/2.
 */
#include <string.h>

#include "internal.h"

#define CP_YEN_SIGN 0xA5

static bool is_vague_prefix(uint32_t cp)
{
    return cp == 0x6570 || cp == 0x4F55 || cp == 0x5E7E; /* 数 何 幾 */
}

/* (単位：千円), 単位 百万円: the unit of a table, not an amount. */
static bool after_unit_label(const char *s, size_t i)
{
    size_t j = i;
    for (int skipped = 0; skipped < 3 && j > 0; skipped++) {
        size_t at;
        uint32_t cp = tx_prev_at(s, j, &at);
        if (!(tx_is_space(cp) || cp == ':' || cp == '(')) break;
        j = at;
    }
    return j >= 6 && memcmp(s + j - 6, "単位", 6) == 0;
}

/* Words next to an amount that say whether consumption tax is in it. */
/* clang-format off */
static const char *const tax_in[] = {
    "税込み", "税込", "消費税込み", "消費税込", "内税", "消費税及び地方消費税を含む",
    "消費税及び地方消費税の額を含む", "消費税等を含む", "消費税を含む", "うち消費税",
    "うち取引に係る消費税", NULL};
static const char *const tax_out[] = {
    "税抜き", "税抜", "税別", "外税", "消費税抜き", "消費税別", "消費税及び地方消費税を含まない",
    "消費税及び地方消費税の額を含まない", "消費税等を含まない", "消費税を含まない", NULL};
/* clang-format on */

static unsigned tax_after(const char *s, size_t n, size_t e)
{
    size_t p = tx_skip_ws(s, n, e);
    uint32_t cp;
    size_t k = tx_get(s, n, p, &cp);
    if (cp == '(') p = tx_skip_ws(s, n, p + k);
    if (tx_lit_any(s, n, p, tax_in, NULL)) return TEXT_AMOUNT_TAX_IN;
    if (tx_lit_any(s, n, p, tax_out, NULL)) return TEXT_AMOUNT_TAX_OUT;
    return 0;
}

/* 税込1,100円, 税抜き：1,000円 */
static unsigned tax_before(const char *s, size_t i)
{
    static const struct {
        const char *w;
        unsigned f;
    } words[] = {{"税込み", TEXT_AMOUNT_TAX_IN},
                 {"税込", TEXT_AMOUNT_TAX_IN},
                 {"税抜き", TEXT_AMOUNT_TAX_OUT},
                 {"税抜", TEXT_AMOUNT_TAX_OUT},
                 {"税別", TEXT_AMOUNT_TAX_OUT}};
    size_t j = i;
    for (int skipped = 0; skipped < 3 && j > 0; skipped++) {
        size_t at;
        uint32_t cp = tx_prev_at(s, j, &at);
        if (!(tx_is_space(cp) || cp == ':')) break;
        j = at;
    }
    for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
        size_t len = strlen(words[w].w);
        if (j >= len && memcmp(s + j - len, words[w].w, len) == 0) return words[w].f;
    }
    return 0;
}

static size_t amount_at(const char *s, size_t n, size_t i, text_amount *out)
{
    size_t p = i, k;
    unsigned flags = 0;
    uint32_t cp;
    if ((k = tx_lit(s, n, p, "金"))) {
        p = tx_skip_ws(s, n, p + k);
        flags |= TEXT_AMOUNT_KIN;
    }
    k = tx_get(s, n, p, &cp);
    if (cp == CP_YEN_SIGN) {
        flags |= TEXT_AMOUNT_YEN_SIGN;
        p = tx_skip_ws(s, n, p + k);
        tx_get(s, n, p, &cp);
    }
    if (!(tx_is_digit(cp) || tx_is_kanji_numeral(cp))) return 0;
    if (!(flags & (TEXT_AMOUNT_KIN | TEXT_AMOUNT_YEN_SIGN)) && tx_inside_number(s, p, cp)) return 0;
    if (is_vague_prefix(tx_prev(s, i))) return 0;
    tx_num v;
    size_t kn = tx_number(s, n, p, TX_NUM_ALL, &v);
    if (!kn) return 0;
    size_t e = p + kn, q = tx_skip_ws(s, n, e);
    if ((k = tx_lit(s, n, q, "円"))) {
        e = q + k;
        e += tx_lit(s, n, e, "也");
    } else if (flags & TEXT_AMOUNT_YEN_SIGN) {
        uint32_t next;
        if (tx_get(s, n, e, &cp) && cp == '-' && !(tx_get(s, n, e + 1, &next) && tx_is_digit(next)))
            e++; /* ¥10,000- */
    } else {
        return 0;
    }
    if (!v.arabic) {
        if (!(flags & TEXT_AMOUNT_KIN) && v.mant == 1) return 0; /* 一円: throughout */
        flags |= TEXT_AMOUNT_KANJI;
    }
    if (v.leading_unit && after_unit_label(s, i)) return 0;
    int64_t pow = 1;
    for (int d = 0; d < v.scale; d++)
        pow *= 10;
    memset(out, 0, sizeof *out);
    out->yen = v.mant / pow;
    if (v.mant % pow) flags |= TEXT_AMOUNT_FRACTION;
    flags |= tax_after(s, n, e) | tax_before(s, i);
    out->flags = flags;
    out->span = (text_span){i, e};
    return e - i;
}

size_t text_parse_amount(const char *s, size_t n, text_amount *out)
{
    return amount_at(s, n, 0, out);
}

size_t text_find_amounts(const char *s, size_t n, text_amount *out, size_t cap)
{
    size_t count = 0, i = 0;
    while (i < n) {
        uint32_t cp;
        size_t k = tx_get(s, n, i, &cp), m = 0;
        text_amount a;
        if (tx_is_digit(cp) || tx_is_kanji_numeral(cp) || cp == CP_YEN_SIGN ||
            cp == 0x91D1 /* 金 */)
            m = amount_at(s, n, i, &a);
        if (m) {
            if (count < cap) out[count] = a;
            count++;
            i += m;
        } else {
            i += k;
        }
    }
    return count;
}

/* ---- shares ---- */

static size_t share_word(const char *s, size_t n, size_t i, text_share *out)
{
    static const struct {
        const char *w;
        unsigned flags;
    } words[] = {
        {"過半数", TEXT_SHARE_MAJORITY}, {"過半", TEXT_SHARE_MAJORITY}, {"半分", 0}, {"半数", 0}};
    for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
        size_t k = tx_lit(s, n, i, words[w].w);
        if (k) {
            out->num = 1;
            out->den = 2;
            out->kind = TEXT_SHARE_WORD;
            out->flags = words[w].flags;
            return k;
        }
    }
    return 0;
}

/* One digit 0..9 followed by unit (分 or 厘) but not 分の. */
static size_t share_digit(const char *s, size_t n, size_t p, const char *unit, int *digit)
{
    tx_num v;
    uint32_t cp;
    tx_get(s, n, p, &cp);
    if (!(tx_is_digit(cp) || tx_kanji_digit(cp) >= 0)) return 0;
    size_t k = tx_number(s, n, p, TX_NUM_ARABIC | TX_NUM_KANJI, &v);
    if (!k || v.mant > 9) return 0;
    size_t u = tx_lit(s, n, p + k, unit);
    if (!u || tx_lit(s, n, p + k + u, "の")) return 0;
    *digit = (int)v.mant;
    return k + u;
}

static size_t share_at(const char *s, size_t n, size_t i, text_share *out)
{
    memset(out, 0, sizeof *out);
    size_t e = 0, w = share_word(s, n, i, out);
    if (w) {
        e = i + w;
    } else {
        uint32_t cp;
        tx_get(s, n, i, &cp);
        if (!(tx_is_digit(cp) || tx_is_kanji_numeral(cp)) || tx_inside_number(s, i, cp)) return 0;
        tx_num v;
        size_t kn =
            tx_number(s, n, i, TX_NUM_ARABIC | TX_NUM_KANJI | TX_NUM_SEP | TX_NUM_DECIMAL, &v);
        if (!kn) return 0;
        int64_t pow = 1;
        for (int d = 0; d < v.scale; d++)
            pow *= 10;
        size_t p = tx_skip_ws(s, n, i + kn), k = 0;
        size_t kc = tx_get(s, n, p, &cp);
        bool sign = cp == '%' || cp == 0xFE6A; /* % ％ ﹪ */
        if (sign || (k = tx_lit(s, n, p, "パーセント"))) {
            e = p + (sign ? kc : k);
            out->num = v.mant;
            out->den = 100 * pow;
            out->kind = TEXT_SHARE_PERCENT;
        } else if ((k = tx_lit(s, n, p, "割"))) {
            e = p + k;
            out->num = v.mant;
            out->den = 10 * pow;
            out->kind = TEXT_SHARE_WARI;
            int b, c;
            size_t kb, kr;
            if (pow == 1 && (kb = share_digit(s, n, e, "分", &b))) {
                e += kb;
                out->num = out->num * 10 + b;
                out->den = 100;
                if ((kr = share_digit(s, n, e, "厘", &c))) {
                    e += kr;
                    out->num = out->num * 10 + c;
                    out->den = 1000;
                }
            }
        } else if ((k = tx_lit(s, n, p, "分の"))) {
            if (pow != 1 || v.mant < 1) return 0;
            size_t q = tx_skip_ws(s, n, p + k);
            tx_get(s, n, q, &cp);
            if (!(tx_is_digit(cp) || tx_is_kanji_numeral(cp))) return 0; /* 十分の注意 */
            tx_num num;
            size_t kq = tx_number(s, n, q, TX_NUM_ARABIC | TX_NUM_KANJI, &num);
            if (!kq) return 0;
            e = q + kq;
            out->num = num.mant;
            out->den = v.mant;
            out->kind = TEXT_SHARE_FRACTION;
        } else {
            return 0;
        }
    }
    out->value = (double)out->num / (double)out->den;
    out->span = (text_span){i, e};
    return e - i;
}

size_t text_parse_share(const char *s, size_t n, text_share *out)
{
    return share_at(s, n, 0, out);
}

size_t text_find_shares(const char *s, size_t n, text_share *out, size_t cap)
{
    size_t count = 0, i = 0;
    while (i < n) {
        uint32_t cp;
        size_t k = tx_get(s, n, i, &cp), m = 0;
        text_share sh;
        if (tx_is_digit(cp) || tx_is_kanji_numeral(cp) || cp == 0x904E /* 過 */ ||
            cp == 0x534A /* 半 */)
            m = share_at(s, n, i, &sh);
        if (m) {
            if (count < cap) out[count] = sh;
            count++;
            i += m;
        } else {
            i += k;
        }
    }
    return count;
}

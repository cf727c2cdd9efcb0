/*
 * scan.c - the character-level primitives the value readers are built on.
 *
 * Readers compare folded code points, not bytes, so ２０２４ and 2024 and ｶ
 * and カ look alike to them; literals such as から or 年度 never have another
 * width, so they are compared as bytes.
 */
#include <string.h>

#include "internal.h"
#include "util/utf8.h"

static uint32_t fold(uint32_t cp)
{
    if (cp < 0x80) return cp;
    if (cp >= 0xFF01 && cp <= 0xFF5E) return cp - 0xFEE0;
    if (cp == 0x3000) return ' ';
    if (cp >= 0xFF61 && cp <= 0xFF9F) return tx_halfwidth_kana(cp);
    if (cp == 0xFFE5) return 0xA5; /* ￥ → ¥ */
    return cp;
}

size_t tx_get(const char *s, size_t n, size_t i, uint32_t *cp)
{
    if (i >= n) {
        *cp = 0;
        return 0;
    }
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t k = utf8_decode(s + i, n - i, cp);
    if (!k) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = fold(*cp);
    return k;
}

uint32_t tx_prev_at(const char *s, size_t i, size_t *at)
{
    if (i == 0) {
        if (at) *at = 0;
        return 0;
    }
    size_t j = i - 1;
    int back = 0;
    while (j > 0 && back < 3 && ((unsigned char)s[j] & 0xC0) == 0x80) {
        j--;
        back++;
    }
    uint32_t cp;
    size_t k = utf8_decode(s + j, i - j, &cp);
    if (k != i - j) {
        if (at) *at = i - 1;
        return 0xFFFD;
    }
    if (at) *at = j;
    return fold(cp);
}

uint32_t tx_prev(const char *s, size_t i)
{
    return tx_prev_at(s, i, NULL);
}

size_t tx_skip_ws(const char *s, size_t n, size_t i)
{
    for (int count = 0; count < TX_MAX_WS; count++) {
        uint32_t cp;
        size_t k = tx_get(s, n, i, &cp);
        if (!k || !tx_is_space(cp)) break;
        i += k;
    }
    return i;
}

size_t tx_lit(const char *s, size_t n, size_t i, const char *lit)
{
    size_t k = strlen(lit);
    if (i > n || n - i < k || memcmp(s + i, lit, k) != 0) return 0;
    return k;
}

size_t tx_lit_any(const char *s, size_t n, size_t i, const char *const *lits, int *which)
{
    for (int w = 0; lits[w]; w++) {
        size_t k = tx_lit(s, n, i, lits[w]);
        if (k) {
            if (which) *which = w;
            return k;
        }
    }
    return 0;
}

int tx_kanji_digit(uint32_t cp)
{
    if (cp < 0x4E00 || cp > 0x96F6) return cp == 0x3007 ? 0 : -1; /* kana, ASCII: fast */
    /* clang-format off */
    switch (cp) {
    case 0x3007: case 0x96F6: return 0;                           /* 〇 零 */
    case 0x4E00: case 0x58F1: case 0x58F9: return 1;              /* 一 壱 壹 */
    case 0x4E8C: case 0x5F10: case 0x8CB3: case 0x5F0D: return 2; /* 二 弐 貳 弍 */
    case 0x4E09: case 0x53C2: case 0x53C3: return 3;              /* 三 参 參 */
    case 0x56DB: case 0x8086: return 4;                           /* 四 肆 */
    case 0x4E94: case 0x4F0D: return 5;                           /* 五 伍 */
    case 0x516D: case 0x9678: return 6;                           /* 六 陸 */
    case 0x4E03: case 0x6F06: case 0x67D2: return 7;              /* 七 漆 柒 */
    case 0x516B: case 0x634C: return 8;                           /* 八 捌 */
    case 0x4E5D: case 0x7396: return 9;                           /* 九 玖 */
    default: return -1;
    }
    /* clang-format on */
}

bool tx_is_kanji_numeral(uint32_t cp)
{
    if (cp < 0x4E00 || cp > 0x96F6) return cp == 0x3007;
    if (tx_kanji_digit(cp) >= 0) return true;
    /* clang-format off */
    switch (cp) {
    case 0x5341: case 0x62FE: case 0x5EFF: case 0x5345: case 0x4E17: /* 十 拾 廿 卅 丗 */
    case 0x767E: case 0x4F70: case 0x964C:                           /* 百 佰 陌 */
    case 0x5343: case 0x9621: case 0x4EDF:                           /* 千 阡 仟 */
    case 0x4E07: case 0x842C: case 0x5104: case 0x5146:              /* 万 萬 億 兆 */
        return true;
    default: return false;
    }
    /* clang-format on */
}

bool tx_is_range_mark(uint32_t cp)
{
    /* clang-format off */
    switch (cp) {
    case '~': case 0x301C: case 0x3030: case 0x223C: /* ~ 〜 〰 ∼ (～ folds to ~) */
    case '-': case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0x30FC: case 0xFE63:
        return true;
    default: return false;
    }
    /* clang-format on */
}

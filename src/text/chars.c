/*
 * chars.c - kana facts: half-width forms and sound marks.
 *
 * Half-width katakana (JIS X 0201) survive in municipal data from old host
 * systems and in Excel ledgers (ｶﾌﾞｼｷｶﾞｲｼｬ). Their sound marks are separate
 * characters, so ｶﾞ must become one ガ; the same holds for a kana followed by
 * a combining mark (macOS file names, NFD text) or by the spacing ゛.
 */
#include "internal.h"

/* U+FF61 .. U+FF9F in order. */
/* clang-format off */
static const uint16_t halfwidth[] = {
    0x3002, 0x300C, 0x300D, 0x3001, 0x30FB, 0x30F2, 0x30A1, 0x30A3, /* ｡｢｣､･ｦｧｨ */
    0x30A5, 0x30A7, 0x30A9, 0x30E3, 0x30E5, 0x30E7, 0x30C3, 0x30FC, /* ｩｪｫｬｭｮｯｰ */
    0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA, 0x30AB, 0x30AD, 0x30AF, /* ｱｲｳｴｵｶｷｸ */
    0x30B1, 0x30B3, 0x30B5, 0x30B7, 0x30B9, 0x30BB, 0x30BD, 0x30BF, /* ｹｺｻｼｽｾｿﾀ */
    0x30C1, 0x30C4, 0x30C6, 0x30C8, 0x30CA, 0x30CB, 0x30CC, 0x30CD, /* ﾁﾂﾃﾄﾅﾆﾇﾈ */
    0x30CE, 0x30CF, 0x30D2, 0x30D5, 0x30D8, 0x30DB, 0x30DE, 0x30DF, /* ﾉﾊﾋﾌﾍﾎﾏﾐ */
    0x30E0, 0x30E1, 0x30E2, 0x30E4, 0x30E6, 0x30E8, 0x30E9, 0x30EA, /* ﾑﾒﾓﾔﾕﾖﾗﾘ */
    0x30EB, 0x30EC, 0x30ED, 0x30EF, 0x30F3, 0x309B, 0x309C,         /* ﾙﾚﾛﾜﾝﾞﾟ */
};
/* clang-format on */

uint32_t tx_halfwidth_kana(uint32_t cp)
{
    if (cp < 0xFF61 || cp > 0xFF9F) return 0;
    return halfwidth[cp - 0xFF61];
}

/* Hiragana that take a dakuten as the next code point: the k, s, t and h rows
 * (except small っ) and ゝ. Katakana follow at +0x60. */
static bool voices_to_next(uint32_t h)
{
    if (h >= 0x304B && h <= 0x3062) return (h - 0x304B) % 2 == 0; /* か..ぢ */
    if (h >= 0x3064 && h <= 0x3069) return (h - 0x3064) % 2 == 0; /* つ て と */
    if (h >= 0x306F && h <= 0x307D) return (h - 0x306F) % 3 == 0; /* は ひ ふ へ ほ */
    return h == 0x309D;                                           /* ゝ → ゞ */
}

uint32_t tx_kana_voiced(uint32_t cp, int mark)
{
    if (cp >= 0x30EF && cp <= 0x30F2) return mark == 1 ? cp + 8 : 0; /* ワヰヱヲ → ヷヸヹヺ */
    if (cp == 0x30FD) return mark == 1 ? 0x30FE : 0;                 /* ヽ → ヾ */
    uint32_t kata = 0;
    if (cp >= 0x30A1 && cp <= 0x30F6) {
        kata = 0x60;
        cp -= 0x60;
    }
    if (mark == 1) {
        if (cp == 0x3046) return kata ? 0x30F4 : 0x3094; /* う → ゔ, ウ → ヴ */
        if (voices_to_next(cp)) return cp + 1 + kata;
    } else if (mark == 2) {
        if (cp >= 0x306F && cp <= 0x307D && (cp - 0x306F) % 3 == 0) return cp + 2 + kata;
    }
    return 0;
}

uint32_t tx_kana_unvoiced(uint32_t cp)
{
    /* clang-format off */
    switch (cp) {
    case 0x3094: return 0x3046;
    case 0x30F4: return 0x30A6;
    case 0x309E: return 0x309D;
    case 0x30FE: return 0x30FD;
    case 0x30F7: return 0x30EF;
    case 0x30F8: return 0x30F0;
    case 0x30F9: return 0x30F1;
    case 0x30FA: return 0x30F2;
    default: break;
    }
    /* clang-format on */
    if (cp >= 2 && tx_kana_voiced(cp - 1, 1) == cp) return cp - 1;
    if (cp >= 2 && tx_kana_voiced(cp - 2, 2) == cp) return cp - 2;
    return cp;
}

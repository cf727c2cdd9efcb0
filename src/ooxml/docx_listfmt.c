/*
 * docx_listfmt.c - list numbers written the way Word draws them.
 *
 * A Japanese contract numbers its articles with numbering.xml, not with
 * text: the file says lvlText="第%1条" numFmt="decimalFullWidth" and the
 * reader sees 第１条. This file turns a counter value into the characters of
 * one ST_NumberFormat. The formats fall into four families:
 *   - positional digits (decimal, full-width, ideographDigital ...): one
 *     character per decimal digit;
 *   - counting systems (japaneseCounting 二十一, japaneseLegal 弐拾壱,
 *     chineseCounting 一百零一): digits with 十百千 markers, grouped by 万;
 *   - fixed sets (①..㊿, ⑴..⒇, ア..ン, イ..ス, 甲..癸): a table of signs,
 *     either restarting (kana, as Word does after ン) or falling back to
 *     ASCII digits past the end of the set (enclosed numbers);
 *   - Western words and letters (roman, AA, ordinal, "Twenty-one").
 * Everything is bounded: a hostile w:start of 2^31 must not produce a
 * megabyte of 'M's or letters, so repetition-based formats fall back to
 * decimal beyond a sane length.
 */
#include <stdio.h>
#include <string.h>

#include "docx_internal.h"
#include "util/utf8.h"

static const char *const LISTFMT_NAMES[LISTFMT_COUNT] = {
    [LISTFMT_DECIMAL] = "decimal",
    [LISTFMT_DECIMAL_ZERO] = "decimalZero",
    [LISTFMT_DECIMAL_FULL_WIDTH] = "decimalFullWidth",
    [LISTFMT_DECIMAL_FULL_WIDTH2] = "decimalFullWidth2",
    [LISTFMT_DECIMAL_HALF_WIDTH] = "decimalHalfWidth",
    [LISTFMT_UPPER_ROMAN] = "upperRoman",
    [LISTFMT_LOWER_ROMAN] = "lowerRoman",
    [LISTFMT_UPPER_LETTER] = "upperLetter",
    [LISTFMT_LOWER_LETTER] = "lowerLetter",
    [LISTFMT_ORDINAL] = "ordinal",
    [LISTFMT_CARDINAL_TEXT] = "cardinalText",
    [LISTFMT_ORDINAL_TEXT] = "ordinalText",
    [LISTFMT_HEX] = "hex",
    [LISTFMT_CHICAGO] = "chicago",
    [LISTFMT_NUMBER_IN_DASH] = "numberInDash",
    [LISTFMT_JAPANESE_COUNTING] = "japaneseCounting",
    [LISTFMT_JAPANESE_DIGITAL_TEN_THOUSAND] = "japaneseDigitalTenThousand",
    [LISTFMT_JAPANESE_LEGAL] = "japaneseLegal",
    [LISTFMT_IDEOGRAPH_DIGITAL] = "ideographDigital",
    [LISTFMT_AIUEO] = "aiueo",
    [LISTFMT_AIUEO_FULL_WIDTH] = "aiueoFullWidth",
    [LISTFMT_IROHA] = "iroha",
    [LISTFMT_IROHA_FULL_WIDTH] = "irohaFullWidth",
    [LISTFMT_DECIMAL_ENCLOSED_CIRCLE] = "decimalEnclosedCircle",
    [LISTFMT_DECIMAL_ENCLOSED_CIRCLE_CHINESE] = "decimalEnclosedCircleChinese",
    [LISTFMT_DECIMAL_ENCLOSED_PAREN] = "decimalEnclosedParen",
    [LISTFMT_DECIMAL_ENCLOSED_FULLSTOP] = "decimalEnclosedFullstop",
    [LISTFMT_IDEOGRAPH_ENCLOSED_CIRCLE] = "ideographEnclosedCircle",
    [LISTFMT_IDEOGRAPH_TRADITIONAL] = "ideographTraditional",
    [LISTFMT_IDEOGRAPH_ZODIAC] = "ideographZodiac",
    [LISTFMT_IDEOGRAPH_ZODIAC_TRADITIONAL] = "ideographZodiacTraditional",
    [LISTFMT_IDEOGRAPH_LEGAL_TRADITIONAL] = "ideographLegalTraditional",
    [LISTFMT_CHINESE_COUNTING] = "chineseCounting",
    [LISTFMT_CHINESE_COUNTING_THOUSAND] = "chineseCountingThousand",
    [LISTFMT_CHINESE_LEGAL_SIMPLIFIED] = "chineseLegalSimplified",
    [LISTFMT_TAIWANESE_COUNTING] = "taiwaneseCounting",
    [LISTFMT_TAIWANESE_COUNTING_THOUSAND] = "taiwaneseCountingThousand",
    [LISTFMT_TAIWANESE_DIGITAL] = "taiwaneseDigital",
    [LISTFMT_NONE] = "none",
    [LISTFMT_BULLET] = "bullet",
    [LISTFMT_CUSTOM] = "custom",
    [LISTFMT_UNKNOWN] = "unknown",
};

listfmt listfmt_parse(const char *s, size_t n)
{
    for (int i = 0; i < LISTFMT_UNKNOWN; i++) {
        const char *name = LISTFMT_NAMES[i];
        if (strlen(name) == n && memcmp(name, s, n) == 0) return (listfmt)i;
    }
    return LISTFMT_UNKNOWN;
}

const char *listfmt_name(listfmt fmt)
{
    return (fmt >= 0 && fmt < LISTFMT_COUNT) ? LISTFMT_NAMES[fmt] : "unknown";
}

/* ---- helpers ------------------------------------------------------------ */

static void put_cp(sbuf *out, uint32_t cp)
{
    char buf[4];
    size_t n = utf8_encode(cp, buf);
    sbuf_append(out, buf, n);
}

static void put_decimal(sbuf *out, uint32_t v)
{
    char buf[16];
    int n = snprintf(buf, sizeof buf, "%u", v);
    sbuf_append(out, buf, (size_t)n);
}

/* Every decimal digit d of v written as digits[d] (a code point each). */
static void put_digitwise(sbuf *out, uint32_t v, const uint32_t digits[10])
{
    char buf[16];
    int n = snprintf(buf, sizeof buf, "%u", v);
    for (int i = 0; i < n; i++)
        put_cp(out, digits[buf[i] - '0']);
}

/* One sign from a table of UTF-8 strings. */
static void put_sign(sbuf *out, const char *const *table, uint32_t index)
{
    sbuf_puts(out, table[index]);
}

/* ---- counting systems (十百千 markers, 万 groups) ------------------------ */

typedef struct counting_style {
    uint32_t digits[10]; /* 0..9; digits[0] is the zero sign */
    uint32_t markers[3]; /* 10, 100, 1000 */
    uint32_t groups[2];  /* 10^4, 10^8 */
    bool drop_one;       /* 十 not 一十, 百 not 一百 ... (Japanese informal) */
    bool drop_one_teens; /* only 10..19 lose the leading 一 (Chinese) */
    bool zero_fill;      /* a run of zeros inside the number is one 零 */
    uint32_t zero_fill_sign;
} counting_style;

static const counting_style JAPANESE_COUNTING = {
    .digits = {0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D},
    .markers = {0x5341, 0x767E, 0x5343},
    .groups = {0x4E07, 0x5104},
    .drop_one = true,
};

/* 壱弐参 with 拾 阡 萬: the forms written on deeds and cheques. */
static const counting_style JAPANESE_LEGAL = {
    .digits = {0x3007, 0x58F1, 0x5F10, 0x53C2, 0x56DB, 0x4F0D, 0x516D, 0x4E03, 0x516B, 0x4E5D},
    .markers = {0x62FE, 0x767E, 0x9621},
    .groups = {0x842C, 0x5104},
};

static const counting_style CHINESE_COUNTING = {
    .digits = {0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D},
    .markers = {0x5341, 0x767E, 0x5343},
    .groups = {0x4E07, 0x4EBF},
    .drop_one_teens = true,
    .zero_fill = true,
    .zero_fill_sign = 0x96F6,
};

static const counting_style TAIWANESE_COUNTING = {
    .digits = {0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D},
    .markers = {0x5341, 0x767E, 0x5343},
    .groups = {0x842C, 0x5104},
    .drop_one_teens = true,
    .zero_fill = true,
    .zero_fill_sign = 0x96F6,
};

static const counting_style CHINESE_LEGAL_SIMPLIFIED = {
    .digits = {0x96F6, 0x58F9, 0x8D30, 0x53C1, 0x8086, 0x4F0D, 0x9646, 0x67D2, 0x634C, 0x7396},
    .markers = {0x62FE, 0x4F70, 0x4EDF},
    .groups = {0x4E07, 0x4EBF},
    .zero_fill = true,
    .zero_fill_sign = 0x96F6,
};

static const counting_style LEGAL_TRADITIONAL = {
    .digits = {0x96F6, 0x58F9, 0x8CB3, 0x53C3, 0x8086, 0x4F0D, 0x9678, 0x67D2, 0x634C, 0x7396},
    .markers = {0x62FE, 0x4F70, 0x4EDF},
    .groups = {0x842C, 0x5104},
    .zero_fill = true,
    .zero_fill_sign = 0x96F6,
};

static void put_counting(sbuf *out, uint32_t v, const counting_style *cs)
{
    if (v == 0) {
        put_cp(out, cs->digits[0]);
        return;
    }
    /* groups of four digits, most significant first: v < 2^32 < 10^12 */
    uint32_t group[3] = {v / 100000000u, (v / 10000u) % 10000u, v % 10000u};
    bool emitted = false, pending_zero = false;
    bool teen = v >= 10 && v <= 19;
    for (int g = 0; g < 3; g++) {
        uint32_t gv = group[g];
        if (gv == 0) {
            if (emitted) pending_zero = true;
            continue;
        }
        uint32_t d[4] = {gv / 1000, (gv / 100) % 10, (gv / 10) % 10, gv % 10};
        for (int pos = 0; pos < 4; pos++) { /* pos 0 = thousands */
            if (d[pos] == 0) {
                if (emitted) pending_zero = true;
                continue;
            }
            if (pending_zero && cs->zero_fill) put_cp(out, cs->zero_fill_sign);
            pending_zero = false;
            int power = 3 - pos; /* 3 = 千, 0 = units */
            bool skip_one = d[pos] == 1 && power > 0 &&
                            (cs->drop_one || (cs->drop_one_teens && teen && power == 1));
            if (!skip_one) put_cp(out, cs->digits[d[pos]]);
            if (power > 0) put_cp(out, cs->markers[power - 1]);
            emitted = true;
        }
        if (g < 2) put_cp(out, cs->groups[1 - g]); /* g 0: 億, g 1: 万 */
        /* A zero right after a group marker reads as part of the next group. */
        pending_zero = false;
        if (g < 2 && group[g + 1] != 0 && group[g + 1] < 1000) pending_zero = true;
    }
}

/* ---- fixed sets ---------------------------------------------------------- */

/* Gojūon order as Word uses it: 46 signs, ア..ン (ヰ, ヱ omitted). */
/* clang-format off */
static const char *const AIUEO_FULL[46] = {
    "ア", "イ", "ウ", "エ", "オ", "カ", "キ", "ク", "ケ", "コ", "サ", "シ",
    "ス", "セ", "ソ", "タ", "チ", "ツ", "テ", "ト", "ナ", "ニ", "ヌ", "ネ",
    "ノ", "ハ", "ヒ", "フ", "ヘ", "ホ", "マ", "ミ", "ム", "メ", "モ", "ヤ",
    "ユ", "ヨ", "ラ", "リ", "ル", "レ", "ロ", "ワ", "ヲ", "ン",
};
/* clang-format on */

/* clang-format off */
static const char *const AIUEO_HALF[46] = {
    "ｱ", "ｲ", "ｳ", "ｴ", "ｵ", "ｶ", "ｷ", "ｸ", "ｹ", "ｺ", "ｻ", "ｼ",
    "ｽ", "ｾ", "ｿ", "ﾀ", "ﾁ", "ﾂ", "ﾃ", "ﾄ", "ﾅ", "ﾆ", "ﾇ", "ﾈ",
    "ﾉ", "ﾊ", "ﾋ", "ﾌ", "ﾍ", "ﾎ", "ﾏ", "ﾐ", "ﾑ", "ﾒ", "ﾓ", "ﾔ",
    "ﾕ", "ﾖ", "ﾗ", "ﾘ", "ﾙ", "ﾚ", "ﾛ", "ﾜ", "ｦ", "ﾝ",
};
/* clang-format on */

/* The iroha poem order: 47 signs including ヰ and ヱ. */
/* clang-format off */
static const char *const IROHA_FULL[47] = {
    "イ", "ロ", "ハ", "ニ", "ホ", "ヘ", "ト", "チ", "リ", "ヌ", "ル", "ヲ",
    "ワ", "カ", "ヨ", "タ", "レ", "ソ", "ツ", "ネ", "ナ", "ラ", "ム", "ウ",
    "ヰ", "ノ", "オ", "ク", "ヤ", "マ", "ケ", "フ", "コ", "エ", "テ", "ア",
    "サ", "キ", "ユ", "メ", "ミ", "シ", "ヱ", "ヒ", "モ", "セ", "ス",
};
/* clang-format on */

/* Half-width katakana has no ヰ or ヱ; the full-width signs stand in. */
/* clang-format off */
static const char *const IROHA_HALF[47] = {
    "ｲ", "ﾛ", "ﾊ", "ﾆ", "ﾎ", "ﾍ", "ﾄ", "ﾁ", "ﾘ", "ﾇ", "ﾙ", "ｦ",
    "ﾜ", "ｶ", "ﾖ", "ﾀ", "ﾚ", "ｿ", "ﾂ", "ﾈ", "ﾅ", "ﾗ", "ﾑ", "ｳ",
    "ヰ", "ﾉ", "ｵ", "ｸ", "ﾔ", "ﾏ", "ｹ", "ﾌ", "ｺ", "ｴ", "ﾃ", "ｱ",
    "ｻ", "ｷ", "ﾕ", "ﾒ", "ﾐ", "ｼ", "ヱ", "ﾋ", "ﾓ", "ｾ", "ｽ",
};
/* clang-format on */

/* 十干 (heavenly stems) and 十二支 (earthly branches). */
static const char *const STEMS[10] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"};
static const char *const BRANCHES[12] = {"子", "丑", "寅", "卯", "辰", "巳",
                                         "午", "未", "申", "酉", "戌", "亥"};

/* Kana sequences start again after the last sign (MS-OI29500: Word restarts
 * at 1 rather than doubling signs as the standard describes). */
static void put_cyclic(sbuf *out, uint32_t v, const char *const *table, uint32_t n)
{
    if (v == 0) {
        put_decimal(out, v);
        return;
    }
    put_sign(out, table, (v - 1) % n);
}

static void put_enclosed_circle(sbuf *out, uint32_t v)
{
    if (v >= 1 && v <= 20)
        put_cp(out, 0x2460 + v - 1); /* ① .. ⑳ */
    else if (v >= 21 && v <= 35)
        put_cp(out, 0x3251 + v - 21); /* ㉑ .. ㉟ */
    else if (v >= 36 && v <= 50)
        put_cp(out, 0x32B1 + v - 36); /* ㊱ .. ㊿ */
    else
        put_decimal(out, v);
}

static void put_range(sbuf *out, uint32_t v, uint32_t first_cp, uint32_t count)
{
    if (v >= 1 && v <= count)
        put_cp(out, first_cp + v - 1);
    else
        put_decimal(out, v);
}

/* ---- Western ------------------------------------------------------------- */

enum { MAX_REPEAT = 50 };

static void put_roman(sbuf *out, uint32_t v, bool upper)
{
    static const struct {
        uint32_t value;
        const char *upper, *lower;
    } R[] = {{1000, "M", "m"}, {900, "CM", "cm"}, {500, "D", "d"}, {400, "CD", "cd"},
             {100, "C", "c"},  {90, "XC", "xc"},  {50, "L", "l"},  {40, "XL", "xl"},
             {10, "X", "x"},   {9, "IX", "ix"},   {5, "V", "v"},   {4, "IV", "iv"},
             {1, "I", "i"}};
    if (v == 0 || v >= 4000) {
        put_decimal(out, v);
        return;
    }
    for (size_t i = 0; i < sizeof R / sizeof R[0]; i++)
        for (; v >= R[i].value; v -= R[i].value)
            sbuf_puts(out, upper ? R[i].upper : R[i].lower);
}

/* A..Z, then AA..ZZ, AAA..: Word repeats the letter, it does not count in
 * base 26. */
static void put_letter(sbuf *out, uint32_t v, bool upper)
{
    if (v == 0 || (v - 1) / 26 >= MAX_REPEAT) {
        put_decimal(out, v);
        return;
    }
    char c = (char)((upper ? 'A' : 'a') + (v - 1) % 26);
    for (uint32_t i = 0; i <= (v - 1) / 26; i++)
        sbuf_putc(out, c);
}

static void put_chicago(sbuf *out, uint32_t v)
{
    static const char *const SIGNS[4] = {"*", "†", "‡", "§"};
    if (v == 0 || (v - 1) / 4 >= MAX_REPEAT) {
        put_decimal(out, v);
        return;
    }
    for (uint32_t i = 0; i <= (v - 1) / 4; i++)
        sbuf_puts(out, SIGNS[(v - 1) % 4]);
}

static const char *ordinal_suffix(uint32_t v)
{
    uint32_t tens = v % 100;
    if (tens >= 11 && tens <= 13) return "th";
    switch (v % 10) {
    case 1:
        return "st";
    case 2:
        return "nd";
    case 3:
        return "rd";
    default:
        return "th";
    }
}

static const char *const ONES[20] = {
    "zero",     "one",     "two",     "three",     "four",     "five",     "six",
    "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",   "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
};
static const char *const TENS[10] = {"",      "",      "twenty",  "thirty", "forty",
                                     "fifty", "sixty", "seventy", "eighty", "ninety"};
static const char *const ONES_TH[20] = {
    "zeroth",     "first",     "second",    "third",       "fourth",     "fifth",      "sixth",
    "seventh",    "eighth",    "ninth",     "tenth",       "eleventh",   "twelfth",    "thirteenth",
    "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
};
static const char *const TENS_TH[10] = {"",          "",         "twentieth", "thirtieth",
                                        "fortieth",  "fiftieth", "sixtieth",  "seventieth",
                                        "eightieth", "ninetieth"};

/* English words below 1000; ordinal applies to the last word only. */
static void put_words_below_1000(sbuf *out, uint32_t v, bool ordinal)
{
    uint32_t h = v / 100, rest = v % 100;
    if (h) {
        sbuf_puts(out, ONES[h]);
        sbuf_puts(out, rest == 0 && ordinal ? " hundredth" : " hundred");
        if (rest) sbuf_putc(out, ' ');
    }
    if (!rest && h) return;
    if (rest < 20) {
        sbuf_puts(out, ordinal ? ONES_TH[rest] : ONES[rest]);
    } else if (rest % 10 == 0) {
        sbuf_puts(out, ordinal ? TENS_TH[rest / 10] : TENS[rest / 10]);
    } else {
        sbuf_puts(out, TENS[rest / 10]);
        sbuf_putc(out, '-');
        sbuf_puts(out, ordinal ? ONES_TH[rest % 10] : ONES[rest % 10]);
    }
}

static void put_words(sbuf *out, uint32_t v, bool ordinal)
{
    if (v >= 1000000) {
        put_decimal(out, v);
        return;
    }
    size_t at = out->len;
    uint32_t th = v / 1000, rest = v % 1000;
    if (th) {
        put_words_below_1000(out, th, false);
        sbuf_puts(out, rest == 0 && ordinal ? " thousandth" : " thousand");
        if (rest) sbuf_putc(out, ' ');
    }
    if (rest || !th) put_words_below_1000(out, rest, ordinal);
    /* Word capitalises the first letter: "Twenty-one", "First". */
    if (out->len > at && out->data[at] >= 'a' && out->data[at] <= 'z') out->data[at] -= 32;
}

/* ---- dispatch ------------------------------------------------------------ */

static const uint32_t FULL_WIDTH_DIGITS[10] = {0xFF10, 0xFF11, 0xFF12, 0xFF13, 0xFF14,
                                               0xFF15, 0xFF16, 0xFF17, 0xFF18, 0xFF19};
static const uint32_t IDEOGRAPH_DIGITS[10] = {0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB,
                                              0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D};

void listfmt_format(listfmt fmt, uint32_t v, unsigned pad, sbuf *out)
{
    char buf[32];
    switch (fmt) {
    case LISTFMT_NONE:
        return;
    case LISTFMT_DECIMAL_ZERO:
        if (v < 10) sbuf_putc(out, '0');
        put_decimal(out, v);
        return;
    case LISTFMT_CUSTOM:
        if (pad > 16) pad = 16;
        snprintf(buf, sizeof buf, "%0*u", (int)pad, v);
        sbuf_puts(out, buf);
        return;
    case LISTFMT_DECIMAL_FULL_WIDTH:
    case LISTFMT_DECIMAL_FULL_WIDTH2:
        put_digitwise(out, v, FULL_WIDTH_DIGITS);
        return;
    case LISTFMT_IDEOGRAPH_DIGITAL:
    case LISTFMT_TAIWANESE_DIGITAL:
    case LISTFMT_JAPANESE_DIGITAL_TEN_THOUSAND:
        put_digitwise(out, v, IDEOGRAPH_DIGITS);
        return;
    case LISTFMT_UPPER_ROMAN:
        put_roman(out, v, true);
        return;
    case LISTFMT_LOWER_ROMAN:
        put_roman(out, v, false);
        return;
    case LISTFMT_UPPER_LETTER:
        put_letter(out, v, true);
        return;
    case LISTFMT_LOWER_LETTER:
        put_letter(out, v, false);
        return;
    case LISTFMT_ORDINAL:
        put_decimal(out, v);
        sbuf_puts(out, ordinal_suffix(v));
        return;
    case LISTFMT_CARDINAL_TEXT:
        put_words(out, v, false);
        return;
    case LISTFMT_ORDINAL_TEXT:
        put_words(out, v, true);
        return;
    case LISTFMT_HEX:
        snprintf(buf, sizeof buf, "%X", v);
        sbuf_puts(out, buf);
        return;
    case LISTFMT_CHICAGO:
        put_chicago(out, v);
        return;
    case LISTFMT_NUMBER_IN_DASH:
        sbuf_puts(out, "- ");
        put_decimal(out, v);
        sbuf_puts(out, " -");
        return;
    case LISTFMT_JAPANESE_COUNTING:
        put_counting(out, v, &JAPANESE_COUNTING);
        return;
    case LISTFMT_JAPANESE_LEGAL:
        put_counting(out, v, &JAPANESE_LEGAL);
        return;
    case LISTFMT_CHINESE_COUNTING:
    case LISTFMT_CHINESE_COUNTING_THOUSAND:
        put_counting(out, v, &CHINESE_COUNTING);
        return;
    case LISTFMT_TAIWANESE_COUNTING:
    case LISTFMT_TAIWANESE_COUNTING_THOUSAND:
        put_counting(out, v, &TAIWANESE_COUNTING);
        return;
    case LISTFMT_CHINESE_LEGAL_SIMPLIFIED:
        put_counting(out, v, &CHINESE_LEGAL_SIMPLIFIED);
        return;
    case LISTFMT_IDEOGRAPH_LEGAL_TRADITIONAL:
        put_counting(out, v, &LEGAL_TRADITIONAL);
        return;
    case LISTFMT_AIUEO:
        put_cyclic(out, v, AIUEO_HALF, 46);
        return;
    case LISTFMT_AIUEO_FULL_WIDTH:
        put_cyclic(out, v, AIUEO_FULL, 46);
        return;
    case LISTFMT_IROHA:
        put_cyclic(out, v, IROHA_HALF, 47);
        return;
    case LISTFMT_IROHA_FULL_WIDTH:
        put_cyclic(out, v, IROHA_FULL, 47);
        return;
    case LISTFMT_DECIMAL_ENCLOSED_CIRCLE:
    case LISTFMT_DECIMAL_ENCLOSED_CIRCLE_CHINESE:
        put_enclosed_circle(out, v);
        return;
    case LISTFMT_DECIMAL_ENCLOSED_PAREN:
        put_range(out, v, 0x2474, 20);
        return; /* ⑴ */
    case LISTFMT_DECIMAL_ENCLOSED_FULLSTOP:
        put_range(out, v, 0x2488, 20);
        return; /* ⒈ */
    case LISTFMT_IDEOGRAPH_ENCLOSED_CIRCLE:
        put_range(out, v, 0x3220, 10);
        return; /* ㈠ */
    case LISTFMT_IDEOGRAPH_TRADITIONAL:
        if (v >= 1 && v <= 10)
            put_sign(out, STEMS, v - 1);
        else
            put_decimal(out, v);
        return;
    case LISTFMT_IDEOGRAPH_ZODIAC:
        if (v >= 1 && v <= 12)
            put_sign(out, BRANCHES, v - 1);
        else
            put_decimal(out, v);
        return;
    case LISTFMT_IDEOGRAPH_ZODIAC_TRADITIONAL:
        /* the sixty-year cycle: 甲子, 乙丑, ... 癸亥 */
        if (v >= 1 && v <= 60) {
            put_sign(out, STEMS, (v - 1) % 10);
            put_sign(out, BRANCHES, (v - 1) % 12);
        } else {
            put_decimal(out, v);
        }
        return;
    case LISTFMT_DECIMAL:
    case LISTFMT_DECIMAL_HALF_WIDTH:
    case LISTFMT_BULLET:
    case LISTFMT_UNKNOWN:
    case LISTFMT_COUNT:
        break;
    }
    put_decimal(out, v);
}

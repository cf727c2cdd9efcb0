/*
 * internal.h - what the files of text/ share and nobody else sees.
 *
 * The value readers walk UTF-8 text one character at a time through tx_get,
 * which folds width on the fly (full-width digits and letters to ASCII,
 * half-width kana to full width) so that every reader accepts source and
 * normalised text alike without a normalisation pass of its own. Offsets stay
 * byte offsets into the caller's text.
 */
#ifndef PL_TEXT_INTERNAL_H
#define PL_TEXT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "text.h"

/* ---- characters (chars.c) ---- */

/* Half-width katakana and punctuation (U+FF61..U+FF9F) → full width; 0 when
 * cp is not one. ﾞ and ﾟ map to the spacing marks ゛ ゜. */
uint32_t tx_halfwidth_kana(uint32_t cp);
/* The kana with a sound mark added: mark 1 = dakuten, 2 = handakuten; 0 if
 * cp takes no such mark. */
uint32_t tx_kana_voiced(uint32_t cp, int mark);
/* The kana without its sound mark (が → か); cp itself if it has none. */
uint32_t tx_kana_unvoiced(uint32_t cp);

static inline bool tx_is_katakana(uint32_t cp)
{
    return (cp >= 0x30A1 && cp <= 0x30FA) || cp == 0x30FC || cp == 0x30FD || cp == 0x30FE ||
           (cp >= 0x31F0 && cp <= 0x31FF);
}
static inline bool tx_is_hiragana(uint32_t cp)
{
    return cp >= 0x3041 && cp <= 0x3096;
}
static inline bool tx_is_ideograph(uint32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF) || cp == 0x3005;
}
static inline bool tx_is_space(uint32_t cp)
{
    return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0x3000 || cp == 0xA0 || cp == 0x85 ||
           cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
           cp == 0x202F || cp == 0x205F;
}
static inline bool tx_is_digit(uint32_t cp)
{
    return cp >= '0' && cp <= '9';
}

/* ---- old and new kanji (kanji.c) ---- */

/* Decodes and sorts the table (called once by tx_tables_init). */
void tx_kanji_build(void);
/* The current form of an old kanji form, or 0. */
uint32_t tx_kanji_new_form(uint32_t cp);
/* For tests: the table's size and its i-th pair. */
size_t tx_kanji_table_size(void);
void tx_kanji_table_pair(size_t i, uint32_t *old_form, uint32_t *new_form);

/* ---- spelling variants (variants.c) ---- */

typedef struct tx_variant {
    const char *from, *to;
    unsigned char from_len, to_len;
    unsigned char flags; /* TX_VAR_* */
    uint32_t last;       /* last code point of from */
} tx_variant;

enum { TX_VAR_AFTER_NUMERAL = 1 }; /* only after a digit or kanji numeral (3ヶ月) */

/* Variants whose `from` ends in cp, longest first; *count set. NULL if none. */
const tx_variant *tx_variants_ending_in(uint32_t cp, size_t *count);
/* Calls fn for every code point that ends a variant (to mark it in tables). */
void tx_variants_each_last(void (*fn)(uint32_t cp, void *ctx), void *ctx);
size_t tx_variant_count(void);
const tx_variant *tx_variant_at(size_t i);

/* Builds the variant index (called once by tx_tables_init). */
void tx_variants_build(void);

/* Runs every one-time table build (normalize.c; thread-safe, cheap after the
 * first call). The value readers need no tables. */
void tx_tables_init(void);

/* ---- scanning (scan.c) ---- */

/* Decodes the character at s[i] folded for reading values: full-width ASCII
 * → ASCII, ideographic space → ' ', half-width kana → full width, ￥ → ¥.
 * Returns its byte length (invalid bytes: 1 with U+FFFD), 0 at the end. */
size_t tx_get(const char *s, size_t n, size_t i, uint32_t *cp);
/* The folded character ending just before byte i, 0 at the start. */
uint32_t tx_prev(const char *s, size_t i);
/* The folded character ending just before byte i, and its start in *at. */
uint32_t tx_prev_at(const char *s, size_t i, size_t *at);
/* Skips at most TX_MAX_WS whitespace characters (line breaks included). */
size_t tx_skip_ws(const char *s, size_t n, size_t i);
/* Bytes of lit if s[i..] starts with it, else 0. */
size_t tx_lit(const char *s, size_t n, size_t i, const char *lit);
/* tx_lit for the first of a NULL-terminated list that matches; *which set. */
size_t tx_lit_any(const char *s, size_t n, size_t i, const char *const *lits, int *which);

enum { TX_MAX_WS = 8 };

/* Value of a kanji digit (〇一二...九, 壱弐参..., 零), -1 if cp is none. */
int tx_kanji_digit(uint32_t cp);
/* True for any character that can be part of a kanji numeral (digits and
 * 十百千万億兆 with their formal forms). */
bool tx_is_kanji_numeral(uint32_t cp);
/* A mark between the two ends of a range (から is read by the callers):
 * 〜 ～ ~ 〰 ∼ and the dashes - ‐ – — ― − － ー. */
bool tx_is_range_mark(uint32_t cp);

/* ---- numbers (numerals.c) ---- */

enum tx_num_opts {
    TX_NUM_ARABIC = 1u << 0,  /* 0-9 and full-width digits */
    TX_NUM_KANJI = 1u << 1,   /* kanji digits and 十百千 */
    TX_NUM_UNITS = 1u << 2,   /* 十百千 after arabic digits (5千, 23百) */
    TX_NUM_LARGE = 1u << 3,   /* 万億兆 */
    TX_NUM_SEP = 1u << 4,     /* thousands separators 1,234 */
    TX_NUM_DECIMAL = 1u << 5, /* 3.5 */
    TX_NUM_DATE = TX_NUM_ARABIC | TX_NUM_KANJI,
    TX_NUM_ALL =
        TX_NUM_ARABIC | TX_NUM_KANJI | TX_NUM_UNITS | TX_NUM_LARGE | TX_NUM_SEP | TX_NUM_DECIMAL,
};

typedef struct tx_num {
    int64_t mant; /* value = mant / 10^scale */
    int scale;
    bool arabic;       /* some ASCII/full-width digit */
    bool kanji;        /* some kanji numeral */
    bool unit;         /* 十百千万億兆 used */
    bool leading_unit; /* began with a unit (千円, 百万円) */
    int digits;        /* digits in the first run (2024 → 4) */
} tx_num;

/* Reads a number at s[i]; returns bytes read, 0 if none (or overflow). */
size_t tx_number(const char *s, size_t n, size_t i, unsigned opts, tx_num *out);
/* True if the character before i would continue a number, so none may start
 * at i: a digit before anything, a kanji numeral before a kanji numeral, or
 * "1," "1." before a digit. This is what keeps 12024年 from reading 2024年. */
bool tx_inside_number(const char *s, size_t i, uint32_t first);

/* ---- dates shared with periods (dates.c) ---- */

/* Reads a date at s[i]; 0 if none. */
size_t tx_date_at(const char *s, size_t n, size_t i, text_date *out);
/* Reads a fiscal year at s[i]; 0 if none. */
size_t tx_fiscal_at(const char *s, size_t n, size_t i, text_fiscal_year *out);
/* Reads the end of a range written relative to its start: 同年9月30日,
 * 翌年3月31日, 12年3月31日 (era of from), 9月30日 (year of from), 同月30日. */
size_t tx_date_cont_at(const char *s, size_t n, size_t i, const text_date *from, text_date *out,
                       bool *year_inferred);
/* Reads era+year+年度 where the era may be carried from a previous value. */
size_t tx_fiscal_cont_at(const char *s, size_t n, size_t i, const text_fiscal_year *from,
                         text_fiscal_year *out);
/* Reads "[era] N ~ M 年度" (令和7～9年度): both years in one. */
size_t tx_fiscal_pair_at(const char *s, size_t n, size_t i, text_fiscal_year *a,
                         text_fiscal_year *b);
/* Gregorian year of era year 0 (令和 → 2018). */
int tx_era_base(text_era era);
/* Sets ymd.year from era and era_year and flags a date outside its era. */
void tx_check_era(text_date *d);

#endif

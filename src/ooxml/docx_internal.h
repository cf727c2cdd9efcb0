/*
 * docx_internal.h - shared by the files of the DOCX reader only.
 *
 * The reader is split by what each piece knows:
 *   docx.c           the story reader: one SAX pass per part (body, headers,
 *                    footers, notes, comments) turning WordprocessingML into
 *                    doc_blocks, plus the order in which parts are read;
 *   docx_styles.c    styles.xml as a compact table (ids, names, basedOn,
 *                    outline level, numbering, hidden) with chains resolved
 *                    once, so a paragraph costs a binary search;
 *   docx_numbering.c numbering.xml as tables, the list counters and the
 *                    rendering of labels such as 第１条 or （ア）;
 *   docx_listfmt.c    number-to-text for every ST_NumberFormat we render
 *                    (decimalFullWidth, japaneseCounting, aiueo, iroha ...);
 *   docx_symbols.c   symbol fonts (Symbol, Wingdings) to Unicode.
 * Nothing here is visible outside src/ooxml/; the functions are not static
 * so that the unit tests can reach them.
 */
#ifndef PL_OOXML_DOCX_INTERNAL_H
#define PL_OOXML_DOCX_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "internal.h"
#include "util/arena.h"
#include "util/sbuf.h"

/* ---- docx_listfmt.c ------------------------------------------------------ */

typedef enum listfmt {
    LISTFMT_DECIMAL = 0,
    LISTFMT_DECIMAL_ZERO,
    LISTFMT_DECIMAL_FULL_WIDTH,
    LISTFMT_DECIMAL_FULL_WIDTH2,
    LISTFMT_DECIMAL_HALF_WIDTH,
    LISTFMT_UPPER_ROMAN,
    LISTFMT_LOWER_ROMAN,
    LISTFMT_UPPER_LETTER,
    LISTFMT_LOWER_LETTER,
    LISTFMT_ORDINAL,
    LISTFMT_CARDINAL_TEXT,
    LISTFMT_ORDINAL_TEXT,
    LISTFMT_HEX,
    LISTFMT_CHICAGO,
    LISTFMT_NUMBER_IN_DASH,
    LISTFMT_JAPANESE_COUNTING,
    LISTFMT_JAPANESE_DIGITAL_TEN_THOUSAND,
    LISTFMT_JAPANESE_LEGAL,
    LISTFMT_IDEOGRAPH_DIGITAL,
    LISTFMT_AIUEO,
    LISTFMT_AIUEO_FULL_WIDTH,
    LISTFMT_IROHA,
    LISTFMT_IROHA_FULL_WIDTH,
    LISTFMT_DECIMAL_ENCLOSED_CIRCLE,
    LISTFMT_DECIMAL_ENCLOSED_CIRCLE_CHINESE,
    LISTFMT_DECIMAL_ENCLOSED_PAREN,
    LISTFMT_DECIMAL_ENCLOSED_FULLSTOP,
    LISTFMT_IDEOGRAPH_ENCLOSED_CIRCLE,
    LISTFMT_IDEOGRAPH_TRADITIONAL,
    LISTFMT_IDEOGRAPH_ZODIAC,
    LISTFMT_IDEOGRAPH_ZODIAC_TRADITIONAL,
    LISTFMT_IDEOGRAPH_LEGAL_TRADITIONAL,
    LISTFMT_CHINESE_COUNTING,
    LISTFMT_CHINESE_COUNTING_THOUSAND,
    LISTFMT_CHINESE_LEGAL_SIMPLIFIED,
    LISTFMT_TAIWANESE_COUNTING,
    LISTFMT_TAIWANESE_COUNTING_THOUSAND,
    LISTFMT_TAIWANESE_DIGITAL,
    LISTFMT_NONE,
    LISTFMT_BULLET,
    LISTFMT_CUSTOM,  /* w14 numFmt="custom" with a w:format sample, e.g. "001, 002, 003" */
    LISTFMT_UNKNOWN, /* rendered as decimal, as Word does for formats it lacks */
    LISTFMT_COUNT
} listfmt;

/* The ST_NumberFormat value named by s[0..n); LISTFMT_UNKNOWN if none. */
listfmt listfmt_parse(const char *s, size_t n);
/* The attribute value for fmt ("decimalFullWidth"). */
const char *listfmt_name(listfmt fmt);
/* Appends value written in fmt. pad is the zero-padded width for
 * LISTFMT_CUSTOM (ignored otherwise). NONE appends nothing; BULLET and
 * UNKNOWN append decimal digits. Sequences with a fixed set of signs fall
 * back to ASCII digits outside the set (①..㊿, then 51). */
void listfmt_format(listfmt fmt, uint32_t value, unsigned pad, sbuf *out);

/* ---- docx_symbols.c ----------------------------------------------------- */

/* Unicode for code (0x20..0xFF, or its F0xx private-use alias) in a symbol
 * font, or 0 when the font is not a symbol font we know or the code has no
 * mapping. font is compared case-insensitively. */
uint32_t docx_symbol_to_unicode(const char *font, uint32_t code);
/* True for Symbol, Wingdings, Wingdings 2/3, Webdings: fonts whose text
 * characters are glyph indices, not Unicode. */
bool docx_is_symbol_font(const char *font);

/* ---- docx_styles.c ------------------------------------------------------ */

typedef enum docx_style_type {
    DOCX_STYLE_PARAGRAPH = 0,
    DOCX_STYLE_CHARACTER,
    DOCX_STYLE_TABLE,
    DOCX_STYLE_NUMBERING,
} docx_style_type;

typedef struct docx_style {
    const char *id;
    const char *name; /* w:name, NULL if absent */
    const char *based_on_id;
    int32_t based_on; /* index, -1 for none */
    uint8_t type;     /* docx_style_type */
    bool is_default;
    /* as written in this style (-1 = not said here) */
    int8_t outline; /* w:pPr/w:outlineLvl 0..9 */
    int8_t vanish;  /* w:rPr/w:vanish */
    int8_t ilvl;    /* w:pPr/w:numPr/w:ilvl */
    int32_t num_id; /* w:pPr/w:numPr/w:numId */
    /* after following basedOn (-1 = nowhere in the chain) */
    int8_t eff_outline;
    int8_t eff_vanish;
    int8_t eff_ilvl;
    int32_t eff_num_id;
    int8_t name_heading; /* N from a name "heading N" / "見出し N", else 0 */
} docx_style;

typedef struct docx_styles {
    arena mem;
    docx_style *items;
    size_t n, cap;
    struct style_key *sorted; /* (id, index) ordered by id, for docx_styles_find */
    int32_t default_para;
    int8_t default_vanish; /* docDefaults rPr vanish, -1 if unsaid */
} docx_styles;

void docx_styles_init(docx_styles *st);
void docx_styles_free(docx_styles *st);
/* Parses a styles part; a missing part leaves the table empty. */
pl_status docx_styles_read(pkg *pk, const char *part, docx_styles *st, pl_error *err);
pl_status docx_styles_parse_memory(const char *xml, size_t n, docx_styles *st, pl_error *err);
/* Index of the style with this id, or -1. */
int32_t docx_styles_find(const docx_styles *st, const char *id, size_t len);

/* ---- docx_numbering.c --------------------------------------------------- */

enum { NUMBERING_LEVELS = 9 };

typedef struct numbering_level {
    bool defined;
    bool has_start;
    bool has_text;
    bool is_lgl;
    uint8_t fmt;    /* listfmt */
    uint8_t pad;    /* zero padding of a custom format */
    int8_t restart; /* w:lvlRestart (1-based level), -1 when unsaid */
    char suff;      /* '\t', ' ' or '\0' */
    int32_t start;
    const char *text;     /* w:lvlText@w:val, NULL if absent */
    const char *fmt_name; /* w:numFmt@w:val as written */
    const char *pstyle;   /* w:pStyle linking a paragraph style to the level */
    const char *font;     /* w:rPr/w:rFonts of the label, for symbol bullets */
} numbering_level;

typedef struct numbering_abstract {
    int32_t id;
    const char *style_link;     /* w:styleLink: this list defines a numbering style */
    const char *num_style_link; /* w:numStyleLink: this list is that style's */
    numbering_level lvl[NUMBERING_LEVELS];
    /* list counters, shared by every w:num that points here */
    int64_t count[NUMBERING_LEVELS];
    bool used[NUMBERING_LEVELS];
} numbering_abstract;

typedef struct numbering_num {
    int32_t id;
    int32_t abstract_id;
    int32_t abstract; /* index after numStyleLink, -1 if dangling; -2 unresolved */
    uint16_t has_start_override;
    uint16_t started; /* levels whose startOverride has been applied */
    int32_t start_override[NUMBERING_LEVELS];
    numbering_level *lvl_override[NUMBERING_LEVELS];
} numbering_num;

typedef struct docx_numbering {
    arena mem;
    numbering_abstract *abstracts;
    size_t nabstracts, cap_abstracts;
    numbering_num *nums; /* sorted by id after reading */
    size_t nnums, cap_nums;
    const docx_styles *styles; /* for numStyleLink */
} docx_numbering;

/* What a numbered paragraph shows. label points into the caller's sbuf. */
typedef struct numbering_result {
    uint32_t value;
    uint8_t level; /* ilvl */
    char suffix;
    const char *format; /* numFmt name */
    bool has_label;
} numbering_result;

void docx_numbering_init(docx_numbering *nb, const docx_styles *styles);
void docx_numbering_free(docx_numbering *nb);
pl_status docx_numbering_read(pkg *pk, const char *part, docx_numbering *nb, pl_error *err);
pl_status docx_numbering_parse_memory(const char *xml, size_t n, docx_numbering *nb, pl_error *err);
/* Forgets every counter: each story part starts its lists afresh. */
void docx_numbering_reset(docx_numbering *nb);
/* The level a numbering style link picks for a paragraph style: the w:lvl
 * whose w:pStyle names style_id, or -1. */
int docx_numbering_level_for_style(docx_numbering *nb, int32_t num_id, const char *style_id);
/* Counts one visible paragraph of list num_id at level ilvl and renders its
 * label into label (reset first). False when the paragraph is not numbered
 * (numId 0, unknown list, undefined level). */
bool docx_numbering_next(docx_numbering *nb, int32_t num_id, int ilvl, numbering_result *res,
                         sbuf *label);

/* ---- docx.c ------------------------------------------------------------- */

/* docx_read() is declared in internal.h. */

#endif

/*
 * xlsx_internal.h - shared by the files of the XLSX reader only.
 *
 *   xlsx.c         the workbook: sheet list and order, date system, the
 *                  order in which parts are read; owns xlsx_book
 *   xlsx_sst.c     shared strings in one buffer plus offsets
 *   xlsx_styles.c  numFmts and cellXfs; one compiled format per style
 *   xlsx_sheet.c   a worksheet streamed row by row into cell blocks
 *   xlsx_merge.c   top-left cells of merged ranges, found before streaming
 *   xlsx_extras.c  what belongs to a sheet but is not a cell: comments
 *                  (legacy and threaded), header/footer, drawing text boxes
 *   xlsx_text.c    small text helpers: _xHHHH_ escapes, cell references,
 *                  attribute values
 */
#ifndef PL_OOXML_XLSX_INTERNAL_H
#define PL_OOXML_XLSX_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "internal.h"
#include "numfmt.h"
#include "util/sbuf.h"

/* ---- xlsx_text.c --------------------------------------------------------- */

/* Replaces the ST_Xstring escapes _xHHHH_ in s[0..n) in place (the result
 * is never longer); _x005F_ is a literal underscore. Returns the new length. */
size_t xlsx_unescape(char *s, size_t n);

/* libxml2's SAX2 start-element callback hands attribute values with every
 * '&' still written as "&#38;" (it does that when entities are not being
 * substituted); this appends the value with those turned back into '&'. */
void xlsx_attr_append(sbuf *out, const char *v, size_t n);
/* The same into a fixed buffer (truncating); returns buf. */
const char *xlsx_attr_copy(const xs_attr *attrs, int n, xs_ns ns, const char *name, char *buf,
                           size_t size);

/* Parses a cell reference such as "AB12" or "$A$1". Either part may be
 * absent ("A", "12"); absent parts are 0. Returns false on anything else or
 * when a part is out of Excel's range. */
bool xlsx_parse_ref(const char *s, size_t n, uint32_t *row, uint32_t *col);

/* ---- xlsx_sst.c ---------------------------------------------------------- */

typedef struct xlsx_sst {
    char *buf; /* every string, each followed by a NUL */
    size_t len, cap;
    uint32_t *off; /* start of string i; off[n] is the end */
    size_t n, cap_off;
} xlsx_sst;

pl_status xlsx_sst_read(pkg *pk, const char *part, const ooxml_limits *lim, xlsx_sst *sst,
                        pl_error *err);
/* String i or NULL when out of range. */
const char *xlsx_sst_get(const xlsx_sst *sst, size_t i, uint32_t *len);
void xlsx_sst_free(xlsx_sst *sst);

/* ---- xlsx_styles.c ------------------------------------------------------- */

/* The format decision for one number format id, made once. */
typedef struct xlsx_fmt {
    const char *code; /* effective format code; NULL for General */
    numfmt *nf;       /* NULL for General */
    bool text;        /* changes how text cells look (a text section) */
} xlsx_fmt;

typedef struct xlsx_styles {
    uint32_t *xf_numfmt; /* cellXfs index -> numFmtId */
    size_t nxf, cap_xf;
    struct xlsx_custom {
        uint32_t id;
        char *code;
    } * custom; /* <numFmts> */
    size_t ncustom, cap_custom;
    xlsx_fmt **by_xf; /* lazily filled, one entry per cellXfs index */
    xlsx_fmt **fmts;  /* every distinct format, for freeing and reuse */
    uint32_t *fmt_ids;
    size_t nfmts, cap_fmts;
} xlsx_styles;

pl_status xlsx_styles_read(pkg *pk, const char *part, xlsx_styles *st, pl_error *err);
/* The format of style index s (the c/@s attribute); General for an
 * unknown index. Never NULL. */
const xlsx_fmt *xlsx_styles_fmt(xlsx_styles *st, uint32_t s);
void xlsx_styles_free(xlsx_styles *st);

/* ---- the workbook being read (xlsx.c) ------------------------------------ */

typedef struct xlsx_book {
    pkg *pk;
    const ooxml_options *opt;
    doc_info *info;
    const doc_sink *sink;
    pl_error *err;
    const char *main_part;
    xlsx_sst sst;
    xlsx_styles styles;
    bool date1904;
    bool stopped;        /* the sink asked to stop */
    const char *persons; /* threaded-comment persons part, or NULL */
    struct xlsx_person {
        char *id, *name;
    } * people; /* loaded on first use */
    size_t npeople;
    bool people_loaded;
} xlsx_book;

/* One sheet as the workbook lists it. */
typedef struct xlsx_sheet_ref {
    const char *name; /* interned in info */
    const char *part; /* interned in info */
    uint32_t flags;   /* DOC_F_SHEET_HIDDEN */
} xlsx_sheet_ref;

/* Hands a block to the sink; false when the sink wants no more. */
bool xlsx_emit(xlsx_book *bk, const doc_block *b);

/* ---- xlsx_merge.c -------------------------------------------------------- */

enum { XLSX_MERGE_SCAN_MAX = 1 << 20 }; /* bytes of sheet XML worth a pre-scan */

typedef struct xlsx_merges {
    uint64_t *keys; /* row << 16 | col of each range's top-left cell, sorted */
    size_t n, cap;
} xlsx_merges;

/* Finds the merged ranges of a sheet part no larger than
 * XLSX_MERGE_SCAN_MAX (larger parts give an empty set). */
pl_status xlsx_merges_scan(pkg *pk, const char *part, xlsx_merges *m, pl_error *err);
bool xlsx_merges_has(const xlsx_merges *m, uint32_t row, uint32_t col);
void xlsx_merges_free(xlsx_merges *m);

/* ---- xlsx_sheet.c -------------------------------------------------------- */

pl_status xlsx_sheet_read(xlsx_book *bk, const xlsx_sheet_ref *sh, const pkg_rels *rels);

/* ---- xlsx_extras.c ------------------------------------------------------- */

/* Header/footer text collected while the sheet streams by. */
typedef struct xlsx_hf {
    sbuf text[6]; /* odd/even/first header, then footers */
    int cur;      /* element being read, -1 none */
} xlsx_hf;

void xlsx_hf_init(xlsx_hf *hf);
void xlsx_hf_free(xlsx_hf *hf);
/* Index of a headerFooter child element name, or -1. */
int xlsx_hf_kind(const char *name);

/* Everything after the cells: comments, header/footer, drawings. */
pl_status xlsx_extras_emit(xlsx_book *bk, const xlsx_sheet_ref *sh, const pkg_rels *rels,
                           xlsx_hf *hf);

#endif

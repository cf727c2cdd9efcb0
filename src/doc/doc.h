/*
 * doc.h - the document model: blocks of text in reading order.
 *
 * Readers (ooxml/) turn a DOCX or XLSX into a stream of blocks; every later
 * layer (structure, rules, diff, reports) sees only blocks. A block is one
 * paragraph (DOCX, also each paragraph of a table cell), one cell (XLSX) or
 * one document property. It carries:
 *   - its text exactly as a reader of the document sees it (accepted view of
 *     tracked changes by default, field results not codes, ruby base text),
 *   - its channel (body, table, header, comment ...): rules choose channels,
 *     so that a keyword in a comment or a page header never satisfies a clause,
 *   - its location (part, paragraph, table row/column, Sheet!A1),
 *   - the rendered list label (第１条, （２）, ア) that Word draws from
 *     numbering.xml and that the text itself does not contain,
 *   - marks: spans of the text with extra meaning (inserted, hidden, ruby
 *     reading, field, hyperlink, comment anchor ...).
 *
 * Blocks are delivered to a doc_sink as they are read, so extracting a huge
 * file needs memory for one paragraph, not for the document. A block and its
 * strings are valid only during the sink call; doc_document (below) is the
 * sink that keeps them. Part and sheet names in locations are owned by the
 * doc_info and live as long as it does.
 */
#ifndef PL_DOC_H
#define PL_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

typedef enum doc_channel {
    DOC_CH_BODY = 0, /* main story paragraphs */
    DOC_CH_TABLE,    /* paragraphs inside tables of the main story */
    DOC_CH_HEADER,
    DOC_CH_FOOTER,
    DOC_CH_FOOTNOTE,
    DOC_CH_ENDNOTE,
    DOC_CH_COMMENT,
    DOC_CH_TEXTBOX,  /* text boxes and shapes (DOCX), drawings (XLSX) */
    DOC_CH_DELETED,  /* tracked deletions, kept apart from the accepted text */
    DOC_CH_METADATA, /* docProps: title, author, company ... */
    DOC_CH_CELL,     /* worksheet cells */
    DOC_CH_COUNT
} doc_channel;

/* What kind of document this is; decides which rules apply. */
typedef enum doc_type {
    DOC_TYPE_UNKNOWN = 0,
    DOC_TYPE_CONTRACT,  /* 契約書, 覚書 */
    DOC_TYPE_SPECIAL,   /* 特記事項 (個人情報取扱特記事項 ...) */
    DOC_TYPE_SPEC,      /* 仕様書 */
    DOC_TYPE_POLICY,    /* 情報セキュリティポリシー, 基本方針, 対策基準 */
    DOC_TYPE_LEDGER,    /* 台帳, 一覧 (spreadsheets) */
    DOC_TYPE_COUNT
} doc_type;

typedef enum doc_block_kind {
    DOC_BLOCK_PARAGRAPH = 0,
    DOC_BLOCK_CELL,
    DOC_BLOCK_PROPERTY,
} doc_block_kind;

/* Value type of a worksheet cell, after the number format was applied. */
typedef enum doc_value_type {
    DOC_VAL_NONE = 0, /* paragraphs */
    DOC_VAL_STRING,
    DOC_VAL_NUMBER,
    DOC_VAL_BOOL,
    DOC_VAL_ERROR,    /* #N/A, #DIV/0! ... */
    DOC_VAL_DATE,     /* date format, no time part shown */
    DOC_VAL_DATETIME,
    DOC_VAL_TIME,
} doc_value_type;

typedef enum doc_mark_kind {
    DOC_MARK_INSERTED = 0, /* tracked insertion (w:ins), info = author */
    DOC_MARK_DELETED,      /* tracked deletion, only in --tracked all/reject views */
    DOC_MARK_MOVED_TO,
    DOC_MARK_MOVED_FROM,
    DOC_MARK_HIDDEN,       /* w:vanish: present in the file, not shown */
    DOC_MARK_RUBY,         /* span = base text, info = reading (furigana) */
    DOC_MARK_FIELD,        /* span = cached result, info = field instruction */
    DOC_MARK_HYPERLINK,    /* info = target URL or #bookmark */
    DOC_MARK_COMMENT,      /* commented range, info = comment id */
    DOC_MARK_PLACEHOLDER,  /* content control still showing its placeholder */
    DOC_MARK_SYMBOL,       /* w:sym with no Unicode mapping, info = font:code */
    DOC_MARK_NOTE_REF,     /* footnote/endnote reference, info = note id */
    DOC_MARK_COUNT
} doc_mark_kind;

typedef struct doc_mark {
    doc_mark_kind kind;
    uint32_t start, end; /* byte span in the block text */
    const char *info;    /* may be NULL */
} doc_mark;

typedef struct doc_location {
    const char *part;    /* package part, e.g. "word/document.xml" */
    uint32_t paragraph;  /* 1-based index of the w:p in its part, in XML order
                            (counts every w:p, visible or not); 0 for cells */
    uint32_t table;      /* 1-based index of the table in its part (0: none) */
    uint32_t row, col;   /* 1-based row/column in the table or sheet (0: none) */
    uint16_t table_depth;/* 1 for a top-level table, 2 for a nested one ... */
    const char *sheet;   /* worksheet name (XLSX), NULL otherwise */
} doc_location;

/* Block flags */
enum {
    DOC_F_HIDDEN = 1u << 0,      /* the whole block is hidden text */
    DOC_F_HEADING = 1u << 1,     /* outline level from style or paragraph */
    DOC_F_SHEET_HIDDEN = 1u << 2,
    DOC_F_ROW_HIDDEN = 1u << 3,
    DOC_F_COL_HIDDEN = 1u << 4,
    DOC_F_FORMULA = 1u << 5,     /* cell text is a formula's cached result */
    DOC_F_NO_CACHED = 1u << 6,   /* formula without a cached value */
    DOC_F_MERGED = 1u << 7,      /* top-left cell of a merged range */
    DOC_F_PLACEHOLDER = 1u << 8, /* entire block is unfilled placeholder text */
    DOC_F_TRACKED = 1u << 9,     /* block contains or is a tracked change */
};

typedef struct doc_block {
    doc_block_kind kind;
    doc_channel channel;
    doc_location loc;
    uint32_t flags;

    const char *text; /* UTF-8, NUL-terminated, len bytes; never NULL */
    uint32_t len;

    /* Rendered list numbering (DOCX): the label as displayed, e.g. "第１条",
     * without the separator that follows it. NULL when not numbered. */
    const char *label;
    char label_suffix;  /* '\t', ' ' or '\0' as numbering's w:suff says */
    uint32_t list_id;   /* w:numId (0: none) */
    uint8_t list_level; /* w:ilvl + 1 (0: not in a list) */
    uint32_t list_value;/* counter value of that level, e.g. 3 for 第３条 */
    const char *list_format; /* numFmt of that level, e.g. "decimalFullWidth" */

    const char *style;      /* paragraph style id, NULL if none */
    const char *style_name; /* its display name (w:name), NULL if none */
    uint8_t outline;        /* heading level 1..9, 0 = body text */

    /* Identity inside its channel: comment / note id, property name
     * ("dc:title"), header kind ("default", "first", "even"). */
    const char *ref;
    const char *author; /* comment author */

    /* Cells */
    doc_value_type value_type;
    const char *raw;     /* stored value: serial number, "1", "#N/A" ... */
    const char *iso;     /* ISO 8601 for dates and times, else NULL */
    const char *number_format; /* effective format code, NULL for General */

    const doc_mark *marks;
    uint32_t nmarks;
} doc_block;

/* Something the reader noticed that is not an error: an altChunk it could not
 * read, a symbol without a Unicode mapping, macros present ... */
typedef struct doc_warning {
    const char *code;   /* stable id, e.g. "ALTCHUNK", "MACROS" */
    const char *part;
    const char *detail;
} doc_warning;

typedef enum doc_format {
    DOC_FMT_UNKNOWN = 0,
    DOC_FMT_DOCX,
    DOC_FMT_XLSX,
} doc_format;

typedef enum doc_tracked {
    DOC_TRACKED_ACCEPT = 0, /* text as if all changes were accepted (default) */
    DOC_TRACKED_REJECT,     /* text as if all changes were rejected */
    DOC_TRACKED_ALL,        /* both, with DELETED/INSERTED marks */
} doc_tracked;

/* Facts about the whole file, filled by the reader. Owns the strings that
 * locations point to. */
typedef struct doc_info {
    arena mem;
    const char *path;
    char sha256[65];
    uint64_t file_size;
    doc_format format;
    const char *variant;   /* "docx", "docm", "dotx", "xlsx", "xlsm" ... */
    const char *main_part; /* "word/document.xml", "xl/workbook.xml" */
    bool strict;           /* ISO strict namespaces */
    bool date1904;         /* XLSX 1904 date system */

    /* counts a reader records while reading */
    uint32_t paragraphs, tables, sheets, cells;
    uint32_t insertions, deletions, moves; /* tracked-change elements */
    uint32_t comments, footnotes, endnotes;
    uint32_t hidden_runs;

    doc_warning *warnings;
    size_t nwarnings, cap_warnings;
} doc_info;

void doc_info_init(doc_info *info);
void doc_info_free(doc_info *info);
/* Copies into info's arena and returns the stable pointer. */
const char *doc_info_intern(doc_info *info, const char *s);
void doc_info_warn(doc_info *info, const char *code, const char *part, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* A consumer of blocks. Returns false to stop the reader early (e.g. the
 * consumer hit its own limit); the reader then returns PL_OK. */
typedef struct doc_sink {
    void *ctx;
    bool (*block)(void *ctx, const doc_block *b);
} doc_sink;

/* A whole document in memory: the sink for layers that need every block
 * (structure, rules, diff). Blocks and their strings live in the arena. */
typedef struct doc_document {
    doc_info info;
    arena mem;
    doc_block *blocks;
    size_t nblocks, cap;
} doc_document;

void doc_document_init(doc_document *d);
void doc_document_free(doc_document *d);
doc_sink doc_document_sink(doc_document *d);

const char *doc_channel_name(doc_channel ch);
int doc_channel_parse(const char *name); /* -1 if unknown */
const char *doc_mark_name(doc_mark_kind k);
const char *doc_value_type_name(doc_value_type t);
const char *doc_format_name(doc_format f);
/* "contract", "special-provisions", "spec", "policy", "ledger", "unknown" */
const char *doc_type_name(doc_type t);
int doc_type_parse(const char *name); /* -1 if unknown */

/* Column letters for a 1-based column: 1 -> "A", 28 -> "AB". out: 8 bytes. */
void doc_column_letters(uint32_t col, char out[8]);

#endif

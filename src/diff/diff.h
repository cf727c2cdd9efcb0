/*
 * diff.h - two versions of a document compared clause by clause: the
 * 新旧対照表 (old/new comparison table) Japanese public bodies attach to every
 * amendment.
 *
 * WHAT IS COMPARED
 * Each version is cut into units and each unit into lines:
 *   unit   an article (第N条) with its caption, paragraphs (項), items and
 *          tables; a chapter heading; an appendix heading (別記); a heading of
 *          a specification (1, 1.1, (1), 第1) with its text; a paragraph or a
 *          table outside any clause; a worksheet.
 *   line   one paragraph (its structural label 第３条, ２, （１） kept apart
 *          from its text) or one table row (cells separated by '\t').
 * Only what a reader of the accepted document sees is compared: body, tables
 * and text boxes; tracked deletions, hidden text, empty paragraphs, headers,
 * footers, notes and comments are left out.
 *
 * Text is compared after width and spacing normalisation (text_normalize with
 * TEXT_NORM_WIDTH | TEXT_NORM_SPACE), so runs split differently, fonts,
 * full/half-width forms and spaces between Japanese characters make no
 * difference; labels are compared as numbers, so automatic numbering that
 * renders 第１条 equals a literal 第１条. Everything shown is source text.
 *
 * HOW UNITS ARE MATCHED
 * Units are aligned by content first and by number last, so that an inserted
 * article renumbering all later ones, or an article moved elsewhere, is seen
 * as such and not as a cascade of changes: identical content (labels aside)
 * anchors the alignment, unique captions （再委託） anchor it next, and what
 * lies between anchors is aligned by similarity of normalised text; a unit
 * that fits nowhere in order but closely resembles one on the other side is a
 * move. Inside an aligned unit the lines are aligned the same way, which also
 * recognises a paragraph split in two or two merged into one. Changed lines
 * get a character diff cleaned up to read as phrases (see chardiff.c).
 *
 * THE RESULT
 * A list of entries in reading order (new version's order; deleted units at
 * their old place; a moved unit at its new place), each pairing zero or more
 * old units with zero or more new units, with a status, the aligned lines and
 * the edit operations on each changed line. The result points into both
 * doc_documents, which must outlive it.
 */
#ifndef PL_DIFF_H
#define PL_DIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "doc/doc.h"
#include "doc/structure.h"
#include "util/arena.h"
#include "util/i18n.h"
#include "util/json.h"
#include "util/sbuf.h"
#include "util/status.h"

typedef enum diff_status {
    DIFF_UNCHANGED = 0,
    DIFF_RENUMBERED, /* same text; only the number (label) differs */
    DIFF_CHANGED,    /* text changed (and perhaps renumbered) */
    DIFF_MOVED,      /* out of order relative to its neighbours (maybe also changed) */
    DIFF_SPLIT,      /* one old unit or line became several */
    DIFF_MERGED,     /* several became one */
    DIFF_INSERTED,
    DIFF_DELETED,
    DIFF_STATUS_COUNT
} diff_status;

typedef enum diff_unit_kind {
    DIFF_UNIT_ARTICLE = 0, /* 第N条 */
    DIFF_UNIT_CHAPTER,     /* 第N章/節/款/編 heading */
    DIFF_UNIT_APPENDIX,    /* 別記, 別表, 附則 ... heading */
    DIFF_UNIT_HEADING,     /* heading of a specification or policy, with its text */
    DIFF_UNIT_PARAGRAPH,   /* a paragraph outside every clause (title, preamble) */
    DIFF_UNIT_TABLE,       /* a table outside every clause, or a worksheet */
} diff_unit_kind;

struct diff_key; /* the comparison form of a line or unit, private to diff/ */

typedef struct diff_line {
    uint32_t block;    /* first block of the line (index in doc_document.blocks) */
    uint32_t nblocks;  /* blocks that make it up (cells of a table row) */
    const char *label; /* structural label as shown (第３条, ２, （１）), NULL if none */
    const char *text;  /* the rest, source characters; '\t' between table cells */
    uint32_t len;
    bool table_row;
    uint32_t unit; /* index of its unit */
    const struct diff_key *key;
    const char *label_key; /* label normalised for comparison, NULL if none */
    int label_kind;        /* doc_clause_kind of the label's clause, -1 if none */
    int64_t label_number, label_branch;
} diff_line;

typedef struct diff_unit {
    diff_unit_kind kind;
    const char *path;    /* clause path: 第6条, 別記 第3条, 2(1); sheet name; "" if none */
    const char *label;   /* 第６条 as shown, NULL if none */
    const char *caption; /* 再委託, a heading's title; NULL if none */
    int64_t number, branch;
    uint32_t first_line, nlines; /* in diff_version.lines */
    uint32_t first_block, last_block;
    uint64_t scope;        /* which numbering it belongs to (main text, 別記 ...) */
    const char *label_key; /* label normalised for comparison, NULL if none */
    uint64_t caption_hash; /* of the normalised caption, 0 if none */
    const struct diff_key *key;
} diff_unit;

typedef struct diff_version {
    const doc_document *doc;
    diff_unit *units;
    size_t nunits;
    diff_line *lines;
    size_t nlines;
} diff_version;

typedef enum diff_op_kind { DIFF_OP_EQUAL = 0, DIFF_OP_DELETE, DIFF_OP_INSERT } diff_op_kind;

/* One edit on one line of each side. Spans are bytes in the lines' text;
 * together the EQUAL and DELETE ops of a pair cover every old line's text
 * exactly once, in order, and EQUAL and INSERT ops every new line's. A
 * DELETE has an empty span on the new side where the text was, an INSERT
 * an empty span on the old side where it goes. */
typedef struct diff_op {
    diff_op_kind kind;
    int32_t old_line, new_line; /* absolute line index (-1 only when that side has no line) */
    uint32_t old_start, old_end;
    uint32_t new_start, new_end;
} diff_op;

/* Aligned lines inside an entry. */
typedef struct diff_line_pair {
    diff_status status;
    uint32_t old_first, old_count; /* absolute line indices */
    uint32_t new_first, new_count;
    bool label_changed;      /* the first lines' labels differ */
    uint32_t first_op, nops; /* in diff_result.ops; only when the text changed */
} diff_line_pair;

/* Aligned units: one row of the 新旧対照表. */
typedef struct diff_entry {
    diff_status status;
    bool renumbered; /* the unit's own number changed */
    bool moved;
    bool text_changed;             /* some line's text or the line structure changed */
    float similarity;              /* of the normalised texts, 0..1 (1 for identical) */
    uint32_t old_first, old_count; /* unit indices */
    uint32_t new_first, new_count;
    uint32_t first_pair, npairs; /* in diff_result.pairs */
} diff_entry;

typedef struct diff_result {
    arena mem;
    diff_version old, new;
    diff_entry *entries;
    size_t nentries, cap_entries;
    diff_line_pair *pairs;
    size_t npairs, cap_pairs;
    diff_op *ops;
    size_t nops, cap_ops;
    size_t count[DIFF_STATUS_COUNT]; /* entries per status */
} diff_result;

/* Compares two documents (each with its structure). Cannot fail: input too
 * large to normalise is compared as written. */
void diff_compare(diff_result *r, const doc_document *old_doc, const doc_structure *old_st,
                  const doc_document *new_doc, const doc_structure *new_st);
void diff_result_free(diff_result *r);

/* True when some entry is not DIFF_UNCHANGED. */
bool diff_result_differs(const diff_result *r);

/* "unchanged", "renumbered", "changed", "moved", "split", "merged", "inserted", "deleted" */
const char *diff_status_name(diff_status s);
/* 変更なし, 条番号の変更, 変更, 移動, 分割, 統合, 追加, 削除 (or English) */
const char *diff_status_label(diff_status s, pl_lang lang);
/* "article", "chapter", "appendix", "heading", "paragraph", "table" */
const char *diff_unit_kind_name(diff_unit_kind k);

/* Character diff of two UTF-8 strings as compared here (code points, phrase
 * cleanup; no normalisation) written with markers: 乙は、[-甲-]{+発注者+}の…
 * Deletions come before insertions. For tests and quick looks. */
void diff_strings_markup(const char *a, size_t an, const char *b, size_t bn, sbuf *out);

/* A plain-text file as a document: one body paragraph per line (LF, CRLF or
 * CR), a UTF-8 byte-order mark dropped, invalid UTF-8 repaired as U+FFFD.
 * name becomes info.path. */
void diff_plain_document(doc_document *d, const char *name, const char *data, size_t n);

/* ---- output ---------------------------------------------------------------- */

typedef struct diff_render {
    pl_lang lang;
    bool color;                      /* text: ANSI colours instead of [- -]{+ +} markers */
    bool all;                        /* text/html/docx: unchanged units too, not only changes */
    const char *old_name, *new_name; /* as the user named the files */
    const char *tool_version;        /* recorded in JSON and DOCX properties */
} diff_render;

/* Terminal text: a heading per changed unit, then its lines with the changes
 * marked inline. */
void diff_write_text(const diff_result *r, const diff_render *o, sbuf *out);
/* A self-contained HTML 新旧対照表: 改正後 (left) | 改正前 (right), changed
 * parts underlined (傍線). */
void diff_write_html(const diff_result *r, const diff_render *o, sbuf *out);
/* Every entry with both sides, lines and operations (docs/diff-output.md). */
void diff_write_json(const diff_result *r, const diff_render *o, jw *w);
/* A WordprocessingML package holding the 新旧対照表 as a Word table (changed
 * parts underlined), ready to paste into a 決裁 document. */
pl_status diff_write_docx(const diff_result *r, const diff_render *o, sbuf *out, pl_error *err);

#endif

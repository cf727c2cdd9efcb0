/*
 * internal.h - what the files of diff/ share and nobody else needs.
 *
 *   version.c   a document cut into units and lines, with comparison keys
 *   align.c     aligning two sequences (units, or lines of a unit)
 *   chardiff.c  Myers' diff on code points and the phrase cleanup
 *   compare.c   diff_compare: the three put together, statuses
 *   plain.c     plain-text files as documents
 *   text.c html.c json.c docx.c   the outputs; render.c what they share
 */
#ifndef PL_DIFF_INTERNAL_H
#define PL_DIFF_INTERNAL_H

#include "diff.h"

/* What stands between table cells in the comparison text: a private-use
 * code point, which Myers' diff matches like any character (so cells align
 * when the table's shape is the same) and the cleanup treats as a wall.
 * Rows are split into cells on the '\t' that version.c itself puts between
 * them; the rare U+E000 inside a document's own text only becomes a wall. */
#define DIFF_CELL_SEP 0xE000u

/* The comparison form of a line or unit. */
typedef struct diff_key {
    const uint32_t *cp;        /* normalised code points (lines; NULL for units) */
    const uint32_t *src_start; /* per code point: source byte span in the line's text */
    const uint32_t *src_end;
    uint32_t n;            /* code points (units: of all their lines) */
    uint64_t hash;         /* identity of the content, labels excluded */
    const uint32_t *grams; /* sorted bigram hashes, for similarity */
    uint32_t ngrams;
} diff_key;

/* ---- version.c ---- */
void diff_version_build(diff_version *v, arena *mem, const doc_document *d, const doc_structure *s);
void diff_version_free(diff_version *v);
/* Do two lines carry the same label (both none, or the same number)? */
bool diff_labels_equal(const diff_line *a, const diff_line *b);
/* Do two units carry the same number? */
bool diff_unit_labels_equal(const diff_unit *a, const diff_unit *b);

/* ---- similarity (align.c) ---- */
/* Multiset intersection of two sorted arrays. */
size_t diff_grams_common(const uint32_t *a, size_t na, const uint32_t *b, size_t nb);
/* Dice coefficient of the bigram multisets, 0..1; two empty keys are 1. */
double diff_key_similarity(const diff_key *a, const diff_key *b);

/* ---- align.c ---- */
typedef struct align_item {
    const diff_key *key;
    int klass;        /* only items of one class pair */
    uint64_t number;  /* numbering identity (scope, number, branch); 0 none */
    uint64_t caption; /* hash of the normalised caption; 0 none */
} align_item;

typedef struct align_params {
    double min_sim;         /* a pair is allowed at or above this similarity */
    double min_sim_number;  /* ... or this, with the same number */
    double min_sim_caption; /* ... or this, with the same caption */
    double min_sim_group;   /* a split or merge at or above this */
    double min_contained;   /* every part of a split/merge this much inside the whole */
    int max_group;          /* largest split/merge (1: none) */
    double min_sim_move;    /* out-of-order pair at or above this */
} align_params;

typedef struct align_pair {
    uint32_t old_first, old_count;
    uint32_t new_first, new_count;
    bool moved;
    float sim;
} align_pair;

/* Aligns a[0..na) with b[0..nb). Writes the pairs in reading order (new
 * order, unmatched old items before the next in-order pair, moves at their
 * new place) into *out (caller frees); returns how many. Every item of
 * either side is in exactly one pair. */
size_t diff_align(const align_item *a, size_t na, const align_item *b, size_t nb,
                  const align_params *p, align_pair **out);

/* ---- chardiff.c ---- */
typedef struct cd_hunk {
    bool change;     /* false: a[a0..a1) equals b[b0..b1) */
    uint32_t a0, a1; /* code point spans */
    uint32_t b0, b1;
} cd_hunk;

/* The cleaned-up diff of a[0..n) and b[0..m) as alternating hunks covering
 * both entirely; *out is malloc'd (caller frees); returns the count. */
size_t diff_chars(const uint32_t *a, size_t n, const uint32_t *b, size_t m, cd_hunk **out);

/* ---- render.c: shared by the outputs ---- */
/* The entry's first unit on one side, NULL when that side is empty. */
const diff_unit *diff_entry_unit(const diff_result *r, const diff_entry *e, bool old_side);
/* 第6条（再委託）, 別記, 1 目的, or the start of a loose paragraph. */
void diff_unit_title(const diff_version *v, const diff_unit *u, sbuf *out);
/* The entry's title (new side's, else old's) with "（改正前 第5条）" when the
 * old unit is called otherwise. */
void diff_entry_title(const diff_result *r, const diff_entry *e, pl_lang lang, sbuf *out);
/* The old name of an entry whose name changed ("" when it did not): 第4条,
 * or the old title when the caption changed too. */
void diff_entry_former(const diff_result *r, const diff_entry *e, sbuf *out);
/* Shown without --all: everything but unchanged entries. */
bool diff_entry_shown(const diff_entry *e);
/* The version holding a side. */
const diff_version *diff_side_version(const diff_result *r, bool old_side);

/* One side of a line pair as a walk over its lines and runs of text marked
 * changed or not: what the side-by-side outputs draw. */
typedef struct diff_side_walker {
    void *ctx;
    /* label_changed: the label is new, gone or renumbered */
    void (*line_start)(void *ctx, const diff_line *line, bool label_changed);
    void (*run)(void *ctx, const char *s, size_t n, bool changed);
    void (*line_end)(void *ctx, const diff_line *line);
} diff_side_walker;
void diff_walk_side(const diff_result *r, const diff_line_pair *p, bool old_side,
                    const diff_side_walker *w);

/* The separator between a label and its text (U+3000, as documents write it). */
#define DIFF_LABEL_SEP "\u3000"

#endif

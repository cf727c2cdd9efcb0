/*
 * engine.h - what the evaluators share (rules/ only).
 *
 * A subject is prepared once: every block of every member is normalised
 * (text/text.h) and cut into sentences, and each block knows its article
 * and appendix. A rule then sees only the blocks in its scope (channels,
 * caption, appendix), grouped into the unit its matches ask for. Matches
 * run on normalised text; evidence is mapped back to the source characters.
 */
#ifndef PL_RULES_ENGINE_H
#define PL_RULES_ENGINE_H

#include "model.h"
#include "util/sbuf.h"

typedef struct eblock {
    uint32_t member, block;
    doc_channel channel;
    text_norm norm;       /* owns its arrays */
    uint32_t *sentences;  /* start offsets of sentences in norm.text */
    uint32_t nsentences;
    int32_t article;      /* clause index of its article/top heading, -1 */
    int32_t appendix;     /* clause index of its appendix, -1 */
} eblock;

typedef struct eprepared {
    const rules_subject *subject;
    eblock *blocks;
    size_t nblocks;
} eprepared;

/* A unit of text to match in: one sentence, block, clause or document, made
 * of consecutive pieces of eblocks. */
typedef struct eunit_piece {
    uint32_t eb;        /* index into eprepared.blocks */
    uint32_t from, to;  /* bytes of that block's normalised text */
    uint32_t at;        /* offset of the piece in the unit text */
} eunit_piece;

typedef struct eunit {
    sbuf text;          /* for multi-piece units; single pieces point at the block */
    const char *ptr;
    size_t len;
    eunit_piece *pieces;
    size_t npieces, cap;
} eunit;

struct rules_worker {
    pattern_scratch *scratch;
    eunit unit, unit2;
    text_norm norm;
    bool limit_hit; /* a pattern ran into its match limit */
};

/* The evaluation of one rule. */
typedef struct eval {
    const rules_context *ctx;
    const eprepared *prep;
    rules_worker *w;
    const rules_rule *rule;
    rules_result *res;
    arena *mem;
    bool *in_scope; /* per eblock */
    size_t cap_evidence;
} eval;

/* ---- engine.c ---------------------------------------------------------- */

/* Calls fn for every unit of kind `unit` made of in-scope blocks; stops when
 * fn returns false. */
typedef bool (*unit_fn)(eval *ev, const eunit *u, void *ctx);
void engine_for_units(eval *ev, rule_unit unit, unit_fn fn, void *ctx);

/* The document block an eblock was prepared from. */
const doc_block *engine_doc_block(const eprepared *p, uint32_t eb);
/* Are two blocks cells (or table paragraphs) of the same table or sheet? */
bool engine_same_table(const doc_block *a, const doc_block *b);

/* The sentence of eblock eb around byte span (a unit in w->unit2). */
const eunit *engine_sentence_unit(eval *ev, uint32_t eb, text_span span);

/* Does m hold in u? On success *span is the first pattern's match. */
bool engine_match_unit(eval *ev, const rule_match *m, const eunit *u, text_span *span);
/* Does any alternative of set hold in u? */
bool engine_matchset_unit(eval *ev, const rule_matchset *set, const eunit *u, text_span *span);
/* First unit (in document order) where the set holds, as evidence. */
bool engine_find_first(eval *ev, const rule_matchset *set, rules_evidence_kind kind,
                       const rule_text *about);

/* Adds evidence for the span of unit u (bytes of the unit text). */
rules_evidence *engine_evidence(eval *ev, rules_evidence_kind kind, const eunit *u,
                                text_span span, const rule_text *about);
/* Adds evidence for a span of one eblock's normalised text. */
rules_evidence *engine_evidence_block(eval *ev, rules_evidence_kind kind, uint32_t eb,
                                      text_span span, const rule_text *about);
void engine_missing(eval *ev, const rule_text *what);
void engine_detail(eval *ev, const char *ja, const char *en);

/* Evaluates one rule (for examples). */
void engine_evaluate_rule(const rules_context *ctx, const rules_subject *subject, rules_worker *w,
                          const rules_rule *rule, rules_results *out);

/* ---- checks.c ----------------------------------------------------------- */

void check_presence(eval *ev);
void check_condition(eval *ev);
void check_numeric(eval *ev);
void check_lifecycle(eval *ev);
void check_builtin(eval *ev);
void check_edition(eval *ev);

#endif

/*
 * rules.h - rule packs and their evaluation.
 *
 * A rule pack (policies/ packs (*.xml), grammar in policies/schema/pack.rng, meaning
 * in docs/rules-format.md) is validated when loaded: a broken pack stops the
 * run with its file, line and reason, before any document is checked. Every
 * pattern is compiled (and JIT-compiled) once per run.
 *
 * A rules_set holds the loaded packs; it is read-only once loaded, so any
 * number of threads may evaluate documents against it at the same time.
 */
#ifndef PL_RULES_H
#define PL_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "doc/doc.h"
#include "doc/structure.h"
#include "text/text.h"
#include "util/arena.h"
#include "util/i18n.h"
#include "util/status.h"

typedef enum rules_severity { RULES_INFO = 0, RULES_WARNING, RULES_ERROR } rules_severity;

typedef struct rules_pack rules_pack;
typedef struct rules_rule rules_rule;

typedef struct rules_set {
    rules_pack **packs;
    size_t npacks, cap;
} rules_set;

void rules_set_init(rules_set *set);
void rules_set_free(rules_set *set);

/* Loads one pack file, or every *.xml directly in a directory (sorted).
 * Rule ids must be unique across the whole set. */
pl_status rules_set_load(rules_set *set, const char *path, pl_error *err);

/* Sets a pack parameter ("subcontracting-share-limit" ...) by name, in every
 * pack that declares it; false if no pack does. */
bool rules_set_param(rules_set *set, const char *name, double value);
/* Overrides a rule's severity; false if the id is unknown. */
bool rules_set_severity(rules_set *set, const char *rule_id, rules_severity severity);

size_t rules_set_count(const rules_set *set);
const rules_rule *rules_set_at(const rules_set *set, size_t i);
const rules_rule *rules_set_find(const rules_set *set, const char *id);
/* A digest of every loaded pack's id and revision, recorded in reports. */
void rules_set_revision(const rules_set *set, sbuf *out);

const char *rules_rule_id(const rules_rule *r);
rules_severity rules_rule_severity(const rules_rule *r);
const char *rules_rule_title(const rules_rule *r, pl_lang lang);
const char *rules_rule_message(const rules_rule *r, pl_lang lang);
const char *rules_rule_pack(const rules_rule *r);
/* Writes a human description of the rule: what it checks, where, its
 * references and its examples (for `polint rules show`). */
void rules_rule_describe(const rules_rule *r, pl_lang lang, sbuf *out);

const char *rules_severity_name(rules_severity s);
int rules_severity_parse(const char *name); /* -1 if unknown */

/* ---- support lifecycle data ------------------------------------------------ */

typedef struct rules_lifecycle rules_lifecycle;

/* Loads policies/data/lifecycle.tsv (format in docs/lifecycle-data.md). */
pl_status rules_lifecycle_load(rules_lifecycle **out, const char *path, pl_error *err);
void rules_lifecycle_free(rules_lifecycle *lc);
size_t rules_lifecycle_count(const rules_lifecycle *lc);

typedef struct rules_product {
    const char *product, *version; /* version "*": the product named without a version */
    text_ymd end;      /* end of normal support; for "*" the earliest end of any version */
    text_ymd latest;   /* for "*": the latest end of any version (else unused) */
    text_ymd extended; /* end of extended support; year 0 if none */
    const char *source;
} rules_product;

/* The end of a product line that has no announced end. */
#define RULES_NO_END ((text_ymd){9999, 12, 31})

/* Row i of the data (for checks of the data itself). has_pattern says
 * whether the row is recognised in text at all. */
const rules_product *rules_lifecycle_at(const rules_lifecycle *lc, size_t i, bool *has_pattern);

typedef struct rules_mention {
    const rules_product *product;
    text_span span; /* in the text searched */
} rules_mention;

typedef struct rules_worker rules_worker;

/* Product mentions in normalised text (see text/text.h), left to right; the
 * longest match wins, then the earlier row. Returns how many there are; at
 * most cap are written. */
size_t rules_lifecycle_find(const rules_lifecycle *lc, rules_worker *w, const char *text,
                            size_t len, rules_mention *out, size_t cap);

/* ---- evaluation -------------------------------------------------------------- */

typedef enum rules_state {
    RULES_PASS = 0,
    RULES_FAIL,
    RULES_NOTAPPLICABLE,
    RULES_STATE_ERROR, /* could not be decided */
} rules_state;

const char *rules_state_name(rules_state s);

/* An edition of the national guideline (総務省「地方公共団体における情報セキュ
 * リティポリシーに関するガイドライン」), as policies/guideline/ describes it. */
typedef struct rules_edition {
    const char *id;       /* "R7.3" */
    const char *label_ja; /* "令和7年3月版" */
    const char *label_en; /* "March 2025 edition" */
    text_ymd date;        /* day of issue (day 1 when only the month is known) */
    const char *summary_ja, *summary_en; /* what the edition changed */
} rules_edition;

/* Read-only facts every evaluation of a run shares. */
typedef struct rules_context {
    const rules_set *set;
    const rules_lifecycle *lifecycle; /* NULL: lifecycle rules end in error */
    const rules_edition *editions;    /* oldest first; NULL: edition rules end in error */
    size_t neditions;
    text_ymd as_of;                   /* the reference date */
} rules_context;

/* A document to evaluate: the reader's blocks and the structure built on them. */
typedef struct rules_member {
    const doc_document *doc;
    const doc_structure *structure;
} rules_member;

/* One document, or several checked together as one contract set. */
typedef struct rules_subject {
    const rules_member *members;
    size_t nmembers;
    bool bundle;
} rules_subject;

typedef enum rules_evidence_kind {
    EVIDENCE_FOUND,       /* the clause or part was found here */
    EVIDENCE_VIOLATION,   /* a violation, or a permission lacking a requirement */
    EVIDENCE_MENTION,     /* where the topic is mentioned (context) */
    EVIDENCE_PRODUCT,     /* a product and its support end */
    EVIDENCE_UNDECIDED,   /* a product named without a decidable version */
    EVIDENCE_VALUE,       /* a value compared with a limit */
    EVIDENCE_FILE,        /* a fact about the file (tracked change, comment) */
} rules_evidence_kind;

typedef struct rules_evidence {
    rules_evidence_kind kind;
    size_t member, block;     /* block index in the member's document */
    const char *clause;       /* clause path, "" if none */
    doc_location loc;
    doc_block_kind block_kind;
    const char *quote;        /* the source text around the match */
    uint32_t start, end;      /* the match in the block text, in code points */
    uint32_t quote_from;      /* where the quote starts in the block text, code points */
    const char *about_ja, *about_en; /* the part, requirement or violation */
    const char *product;      /* EVIDENCE_PRODUCT / UNDECIDED */
    text_ymd date;            /* support end (PRODUCT), or the value's date */
    text_ymd limit_date;      /* the reference date or term end it was compared with */
    double value, limit;      /* EVIDENCE_VALUE */
} rules_evidence;

typedef struct rules_result {
    const rules_rule *rule;
    rules_state state;
    rules_evidence *evidence;
    size_t nevidence;
    size_t more_evidence;          /* evidence beyond the cap, counted only */
    const char **missing_ja, **missing_en; /* parts or requirements not found */
    size_t nmissing;
    const char *detail_ja, *detail_en;     /* why notapplicable/error, what was searched */
    uint32_t searched_blocks;      /* blocks in scope */
    /* edition checks: the edition the document follows and those after it */
    const rules_edition *edition;
    bool edition_inferred;         /* from a revision date, not declared */
    const rules_edition *editions_since;
    size_t neditions_since;
} rules_result;

typedef struct rules_results {
    arena mem;
    rules_result *items;
    size_t n, cap;
} rules_results;

void rules_results_init(rules_results *r);
void rules_results_free(rules_results *r);

/* A worker owns what matching scribbles on: one per thread. */
rules_worker *rules_worker_new(void);
void rules_worker_free(rules_worker *w);

/* Evaluates every rule of ctx->set on subject, appending one result per
 * rule (notapplicable where the rule does not apply) in pack order. */
void rules_evaluate(const rules_context *ctx, const rules_subject *subject, rules_worker *w,
                    rules_results *out);

/* Is this the rule that stands for a file that could not be read
 * (doc.unreadable)? The CLI gives such a file this rule's error result. */
bool rules_rule_is_unreadable(const rules_rule *r);
/* Does the rule judge the file itself (tracked changes, comments,
 * readability) rather than its clauses? Such rules are evaluated per
 * document even inside a bundle. */
bool rules_rule_is_file_level(const rules_rule *r);

/* The full sentence for people: the rule's message and what was missing,
 * violated or undecidable. */
void rules_result_message(const rules_result *r, pl_lang lang, sbuf *out);
/* A one-line note for an evidence item ("found", "Windows 7: support ended
 * 2020-01-14", ...). */
void rules_evidence_note(const rules_evidence *e, pl_lang lang, sbuf *out);

/* Runs every rule's own examples: `polint rules test`. Writes one line per
 * example that does not give its expected state into report; returns the
 * number of examples that failed, and counts all in *total. */
size_t rules_test_examples(const rules_context *ctx, const char *rule_id, pl_lang lang,
                           sbuf *report, size_t *total);

#endif

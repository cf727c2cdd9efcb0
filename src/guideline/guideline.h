/*
 * guideline.h - the national guideline (総務省「地方公共団体における情報セキュ
 * リティポリシーに関するガイドライン」) as data: its editions, the outline of
 * each edition's model text, the requirements a local policy is expected to
 * carry, and how far a local policy has adopted them.
 *
 * DATA
 * policies/guideline/ holds one XML file per edition (ID.xml, grammar in
 * policies/schema/guideline.rng, meaning in docs/guideline.md) and common.xml
 * with the sources and the named weakenings. A later edition is one more file:
 * its outline starts from an earlier edition's and says what changed, and its
 * requirements are those in force before plus what it adds, revises or
 * withdraws. Every fact carries a confidence (V seen in a primary document or
 * a faithful copy, S secondary, R recalled or inferred) and its sources, and
 * the output shows both: an unverified statement is never shown as fact. A
 * section an edition carries over without restating it is R in that edition.
 *
 * Loading validates each file against the embedded schema and then checks what
 * a schema cannot: references between editions, numbering, source keys,
 * pattern syntax, and that every requirement's section exists in every edition
 * where the requirement is in force. The first problem stops the load with its
 * file and line. A loaded set is read-only, so threads may share it.
 *
 * COVERAGE
 * guideline_coverage_run() reads an already segmented local policy against an
 * edition. Local policies renumber freely (a 総則 chapter in front shifts
 * every number), so sections are matched on normalised titles and aliases,
 * on which requirements their text holds, and on their place under a matched
 * parent; the number is only a hint, after the shift between the two
 * numberings has been measured on the sections whose titles agree. Each
 * requirement is then looked for in the local clauses matched to its section,
 * then in those of its parent section, then anywhere its context words
 * appear, and reported present (with the clause and the sentence), weakened
 * (found, but with a wording that waters it down: 努める for a duty,
 * 必要に応じて for every fiscal year, 原則として on a prohibition) or missing.
 * This module does not depend on the clause diff (diff/).
 */
#ifndef PL_GUIDELINE_H
#define PL_GUIDELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "doc/doc.h"
#include "doc/structure.h"
#include "rules/rules.h"
#include "text/text.h"
#include "util/arena.h"
#include "util/i18n.h"
#include "util/json.h"
#include "util/sbuf.h"
#include "util/status.h"

typedef enum guideline_confidence {
    GUIDELINE_V = 0, /* seen in a primary document or a faithful copy */
    GUIDELINE_S,     /* secondary source */
    GUIDELINE_R,     /* recalled or inferred, not verified */
} guideline_confidence;

typedef enum guideline_level {
    GUIDELINE_REQUIRED = 0,
    GUIDELINE_RECOMMENDED,
    GUIDELINE_CONDITIONAL, /* only for a body that adopts the option (β, α' models) */
} guideline_level;

typedef enum guideline_part {
    GUIDELINE_PART_BASIC = 0, /* 基本方針 */
    GUIDELINE_PART_STANDARD,  /* 対策基準 */
} guideline_part;

typedef struct guideline_source {
    const char *key;
    const char *kind; /* primary, reiki, audit, secondary, notes */
    const char *url;  /* NULL if none */
    const char *text;
} guideline_source;

typedef struct guideline_section {
    const char *id;       /* stable across editions: "outsourcing.systems" */
    guideline_part part;
    const char *number;   /* "8.2" */
    int depth;            /* 1 for a chapter, 2 for 8.2, 3 for 8.2.1 */
    int parent;           /* index in the edition's sections, -1 for a chapter */
    const char *title_ja, *title_en;
    const char *const *aliases; /* other titles it goes by */
    size_t naliases;
    guideline_confidence confidence;
    const char *source;   /* space-separated keys with locators */
    const char *note;     /* NULL if none */
} guideline_section;

typedef struct guideline_detect guideline_detect; /* compiled patterns */
typedef struct guideline_edition guideline_edition;

/* One version of a requirement: revising it in a later edition makes a new
 * version with the same id. */
typedef struct guideline_item {
    const char *id;
    const char *section; /* section id */
    guideline_level level;
    const char *statement_ja, *statement_en;
    guideline_confidence confidence; /* of the statement */
    guideline_confidence dating;     /* of the edition it is filed under */
    const char *source;
    const char *note;                /* NULL if none */
    const guideline_edition *since;  /* edition that introduced the id */
    const guideline_edition *edition;/* edition of this version */
    const struct guideline_item *previous; /* the version it revises, NULL */
    const char *file;
    int line;
    const guideline_detect *detect;
} guideline_item;

/* A section an edition dropped or a requirement it withdrew, with the
 * evidence for it. */
typedef struct guideline_removal {
    const char *id; /* section or item id */
    guideline_confidence confidence;
    const char *source, *note;
} guideline_removal;

struct guideline_edition {
    const char *id;       /* "R7.3" */
    const char *label_ja; /* "令和7年3月版" */
    const char *label_en;
    text_ymd date;        /* day 1 when only the month is known */
    text_prec precision;  /* TEXT_PREC_MONTH or TEXT_PREC_DAY */
    const char *kind;     /* initial, partial, full, revision */
    guideline_confidence confidence;
    const char *source;
    const char *summary_ja, *summary_en;
    const char *note;     /* NULL if none */
    const char *file;
    size_t index;         /* 0 for the oldest */
    const guideline_section *sections; /* 基本方針 first, then 対策基準, in number order */
    size_t nsections;
    const guideline_item *const *items; /* in force, in section order */
    size_t nitems;
    const guideline_removal *removals;  /* sections this edition dropped */
    size_t nremovals;
    const guideline_removal *withdrawals; /* requirements it withdrew */
    size_t nwithdrawals;
};

typedef struct guideline_set guideline_set;

/* Loads every *.xml in dir (see above). On failure *out is NULL and err says
 * which file and line. */
pl_status guideline_load(guideline_set **out, const char *dir, pl_error *err);
void guideline_free(guideline_set *g);

size_t guideline_count(const guideline_set *g);
const guideline_edition *guideline_at(const guideline_set *g, size_t i); /* oldest first */
/* By id ("R7.3", any case), Japanese label (令和7年3月版), era or ISO month
 * (令和7年3月, 2025-03), "latest" or "oldest"; NULL if none. */
const guideline_edition *guideline_find(const guideline_set *g, const char *name);
const guideline_source *guideline_source_find(const guideline_set *g, const char *key);
size_t guideline_source_count(const guideline_set *g);
const guideline_source *guideline_source_at(const guideline_set *g, size_t i);

const guideline_section *guideline_section_find(const guideline_edition *e, const char *id);
const guideline_item *guideline_item_find(const guideline_edition *e, const char *id);

/* The editions as the rule engine's policy.edition check takes them
 * (rules_context.editions), oldest first; owned by g. */
const rules_edition *guideline_rules_editions(const guideline_set *g, size_t *n);

const char *guideline_confidence_name(guideline_confidence c); /* "V", "S", "R" */
const char *guideline_level_name(guideline_level l);           /* "required" ... */
const char *guideline_level_label(guideline_level l, pl_lang lang); /* 必須 ... */
const char *guideline_part_name(guideline_part p);             /* "basic", "standard" */

/* Runs every item's own examples (<example expect=...>): `polint guideline
 * test`. Writes one line per example that does not give its expected state;
 * returns how many failed and counts all in *total. */
size_t guideline_test_examples(const guideline_set *g, sbuf *report, size_t *total);

/* ---- differences between two editions ------------------------------------ */

enum guideline_change_flags {
    GUIDELINE_ADDED = 1u << 0,
    GUIDELINE_REMOVED = 1u << 1,
    GUIDELINE_RENAMED = 1u << 2, /* section: the Japanese title changed */
    GUIDELINE_MOVED = 1u << 3,   /* section: new number or parent; item: new section */
    GUIDELINE_REWORDED = 1u << 4,/* item: the statement changed */
    GUIDELINE_RELEVELED = 1u << 5,/* item: required / recommended changed */
    GUIDELINE_REVISED = 1u << 6, /* item: a new version with nothing above changed */
};

typedef struct guideline_section_change {
    unsigned what;
    const guideline_section *from, *to; /* from NULL when added, to NULL when removed */
    const guideline_removal *removal;   /* the evidence for a removal, if recorded */
} guideline_section_change;

typedef struct guideline_item_change {
    unsigned what;
    const guideline_item *from, *to;
    const guideline_removal *withdrawal; /* the evidence for a withdrawal, if recorded */
} guideline_item_change;

typedef struct guideline_diff {
    const guideline_edition *from, *to;
    guideline_section_change *sections;
    size_t nsections;
    guideline_item_change *items;
    size_t nitems;
} guideline_diff;

/* What b has added, renamed, moved or removed relative to a (either may be
 * the older). A section whose number changed only because its chapter was
 * renumbered (5.1 -> 6.1 with 5 -> 6) is not listed as moved. */
void guideline_diff_build(const guideline_edition *a, const guideline_edition *b, guideline_diff *out);
void guideline_diff_free(guideline_diff *d);

/* ---- adoption gap of a local policy ---------------------------------------- */

typedef enum guideline_status {
    GUIDELINE_PRESENT = 0,
    GUIDELINE_WEAKENED,
    GUIDELINE_MISSING,
    GUIDELINE_UNDECIDED, /* a pattern hit its match limit */
} guideline_status;

typedef enum guideline_where {
    GUIDELINE_IN_SECTION = 0, /* in the clauses matched to the item's section */
    GUIDELINE_IN_PARENT,      /* in those matched to its parent section */
    GUIDELINE_ELSEWHERE,      /* elsewhere, next to the item's context words */
} guideline_where;

typedef struct guideline_section_match {
    const guideline_section *section;
    int clause;               /* index in doc_structure.clauses, -1: no match */
    const char *clause_path;  /* "第9章第1節", "" when none */
    const char *clause_title; /* the local caption, "" when none */
    double score;
    const char *basis;        /* "title", "alias", "content", "number", "" */
} guideline_section_match;

typedef struct guideline_finding {
    const guideline_item *item;
    guideline_status status;
    guideline_where where;    /* present / weakened only */
    size_t block;             /* block index in the document */
    const char *clause;       /* local clause path, "" if none */
    doc_location loc;
    const char *quote;        /* the sentence, as written in the document */
    const char *weak_text;    /* the weakening words as written, NULL if none */
    const char *weak_label_ja, *weak_label_en;
} guideline_finding;

typedef struct guideline_coverage_options {
    const guideline_edition *since;    /* only items added or changed after it; NULL: all */
    const guideline_edition *declared; /* what the policy says it follows (guideline_declared) */
    size_t declared_block;
} guideline_coverage_options;

typedef struct guideline_coverage {
    arena mem;
    const guideline_edition *edition, *since;
    const char *path;          /* the document's path */
    const char *sha256;
    const guideline_edition *declared; /* the edition the policy says it follows, or NULL */
    const char *declared_clause;
    int shift;                 /* local chapter number - guideline chapter number */
    bool shift_known;
    guideline_section_match *sections; /* one per section of the edition, in order */
    size_t nsections;
    int *local_only;           /* top-level local chapters and headings matched to no section */
    const char **local_only_path, **local_only_title;
    size_t nlocal_only;
    guideline_finding *findings; /* one per item considered, in section order */
    size_t nfindings;
    size_t present, weakened, missing, undecided;
    size_t not_mentioned;      /* conditional items (β, α' models) not mentioned: not missing */
    size_t gaps;               /* required items missing or weakened */
} guideline_coverage;

/* Matches the policy d (segmented as s) against edition e. */
void guideline_coverage_run(const guideline_edition *e, const doc_document *d, const doc_structure *s,
                            const guideline_coverage_options *opt, guideline_coverage *out);
void guideline_coverage_free(guideline_coverage *c);

/* The edition the document says it follows: a sentence naming the guideline
 * with an edition month (…ガイドライン（平成30年9月版）…). NULL if none; *block
 * is where it was said. */
const guideline_edition *guideline_declared(const guideline_set *g, const doc_document *d,
                                            size_t *block);

const char *guideline_status_name(guideline_status s); /* "present", "weakened" ... */

/* Reports (formats in docs/guideline.md). */
void guideline_coverage_write_text(const guideline_coverage *c, pl_lang lang, sbuf *out);
void guideline_coverage_write_json(const guideline_coverage *c, pl_lang lang, jw *w);
void guideline_coverage_write_html(const guideline_coverage *c, pl_lang lang, sbuf *out);

/* `polint guideline list | show | diff` output. */
void guideline_write_list_text(const guideline_set *g, pl_lang lang, sbuf *out);
void guideline_write_list_json(const guideline_set *g, jw *w);
void guideline_write_show_text(const guideline_set *g, const guideline_edition *e, pl_lang lang,
                               sbuf *out);
void guideline_write_show_json(const guideline_set *g, const guideline_edition *e, jw *w);
void guideline_write_diff_text(const guideline_diff *d, pl_lang lang, sbuf *out);
void guideline_write_diff_json(const guideline_diff *d, jw *w);

#endif

/*
 * model.h - a loaded rule pack, as the evaluators see it (rules/ only).
 *
 * The XML of policies/ packs (*.xml) maps one to one onto these structs; the loader
 * (pack.c) fills them after schema validation, compiling every pattern once.
 * Everything of a pack lives in its arena and is freed with it.
 */
#ifndef PL_RULES_MODEL_H
#define PL_RULES_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/pattern.h"
#include "rules.h"
#include "util/arena.h"

typedef struct rule_text {
    const char *ja, *en;
} rule_text;

typedef enum rule_unit {
    UNIT_SENTENCE = 0, /* up to 。 or a line break, inside one block */
    UNIT_BLOCK,        /* one paragraph or cell */
    UNIT_CLAUSE,       /* an article (or section) with its paragraphs and items */
    UNIT_DOCUMENT,
} rule_unit;

/* All `re` must match inside one unit (within `window` characters of each
 * other when window > 0) and no `not` may match in that unit. */
typedef struct rule_match {
    rule_unit within;
    uint32_t window;
    pattern **re;
    size_t nre;
    pattern **not_re;
    size_t nnot;
    int line;
} rule_match;

/* Alternatives: satisfied when any match is. As a rule's applicability
 * condition (<when>), each alternative is looked for in its own unit, a named
 * pack condition counts as one more alternative, and `min` alternatives
 * must hold ("at least two kinds of contract clause"). */
typedef struct rule_matchset {
    rule_match *items;
    size_t n;
    const struct rule_matchset **conds;
    size_t nconds;
    size_t min; /* 0 or 1: any */
} rule_matchset;

/* A pack-level <condition id="..."> that <when> elements refer to. */
typedef struct rule_condition {
    const char *id;
    rule_matchset set;
} rule_condition;

typedef struct rule_part {
    const char *id;
    rule_text title;
    rule_matchset matches;
} rule_part;

typedef enum rule_check_kind {
    CHECK_PRESENCE,
    CHECK_CONDITION,
    CHECK_NUMERIC,
    CHECK_LIFECYCLE,
    CHECK_EDITION,
    CHECK_BUILTIN,
} rule_check_kind;

typedef enum rule_missing { MISSING_FAIL, MISSING_PASS, MISSING_NOTAPPLICABLE } rule_missing;
typedef enum rule_op { OP_LE, OP_LT, OP_GE, OP_GT } rule_op;
typedef enum rule_value { VALUE_SHARE, VALUE_AMOUNT, VALUE_DURATION } rule_value;
typedef enum rule_column_role {
    COLUMN_PRODUCT,
    COLUMN_START,
    COLUMN_TERM,
    COLUMN_END,
    COLUMN_NAME,
    COLUMN_ROLE_COUNT
} rule_column_role;
typedef enum rule_builtin {
    BUILTIN_TRACKED_CHANGES,
    BUILTIN_COMMENTS,
    BUILTIN_UNREADABLE, /* passes for every file that was read; the CLI reports the rest */
} rule_builtin;

typedef struct rule_column {
    rule_column_role role;
    pattern **headers;
    size_t nheaders;
} rule_column;

typedef struct rule_check {
    rule_check_kind kind;
    /* presence: parts all/any; condition: requirements */
    bool require_any;
    rule_part *parts;
    size_t nparts;
    rule_part *violations;
    size_t nviolations;
    /* condition and numeric */
    rule_unit within;
    rule_missing missing;
    rule_matchset topic, permits, forbids;
    /* numeric */
    rule_value value;
    rule_op op;
    double limit;
    const char *param; /* limit comes from a pack parameter when set */
    /* lifecycle */
    bool from_table;
    bool against_term;
    rule_matchset ignore;
    rule_column *columns;
    size_t ncolumns;
    /* builtin */
    rule_builtin builtin;
} rule_check;

typedef struct rule_applies {
    uint32_t types; /* bit per rules_doctype */
    bool bundle_only, single_only;
    rule_matchset *when; /* every one must hold */
    size_t nwhen;
} rule_applies;

typedef struct rule_ref {
    const char *source, *edition, *section, *document, *lines, *text;
} rule_ref;

typedef struct rule_example {
    const char *expect; /* "pass", "fail", "notapplicable" */
    uint32_t type;      /* rules_doctype bits (0: the rule's first applicable type) */
    const char *as_of;  /* YYYY-MM-DD or NULL */
    const char *note;
    int line;
    /* paragraphs and table rows of the example document */
    struct rule_example_block {
        const char *text;
        const char *label;
        uint32_t channels; /* one channel bit */
        uint32_t table, row, col;
        const char *sheet;
    } *blocks;
    size_t nblocks;
} rule_example;

struct rules_rule {
    const char *id;
    rules_severity severity;
    rule_text title, message, description;
    rule_ref *refs;
    size_t nrefs;
    rule_applies *applies;
    size_t napplies;
    uint32_t channels;        /* bit per doc_channel */
    pattern *scope_caption;   /* NULL: every clause */
    int scope_appendix;       /* 0 any, 1 only, -1 exclude */
    bool scope_absent_na;     /* no clause with the caption: notapplicable, not fail */
    rule_check check;
    rule_example *examples;
    size_t nexamples;
    const rules_pack *pack;
    const char *file;
    int line;
};

typedef struct rules_param {
    const char *name;
    const char *type;
    double value; /* default, or the configured value */
    rule_text title;
} rules_param;

struct rules_pack {
    const char *id, *revision, *file;
    rule_text title, description;
    rules_param *params;
    size_t nparams;
    rule_condition *conditions;
    size_t nconditions;
    rules_rule *rules;
    size_t nrules;
    arena mem;
    pattern **patterns; /* every compiled pattern, for freeing */
    size_t npatterns, cap_patterns;
};

#endif

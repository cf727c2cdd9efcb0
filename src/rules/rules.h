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

#endif

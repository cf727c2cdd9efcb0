/*
 * pack.c - loading rule packs: validate, then build the model.
 *
 * Packs are small files written by people, so they are read as a DOM (unlike
 * documents, which are streamed), validated against the RelaxNG schema that
 * is compiled into the binary, and then checked for what a schema cannot
 * say: pattern syntax, duplicate ids, parameters that do not exist, rules
 * without a passing and a failing example. Every error names file and line.
 */
#include <dirent.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "model.h"
#include "util/mem.h"
#include "util/sbuf.h"
#include "util/xmlfile.h"

extern const unsigned char pack_schema_rng[];
extern const size_t pack_schema_rng_len;

#define NS "urn:polint:rules:1"

typedef struct loader {
    rules_pack *pack;
    const char *file;
    pl_error *err;
} loader;

#define fail_at(ld, node, ...) xmlfile_fail((ld)->err, (ld)->file, (node), __VA_ARGS__)

static bool is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->ns && strcmp((const char *)n->ns->href, NS) == 0 &&
           strcmp((const char *)n->name, name) == 0;
}

static const char *attr(loader *ld, const xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    if (!v) return NULL;
    const char *s = arena_strdup(&ld->pack->mem, (const char *)v);
    xmlFree(v);
    return s;
}

static const char *content(loader *ld, const xmlNode *n)
{
    xmlChar *v = xmlNodeGetContent(n);
    const char *s = arena_strdup(&ld->pack->mem, v ? (const char *)v : "");
    xmlFree(v);
    return s;
}

/* Reads the ja/en pair of child elements called name. */
static rule_text texts(loader *ld, const xmlNode *parent, const char *name)
{
    rule_text t = {NULL, NULL};
    for (const xmlNode *c = parent->children; c; c = c->next) {
        if (!is(c, name)) continue;
        const char *lang = attr(ld, c, "lang");
        if (lang && strcmp(lang, "ja") == 0) t.ja = content(ld, c);
        if (lang && strcmp(lang, "en") == 0) t.en = content(ld, c);
    }
    return t;
}

static size_t count_children(const xmlNode *parent, const char *name)
{
    size_t n = 0;
    for (const xmlNode *c = parent->children; c; c = c->next)
        if (is(c, name)) n++;
    return n;
}

/* Patterns are matched against normalised text, so their Japanese words are
 * folded the same way (取り扱い -> 取扱, 漏洩 -> 漏えい, 條 -> 条). Width and
 * spacing are left alone: a full-width （ folded to ( would become a regex
 * group. Authors write ASCII for those (see docs/rules-format.md). */
static const unsigned PATTERN_FOLDING = TEXT_NORM_VARIANTS | TEXT_NORM_KANJI | TEXT_NORM_ITERATION;

static pattern *compile(loader *ld, const xmlNode *node, const char *raw)
{
    char msg[300];
    text_norm nm;
    text_norm_init(&nm);
    text_normalize(&nm, raw, strlen(raw), PATTERN_FOLDING, NULL);
    const char *src = nm.text;
    pattern *p = pattern_compile(src, msg, sizeof msg);
    text_norm_free(&nm);
    if (!p) {
        fail_at(ld, node, "pattern /%s/: %s", raw, msg);
        return NULL;
    }
    rules_pack *pk = ld->pack;
    PL_GROW(pk->patterns, pk->cap_patterns, pk->npatterns + 1);
    pk->patterns[pk->npatterns++] = p;
    return p;
}

static rule_unit parse_unit(const char *s, rule_unit def)
{
    if (!s) return def;
    if (strcmp(s, "sentence") == 0) return UNIT_SENTENCE;
    if (strcmp(s, "block") == 0) return UNIT_BLOCK;
    if (strcmp(s, "clause") == 0) return UNIT_CLAUSE;
    return UNIT_DOCUMENT;
}

static pl_status load_match(loader *ld, const xmlNode *n, rule_match *m)
{
    m->within = parse_unit(attr(ld, n, "within"), UNIT_SENTENCE);
    const char *w = attr(ld, n, "window");
    m->window = w ? (uint32_t)strtoul(w, NULL, 10) : 0;
    m->line = xmlGetLineNo(n);
    m->nre = count_children(n, "re");
    m->nnot = count_children(n, "not");
    m->re = arena_alloc(&ld->pack->mem, (m->nre + 1) * sizeof *m->re);
    m->not_re = arena_alloc(&ld->pack->mem, (m->nnot + 1) * sizeof *m->not_re);
    size_t i = 0, k = 0;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (is(c, "re") && !(m->re[i++] = compile(ld, c, content(ld, c)))) return PL_E_PACK;
        if (is(c, "not") && !(m->not_re[k++] = compile(ld, c, content(ld, c)))) return PL_E_PACK;
    }
    return PL_OK;
}

/* The <match> children of n, as alternatives. */
static pl_status load_matchset(loader *ld, const xmlNode *n, rule_matchset *set)
{
    set->n = count_children(n, "match");
    set->items = arena_alloc(&ld->pack->mem, (set->n + 1) * sizeof *set->items);
    size_t i = 0;
    for (const xmlNode *c = n->children; c; c = c->next)
        if (is(c, "match") && load_match(ld, c, &set->items[i++]) != PL_OK) return PL_E_PACK;
    return PL_OK;
}

/* A <when> or a pack <condition>: its matches, the earlier conditions it
 * names with <condition ref="...">, and how many must hold. */
static pl_status load_condition(loader *ld, const xmlNode *n, rule_matchset *set)
{
    if (load_matchset(ld, n, set) != PL_OK) return PL_E_PACK;
    const char *min = attr(ld, n, "min");
    set->min = min ? strtoul(min, NULL, 10) : 1;
    set->nconds = count_children(n, "condition");
    set->conds = arena_alloc(&ld->pack->mem, (set->nconds + 1) * sizeof *set->conds);
    size_t k = 0;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (!is(c, "condition")) continue;
        const char *ref = attr(ld, c, "ref");
        const rules_pack *pk = ld->pack;
        const rule_condition *found = NULL;
        /* only conditions defined above: no cycles */
        for (size_t i = 0; i < pk->nconditions && !found; i++)
            if (strcmp(pk->conditions[i].id, ref) == 0) found = &pk->conditions[i];
        if (!found) return fail_at(ld, c, "no condition \"%s\" is defined before this point", ref);
        set->conds[k++] = &found->set;
    }
    if (set->min > set->n + set->nconds)
        return fail_at(ld, n, "min=\"%zu\" asks for more than the %zu alternatives given", set->min,
                       set->n + set->nconds);
    return PL_OK;
}

static const xmlNode *child(const xmlNode *n, const char *name)
{
    for (const xmlNode *c = n->children; c; c = c->next)
        if (is(c, name)) return c;
    return NULL;
}

static pl_status load_parts(loader *ld, const xmlNode *n, const char *name, rule_part **out,
                            size_t *count)
{
    *count = count_children(n, name);
    *out = arena_alloc(&ld->pack->mem, (*count + 1) * sizeof **out);
    size_t i = 0;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (!is(c, name)) continue;
        rule_part *p = &(*out)[i++];
        p->id = attr(ld, c, "id");
        p->title = texts(ld, c, "title");
        if (load_matchset(ld, c, &p->matches) != PL_OK) return PL_E_PACK;
        for (size_t k = 0; k + 1 < i; k++)
            if (strcmp((*out)[k].id, p->id) == 0)
                return fail_at(ld, c, "duplicate %s id \"%s\"", name, p->id);
    }
    return PL_OK;
}

static pl_status load_sub_matchset(loader *ld, const xmlNode *n, const char *name,
                                   rule_matchset *set)
{
    const xmlNode *c = child(n, name);
    if (!c) {
        set->items = NULL;
        set->n = 0;
        return PL_OK;
    }
    return load_matchset(ld, c, set);
}

static pl_status load_check(loader *ld, const xmlNode *n, rule_check *ck)
{
    const char *name = (const char *)n->name;
    if (strcmp(name, "presence") == 0) {
        ck->kind = CHECK_PRESENCE;
        const char *req = attr(ld, n, "require");
        ck->require_any = req && strcmp(req, "any") == 0;
        if (load_parts(ld, n, "part", &ck->parts, &ck->nparts) != PL_OK) return PL_E_PACK;
        return load_parts(ld, n, "violation", &ck->violations, &ck->nviolations);
    }
    if (strcmp(name, "condition") == 0) {
        ck->kind = CHECK_CONDITION;
        ck->within = parse_unit(attr(ld, n, "within"), UNIT_BLOCK);
        const char *missing = attr(ld, n, "missing");
        ck->missing = !missing || strcmp(missing, "fail") == 0 ? MISSING_FAIL
                      : strcmp(missing, "pass") == 0         ? MISSING_PASS
                                                             : MISSING_NOTAPPLICABLE;
        if (load_sub_matchset(ld, n, "topic", &ck->topic) != PL_OK ||
            load_sub_matchset(ld, n, "permits", &ck->permits) != PL_OK ||
            load_sub_matchset(ld, n, "forbids", &ck->forbids) != PL_OK ||
            load_parts(ld, n, "requires", &ck->parts, &ck->nparts) != PL_OK)
            return PL_E_PACK;
        return load_parts(ld, n, "violation", &ck->violations, &ck->nviolations);
    }
    if (strcmp(name, "numeric") == 0) {
        ck->kind = CHECK_NUMERIC;
        const char *v = attr(ld, n, "value");
        ck->value = strcmp(v, "share") == 0    ? VALUE_SHARE
                    : strcmp(v, "amount") == 0 ? VALUE_AMOUNT
                                               : VALUE_DURATION;
        const char *op = attr(ld, n, "op");
        ck->op = strcmp(op, "le") == 0   ? OP_LE
                 : strcmp(op, "lt") == 0 ? OP_LT
                 : strcmp(op, "ge") == 0 ? OP_GE
                                         : OP_GT;
        const char *limit = attr(ld, n, "limit");
        ck->limit = limit ? strtod(limit, NULL) : 0;
        ck->param = attr(ld, n, "param");
        if (ck->param) {
            bool found = false;
            for (size_t i = 0; i < ld->pack->nparams; i++)
                if (strcmp(ld->pack->params[i].name, ck->param) == 0) found = true;
            if (!found) return fail_at(ld, n, "parameter \"%s\" is not declared", ck->param);
        }
        ck->within = parse_unit(attr(ld, n, "within"), UNIT_SENTENCE);
        if (load_sub_matchset(ld, n, "topic", &ck->topic) != PL_OK) return PL_E_PACK;
        return load_parts(ld, n, "violation", &ck->violations, &ck->nviolations);
    }
    if (strcmp(name, "lifecycle") == 0) {
        ck->kind = CHECK_LIFECYCLE;
        const char *source = attr(ld, n, "source");
        ck->from_table = source && strcmp(source, "table") == 0;
        const char *cmp = attr(ld, n, "compare");
        ck->against_term = cmp && strcmp(cmp, "term") == 0;
        if (load_sub_matchset(ld, n, "ignore", &ck->ignore) != PL_OK) return PL_E_PACK;
        ck->ncolumns = count_children(n, "column");
        ck->columns = arena_alloc(&ld->pack->mem, (ck->ncolumns + 1) * sizeof *ck->columns);
        size_t i = 0;
        for (const xmlNode *c = n->children; c; c = c->next) {
            if (!is(c, "column")) continue;
            rule_column *col = &ck->columns[i++];
            static const char *const roles[COLUMN_ROLE_COUNT] = {"product", "start", "term",
                                                                 "end", "name"};
            const char *role = attr(ld, c, "role");
            for (int r = 0; r < COLUMN_ROLE_COUNT; r++)
                if (strcmp(role, roles[r]) == 0) col->role = (rule_column_role)r;
            col->nheaders = count_children(c, "header");
            col->headers = arena_alloc(&ld->pack->mem, (col->nheaders + 1) * sizeof(pattern *));
            size_t h = 0;
            for (const xmlNode *hc = c->children; hc; hc = hc->next)
                if (is(hc, "header") && !(col->headers[h++] = compile(ld, hc, content(ld, hc))))
                    return PL_E_PACK;
        }
        if (ck->from_table && ck->ncolumns == 0)
            return fail_at(ld, n, "a table lifecycle check needs <column> definitions");
        return PL_OK;
    }
    if (strcmp(name, "edition") == 0) {
        ck->kind = CHECK_EDITION;
        return PL_OK;
    }
    ck->kind = CHECK_BUILTIN;
    const char *which = attr(ld, n, "check");
    ck->builtin = strcmp(which, "comments") == 0     ? BUILTIN_COMMENTS
                  : strcmp(which, "unreadable") == 0 ? BUILTIN_UNREADABLE
                                                     : BUILTIN_TRACKED_CHANGES;
    return PL_OK;
}

static uint32_t parse_types(const char *list)
{
    uint32_t mask = 0;
    char buf[256];
    snprintf(buf, sizeof buf, "%s", list ? list : "");
    for (char *save = NULL, *tok = strtok_r(buf, " \t\n", &save); tok;
         tok = strtok_r(NULL, " \t\n", &save)) {
        if (strcmp(tok, "any") == 0) return (1u << DOC_TYPE_COUNT) - 1;
        int t = doc_type_parse(tok);
        if (t >= 0) mask |= 1u << t;
    }
    return mask;
}

static uint32_t parse_channels(const char *list)
{
    uint32_t mask = 0;
    char buf[256];
    snprintf(buf, sizeof buf, "%s", list ? list : "");
    for (char *save = NULL, *tok = strtok_r(buf, " \t\n", &save); tok;
         tok = strtok_r(NULL, " \t\n", &save)) {
        int c = doc_channel_parse(tok);
        if (c >= 0) mask |= 1u << c;
    }
    return mask;
}

/* Reads an <example>: plain text is one paragraph per line. */
static void load_example(loader *ld, const xmlNode *n, rule_example *ex)
{
    ex->expect = attr(ld, n, "expect");
    ex->type = parse_types(attr(ld, n, "type"));
    ex->as_of = attr(ld, n, "as-of");
    ex->note = attr(ld, n, "note");
    ex->line = xmlGetLineNo(n);
    size_t cap = 0;
    bool structured = child(n, "p") || child(n, "table");
    if (!structured) {
        const char *text = content(ld, n);
        const char *p = text;
        while (*p) {
            const char *nl = strchr(p, '\n');
            size_t len = nl ? (size_t)(nl - p) : strlen(p);
            const char *s = p;
            while (len && (*s == ' ' || *s == '\t')) s++, len--;
            if (len) {
                PL_GROW(ex->blocks, cap, ex->nblocks + 1);
                ex->blocks[ex->nblocks++] = (struct rule_example_block){
                    .text = arena_strndup(&ld->pack->mem, s, len), .channels = 1u << DOC_CH_BODY};
            }
            if (!nl) break;
            p = nl + 1;
        }
    } else {
        uint32_t table = 0;
        for (const xmlNode *c = n->children; c; c = c->next) {
            if (is(c, "p")) {
                const char *ch = attr(ld, c, "channel");
                PL_GROW(ex->blocks, cap, ex->nblocks + 1);
                ex->blocks[ex->nblocks++] = (struct rule_example_block){
                    .text = content(ld, c),
                    .label = attr(ld, c, "label"),
                    .channels = ch ? parse_channels(ch) : 1u << DOC_CH_BODY};
            } else if (is(c, "table")) {
                table++;
                const char *sheet = attr(ld, c, "sheet");
                uint32_t row = 0;
                for (const xmlNode *r = c->children; r; r = r->next) {
                    if (!is(r, "row")) continue;
                    row++;
                    uint32_t col = 0;
                    for (const xmlNode *cell = r->children; cell; cell = cell->next) {
                        if (!is(cell, "cell")) continue;
                        col++;
                        PL_GROW(ex->blocks, cap, ex->nblocks + 1);
                        ex->blocks[ex->nblocks++] = (struct rule_example_block){
                            .text = content(ld, cell),
                            .channels = 1u << (sheet ? DOC_CH_CELL : DOC_CH_TABLE),
                            .table = table, .row = row, .col = col, .sheet = sheet};
                    }
                }
            }
        }
    }
    /* the example's blocks live as long as the pack: move them to the arena */
    struct rule_example_block *kept =
        arena_alloc(&ld->pack->mem, (ex->nblocks + 1) * sizeof *kept);
    if (ex->nblocks) memcpy(kept, ex->blocks, ex->nblocks * sizeof *kept);
    free(ex->blocks);
    ex->blocks = kept;
}

static pl_status load_rule(loader *ld, const xmlNode *n, rules_rule *r)
{
    r->id = attr(ld, n, "id");
    const char *sev = attr(ld, n, "severity");
    r->severity = (rules_severity)rules_severity_parse(sev);
    r->title = texts(ld, n, "title");
    r->message = texts(ld, n, "message");
    r->description = texts(ld, n, "description");
    r->pack = ld->pack;
    r->file = ld->file;
    r->line = xmlGetLineNo(n);
    r->channels = (1u << DOC_CH_BODY) | (1u << DOC_CH_TABLE) | (1u << DOC_CH_CELL);

    r->nrefs = count_children(n, "ref");
    r->refs = arena_alloc(&ld->pack->mem, (r->nrefs + 1) * sizeof *r->refs);
    r->napplies = count_children(n, "applies");
    r->applies = arena_alloc(&ld->pack->mem, (r->napplies + 1) * sizeof *r->applies);
    const xmlNode *examples = child(n, "examples");
    r->nexamples = examples ? count_children(examples, "example") : 0;
    r->examples = arena_alloc(&ld->pack->mem, (r->nexamples + 1) * sizeof *r->examples);
    size_t nref = 0, napp = 0, nex = 0;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (is(c, "ref")) {
            rule_ref *ref = &r->refs[nref++];
            ref->source = attr(ld, c, "source");
            ref->edition = attr(ld, c, "edition");
            ref->section = attr(ld, c, "section");
            ref->document = attr(ld, c, "document");
            ref->lines = attr(ld, c, "lines");
            ref->text = content(ld, c);
        } else if (is(c, "applies")) {
            rule_applies *a = &r->applies[napp++];
            a->types = parse_types(attr(ld, c, "types"));
            const char *bundle = attr(ld, c, "bundle");
            a->bundle_only = bundle && strcmp(bundle, "yes") == 0;
            a->single_only = bundle && strcmp(bundle, "no") == 0;
            a->nwhen = count_children(c, "when");
            a->when = arena_alloc(&ld->pack->mem, (a->nwhen + 1) * sizeof *a->when);
            size_t k = 0;
            for (const xmlNode *w = c->children; w; w = w->next)
                if (is(w, "when") && load_condition(ld, w, &a->when[k++]) != PL_OK)
                    return PL_E_PACK;
        } else if (is(c, "scope")) {
            const char *ch = attr(ld, c, "channels");
            if (ch) r->channels = parse_channels(ch);
            const char *cap = attr(ld, c, "caption");
            if (cap && !(r->scope_caption = compile(ld, c, cap))) return PL_E_PACK;
            const char *app = attr(ld, c, "appendix");
            r->scope_appendix = !app ? 0 : strcmp(app, "only") == 0 ? 1 : -1;
            const char *absent = attr(ld, c, "absent");
            r->scope_absent_na = absent && strcmp(absent, "notapplicable") == 0;
        } else if (is(c, "examples")) {
            for (const xmlNode *e = c->children; e; e = e->next)
                if (is(e, "example")) load_example(ld, e, &r->examples[nex++]);
        } else if (c->type == XML_ELEMENT_NODE && !is(c, "title") && !is(c, "message") &&
                   !is(c, "description")) {
            if (load_check(ld, c, &r->check) != PL_OK) return PL_E_PACK;
        }
    }
    bool pass = false, fail = false;
    for (size_t i = 0; i < r->nexamples; i++) {
        pass |= strcmp(r->examples[i].expect, "pass") == 0;
        fail |= strcmp(r->examples[i].expect, "fail") == 0;
    }
    /* doc.unreadable fails only when a reader gives up, which an inline
     * example cannot express; tests/cli/check.sh feeds it broken files */
    if (r->check.kind == CHECK_BUILTIN && r->check.builtin == BUILTIN_UNREADABLE) fail = true;
    if (!pass || !fail)
        return fail_at(ld, n, "rule %s needs at least one passing and one failing example", r->id);
    return PL_OK;
}

/* ---- packs ------------------------------------------------------------------ */

static void pack_free(rules_pack *pk)
{
    if (!pk) return;
    for (size_t i = 0; i < pk->npatterns; i++) pattern_free(pk->patterns[i]);
    free(pk->patterns);
    arena_free(&pk->mem);
    free(pk);
}

static pl_status load_pack(rules_set *set, const char *file, pl_error *err)
{
    xmlDocPtr doc;
    pl_status s = xmlfile_read(file, pack_schema_rng, pack_schema_rng_len, &doc, err);
    if (s != PL_OK) return s;

    rules_pack *pk = pl_xcalloc(1, sizeof *pk);
    arena_init(&pk->mem);
    loader ld = {.pack = pk, .file = NULL, .err = err};
    pk->file = arena_strdup(&pk->mem, file);
    ld.file = pk->file;
    xmlNode *root = xmlDocGetRootElement(doc);
    pk->id = attr(&ld, root, "id");
    pk->revision = attr(&ld, root, "revision");
    pk->title = texts(&ld, root, "title");
    pk->description = texts(&ld, root, "description");
    pk->nparams = count_children(root, "param");
    pk->params = arena_alloc(&pk->mem, (pk->nparams + 1) * sizeof *pk->params);
    pk->nconditions = 0;
    pk->conditions = arena_alloc(&pk->mem, (count_children(root, "condition") + 1) *
                                               sizeof *pk->conditions);
    pk->nrules = count_children(root, "rule");
    pk->rules = arena_alloc(&pk->mem, (pk->nrules + 1) * sizeof *pk->rules);
    size_t np = 0, nr = 0;
    for (xmlNode *c = root->children; c && s == PL_OK; c = c->next) {
        if (is(c, "param")) {
            rules_param *p = &pk->params[np++];
            p->name = attr(&ld, c, "name");
            p->type = attr(&ld, c, "type");
            p->value = strtod(attr(&ld, c, "default"), NULL);
            p->title = texts(&ld, c, "title");
        } else if (is(c, "condition")) {
            rule_condition *cond = &pk->conditions[pk->nconditions];
            cond->id = attr(&ld, c, "id");
            for (size_t k = 0; s == PL_OK && k < pk->nconditions; k++)
                if (strcmp(pk->conditions[k].id, cond->id) == 0)
                    s = fail_at(&ld, c, "condition id %s is defined twice", cond->id);
            if (s == PL_OK) s = load_condition(&ld, c, &cond->set);
            pk->nconditions++;
        } else if (is(c, "rule")) {
            rules_rule *r = &pk->rules[nr];
            s = load_rule(&ld, c, r);
            if (s == PL_OK && rules_set_find(set, r->id))
                s = fail_at(&ld, c, "rule id %s is already defined in %s", r->id,
                            rules_set_find(set, r->id)->file);
            for (size_t k = 0; s == PL_OK && k < nr; k++)
                if (strcmp(pk->rules[k].id, r->id) == 0)
                    s = fail_at(&ld, c, "rule id %s is defined twice", r->id);
            nr++;
        }
    }
    for (size_t i = 0; s == PL_OK && i < set->npacks; i++)
        if (strcmp(set->packs[i]->id, pk->id) == 0)
            s = fail_at(&ld, root, "pack id %s is already loaded from %s", pk->id,
                        set->packs[i]->file);
    xmlFreeDoc(doc);
    if (s != PL_OK) {
        pack_free(pk);
        return s;
    }
    PL_GROW(set->packs, set->cap, set->npacks + 1);
    set->packs[set->npacks++] = pk;
    return PL_OK;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

pl_status rules_set_load(rules_set *set, const char *path, pl_error *err)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return pl_error_set(err, PL_E_PACK, path, "no such file or folder");
    if (!S_ISDIR(st.st_mode)) return load_pack(set, path, err);
    DIR *d = opendir(path);
    if (!d) return pl_error_set(err, PL_E_PACK, path, "cannot open the folder");
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] == '.' || len < 5 || strcmp(e->d_name + len - 4, ".xml") != 0) continue;
        sbuf p = SBUF_INIT;
        sbuf_printf(&p, "%s/%s", path, e->d_name);
        PL_GROW(names, cap, n + 1);
        names[n++] = sbuf_detach(&p);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_names);
    pl_status s = PL_OK;
    for (size_t i = 0; i < n; i++) {
        if (s == PL_OK) s = load_pack(set, names[i], err);
        free(names[i]);
    }
    free(names);
    return s;
}

/* ---- the set --------------------------------------------------------------- */

void rules_set_init(rules_set *set)
{
    memset(set, 0, sizeof *set);
}

void rules_set_free(rules_set *set)
{
    for (size_t i = 0; i < set->npacks; i++) pack_free(set->packs[i]);
    free(set->packs);
    memset(set, 0, sizeof *set);
}

bool rules_set_param(rules_set *set, const char *name, double value)
{
    bool found = false;
    for (size_t i = 0; i < set->npacks; i++)
        for (size_t k = 0; k < set->packs[i]->nparams; k++)
            if (strcmp(set->packs[i]->params[k].name, name) == 0) {
                set->packs[i]->params[k].value = value;
                found = true;
            }
    return found;
}

bool rules_set_severity(rules_set *set, const char *rule_id, rules_severity severity)
{
    rules_rule *r = (rules_rule *)rules_set_find(set, rule_id);
    if (!r) return false;
    r->severity = severity;
    return true;
}

size_t rules_set_count(const rules_set *set)
{
    size_t n = 0;
    for (size_t i = 0; i < set->npacks; i++) n += set->packs[i]->nrules;
    return n;
}

const rules_rule *rules_set_at(const rules_set *set, size_t i)
{
    for (size_t p = 0; p < set->npacks; p++) {
        if (i < set->packs[p]->nrules) return &set->packs[p]->rules[i];
        i -= set->packs[p]->nrules;
    }
    return NULL;
}

const rules_rule *rules_set_find(const rules_set *set, const char *id)
{
    for (size_t p = 0; p < set->npacks; p++)
        for (size_t i = 0; i < set->packs[p]->nrules; i++)
            if (set->packs[p]->rules[i].id && strcmp(set->packs[p]->rules[i].id, id) == 0)
                return &set->packs[p]->rules[i];
    return NULL;
}

void rules_set_revision(const rules_set *set, sbuf *out)
{
    for (size_t p = 0; p < set->npacks; p++)
        sbuf_printf(out, "%s%s@%s", p ? " " : "", set->packs[p]->id, set->packs[p]->revision);
}

const char *rules_rule_id(const rules_rule *r)
{
    return r->id;
}

rules_severity rules_rule_severity(const rules_rule *r)
{
    return r->severity;
}

const char *rules_rule_title(const rules_rule *r, pl_lang lang)
{
    return pl_tr(lang, r->title.ja, r->title.en);
}

const char *rules_rule_message(const rules_rule *r, pl_lang lang)
{
    return pl_tr(lang, r->message.ja, r->message.en);
}

const char *rules_rule_pack(const rules_rule *r)
{
    return r->pack->id;
}

const char *rules_severity_name(rules_severity s)
{
    return s == RULES_ERROR ? "error" : s == RULES_WARNING ? "warning" : "info";
}

int rules_severity_parse(const char *name)
{
    if (!name) return -1;
    if (strcmp(name, "error") == 0) return RULES_ERROR;
    if (strcmp(name, "warning") == 0) return RULES_WARNING;
    if (strcmp(name, "info") == 0) return RULES_INFO;
    return -1;
}

void rules_rule_describe(const rules_rule *r, pl_lang lang, sbuf *out)
{
    bool ja = lang == PL_LANG_JA;
    sbuf_printf(out, "%s  [%s]  %s\n", r->id, rules_severity_name(r->severity),
                rules_rule_title(r, lang));
    if (r->description.ja || r->description.en)
        sbuf_printf(out, "\n%s\n", pl_tr(lang, r->description.ja, r->description.en));
    sbuf_printf(out, "\n%s%s\n", ja ? "不合格時のメッセージ: " : "message when it fails: ",
                rules_rule_message(r, lang));
    sbuf_puts(out, ja ? "対象文書: " : "applies to: ");
    for (size_t i = 0; i < r->napplies; i++) {
        for (int t = 0; t < DOC_TYPE_COUNT; t++)
            if (r->applies[i].types & (1u << t)) sbuf_printf(out, "%s ", doc_type_name(t));
        if (r->applies[i].nwhen) sbuf_puts(out, ja ? "(条件付き) " : "(when matched) ");
    }
    sbuf_puts(out, ja ? "\n対象チャネル: " : "\nchannels: ");
    for (int c = 0; c < DOC_CH_COUNT; c++)
        if (r->channels & (1u << c)) sbuf_printf(out, "%s ", doc_channel_name(c));
    if (r->scope_caption)
        sbuf_printf(out, ja ? "\n対象条項: 見出しが /%s/ に一致するもの" : "\nclauses: captions matching /%s/",
                    pattern_source(r->scope_caption));
    sbuf_putc(out, '\n');
    for (size_t i = 0; i < r->nrefs; i++) {
        const rule_ref *ref = &r->refs[i];
        sbuf_printf(out, "%s%s", ja ? "根拠: " : "reference: ", ref->source);
        if (ref->edition) sbuf_printf(out, " %s", ref->edition);
        if (ref->section) sbuf_printf(out, " %s", ref->section);
        if (ref->document) sbuf_printf(out, " %s", ref->document);
        if (ref->lines) sbuf_printf(out, " L%s", ref->lines);
        if (ref->text && *ref->text) sbuf_printf(out, " — %s", ref->text);
        sbuf_putc(out, '\n');
    }
    for (size_t i = 0; i < r->nexamples; i++) {
        const rule_example *ex = &r->examples[i];
        sbuf_printf(out, "%s %s: ", ja ? "例" : "example", ex->expect);
        for (size_t b = 0; b < ex->nblocks; b++)
            sbuf_printf(out, "%s%s", b ? " / " : "", ex->blocks[b].text);
        sbuf_putc(out, '\n');
    }
    sbuf_printf(out, "%s %s:%d\n", ja ? "定義:" : "defined in", r->file, r->line);
}

bool rules_rule_is_unreadable(const rules_rule *r)
{
    return r->check.kind == CHECK_BUILTIN && r->check.builtin == BUILTIN_UNREADABLE;
}

bool rules_rule_is_file_level(const rules_rule *r)
{
    return r->check.kind == CHECK_BUILTIN;
}

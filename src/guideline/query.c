/*
 * query.c - looking things up in a loaded set, the differences between two
 * editions, the items' own examples, and the edition a policy declares.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "util/mem.h"

size_t guideline_count(const guideline_set *g)
{
    return g ? g->neditions : 0;
}

const guideline_edition *guideline_at(const guideline_set *g, size_t i)
{
    return g && i < g->neditions ? &g->editions[i]->pub : NULL;
}

const guideline_edition *guideline_find(const guideline_set *g, const char *name)
{
    if (!g || !name || !*name || !g->neditions) return NULL;
    if (strcasecmp(name, "latest") == 0 || strcasecmp(name, "newest") == 0)
        return &g->editions[g->neditions - 1]->pub;
    if (strcasecmp(name, "oldest") == 0) return &g->editions[0]->pub;
    for (size_t i = 0; i < g->neditions; i++)
        if (strcasecmp(g->editions[i]->pub.id, name) == 0) return &g->editions[i]->pub;
    /* a label, or its beginning up to 版: 平成13年3月版 for 平成13年3月版（策定） */
    size_t n = strlen(name);
    bool to_ban = n >= 3 && strcmp(name + n - 3, "版") == 0;
    for (size_t i = 0; i < g->neditions; i++) {
        const char *l = g->editions[i]->pub.label_ja;
        if (strcmp(l, name) == 0 || (to_ban && strncmp(l, name, n) == 0)) return &g->editions[i]->pub;
    }
    /* a month: 2025-03, 2025-03-28, 令和7年3月, 令和７年３月版 */
    int y, m, d;
    char tail;
    text_ymd when = {0, 0, 0};
    int k = sscanf(name, "%4d-%2d-%2d%c", &y, &m, &d, &tail);
    if (k == 2 || k == 3) {
        when = (text_ymd){y, m, 1};
    } else {
        text_date td;
        if (text_parse_date(name, n, &td) && td.prec >= TEXT_PREC_MONTH) when = td.ymd;
    }
    if (!when.year) return NULL;
    for (size_t i = 0; i < g->neditions; i++) {
        const guideline_edition *e = &g->editions[i]->pub;
        if (e->date.year == when.year && e->date.month == when.month) return e;
    }
    return NULL;
}

const guideline_source *guideline_source_find(const guideline_set *g, const char *key)
{
    for (size_t i = 0; i < g->nsources; i++)
        if (strcmp(g->sources[i].key, key) == 0) return &g->sources[i];
    return NULL;
}

size_t guideline_source_count(const guideline_set *g)
{
    return g->nsources;
}

const guideline_source *guideline_source_at(const guideline_set *g, size_t i)
{
    return i < g->nsources ? &g->sources[i] : NULL;
}

const guideline_section *guideline_section_find(const guideline_edition *e, const char *id)
{
    for (size_t i = 0; i < e->nsections; i++)
        if (strcmp(e->sections[i].id, id) == 0) return &e->sections[i];
    return NULL;
}

const guideline_item *guideline_item_find(const guideline_edition *e, const char *id)
{
    for (size_t i = 0; i < e->nitems; i++)
        if (strcmp(e->items[i]->id, id) == 0) return e->items[i];
    return NULL;
}

const rules_edition *guideline_rules_editions(const guideline_set *g, size_t *n)
{
    *n = g ? g->neditions : 0;
    return g ? g->rules : NULL;
}

const char *guideline_confidence_name(guideline_confidence c)
{
    return c == GUIDELINE_V ? "V" : c == GUIDELINE_S ? "S" : "R";
}

const char *guideline_level_name(guideline_level l)
{
    return l == GUIDELINE_REQUIRED      ? "required"
           : l == GUIDELINE_RECOMMENDED ? "recommended"
                                        : "conditional";
}

const char *guideline_level_label(guideline_level l, pl_lang lang)
{
    switch (l) {
    case GUIDELINE_REQUIRED: return pl_tr(lang, "必須", "required");
    case GUIDELINE_RECOMMENDED: return pl_tr(lang, "推奨", "recommended");
    default: return pl_tr(lang, "選択時", "if adopted");
    }
}

const char *guideline_part_name(guideline_part p)
{
    return p == GUIDELINE_PART_BASIC ? "basic" : "standard";
}

const char *guideline_status_name(guideline_status s)
{
    switch (s) {
    case GUIDELINE_PRESENT: return "present";
    case GUIDELINE_WEAKENED: return "weakened";
    case GUIDELINE_MISSING: return "missing";
    default: return "undecided";
    }
}

/* ---- the items' own examples ------------------------------------------------ */

/* The state one requirement gets on a small text: one paragraph per line,
 * read as if it were the requirement's own section. */
static guideline_status judge_text(const guideline_detect *d, pattern_scratch *s, text_norm *nm,
                                   const char *text)
{
    const char *p = text;
    bool undecided = false;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        text_normalize(nm, p, n, TEXT_NORM_DEFAULT, NULL);
        gl_hit hit;
        gl_detect_block(d, s, nm->text, nm->len, &hit);
        if (hit.state == 1) return hit.weak ? GUIDELINE_WEAKENED : GUIDELINE_PRESENT;
        if (hit.state < 0) undecided = true;
        p += n + (nl ? 1 : 0);
    }
    return undecided ? GUIDELINE_UNDECIDED : GUIDELINE_MISSING;
}

size_t guideline_test_examples(const guideline_set *g, sbuf *report, size_t *total)
{
    size_t failed = 0;
    *total = 0;
    pattern_scratch *s = gl_scratch_new();
    text_norm nm;
    text_norm_init(&nm);
    for (size_t i = 0; i < g->nversions; i++) {
        const gl_item *it = g->versions[i];
        for (size_t k = 0; k < it->nexamples; k++) {
            const gl_example *ex = &it->examples[k];
            (*total)++;
            guideline_status got = judge_text(&it->detect, s, &nm, ex->text);
            if (got == ex->expect) continue;
            failed++;
            sbuf_printf(report, "%s:%d: %s (%s): expected %s, got %s: %s\n", it->pub.file, ex->line,
                        it->pub.id, it->pub.edition->id, guideline_status_name(ex->expect),
                        guideline_status_name(got), ex->text);
        }
    }
    text_norm_free(&nm);
    pattern_scratch_free(s);
    return failed;
}

/* ---- the edition a policy declares ------------------------------------------------ */

static bool contains(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(s + i, w, k) == 0) return true;
    return false;
}

const guideline_edition *guideline_declared(const guideline_set *g, const doc_document *d,
                                            size_t *block)
{
    text_norm nm;
    text_norm_init(&nm);
    const guideline_edition *found = NULL;
    for (size_t b = 0; b < d->nblocks && !found; b++) {
        const doc_block *blk = &d->blocks[b];
        if ((blk->channel != DOC_CH_BODY && blk->channel != DOC_CH_TABLE) ||
            (blk->flags & DOC_F_HIDDEN))
            continue;
        text_normalize(&nm, blk->text, blk->len, TEXT_NORM_DEFAULT, NULL);
        size_t from = 0;
        while (from < nm.len && !found) {
            size_t to = from;
            while (to < nm.len && !(to + 3 <= nm.len && memcmp(nm.text + to, "。", 3) == 0)) to++;
            const char *s = nm.text + from;
            size_t n = to - from;
            /* the sister guideline for schools is not this one */
            if (contains(s, n, "ガイドライン") && !contains(s, n, "教育情報")) {
                text_date dates[8];
                size_t nd = text_find_dates(s, n, dates, 8);
                for (size_t i = 0; i < nd && i < 8 && !found; i++) {
                    if (dates[i].prec < TEXT_PREC_MONTH) continue;
                    for (size_t k = 0; k < g->neditions && !found; k++) {
                        const guideline_edition *e = &g->editions[k]->pub;
                        if (e->date.year == dates[i].ymd.year && e->date.month == dates[i].ymd.month)
                            found = e;
                    }
                }
            }
            from = to + 3;
        }
        if (found && block) *block = b;
    }
    text_norm_free(&nm);
    return found;
}

/* ---- differences --------------------------------------------------------------------- */

static const guideline_section *section_in(const guideline_edition *e, const char *id)
{
    return id ? guideline_section_find(e, id) : NULL;
}

static const char *parent_id(const guideline_edition *e, const guideline_section *s)
{
    return s->parent >= 0 ? e->sections[s->parent].id : NULL;
}

static const char *last_component(const char *number)
{
    const char *dot = strrchr(number, '.');
    return dot ? dot + 1 : number;
}

static bool same(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* The record of a removal between two editions (older a, newer b). */
static const guideline_removal *removal_between(const guideline_edition *a, const guideline_edition *b,
                                                const char *id, bool item)
{
    if (a->index >= b->index) return NULL;
    const guideline_set *g = ((const gl_edition *)a)->set;
    for (size_t i = a->index + 1; i <= b->index; i++) {
        const guideline_edition *e = &g->editions[i]->pub;
        const guideline_removal *v = item ? e->withdrawals : e->removals;
        size_t n = item ? e->nwithdrawals : e->nremovals;
        for (size_t k = 0; k < n; k++)
            if (strcmp(v[k].id, id) == 0) return &v[k];
    }
    return NULL;
}

void guideline_diff_build(const guideline_edition *a, const guideline_edition *b, guideline_diff *out)
{
    memset(out, 0, sizeof *out);
    out->from = a;
    out->to = b;
    size_t cap = 0;
    for (size_t i = 0; i < b->nsections; i++) {
        const guideline_section *t = &b->sections[i];
        const guideline_section *f = section_in(a, t->id);
        unsigned what = 0;
        if (!f) {
            what = GUIDELINE_ADDED;
        } else {
            if (strcmp(f->title_ja, t->title_ja) != 0) what |= GUIDELINE_RENAMED;
            const char *pf = parent_id(a, f), *pt = parent_id(b, t);
            if (!same(pf, pt) || strcmp(last_component(f->number), last_component(t->number)) != 0)
                what |= GUIDELINE_MOVED;
        }
        if (!what) continue;
        PL_GROW(out->sections, cap, out->nsections + 1);
        out->sections[out->nsections++] = (guideline_section_change){what, f, t, NULL};
    }
    for (size_t i = 0; i < a->nsections; i++) {
        const guideline_section *f = &a->sections[i];
        if (section_in(b, f->id)) continue;
        PL_GROW(out->sections, cap, out->nsections + 1);
        out->sections[out->nsections++] =
            (guideline_section_change){GUIDELINE_REMOVED, f, NULL, removal_between(a, b, f->id, false)};
    }
    cap = 0;
    for (size_t i = 0; i < b->nitems; i++) {
        const guideline_item *t = b->items[i];
        const guideline_item *f = guideline_item_find(a, t->id);
        unsigned what = 0;
        if (!f) {
            what = GUIDELINE_ADDED;
        } else if (f != t) {
            if (strcmp(f->statement_ja, t->statement_ja) != 0) what |= GUIDELINE_REWORDED;
            if (strcmp(f->section, t->section) != 0) what |= GUIDELINE_MOVED;
            if (f->level != t->level) what |= GUIDELINE_RELEVELED;
            if (!what) what = GUIDELINE_REVISED;
        }
        if (!what) continue;
        PL_GROW(out->items, cap, out->nitems + 1);
        out->items[out->nitems++] = (guideline_item_change){what, f, t, NULL};
    }
    for (size_t i = 0; i < a->nitems; i++) {
        const guideline_item *f = a->items[i];
        if (guideline_item_find(b, f->id)) continue;
        PL_GROW(out->items, cap, out->nitems + 1);
        out->items[out->nitems++] =
            (guideline_item_change){GUIDELINE_REMOVED, f, NULL, removal_between(a, b, f->id, true)};
    }
}

void guideline_diff_free(guideline_diff *d)
{
    free(d->sections);
    free(d->items);
    memset(d, 0, sizeof *d);
}

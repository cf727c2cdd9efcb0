/*
 * engine.c - preparing a subject, scoping, units, matching, evidence.
 */
#include "engine.h"

#include <stdio.h>
#include <string.h>

#include "util/mem.h"
#include "util/utf8.h"

enum { EVIDENCE_CAP = 50, QUOTE_MAX_CHARS = 160 };

/* ---- workers and results -------------------------------------------------- */

rules_worker *rules_worker_new(void)
{
    rules_worker *w = pl_xcalloc(1, sizeof *w);
    w->scratch = pattern_scratch_new();
    text_norm_init(&w->norm);
    return w;
}

void rules_worker_free(rules_worker *w)
{
    if (!w) return;
    pattern_scratch_free(w->scratch);
    sbuf_free(&w->unit.text);
    sbuf_free(&w->unit2.text);
    free(w->unit.pieces);
    free(w->unit2.pieces);
    text_norm_free(&w->norm);
    free(w);
}

void rules_results_init(rules_results *r)
{
    memset(r, 0, sizeof *r);
    arena_init(&r->mem);
}

void rules_results_free(rules_results *r)
{
    free(r->items);
    arena_free(&r->mem);
    memset(r, 0, sizeof *r);
}

const char *rules_state_name(rules_state s)
{
    switch (s) {
    case RULES_PASS: return "pass";
    case RULES_FAIL: return "fail";
    case RULES_NOTAPPLICABLE: return "notapplicable";
    case RULES_STATE_ERROR: return "error";
    }
    return "error";
}

/* ---- preparing a subject ---------------------------------------------------- */

/* Sentences end at 。 or a line break; the end mark stays in its sentence. */
static void split_sentences(eblock *b)
{
    b->nsentences = (uint32_t)text_sentences(b->norm.text, b->norm.len, &b->sentences);
}

static void prepare(eprepared *p, const rules_subject *subject)
{
    memset(p, 0, sizeof *p);
    p->subject = subject;
    size_t total = 0;
    for (size_t m = 0; m < subject->nmembers; m++) total += subject->members[m].doc->nblocks;
    p->blocks = pl_xcalloc(total + 1, sizeof *p->blocks);
    for (size_t m = 0; m < subject->nmembers; m++) {
        const doc_document *d = subject->members[m].doc;
        const doc_structure *st = subject->members[m].structure;
        for (size_t i = 0; i < d->nblocks; i++) {
            eblock *b = &p->blocks[p->nblocks++];
            b->member = (uint32_t)m;
            b->block = (uint32_t)i;
            b->channel = d->blocks[i].channel;
            text_norm_init(&b->norm);
            text_normalize(&b->norm, d->blocks[i].text, d->blocks[i].len,
                           TEXT_NORM_DEFAULT | TEXT_NORM_KEEP_NEWLINES, NULL);
            split_sentences(b);
            const doc_clause *art = doc_structure_article(st, i);
            const doc_clause *app = doc_structure_appendix(st, i);
            b->article = art ? (int32_t)(art - st->clauses) : -1;
            b->appendix = app ? (int32_t)(app - st->clauses) : -1;
        }
    }
}

static void unprepare(eprepared *p)
{
    for (size_t i = 0; i < p->nblocks; i++) {
        text_norm_free(&p->blocks[i].norm);
        free(p->blocks[i].sentences);
    }
    free(p->blocks);
}

/* ---- scope -------------------------------------------------------------------- */

/* Does the caption of the block's clause, or of any clause around it, match? */
static bool caption_matches(eval *ev, const eblock *b)
{
    const doc_structure *st = ev->prep->subject->members[b->member].structure;
    const doc_clause *c = doc_structure_clause(st, b->block);
    for (; c; c = c->parent >= 0 ? &st->clauses[c->parent] : NULL) {
        if (!c->caption) continue;
        text_normalize(&ev->w->norm, c->caption, strlen(c->caption), TEXT_NORM_DEFAULT, NULL);
        size_t ms, me;
        if (pattern_find(ev->rule->scope_caption, ev->w->scratch, ev->w->norm.text,
                         ev->w->norm.len, 0, &ms, &me) == PATTERN_MATCH)
            return true;
    }
    return false;
}

/* The blocks the rule reads. Whether a rule applies at all is decided on
 * every block of its channels (channels_only): a spec's contract clauses
 * make it contract-like even when the rule then reads one captioned clause. */
static void compute_scope(eval *ev, bool channels_only)
{
    const rules_rule *r = ev->rule;
    uint32_t searched = 0;
    for (size_t i = 0; i < ev->prep->nblocks; i++) {
        const eblock *b = &ev->prep->blocks[i];
        bool in = (r->channels & (1u << b->channel)) != 0;
        if (channels_only) {
            ev->in_scope[i] = in;
            continue;
        }
        if (in && r->scope_appendix == 1) in = b->appendix >= 0;
        if (in && r->scope_appendix == -1) in = b->appendix < 0;
        if (in && r->scope_caption) in = caption_matches(ev, b);
        ev->in_scope[i] = in;
        searched += in;
    }
    ev->res->searched_blocks = searched;
}

/* ---- units ---------------------------------------------------------------------- */

static void unit_reset(eunit *u)
{
    sbuf_reset(&u->text);
    u->npieces = 0;
    u->ptr = NULL;
    u->len = 0;
}

static void unit_add(eunit *u, const eprepared *p, uint32_t eb, uint32_t from, uint32_t to)
{
    if (u->npieces) sbuf_putc(&u->text, '\n');
    PL_GROW(u->pieces, u->cap, u->npieces + 1);
    u->pieces[u->npieces++] = (eunit_piece){eb, from, to, (uint32_t)u->text.len};
    sbuf_append(&u->text, p->blocks[eb].norm.text + from, to - from);
    u->ptr = sbuf_cstr(&u->text);
    u->len = u->text.len;
}

/* A unit of one piece reads the block's text in place (no copy). */
static void unit_single(eunit *u, const eprepared *p, uint32_t eb, uint32_t from, uint32_t to)
{
    unit_reset(u);
    PL_GROW(u->pieces, u->cap, 1);
    u->pieces[u->npieces++] = (eunit_piece){eb, from, to, 0};
    u->ptr = p->blocks[eb].norm.text + from;
    u->len = to - from;
}

const doc_block *engine_doc_block(const eprepared *p, uint32_t eb)
{
    const eblock *b = &p->blocks[eb];
    return &p->subject->members[b->member].doc->blocks[b->block];
}

static bool same_name(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

bool engine_same_table(const doc_block *a, const doc_block *b)
{
    return same_name(a->loc.part, b->loc.part) && same_name(a->loc.sheet, b->loc.sheet) &&
           a->loc.table == b->loc.table;
}

void engine_for_units(eval *ev, rule_unit unit, unit_fn fn, void *ctx)
{
    const eprepared *p = ev->prep;
    eunit *u = &ev->w->unit;
    if (unit == UNIT_SENTENCE || unit == UNIT_BLOCK) {
        for (uint32_t i = 0; i < p->nblocks; i++) {
            if (!ev->in_scope[i]) continue;
            const eblock *b = &p->blocks[i];
            if (unit == UNIT_BLOCK) {
                unit_single(u, p, i, 0, (uint32_t)b->norm.len);
                if (!fn(ev, u, ctx)) return;
                continue;
            }
            for (uint32_t s = 0; s < b->nsentences; s++) {
                uint32_t to = s + 1 < b->nsentences ? b->sentences[s + 1] : (uint32_t)b->norm.len;
                if (to == b->sentences[s]) continue;
                unit_single(u, p, i, b->sentences[s], to);
                if (!fn(ev, u, ctx)) return;
            }
        }
        return;
    }
    /* clause and document units: consecutive in-scope blocks of one member
     * that share the article (clause) or simply the member (document); a
     * bundle's document unit spans all members. */
    uint32_t i = 0;
    while (i < p->nblocks) {
        if (!ev->in_scope[i]) {
            i++;
            continue;
        }
        unit_reset(u);
        const eblock *first = &p->blocks[i];
        uint32_t j = i;
        for (; j < p->nblocks; j++) {
            const eblock *b = &p->blocks[j];
            if (unit == UNIT_CLAUSE &&
                (b->member != first->member || b->article != first->article))
                break;
            if (unit == UNIT_DOCUMENT && !p->subject->bundle && b->member != first->member) break;
            if (ev->in_scope[j]) unit_add(u, p, j, 0, (uint32_t)b->norm.len);
        }
        /* blocks without an article do not form one clause together */
        if (unit == UNIT_CLAUSE && first->article < 0) j = i + 1;
        if (u->npieces && !fn(ev, u, ctx)) return;
        i = j > i ? j : i + 1;
    }
}

const eunit *engine_sentence_unit(eval *ev, uint32_t ebi, text_span span)
{
    const eblock *b = &ev->prep->blocks[ebi];
    uint32_t from = 0, to = (uint32_t)b->norm.len;
    for (uint32_t s = 0; s < b->nsentences; s++) {
        if (b->sentences[s] <= span.start) from = b->sentences[s];
        else {
            to = b->sentences[s];
            break;
        }
    }
    unit_single(&ev->w->unit2, ev->prep, ebi, from, to);
    return &ev->w->unit2;
}

/* ---- matching ------------------------------------------------------------------- */

static pattern_result find(eval *ev, const pattern *pt, const char *s, size_t len, size_t start,
                           size_t *ms, size_t *me)
{
    pattern_result r = pattern_find(pt, ev->w->scratch, s, len, start, ms, me);
    if (r == PATTERN_LIMIT || r == PATTERN_ERROR) ev->w->limit_hit = true;
    return r;
}

/* Moves back / forward n code points from off. */
static size_t back_chars(const char *s, size_t off, uint32_t n)
{
    while (off > 0 && n > 0) {
        off--;
        while (off > 0 && ((unsigned char)s[off] & 0xC0) == 0x80) off--;
        n--;
    }
    return off;
}

static size_t forward_chars(const char *s, size_t len, size_t off, uint32_t n)
{
    while (off < len && n > 0) {
        off++;
        while (off < len && ((unsigned char)s[off] & 0xC0) == 0x80) off++;
        n--;
    }
    return off;
}

bool engine_match_unit(eval *ev, const rule_match *m, const eunit *u, text_span *span)
{
    const char *s = u->ptr;
    size_t len = u->len, start = 0, ms, me;
    bool found = false;
    while (!found && start <= len &&
           find(ev, m->re[0], s, len, start, &ms, &me) == PATTERN_MATCH) {
        found = true;
        for (size_t k = 1; k < m->nre && found; k++) {
            size_t a, b;
            if (m->window) {
                size_t lo = back_chars(s, ms, m->window);
                size_t hi = forward_chars(s, len, me, m->window);
                found = find(ev, m->re[k], s, hi, lo, &a, &b) == PATTERN_MATCH;
            } else {
                found = find(ev, m->re[k], s, len, 0, &a, &b) == PATTERN_MATCH;
            }
        }
        if (!found) {
            if (!m->window) return false; /* without a window, one try decides */
            start = me > ms ? me : ms + 1;
        }
    }
    if (!found) return false;
    for (size_t k = 0; k < m->nnot; k++) {
        size_t a, b;
        if (find(ev, m->not_re[k], s, len, 0, &a, &b) == PATTERN_MATCH) return false;
    }
    if (span) *span = (text_span){ms, me};
    return true;
}

bool engine_matchset_unit(eval *ev, const rule_matchset *set, const eunit *u, text_span *span)
{
    for (size_t i = 0; i < set->n; i++)
        if (engine_match_unit(ev, &set->items[i], u, span)) return true;
    return false;
}

typedef struct first_ctx {
    const rule_match *m;
    rules_evidence_kind kind;
    const rule_text *about;
    bool found;
} first_ctx;

static bool first_unit(eval *ev, const eunit *u, void *ctx)
{
    first_ctx *f = ctx;
    text_span span;
    if (!engine_match_unit(ev, f->m, u, &span)) return true;
    engine_evidence(ev, f->kind, u, span, f->about);
    f->found = true;
    return false;
}

bool engine_find_first(eval *ev, const rule_matchset *set, rules_evidence_kind kind,
                       const rule_text *about)
{
    for (size_t i = 0; i < set->n; i++) {
        first_ctx f = {&set->items[i], kind, about, false};
        engine_for_units(ev, set->items[i].within, first_unit, &f);
        if (f.found) return true;
    }
    return false;
}

/* ---- evidence ------------------------------------------------------------------ */

static rules_evidence *new_evidence(eval *ev)
{
    rules_result *r = ev->res;
    if (r->nevidence >= EVIDENCE_CAP) {
        r->more_evidence++;
        return NULL;
    }
    PL_GROW(r->evidence, ev->cap_evidence, r->nevidence + 1);
    rules_evidence *e = &r->evidence[r->nevidence++];
    memset(e, 0, sizeof *e);
    return e;
}

/* The source sentence around the source span [s, e) of a block, at most
 * QUOTE_MAX_CHARS code points. */
static const char *quote(eval *ev, const doc_block *b, size_t s, size_t e, uint32_t *from)
{
    const char *t = b->text;
    size_t lo = s, hi = e;
    while (lo > 0 && !(lo >= 3 && memcmp(t + lo - 3, "。", 3) == 0) && t[lo - 1] != '\n') lo--;
    while (hi < b->len && t[hi] != '\n' && !(hi >= 3 && memcmp(t + hi - 3, "。", 3) == 0)) hi++;
    if (utf8_count(t + lo, hi - lo) > QUOTE_MAX_CHARS) {
        size_t half = QUOTE_MAX_CHARS / 2;
        size_t a = back_chars(t, s, (uint32_t)half), z = forward_chars(t, b->len, e, (uint32_t)half);
        lo = a > lo ? a : lo;
        hi = z < hi ? z : hi;
    }
    *from = (uint32_t)utf8_count(t, lo);
    return arena_strndup(ev->mem, t + lo, hi - lo);
}

rules_evidence *engine_evidence_block(eval *ev, rules_evidence_kind kind, uint32_t ebi,
                                      text_span span, const rule_text *about)
{
    rules_evidence *e = new_evidence(ev);
    if (!e) return NULL;
    const eblock *eb = &ev->prep->blocks[ebi];
    const rules_member *m = &ev->prep->subject->members[eb->member];
    const doc_block *b = &m->doc->blocks[eb->block];
    text_span src = text_norm_to_source(&eb->norm, span.start, span.end);
    e->kind = kind;
    e->member = eb->member;
    e->block = eb->block;
    /* evidence outlives the document: copy what it names */
    e->clause = arena_strdup(ev->mem, doc_structure_path(m->structure, eb->block));
    e->loc = b->loc;
    e->loc.part = b->loc.part ? arena_strdup(ev->mem, b->loc.part) : NULL;
    e->loc.sheet = b->loc.sheet ? arena_strdup(ev->mem, b->loc.sheet) : NULL;
    e->block_kind = b->kind;
    e->start = (uint32_t)utf8_count(b->text, src.start);
    e->end = (uint32_t)utf8_count(b->text, src.end);
    e->quote = quote(ev, b, src.start, src.end, &e->quote_from);
    if (about) e->about_ja = about->ja, e->about_en = about->en;
    return e;
}

rules_evidence *engine_evidence(eval *ev, rules_evidence_kind kind, const eunit *u, text_span span,
                                const rule_text *about)
{
    /* find the piece holding the span start */
    size_t k = 0;
    while (k + 1 < u->npieces && u->pieces[k + 1].at <= span.start) k++;
    const eunit_piece *pc = &u->pieces[k];
    size_t s = span.start - pc->at + pc->from;
    size_t e = span.end - pc->at + pc->from;
    if (e > pc->to) e = pc->to;
    if (s > e) s = e;
    return engine_evidence_block(ev, kind, pc->eb, (text_span){s, e}, about);
}

void engine_missing(eval *ev, const rule_text *what)
{
    rules_result *r = ev->res;
    r->missing_ja = pl_xrealloc(r->missing_ja, (r->nmissing + 1) * sizeof *r->missing_ja);
    r->missing_en = pl_xrealloc(r->missing_en, (r->nmissing + 1) * sizeof *r->missing_en);
    r->missing_ja[r->nmissing] = what->ja;
    r->missing_en[r->nmissing] = what->en;
    r->nmissing++;
}

void engine_detail(eval *ev, const char *ja, const char *en)
{
    ev->res->detail_ja = arena_strdup(ev->mem, ja);
    ev->res->detail_en = arena_strdup(ev->mem, en);
}

/* ---- applicability and dispatch ------------------------------------------------ */

typedef struct when_ctx {
    const rule_match *match;
    bool found;
} when_ctx;

static bool when_unit(eval *ev, const eunit *u, void *ctx)
{
    when_ctx *w = ctx;
    rule_matchset one = {.items = (rule_match *)w->match, .n = 1};
    if (engine_matchset_unit(ev, &one, u, NULL)) {
        w->found = true;
        return false;
    }
    return true;
}

/* At least `min` alternatives hold, each found in a unit of its own kind
 * anywhere in the channels the rule reads. */
static bool condition_holds(eval *ev, const rule_matchset *set)
{
    size_t need = set->min ? set->min : 1, held = 0;
    for (size_t k = 0; k < set->n && held < need; k++) {
        when_ctx w = {&set->items[k], false};
        engine_for_units(ev, set->items[k].within, when_unit, &w);
        held += w.found;
    }
    for (size_t k = 0; k < set->nconds && held < need; k++) held += condition_holds(ev, set->conds[k]);
    return held >= need;
}

static bool applies(eval *ev)
{
    const rules_rule *r = ev->rule;
    const rules_subject *subj = ev->prep->subject;
    for (size_t i = 0; i < r->napplies; i++) {
        const rule_applies *a = &r->applies[i];
        if (a->bundle_only && !subj->bundle) continue;
        if (a->single_only && subj->bundle) continue;
        bool type_ok = false;
        for (size_t m = 0; m < subj->nmembers; m++)
            if (a->types & (1u << subj->members[m].structure->type)) type_ok = true;
        if (!type_ok) continue;
        bool all = true;
        for (size_t k = 0; k < a->nwhen && all; k++) all = condition_holds(ev, &a->when[k]);
        if (all) return true;
    }
    return false;
}

static void evaluate_rule(const rules_context *ctx, const eprepared *p, rules_worker *w,
                          const rules_rule *r, rules_results *out)
{
    PL_GROW(out->items, out->cap, out->n + 1);
    rules_result *res = &out->items[out->n++];
    memset(res, 0, sizeof *res);
    res->rule = r;
    eval ev = {.ctx = ctx, .prep = p, .w = w, .rule = r, .res = res, .mem = &out->mem};
    ev.in_scope = pl_xcalloc(p->nblocks + 1, sizeof *ev.in_scope);
    w->limit_hit = false;
    compute_scope(&ev, true);
    bool applicable = applies(&ev);
    compute_scope(&ev, false);
    bool no_clause = r->scope_caption && res->searched_blocks == 0;
    if (!applicable) {
        res->state = RULES_NOTAPPLICABLE;
        engine_detail(&ev, "この種類の文書には適用されません",
                      "the rule does not apply to this kind of document");
    } else if (no_clause && r->scope_absent_na) {
        res->state = RULES_NOTAPPLICABLE;
        engine_detail(&ev, "対象となる見出しの条項がありません",
                      "no clause has the caption the rule looks in");
    } else if (no_clause) {
        res->state = RULES_FAIL;
        engine_detail(&ev, "対象となる見出しの条項が見つかりません",
                      "no clause with the caption the rule looks in was found");
    } else {
        switch (r->check.kind) {
        case CHECK_PRESENCE: check_presence(&ev); break;
        case CHECK_CONDITION: check_condition(&ev); break;
        case CHECK_NUMERIC: check_numeric(&ev); break;
        case CHECK_LIFECYCLE: check_lifecycle(&ev); break;
        case CHECK_BUILTIN: check_builtin(&ev); break;
        case CHECK_EDITION: check_edition(&ev); break;
        }
    }
    if (w->limit_hit) {
        res->state = RULES_STATE_ERROR;
        engine_detail(&ev,
                      "パターンの照合が上限に達しました（パターンが複雑すぎます）",
                      "a pattern hit the match limit (the pattern is too costly)");
    }
    /* the results arena owns what outlives this call */
    if (res->nevidence) {
        rules_evidence *kept = arena_alloc(&out->mem, res->nevidence * sizeof *kept);
        memcpy(kept, res->evidence, res->nevidence * sizeof *kept);
        free(res->evidence);
        res->evidence = kept;
    }
    if (res->nmissing) {
        const char **ja = arena_alloc(&out->mem, res->nmissing * sizeof *ja);
        const char **en = arena_alloc(&out->mem, res->nmissing * sizeof *en);
        memcpy(ja, res->missing_ja, res->nmissing * sizeof *ja);
        memcpy(en, res->missing_en, res->nmissing * sizeof *en);
        free(res->missing_ja);
        free(res->missing_en);
        res->missing_ja = ja;
        res->missing_en = en;
    }
    free(ev.in_scope);
}

void engine_evaluate_rule(const rules_context *ctx, const rules_subject *subject, rules_worker *w,
                          const rules_rule *rule, rules_results *out)
{
    eprepared p;
    prepare(&p, subject);
    evaluate_rule(ctx, &p, w, rule, out);
    unprepare(&p);
}

void rules_evaluate(const rules_context *ctx, const rules_subject *subject, rules_worker *w,
                    rules_results *out)
{
    eprepared p;
    prepare(&p, subject);
    for (size_t i = 0; i < ctx->set->npacks; i++)
        for (size_t k = 0; k < ctx->set->packs[i]->nrules; k++)
            evaluate_rule(ctx, &p, w, &ctx->set->packs[i]->rules[k], out);
    unprepare(&p);
}

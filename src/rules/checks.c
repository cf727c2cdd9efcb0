/*
 * checks.c - presence, condition, numeric and the file facts.
 *
 * Each check decides the state of one rule on one subject and leaves the
 * evidence a reader needs to agree with it: where a clause was found, where
 * a permission lacks its requirement, which value broke the limit, and for
 * a failure with nothing to point at, what was missing and how much was
 * searched.
 */
#include <string.h>

#include "engine.h"
#include "util/mem.h"

static const rule_text *part_title(const rule_part *p)
{
    return &p->title;
}

/* Violations: any unit where one holds fails the rule. */
static bool find_violations(eval *ev, const rule_part *v, size_t n)
{
    bool any = false;
    for (size_t i = 0; i < n; i++)
        if (engine_find_first(ev, &v[i].matches, EVIDENCE_VIOLATION, part_title(&v[i])))
            any = true;
    return any;
}

void check_presence(eval *ev)
{
    const rule_check *ck = &ev->rule->check;
    size_t found = 0;
    for (size_t i = 0; i < ck->nparts; i++) {
        if (engine_find_first(ev, &ck->parts[i].matches, EVIDENCE_FOUND, part_title(&ck->parts[i])))
            found++;
        else
            engine_missing(ev, part_title(&ck->parts[i]));
    }
    bool violated = find_violations(ev, ck->violations, ck->nviolations);
    bool ok = ck->require_any ? found > 0 : found == ck->nparts;
    if (ck->require_any && found > 0) ev->res->nmissing = 0; /* one was enough */
    ev->res->state = (ok && !violated) ? RULES_PASS : RULES_FAIL;
}

/* ---- condition ------------------------------------------------------------ */

typedef struct cond_ctx {
    size_t topics, decisive, broken;
} cond_ctx;

static bool condition_unit(eval *ev, const eunit *u, void *ctx)
{
    cond_ctx *c = ctx;
    const rule_check *ck = &ev->rule->check;
    /* Inside a condition every match is tested against the same unit: a
     * permission and its requirements must stand together. */
    text_span topic;
    if (!engine_matchset_unit(ev, &ck->topic, u, &topic)) return true;
    c->topics++;
    text_span perm, forb;
    bool permits = engine_matchset_unit(ev, &ck->permits, u, &perm);
    bool forbids = ck->forbids.n && engine_matchset_unit(ev, &ck->forbids, u, &forb);
    for (size_t i = 0; i < ck->nviolations; i++) {
        text_span vs;
        if (engine_matchset_unit(ev, &ck->violations[i].matches, u, &vs)) {
            engine_evidence(ev, EVIDENCE_VIOLATION, u, vs, part_title(&ck->violations[i]));
            c->broken++;
            c->decisive++;
        }
    }
    if (permits) {
        c->decisive++;
        bool complete = true;
        for (size_t i = 0; i < ck->nparts; i++) {
            if (engine_matchset_unit(ev, &ck->parts[i].matches, u, NULL)) continue;
            complete = false;
            bool listed = false;
            for (size_t k = 0; k < ev->res->nmissing; k++)
                if (ev->res->missing_ja[k] == ck->parts[i].title.ja) listed = true;
            if (!listed) engine_missing(ev, part_title(&ck->parts[i]));
        }
        if (complete) {
            engine_evidence(ev, EVIDENCE_FOUND, u, perm, NULL);
        } else {
            engine_evidence(ev, EVIDENCE_VIOLATION, u, perm, NULL);
            c->broken++;
        }
    } else if (forbids) {
        c->decisive++;
        engine_evidence(ev, EVIDENCE_FOUND, u, forb, NULL);
    }
    return true;
}

static void missing_state(eval *ev, const char *ja, const char *en)
{
    switch (ev->rule->check.missing) {
    case MISSING_PASS: ev->res->state = RULES_PASS; break;
    case MISSING_NOTAPPLICABLE: ev->res->state = RULES_NOTAPPLICABLE; break;
    case MISSING_FAIL: ev->res->state = RULES_FAIL; break;
    }
    engine_detail(ev, ja, en);
}

void check_condition(eval *ev)
{
    cond_ctx c = {0};
    engine_for_units(ev, ev->rule->check.within, condition_unit, &c);
    if (c.topics == 0) {
        missing_state(ev, "該当する条項が見つかりません", "no clause on the subject was found");
    } else if (c.decisive == 0) {
        /* mentioned, but never restricted nor permitted: show where */
        engine_find_first(ev, &ev->rule->check.topic, EVIDENCE_MENTION, NULL);
        missing_state(ev, "言及はあるが制限する規定が見つかりません",
                      "mentioned, but no clause restricting it was found");
    } else {
        ev->res->nmissing = c.broken ? ev->res->nmissing : 0;
        ev->res->state = c.broken ? RULES_FAIL : RULES_PASS;
    }
}

/* ---- numeric ---------------------------------------------------------------- */

typedef struct num_ctx {
    double limit;
    size_t values, broken;
} num_ctx;

static bool holds(rule_op op, double v, double limit)
{
    /* shares are compared in percent, rounded to a hundredth */
    switch (op) {
    case OP_LE: return v <= limit + 1e-9;
    case OP_LT: return v < limit - 1e-9;
    case OP_GE: return v >= limit - 1e-9;
    case OP_GT: return v > limit + 1e-9;
    }
    return true;
}

static bool numeric_unit(eval *ev, const eunit *u, void *ctx)
{
    num_ctx *c = ctx;
    const rule_check *ck = &ev->rule->check;
    if (!engine_matchset_unit(ev, &ck->topic, u, NULL)) return true;
    if (ck->value == VALUE_SHARE) {
        text_share shares[16];
        size_t n = text_find_shares(u->ptr, u->len, shares, 16);
        for (size_t i = 0; i < n && i < 16; i++) {
            double pct = shares[i].value * 100.0;
            c->values++;
            bool ok = holds(ck->op, pct, c->limit) &&
                      !((shares[i].flags & TEXT_SHARE_MAJORITY) && ck->op == OP_LE &&
                        pct >= c->limit);
            rules_evidence *e = engine_evidence(
                ev, ok ? EVIDENCE_VALUE : EVIDENCE_VIOLATION, u,
                (text_span){shares[i].span.start, shares[i].span.end}, NULL);
            if (e) {
                e->value = pct;
                e->limit = c->limit;
            }
            if (!ok) c->broken++;
        }
    } else if (ck->value == VALUE_AMOUNT) {
        text_amount am[16];
        size_t n = text_find_amounts(u->ptr, u->len, am, 16);
        for (size_t i = 0; i < n && i < 16; i++) {
            c->values++;
            bool ok = holds(ck->op, (double)am[i].yen, c->limit);
            rules_evidence *e = engine_evidence(ev, ok ? EVIDENCE_VALUE : EVIDENCE_VIOLATION, u,
                                                (text_span){am[i].span.start, am[i].span.end},
                                                NULL);
            if (e) e->value = (double)am[i].yen, e->limit = c->limit;
            if (!ok) c->broken++;
        }
    } else {
        text_period per[16];
        size_t n = text_find_periods(u->ptr, u->len, per, 16);
        for (size_t i = 0; i < n && i < 16; i++) {
            if (!(per[i].has & TEXT_PERIOD_DURATION)) continue;
            double days = per[i].dur.years * 365.0 + per[i].dur.months * 30.0 + per[i].dur.days;
            c->values++;
            bool ok = holds(ck->op, days, c->limit);
            rules_evidence *e = engine_evidence(ev, ok ? EVIDENCE_VALUE : EVIDENCE_VIOLATION, u,
                                                (text_span){per[i].span.start, per[i].span.end},
                                                NULL);
            if (e) e->value = days, e->limit = c->limit;
            if (!ok) c->broken++;
        }
    }
    return true;
}

void check_numeric(eval *ev)
{
    const rule_check *ck = &ev->rule->check;
    num_ctx c = {.limit = ck->limit};
    if (ck->param) {
        const rules_pack *pk = ev->rule->pack;
        for (size_t i = 0; i < pk->nparams; i++)
            if (strcmp(pk->params[i].name, ck->param) == 0) c.limit = pk->params[i].value;
    }
    engine_for_units(ev, ck->within, numeric_unit, &c);
    bool violated = find_violations(ev, ck->violations, ck->nviolations);
    if (c.broken || violated) {
        ev->res->state = RULES_FAIL;
    } else if (c.values) {
        ev->res->state = RULES_PASS;
    } else {
        ev->res->state = RULES_NOTAPPLICABLE;
        engine_detail(ev, "該当する数値の記載がありません", "no such value is stated");
    }
}

/* ---- facts about the file ------------------------------------------------------ */

void check_builtin(eval *ev)
{
    const eprepared *p = ev->prep;
    if (ev->rule->check.builtin == BUILTIN_UNREADABLE) {
        /* evaluated only on files that were read */
        ev->res->state = RULES_PASS;
        return;
    }
    bool tracked = ev->rule->check.builtin == BUILTIN_TRACKED_CHANGES;
    size_t found = 0;
    for (uint32_t i = 0; i < p->nblocks; i++) {
        const eblock *eb = &p->blocks[i];
        const doc_block *b = &p->subject->members[eb->member].doc->blocks[eb->block];
        bool hit;
        if (tracked) {
            hit = b->channel == DOC_CH_DELETED || (b->flags & DOC_F_TRACKED);
            for (uint32_t k = 0; !hit && k < b->nmarks; k++)
                hit = b->marks[k].kind <= DOC_MARK_MOVED_FROM;
        } else {
            hit = b->channel == DOC_CH_COMMENT;
        }
        if (!hit) continue;
        found++;
        engine_evidence_block(ev, EVIDENCE_FILE, i, (text_span){0, eb->norm.len}, NULL);
    }
    /* The reader's counts also see changes that left no text (a deleted
     * empty paragraph, a property change). */
    for (size_t m = 0; tracked && m < p->subject->nmembers; m++) {
        const doc_info *info = &p->subject->members[m].doc->info;
        found += found ? 0 : info->insertions + info->deletions + info->moves;
    }
    ev->res->state = found ? RULES_FAIL : RULES_PASS;
}

/* ---- the guideline edition a policy follows ------------------------------------ */

static bool contains(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(s + i, w, k) == 0) return true;
    return false;
}

/* The newest edition issued on or before d (NULL if none). */
static const rules_edition *edition_at(const rules_context *ctx, text_ymd d)
{
    const rules_edition *best = NULL;
    for (size_t i = 0; i < ctx->neditions; i++)
        if (text_ymd_cmp(ctx->editions[i].date, d) <= 0) best = &ctx->editions[i];
    return best;
}

/* An edition named by the month it was issued (令和4年3月版). */
static const rules_edition *edition_of_month(const rules_context *ctx, text_ymd d)
{
    for (size_t i = 0; i < ctx->neditions; i++)
        if (ctx->editions[i].date.year == d.year && ctx->editions[i].date.month == d.month)
            return &ctx->editions[i];
    return NULL;
}

typedef struct edition_find {
    const rules_edition *declared;
    text_ymd revised;         /* latest revision or enactment date */
    uint32_t declared_eb, revised_eb;
    text_span declared_span, revised_span;
} edition_find;

static bool says_revision(const char *s, size_t n)
{
    return contains(s, n, "改正") || contains(s, n, "改定") || contains(s, n, "施行") ||
           contains(s, n, "制定") || contains(s, n, "策定");
}

/* A revision history is often a table: 「改定｜令和７年１０月１日」. A date
 * in a cell is a revision date when an earlier cell of its row says so. */
static bool row_says_revision(eval *ev, uint32_t ebi)
{
    const eprepared *p = ev->prep;
    const eblock *b = &p->blocks[ebi];
    const doc_block *blk = engine_doc_block(p, ebi);
    if (!blk->loc.row) return false;
    for (uint32_t j = ebi; j-- > 0;) {
        const eblock *o = &p->blocks[j];
        if (o->member != b->member) break;
        const doc_block *ob = engine_doc_block(p, j);
        if (!engine_same_table(ob, blk) || ob->loc.row != blk->loc.row) break;
        if (says_revision(o->norm.text, o->norm.len)) return true;
    }
    return false;
}

/* Sentences naming the national guideline with an edition month, and
 * sentences dating a revision (改正, 改定, 施行, 制定). */
static void scan_sentence(eval *ev, uint32_t ebi, const char *s, size_t n, size_t base,
                          edition_find *f)
{
    text_date dates[8];
    size_t nd = text_find_dates(s, n, dates, 8);
    if (!nd) return;
    bool guideline = contains(s, n, "ガイドライン") && !contains(s, n, "教育情報");
    bool revision = says_revision(s, n) || row_says_revision(ev, ebi);
    for (size_t i = 0; i < nd && i < 8; i++) {
        if (dates[i].prec < TEXT_PREC_MONTH) continue;
        text_span span = {base + dates[i].span.start, base + dates[i].span.end};
        if (guideline && !f->declared) {
            const rules_edition *e = edition_of_month(ev->ctx, dates[i].ymd);
            if (e) {
                f->declared = e;
                f->declared_eb = ebi;
                f->declared_span = span;
            }
        } else if (revision && !guideline) {
            text_ymd d = text_date_last_day(&dates[i]);
            if (text_ymd_cmp(d, f->revised) > 0 && text_ymd_cmp(d, ev->ctx->as_of) <= 0) {
                f->revised = d;
                f->revised_eb = ebi;
                f->revised_span = span;
            }
        }
    }
}

void check_edition(eval *ev)
{
    const rules_context *ctx = ev->ctx;
    if (!ctx->neditions) {
        ev->res->state = RULES_STATE_ERROR;
        engine_detail(ev, "ガイドラインの版のデータが読み込まれていません",
                      "no guideline edition data is loaded");
        return;
    }
    edition_find f = {0};
    const eprepared *p = ev->prep;
    for (uint32_t i = 0; i < p->nblocks; i++) {
        if (!ev->in_scope[i]) continue;
        const eblock *b = &p->blocks[i];
        for (uint32_t s = 0; s < b->nsentences; s++) {
            uint32_t to = s + 1 < b->nsentences ? b->sentences[s + 1] : (uint32_t)b->norm.len;
            scan_sentence(ev, i, b->norm.text + b->sentences[s], to - b->sentences[s],
                          b->sentences[s], &f);
        }
    }
    const rules_edition *follows = f.declared;
    if (!follows && f.revised.year) {
        /* no declared basis: at best the newest edition before the revision */
        follows = edition_at(ctx, f.revised);
        ev->res->edition_inferred = true;
    }
    if (!follows) {
        ev->res->state = RULES_STATE_ERROR;
        engine_detail(ev, "準拠するガイドラインの版も改正日も見つかりません",
                      "neither the guideline edition followed nor a revision date was found");
        return;
    }
    rules_evidence *e = f.declared
                            ? engine_evidence_block(ev, EVIDENCE_FOUND, f.declared_eb, f.declared_span, NULL)
                            : engine_evidence_block(ev, EVIDENCE_VALUE, f.revised_eb, f.revised_span, NULL);
    if (e && !f.declared) e->date = f.revised;
    ev->res->edition = follows;
    size_t k = (size_t)(follows - ctx->editions) + 1;
    /* editions issued after the reference date do not count yet */
    size_t end = k;
    while (end < ctx->neditions && text_ymd_cmp(ctx->editions[end].date, ctx->as_of) <= 0) end++;
    ev->res->editions_since = &ctx->editions[k < ctx->neditions ? k : ctx->neditions];
    ev->res->neditions_since = end - k;
    ev->res->state = end > k ? RULES_FAIL : RULES_PASS;
}

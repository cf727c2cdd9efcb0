/*
 * coverage.c - how far a local policy has adopted an edition of the guideline.
 *
 * Two steps.
 *
 * 1. Sections. Every section of the edition is matched to at most one local
 *    clause that has a caption or a heading title (第9章 外部サービスの利用,
 *    第32条（監査）, 8.1 業務委託). A candidate scores
 *        title   the best similarity of normalised titles and aliases
 *                (bigram Dice, raised when one title contains the other)
 *      + 0.4 x   the share of the section's requirements (its own and its
 *                subsections') whose text is inside the clause
 *      + place   chapters: +0.1 for a top-level clause; subsections: +0.15
 *                inside the clause matched to the parent section, -0.15
 *                outside it, and never the parent's clause itself
 *      + number  +0.1 (+0.15 for chapters) when the local number equals the
 *                guideline's, after the shift between the numberings
 *    and is accepted at 0.6 when the title is close (0.65), or half the
 *    requirements are inside, or both are partly there. Chapters go
 *    first, and twice: the shift (a 総則 chapter in front makes it +1) is the
 *    most common difference between local and guideline chapter numbers
 *    among chapters whose titles agree, and it is only then used as a hint.
 *
 * 2. Requirements. Each is looked for in the clauses of its section, then of
 *    the nearest matched ancestor section, then anywhere a block, or the
 *    caption or opening paragraph of a clause around it, carries the
 *    requirement's context words (so a contract item found under the local
 *    outsourcing chapter counts even when that chapter was not matched, but
 *    「監査」 in a contract list is not the annual audit). Among the hits in
 *    one place, one in the text wins over one in a caption or heading line
 *    (only text has a wording to judge), then an unweakened one over a
 *    weakened one.
 *
 * All of it reads normalised text (text/text.h) of body and table blocks
 * only, and quotes the source text through the normaliser's offset map.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "util/mem.h"

typedef struct nblock {
    bool usable;
    const char *text; /* normalised */
    size_t len;
    const uint32_t *src_start, *src_end;
} nblock;

typedef struct block_hit {
    size_t block;
    gl_hit hit;
} block_hit;

typedef struct item_hits {
    block_hit *v;
    size_t n, cap;
} item_hits;

typedef struct cov {
    const guideline_edition *e;
    const doc_document *d;
    const doc_structure *s;
    pattern_scratch *scr;
    arena tmp;
    nblock *blocks;
    item_hits *hits;    /* per item of the edition */
    int *depth;         /* per clause: number of enclosing clauses */
    const char **ckey;  /* per clause: title key of its caption, NULL if none */
    int *map;           /* per section: matched clause, -1 */
    int *item_sec;      /* per item: index of its section */
} cov;

/* ---- preparation ---------------------------------------------------------- */

static bool usable_block(const doc_block *b)
{
    return (b->channel == DOC_CH_BODY || b->channel == DOC_CH_TABLE) && !(b->flags & DOC_F_HIDDEN);
}

static void prepare_blocks(cov *c)
{
    const doc_document *d = c->d;
    c->blocks = arena_alloc(&c->tmp, (d->nblocks + 1) * sizeof *c->blocks);
    text_norm nm;
    text_norm_init(&nm);
    for (size_t i = 0; i < d->nblocks; i++) {
        const doc_block *b = &d->blocks[i];
        if (!usable_block(b)) continue;
        if (text_normalize(&nm, b->text, b->len, TEXT_NORM_DEFAULT, NULL) != PL_OK) continue;
        nblock *nb = &c->blocks[i];
        nb->usable = true;
        nb->len = nm.len;
        nb->text = arena_strndup(&c->tmp, nm.text, nm.len);
        uint32_t *ss = arena_alloc(&c->tmp, (nm.len + 1) * sizeof *ss);
        uint32_t *se = arena_alloc(&c->tmp, (nm.len + 1) * sizeof *se);
        memcpy(ss, nm.src_start, (nm.len + 1) * sizeof *ss);
        memcpy(se, nm.src_end, (nm.len + 1) * sizeof *se);
        nb->src_start = ss;
        nb->src_end = se;
    }
    text_norm_free(&nm);
}

static void find_items(cov *c)
{
    const guideline_edition *e = c->e;
    c->hits = arena_alloc(&c->tmp, (e->nitems + 1) * sizeof *c->hits);
    c->item_sec = arena_alloc(&c->tmp, (e->nitems + 1) * sizeof *c->item_sec);
    for (size_t i = 0; i < e->nitems; i++) {
        const guideline_section *is = guideline_section_find(e, e->items[i]->section);
        c->item_sec[i] = is ? (int)(is - e->sections) : -1;
    }
    for (size_t i = 0; i < e->nitems; i++) {
        item_hits *h = &c->hits[i];
        for (size_t b = 0; b < c->d->nblocks; b++) {
            const nblock *nb = &c->blocks[b];
            if (!nb->usable || !nb->len) continue;
            gl_hit hit;
            gl_detect_block(e->items[i]->detect, c->scr, nb->text, nb->len, &hit);
            if (hit.state == 0) continue;
            PL_GROW(h->v, h->cap, h->n + 1);
            h->v[h->n++] = (block_hit){b, hit};
        }
    }
}

static void prepare_clauses(cov *c)
{
    const doc_structure *s = c->s;
    c->depth = arena_alloc(&c->tmp, (s->nclauses + 1) * sizeof *c->depth);
    c->ckey = arena_alloc(&c->tmp, (s->nclauses + 1) * sizeof *c->ckey);
    sbuf key = SBUF_INIT;
    for (size_t i = 0; i < s->nclauses; i++) {
        const doc_clause *cl = &s->clauses[i];
        int dep = 0;
        for (int p = cl->parent; p >= 0; p = s->clauses[p].parent) dep++;
        c->depth[i] = dep;
        if (!cl->caption || !*cl->caption) continue;
        if (cl->kind != DOC_CLAUSE_CHAPTER && cl->kind != DOC_CLAUSE_ARTICLE &&
            cl->kind != DOC_CLAUSE_HEADING)
            continue;
        gl_title_key(cl->caption, &key);
        if (key.len) c->ckey[i] = arena_strdup(&c->tmp, sbuf_cstr(&key));
    }
    sbuf_free(&key);
}

/* ---- sections --------------------------------------------------------------- */

static bool inside(const doc_clause *inner, const doc_clause *outer)
{
    return inner->first_block >= outer->first_block && inner->last_block <= outer->last_block;
}

static bool is_descendant(const guideline_edition *e, size_t sec, size_t anc)
{
    for (int p = (int)sec; p >= 0; p = e->sections[p].parent)
        if ((size_t)p == anc) return true;
    return false;
}

/* Share of the section's requirements (with its subsections') found inside
 * clause k; -1 when the section has none. */
static double content_share(const cov *c, size_t sec, size_t k)
{
    const doc_clause *cl = &c->s->clauses[k];
    size_t total = 0, found = 0;
    for (size_t i = 0; i < c->e->nitems; i++) {
        if (c->item_sec[i] < 0 || !is_descendant(c->e, (size_t)c->item_sec[i], sec)) continue;
        total++;
        const item_hits *h = &c->hits[i];
        for (size_t j = 0; j < h->n; j++) {
            if (h->v[j].hit.state == 1 && h->v[j].block >= cl->first_block &&
                h->v[j].block <= cl->last_block) {
                found++;
                break;
            }
        }
    }
    return total ? (double)found / (double)total : -1;
}

static double title_score(const guideline_section *g, const char *ckey, bool *by_alias)
{
    sbuf key = SBUF_INIT;
    gl_title_key(g->title_ja, &key);
    double best = gl_title_similarity(sbuf_cstr(&key), ckey);
    *by_alias = false;
    for (size_t i = 0; i < g->naliases; i++) {
        gl_title_key(g->aliases[i], &key);
        double t = gl_title_similarity(sbuf_cstr(&key), ckey);
        if (t > best) best = t, *by_alias = true;
    }
    sbuf_free(&key);
    return best;
}

static long chapter_number(const guideline_section *g)
{
    return strtol(g->number, NULL, 10);
}

static long last_number(const guideline_section *g)
{
    const char *dot = strrchr(g->number, '.');
    return strtol(dot ? dot + 1 : g->number, NULL, 10);
}

typedef struct candidate {
    int clause;
    double score, title, content;
    bool alias, number;
} candidate;

/* Scores clause k for section sec; false when it is no candidate at all. */
static bool score_pair(cov *c, size_t sec, size_t k, int shift, bool shift_known, candidate *cd)
{
    const guideline_section *g = &c->e->sections[sec];
    const doc_structure *s = c->s;
    if (!c->ckey[k]) return false;
    const doc_clause *cl = &s->clauses[k];
    int pclause = g->parent >= 0 ? c->map[g->parent] : -1;
    *cd = (candidate){(int)k, 0, 0, 0, false, false};
    cd->title = title_score(g, c->ckey[k], &cd->alias);
    double share = content_share(c, sec, k);
    cd->content = share > 0 ? share : 0;
    double place = 0, num = 0;
    if (g->depth == 1) {
        if (c->depth[k] == 0) place = 0.1;
        if (shift_known && g->part == GUIDELINE_PART_STANDARD && c->depth[k] <= 1 && cl->number &&
            cl->number == chapter_number(g) + shift)
            num = 0.15;
    } else if (pclause >= 0) {
        const doc_clause *pc = &s->clauses[pclause];
        /* a subsection is never its parent's clause nor above it */
        if ((int)k == pclause || inside(pc, cl)) return false;
        if (inside(cl, pc)) {
            place = 0.15;
            if (cl->number && cl->number == last_number(g)) num = 0.1;
        } else {
            place = -0.15;
        }
    }
    cd->number = num > 0;
    cd->score = cd->title + 0.4 * cd->content + place + num;
    /* a title alone must be close: katakana words shared by different
     * titles (アクセス制御, アクセス記録) make bigram scores of about 0.6 */
    bool likely = cd->title >= 0.65 || cd->content >= 0.5 || (cd->title >= 0.5 && cd->content > 0);
    return cd->score >= 0.6 && likely;
}

typedef struct pair {
    size_t sec;
    candidate cd;
} pair;

static int cmp_pairs(const void *pa, const void *pb)
{
    const pair *a = pa, *b = pb;
    if (a->cd.score != b->cd.score) return a->cd.score > b->cd.score ? -1 : 1;
    if (a->sec != b->sec) return a->sec < b->sec ? -1 : 1;
    return a->cd.clause - b->cd.clause;
}

/* Matches the sections of one depth: the best pairs first, each section to
 * one clause and each clause to one section of that depth, so that two
 * sibling sections with similar titles (8.3 and 8.4 クラウドサービスの利用)
 * do not both take the same local clause. */
static void match_depth(cov *c, int depth, int shift, bool known, candidate *cands)
{
    const guideline_edition *e = c->e;
    pair *pairs = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < e->nsections; i++) {
        if (e->sections[i].depth != depth) continue;
        c->map[i] = -1;
        cands[i] = (candidate){-1, 0, 0, 0, false, false};
        for (size_t k = 0; k < c->s->nclauses; k++) {
            candidate cd;
            if (!score_pair(c, i, k, shift, known, &cd)) continue;
            PL_GROW(pairs, cap, n + 1);
            pairs[n++] = (pair){i, cd};
        }
    }
    if (n) qsort(pairs, n, sizeof *pairs, cmp_pairs);
    int *claimed = NULL; /* clauses taken at this depth */
    size_t nclaimed = 0, capc = 0;
    for (size_t j = 0; j < n; j++) {
        const pair *p = &pairs[j];
        if (c->map[p->sec] >= 0) continue;
        /* sections of one depth do not overlap, nor may their clauses */
        const doc_clause *cl = &c->s->clauses[p->cd.clause];
        bool taken = false;
        for (size_t k = 0; k < nclaimed && !taken; k++) {
            const doc_clause *o = &c->s->clauses[claimed[k]];
            taken = inside(cl, o) || inside(o, cl);
        }
        if (taken) continue;
        c->map[p->sec] = p->cd.clause;
        cands[p->sec] = p->cd;
        PL_GROW(claimed, capc, nclaimed + 1);
        claimed[nclaimed++] = p->cd.clause;
    }
    free(claimed);
    free(pairs);
}

static const char *basis_of(const candidate *cd)
{
    if (cd->title >= 0.8) return cd->alias ? "alias" : "title";
    if (cd->content >= 0.5 && cd->content * 0.4 >= cd->title * 0.5) return "content";
    if (cd->number) return "number";
    return cd->alias ? "alias" : "title";
}

/* The most common local - guideline chapter number among 対策基準 chapters
 * whose titles agree. */
static int measure_shift(cov *c, const candidate *first, bool *known)
{
    int votes[41] = {0}; /* shifts -20 .. +20 */
    int nvotes = 0;
    for (size_t i = 0; i < c->e->nsections; i++) {
        const guideline_section *g = &c->e->sections[i];
        if (g->depth != 1 || g->part != GUIDELINE_PART_STANDARD) continue;
        const candidate *cd = &first[i];
        if (cd->clause < 0 || cd->title < 0.8) continue;
        long local = (long)c->s->clauses[cd->clause].number;
        if (!local) continue;
        long d = local - chapter_number(g);
        if (d < -20 || d > 20) continue;
        votes[d + 20]++;
        nvotes++;
    }
    int best = 0;
    for (int i = 0; i < 41; i++)
        if (votes[i] > votes[best]) best = i;
    *known = votes[best] >= 2 && votes[best] * 2 > nvotes;
    return *known ? best - 20 : 0;
}

static void match_sections(cov *c, guideline_coverage *out)
{
    const guideline_edition *e = c->e;
    c->map = arena_alloc(&c->tmp, (e->nsections + 1) * sizeof *c->map);
    candidate *cands = arena_alloc(&c->tmp, (e->nsections + 1) * sizeof *cands);
    int maxdepth = 1;
    for (size_t i = 0; i < e->nsections; i++) {
        c->map[i] = -1;
        cands[i].clause = -1;
        if (e->sections[i].depth > maxdepth) maxdepth = e->sections[i].depth;
    }
    /* chapters, once without and once with the number hint */
    match_depth(c, 1, 0, false, cands);
    bool known;
    int shift = measure_shift(c, cands, &known);
    out->shift = shift;
    out->shift_known = known;
    if (known) match_depth(c, 1, shift, true, cands);
    /* then each deeper level under the levels above it */
    for (int dep = 2; dep <= maxdepth; dep++) match_depth(c, dep, shift, known, cands);
    out->nsections = e->nsections;
    out->sections = arena_alloc(&out->mem, (e->nsections + 1) * sizeof *out->sections);
    for (size_t i = 0; i < e->nsections; i++) {
        guideline_section_match *m = &out->sections[i];
        m->section = &e->sections[i];
        m->clause = c->map[i];
        m->score = cands[i].score > 1 ? 1 : cands[i].score;
        if (m->clause >= 0) {
            const doc_clause *cl = &c->s->clauses[m->clause];
            m->clause_path = arena_strdup(&out->mem, cl->path ? cl->path : "");
            m->clause_title = arena_strdup(&out->mem, cl->caption ? cl->caption : "");
            m->basis = basis_of(&cands[i]);
        } else {
            m->clause_path = m->clause_title = m->basis = "";
            m->score = 0;
        }
    }
    /* top-level local clauses no section took */
    for (size_t k = 0; k < c->s->nclauses; k++) {
        const doc_clause *cl = &c->s->clauses[k];
        /* chapters and headings: a flat policy's unmatched articles are not news */
        if (cl->parent >= 0 || !c->ckey[k] || (cl->kind != DOC_CLAUSE_CHAPTER && cl->kind != DOC_CLAUSE_HEADING))
            continue;
        bool taken = false;
        for (size_t i = 0; i < e->nsections && !taken; i++) taken = c->map[i] == (int)k;
        if (taken) continue;
        out->local_only = pl_xrealloc(out->local_only, (out->nlocal_only + 1) * sizeof *out->local_only);
        out->local_only_path =
            pl_xrealloc(out->local_only_path, (out->nlocal_only + 1) * sizeof *out->local_only_path);
        out->local_only_title =
            pl_xrealloc(out->local_only_title, (out->nlocal_only + 1) * sizeof *out->local_only_title);
        out->local_only[out->nlocal_only] = (int)k;
        out->local_only_path[out->nlocal_only] = arena_strdup(&out->mem, cl->path ? cl->path : "");
        out->local_only_title[out->nlocal_only] = arena_strdup(&out->mem, cl->caption);
        out->nlocal_only++;
    }
}

/* ---- requirements ----------------------------------------------------------------- */

/* A block that only titles a clause: an article's caption on its own line
 * （研修）, or the heading line of a chapter, section or heading. A hit there
 * says less than one in the text below it. */
static bool title_block(const cov *c, size_t b)
{
    const nblock *nb = &c->blocks[b];
    if (!nb->usable || !nb->len || nb->len >= 120) return false;
    for (size_t i = 0; i + 3 <= nb->len; i++)
        if (memcmp(nb->text + i, "。", 3) == 0) return false;
    const doc_structure *s = c->s;
    int k = b < s->nblocks ? s->block_clause[b] : -1;
    if (k >= 0 && s->clauses[k].first_block == b && s->clauses[k].caption) return true;
    return nb->text[0] == '(' && nb->text[nb->len - 1] == ')';
}

/* Does the context of item i hold at block b: in the block, or in the
 * caption or first paragraph of a clause around it? */
static bool context_holds(cov *c, size_t i, size_t b)
{
    const guideline_detect *d = c->e->items[i]->detect;
    if (!d->context) return true;
    const nblock *nb = &c->blocks[b];
    if (gl_context_match(d, c->scr, nb->text, nb->len)) return true;
    const doc_structure *s = c->s;
    int k = b < s->nblocks ? s->block_clause[b] : -1;
    text_norm nm;
    text_norm_init(&nm);
    bool ok = false;
    for (; k >= 0 && !ok; k = s->clauses[k].parent) {
        const doc_clause *cl = &s->clauses[k];
        if (cl->caption) {
            text_normalize(&nm, cl->caption, strlen(cl->caption), TEXT_NORM_DEFAULT, NULL);
            ok = gl_context_match(d, c->scr, nm.text, nm.len);
        }
        /* the opening paragraph, after a caption line if there is one */
        for (size_t b2 = cl->first_block; !ok && b2 <= cl->last_block && b2 <= cl->first_block + 1; b2++) {
            const nblock *nb2 = &c->blocks[b2];
            if (nb2->usable) ok = gl_context_match(d, c->scr, nb2->text, nb2->len);
        }
    }
    text_norm_free(&nm);
    return ok;
}

/* The best hit of item i inside clause k (k < 0: anywhere, with context);
 * -1 if none. A hit in the text wins over one in a caption or heading line
 * (only the text has a wording to judge), then an unweakened one over a
 * weakened one. */
static ptrdiff_t hit_in(cov *c, size_t i, int k, bool *undecided)
{
    const item_hits *h = &c->hits[i];
    ptrdiff_t best = -1;
    int best_rank = -1;
    for (size_t j = 0; j < h->n; j++) {
        size_t b = h->v[j].block;
        if (k >= 0) {
            const doc_clause *cl = &c->s->clauses[k];
            if (b < cl->first_block || b > cl->last_block) continue;
        } else if (!context_holds(c, i, b)) {
            continue;
        }
        if (h->v[j].hit.state < 0) {
            *undecided = true;
            continue;
        }
        /* the wording of the text decides, a heading line only names it */
        int rank = (title_block(c, b) ? 0 : 2) + (h->v[j].hit.weak ? 0 : 1);
        if (rank > best_rank) best = (ptrdiff_t)j, best_rank = rank;
        if (rank == 3) break;
    }
    return best;
}

/* Source text of the normalised span [a, b) of block bi. */
static const char *source_text(cov *c, arena *mem, size_t bi, size_t a, size_t b)
{
    const nblock *nb = &c->blocks[bi];
    const doc_block *blk = &c->d->blocks[bi];
    if (b > nb->len) b = nb->len;
    if (a >= b) return "";
    size_t s = nb->src_start[a], e = nb->src_end[b - 1];
    if (e > blk->len) e = blk->len;
    /* trim the spaces a sentence starts or ends with */
    while (s < e && (blk->text[s] == ' ' || blk->text[s] == '\t' || blk->text[s] == '\n')) s++;
    while (e > s && (blk->text[e - 1] == ' ' || blk->text[e - 1] == '\t' || blk->text[e - 1] == '\n')) e--;
    return arena_strndup(mem, blk->text + s, e - s);
}

static void judge_items(cov *c, const guideline_coverage_options *opt, guideline_coverage *out)
{
    const guideline_edition *e = c->e;
    out->findings = arena_alloc(&out->mem, (e->nitems + 1) * sizeof *out->findings);
    for (size_t i = 0; i < e->nitems; i++) {
        const guideline_item *it = e->items[i];
        if (opt && opt->since && it->edition->index <= opt->since->index) continue;
        guideline_finding *f = &out->findings[out->nfindings++];
        memset(f, 0, sizeof *f);
        f->item = it;
        f->clause = "";
        bool undecided = false;
        ptrdiff_t j = -1;
        const guideline_section *sec = guideline_section_find(e, it->section);
        int si = sec ? (int)(sec - e->sections) : -1;
        /* its section, then the nearest matched ancestors, then anywhere */
        for (int p = si; p >= 0 && j < 0; p = e->sections[p].parent) {
            if (c->map[p] < 0) continue;
            j = hit_in(c, i, c->map[p], &undecided);
            if (j >= 0) f->where = p == si ? GUIDELINE_IN_SECTION : GUIDELINE_IN_PARENT;
        }
        if (j < 0) {
            j = hit_in(c, i, -1, &undecided);
            if (j >= 0) f->where = GUIDELINE_ELSEWHERE;
        }
        if (j < 0) {
            f->status = undecided ? GUIDELINE_UNDECIDED : GUIDELINE_MISSING;
        } else {
            const gl_hit *h = &c->hits[i].v[j].hit;
            size_t b = c->hits[i].v[j].block;
            f->status = h->weak ? GUIDELINE_WEAKENED : GUIDELINE_PRESENT;
            f->block = b;
            f->loc = c->d->blocks[b].loc;
            f->clause = arena_strdup(&out->mem, doc_structure_path(c->s, b));
            f->quote = source_text(c, &out->mem, b, h->sent_start, h->sent_end);
            if (h->weak) {
                f->weak_text = source_text(c, &out->mem, b, h->weak_start, h->weak_end);
                f->weak_label_ja = h->weak->label_ja;
                f->weak_label_en = h->weak->label_en;
            }
        }
        switch (f->status) {
        case GUIDELINE_PRESENT: out->present++; break;
        case GUIDELINE_WEAKENED: out->weakened++; break;
        case GUIDELINE_MISSING:
            if (it->level == GUIDELINE_CONDITIONAL) out->not_mentioned++;
            else out->missing++;
            break;
        default: out->undecided++; break;
        }
        if (it->level == GUIDELINE_REQUIRED &&
            (f->status == GUIDELINE_MISSING || f->status == GUIDELINE_WEAKENED))
            out->gaps++;
    }
}

void guideline_coverage_run(const guideline_edition *e, const doc_document *d, const doc_structure *s,
                            const guideline_coverage_options *opt, guideline_coverage *out)
{
    memset(out, 0, sizeof *out);
    arena_init(&out->mem);
    out->edition = e;
    out->since = opt ? opt->since : NULL;
    out->path = arena_strdup(&out->mem, d->info.path ? d->info.path : "");
    out->sha256 = arena_strdup(&out->mem, d->info.sha256);
    if (opt && opt->declared) {
        out->declared = opt->declared;
        out->declared_clause = arena_strdup(&out->mem, doc_structure_path(s, opt->declared_block));
    }
    cov c = {.e = e, .d = d, .s = s};
    arena_init(&c.tmp);
    c.scr = gl_scratch_new();
    prepare_blocks(&c);
    find_items(&c);
    prepare_clauses(&c);
    match_sections(&c, out);
    judge_items(&c, opt, out);
    for (size_t i = 0; i < e->nitems; i++) free(c.hits[i].v);
    pattern_scratch_free(c.scr);
    arena_free(&c.tmp);
}

void guideline_coverage_free(guideline_coverage *c)
{
    free(c->local_only);
    free(c->local_only_path);
    free(c->local_only_title);
    arena_free(&c->mem);
    memset(c, 0, sizeof *c);
}

/*
 * align.c - aligning two sequences of units (or of lines inside a unit).
 *
 * Amendments renumber: insert one article and every later article's number
 * changes, so numbers are the last thing to align on. The order of trust is:
 *
 *  1. Exact anchors. An item whose content (labels aside) occurs exactly once
 *     on each side is the same item. Of these pairs, the longest chain that is
 *     in order on both sides (a longest increasing subsequence) anchors the
 *     alignment; a pair outside the chain is an identical item that moved,
 *     held back for step 4 so the gaps cannot use it.
 *  2. Caption anchors. A caption （再委託） that occurs once on each side, on
 *     items of some resemblance, ties them even when the text was rewritten,
 *     if the pair fits between the exact anchors.
 *  3. Gaps. Between consecutive anchors the items are aligned by dynamic
 *     programming, maximising the summed similarity of the pairs taken. A
 *     pair is allowed when the texts are similar enough, with lower bars for
 *     items with the same number or caption (an article rewritten in place is
 *     still that article). A split (one old item, k consecutive new ones) or a
 *     merge (the reverse) is a transition of its own, worth its similarity
 *     times the number of items it covers, allowed only when the joined text
 *     is similar and each part lies mostly inside the whole, so that a new
 *     short item next to a changed one is not taken for half of a split.
 *  4. Moves. What is still unmatched on both sides is paired greedily, most
 *     similar first, above a high bar: these items are out of order with
 *     their neighbours, i.e. moved.
 *
 * Similarity is the Dice coefficient of the multisets of character bigrams
 * of the normalised texts: cheap (a merge of two sorted arrays), insensitive
 * to where an edit happens, and meaningful for Japanese, which has no word
 * boundaries to count words by.
 *
 * Cost: anchors are O(n log n); a gap of g×h items costs g·h similarity
 * computations, and amendments leave small gaps. A pathological gap (two
 * unrelated long documents) above GAP_CELLS falls back to pairing equal
 * numbers in order, and more than MOVE_PAIRS leftovers are searched for
 * identical moves only. Two unrelated 500-article policies take 0.6 s.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "util/mem.h"

#define NONE UINT32_MAX
#define GAP_CELLS 250000u      /* largest gap aligned by dynamic programming */
#define MOVE_PAIRS 1000000u    /* most unmatched pairs whose similarity is computed for moves */
#define CAPTION_ANCHOR_SIM 0.3 /* least similarity for a unique caption to anchor */

size_t diff_grams_common(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    size_t i = 0, j = 0, c = 0;
    while (i < na && j < nb) {
        if (a[i] < b[j])
            i++;
        else if (a[i] > b[j])
            j++;
        else
            c++, i++, j++;
    }
    return c;
}

static double dice(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    if (na + nb == 0) return 1.0;
    return 2.0 * (double)diff_grams_common(a, na, b, nb) / (double)(na + nb);
}

double diff_key_similarity(const diff_key *a, const diff_key *b)
{
    if (a->hash == b->hash && a->n == b->n) return 1.0;
    return dice(a->grams, a->ngrams, b->grams, b->ngrams);
}

/* ---- state --------------------------------------------------------------- */

typedef struct aligner {
    const align_item *a, *b;
    size_t na, nb;
    const align_params *p;
    uint32_t *ma, *mb;     /* pair index per item, NONE if unmatched */
    bool *held_a, *held_b; /* exact pairs out of order, kept for moves */
    align_pair *pairs;
    size_t npairs, cap;
} aligner;

static void add_pair(aligner *A, uint32_t of, uint32_t oc, uint32_t nf, uint32_t nc, bool moved,
                     double sim)
{
    PL_GROW(A->pairs, A->cap, A->npairs + 1);
    uint32_t idx = (uint32_t)A->npairs++;
    A->pairs[idx] = (align_pair){of, oc, nf, nc, moved, (float)sim};
    for (uint32_t k = 0; k < oc; k++)
        A->ma[of + k] = idx;
    for (uint32_t k = 0; k < nc; k++)
        A->mb[nf + k] = idx;
}

/* ---- 1, 2: anchors ------------------------------------------------------- */

typedef struct keyed {
    uint64_t key;
    uint32_t idx;
} keyed;

static int cmp_keyed(const void *x, const void *y)
{
    const keyed *a = x, *b = y;
    if (a->key != b->key) return a->key < b->key ? -1 : 1;
    return a->idx < b->idx ? -1 : a->idx > b->idx;
}

typedef struct cand {
    uint32_t i, j;
} cand;

/* Sorted (key, index) of the items; unique keys are then found by binary
 * search. key_of returns 0 for "no key". */
static keyed *sorted_keys(const align_item *it, size_t n, uint64_t (*key_of)(const align_item *),
                          size_t *count)
{
    keyed *k = pl_xmalloc((n + 1) * sizeof *k);
    size_t c = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t v = key_of(&it[i]);
        if (v) k[c++] = (keyed){v, (uint32_t)i};
    }
    qsort(k, c, sizeof *k, cmp_keyed);
    *count = c;
    return k;
}

/* Index of the only item with key v, or NONE (absent or repeated). */
static uint32_t unique_index(const keyed *k, size_t n, uint64_t v)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (k[mid].key < v)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo >= n || k[lo].key != v) return NONE;
    if (lo + 1 < n && k[lo + 1].key == v) return NONE;
    return k[lo].idx;
}

static uint64_t content_key(const align_item *it)
{
    return it->key->hash | 1; /* never 0 */
}

static uint64_t caption_key(const align_item *it)
{
    return it->caption;
}

/* Longest chain of candidates (sorted by i) increasing in j; marks chosen. */
static void longest_chain(const cand *c, size_t n, bool *chosen)
{
    if (!n) return;
    uint32_t *tail =
        pl_xmalloc(n * sizeof *tail); /* index of the chain's last candidate by length */
    uint32_t *prev = pl_xmalloc(n * sizeof *prev);
    size_t len = 0;
    for (size_t x = 0; x < n; x++) {
        size_t lo = 0, hi = len;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (c[tail[mid]].j < c[x].j)
                lo = mid + 1;
            else
                hi = mid;
        }
        prev[x] = lo ? tail[lo - 1] : NONE;
        tail[lo] = (uint32_t)x;
        if (lo == len) len++;
    }
    for (uint32_t x = len ? tail[len - 1] : NONE; x != NONE; x = prev[x])
        chosen[x] = true;
    free(tail);
    free(prev);
}

static void exact_anchors(aligner *A)
{
    size_t nka, nkb;
    keyed *ka = sorted_keys(A->a, A->na, content_key, &nka);
    keyed *kb = sorted_keys(A->b, A->nb, content_key, &nkb);
    cand *c = pl_xmalloc((A->na + 1) * sizeof *c);
    size_t nc = 0;
    for (size_t i = 0; i < A->na; i++) {
        uint64_t v = content_key(&A->a[i]);
        if (unique_index(ka, nka, v) != i) continue;
        uint32_t j = unique_index(kb, nkb, v);
        if (j == NONE || A->b[j].klass != A->a[i].klass) continue;
        c[nc++] = (cand){(uint32_t)i, j};
    }
    bool *chosen = pl_xcalloc(nc + 1, sizeof *chosen);
    longest_chain(c, nc, chosen);
    for (size_t x = 0; x < nc; x++) {
        if (chosen[x]) {
            add_pair(A, c[x].i, 1, c[x].j, 1, false, 1.0);
        } else {
            A->held_a[c[x].i] = true;
            A->held_b[c[x].j] = true;
        }
    }
    free(chosen);
    free(c);
    free(ka);
    free(kb);
}

/* Matched in-order pairs sorted by old index (the chain so far). */
static int cmp_pair_old(const void *x, const void *y)
{
    const align_pair *a = x, *b = y;
    return a->old_first < b->old_first ? -1 : a->old_first > b->old_first;
}

static void caption_anchors(aligner *A)
{
    size_t nka, nkb;
    keyed *ka = sorted_keys(A->a, A->na, caption_key, &nka);
    keyed *kb = sorted_keys(A->b, A->nb, caption_key, &nkb);
    /* the exact chain, in order, to check that a caption pair fits between */
    align_pair *chain = pl_xmalloc((A->npairs + 1) * sizeof *chain);
    if (A->npairs) memcpy(chain, A->pairs, A->npairs * sizeof *chain);
    size_t nchain = A->npairs;
    qsort(chain, nchain, sizeof *chain, cmp_pair_old);
    cand *c = pl_xmalloc((A->na + 1) * sizeof *c);
    size_t nc = 0;
    for (size_t i = 0; i < A->na; i++) {
        uint64_t v = A->a[i].caption;
        if (!v || A->ma[i] != NONE || A->held_a[i] || unique_index(ka, nka, v) != i) continue;
        uint32_t j = unique_index(kb, nkb, v);
        if (j == NONE || A->mb[j] != NONE || A->held_b[j] || A->b[j].klass != A->a[i].klass)
            continue;
        if (diff_key_similarity(A->a[i].key, A->b[j].key) < CAPTION_ANCHOR_SIM) continue;
        /* between the chain's neighbours on both sides? */
        size_t lo = 0, hi = nchain;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (chain[mid].old_first < i)
                lo = mid + 1;
            else
                hi = mid;
        }
        uint32_t jmin = lo ? chain[lo - 1].new_first : 0;
        uint32_t jmax = lo < nchain ? chain[lo].new_first : (uint32_t)A->nb;
        if ((lo && j <= jmin) || j >= jmax) continue;
        c[nc++] = (cand){(uint32_t)i, j};
    }
    bool *chosen = pl_xcalloc(nc + 1, sizeof *chosen);
    longest_chain(c, nc, chosen);
    for (size_t x = 0; x < nc; x++)
        if (chosen[x])
            add_pair(A, c[x].i, 1, c[x].j, 1, false,
                     diff_key_similarity(A->a[c[x].i].key, A->b[c[x].j].key));
    free(chosen);
    free(c);
    free(chain);
    free(ka);
    free(kb);
}

/* ---- 3: gaps ------------------------------------------------------------- */

/* Score of pairing old item i with new item j, or a negative value when the
 * pair is not allowed. */
static double pair_score(const aligner *A, uint32_t i, uint32_t j, double *sim_out)
{
    const align_item *x = &A->a[i], *y = &A->b[j];
    if (x->klass != y->klass) return -1;
    const align_params *p = A->p;
    bool same_number = x->number && x->number == y->number;
    bool same_caption = x->caption && x->caption == y->caption;
    /* an upper bound from the sizes avoids most merges */
    size_t na = x->key->ngrams, nb = y->key->ngrams;
    double bound = na + nb ? 2.0 * (double)(na < nb ? na : nb) / (double)(na + nb) : 1.0;
    double bar = p->min_sim;
    if (same_number && p->min_sim_number < bar) bar = p->min_sim_number;
    if (same_caption && p->min_sim_caption < bar) bar = p->min_sim_caption;
    if (bound < bar) return -1;
    double sim = diff_key_similarity(x->key, y->key);
    if (sim < bar) return -1;
    *sim_out = sim;
    /* equal numbers and captions break ties between equally similar items */
    return sim + (same_number ? 0.02 : 0) + (same_caption ? 0.02 : 0);
}

/* The gap's pairwise intersections, computed when first asked for. */
typedef struct gap {
    aligner *A;
    const uint32_t *ga, *gb;
    size_t n, m;
    uint32_t *common; /* n*m, NONE until computed */
} gap;

static uint32_t gap_common(gap *g, size_t i, size_t j)
{
    uint32_t *c = &g->common[i * g->m + j];
    if (*c == NONE) {
        const diff_key *x = g->A->a[g->ga[i]].key, *y = g->A->b[g->gb[j]].key;
        *c = (uint32_t)diff_grams_common(x->grams, x->ngrams, y->grams, y->ngrams);
    }
    return *c;
}

/* Similarity of one item against k consecutive items of the other side
 * joined, or a negative value when not allowed: every part must lie mostly
 * inside the one. The intersection with the joined parts is taken as the sum
 * of the parts' intersections, capped (exact when the parts are disjoint
 * pieces of the one, which is what a split is). one_old: the one is old item
 * i and the parts are new items j-k+1..j; else the reverse. */
static double group_sim(gap *g, bool one_old, size_t i, size_t j, int k)
{
    const aligner *A = g->A;
    const align_item *one = one_old ? &A->a[g->ga[i]] : &A->b[g->gb[j]];
    size_t total = 0, common = 0;
    for (int t = 0; t < k; t++) {
        size_t pi = one_old ? i : i - (size_t)t, pj = one_old ? j - (size_t)t : j;
        const align_item *part = one_old ? &A->b[g->gb[pj]] : &A->a[g->ga[pi]];
        if (part->klass != one->klass || part->key->ngrams == 0) return -1;
        size_t c = gap_common(g, pi, pj);
        if ((double)c < A->p->min_contained * (double)part->key->ngrams) return -1;
        total += part->key->ngrams;
        common += c;
    }
    /* the parts must be neighbours in the document too, not around a held item */
    const uint32_t *idx = one_old ? g->gb : g->ga;
    size_t last = one_old ? j : i;
    if (idx[last] - idx[last - (size_t)(k - 1)] != (uint32_t)(k - 1)) return -1;
    size_t n1 = one->key->ngrams;
    if (common > n1) common = n1;
    if (common > total) common = total;
    return n1 + total ? 2.0 * (double)common / (double)(n1 + total) : 1.0;
}

enum { T_SKIP_OLD = 0, T_SKIP_NEW = 1, T_PAIR = 2, T_GROUP = 3 };

/* Aligns ga[0..n) with gb[0..m) (item indices, in order) by dynamic
 * programming: best[i][j] is the highest total score for the first i old and
 * j new items. */
static void align_gap_dp(aligner *A, const uint32_t *ga, size_t n, const uint32_t *gb, size_t m,
                         int groups)
{
    size_t W = m + 1;
    double *best = pl_xcalloc((n + 1) * W, sizeof *best);
    uint8_t *how = pl_xcalloc((n + 1) * W, sizeof *how);
    float *sims = pl_xcalloc((n + 1) * W, sizeof *sims);
    gap g = {A, ga, gb, n, m, pl_xmalloc(n * m * sizeof(uint32_t))};
    memset(g.common, 0xff, n * m * sizeof(uint32_t));
    for (size_t j = 1; j <= m; j++)
        how[j] = T_SKIP_NEW;
    for (size_t i = 1; i <= n; i++) {
        how[i * W] = T_SKIP_OLD;
        for (size_t j = 1; j <= m; j++) {
            double b = best[(i - 1) * W + j];
            uint8_t h = T_SKIP_OLD;
            float sim = 0;
            if (best[i * W + j - 1] > b) b = best[i * W + j - 1], h = T_SKIP_NEW;
            double s1;
            double sc = pair_score(A, ga[i - 1], gb[j - 1], &s1);
            if (sc >= 0 && best[(i - 1) * W + j - 1] + sc > b)
                b = best[(i - 1) * W + j - 1] + sc, h = T_PAIR, sim = (float)s1;
            for (int k = 2; k <= groups; k++) {
                /* split: old i-1 into new j-k .. j-1 */
                if (j >= (size_t)k) {
                    double gs = group_sim(&g, true, i - 1, j - 1, k);
                    double v = best[(i - 1) * W + j - (size_t)k] + gs * (1 + k) / 2.0;
                    if (gs >= A->p->min_sim_group && v > b)
                        b = v, h = (uint8_t)(T_GROUP + 2 * (k - 2)), sim = (float)gs;
                }
                /* merge: old i-k .. i-1 into new j-1 */
                if (i >= (size_t)k) {
                    double gs = group_sim(&g, false, i - 1, j - 1, k);
                    double v = best[(i - (size_t)k) * W + j - 1] + gs * (1 + k) / 2.0;
                    if (gs >= A->p->min_sim_group && v > b)
                        b = v, h = (uint8_t)(T_GROUP + 2 * (k - 2) + 1), sim = (float)gs;
                }
            }
            best[i * W + j] = b;
            how[i * W + j] = h;
            sims[i * W + j] = sim;
        }
    }
    /* back from the end; pairs come out last first */
    size_t i = n, j = m;
    align_pair *found = NULL;
    size_t nfound = 0, cap = 0;
    while (i > 0 || j > 0) {
        uint8_t h = how[i * W + j];
        if (h == T_SKIP_OLD) {
            i--;
        } else if (h == T_SKIP_NEW) {
            j--;
        } else {
            size_t di = 1, dj = 1;
            if (h >= T_GROUP) {
                size_t k = (size_t)(h - T_GROUP) / 2 + 2;
                if ((h - T_GROUP) % 2 == 0)
                    dj = k;
                else
                    di = k;
            }
            PL_GROW(found, cap, nfound + 1);
            found[nfound++] = (align_pair){ga[i - di],   (uint32_t)di, gb[j - dj],
                                           (uint32_t)dj, false,        sims[i * W + j]};
            i -= di;
            j -= dj;
        }
    }
    for (size_t k = nfound; k-- > 0;)
        add_pair(A, found[k].old_first, found[k].old_count, found[k].new_first, found[k].new_count,
                 false, found[k].sim);
    free(found);
    free(g.common);
    free(sims);
    free(how);
    free(best);
}

static int cmp_cand_j(const void *x, const void *y)
{
    const cand *a = x, *b = y;
    if (a->i != b->i) return a->i < b->i ? -1 : 1;
    return a->j < b->j ? -1 : a->j > b->j;
}

/* A gap too large to align item by item: items with the same number are
 * paired, in order. */
static void align_gap_numbers(aligner *A, const uint32_t *ga, size_t n, const uint32_t *gb,
                              size_t m)
{
    keyed *kb = pl_xmalloc((m + 1) * sizeof *kb);
    size_t nkb = 0;
    for (size_t j = 0; j < m; j++)
        if (A->b[gb[j]].number) kb[nkb++] = (keyed){A->b[gb[j]].number, gb[j]};
    qsort(kb, nkb, sizeof *kb, cmp_keyed);
    cand *c = pl_xmalloc((n + 1) * sizeof *c);
    size_t nc = 0;
    for (size_t i = 0; i < n; i++) {
        const align_item *x = &A->a[ga[i]];
        uint32_t j = x->number ? unique_index(kb, nkb, x->number) : NONE;
        if (j != NONE && A->b[j].klass == x->klass) c[nc++] = (cand){ga[i], j};
    }
    qsort(c, nc, sizeof *c, cmp_cand_j);
    bool *chosen = pl_xcalloc(nc + 1, sizeof *chosen);
    longest_chain(c, nc, chosen);
    for (size_t x = 0; x < nc; x++)
        if (chosen[x])
            add_pair(A, c[x].i, 1, c[x].j, 1, false,
                     diff_key_similarity(A->a[c[x].i].key, A->b[c[x].j].key));
    free(chosen);
    free(c);
    free(kb);
}

static void align_gaps(aligner *A)
{
    /* anchors in order of old index give the gaps */
    align_pair *chain = pl_xmalloc((A->npairs + 1) * sizeof *chain);
    if (A->npairs) memcpy(chain, A->pairs, A->npairs * sizeof *chain);
    size_t nchain = A->npairs;
    qsort(chain, nchain, sizeof *chain, cmp_pair_old);
    uint32_t *ga = pl_xmalloc((A->na + 1) * sizeof *ga);
    uint32_t *gb = pl_xmalloc((A->nb + 1) * sizeof *gb);
    uint32_t i0 = 0, j0 = 0;
    for (size_t k = 0; k <= nchain; k++) {
        uint32_t i1 = k < nchain ? chain[k].old_first : (uint32_t)A->na;
        uint32_t j1 = k < nchain ? chain[k].new_first : (uint32_t)A->nb;
        size_t n = 0, m = 0;
        for (uint32_t i = i0; i < i1; i++)
            if (A->ma[i] == NONE && !A->held_a[i]) ga[n++] = i;
        for (uint32_t j = j0; j < j1; j++)
            if (A->mb[j] == NONE && !A->held_b[j]) gb[m++] = j;
        if (n && m) {
            if (n * m > GAP_CELLS)
                align_gap_numbers(A, ga, n, gb, m);
            else
                align_gap_dp(A, ga, n, gb, m, n * m > GAP_CELLS / 8 ? 1 : A->p->max_group);
        }
        if (k < nchain) {
            i0 = chain[k].old_first + chain[k].old_count;
            j0 = chain[k].new_first + chain[k].new_count;
        }
    }
    free(ga);
    free(gb);
    free(chain);
}

/* ---- 4: moves ------------------------------------------------------------ */

typedef struct move_cand {
    uint32_t i, j;
    double sim;
} move_cand;

static int cmp_move(const void *x, const void *y)
{
    const move_cand *a = x, *b = y;
    if (a->sim != b->sim) return a->sim > b->sim ? -1 : 1;
    if (a->i != b->i) return a->i < b->i ? -1 : 1;
    return a->j < b->j ? -1 : a->j > b->j;
}

static void find_moves(aligner *A)
{
    uint32_t *ua = pl_xmalloc((A->na + 1) * sizeof *ua);
    uint32_t *ub = pl_xmalloc((A->nb + 1) * sizeof *ub);
    size_t n = 0, m = 0;
    for (size_t i = 0; i < A->na; i++)
        if (A->ma[i] == NONE) ua[n++] = (uint32_t)i;
    for (size_t j = 0; j < A->nb; j++)
        if (A->mb[j] == NONE) ub[m++] = (uint32_t)j;
    move_cand *c = NULL;
    size_t nc = 0, cap = 0;
    bool by_similarity = n * m <= MOVE_PAIRS; /* beyond: identical moves only */
    for (size_t x = 0; x < n; x++) {
        const align_item *ia = &A->a[ua[x]];
        for (size_t y = 0; y < m; y++) {
            const align_item *ib = &A->b[ub[y]];
            if (ia->klass != ib->klass) continue;
            double sim;
            if (A->held_a[ua[x]] && A->held_b[ub[y]] && ia->key->hash == ib->key->hash)
                sim = 1.0;
            else if (!by_similarity || ia->key->n == 0 || ib->key->n == 0)
                continue;
            else
                sim = diff_key_similarity(ia->key, ib->key);
            if (sim < A->p->min_sim_move) continue;
            PL_GROW(c, cap, nc + 1);
            c[nc++] = (move_cand){ua[x], ub[y], sim};
        }
    }
    if (nc > 1) qsort(c, nc, sizeof *c, cmp_move);
    for (size_t k = 0; k < nc; k++)
        if (A->ma[c[k].i] == NONE && A->mb[c[k].j] == NONE)
            add_pair(A, c[k].i, 1, c[k].j, 1, true, c[k].sim);
    free(c);
    free(ua);
    free(ub);
}

/* ---- reading order ------------------------------------------------------- */

typedef struct emitter {
    aligner *A;
    align_pair *out;
    size_t n, cap;
    uint32_t cursor; /* old items before it are written */
} emitter;

static void emit(emitter *e, align_pair p)
{
    PL_GROW(e->out, e->cap, e->n + 1);
    e->out[e->n++] = p;
}

/* Writes the unmatched old items before limit, as deletions. */
static void emit_deleted(emitter *e, uint32_t limit)
{
    for (; e->cursor < limit; e->cursor++)
        if (e->A->ma[e->cursor] == NONE) emit(e, (align_pair){e->cursor, 1, 0, 0, false, 0});
}

size_t diff_align(const align_item *a, size_t na, const align_item *b, size_t nb,
                  const align_params *p, align_pair **out)
{
    aligner A = {.a = a, .b = b, .na = na, .nb = nb, .p = p};
    A.ma = pl_xmalloc((na + 1) * sizeof *A.ma);
    A.mb = pl_xmalloc((nb + 1) * sizeof *A.mb);
    memset(A.ma, 0xff, (na + 1) * sizeof *A.ma);
    memset(A.mb, 0xff, (nb + 1) * sizeof *A.mb);
    A.held_a = pl_xcalloc(na + 1, sizeof *A.held_a);
    A.held_b = pl_xcalloc(nb + 1, sizeof *A.held_b);

    exact_anchors(&A);
    caption_anchors(&A);
    align_gaps(&A);
    find_moves(&A);

    /* for each new position, the old index of the next in-order pair */
    uint32_t *next_old = pl_xmalloc((nb + 1) * sizeof *next_old);
    uint32_t cur = (uint32_t)na;
    next_old[nb] = cur;
    for (size_t j = nb; j-- > 0;) {
        uint32_t pi = A.mb[j];
        if (pi != NONE && !A.pairs[pi].moved) cur = A.pairs[pi].old_first;
        next_old[j] = cur;
    }
    emitter e = {.A = &A};
    for (size_t j = 0; j < nb; j++) {
        uint32_t pi = A.mb[j];
        if (pi == NONE) {
            emit_deleted(&e, next_old[j]);
            emit(&e, (align_pair){0, 0, (uint32_t)j, 1, false, 0});
            continue;
        }
        align_pair pr = A.pairs[pi];
        if (pr.new_first != j) continue; /* the rest of a group */
        emit_deleted(&e, next_old[j]);
        emit(&e, pr);
        if (!pr.moved && pr.old_first + pr.old_count > e.cursor)
            e.cursor = pr.old_first + pr.old_count;
    }
    emit_deleted(&e, (uint32_t)na);

    free(next_old);
    free(A.pairs);
    free(A.ma);
    free(A.mb);
    free(A.held_a);
    free(A.held_b);
    *out = e.out;
    return e.n;
}

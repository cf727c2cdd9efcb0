/*
 * compare.c - diff_compare: units aligned, then the lines of each aligned
 * unit, then the characters of each changed line; and what each is called.
 *
 * Thresholds, and why:
 *   units  pair at similarity 0.5; 0.3 with the same number in the same
 *          numbering (an article rewritten in place); 0.15 with the same
 *          caption (（再委託） rewritten is still 再委託). Split/merge at 0.75
 *          with each part 80 % inside the whole. A move needs 0.8 (the bar
 *          others use for moved text, see peer-tools-notes §4).
 *   lines  pair at 0.45 (paragraphs are short, an edit weighs more); 0.25
 *          with the same label. Split/merge at 0.75 with each part 70 %
 *          inside the whole: a paragraph split in two usually gets a new
 *          opening (前項の規定にかかわらず、). Moves at 0.85.
 *
 * A unit's status: inserted/deleted when one side is empty; split/merged
 * when several units pair with one; moved when out of order; changed when
 * any line's text or the line structure changed; renumbered when only
 * labels changed (the unit's own number, or its paragraphs' numbers);
 * unchanged otherwise.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "util/mem.h"

static const align_params UNIT_PARAMS = {
    .min_sim = 0.5,
    .min_sim_number = 0.3,
    .min_sim_caption = 0.15,
    .min_sim_group = 0.75,
    .min_contained = 0.8,
    .max_group = 3,
    .min_sim_move = 0.8,
};

static const align_params LINE_PARAMS = {
    .min_sim = 0.45,
    .min_sim_number = 0.25,
    .min_sim_caption = 1.0,
    .min_sim_group = 0.75,
    .min_contained = 0.7,
    .max_group = 3,
    .min_sim_move = 0.85,
};

static uint64_t mix64(uint64_t h, uint64_t v)
{
    h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
    h *= 0xBF58476D1CE4E5B9ull;
    return h ^ (h >> 31);
}

static int unit_class(diff_unit_kind k)
{
    switch (k) {
    case DIFF_UNIT_ARTICLE:
        return 1;
    case DIFF_UNIT_CHAPTER:
        return 2;
    case DIFF_UNIT_APPENDIX:
        return 3;
    case DIFF_UNIT_TABLE:
        return 5;
    default:
        return 4; /* headings and loose paragraphs: one may become the other */
    }
}

static align_item *unit_items(const diff_version *v)
{
    align_item *it = pl_xcalloc(v->nunits + 1, sizeof *it);
    for (size_t i = 0; i < v->nunits; i++) {
        const diff_unit *u = &v->units[i];
        it[i].key = u->key;
        it[i].klass = unit_class(u->kind);
        if (u->number)
            it[i].number = mix64(mix64(mix64(u->scope, (uint64_t)u->kind + 1), (uint64_t)u->number),
                                 (uint64_t)u->branch) |
                           1;
        it[i].caption = u->caption_hash;
    }
    return it;
}

static align_item *line_items(const diff_version *v, size_t first, size_t n)
{
    align_item *it = pl_xcalloc(n + 1, sizeof *it);
    for (size_t i = 0; i < n; i++) {
        const diff_line *l = &v->lines[first + i];
        it[i].key = l->key;
        it[i].klass = l->table_row ? 2 : 1;
        if (l->label_key) {
            uint64_t h = 0xcbf29ce484222325ull;
            for (const char *p = l->label_key; *p; p++)
                h = mix64(h, (unsigned char)*p);
            it[i].number = h | 1;
        }
    }
    return it;
}

/* ---- operations ---------------------------------------------------------- */

/* One side of a group of lines, as one sequence of code points. */
typedef struct side {
    const diff_version *v;
    uint32_t first, count; /* lines */
    uint32_t *cp;
    uint32_t *line;        /* per code point: its line (absolute) */
    uint32_t *start, *end; /* per code point: source span in that line */
    size_t n;
} side;

static void side_build(side *s, const diff_version *v, uint32_t first, uint32_t count)
{
    memset(s, 0, sizeof *s);
    s->v = v;
    s->first = first;
    s->count = count;
    size_t total = 0;
    for (uint32_t l = first; l < first + count; l++)
        total += v->lines[l].key->n;
    s->cp = pl_xmalloc((total + 1) * sizeof *s->cp);
    s->line = pl_xmalloc((total + 1) * sizeof *s->line);
    s->start = pl_xmalloc((total + 1) * sizeof *s->start);
    s->end = pl_xmalloc((total + 1) * sizeof *s->end);
    for (uint32_t l = first; l < first + count; l++) {
        const diff_key *k = v->lines[l].key;
        for (uint32_t i = 0; i < k->n; i++) {
            s->cp[s->n] = k->cp[i];
            s->line[s->n] = l;
            s->start[s->n] = k->src_start[i];
            s->end[s->n] = k->src_end[i];
            s->n++;
        }
    }
}

static void side_free(side *s)
{
    free(s->cp);
    free(s->line);
    free(s->start);
    free(s->end);
}

/* Source byte where code point p begins, in its own line. Characters dropped
 * by normalisation (spaces) go with the code point before them, and to the
 * first code point at the start of a line, so that the spans of a side's
 * operations cover each line's text exactly. */
static uint32_t side_pos(const side *s, size_t p)
{
    if (p == 0 || s->line[p] != s->line[p - 1]) return 0;
    /* a character normalised into several code points belongs to the first */
    return s->start[p] > s->end[p - 1] ? s->start[p] : s->end[p - 1];
}

/* End of the span [p, q) within the line of p (q is the next boundary). */
static uint32_t side_end(const side *s, size_t p, size_t q)
{
    uint32_t l = s->line[p];
    if (q >= s->n || s->line[q] != l) return s->v->lines[l].len;
    return side_pos(s, q);
}

/* The next code point after p where the line changes (or n). */
static size_t side_next_break(const side *s, size_t p, size_t limit)
{
    size_t q = p + 1;
    while (q < limit && s->line[q] == s->line[p])
        q++;
    return q;
}

static void add_op(diff_result *r, diff_op op)
{
    PL_GROW(r->ops, r->cap_ops, r->nops + 1);
    r->ops[r->nops++] = op;
}

/* Where position p of a side lies: its line and byte (the start of the next
 * line when p is at a line boundary, the end of the last line at the end). */
static void side_anchor(const side *s, size_t p, int32_t *line, uint32_t *byte)
{
    if (s->n == 0) {
        *line = s->count ? (int32_t)s->first : -1;
        *byte = 0;
    } else if (p >= s->n) {
        *line = (int32_t)s->line[s->n - 1];
        *byte = s->v->lines[s->line[s->n - 1]].len;
    } else {
        *line = (int32_t)s->line[p];
        *byte = side_pos(s, p);
    }
}

/* The text of a change on one side, split at its line ends; each op also
 * says where on the other side it stands (an empty span there), so that a
 * deletion at the start of the second half of a split paragraph is shown
 * in that half. Lines without any code point (a label alone) get no op. */
static void ops_one_side(diff_result *r, const side *s, size_t p, size_t q, diff_op_kind kind,
                         const side *other, size_t at)
{
    int32_t oline;
    uint32_t obyte;
    side_anchor(other, at, &oline, &obyte);
    while (p < q) {
        size_t br = side_next_break(s, p, q);
        diff_op op = {.kind = kind};
        uint32_t st = side_pos(s, p), en = side_end(s, p, br);
        if (kind == DIFF_OP_DELETE) {
            op.old_line = (int32_t)s->line[p], op.old_start = st, op.old_end = en;
            op.new_line = oline, op.new_start = op.new_end = obyte;
        } else {
            op.new_line = (int32_t)s->line[p], op.new_start = st, op.new_end = en;
            op.old_line = oline, op.old_start = op.old_end = obyte;
        }
        add_op(r, op);
        p = br;
    }
}

static void ops_equal(diff_result *r, const side *a, size_t p, size_t q, const side *b, size_t pb)
{
    while (p < q) {
        size_t len = q - p;
        size_t ba = side_next_break(a, p, q) - p;
        size_t bb = side_next_break(b, pb, pb + len) - pb;
        size_t step = ba < bb ? ba : bb;
        diff_op op = {.kind = DIFF_OP_EQUAL};
        op.old_line = (int32_t)a->line[p];
        op.old_start = side_pos(a, p);
        op.old_end = side_end(a, p, p + step);
        op.new_line = (int32_t)b->line[pb];
        op.new_start = side_pos(b, pb);
        op.new_end = side_end(b, pb, pb + step);
        add_op(r, op);
        p += step;
        pb += step;
    }
}

/* Character diff of old lines [of, of+oc) against new lines [nf, nf+nc),
 * appended to r->ops. */
static void line_ops(diff_result *r, uint32_t of, uint32_t oc, uint32_t nf, uint32_t nc)
{
    side a, b;
    side_build(&a, &r->old, of, oc);
    side_build(&b, &r->new, nf, nc);
    cd_hunk *h;
    size_t nh = diff_chars(a.cp, a.n, b.cp, b.n, &h);
    for (size_t i = 0; i < nh; i++) {
        if (!h[i].change) {
            ops_equal(r, &a, h[i].a0, h[i].a1, &b, h[i].b0);
        } else {
            ops_one_side(r, &a, h[i].a0, h[i].a1, DIFF_OP_DELETE, &b, h[i].b0);
            ops_one_side(r, &b, h[i].b0, h[i].b1, DIFF_OP_INSERT, &a, h[i].a0);
        }
    }
    free(h);
    side_free(&a);
    side_free(&b);
}

/* ---- lines of an aligned unit pair ---------------------------------------------- */

static bool same_text(const diff_key *a, const diff_key *b)
{
    return a->n == b->n && a->hash == b->hash && memcmp(a->cp, b->cp, a->n * sizeof *a->cp) == 0;
}

static void add_line_pair(diff_result *r, diff_line_pair lp)
{
    PL_GROW(r->pairs, r->cap_pairs, r->npairs + 1);
    r->pairs[r->npairs++] = lp;
}

/* Lines of old units [of, of+oc) against new units [nf, nf+nc); returns
 * whether any line's text or the line structure changed. */
static bool align_lines(diff_result *r, diff_entry *e)
{
    const diff_version *vo = &r->old, *vn = &r->new;
    uint32_t lo = 0, lon = 0, ln = 0, lnn = 0;
    if (e->old_count) {
        lo = vo->units[e->old_first].first_line;
        const diff_unit *last = &vo->units[e->old_first + e->old_count - 1];
        lon = last->first_line + last->nlines - lo;
    }
    if (e->new_count) {
        ln = vn->units[e->new_first].first_line;
        const diff_unit *last = &vn->units[e->new_first + e->new_count - 1];
        lnn = last->first_line + last->nlines - ln;
    }
    e->first_pair = (uint32_t)r->npairs;
    bool changed = false;
    if (!e->old_count || !e->new_count) {
        /* every line inserted, or every line deleted */
        for (uint32_t k = 0; k < lon; k++)
            add_line_pair(r, (diff_line_pair){DIFF_DELETED, lo + k, 1, 0, 0, false, 0, 0});
        for (uint32_t k = 0; k < lnn; k++)
            add_line_pair(r, (diff_line_pair){DIFF_INSERTED, 0, 0, ln + k, 1, false, 0, 0});
        e->npairs = (uint32_t)(r->npairs - e->first_pair);
        return true;
    }
    align_item *ia = line_items(vo, lo, lon), *ib = line_items(vn, ln, lnn);
    align_pair *lp;
    size_t np = diff_align(ia, lon, ib, lnn, &LINE_PARAMS, &lp);
    for (size_t k = 0; k < np; k++) {
        diff_line_pair p = {.old_first = lo + lp[k].old_first,
                            .old_count = lp[k].old_count,
                            .new_first = ln + lp[k].new_first,
                            .new_count = lp[k].new_count};
        if (!p.new_count)
            p.status = DIFF_DELETED, p.new_first = 0;
        else if (!p.old_count)
            p.status = DIFF_INSERTED, p.old_first = 0;
        else {
            const diff_line *ol = &vo->lines[p.old_first], *nl = &vn->lines[p.new_first];
            p.label_changed = !diff_labels_equal(ol, nl);
            bool one = p.old_count == 1 && p.new_count == 1;
            bool text_same = one && same_text(ol->key, nl->key);
            if (lp[k].moved)
                p.status = DIFF_MOVED;
            else if (p.old_count > 1)
                p.status = DIFF_MERGED;
            else if (p.new_count > 1)
                p.status = DIFF_SPLIT;
            else if (!text_same)
                p.status = DIFF_CHANGED;
            else
                p.status = p.label_changed ? DIFF_RENUMBERED : DIFF_UNCHANGED;
            if (!text_same) {
                p.first_op = (uint32_t)r->nops;
                line_ops(r, p.old_first, p.old_count, p.new_first, p.new_count);
                p.nops = (uint32_t)(r->nops - p.first_op);
            }
        }
        if (p.status != DIFF_UNCHANGED && p.status != DIFF_RENUMBERED) changed = true;
        add_line_pair(r, p);
    }
    free(lp);
    free(ia);
    free(ib);
    e->npairs = (uint32_t)(r->npairs - e->first_pair);
    return changed;
}

static void add_entry(diff_result *r, const align_pair *p)
{
    diff_entry e = {.old_first = p->old_first,
                    .old_count = p->old_count,
                    .new_first = p->new_first,
                    .new_count = p->new_count,
                    .moved = p->moved,
                    .similarity = p->sim};
    e.text_changed = align_lines(r, &e);
    if (!e.new_count) {
        e.status = DIFF_DELETED;
        e.new_first = 0;
    } else if (!e.old_count) {
        e.status = DIFF_INSERTED;
        e.old_first = 0;
    } else {
        e.renumbered =
            !diff_unit_labels_equal(&r->old.units[e.old_first], &r->new.units[e.new_first]);
        bool relabelled = e.renumbered;
        for (uint32_t k = 0; k < e.npairs; k++)
            relabelled |= r->pairs[e.first_pair + k].status == DIFF_RENUMBERED;
        if (e.old_count > 1)
            e.status = DIFF_MERGED;
        else if (e.new_count > 1)
            e.status = DIFF_SPLIT;
        else if (e.moved)
            e.status = DIFF_MOVED;
        else if (e.text_changed)
            e.status = DIFF_CHANGED;
        else if (relabelled)
            e.status = DIFF_RENUMBERED;
        else
            e.status = DIFF_UNCHANGED;
    }
    r->count[e.status]++;
    PL_GROW(r->entries, r->cap_entries, r->nentries + 1);
    r->entries[r->nentries++] = e;
}

void diff_compare(diff_result *r, const doc_document *old_doc, const doc_structure *old_st,
                  const doc_document *new_doc, const doc_structure *new_st)
{
    memset(r, 0, sizeof *r);
    arena_init(&r->mem);
    diff_version_build(&r->old, &r->mem, old_doc, old_st);
    diff_version_build(&r->new, &r->mem, new_doc, new_st);
    align_item *ia = unit_items(&r->old), *ib = unit_items(&r->new);
    align_pair *pairs;
    size_t np = diff_align(ia, r->old.nunits, ib, r->new.nunits, &UNIT_PARAMS, &pairs);
    for (size_t k = 0; k < np; k++)
        add_entry(r, &pairs[k]);
    free(pairs);
    free(ia);
    free(ib);
}

void diff_result_free(diff_result *r)
{
    diff_version_free(&r->old);
    diff_version_free(&r->new);
    free(r->entries);
    free(r->pairs);
    free(r->ops);
    arena_free(&r->mem);
    memset(r, 0, sizeof *r);
}

bool diff_result_differs(const diff_result *r)
{
    return r->nentries > r->count[DIFF_UNCHANGED];
}

const char *diff_status_name(diff_status s)
{
    static const char *const names[] = {"unchanged", "renumbered", "changed",  "moved",
                                        "split",     "merged",     "inserted", "deleted"};
    return s < DIFF_STATUS_COUNT ? names[s] : "unknown";
}

const char *diff_status_label(diff_status s, pl_lang lang)
{
    static const char *const ja[] = {"変更なし", "番号の変更", "変更", "移動",
                                     "分割",     "統合",       "追加", "削除"};
    static const char *const en[] = {"unchanged", "renumbered", "changed",  "moved",
                                     "split",     "merged",     "inserted", "deleted"};
    if (s >= DIFF_STATUS_COUNT) return "?";
    return lang == PL_LANG_EN ? en[s] : ja[s];
}

const char *diff_unit_kind_name(diff_unit_kind k)
{
    static const char *const names[] = {"article", "chapter",   "appendix",
                                        "heading", "paragraph", "table"};
    return k <= DIFF_UNIT_TABLE ? names[k] : "unknown";
}

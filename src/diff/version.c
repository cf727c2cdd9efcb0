/*
 * version.c - one version of a document made ready for comparison: cut into
 * units (articles, headings ...) and lines (paragraphs, table rows), each
 * with a comparison key.
 *
 * A unit is owned by a clause: a block belongs to the article around it if
 * there is one (so 項, 号, tables and the caption line travel with their
 * article), else to its innermost clause (a chapter or appendix heading, a
 * heading of a specification). Blocks outside every clause become units of
 * their own: each paragraph one, each table one, each worksheet one.
 *
 * A line's structural label (第３条, ２, （１）) is taken off its text, whether
 * Word drew it from numbering.xml or it was typed, so that automatic and
 * literal numbering compare alike and a renumbered article differs only in
 * its label. A label that is not structural (a bullet ・) stays part of the
 * text, again the same both ways.
 *
 * The key of a line is its text normalised for width and spacing, as code
 * points, each remembering the source bytes it came from; table cells are
 * normalised one by one and joined by DIFF_CELL_SEP, so a cell never runs
 * into the next. A unit's key is the sequence of its lines' keys.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "text/text.h"
#include "util/mem.h"
#include "util/utf8.h"

#define NORM_FLAGS (TEXT_NORM_WIDTH | TEXT_NORM_SPACE)
#define FNV_SEED 0xcbf29ce484222325ull

/* ---- hashing ----------------------------------------------------------- */

static uint64_t fnv_bytes(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

static uint32_t mix32(uint32_t x)
{
    x ^= x >> 16;
    x *= 0x7feb352du;
    x ^= x >> 15;
    x *= 0x846ca68bu;
    x ^= x >> 16;
    return x;
}

/* Bigram of two code points; a lone code point is a gram of its own. */
static uint32_t gram(uint32_t c1, uint32_t c2)
{
    return mix32(c1 * 0x9E3779B1u ^ mix32(c2 + 0x632BE5ABu));
}

static int cmp_u32(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return a < b ? -1 : a > b;
}

static void make_grams(diff_key *k, arena *mem, const uint32_t *cp, uint32_t n)
{
    uint32_t ng = n == 0 ? 0 : n == 1 ? 1 : n - 1;
    uint32_t *g = ng ? arena_alloc(mem, ng * sizeof *g) : NULL;
    if (n == 1) g[0] = gram(cp[0], 0x110000u);
    for (uint32_t i = 0; i + 1 < n; i++)
        g[i] = gram(cp[i], cp[i + 1]);
    if (ng > 1) qsort(g, ng, sizeof *g, cmp_u32);
    k->grams = g;
    k->ngrams = ng;
}

/* ---- the builder ----------------------------------------------------------- */

typedef struct u32buf {
    uint32_t *v;
    size_t n, cap;
} u32buf;

static void u32_push(u32buf *b, uint32_t x)
{
    PL_GROW(b->v, b->cap, b->n + 1);
    b->v[b->n++] = x;
}

typedef struct builder {
    diff_version *v;
    arena *mem;
    const doc_document *d;
    const doc_structure *s;
    text_norm nm;
    u32buf cp, ss, se; /* key being built */
    bool *label_used;  /* per clause: its label was found on a line */
    size_t cap_units, cap_lines;
    int64_t unit_owner; /* clause index, or a negative id outside clauses */
    bool have_unit;
    int64_t next_anon;
    /* the table row being assembled */
    sbuf row;
    bool in_row;
    uint32_t row_block, row_nblocks, row_last_col;
    const char *row_part, *row_sheet;
    uint32_t row_table, row_row, row_depth;
    doc_channel row_channel;
    /* the table outside clauses that the current unit holds */
    const char *anon_part, *anon_sheet;
    uint32_t anon_table;
    bool anon_is_table;
} builder;

static bool wanted(const doc_block *b)
{
    if (b->flags & (DOC_F_HIDDEN | DOC_F_SHEET_HIDDEN)) return false;
    return b->channel == DOC_CH_BODY || b->channel == DOC_CH_TABLE ||
           b->channel == DOC_CH_TEXTBOX || b->channel == DOC_CH_CELL;
}

static bool is_cell(const doc_block *b)
{
    return b->channel == DOC_CH_CELL || (b->channel == DOC_CH_TABLE && b->loc.row > 0);
}

static size_t sep_len(const char *s, size_t n)
{
    if (n >= 1 && (s[0] == ' ' || s[0] == '\t')) return 1;
    if (n >= 3 && memcmp(s, "\u3000", 3) == 0) return 3;
    return 0;
}

static size_t skip_seps(const char *s, size_t n)
{
    size_t i = 0, k;
    while (i < n && (k = sep_len(s + i, n - i)))
        i += k;
    return i;
}

/* s without its surrounding separators equals t? */
static bool same_trimmed(const char *s, const char *t)
{
    size_t n = strlen(s);
    size_t i = skip_seps(s, n);
    while (n > i && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    while (n >= i + 3 && memcmp(s + n - 3, "\u3000", 3) == 0)
        n -= 3;
    return n - i == strlen(t) && memcmp(s + i, t, n - i) == 0;
}

static bool hidden_at(const doc_block *b, size_t j)
{
    for (uint32_t k = 0; k < b->nmarks; k++)
        if (b->marks[k].kind == DOC_MARK_HIDDEN && b->marks[k].start <= j && j < b->marks[k].end)
            return true;
    return false;
}

/* Appends b's text from byte from, leaving out hidden runs (a reader does not
 * see them); tabs become spaces inside cells, where '\t' separates cells. */
static void append_visible(sbuf *out, const doc_block *b, size_t from, bool in_cell)
{
    bool any_hidden = false;
    for (uint32_t k = 0; k < b->nmarks; k++)
        any_hidden |= b->marks[k].kind == DOC_MARK_HIDDEN;
    if (!any_hidden && !in_cell) {
        if (from < b->len) sbuf_append(out, b->text + from, b->len - from);
        return;
    }
    for (size_t j = from; j < b->len; j++) {
        if (any_hidden && hidden_at(b, j)) continue;
        sbuf_putc(out, in_cell && b->text[j] == '\t' ? ' ' : b->text[j]);
    }
}

/* Normalised code points of text[p0..p1) appended to the key in progress,
 * with their source spans (offset by p0). */
static void key_piece(builder *B, const char *text, size_t p0, size_t p1)
{
    text_norm *nm = &B->nm;
    if (text_normalize(nm, text + p0, p1 - p0, NORM_FLAGS, NULL) != PL_OK) {
        /* far beyond any real paragraph: compare the characters as written */
        for (size_t i = p0; i < p1;) {
            uint32_t c;
            size_t k = utf8_decode(text + i, p1 - i, &c);
            if (!k) c = 0xFFFD, k = 1;
            u32_push(&B->cp, c);
            u32_push(&B->ss, (uint32_t)i);
            u32_push(&B->se, (uint32_t)(i + k));
            i += k;
        }
        return;
    }
    for (size_t i = 0; i < nm->len;) {
        uint32_t c;
        size_t k = utf8_decode(nm->text + i, nm->len - i, &c);
        if (!k) c = 0xFFFD, k = 1;
        u32_push(&B->cp, c);
        u32_push(&B->ss, (uint32_t)(p0 + nm->src_start[i]));
        u32_push(&B->se, (uint32_t)(p0 + nm->src_end[i]));
        i += k;
    }
}

static diff_key *finish_key(builder *B, bool table)
{
    diff_key *k = arena_alloc(B->mem, sizeof *k);
    uint32_t n = (uint32_t)B->cp.n;
    uint32_t *cp = arena_alloc(B->mem, (n + 1) * sizeof *cp);
    uint32_t *ss = arena_alloc(B->mem, (n + 1) * sizeof *ss);
    uint32_t *se = arena_alloc(B->mem, (n + 1) * sizeof *se);
    if (n) {
        memcpy(cp, B->cp.v, n * sizeof *cp);
        memcpy(ss, B->ss.v, n * sizeof *ss);
        memcpy(se, B->se.v, n * sizeof *se);
    }
    k->cp = cp;
    k->src_start = ss;
    k->src_end = se;
    k->n = n;
    uint64_t h = fnv_bytes(FNV_SEED, table ? "T" : "P", 1);
    k->hash = fnv_bytes(h, cp, n * sizeof *cp);
    make_grams(k, B->mem, cp, n);
    B->cp.n = B->ss.n = B->se.n = 0;
    return k;
}

static const char *normalised(builder *B, const char *s)
{
    if (!s) return NULL;
    if (text_normalize(&B->nm, s, strlen(s), NORM_FLAGS, NULL) != PL_OK)
        return arena_strdup(B->mem, s);
    return arena_strndup(B->mem, B->nm.text, B->nm.len);
}

/* ---- units ------------------------------------------------------------- */

static diff_unit_kind unit_kind(doc_clause_kind k)
{
    switch (k) {
    case DOC_CLAUSE_ARTICLE:
        return DIFF_UNIT_ARTICLE;
    case DOC_CLAUSE_CHAPTER:
        return DIFF_UNIT_CHAPTER;
    case DOC_CLAUSE_APPENDIX:
        return DIFF_UNIT_APPENDIX;
    default:
        return DIFF_UNIT_HEADING;
    }
}

static void open_unit(builder *B, int64_t owner, size_t block, diff_unit_kind anon_kind)
{
    diff_version *v = B->v;
    PL_GROW(v->units, B->cap_units, v->nunits + 1);
    diff_unit *u = &v->units[v->nunits++];
    memset(u, 0, sizeof *u);
    u->first_line = (uint32_t)v->nlines;
    u->first_block = u->last_block = (uint32_t)block;
    u->path = "";
    if (owner >= 0) {
        const doc_clause *c = &B->s->clauses[owner];
        u->kind = unit_kind(c->kind);
        u->path = c->path ? c->path : "";
        u->label = c->label;
        u->caption = c->caption;
        u->number = c->number;
        u->branch = c->branch;
        u->label_key = normalised(B, c->label);
        const char *cap = normalised(B, c->caption);
        if (cap) u->caption_hash = fnv_bytes(FNV_SEED, cap, strlen(cap)) | 1;
        const doc_clause *app = doc_structure_appendix(B->s, block);
        if (app && app->path) u->scope = fnv_bytes(FNV_SEED, app->path, strlen(app->path));
    } else {
        u->kind = anon_kind;
        const doc_block *b = &B->d->blocks[block];
        if (b->loc.sheet) u->path = u->caption = b->loc.sheet;
    }
    B->unit_owner = owner;
    B->have_unit = true;
}

static void push_line(builder *B, const diff_line *l)
{
    diff_version *v = B->v;
    PL_GROW(v->lines, B->cap_lines, v->nlines + 1);
    v->lines[v->nlines] = *l;
    v->lines[v->nlines].unit = (uint32_t)(v->nunits - 1);
    v->nlines++;
    diff_unit *u = &v->units[v->nunits - 1];
    u->nlines++;
    if (l->block + l->nblocks - 1 > u->last_block) u->last_block = l->block + l->nblocks - 1;
}

/* ---- lines ------------------------------------------------------------- */

static bool only_separators(const diff_key *k)
{
    for (uint32_t i = 0; i < k->n; i++)
        if (k->cp[i] != DIFF_CELL_SEP) return false;
    return true;
}

static void finish_row(builder *B)
{
    if (!B->in_row) return;
    B->in_row = false;
    sbuf *r = &B->row;
    while (r->len && r->data[r->len - 1] == '\t')
        sbuf_truncate(r, r->len - 1); /* empty last cells */
    const char *text = sbuf_cstr(r);
    size_t p0 = 0;
    for (size_t i = 0; i <= r->len; i++) {
        if (i < r->len && text[i] != '\t') continue;
        key_piece(B, text, p0, i);
        if (i < r->len) {
            u32_push(&B->cp, DIFF_CELL_SEP);
            u32_push(&B->ss, (uint32_t)i);
            u32_push(&B->se, (uint32_t)i + 1);
        }
        p0 = i + 1;
    }
    diff_key *k = finish_key(B, true);
    if (only_separators(k)) return; /* an empty row: layout, not content */
    diff_line l = {.block = B->row_block,
                   .nblocks = B->row_nblocks,
                   .table_row = true,
                   .key = k,
                   .label_kind = -1};
    l.text = arena_strndup(B->mem, text, r->len);
    l.len = (uint32_t)r->len;
    push_line(B, &l);
}

static void add_cell(builder *B, size_t i)
{
    const doc_block *b = &B->d->blocks[i];
    bool same_row = B->in_row && b->channel == B->row_channel && b->loc.part == B->row_part &&
                    b->loc.sheet == B->row_sheet && b->loc.table == B->row_table &&
                    b->loc.row == B->row_row && b->loc.table_depth == B->row_depth;
    uint32_t col = b->loc.col ? b->loc.col : 1;
    if (same_row) {
        if (col == B->row_last_col)
            sbuf_putc(&B->row, '\n'); /* another paragraph of the cell */
        else
            for (uint32_t k = col > B->row_last_col ? col - B->row_last_col : 1; k > 0; k--)
                sbuf_putc(&B->row, '\t');
    } else {
        finish_row(B);
        sbuf_reset(&B->row);
        B->in_row = true;
        B->row_block = (uint32_t)i;
        B->row_nblocks = 0;
        B->row_channel = b->channel;
        B->row_part = b->loc.part;
        B->row_sheet = b->loc.sheet;
        B->row_table = b->loc.table;
        B->row_row = b->loc.row;
        B->row_depth = b->loc.table_depth;
        for (uint32_t k = 1; k < col; k++)
            sbuf_putc(&B->row, '\t');
    }
    if (b->label) {
        sbuf_puts(&B->row, b->label);
        sbuf_putc(&B->row, ' ');
    }
    append_visible(&B->row, b, 0, true);
    B->row_last_col = col;
    B->row_nblocks = (uint32_t)(i - B->row_block + 1);
}

static void add_paragraph(builder *B, size_t i)
{
    const doc_block *b = &B->d->blocks[i];
    const doc_structure *s = B->s;
    int cidx = i < s->nblocks ? s->block_clause[i] : -1;
    const doc_clause *c = cidx >= 0 ? &s->clauses[cidx] : NULL;
    const char *label = NULL;
    size_t skip = 0;
    if (c && c->label && !B->label_used[cidx] && b->channel == DOC_CH_BODY) {
        if (b->label) {
            if (same_trimmed(b->label, c->label)) label = b->label;
        } else {
            size_t lead = skip_seps(b->text, b->len), ll = strlen(c->label);
            if (b->len - lead >= ll && memcmp(b->text + lead, c->label, ll) == 0) {
                label = c->label;
                skip = lead + ll;
                skip += skip_seps(b->text + skip, b->len - skip);
            }
        }
        if (label) B->label_used[cidx] = true;
    }
    sbuf t = SBUF_INIT;
    if (b->label && !label) {
        sbuf_puts(&t, b->label);
        if (b->label_suffix) sbuf_putc(&t, ' ');
    }
    append_visible(&t, b, skip, false);
    key_piece(B, sbuf_cstr(&t), 0, t.len);
    diff_key *k = finish_key(B, false);
    if (k->n == 0 && !label) { /* an empty paragraph is spacing, not content */
        sbuf_free(&t);
        return;
    }
    diff_line l = {.block = (uint32_t)i, .nblocks = 1, .key = k, .label_kind = -1};
    l.text = arena_strndup(B->mem, sbuf_cstr(&t), t.len);
    l.len = (uint32_t)t.len;
    if (label) {
        /* trimmed as the clause keeps it */
        size_t n = strlen(label), a = skip_seps(label, n);
        while (n > a && (label[n - 1] == ' ' || label[n - 1] == '\t'))
            n--;
        l.label = arena_strndup(B->mem, label + a, n - a);
        l.label_key = normalised(B, l.label);
        l.label_kind = (int)c->kind;
        l.label_number = c->number;
        l.label_branch = c->branch;
    }
    sbuf_free(&t);
    push_line(B, &l);
}

/* The clause whose unit block i belongs to: the article around it, else its
 * innermost clause; -1 outside clauses. */
static int64_t clause_owner(const builder *B, size_t i)
{
    const doc_structure *s = B->s;
    int idx = i < s->nblocks ? s->block_clause[i] : -1;
    if (idx < 0) return -1;
    for (int p = idx; p >= 0; p = s->clauses[p].parent)
        if (s->clauses[p].kind == DOC_CLAUSE_ARTICLE) return p;
    return idx;
}

static void add_block(builder *B, size_t i)
{
    const doc_block *b = &B->d->blocks[i];
    bool cell = is_cell(b);
    int64_t owner = clause_owner(B, i);
    diff_unit_kind anon_kind = DIFF_UNIT_PARAGRAPH;
    if (owner < 0) {
        if (cell) {
            bool same_table = B->have_unit && B->unit_owner < 0 && B->anon_is_table &&
                              b->loc.part == B->anon_part && b->loc.sheet == B->anon_sheet &&
                              (b->loc.sheet || b->loc.table == B->anon_table);
            owner = same_table ? B->unit_owner : --B->next_anon;
            anon_kind = DIFF_UNIT_TABLE;
        } else {
            owner = --B->next_anon;
        }
    }
    if (!B->have_unit || owner != B->unit_owner) {
        finish_row(B);
        open_unit(B, owner, i, anon_kind);
        B->anon_is_table = owner < 0 && cell;
        B->anon_part = b->loc.part;
        B->anon_sheet = b->loc.sheet;
        B->anon_table = b->loc.table;
    }
    if (cell) {
        add_cell(B, i);
    } else {
        finish_row(B);
        add_paragraph(B, i);
    }
}

static void unit_keys(builder *B)
{
    diff_version *v = B->v;
    for (size_t u = 0; u < v->nunits; u++) {
        diff_unit *un = &v->units[u];
        B->cp.n = 0;
        uint64_t h = FNV_SEED;
        for (uint32_t l = un->first_line; l < un->first_line + un->nlines; l++) {
            const diff_key *lk = v->lines[l].key;
            h = fnv_bytes(h, &lk->hash, sizeof lk->hash);
            for (uint32_t k = 0; k < lk->n; k++)
                u32_push(&B->cp, lk->cp[k]);
        }
        diff_key *k = arena_alloc(B->mem, sizeof *k);
        k->n = (uint32_t)B->cp.n;
        k->hash = h;
        make_grams(k, B->mem, B->cp.v, k->n);
        un->key = k;
    }
    B->cp.n = 0;
}

void diff_version_build(diff_version *v, arena *mem, const doc_document *d, const doc_structure *s)
{
    memset(v, 0, sizeof *v);
    v->doc = d;
    builder B = {.v = v, .mem = mem, .d = d, .s = s};
    text_norm_init(&B.nm);
    B.label_used = pl_xcalloc(s->nclauses + 1, sizeof *B.label_used);
    for (size_t i = 0; i < d->nblocks; i++)
        if (wanted(&d->blocks[i])) add_block(&B, i);
    finish_row(&B);
    /* a unit that ended up without lines (an empty heading) keeps nothing to compare */
    size_t w = 0;
    for (size_t u = 0; u < v->nunits; u++) {
        if (v->units[u].nlines == 0) continue;
        for (uint32_t l = v->units[u].first_line; l < v->units[u].first_line + v->units[u].nlines;
             l++)
            v->lines[l].unit = (uint32_t)w;
        v->units[w++] = v->units[u];
    }
    v->nunits = w;
    unit_keys(&B);
    free(B.label_used);
    free(B.cp.v);
    free(B.ss.v);
    free(B.se.v);
    sbuf_free(&B.row);
    text_norm_free(&B.nm);
}

void diff_version_free(diff_version *v)
{
    free(v->units);
    free(v->lines);
    memset(v, 0, sizeof *v);
}

/* ---- labels -------------------------------------------------------------- */

/* 第一条 and 第1条 are one label written two ways; (1) and 一 are not. */
static bool numbered_kind(int kind)
{
    return kind == DOC_CLAUSE_ARTICLE || kind == DOC_CLAUSE_CHAPTER ||
           kind == DOC_CLAUSE_PARAGRAPH || kind == DOC_CLAUSE_APPENDIX;
}

bool diff_labels_equal(const diff_line *a, const diff_line *b)
{
    if (!a->label || !b->label) return !a->label && !b->label;
    if (strcmp(a->label_key, b->label_key) == 0) return true;
    return a->label_kind == b->label_kind && numbered_kind(a->label_kind) && a->label_number != 0 &&
           a->label_number == b->label_number && a->label_branch == b->label_branch;
}

bool diff_unit_labels_equal(const diff_unit *a, const diff_unit *b)
{
    if (!a->label || !b->label) return !a->label && !b->label;
    if (strcmp(a->label_key, b->label_key) == 0) return true;
    return a->kind == b->kind &&
           (a->kind == DIFF_UNIT_ARTICLE || a->kind == DIFF_UNIT_CHAPTER ||
            a->kind == DIFF_UNIT_APPENDIX) &&
           a->number != 0 && a->number == b->number && a->branch == b->branch;
}

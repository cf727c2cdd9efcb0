/*
 * checks_lifecycle.c - products against their support end dates.
 *
 * In text (specifications): every product the document names, compared with
 * the reference date (spec.eol) or with the end of the contract or lease term
 * the document states (spec.eol-in-term). In tables (ledgers): the header row
 * is recognised by the column synonyms of the rule, then each row's product
 * cell is compared with the reference date (ledger.eol) or with the row's own
 * start date plus term (ledger.eol-in-term). A product named without a
 * decidable version is reported as such, never guessed.
 */
#include <stdio.h>
#include <string.h>

#include "engine.h"
#include "util/mem.h"

enum { MAX_MENTIONS = 32, MAX_ROWS_SCANNED_FOR_HEADER = 20 };

typedef struct tally {
    size_t decided, broken, undecided;
} tally;

static void product_evidence(eval *ev, uint32_t eb, const rules_mention *m, bool broken,
                             text_ymd limit)
{
    rules_evidence *e = engine_evidence_block(ev, broken ? EVIDENCE_VIOLATION : EVIDENCE_PRODUCT,
                                              eb, m->span, NULL);
    if (!e) return;
    sbuf name = SBUF_INIT;
    sbuf_printf(&name, "%s %s", m->product->product, m->product->version);
    e->product = arena_strdup(ev->mem, sbuf_cstr(&name));
    sbuf_free(&name);
    e->date = m->product->end;
    e->limit_date = limit;
    if (broken) e->kind = EVIDENCE_VIOLATION;
}

static void undecided_evidence(eval *ev, uint32_t eb, const rules_mention *m)
{
    rules_evidence *e = engine_evidence_block(ev, EVIDENCE_UNDECIDED, eb, m->span, NULL);
    if (e) e->product = m->product->product;
}

/* Judges one mention against the limit date. A product named without a
 * version is decided only when all its versions agree: the line is
 * discontinued, every version having ended before the limit and before the
 * reference date (bare "CentOS" in 2026), or every version is supported past
 * the limit. A line still being released ("Microsoft Office" on a lease
 * ending after the last known version's end) may get a version that is not
 * in the data yet, so it cannot be decided. */
static void judge(eval *ev, uint32_t eb, const rules_mention *m, text_ymd limit, tally *t)
{
    const rules_product *p = m->product;
    if (strcmp(p->version, "*") == 0) {
        bool all_ended = p->latest.year && text_ymd_cmp(p->latest, limit) < 0 &&
                         text_ymd_cmp(p->latest, ev->ctx->as_of) < 0;
        bool all_live = p->end.year && text_ymd_cmp(p->end, limit) >= 0;
        if (!all_ended && !all_live) {
            t->undecided++;
            undecided_evidence(ev, eb, m);
            return;
        }
        t->decided++;
        if (all_ended) t->broken++;
        rules_mention latest = *m;
        rules_product shown = *p;
        shown.version = all_ended ? "(全バージョン)" : "";
        shown.end = all_ended ? p->latest : p->end;
        latest.product = &shown;
        product_evidence(ev, eb, &latest, all_ended, limit);
        return;
    }
    t->decided++;
    bool broken = text_ymd_cmp(p->end, limit) < 0;
    if (broken) t->broken++;
    product_evidence(ev, eb, m, broken, limit);
}

static void conclude(eval *ev, const tally *t)
{
    /* one product that cannot be decided keeps the document from passing:
     * a ledger with a "Windows（バージョン不明）" row is not known to be clean */
    if (t->broken) {
        ev->res->state = RULES_FAIL;
    } else if (t->undecided) {
        ev->res->state = RULES_STATE_ERROR;
        engine_detail(ev, "製品名にバージョンがなく、サポート期限を判定できません",
                      "a product is named without a version, so its support end cannot be decided");
    } else if (t->decided) {
        ev->res->state = RULES_PASS;
    } else {
        ev->res->state = RULES_NOTAPPLICABLE;
        engine_detail(ev, "サポート期限のある製品名の記載がありません",
                      "no product with a known support end is named");
    }
}

/* ---- the document's own term ------------------------------------------------- */

static bool is_term_label(const char *s, size_t n)
{
    static const char *const labels[] = {"契約期間", "賃貸借期間", "リース期間", "借入期間",
                                         "使用期間", "履行期間", "保守期間", "委託期間",
                                         "運用期間", "利用期間", "業務期間", "期間"};
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
        size_t k = strlen(labels[i]);
        for (size_t j = 0; j + k <= n; j++)
            if (memcmp(s + j, labels[i], k) == 0) return true;
    }
    return false;
}

/* The last day of the term the document states: a labelled period
 * (契約期間, リース期間 ...) if any, else the longest bounded period. */
static bool document_term(eval *ev, text_ymd *last, uint32_t *where, text_span *span)
{
    const eprepared *p = ev->prep;
    bool found = false, labelled = false;
    long best_len = -1;
    for (uint32_t i = 0; i < p->nblocks; i++) {
        if (!ev->in_scope[i]) continue;
        const eblock *b = &p->blocks[i];
        text_period per[8];
        size_t n = text_find_periods(b->norm.text, b->norm.len, per, 8);
        for (size_t k = 0; k < n && k < 8; k++) {
            text_ymd first, end;
            if (!text_period_bounds(&per[k], &first, &end)) continue;
            bool lab = (per[k].label.end > per[k].label.start &&
                        is_term_label(b->norm.text + per[k].label.start,
                                      per[k].label.end - per[k].label.start)) ||
                       is_term_label(b->norm.text, per[k].span.start);
            long len = text_ymd_to_days(end) - text_ymd_to_days(first);
            if ((lab && !labelled) || (lab == labelled && len > best_len)) {
                labelled = lab;
                best_len = len;
                *last = end;
                *where = i;
                *span = per[k].span;
                found = true;
            }
        }
    }
    return found;
}

/* ---- in text ---------------------------------------------------------------- */

static void lifecycle_text(eval *ev)
{
    const rule_check *ck = &ev->rule->check;
    text_ymd limit = ev->ctx->as_of;
    if (ck->against_term) {
        uint32_t where;
        text_span span;
        if (!document_term(ev, &limit, &where, &span)) {
            ev->res->state = RULES_NOTAPPLICABLE;
            engine_detail(ev, "契約期間・リース期間の記載が見つかりません",
                          "no contract or lease term is stated");
            return;
        }
        rules_evidence *e = engine_evidence_block(ev, EVIDENCE_VALUE, where, span, NULL);
        if (e) e->date = limit;
    }
    tally t = {0};
    const eprepared *p = ev->prep;
    rules_mention m[MAX_MENTIONS];
    for (uint32_t i = 0; i < p->nblocks; i++) {
        if (!ev->in_scope[i]) continue;
        const eblock *b = &p->blocks[i];
        size_t n = rules_lifecycle_find(ev->ctx->lifecycle, ev->w, b->norm.text, b->norm.len, m,
                                        MAX_MENTIONS);
        for (size_t k = 0; k < n && k < MAX_MENTIONS; k++) {
            if (ck->ignore.n &&
                engine_matchset_unit(ev, &ck->ignore, engine_sentence_unit(ev, i, m[k].span),
                                     NULL))
                continue;
            judge(ev, i, &m[k], limit, &t);
        }
    }
    conclude(ev, &t);
}

/* ---- in tables ----------------------------------------------------------------- */

typedef struct grid_cell {
    uint32_t row, col, eb;
} grid_cell;

typedef struct grid {
    grid_cell *cells;
    size_t n, cap;
    uint32_t rows;
} grid;

static int cmp_cells(const void *a, const void *b)
{
    const grid_cell *x = a, *y = b;
    if (x->row != y->row) return x->row < y->row ? -1 : 1;
    if (x->col != y->col) return x->col < y->col ? -1 : 1;
    return x->eb < y->eb ? -1 : x->eb > y->eb;
}

/* Sorts the cells by position and keeps the first block of each (a DOCX
 * cell of several paragraphs is read by its first), so that cell_at is a
 * binary search: a 20,000-row ledger must not cost a scan per cell. */
static void grid_index(grid *g)
{
    qsort(g->cells, g->n, sizeof *g->cells, cmp_cells);
    size_t k = 0;
    for (size_t i = 0; i < g->n; i++)
        if (!k || g->cells[k - 1].row != g->cells[i].row || g->cells[k - 1].col != g->cells[i].col)
            g->cells[k++] = g->cells[i];
    g->n = k;
}

static uint32_t cell_at(const grid *g, uint32_t row, uint32_t col)
{
    size_t lo = 0, hi = g->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const grid_cell *c = &g->cells[mid];
        if (c->row < row || (c->row == row && c->col < col)) lo = mid + 1;
        else hi = mid;
    }
    if (lo < g->n && g->cells[lo].row == row && g->cells[lo].col == col) return g->cells[lo].eb;
    return UINT32_MAX;
}

static bool header_matches(eval *ev, const rule_column *c, const eblock *b)
{
    size_t ms, me;
    for (size_t h = 0; h < c->nheaders; h++)
        if (pattern_find(c->headers[h], ev->w->scratch, b->norm.text, b->norm.len, 0, &ms, &me) ==
            PATTERN_MATCH)
            return true;
    return false;
}

/* Finds the header row and the column of each role (0: absent). */
static uint32_t find_header(eval *ev, const grid *g, uint32_t cols[COLUMN_ROLE_COUNT])
{
    const rule_check *ck = &ev->rule->check;
    for (uint32_t row = 1; row <= g->rows && row <= MAX_ROWS_SCANNED_FOR_HEADER; row++) {
        uint32_t found[COLUMN_ROLE_COUNT] = {0};
        for (size_t i = 0; i < g->n && g->cells[i].row <= row; i++) {
            if (g->cells[i].row != row) continue;
            const eblock *b = &ev->prep->blocks[g->cells[i].eb];
            if (b->norm.len > 60) continue; /* headers are short */
            for (size_t c = 0; c < ck->ncolumns; c++)
                if (!found[ck->columns[c].role] && header_matches(ev, &ck->columns[c], b))
                    found[ck->columns[c].role] = g->cells[i].col;
        }
        if (found[COLUMN_PRODUCT]) {
            memcpy(cols, found, sizeof found);
            return row;
        }
    }
    return 0;
}

static bool cell_date(eval *ev, uint32_t eb, text_ymd *out)
{
    const eblock *b = &ev->prep->blocks[eb];
    const doc_block *blk = engine_doc_block(ev->prep, eb);
    if (blk->iso && strlen(blk->iso) >= 10) {
        int y, m, d;
        if (sscanf(blk->iso, "%4d-%2d-%2d", &y, &m, &d) == 3) {
            *out = (text_ymd){y, m, d};
            return text_ymd_valid(*out);
        }
    }
    text_date dt;
    if (text_find_dates(b->norm.text, b->norm.len, &dt, 1) >= 1 && dt.prec == TEXT_PREC_DAY) {
        *out = dt.ymd;
        return true;
    }
    return false;
}

/* A term cell: 60 (months or years by the header), 5年, 60か月, 1年6か月. */
static bool cell_term(eval *ev, uint32_t eb, uint32_t header_eb, text_duration *d)
{
    const eblock *b = &ev->prep->blocks[eb];
    memset(d, 0, sizeof *d);
    text_period per;
    if (text_find_periods(b->norm.text, b->norm.len, &per, 1) >= 1 &&
        (per.has & TEXT_PERIOD_DURATION)) {
        *d = per.dur;
        return true;
    }
    if (text_parse_duration(b->norm.text, b->norm.len, d)) return true;
    /* a bare number takes its unit from the header (リース期間（年）),
     * else months */
    int64_t v;
    size_t used = text_kanji_number(b->norm.text, b->norm.len, &v);
    if (!used || v <= 0 || v > 1200) return false;
    bool years = false;
    if (header_eb != UINT32_MAX) {
        const eblock *h = &ev->prep->blocks[header_eb];
        years = strstr(h->norm.text, "年") && !strstr(h->norm.text, "月");
    }
    if (years) d->years = (int)v;
    else d->months = (int)v;
    return true;
}

static void judge_row(eval *ev, const grid *g, uint32_t header, uint32_t row, const uint32_t cols[],
                      tally *t)
{
    const rule_check *ck = &ev->rule->check;
    uint32_t pe = cell_at(g, row, cols[COLUMN_PRODUCT]);
    if (pe == UINT32_MAX) return;
    const eblock *b = &ev->prep->blocks[pe];
    rules_mention m[4];
    size_t n = rules_lifecycle_find(ev->ctx->lifecycle, ev->w, b->norm.text, b->norm.len, m, 4);
    if (!n) return;
    text_ymd limit = ev->ctx->as_of;
    if (ck->against_term) {
        text_ymd start, end;
        uint32_t se = cols[COLUMN_START] ? cell_at(g, row, cols[COLUMN_START]) : UINT32_MAX;
        uint32_t ee = cols[COLUMN_END] ? cell_at(g, row, cols[COLUMN_END]) : UINT32_MAX;
        uint32_t te = cols[COLUMN_TERM] ? cell_at(g, row, cols[COLUMN_TERM]) : UINT32_MAX;
        text_duration d;
        if (ee != UINT32_MAX && cell_date(ev, ee, &end)) {
            limit = end;
        } else if (se != UINT32_MAX && te != UINT32_MAX && cell_date(ev, se, &start) &&
                   cell_term(ev, te, cell_at(g, header, cols[COLUMN_TERM]), &d) &&
                   text_period_end(start, d, TEXT_COUNT_FROM_START, &end)) {
            limit = end;
        } else {
            return; /* this row states no term */
        }
    }
    judge(ev, pe, &m[0], limit, t);
}

static void lifecycle_table(eval *ev)
{
    const eprepared *p = ev->prep;
    tally t = {0};
    bool any_header = false;
    for (uint32_t i = 0; i < p->nblocks;) {
        const eblock *first = &p->blocks[i];
        const doc_block *fb = engine_doc_block(p, i);
        if (!ev->in_scope[i] || !(fb->kind == DOC_BLOCK_CELL || fb->loc.table)) {
            i++;
            continue;
        }
        /* gather one table (or sheet) */
        grid g = {0};
        uint32_t j = i;
        for (; j < p->nblocks; j++) {
            const eblock *b = &p->blocks[j];
            const doc_block *bb = engine_doc_block(p, j);
            if (b->member != first->member || !engine_same_table(bb, fb)) break;
            if (!ev->in_scope[j]) continue;
            PL_GROW(g.cells, g.cap, g.n + 1);
            g.cells[g.n++] = (grid_cell){bb->loc.row, bb->loc.col, j};
            if (bb->loc.row > g.rows) g.rows = bb->loc.row;
        }
        grid_index(&g);
        uint32_t cols[COLUMN_ROLE_COUNT];
        uint32_t header = find_header(ev, &g, cols);
        if (header) {
            any_header = true;
            for (uint32_t row = header + 1; row <= g.rows; row++)
                judge_row(ev, &g, header, row, cols, &t);
        }
        free(g.cells);
        i = j > i ? j : i + 1;
    }
    if (!any_header && !t.decided) {
        ev->res->state = RULES_NOTAPPLICABLE;
        engine_detail(ev, "OS・ソフトウェアの列を持つ表が見つかりません",
                      "no table with an OS or software column was found");
        return;
    }
    conclude(ev, &t);
}

void check_lifecycle(eval *ev)
{
    if (!ev->ctx->lifecycle) {
        ev->res->state = RULES_STATE_ERROR;
        engine_detail(ev, "サポート期限のデータが読み込まれていません",
                      "no support lifecycle data is loaded");
        return;
    }
    if (ev->rule->check.from_table)
        lifecycle_table(ev);
    else
        lifecycle_text(ev);
}

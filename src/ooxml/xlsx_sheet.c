/*
 * xlsx_sheet.c - one worksheet, streamed row by row into cell blocks.
 *
 * This is the hot path of the XLSX reader: a 20,000-row ledger is a few
 * hundred thousand <c> elements, and the budget is a small factor over
 * what libxml2 needs to parse them. So nothing here allocates per cell:
 * the value and inline-string buffers are reused, a style's format was
 * compiled once (xlsx_styles_fmt), numbers are rendered into a fixed buffer,
 * and shared strings are handed to the sink straight from the table.
 *
 * A cell is emitted at its </c>, when its type, style, value, formula flag
 * and inline string are all known. Rows and cells without an r attribute
 * take the next position. Hidden columns come from <cols>, which precedes
 * <sheetData>; hidden rows from the row itself. <headerFooter> follows the
 * cells and is collected here for xlsx_extras.c; merged ranges, which also
 * follow the cells, were found beforehand by xlsx_merge.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"
#include "xlsx_internal.h"

enum { SHEET_MAX_COL = 16384 };

typedef struct sheet_ctx {
    xlsx_book *bk;
    const xlsx_sheet_ref *sh;

    bool in_row, in_c, in_v, in_is, in_t;
    int rph; /* depth inside <rPh> of an inline string */
    uint32_t row, col;
    uint32_t row_flags;

    /* the cell being read */
    char type; /* s S(tr) i(nlineStr) n b e d */
    uint32_t style;
    bool has_f, has_v, has_is;
    size_t t_start;
    sbuf v, is, out;

    uint8_t hidden_cols[SHEET_MAX_COL / 8 + 1];
    xlsx_merges merges;
    xlsx_hf hf;
    numfmt_result res;
    /* The block handed to the sink. Its constant fields are set once per
     * sheet and emit_cell writes only what varies: clearing a 280-byte
     * struct per cell showed up in profiles of large ledgers. */
    doc_block b;
} sheet_ctx;

/* ---- columns -------------------------------------------------------------- */

/* Whole bytes at a time: a hostile sheet may repeat <col min="1"
 * max="16384" hidden="1"/> many times. */
static void hide_cols(sheet_ctx *c, long long min, long long max)
{
    if (min < 1) min = 1;
    if (max > SHEET_MAX_COL) max = SHEET_MAX_COL;
    long long k = min;
    for (; k <= max && (k & 7); k++)
        c->hidden_cols[k >> 3] |= (uint8_t)(1u << (k & 7));
    if (max - k >= 8) {
        size_t bytes = (size_t)((max - k + 1) >> 3);
        memset(c->hidden_cols + (k >> 3), 0xFF, bytes);
        k += (long long)bytes * 8;
    }
    for (; k <= max; k++)
        c->hidden_cols[k >> 3] |= (uint8_t)(1u << (k & 7));
}

static bool col_hidden(const sheet_ctx *c, uint32_t col)
{
    return col <= SHEET_MAX_COL && (c->hidden_cols[col >> 3] & (1u << (col & 7)));
}

/* ---- values --------------------------------------------------------------- */

static bool parse_uint(const char *s, size_t n, size_t *out)
{
    size_t v = 0;
    while (n && (*s == ' '))
        s++, n--;
    while (n && s[n - 1] == ' ')
        n--;
    if (n == 0 || n > 12) return false;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (size_t)(s[i] - '0');
    }
    *out = v;
    return true;
}

static bool digits(const char *s, size_t n, int *out)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

/* An ISO 8601 value of a t="d" cell: date, date and time, or time alone.
 * *has_date / *has_time tell which parts were present. */
static bool parse_iso(const char *s, size_t n, int *y, int *mo, int *d, int *h, int *mi,
                      double *sec, bool *has_date, bool *has_time)
{
    *y = 1899, *mo = 12, *d = 30, *h = 0, *mi = 0, *sec = 0;
    *has_date = *has_time = false;
    size_t i = 0;
    if (n >= 10 && s[4] == '-' && s[7] == '-') {
        if (!digits(s, 4, y) || !digits(s + 5, 2, mo) || !digits(s + 8, 2, d)) return false;
        if (*mo < 1 || *mo > 12 || *d < 1 || *d > 31) return false;
        *has_date = true;
        i = 10;
        if (i < n && (s[i] == 'T' || s[i] == ' ')) i++;
    }
    if (i + 5 <= n && s[i + 2] == ':') {
        if (!digits(s + i, 2, h) || !digits(s + i + 3, 2, mi)) return false;
        i += 5;
        if (i + 3 <= n && s[i] == ':') {
            int whole;
            if (!digits(s + i + 1, 2, &whole)) return false;
            *sec = whole;
            i += 3;
            if (i < n && s[i] == '.') {
                double scale = 0.1;
                for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++, scale /= 10)
                    *sec += (s[i] - '0') * scale;
            }
        }
        if (*h > 24 || *mi > 59 || *sec >= 61) return false;
        *has_time = true;
    }
    /* a zone designator (Z, +09:00) is accepted and ignored: Excel has none */
    if (i < n && !(s[i] == 'Z' || s[i] == '+' || s[i] == '-')) return false;
    return *has_date || *has_time;
}

/* t="d" (written by openpyxl and some converters): the stored ISO text goes
 * through the cell's format like a serial would. With General, Excel would
 * show the serial number; the ISO text is what the file says and is more
 * use to a reader of extracted text, so it is shown instead. */
static void date_cell(sheet_ctx *c, const xlsx_fmt *fmt, doc_block *b)
{
    const char *raw = sbuf_cstr(&c->v);
    size_t n = c->v.len;
    int y, mo, d, h, mi;
    double sec;
    bool hd, ht;
    b->raw = raw;
    if (!parse_iso(raw, n, &y, &mo, &d, &h, &mi, &sec, &hd, &ht)) {
        b->text = raw, b->len = (uint32_t)n, b->value_type = DOC_VAL_STRING;
        return;
    }
    bool d1904 = c->bk->date1904;
    double serial = hd ? numfmt_serial_from_civil(y, mo, d, h, mi, sec, d1904)
                       : (h * 3600.0 + mi * 60.0 + sec) / 86400.0;
    if (fmt->nf && numfmt_render(fmt->nf, NULL, 0, serial, d1904, &c->res) &&
        c->res.kind != NUMFMT_NUMBER) {
        b->text = c->res.text, b->len = (uint32_t)c->res.len;
        b->value_type = c->res.kind == NUMFMT_DATE       ? DOC_VAL_DATE
                        : c->res.kind == NUMFMT_DATETIME ? DOC_VAL_DATETIME
                                                         : DOC_VAL_TIME;
        b->iso = c->res.iso[0] ? c->res.iso : NULL;
        return;
    }
    char *iso = c->res.iso;
    int s = (int)sec;
    if (hd && ht) {
        snprintf(iso, sizeof c->res.iso, "%04d-%02d-%02dT%02d:%02d:%02d", y, mo, d, h, mi, s);
        b->value_type = DOC_VAL_DATETIME;
    } else if (hd) {
        snprintf(iso, sizeof c->res.iso, "%04d-%02d-%02d", y, mo, d);
        b->value_type = DOC_VAL_DATE;
    } else {
        snprintf(iso, sizeof c->res.iso, "%02d:%02d:%02d", h, mi, s);
        b->value_type = DOC_VAL_TIME;
    }
    b->iso = iso;
    b->text = raw, b->len = (uint32_t)n;
}

static void number_cell(sheet_ctx *c, const xlsx_fmt *fmt, doc_block *b)
{
    const char *raw = sbuf_cstr(&c->v);
    b->raw = raw;
    bool ok = fmt->nf ? numfmt_render(fmt->nf, raw, c->v.len, 0, c->bk->date1904, &c->res)
                      : numfmt_general(raw, c->v.len, 0, &c->res);
    if (!ok) {
        /* not a number after all: show what is stored */
        b->text = raw, b->len = (uint32_t)c->v.len, b->value_type = DOC_VAL_STRING;
        return;
    }
    b->text = c->res.text;
    b->len = (uint32_t)c->res.len;
    switch (c->res.kind) {
    case NUMFMT_DATE:
        b->value_type = DOC_VAL_DATE;
        break;
    case NUMFMT_DATETIME:
        b->value_type = DOC_VAL_DATETIME;
        break;
    case NUMFMT_TIME:
        b->value_type = DOC_VAL_TIME;
        break;
    default:
        b->value_type = DOC_VAL_NUMBER;
        break;
    }
    if (c->res.iso[0]) b->iso = c->res.iso;
}

/* Text through a format with a text section (e.g. "Re: "@). */
static void text_through(sheet_ctx *c, const xlsx_fmt *fmt, doc_block *b)
{
    if (!fmt->text) return;
    size_t cap = (size_t)b->len + NUMFMT_MAX_OUT + 1;
    sbuf_reset(&c->out);
    sbuf_reserve(&c->out, cap);
    size_t n = numfmt_render_text(fmt->nf, b->text, b->len, c->out.data, cap);
    c->out.len = n;
    b->text = c->out.data;
    b->len = (uint32_t)n;
}

/* ---- one cell ------------------------------------------------------------- */

static void emit_cell(xs_parser *p, sheet_ctx *c)
{
    xlsx_book *bk = c->bk;
    if (!c->has_v && !c->has_is && !c->has_f) return; /* styled but empty */
    const xlsx_fmt *fmt = xlsx_styles_fmt(&bk->styles, c->style);
    doc_block *b = &c->b;
    b->loc.row = c->row;
    b->loc.col = c->col;
    b->flags = c->sh->flags | c->row_flags;
    b->text = "";
    b->len = 0;
    b->value_type = DOC_VAL_STRING;
    b->raw = NULL;
    b->iso = NULL;
    b->number_format = fmt->code;
    if (col_hidden(c, c->col)) b->flags |= DOC_F_COL_HIDDEN;
    if (c->has_f) b->flags |= DOC_F_FORMULA;
    if (c->merges.n && xlsx_merges_has(&c->merges, c->row, c->col)) b->flags |= DOC_F_MERGED;

    bool value = c->has_v && (c->v.len > 0 || c->type == 'S');
    /* <is> without t="inlineStr" is invalid, but its text is still text */
    if (c->has_is && (c->type == 'i' || !c->has_v)) {
        b->text = sbuf_cstr(&c->is), b->len = (uint32_t)c->is.len;
        text_through(c, fmt, b);
    } else if (!value && !(c->type == 'i' && c->has_v)) {
        if (!c->has_f) return;
        b->flags |= DOC_F_NO_CACHED;
        b->value_type = DOC_VAL_NONE;
    } else {
        switch (c->type) {
        case 's': {
            size_t idx;
            uint32_t len;
            const char *s =
                parse_uint(c->v.data, c->v.len, &idx) ? xlsx_sst_get(&bk->sst, idx, &len) : NULL;
            if (!s) {
                doc_info_warn(bk->info, "SST_INDEX", c->sh->part,
                              "a cell refers to a shared string that does not exist");
                return;
            }
            b->text = s, b->len = len;
            text_through(c, fmt, b);
            break;
        }
        case 'S':
        case 'i':
            b->text = sbuf_cstr(&c->v), b->len = (uint32_t)c->v.len;
            text_through(c, fmt, b);
            break;
        case 'b':
            b->raw = sbuf_cstr(&c->v);
            b->value_type = DOC_VAL_BOOL;
            if (strcmp(b->raw, "1") == 0 || strcmp(b->raw, "true") == 0)
                b->text = "TRUE", b->len = 4;
            else if (strcmp(b->raw, "0") == 0 || strcmp(b->raw, "false") == 0)
                b->text = "FALSE", b->len = 5;
            else
                b->text = b->raw, b->len = (uint32_t)c->v.len;
            break;
        case 'e':
            b->raw = b->text = sbuf_cstr(&c->v);
            b->len = (uint32_t)c->v.len;
            b->value_type = DOC_VAL_ERROR;
            break;
        case 'd':
            date_cell(c, fmt, b);
            break;
        default:
            number_cell(c, fmt, b);
            break;
        }
    }
    /* an empty string is an empty cell unless a formula produced it */
    if (b->len == 0 && b->value_type == DOC_VAL_STRING && !c->has_f) return;

    if (bk->info->cells >= bk->opt->limits.max_cells) {
        pl_error_set(bk->err, PL_E_LIMIT, c->sh->part, "cells");
        bk->err->value = (long long)bk->info->cells + 1;
        bk->err->limit = (long long)bk->opt->limits.max_cells;
        xs_abort(p, PL_E_LIMIT, NULL);
        return;
    }
    bk->info->cells++;
    if (!xlsx_emit(bk, b)) xs_abort(p, PL_OK, NULL);
}

/* ---- SAX callbacks -------------------------------------------------------- */

static void start_cell(sheet_ctx *c, const xs_attr *at, int n)
{
    c->in_c = true;
    c->has_f = c->has_v = c->has_is = false;
    c->type = 'n';
    c->style = 0;
    bool placed = false;
    for (int i = 0; i < n; i++) {
        const xs_attr *a = &at[i];
        if (a->ns != XS_NS_OTHER || a->name[1] != '\0') continue;
        switch (a->name[0]) {
        case 'r': {
            uint32_t r, col;
            if (xlsx_parse_ref(a->value, a->len, &r, &col) && col > 0) {
                c->col = col;
                if (r > 0) c->row = r;
                placed = true;
            }
            break;
        }
        case 't':
            if (a->len == 1)
                c->type = a->value[0] == 's' ? 's' : a->value[0];
            else if (a->len == 3 && memcmp(a->value, "str", 3) == 0)
                c->type = 'S';
            else if (a->len == 9 && memcmp(a->value, "inlineStr", 9) == 0)
                c->type = 'i';
            break;
        case 's': {
            size_t v;
            if (parse_uint(a->value, a->len, &v) && v < UINT32_MAX) c->style = (uint32_t)v;
            break;
        }
        default:
            break;
        }
    }
    if (!placed) c->col++;
    if (c->row == 0) c->row = 1;
}

static void start_row(sheet_ctx *c, const xs_attr *at, int n)
{
    c->in_row = true;
    c->col = 0;
    size_t len;
    const char *r = xs_attr_get(at, n, XS_NS_OTHER, "r", &len);
    size_t v;
    if (r && parse_uint(r, len, &v) && v > 0 && v <= 1048576)
        c->row = (uint32_t)v;
    else
        c->row++;
    c->row_flags = xs_attr_bool(at, n, XS_NS_OTHER, "hidden", false) ? DOC_F_ROW_HIDDEN : 0;
}

static void sheet_start(xs_parser *p, void *ctx, xs_ns ns, const char *name, const xs_attr *at,
                        int n)
{
    (void)p;
    sheet_ctx *c = ctx;
    if (ns != XS_NS_S) return;
    switch (name[0]) {
    case 'c':
        if (name[1] == '\0') {
            start_cell(c, at, n);
        } else if (strcmp(name, "col") == 0) {
            if (xs_attr_bool(at, n, XS_NS_OTHER, "hidden", false))
                hide_cols(c, xs_attr_int(at, n, XS_NS_OTHER, "min", 0),
                          xs_attr_int(at, n, XS_NS_OTHER, "max", 0));
        }
        return;
    case 'v':
        if (name[1] == '\0' && c->in_c) {
            c->in_v = c->has_v = true;
            sbuf_reset(&c->v);
        }
        return;
    case 'f':
        if (name[1] == '\0') {
            if (c->in_c) c->has_f = true;
            return;
        }
        break; /* firstHeader, firstFooter */
    case 'r':
        if (strcmp(name, "row") == 0)
            start_row(c, at, n);
        else if (c->in_is && strcmp(name, "rPh") == 0)
            c->rph++;
        return;
    case 'i':
        if (name[1] == 's' && name[2] == '\0' && c->in_c) {
            c->in_is = c->has_is = true;
            c->rph = 0;
            sbuf_reset(&c->is);
        }
        return;
    case 't':
        if (name[1] == '\0' && c->in_is && c->rph == 0) {
            c->in_t = true;
            c->t_start = c->is.len;
        }
        return;
    default:
        break;
    }
    int hf = xlsx_hf_kind(name);
    if (hf >= 0) {
        c->hf.cur = hf;
        sbuf_reset(&c->hf.text[hf]);
    }
}

static void sheet_end(xs_parser *p, void *ctx, xs_ns ns, const char *name)
{
    sheet_ctx *c = ctx;
    if (ns != XS_NS_S) return;
    switch (name[0]) {
    case 'c':
        if (name[1] == '\0' && c->in_c) {
            c->in_c = c->in_v = c->in_is = c->in_t = false;
            emit_cell(p, c);
        }
        return;
    case 'v':
        if (name[1] == '\0') c->in_v = false;
        return;
    case 't':
        if (name[1] == '\0' && c->in_t) {
            c->in_t = false;
            size_t n = xlsx_unescape(c->is.data + c->t_start, c->is.len - c->t_start);
            sbuf_truncate(&c->is, c->t_start + n);
        }
        return;
    case 'i':
        if (name[1] == 's' && name[2] == '\0') c->in_is = false;
        return;
    case 'r':
        if (strcmp(name, "row") == 0)
            c->in_row = false;
        else if (c->rph > 0 && strcmp(name, "rPh") == 0)
            c->rph--;
        return;
    default:
        break;
    }
    if (c->hf.cur >= 0 && xlsx_hf_kind(name) == c->hf.cur) c->hf.cur = -1;
}

static void sheet_text(xs_parser *p, void *ctx, const char *s, size_t n)
{
    (void)p;
    sheet_ctx *c = ctx;
    if (c->in_v)
        sbuf_append(&c->v, s, n);
    else if (c->in_t)
        sbuf_append(&c->is, s, n);
    else if (c->hf.cur >= 0)
        sbuf_append(&c->hf.text[c->hf.cur], s, n);
}

pl_status xlsx_sheet_read(xlsx_book *bk, const xlsx_sheet_ref *sh, const pkg_rels *rels)
{
    sheet_ctx *c = pl_xcalloc(1, sizeof *c);
    c->bk = bk;
    c->sh = sh;
    sbuf_init(&c->v);
    sbuf_init(&c->is);
    sbuf_init(&c->out);
    sbuf_reserve(&c->v, 64);
    xlsx_hf_init(&c->hf);
    c->b.kind = DOC_BLOCK_CELL;
    c->b.channel = DOC_CH_CELL;
    c->b.loc.part = sh->part;
    c->b.loc.sheet = sh->name;
    xs_handler h = {.ctx = c, .start = sheet_start, .end = sheet_end, .text = sheet_text};
    pl_status s = xlsx_merges_scan(bk->pk, sh->part, &c->merges, bk->err);
    if (s == PL_OK) s = xs_parse_part(bk->pk, sh->part, &h, bk->err);
    if (s == PL_OK && !bk->stopped) s = xlsx_extras_emit(bk, sh, rels, &c->hf);
    xlsx_hf_free(&c->hf);
    xlsx_merges_free(&c->merges);
    sbuf_free(&c->v);
    sbuf_free(&c->is);
    sbuf_free(&c->out);
    free(c);
    return s;
}

/*
 * xlsx_styles.c - number formats of cell styles (xl/styles.xml).
 *
 * A cell's s attribute indexes <cellXfs>; the xf names a numFmtId, which is
 * either one of the file's <numFmts> (usually 164 and up) or a built-in id
 * whose code the file does not store (numfmt_builtin: ja-JP codes). Only
 * that chain matters for text; fonts, fills and borders are skipped.
 *
 * The decision "General, date or number, and which compiled format" is made
 * once per format id and then cached per style index, so a cell costs one
 * array lookup. <numFmt> elements inside <dxfs> (conditional formatting) are
 * not cell formats and are ignored.
 */
#include <string.h>

#include "util/mem.h"
#include "xlsx_internal.h"

typedef struct styles_ctx {
    xlsx_styles *st;
    int depth;
    int numfmts_depth; /* depth of <numFmts> directly under the root, or 0 */
    int cellxfs_depth;
    sbuf tmp;
} styles_ctx;

static void styles_start(xs_parser *p, void *ctx, xs_ns ns, const char *name, const xs_attr *at,
                         int n)
{
    (void)p;
    styles_ctx *c = ctx;
    c->depth++;
    if (ns != XS_NS_S) return;
    xlsx_styles *st = c->st;
    if (c->depth == 2 && strcmp(name, "numFmts") == 0) {
        c->numfmts_depth = c->depth;
    } else if (c->depth == 2 && strcmp(name, "cellXfs") == 0) {
        c->cellxfs_depth = c->depth;
    } else if (c->numfmts_depth && c->depth == c->numfmts_depth + 1 &&
               strcmp(name, "numFmt") == 0) {
        long long id = xs_attr_int(at, n, XS_NS_OTHER, "numFmtId", -1);
        size_t len;
        const char *code = xs_attr_get(at, n, XS_NS_OTHER, "formatCode", &len);
        if (id < 0 || id > UINT32_MAX || !code) return;
        sbuf_reset(&c->tmp);
        xlsx_attr_append(&c->tmp, code, len);
        /* a later definition of the same id wins */
        for (size_t i = 0; i < st->ncustom; i++) {
            if (st->custom[i].id == (uint32_t)id) {
                free(st->custom[i].code);
                st->custom[i].code = pl_xstrdup(sbuf_cstr(&c->tmp));
                return;
            }
        }
        PL_GROW(st->custom, st->cap_custom, st->ncustom + 1);
        st->custom[st->ncustom].id = (uint32_t)id;
        st->custom[st->ncustom].code = pl_xstrdup(sbuf_cstr(&c->tmp));
        st->ncustom++;
    } else if (c->cellxfs_depth && c->depth == c->cellxfs_depth + 1 && strcmp(name, "xf") == 0) {
        long long id = xs_attr_int(at, n, XS_NS_OTHER, "numFmtId", 0);
        PL_GROW(st->xf_numfmt, st->cap_xf, st->nxf + 1);
        st->xf_numfmt[st->nxf++] = (id < 0 || id > UINT32_MAX) ? 0 : (uint32_t)id;
    }
}

static void styles_end(xs_parser *p, void *ctx, xs_ns ns, const char *name)
{
    (void)p, (void)ns, (void)name;
    styles_ctx *c = ctx;
    if (c->depth == c->numfmts_depth) c->numfmts_depth = 0;
    if (c->depth == c->cellxfs_depth) c->cellxfs_depth = 0;
    c->depth--;
}

pl_status xlsx_styles_read(pkg *pk, const char *part, xlsx_styles *st, pl_error *err)
{
    styles_ctx c = {.st = st};
    sbuf_init(&c.tmp);
    xs_handler h = {.ctx = &c, .start = styles_start, .end = styles_end};
    pl_status s = xs_parse_part(pk, part, &h, err);
    sbuf_free(&c.tmp);
    if (st->nxf) st->by_xf = pl_xcalloc(st->nxf, sizeof *st->by_xf);
    return s;
}

static const xlsx_fmt GENERAL = {0};

static const char *code_for(const xlsx_styles *st, uint32_t id)
{
    for (size_t i = 0; i < st->ncustom; i++)
        if (st->custom[i].id == id) return st->custom[i].code;
    return numfmt_builtin(id);
}

static xlsx_fmt *fmt_for_id(xlsx_styles *st, uint32_t id)
{
    for (size_t i = 0; i < st->nfmts; i++)
        if (st->fmt_ids[i] == id) return st->fmts[i];
    const char *code = code_for(st, id);
    xlsx_fmt *f = pl_xcalloc(1, sizeof *f);
    if (code && id != 0) {
        numfmt *nf = numfmt_compile(code, strlen(code));
        if (numfmt_is_general(nf) && !numfmt_changes_text(nf) && strchr(code, '@') == NULL) {
            numfmt_free(nf); /* "General" spelled out (LibreOffice writes it) */
        } else {
            f->nf = nf;
            f->code = code;
            f->text = numfmt_changes_text(nf);
        }
    }
    PL_GROW(st->fmts, st->cap_fmts, st->nfmts + 1);
    size_t cap_ids = st->cap_fmts;
    st->fmt_ids = pl_xrealloc(st->fmt_ids, cap_ids * sizeof *st->fmt_ids);
    st->fmts[st->nfmts] = f;
    st->fmt_ids[st->nfmts] = id;
    st->nfmts++;
    return f;
}

const xlsx_fmt *xlsx_styles_fmt(xlsx_styles *st, uint32_t s)
{
    if (s >= st->nxf) return &GENERAL;
    if (!st->by_xf[s]) st->by_xf[s] = fmt_for_id(st, st->xf_numfmt[s]);
    return st->by_xf[s];
}

void xlsx_styles_free(xlsx_styles *st)
{
    for (size_t i = 0; i < st->ncustom; i++)
        free(st->custom[i].code);
    for (size_t i = 0; i < st->nfmts; i++) {
        numfmt_free(st->fmts[i]->nf);
        free(st->fmts[i]);
    }
    free(st->custom);
    free(st->xf_numfmt);
    free(st->by_xf);
    free(st->fmts);
    free(st->fmt_ids);
    memset(st, 0, sizeof *st);
}

/*
 * xlsx.c - the XLSX reader: a workbook into cell blocks, sheet by sheet.
 *
 * The order of work follows what each step needs:
 *   1. xl/workbook.xml: the sheets in the order the user sees their tabs
 *      (not part-name order), their names and visibility, and the date
 *      system (workbookPr/@date1904);
 *   2. the workbook's rels: which part holds each sheet, the shared
 *      strings, the styles and the threaded-comment persons;
 *   3. shared strings and styles, which every sheet refers to;
 *   4. each worksheet, streamed (xlsx_sheet.c), followed by its comments,
 *      header/footer and text boxes (xlsx_extras.c).
 * Relationships that are external or point outside the package are never
 * followed; a sheet whose part is missing is reported as a warning and
 * skipped, so one broken sheet does not hide the others. Chart sheets,
 * dialog sheets and macro sheets have no cells to read and are skipped too.
 */
#include <string.h>

#include "util/mem.h"
#include "xlsx_internal.h"

bool xlsx_emit(xlsx_book *bk, const doc_block *b)
{
    if (bk->stopped) return false;
    if (!bk->sink->block(bk->sink->ctx, b)) {
        bk->stopped = true;
        return false;
    }
    return true;
}

/* ---- workbook.xml ------------------------------------------------------------ */

typedef struct wb_sheet {
    char *name;
    char *rid;
    bool hidden;
} wb_sheet;

typedef struct wb_ctx {
    xlsx_book *bk;
    wb_sheet *sheets;
    size_t n, cap;
    int depth;
    sbuf tmp;
} wb_ctx;

static char *attr_dup(const xs_attr *at, int n, xs_ns ns, const char *name, sbuf *tmp)
{
    size_t len;
    const char *v = xs_attr_get(at, n, ns, name, &len);
    if (!v) return NULL;
    sbuf_reset(tmp);
    xlsx_attr_append(tmp, v, len);
    return pl_xstrdup(sbuf_cstr(tmp));
}

static void wb_start(xs_parser *p, void *ctx, xs_ns ns, const char *name, const xs_attr *at, int n)
{
    (void)p;
    wb_ctx *c = ctx;
    c->depth++;
    if (ns != XS_NS_S) return;
    if (c->depth == 2 && strcmp(name, "workbookPr") == 0) {
        c->bk->date1904 = xs_attr_bool(at, n, XS_NS_OTHER, "date1904", false);
    } else if (c->depth == 3 && strcmp(name, "sheet") == 0) {
        char *rid = attr_dup(at, n, XS_NS_R, "id", &c->tmp);
        if (!rid) return;
        PL_GROW(c->sheets, c->cap, c->n + 1);
        wb_sheet *s = &c->sheets[c->n++];
        s->rid = rid;
        s->name = attr_dup(at, n, XS_NS_OTHER, "name", &c->tmp);
        if (!s->name) s->name = pl_xstrdup("");
        s->hidden = xs_attr_eq(at, n, XS_NS_OTHER, "state", "hidden") ||
                    xs_attr_eq(at, n, XS_NS_OTHER, "state", "veryHidden");
    }
}

static void wb_end(xs_parser *p, void *ctx, xs_ns ns, const char *name)
{
    (void)p, (void)ns, (void)name;
    ((wb_ctx *)ctx)->depth--;
}

static void wb_free(wb_ctx *c)
{
    for (size_t i = 0; i < c->n; i++) {
        free(c->sheets[i].name);
        free(c->sheets[i].rid);
    }
    free(c->sheets);
    sbuf_free(&c->tmp);
}

/* ---- reading --------------------------------------------------------------- */

static const pkg_rel *usable_rel(xlsx_book *bk, const pkg_rels *rels, const char *type)
{
    const pkg_rel *r = pkg_rels_by_type(rels, type);
    return (r && !r->external && !r->escapes && pkg_has_part(bk->pk, r->target)) ? r : NULL;
}

static pl_status read_sheet(xlsx_book *bk, const wb_sheet *ws, const pkg_rels *wbrels)
{
    const pkg_rel *r = pkg_rels_by_id(wbrels, ws->rid);
    if (!r || r->external || r->escapes) {
        doc_info_warn(bk->info, "SHEET_UNREADABLE", bk->main_part,
                      "sheet \"%s\" has no usable relationship", ws->name);
        return PL_OK;
    }
    if (strcmp(r->type, "worksheet") != 0) return PL_OK; /* chartsheet, dialogsheet ... */
    if (!pkg_has_part(bk->pk, r->target)) {
        doc_info_warn(bk->info, "SHEET_MISSING", r->target, "sheet \"%s\" is missing", ws->name);
        return PL_OK;
    }
    xlsx_sheet_ref sh = {.name = doc_info_intern(bk->info, ws->name),
                         .part = doc_info_intern(bk->info, r->target),
                         .flags = ws->hidden ? DOC_F_SHEET_HIDDEN : 0};
    bk->info->sheets++;
    pkg_rels rels;
    pl_status s = pkg_read_rels(bk->pk, r->target, &rels, bk->err);
    if (s != PL_OK) return s;
    s = xlsx_sheet_read(bk, &sh, &rels);
    pkg_rels_free(&rels);
    return s;
}

pl_status xlsx_read(pkg *pk, const char *main_part, const ooxml_options *opt, doc_info *info,
                    const doc_sink *sink, pl_error *err)
{
    xlsx_book bk = {
        .pk = pk, .opt = opt, .info = info, .sink = sink, .err = err, .main_part = main_part};
    wb_ctx wb = {.bk = &bk};
    sbuf_init(&wb.tmp);
    pkg_rels rels = {0};

    xs_handler h = {.ctx = &wb, .start = wb_start, .end = wb_end};
    pl_status s = xs_parse_part(pk, main_part, &h, err);
    info->date1904 = bk.date1904;
    if (s == PL_OK) s = pkg_read_rels(pk, main_part, &rels, err);
    if (s == PL_OK) {
        const pkg_rel *r = usable_rel(&bk, &rels, "sharedStrings");
        if (r) s = xlsx_sst_read(pk, r->target, &opt->limits, &bk.sst, err);
    }
    if (s == PL_OK) {
        const pkg_rel *r = usable_rel(&bk, &rels, "styles");
        if (r) s = xlsx_styles_read(pk, r->target, &bk.styles, err);
        const pkg_rel *pr = usable_rel(&bk, &rels, "person");
        if (pr) bk.persons = pr->target;
    }
    for (size_t i = 0; s == PL_OK && i < wb.n && !bk.stopped; i++)
        s = read_sheet(&bk, &wb.sheets[i], &rels);

    for (size_t i = 0; i < bk.npeople; i++) {
        free(bk.people[i].id);
        free(bk.people[i].name);
    }
    free(bk.people);
    pkg_rels_free(&rels);
    xlsx_sst_free(&bk.sst);
    xlsx_styles_free(&bk.styles);
    wb_free(&wb);
    return s;
}

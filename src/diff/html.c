/*
 * html.c - the 新旧対照表 as one self-contained HTML page.
 *
 * The conventional layout of Japanese amendment tables: 改正後 (the new text)
 * on the left, 改正前 (the old text) on the right, changed parts marked with a
 * line (傍線, drawn here as an underline) in both columns. A narrow column at
 * the far left names the clause and says what happened to it. Each aligned
 * line pair of a unit is a row of its own, so paragraphs face each other;
 * the rows of one unit share the clause cell and have no rule between them.
 * A unit whose only change is its number is shown the way amendment tables
 * show it: the caption and the number (underlined) followed by （略）. A new
 * unit has （新設） in the old column, a removed one （削る） in the new.
 * Runs of unchanged units collapse into one （略） row unless --all is given.
 *
 * No script and no external file, so the page opens from a USB stick or a
 * mail attachment; every text from the documents is escaped.
 */
#include <string.h>

#include "internal.h"
#include "util/escape.h"

static const char *CSS =
    "body{font-family:'Noto Serif CJK JP','Yu Mincho','Hiragino Mincho ProN','MS Mincho',serif;"
    "margin:2em;color:#111;line-height:1.6}h1{font-size:1.4em;text-align:center;letter-spacing:."
    "3em}"
    ".meta{font-size:.85em;color:#444}.meta code{font-size:.9em}"
    "table.nk{border-collapse:collapse;width:100%;table-layout:fixed;margin-top:1em}"
    ".nk th,.nk td{border:1px solid #333;padding:.25em .6em;vertical-align:top}"
    ".nk thead th{background:#eee;font-weight:bold;text-align:center}"
    ".nk th.path{width:10em;text-align:left;font-weight:normal;background:#f7f7f7;font-size:.85em}"
    ".nk tr.in td{border-bottom:none}.nk tr.cont td{border-top:none}"
    ".l{margin:0;padding-left:1em;text-indent:-1em;white-space:pre-wrap;word-break:break-all}"
    ".c{text-decoration:underline;text-decoration-thickness:1.5px;text-underline-offset:.25em}"
    ".sep{color:#888;padding:0 .3em}.note{color:#555}"
    ".st{display:inline-block;font-size:.85em;padding:0 .4em;margin-top:.2em;border-radius:3px;"
    "background:#e4e4e4}.st-inserted{background:#d5efd5}.st-deleted{background:#f4d4d4}"
    ".st-moved,.st-split,.st-merged{background:#dbe5f6}.st-renumbered{background:#f1ecd0}"
    ".was{display:block;color:#555}.omit td{color:#666;text-align:center}"
    ".legend{font-size:.85em;color:#444;margin-top:.8em}"
    "@media print{body{margin:0}.nk tr{page-break-inside:avoid}}";

typedef struct hw {
    const diff_result *r;
    const diff_render *o;
    sbuf *out;
} hw;

static void text(sbuf *out, const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        const char *rep = s[i] == '\t'   ? "<span class=\"sep\">｜</span>"
                          : s[i] == '\n' ? "<br>"
                                         : NULL;
        if (!rep) continue;
        escape_xml(out, s + run, i - run);
        sbuf_puts(out, rep);
        run = i + 1;
    }
    escape_xml(out, s + run, n - run);
}

/* ---- one side of a line pair -------------------------------------------------- */

static void w_line_start(void *ctx, const diff_line *line, bool label_changed)
{
    hw *h = ctx;
    sbuf_puts(h->out, "<p class=\"l\">");
    if (line->label) {
        if (label_changed) sbuf_puts(h->out, "<span class=\"c\">");
        escape_xml_str(h->out, line->label);
        if (label_changed) sbuf_puts(h->out, "</span>");
        if (line->len) sbuf_puts(h->out, DIFF_LABEL_SEP);
    }
}

static void w_run(void *ctx, const char *s, size_t n, bool changed)
{
    hw *h = ctx;
    if (changed) sbuf_puts(h->out, "<span class=\"c\">");
    text(h->out, s, n);
    if (changed) sbuf_puts(h->out, "</span>");
}

static void w_line_end(void *ctx, const diff_line *line)
{
    (void)line;
    sbuf_puts(((hw *)ctx)->out, "</p>");
}

static void side_cell(hw *h, const diff_line_pair *p, bool old_side)
{
    sbuf_puts(h->out, old_side ? "<td class=\"old\">" : "<td class=\"new\">");
    diff_side_walker w = {h, w_line_start, w_run, w_line_end};
    diff_walk_side(h->r, p, old_side, &w); /* nothing when that side has no line */
    sbuf_puts(h->out, "</td>");
}

/* ---- rows ----------------------------------------------------------------------- */

static void path_cell(hw *h, const diff_entry *e, int rowspan)
{
    pl_lang lang = h->o->lang;
    sbuf_printf(h->out, "<th class=\"path\" rowspan=\"%d\">", rowspan);
    const diff_unit *u = diff_entry_unit(h->r, e, false);
    const diff_version *v = &h->r->new;
    if (!u) u = diff_entry_unit(h->r, e, true), v = &h->r->old;
    sbuf t = SBUF_INIT;
    diff_unit_title(v, u, &t);
    escape_xml(h->out, t.data ? t.data : "", t.len);
    sbuf_printf(h->out, "<br><span class=\"st st-%s\">%s</span>", diff_status_name(e->status),
                diff_status_label(e->status, lang));
    sbuf_reset(&t);
    diff_entry_former(h->r, e, &t);
    if (t.len) {
        sbuf_printf(h->out, "<span class=\"was\">%s", lang == PL_LANG_EN ? "was " : "改正前 ");
        escape_xml(h->out, t.data, t.len);
        sbuf_puts(h->out, "</span>");
    }
    sbuf_free(&t);
    sbuf_puts(h->out, "</th>");
}

/* 第４条　（略）: a unit renumbered and otherwise the same. */
static void abbreviated_cell(hw *h, const diff_unit *u, bool old_side)
{
    sbuf_puts(h->out, old_side ? "<td class=\"old\">" : "<td class=\"new\">");
    if (u->caption && u->kind == DIFF_UNIT_ARTICLE) {
        sbuf_puts(h->out, "<p class=\"l\">（");
        escape_xml_str(h->out, u->caption);
        sbuf_puts(h->out, "）</p>");
    }
    sbuf_puts(h->out, "<p class=\"l\"><span class=\"c\">");
    escape_xml_str(h->out, u->label ? u->label : u->path);
    sbuf_puts(h->out, "</span>" DIFF_LABEL_SEP "（略）</p></td>");
}

static void write_entry(hw *h, const diff_entry *e)
{
    const diff_result *r = h->r;
    sbuf_printf(h->out, "<tbody class=\"e-%s\">", diff_status_name(e->status));
    if (e->status == DIFF_RENUMBERED && e->renumbered && !h->o->all) {
        sbuf_puts(h->out, "<tr>");
        path_cell(h, e, 1);
        abbreviated_cell(h, &r->new.units[e->new_first], false);
        abbreviated_cell(h, &r->old.units[e->old_first], true);
        sbuf_puts(h->out, "</tr></tbody>\n");
        return;
    }
    if (e->status == DIFF_INSERTED || e->status == DIFF_DELETED) {
        /* one row: the whole unit on its side, a note on the other */
        bool en = h->o->lang == PL_LANG_EN;
        bool new_side_has = e->status == DIFF_INSERTED;
        sbuf_puts(h->out, "<tr>");
        path_cell(h, e, 1);
        for (int side = 0; side < 2; side++) {
            bool old_side = side == 1;
            sbuf_puts(h->out, old_side ? "<td class=\"old\">" : "<td class=\"new\">");
            if (old_side != new_side_has) {
                diff_side_walker w = {h, w_line_start, w_run, w_line_end};
                for (uint32_t k = 0; k < e->npairs; k++)
                    diff_walk_side(r, &r->pairs[e->first_pair + k], old_side, &w);
            } else {
                sbuf_printf(h->out, "<p class=\"l note\">%s</p>",
                            new_side_has ? (en ? "(new)" : "（新設）")
                                         : (en ? "(removed)" : "（削る）"));
            }
            sbuf_puts(h->out, "</td>");
        }
        sbuf_puts(h->out, "</tr></tbody>\n");
        return;
    }
    /* one row per line pair, the clause cell spanning them */
    uint32_t rows = e->npairs;
    for (uint32_t k = 0; k < rows; k++) {
        const diff_line_pair *p = &r->pairs[e->first_pair + k];
        const char *cls = rows == 1       ? ""
                          : k == 0        ? " class=\"in\""
                          : k + 1 == rows ? " class=\"cont\""
                                          : " class=\"in cont\"";
        sbuf_printf(h->out, "<tr%s>", cls);
        if (k == 0) path_cell(h, e, (int)rows);
        side_cell(h, p, false);
        side_cell(h, p, true);
        sbuf_puts(h->out, "</tr>");
    }
    sbuf_puts(h->out, "</tbody>\n");
}

/* Unchanged entries from..to-1 as one row, named by the first and last
 * clause paths among them. */
static void omitted_row(hw *h, size_t from, size_t to)
{
    const diff_result *r = h->r;
    const diff_unit *a = NULL, *b = NULL;
    for (size_t i = from; i < to; i++) {
        const diff_unit *u = diff_entry_unit(r, &r->entries[i], false);
        if (!u) u = diff_entry_unit(r, &r->entries[i], true);
        if (!u || !u->path[0]) continue;
        if (!a) a = u;
        b = u;
    }
    sbuf_puts(h->out, "<tbody class=\"omit\"><tr><th class=\"path\">");
    if (a) {
        escape_xml_str(h->out, a->path);
        if (a != b) {
            sbuf_puts(h->out, "～");
            escape_xml_str(h->out, b->path);
        }
    }
    sbuf_puts(h->out, "</th><td>（略）</td><td>（略）</td></tr></tbody>\n");
}

static void summary(const diff_result *r, pl_lang lang, sbuf *out)
{
    bool any = false;
    for (int s = DIFF_RENUMBERED; s < DIFF_STATUS_COUNT; s++) {
        if (!r->count[s]) continue;
        if (lang == PL_LANG_EN)
            sbuf_printf(out, "%s%s: %zu", any ? ", " : "", diff_status_label((diff_status)s, lang),
                        r->count[s]);
        else
            sbuf_printf(out, "%s%s %zu件", any ? "、" : "", diff_status_label((diff_status)s, lang),
                        r->count[s]);
        any = true;
    }
    if (!any) sbuf_puts(out, lang == PL_LANG_EN ? "no differences" : "相違はありません");
}

static void doc_meta(sbuf *out, const char *what, const char *name, const doc_info *info)
{
    sbuf_printf(out, "%s: ", what);
    escape_xml_str(out, name ? name : info->path);
    if (info->sha256[0]) sbuf_printf(out, " <code>sha256:%.12s</code>", info->sha256);
}

void diff_write_html(const diff_result *r, const diff_render *o, sbuf *out)
{
    bool en = o->lang == PL_LANG_EN;
    hw h = {r, o, out};
    sbuf_printf(out,
                "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
                "<meta name=\"viewport\" content=\"width=device-width\">"
                "<meta name=\"generator\" content=\"polint %s\"><title>%s</title><style>%s</style>"
                "</head><body>\n",
                en ? "en" : "ja", o->tool_version ? o->tool_version : "",
                en ? "Comparison table (新旧対照表)" : "新旧対照表", CSS);
    sbuf_printf(out, "<h1>%s</h1>\n<p class=\"meta\">", "新旧対照表");
    doc_meta(out, en ? "New (改正後)" : "改正後", o->new_name, &r->new.doc->info);
    sbuf_puts(out, "<br>");
    doc_meta(out, en ? "Old (改正前)" : "改正前", o->old_name, &r->old.doc->info);
    sbuf_puts(out, "<br>");
    summary(r, o->lang, out);
    sbuf_puts(out, "</p>\n<table class=\"nk\"><thead><tr>");
    sbuf_printf(out, "<th class=\"path\">%s</th><th>%s</th><th>%s</th></tr></thead>\n",
                en ? "Clause" : "条項", en ? "New (改正後)" : "改正後",
                en ? "Old (改正前)" : "改正前");
    size_t omitted_from = (size_t)-1;
    for (size_t i = 0; i < r->nentries; i++) {
        const diff_entry *e = &r->entries[i];
        if (!o->all && !diff_entry_shown(e)) {
            if (omitted_from == (size_t)-1) omitted_from = i;
            continue;
        }
        if (omitted_from != (size_t)-1) omitted_row(&h, omitted_from, i);
        omitted_from = (size_t)-1;
        write_entry(&h, e);
    }
    if (omitted_from != (size_t)-1) omitted_row(&h, omitted_from, r->nentries);
    sbuf_printf(out, "</table>\n<p class=\"legend\">%s</p>\n</body></html>\n",
                en ? "Underlined: the parts that change (傍線部分は改正部分)."
                   : "備考　表中の傍線を付した部分は改正部分である。");
}

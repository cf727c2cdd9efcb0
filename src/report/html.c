/*
 * html.c - one self-contained HTML page for auditors: a summary, a matrix of
 * documents (rows) against rules (columns) whose cells link to the findings,
 * then each document's findings with the quoted evidence, matched words
 * marked. No script, no external file: it opens from a USB stick or an
 * e-mail attachment. Everything from documents is escaped.
 *
 * The matrix needs every row before it can be drawn, but only as one state
 * per cell; the findings are written to a temporary file as documents
 * arrive, so memory stays small for large runs.
 */
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "util/escape.h"
#include "util/mem.h"
#include "util/utf8.h"

typedef struct html_row {
    char *name;
    char *states; /* one letter per rule: p f n e w (waived) -, or "u" unreadable */
} html_row;

typedef struct html_state {
    FILE *details;
    html_row *rows;
    size_t nrows, cap;
} html_state;

static const char *CSS =
    "body{font-family:'Noto Sans CJK JP','Hiragino Sans','Yu Gothic',Meiryo,sans-serif;"
    "margin:2em;color:#222}h1{font-size:1.4em}h2{font-size:1.15em;margin-top:2em;"
    "border-bottom:1px solid #ccc}.meta{color:#555;font-size:.9em}.cards{display:flex;gap:1em;"
    "flex-wrap:wrap}.card{border:1px solid #ddd;border-radius:6px;padding:.5em 1em}"
    ".card b{font-size:1.4em;display:block}table.matrix{border-collapse:collapse;font-size:.8em;"
    "margin-top:1em}.matrix th,.matrix td{border:1px solid #ccc;padding:2px 4px;text-align:center}"
    ".matrix th.rule{writing-mode:vertical-rl;white-space:nowrap}.matrix td.doc{text-align:left;"
    "white-space:nowrap}.p{background:#d8f0d8}.f{background:#f6c8c8}.e{background:#f6e3b4}"
    ".n{background:#f4f4f4;color:#999}.w{background:#dfe4f6}.u{background:#e0a0a0}"
    ".finding{margin:.8em 0;padding:.4em .8em;border-left:4px solid #c33}.finding.warning"
    "{border-color:#d90}.finding.info{border-color:#39c}.finding.waived{border-color:#88a;"
    "opacity:.8}.ev{margin:.2em 0 .2em 1.5em;font-size:.92em}.ev .q{color:#333}mark{background:"
    "#ffe066}.rid{color:#777;font-family:monospace}";

static void html_begin(report_writer *w)
{
    html_state *st = pl_xcalloc(1, sizeof *st);
    w->state = st;
    st->details = tmpfile();
}

static char state_letter(const rules_result *r, const report_waiver *wv)
{
    if (wv && wv->state == WAIVER_APPLIED) return 'w';
    switch (r->state) {
    case RULES_PASS: return 'p';
    case RULES_FAIL: return 'f';
    case RULES_NOTAPPLICABLE: return 'n';
    case RULES_STATE_ERROR: return 'e';
    }
    return '-';
}

/* The quote with the match marked; offsets are code points in the block. */
static void marked_quote(sbuf *b, const rules_evidence *e)
{
    const char *q = e->quote;
    size_t n = strlen(q);
    size_t s = e->start >= e->quote_from ? e->start - e->quote_from : 0;
    size_t t = e->end >= e->quote_from ? e->end - e->quote_from : 0;
    /* code points to bytes */
    size_t bs = 0, be = 0, cp = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || ((unsigned char)q[i] & 0xC0) != 0x80) {
            if (cp == s) bs = i;
            if (cp == t) be = i;
            cp++;
        }
    }
    if (be < bs || t > s + 200) be = bs;
    escape_xml(b, q, bs);
    if (be > bs) {
        sbuf_puts(b, "<mark>");
        escape_xml(b, q + bs, be - bs);
        sbuf_puts(b, "</mark>");
    }
    escape_xml(b, q + be, n - be);
}

static void write_finding(report_writer *w, const report_item *item, const rules_result *r,
                          const report_waiver *wv, sbuf *b, size_t anchor_row, size_t rule)
{
    pl_lang lang = w->meta->lang;
    bool waived = wv && wv->state == WAIVER_APPLIED;
    sbuf_printf(b, "<div class=\"finding %s%s\" id=\"r%zu-%zu\"><b>",
                rules_severity_name(rules_rule_severity(r->rule)), waived ? " waived" : "",
                anchor_row, rule);
    sbuf msg = SBUF_INIT;
    rules_result_message(r, lang, &msg);
    escape_xml(b, msg.data ? msg.data : "", msg.len);
    sbuf_free(&msg);
    sbuf_puts(b, "</b> <span class=\"rid\">[");
    escape_xml_str(b, rules_rule_id(r->rule));
    sbuf_printf(b, "] %s</span>", rules_severity_name(rules_rule_severity(r->rule)));
    if (waived) {
        sbuf_puts(b, lang == PL_LANG_JA ? "<div>免除: " : "<div>waived: ");
        escape_xml_str(b, wv->reason);
        if (wv->expires) {
            sbuf_puts(b, lang == PL_LANG_JA ? "（期限 " : " (until ");
            escape_xml_str(b, wv->expires);
            sbuf_puts(b, lang == PL_LANG_JA ? "）" : ")");
        }
        sbuf_puts(b, "</div>");
    }
    for (size_t k = 0; k < r->nevidence; k++) {
        const rules_evidence *e = &r->evidence[k];
        sbuf where = SBUF_INIT, note = SBUF_INIT;
        report_evidence_where(item, e, lang, &where);
        rules_evidence_note(e, lang, &note);
        sbuf_puts(b, "<div class=\"ev\">");
        escape_xml(b, where.data ? where.data : "", where.len);
        sbuf_puts(b, " — ");
        escape_xml(b, note.data ? note.data : "", note.len);
        if (e->quote) {
            sbuf_puts(b, lang == PL_LANG_JA ? " <span class=\"q\">「" : " <span class=\"q\">“");
            marked_quote(b, e);
            sbuf_puts(b, lang == PL_LANG_JA ? "」</span>" : "”</span>");
        }
        sbuf_puts(b, "</div>");
        sbuf_free(&where);
        sbuf_free(&note);
    }
    if (r->more_evidence)
        sbuf_printf(b, lang == PL_LANG_JA ? "<div class=\"ev\">ほか %zu 件</div>"
                                          : "<div class=\"ev\">and %zu more</div>",
                    r->more_evidence);
    sbuf_puts(b, "</div>\n");
}

static void html_item(report_writer *w, const report_item *item)
{
    html_state *st = w->state;
    size_t nrules = rules_set_count(w->meta->rules);
    PL_GROW(st->rows, st->cap, st->nrows + 1);
    html_row *row = &st->rows[st->nrows];
    row->name = pl_xstrdup(item->name);
    row->states = pl_xcalloc(nrules + 2, 1);
    memset(row->states, '-', nrules);
    sbuf b = SBUF_INIT;
    sbuf_printf(&b, "<h2 id=\"d%zu\">", st->nrows);
    escape_xml_str(&b, item->name);
    sbuf_puts(&b, "</h2>\n<div class=\"meta\">");
    for (size_t i = 0; i < item->nmembers; i++) {
        if (i) sbuf_puts(&b, "<br>");
        if (item->bundle) {
            escape_xml_str(&b, item->members[i].path);
            sbuf_puts(&b, " — ");
        }
        sbuf_printf(&b, "%s · SHA-256 %s", doc_type_name(item->members[i].type),
                    item->members[i].sha256);
    }
    sbuf_puts(&b, "</div>\n");
    if (item->unreadable) {
        memset(row->states, 'u', nrules);
        sbuf msg = SBUF_INIT;
        pl_error_format(&item->error, w->meta->lang, &msg);
        sbuf_puts(&b, "<div class=\"finding error\"><b>");
        escape_xml(&b, msg.data, msg.len);
        sbuf_puts(&b, "</b> <span class=\"rid\">[doc.unreadable] error</span></div>\n");
        sbuf_free(&msg);
    }
    for (size_t i = 0; item->results && i < item->results->n; i++) {
        const rules_result *r = &item->results->items[i];
        const report_waiver *wv = item->waivers ? &item->waivers[i] : NULL;
        size_t idx = nrules;
        for (size_t k = 0; k < nrules; k++)
            if (rules_set_at(w->meta->rules, k) == r->rule) idx = k;
        if (idx < nrules) row->states[idx] = state_letter(r, wv);
        if (r->state == RULES_FAIL || r->state == RULES_STATE_ERROR)
            write_finding(w, item, r, wv, &b, st->nrows, idx);
    }
    fwrite(b.data, 1, b.len, st->details);
    sbuf_free(&b);
    st->nrows++;
}

static void card(FILE *out, const char *label, size_t n)
{
    sbuf b = SBUF_INIT;
    sbuf_puts(&b, "<div class=\"card\"><b>");
    sbuf_printf(&b, "%zu</b>", n);
    escape_xml_str(&b, label);
    sbuf_puts(&b, "</div>");
    fwrite(b.data, 1, b.len, out);
    sbuf_free(&b);
}

static void html_end(report_writer *w, const report_totals *t)
{
    html_state *st = w->state;
    const report_meta *m = w->meta;
    bool ja = m->lang == PL_LANG_JA;
    FILE *out = w->out;
    size_t nrules = rules_set_count(m->rules);
    fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
                 "<title>%s</title><style>%s</style></head><body>\n",
            ja ? "ja" : "en", ja ? "polint 検査結果" : "polint report", CSS);
    sbuf b = SBUF_INIT;
    sbuf_printf(&b, "<h1>%s</h1><p class=\"meta\">polint %s · %s ", ja ? "polint 検査結果" : "polint report",
                m->version, ja ? "ルール" : "rules");
    escape_xml_str(&b, m->rules_revision);
    sbuf_printf(&b, " · %s %s</p>\n<div class=\"cards\">", ja ? "基準日" : "as of", m->as_of);
    fwrite(b.data, 1, b.len, out);
    sbuf_reset(&b);
    card(out, ja ? "文書" : "documents", t->documents);
    if (t->bundles) card(out, ja ? "一式" : "bundles", t->bundles);
    card(out, ja ? "読めないファイル" : "unreadable", t->unreadable);
    card(out, ja ? "エラー" : "errors", t->by_severity[RULES_ERROR]);
    card(out, ja ? "警告" : "warnings", t->by_severity[RULES_WARNING]);
    card(out, ja ? "情報" : "info", t->by_severity[RULES_INFO]);
    card(out, ja ? "免除" : "waived", t->waived);
    fputs("</div>\n", out);

    /* the matrix: only rules that apply somewhere, so it stays readable */
    bool *used = pl_xcalloc(nrules + 1, sizeof *used);
    for (size_t r = 0; r < st->nrows; r++)
        for (size_t k = 0; k < nrules; k++)
            if (st->rows[r].states[k] != 'n' && st->rows[r].states[k] != '-') used[k] = true;
    sbuf_puts(&b, "<table class=\"matrix\"><tr><th></th>");
    for (size_t k = 0; k < nrules; k++) {
        if (!used[k]) continue;
        const rules_rule *rule = rules_set_at(m->rules, k);
        sbuf_puts(&b, "<th class=\"rule\" title=\"");
        escape_xml_str(&b, rules_rule_title(rule, m->lang));
        sbuf_puts(&b, "\">");
        escape_xml_str(&b, rules_rule_id(rule));
        sbuf_puts(&b, "</th>");
    }
    sbuf_puts(&b, "</tr>\n");
    static const char *const symbol[128] = {['p'] = "○", ['f'] = "×", ['n'] = "−", ['e'] = "？",
                                            ['w'] = "免", ['u'] = "!", ['-'] = ""};
    for (size_t r = 0; r < st->nrows; r++) {
        sbuf_printf(&b, "<tr><td class=\"doc\"><a href=\"#d%zu\">", r);
        escape_xml_str(&b, st->rows[r].name);
        sbuf_puts(&b, "</a></td>");
        for (size_t k = 0; k < nrules; k++) {
            if (!used[k]) continue;
            char c = st->rows[r].states[k];
            if (c == 'f' || c == 'e' || c == 'w')
                sbuf_printf(&b, "<td class=\"%c\"><a href=\"#r%zu-%zu\">%s</a></td>", c, r, k,
                            symbol[(unsigned char)c]);
            else
                sbuf_printf(&b, "<td class=\"%c\">%s</td>", c == '-' ? 'n' : c,
                            symbol[(unsigned char)c] ? symbol[(unsigned char)c] : "");
        }
        sbuf_puts(&b, "</tr>\n");
        fwrite(b.data, 1, b.len, out);
        sbuf_reset(&b);
    }
    sbuf_puts(&b, "</table>\n");
    sbuf_printf(&b, "<p class=\"meta\">%s</p>\n",
                ja ? "○ 適合 × 不適合 ？ 判定不能 − 対象外 免 免除 ! 読めない"
                   : "○ pass × fail ？ undecided − not applicable 免 waived ! unreadable");
    fwrite(b.data, 1, b.len, out);
    sbuf_free(&b);
    free(used);
    /* then the findings */
    if (st->details) {
        rewind(st->details);
        char buf[65536];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, st->details)) > 0) fwrite(buf, 1, n, out);
    }
    fputs("</body></html>\n", out);
}

static void html_free(report_writer *w)
{
    html_state *st = w->state;
    for (size_t i = 0; i < st->nrows; i++) {
        free(st->rows[i].name);
        free(st->rows[i].states);
    }
    free(st->rows);
    if (st->details) fclose(st->details);
    free(st);
}

const report_writer_ops *report_html_ops(void)
{
    static const report_writer_ops ops = {html_begin, html_item, html_end, html_free};
    return &ops;
}

/*
 * text.c - the report for a terminal:
 *
 *   契約書.docx:第12条: error: 契約終了時の情報の返還・廃棄の規定がありません [contract.data-return]
 *       ¶34 「…この契約が終了したときは…」
 *
 * One line per finding in the grep-able form file:clause: severity: message
 * [rule-id], the evidence indented under it, and a summary at the end.
 * Passes are listed only with --verbose. Severity is coloured on a terminal.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report.h"
#include "util/mem.h"

typedef struct text_state {
    bool color;
} text_state;

static const char *severity_color(rules_severity s)
{
    return s == RULES_ERROR ? "\033[31m" : s == RULES_WARNING ? "\033[33m" : "\033[36m";
}

static void text_begin(report_writer *w)
{
    text_state *st = pl_xcalloc(1, sizeof *st);
    st->color = isatty(fileno(w->out)) && !getenv("NO_COLOR");
    w->state = st;
}

static void print_line(report_writer *w, const report_item *item, const rules_result *r,
                       const report_waiver *wv)
{
    text_state *st = w->state;
    pl_lang lang = w->meta->lang;
    bool ja = lang == PL_LANG_JA;
    /* the location of the first decisive evidence, else none */
    const rules_evidence *first = NULL;
    for (size_t i = 0; i < r->nevidence && !first; i++)
        if (r->evidence[i].kind == EVIDENCE_VIOLATION || r->evidence[i].kind == EVIDENCE_UNDECIDED)
            first = &r->evidence[i];
    sbuf line = SBUF_INIT;
    sbuf_puts(&line, first ? report_evidence_path(item, first) : item->name);
    if (first) {
        /* file:clause ¶N: the paragraph number too, so that a clause path
         * of a specification ("2(1)") never reads as a line number */
        sbuf where = SBUF_INIT;
        const report_item single = {.name = item->name, .members = item->members,
                                    .nmembers = item->nmembers};
        report_evidence_where(&single, first, lang, &where);
        if (where.len) sbuf_printf(&line, ":%s", sbuf_cstr(&where));
        sbuf_free(&where);
    }
    const char *sev = r->state == RULES_PASS ? "pass"
                      : r->state == RULES_NOTAPPLICABLE ? "n/a"
                                                        : rules_severity_name(rules_rule_severity(r->rule));
    if (st->color && (r->state == RULES_FAIL || r->state == RULES_STATE_ERROR))
        sbuf_printf(&line, ": %s%s\033[0m: ", severity_color(rules_rule_severity(r->rule)), sev);
    else
        sbuf_printf(&line, ": %s: ", sev);
    if (wv && wv->state == WAIVER_APPLIED) sbuf_puts(&line, ja ? "[免除] " : "[waived] ");
    rules_result_message(r, lang, &line);
    sbuf_printf(&line, " [%s]", rules_rule_id(r->rule));
    if (wv && wv->state == WAIVER_EXPIRED)
        sbuf_printf(&line, ja ? " （免除の期限 %s が過ぎています）" : " (waiver expired %s)",
                    wv->expires ? wv->expires : "?");
    fprintf(w->out, "%s\n", sbuf_cstr(&line));
    sbuf_free(&line);
    for (size_t i = 0; i < r->nevidence; i++) {
        const rules_evidence *e = &r->evidence[i];
        sbuf ev = SBUF_INIT, note = SBUF_INIT;
        report_evidence_where(item, e, lang, &ev);
        rules_evidence_note(e, lang, &note);
        fprintf(w->out, "    %s: %s%s%s%s\n", sbuf_cstr(&ev), sbuf_cstr(&note),
                e->quote ? (ja ? " 「" : " \"") : "", e->quote ? e->quote : "",
                e->quote ? (ja ? "」" : "\"") : "");
        sbuf_free(&ev);
        sbuf_free(&note);
    }
    if (r->more_evidence)
        fprintf(w->out, ja ? "    ほか %zu 件\n" : "    and %zu more\n", r->more_evidence);
}

static void text_item(report_writer *w, const report_item *item)
{
    pl_lang lang = w->meta->lang;
    if (item->unreadable) {
        sbuf msg = SBUF_INIT;
        pl_error_format(&item->error, lang, &msg);
        text_state *st = w->state;
        fprintf(w->out, "%s: %serror%s: %s [doc.unreadable]\n", item->name,
                st->color ? "\033[31m" : "", st->color ? "\033[0m" : "", sbuf_cstr(&msg));
        sbuf_free(&msg);
        return;
    }
    for (size_t i = 0; item->results && i < item->results->n; i++) {
        const rules_result *r = &item->results->items[i];
        bool show = r->state == RULES_FAIL || r->state == RULES_STATE_ERROR ||
                    (w->meta->verbose && r->state == RULES_PASS);
        if (show) print_line(w, item, r, item->waivers ? &item->waivers[i] : NULL);
    }
}

static void text_end(report_writer *w, const report_totals *t)
{
    bool ja = w->meta->lang == PL_LANG_JA;
    if (ja)
        fprintf(w->out,
                "\n文書 %zu 件（一式 %zu 件）、読めないファイル %zu 件: エラー %zu、警告 %zu、"
                "情報 %zu、判定不能 %zu、免除 %zu（基準日 %s、ルール %s）\n",
                t->documents, t->bundles, t->unreadable,
                t->by_severity[RULES_ERROR], t->by_severity[RULES_WARNING],
                t->by_severity[RULES_INFO], t->error, t->waived, w->meta->as_of,
                w->meta->rules_revision);
    else
        fprintf(w->out,
                "\n%zu documents (%zu bundles), %zu unreadable: %zu errors, %zu warnings, "
                "%zu info, %zu undecided, %zu waived (as of %s, rules %s)\n",
                t->documents, t->bundles, t->unreadable,
                t->by_severity[RULES_ERROR], t->by_severity[RULES_WARNING],
                t->by_severity[RULES_INFO], t->error, t->waived, w->meta->as_of,
                w->meta->rules_revision);
}

static void text_free(report_writer *w)
{
    free(w->state);
}

const report_writer_ops *report_text_ops(void)
{
    static const report_writer_ops ops = {text_begin, text_item, text_end, text_free};
    return &ops;
}

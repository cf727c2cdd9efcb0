/*
 * csv.c - one row per result, for officers who live in Excel: UTF-8 with a
 * byte-order mark (without it Excel reads Japanese as mojibake), CRLF line
 * ends, and cells that cannot be mistaken for formulas.
 */
#include <string.h>

#include "report.h"
#include "util/escape.h"

static void row(FILE *out, const char *const *cells, size_t n)
{
    sbuf b = SBUF_INIT;
    for (size_t i = 0; i < n; i++) {
        if (i) sbuf_putc(&b, ',');
        escape_csv(&b, cells[i]);
    }
    sbuf_puts(&b, "\r\n");
    fwrite(b.data, 1, b.len, out);
    sbuf_free(&b);
}

static void csv_begin(report_writer *w)
{
    fputs("\xEF\xBB\xBF", w->out);
    bool ja = w->meta->lang == PL_LANG_JA;
    const char *ja_head[] = {"ファイル", "SHA-256", "文書の種類", "ルールID", "重大度", "判定",
                             "免除", "メッセージ", "条項", "場所", "該当箇所の本文", "基準日"};
    const char *en_head[] = {"file", "sha256", "type", "rule", "severity", "state",
                             "waiver", "message", "clause", "location", "text", "as_of"};
    row(w->out, ja ? ja_head : en_head, 12);
}

static void csv_item(report_writer *w, const report_item *item)
{
    pl_lang lang = w->meta->lang;
    const report_member *m0 = &item->members[0];
    if (item->unreadable) {
        sbuf msg = SBUF_INIT;
        pl_error_format(&item->error, lang, &msg);
        const char *cells[] = {item->name, m0->sha256, doc_type_name(m0->type), "doc.unreadable",
                               "error", "error", "", sbuf_cstr(&msg), "", "", "", w->meta->as_of};
        row(w->out, cells, 12);
        sbuf_free(&msg);
        return;
    }
    for (size_t i = 0; item->results && i < item->results->n; i++) {
        const rules_result *r = &item->results->items[i];
        const report_waiver *wv = item->waivers ? &item->waivers[i] : NULL;
        sbuf msg = SBUF_INIT;
        rules_result_message(r, lang, &msg);
        const char *waiver = !wv || wv->state == WAIVER_NONE ? ""
                             : wv->state == WAIVER_APPLIED   ? "waived"
                                                             : "expired";
        /* one row for the result; its first decisive evidence names the place */
        const rules_evidence *e = r->nevidence ? &r->evidence[0] : NULL;
        for (size_t k = 0; k < r->nevidence; k++)
            if (r->evidence[k].kind == EVIDENCE_VIOLATION) {
                e = &r->evidence[k];
                break;
            }
        sbuf where = SBUF_INIT;
        if (e) report_evidence_where(item, e, lang, &where);
        const char *file = e ? report_evidence_path(item, e) : item->name;
        const char *cells[] = {file,
                               item->bundle ? "" : m0->sha256,
                               doc_type_name(m0->type),
                               rules_rule_id(r->rule),
                               rules_severity_name(rules_rule_severity(r->rule)),
                               rules_state_name(r->state),
                               waiver,
                               sbuf_cstr(&msg),
                               e && e->clause ? e->clause : "",
                               sbuf_cstr(&where),
                               e && e->quote ? e->quote : "",
                               w->meta->as_of};
        row(w->out, cells, 12);
        sbuf_free(&where);
        sbuf_free(&msg);
    }
}

const report_writer_ops *report_csv_ops(void)
{
    static const report_writer_ops ops = {csv_begin, csv_item, NULL, NULL};
    return &ops;
}

/*
 * report.c - what every format shares: format names, counting, dispatch.
 */
#include "report.h"

#include <string.h>

#include "util/mem.h"

int report_format_parse(const char *name)
{
    static const char *const names[] = {"text", "json", "jsonl", "sarif", "junit", "csv", "html"};
    for (int i = 0; i < (int)(sizeof names / sizeof names[0]); i++)
        if (strcmp(name, names[i]) == 0) return i;
    return -1;
}

bool report_result_counts(const rules_result *r, const report_waiver *w, rules_severity fail_on)
{
    if (r->state != RULES_FAIL && r->state != RULES_STATE_ERROR) return false;
    if (w && w->state == WAIVER_APPLIED) return false;
    return rules_rule_severity(r->rule) >= fail_on;
}

void report_count(report_totals *t, const report_item *item)
{
    if (item->bundle) t->bundles++;
    else t->documents++;
    if (item->unreadable) t->unreadable++;
    if (!item->results) return;
    for (size_t i = 0; i < item->results->n; i++) {
        const rules_result *r = &item->results->items[i];
        const report_waiver *w = item->waivers ? &item->waivers[i] : NULL;
        bool waived = w && w->state == WAIVER_APPLIED;
        switch (r->state) {
        case RULES_PASS: t->pass++; break;
        case RULES_FAIL: waived ? t->waived++ : t->fail++; break;
        case RULES_NOTAPPLICABLE: t->notapplicable++; break;
        case RULES_STATE_ERROR: waived ? t->waived++ : t->error++; break;
        }
        if ((r->state == RULES_FAIL || r->state == RULES_STATE_ERROR) && !waived)
            t->by_severity[rules_rule_severity(r->rule)]++;
    }
}

report_writer *report_writer_new(report_format format, FILE *out, const report_meta *meta)
{
    if (!out) return NULL;
    report_writer *w = pl_xcalloc(1, sizeof *w);
    w->out = out;
    w->meta = meta;
    switch (format) {
    case REPORT_TEXT: w->ops = report_text_ops(); break;
    case REPORT_JSON: w->ops = report_json_ops(); break;
    case REPORT_JSONL: w->ops = report_jsonl_ops(); break;
    case REPORT_SARIF: w->ops = report_sarif_ops(); break;
    case REPORT_JUNIT: w->ops = report_junit_ops(); break;
    case REPORT_CSV: w->ops = report_csv_ops(); break;
    case REPORT_HTML: w->ops = report_html_ops(); break;
    }
    if (w->ops->begin) w->ops->begin(w);
    return w;
}

void report_item_write(report_writer *w, const report_item *item)
{
    w->ops->item(w, item);
    w->items++;
    fflush(w->out);
}

void report_writer_finish(report_writer *w, const report_totals *totals)
{
    if (w->ops->end) w->ops->end(w, totals);
    if (w->ops->free) w->ops->free(w);
    fflush(w->out);
    free(w);
}

const char *report_evidence_path(const report_item *item, const rules_evidence *e)
{
    if (e->member < item->nmembers) return item->members[e->member].path;
    return item->name;
}

void report_evidence_where(const report_item *item, const rules_evidence *e, pl_lang lang,
                           sbuf *out)
{
    if (item->bundle) sbuf_printf(out, "%s ", report_evidence_path(item, e));
    if (e->block_kind == DOC_BLOCK_CELL) {
        char col[8];
        doc_column_letters(e->loc.col, col);
        sbuf_printf(out, "%s!%s%u", e->loc.sheet ? e->loc.sheet : "?", col, e->loc.row);
        return;
    }
    if (e->clause && *e->clause) sbuf_printf(out, "%s ", e->clause);
    if (e->loc.paragraph) sbuf_printf(out, "¶%u", e->loc.paragraph);
    if (e->loc.table)
        sbuf_printf(out, lang == PL_LANG_JA ? " (表%u %u行%u列)" : " (table %u row %u col %u)",
                    e->loc.table, e->loc.row, e->loc.col);
    if (out->len && out->data[out->len - 1] == ' ') sbuf_truncate(out, out->len - 1);
}

/*
 * json.c - the JSON report (the design's schema, docs/json-output.md) and
 * JSON Lines (one document or bundle per line).
 *
 * Documents are written as they are checked. Bundles, of which there are
 * few, are kept as text until the documents array is closed, because the
 * schema puts them after it.
 */
#include <string.h>

#include "report.h"
#include "util/json.h"
#include "util/mem.h"

typedef struct json_state {
    sbuf buf;
    jw w;
    sbuf bundles; /* serialised bundle objects, comma-separated */
    size_t nbundles;
    bool lines;   /* JSONL */
} json_state;

static void write_location(jw *w, const rules_evidence *e)
{
    jw_object_begin(w);
    if (e->loc.part) jw_kv_string(w, "part", e->loc.part);
    if (e->clause && *e->clause) jw_kv_string(w, "clause", e->clause);
    if (e->block_kind == DOC_BLOCK_CELL) {
        char col[8], cell[24];
        doc_column_letters(e->loc.col, col);
        snprintf(cell, sizeof cell, "%s%u", col, e->loc.row);
        if (e->loc.sheet) jw_kv_string(w, "sheet", e->loc.sheet);
        jw_kv_string(w, "cell", cell);
    } else {
        if (e->loc.paragraph) jw_kv_int(w, "paragraph", e->loc.paragraph);
        if (e->loc.table) {
            jw_kv_int(w, "table", e->loc.table);
            jw_kv_int(w, "row", e->loc.row);
            jw_kv_int(w, "col", e->loc.col);
        }
    }
    jw_object_end(w);
}

static const char *evidence_kind_name(rules_evidence_kind k)
{
    static const char *const names[] = {"found", "violation", "mention", "product",
                                        "undecided", "value", "file"};
    return names[k];
}

static void write_evidence(jw *w, const report_item *item, const rules_evidence *e, pl_lang lang)
{
    jw_object_begin(w);
    jw_kv_string(w, "kind", evidence_kind_name(e->kind));
    if (item->bundle) jw_kv_string(w, "path", report_evidence_path(item, e));
    jw_key(w, "location");
    write_location(w, e);
    if (e->quote) jw_kv_string(w, "text", e->quote);
    jw_key(w, "match");
    jw_object_begin(w);
    jw_kv_int(w, "start", e->start);
    jw_kv_int(w, "end", e->end);
    jw_object_end(w);
    sbuf note = SBUF_INIT;
    rules_evidence_note(e, lang, &note);
    jw_kv_string(w, "note", sbuf_cstr(&note));
    sbuf_free(&note);
    if (e->product) jw_kv_string(w, "product", e->product);
    if (e->date.year) {
        char d[11];
        text_ymd_format(e->date, d);
        jw_kv_string(w, e->kind == EVIDENCE_VALUE ? "term_end" : "support_end", d);
    }
    jw_object_end(w);
}

static void write_results(jw *w, const report_item *item, pl_lang lang)
{
    jw_key(w, "results");
    jw_array_begin(w);
    if (item->unreadable) {
        /* a file that was not read is never clean: its only result says so */
        sbuf msg = SBUF_INIT;
        pl_error_format(&item->error, lang, &msg);
        jw_object_begin(w);
        jw_kv_string(w, "rule", "doc.unreadable");
        jw_kv_string(w, "state", "error");
        jw_kv_string(w, "severity", "error");
        jw_kv_string(w, "message", sbuf_cstr(&msg));
        jw_kv_string(w, "reason", pl_status_name(item->error.status));
        jw_key(w, "evidence");
        jw_array_begin(w);
        jw_array_end(w);
        jw_object_end(w);
        sbuf_free(&msg);
    }
    for (size_t i = 0; item->results && i < item->results->n; i++) {
        const rules_result *r = &item->results->items[i];
        const report_waiver *wv = item->waivers ? &item->waivers[i] : NULL;
        jw_object_begin(w);
        jw_kv_string(w, "rule", rules_rule_id(r->rule));
        jw_kv_string(w, "state", rules_state_name(r->state));
        jw_kv_string(w, "severity", rules_severity_name(rules_rule_severity(r->rule)));
        sbuf msg = SBUF_INIT;
        rules_result_message(r, lang, &msg);
        jw_kv_string(w, "message", sbuf_cstr(&msg));
        sbuf_free(&msg);
        jw_kv_string(w, "title", rules_rule_title(r->rule, lang));
        if (r->nmissing) {
            jw_key(w, "missing");
            jw_array_begin(w);
            for (size_t k = 0; k < r->nmissing; k++)
                jw_string(w, lang == PL_LANG_JA ? r->missing_ja[k] : r->missing_en[k]);
            jw_array_end(w);
        }
        if (r->detail_ja) jw_kv_string(w, "detail", lang == PL_LANG_JA ? r->detail_ja : r->detail_en);
        if (r->state == RULES_FAIL) jw_kv_int(w, "searched", r->searched_blocks);
        jw_key(w, "evidence");
        jw_array_begin(w);
        for (size_t k = 0; k < r->nevidence; k++) write_evidence(w, item, &r->evidence[k], lang);
        jw_array_end(w);
        if (r->more_evidence) jw_kv_int(w, "more_evidence", (long long)r->more_evidence);
        if (wv && wv->state != WAIVER_NONE) {
            jw_key(w, "waiver");
            jw_object_begin(w);
            jw_kv_string(w, "state", wv->state == WAIVER_APPLIED ? "applied" : "expired");
            if (wv->reason) jw_kv_string(w, "reason", wv->reason);
            if (wv->expires) jw_kv_string(w, "expires", wv->expires);
            if (wv->source) jw_kv_string(w, "source", wv->source);
            jw_object_end(w);
        }
        jw_object_end(w);
    }
    jw_array_end(w);
}

static void write_member_fields(jw *w, const report_member *m)
{
    jw_kv_string(w, "path", m->path);
    jw_kv_string(w, "type", doc_type_name(m->type));
    if (m->type_basis) jw_kv_string(w, "type_basis", m->type_basis);
    if (m->sha256[0]) jw_kv_string(w, "sha256", m->sha256);
    jw_kv_int(w, "size", (long long)m->size);
}

/* One document or bundle object. */
static void write_item(jw *w, const report_item *item, const report_meta *meta)
{
    jw_object_begin(w);
    if (item->bundle) {
        jw_kv_string(w, "name", item->name);
        jw_key(w, "members");
        jw_array_begin(w);
        for (size_t i = 0; i < item->nmembers; i++) {
            jw_object_begin(w);
            write_member_fields(w, &item->members[i]);
            jw_object_end(w);
        }
        jw_array_end(w);
    } else {
        write_member_fields(w, &item->members[0]);
        if (item->format) jw_kv_string(w, "format", item->format);
        jw_kv_string(w, "status", item->unreadable ? "unreadable" : "ok");
    }
    write_results(w, item, meta->lang);
    jw_object_end(w);
}

static void write_tool(jw *w, const report_meta *meta)
{
    jw_key(w, "tool");
    jw_object_begin(w);
    jw_kv_string(w, "name", "polint");
    jw_kv_string(w, "version", meta->version);
    jw_kv_string(w, "rules_revision", meta->rules_revision);
    jw_object_end(w);
    jw_kv_string(w, "as_of", meta->as_of);
    jw_kv_string(w, "lang", meta->lang == PL_LANG_JA ? "ja" : "en");
    if (meta->config) jw_kv_string(w, "config", meta->config);
    if (meta->baseline) jw_kv_string(w, "baseline", meta->baseline);
}

static void json_begin(report_writer *w)
{
    json_state *st = pl_xcalloc(1, sizeof *st);
    w->state = st;
    jw_init(&st->w, &st->buf, w->out, true);
    jw_object_begin(&st->w);
    jw_kv_int(&st->w, "schema", 1);
    write_tool(&st->w, w->meta);
    jw_key(&st->w, "documents");
    jw_array_begin(&st->w);
}

static void json_item(report_writer *w, const report_item *item)
{
    json_state *st = w->state;
    if (!item->bundle) {
        write_item(&st->w, item, w->meta);
        jw_flush(&st->w);
        return;
    }
    sbuf one = SBUF_INIT;
    jw bw;
    jw_init(&bw, &one, NULL, true);
    write_item(&bw, item, w->meta);
    if (st->nbundles++) sbuf_putc(&st->bundles, ',');
    sbuf_puts(&st->bundles, "\n    ");
    sbuf_append(&st->bundles, one.data, one.len);
    sbuf_free(&one);
}

static void write_summary(jw *w, const report_totals *t)
{
    jw_key(w, "summary");
    jw_object_begin(w);
    jw_kv_int(w, "documents", (long long)t->documents);
    jw_kv_int(w, "bundles", (long long)t->bundles);
    jw_kv_int(w, "unreadable", (long long)t->unreadable);
    jw_kv_int(w, "pass", (long long)t->pass);
    jw_kv_int(w, "fail", (long long)t->fail);
    jw_kv_int(w, "notapplicable", (long long)t->notapplicable);
    jw_kv_int(w, "errors", (long long)(t->error + t->unreadable));
    jw_kv_int(w, "waived", (long long)t->waived);
    jw_key(w, "findings");
    jw_object_begin(w);
    jw_kv_int(w, "error", (long long)t->by_severity[RULES_ERROR]);
    jw_kv_int(w, "warning", (long long)t->by_severity[RULES_WARNING]);
    jw_kv_int(w, "info", (long long)t->by_severity[RULES_INFO]);
    jw_object_end(w);
    jw_object_end(w);
}

static void json_end(report_writer *w, const report_totals *t)
{
    json_state *st = w->state;
    jw_array_end(&st->w);
    jw_key(&st->w, "bundles");
    sbuf arr = SBUF_INIT;
    sbuf_putc(&arr, '[');
    sbuf_append(&arr, st->bundles.data, st->bundles.len);
    sbuf_puts(&arr, st->nbundles ? "\n  ]" : "]");
    jw_raw(&st->w, arr.data, arr.len);
    sbuf_free(&arr);
    write_summary(&st->w, t);
    jw_object_end(&st->w);
    sbuf_putc(&st->buf, '\n');
    jw_flush(&st->w);
}

static void json_free(report_writer *w)
{
    json_state *st = w->state;
    sbuf_free(&st->buf);
    sbuf_free(&st->bundles);
    free(st);
}

const report_writer_ops *report_json_ops(void)
{
    static const report_writer_ops ops = {json_begin, json_item, json_end, json_free};
    return &ops;
}

/* ---- JSON Lines: every line a complete object ---------------------------------- */

static void jsonl_item(report_writer *w, const report_item *item)
{
    sbuf buf = SBUF_INIT;
    jw j;
    jw_init(&j, &buf, NULL, false);
    jw_object_begin(&j);
    jw_kv_string(&j, "record", item->bundle ? "bundle" : "document");
    jw_kv_int(&j, "schema", 1);
    write_tool(&j, w->meta);
    jw_key(&j, item->bundle ? "bundle" : "document");
    write_item(&j, item, w->meta);
    jw_object_end(&j);
    sbuf_putc(&buf, '\n');
    fwrite(buf.data, 1, buf.len, w->out);
    sbuf_free(&buf);
}

static void jsonl_end(report_writer *w, const report_totals *t)
{
    sbuf buf = SBUF_INIT;
    jw j;
    jw_init(&j, &buf, NULL, false);
    jw_object_begin(&j);
    jw_kv_string(&j, "record", "summary");
    jw_kv_int(&j, "schema", 1);
    write_tool(&j, w->meta);
    write_summary(&j, t);
    jw_object_end(&j);
    sbuf_putc(&buf, '\n');
    fwrite(buf.data, 1, buf.len, w->out);
    sbuf_free(&buf);
}

const report_writer_ops *report_jsonl_ops(void)
{
    static const report_writer_ops ops = {NULL, jsonl_item, jsonl_end, NULL};
    return &ops;
}

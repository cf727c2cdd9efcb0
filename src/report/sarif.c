/*
 * sarif.c - SARIF 2.1.0 for code-scanning tools.
 *
 * One run; the driver lists every loaded rule with its default level, so a
 * viewer can explain a result without polint. Results are the findings
 * (fail as kind "fail", undecidable as kind "review"); each points at its
 * file (with its SHA-256 in the artifacts table) and names the clause as a
 * logical location, since a DOCX has no line numbers a viewer could open.
 * Waived findings carry an external suppression with the waiver's reason.
 */
#include <string.h>

#include "report.h"
#include "util/json.h"
#include "util/mem.h"

typedef struct sarif_state {
    sbuf buf;
    jw w;
    sbuf artifacts; /* serialised artifact objects */
    size_t nartifacts;
} sarif_state;

static const char *level_of(rules_severity s)
{
    return s == RULES_ERROR ? "error" : s == RULES_WARNING ? "warning" : "note";
}

static void sarif_begin(report_writer *w)
{
    sarif_state *st = pl_xcalloc(1, sizeof *st);
    w->state = st;
    jw *j = &st->w;
    const report_meta *m = w->meta;
    jw_init(j, &st->buf, w->out, true);
    jw_object_begin(j);
    jw_kv_string(j, "$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    jw_kv_string(j, "version", "2.1.0");
    jw_key(j, "runs");
    jw_array_begin(j);
    jw_object_begin(j);
    jw_key(j, "tool");
    jw_object_begin(j);
    jw_key(j, "driver");
    jw_object_begin(j);
    jw_kv_string(j, "name", "polint");
    jw_kv_string(j, "version", m->version);
    jw_kv_string(j, "semanticVersion", m->version);
    jw_kv_string(j, "language", m->lang == PL_LANG_JA ? "ja-JP" : "en-US");
    jw_key(j, "rules");
    jw_array_begin(j);
    size_t n = rules_set_count(m->rules);
    for (size_t i = 0; i < n; i++) {
        const rules_rule *r = rules_set_at(m->rules, i);
        jw_object_begin(j);
        jw_kv_string(j, "id", rules_rule_id(r));
        jw_key(j, "shortDescription");
        jw_object_begin(j);
        jw_kv_string(j, "text", rules_rule_title(r, m->lang));
        jw_object_end(j);
        jw_key(j, "fullDescription");
        jw_object_begin(j);
        jw_kv_string(j, "text", rules_rule_message(r, m->lang));
        jw_object_end(j);
        jw_key(j, "defaultConfiguration");
        jw_object_begin(j);
        jw_kv_string(j, "level", level_of(rules_rule_severity(r)));
        jw_object_end(j);
        jw_key(j, "properties");
        jw_object_begin(j);
        jw_kv_string(j, "pack", rules_rule_pack(r));
        jw_object_end(j);
        jw_object_end(j);
    }
    jw_array_end(j);
    jw_object_end(j); /* driver */
    jw_object_end(j); /* tool */
    jw_key(j, "invocations");
    jw_array_begin(j);
    jw_object_begin(j);
    jw_kv_bool(j, "executionSuccessful", true);
    jw_object_end(j);
    jw_array_end(j);
    jw_key(j, "results");
    jw_array_begin(j);
}

static long rule_index(const rules_set *set, const rules_rule *r)
{
    size_t n = rules_set_count(set);
    for (size_t i = 0; i < n; i++)
        if (rules_set_at(set, i) == r) return (long)i;
    return -1;
}

static void write_artifact_location(jw *j, const char *uri, size_t index)
{
    jw_key(j, "artifactLocation");
    jw_object_begin(j);
    jw_kv_string(j, "uri", uri);
    jw_kv_int(j, "index", (long long)index);
    jw_object_end(j);
}

static void write_location(jw *j, const report_item *item, const rules_evidence *e, size_t base,
                           pl_lang lang)
{
    jw_object_begin(j);
    jw_key(j, "physicalLocation");
    jw_object_begin(j);
    size_t member = e ? e->member : 0;
    write_artifact_location(j, item->members[member < item->nmembers ? member : 0].path,
                            base + (member < item->nmembers ? member : 0));
    jw_object_end(j);
    if (e) {
        sbuf where = SBUF_INIT;
        report_evidence_where(item, e, lang, &where);
        jw_key(j, "logicalLocations");
        jw_array_begin(j);
        jw_object_begin(j);
        jw_kv_string(j, "name", e->clause && *e->clause ? e->clause : sbuf_cstr(&where));
        jw_kv_string(j, "fullyQualifiedName", sbuf_cstr(&where));
        jw_kv_string(j, "kind", "element");
        jw_object_end(j);
        jw_array_end(j);
        if (e->quote) {
            jw_key(j, "message");
            jw_object_begin(j);
            jw_kv_string(j, "text", e->quote);
            jw_object_end(j);
        }
        sbuf_free(&where);
    }
    jw_object_end(j);
}

static void add_artifacts(sarif_state *st, const report_item *item)
{
    for (size_t i = 0; i < item->nmembers; i++) {
        const report_member *m = &item->members[i];
        sbuf one = SBUF_INIT;
        jw a;
        jw_init(&a, &one, NULL, false);
        jw_object_begin(&a);
        jw_key(&a, "location");
        jw_object_begin(&a);
        jw_kv_string(&a, "uri", m->path);
        jw_object_end(&a);
        jw_kv_int(&a, "length", (long long)m->size);
        if (m->sha256[0]) {
            jw_key(&a, "hashes");
            jw_object_begin(&a);
            jw_kv_string(&a, "sha-256", m->sha256);
            jw_object_end(&a);
        }
        jw_object_end(&a);
        if (st->nartifacts++) sbuf_putc(&st->artifacts, ',');
        sbuf_append(&st->artifacts, one.data, one.len);
        sbuf_free(&one);
    }
}

static void sarif_item(report_writer *w, const report_item *item)
{
    sarif_state *st = w->state;
    jw *j = &st->w;
    pl_lang lang = w->meta->lang;
    size_t base = st->nartifacts;
    add_artifacts(st, item);
    if (item->unreadable) {
        sbuf msg = SBUF_INIT;
        pl_error_format(&item->error, lang, &msg);
        jw_object_begin(j);
        jw_kv_string(j, "ruleId", "doc.unreadable");
        const rules_rule *r = rules_set_find(w->meta->rules, "doc.unreadable");
        if (r) jw_kv_int(j, "ruleIndex", rule_index(w->meta->rules, r));
        jw_kv_string(j, "kind", "fail");
        jw_kv_string(j, "level", "error");
        jw_key(j, "message");
        jw_object_begin(j);
        jw_kv_string(j, "text", sbuf_cstr(&msg));
        jw_object_end(j);
        jw_key(j, "locations");
        jw_array_begin(j);
        write_location(j, item, NULL, base, lang);
        jw_array_end(j);
        jw_object_end(j);
        sbuf_free(&msg);
    }
    for (size_t i = 0; item->results && i < item->results->n; i++) {
        const rules_result *r = &item->results->items[i];
        if (r->state != RULES_FAIL && r->state != RULES_STATE_ERROR) continue;
        const report_waiver *wv = item->waivers ? &item->waivers[i] : NULL;
        jw_object_begin(j);
        jw_kv_string(j, "ruleId", rules_rule_id(r->rule));
        jw_kv_int(j, "ruleIndex", rule_index(w->meta->rules, r->rule));
        jw_kv_string(j, "kind", r->state == RULES_FAIL ? "fail" : "review");
        jw_kv_string(j, "level", level_of(rules_rule_severity(r->rule)));
        sbuf msg = SBUF_INIT;
        rules_result_message(r, lang, &msg);
        jw_key(j, "message");
        jw_object_begin(j);
        jw_kv_string(j, "text", sbuf_cstr(&msg));
        jw_object_end(j);
        sbuf_free(&msg);
        jw_key(j, "locations");
        jw_array_begin(j);
        bool any = false;
        for (size_t k = 0; k < r->nevidence; k++) {
            const rules_evidence *e = &r->evidence[k];
            if (e->kind != EVIDENCE_VIOLATION && e->kind != EVIDENCE_UNDECIDED &&
                e->kind != EVIDENCE_FILE && e->kind != EVIDENCE_MENTION)
                continue;
            write_location(j, item, e, base, lang);
            any = true;
        }
        if (!any) write_location(j, item, NULL, base, lang);
        jw_array_end(j);
        if (wv && wv->state == WAIVER_APPLIED) {
            jw_key(j, "suppressions");
            jw_array_begin(j);
            jw_object_begin(j);
            jw_kv_string(j, "kind", "external");
            jw_kv_string(j, "status", "accepted");
            if (wv->reason) jw_kv_string(j, "justification", wv->reason);
            jw_object_end(j);
            jw_array_end(j);
        }
        jw_object_end(j);
    }
    jw_flush(j);
}

static void sarif_end(report_writer *w, const report_totals *t)
{
    (void)t;
    sarif_state *st = w->state;
    jw *j = &st->w;
    jw_array_end(j); /* results */
    jw_key(j, "artifacts");
    sbuf arr = SBUF_INIT;
    sbuf_putc(&arr, '[');
    sbuf_append(&arr, st->artifacts.data, st->artifacts.len);
    sbuf_putc(&arr, ']');
    jw_raw(j, arr.data, arr.len);
    sbuf_free(&arr);
    jw_key(j, "properties");
    jw_object_begin(j);
    jw_kv_string(j, "asOf", w->meta->as_of);
    jw_kv_string(j, "rulesRevision", w->meta->rules_revision);
    jw_object_end(j);
    jw_object_end(j); /* run */
    jw_array_end(j);
    jw_object_end(j);
    sbuf_putc(&st->buf, '\n');
    jw_flush(j);
}

static void sarif_free(report_writer *w)
{
    sarif_state *st = w->state;
    sbuf_free(&st->buf);
    sbuf_free(&st->artifacts);
    free(st);
}

const report_writer_ops *report_sarif_ops(void)
{
    static const report_writer_ops ops = {sarif_begin, sarif_item, sarif_end, sarif_free};
    return &ops;
}

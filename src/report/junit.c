/*
 * junit.c - JUnit XML for CI dashboards: one test suite per document (or
 * bundle), one test case per rule. A pass is a plain test case, a failure a
 * <failure>, an undecidable result an <error>, a rule that does not apply
 * <skipped>; an unreadable file is a suite whose one case (doc.unreadable)
 * is an <error>. Waived findings are reported as skipped with the waiver's
 * reason, so they stay visible. The layout follows the widely used Jenkins
 * JUnit schema (properties, test cases, system-out, in that order).
 */
#include <string.h>
#include <time.h>

#include "report.h"
#include "util/escape.h"
#include "util/mem.h"

static void junit_begin(report_writer *w)
{
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"polint\">\n", w->out);
}

static void attr(sbuf *b, const char *name, const char *value)
{
    sbuf_printf(b, " %s=\"", name);
    escape_xml_str(b, value);
    sbuf_putc(b, '"');
}

static void property(sbuf *b, const char *name, const char *value)
{
    sbuf_puts(b, "      <property");
    attr(b, "name", name);
    attr(b, "value", value ? value : "");
    sbuf_puts(b, "/>\n");
}

static void junit_item(report_writer *w, const report_item *item)
{
    const report_meta *m = w->meta;
    pl_lang lang = m->lang;
    size_t tests = item->unreadable ? 1 : 0, failures = 0, errors = item->unreadable ? 1 : 0,
           skipped = 0;
    for (size_t i = 0; item->results && i < item->results->n; i++) {
        const rules_result *r = &item->results->items[i];
        const report_waiver *wv = item->waivers ? &item->waivers[i] : NULL;
        bool waived = wv && wv->state == WAIVER_APPLIED;
        tests++;
        if (r->state == RULES_NOTAPPLICABLE || waived) skipped++;
        else if (r->state == RULES_FAIL) failures++;
        else if (r->state == RULES_STATE_ERROR) errors++;
    }
    char stamp[32];
    time_t now = time(NULL);
    strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", gmtime(&now));
    sbuf b = SBUF_INIT;
    sbuf_puts(&b, "  <testsuite");
    attr(&b, "name", item->name);
    sbuf_printf(&b, " id=\"%zu\" tests=\"%zu\" failures=\"%zu\" errors=\"%zu\" skipped=\"%zu\"",
                w->items, tests, failures, errors, skipped);
    sbuf_printf(&b, " time=\"0\" timestamp=\"%s\" hostname=\"localhost\" package=\"polint\">\n",
                stamp);
    sbuf_puts(&b, "    <properties>\n");
    property(&b, "polint.version", m->version);
    property(&b, "rules.revision", m->rules_revision);
    property(&b, "as_of", m->as_of);
    for (size_t i = 0; i < item->nmembers; i++) {
        property(&b, "file", item->members[i].path);
        property(&b, "sha256", item->members[i].sha256);
        property(&b, "type", doc_type_name(item->members[i].type));
    }
    sbuf_puts(&b, "    </properties>\n");
    if (item->unreadable) {
        sbuf msg = SBUF_INIT;
        pl_error_format(&item->error, lang, &msg);
        sbuf_puts(&b, "    <testcase name=\"doc.unreadable\"");
        attr(&b, "classname", item->name);
        sbuf_puts(&b, " time=\"0\">\n      <error");
        attr(&b, "message", sbuf_cstr(&msg));
        attr(&b, "type", pl_status_name(item->error.status));
        sbuf_puts(&b, "/>\n    </testcase>\n");
        sbuf_free(&msg);
    }
    for (size_t i = 0; item->results && i < item->results->n; i++) {
        const rules_result *r = &item->results->items[i];
        const report_waiver *wv = item->waivers ? &item->waivers[i] : NULL;
        sbuf_puts(&b, "    <testcase");
        attr(&b, "name", rules_rule_id(r->rule));
        attr(&b, "classname", item->name);
        sbuf_puts(&b, " time=\"0\"");
        sbuf msg = SBUF_INIT;
        rules_result_message(r, lang, &msg);
        if (r->state == RULES_PASS) {
            sbuf_puts(&b, "/>\n");
        } else if (r->state == RULES_NOTAPPLICABLE ||
                   (wv && wv->state == WAIVER_APPLIED)) {
            sbuf_puts(&b, ">\n      <skipped");
            attr(&b, "message", wv && wv->state == WAIVER_APPLIED && wv->reason ? wv->reason
                                                                                 : sbuf_cstr(&msg));
            sbuf_puts(&b, "/>\n    </testcase>\n");
        } else {
            const char *tag = r->state == RULES_FAIL ? "failure" : "error";
            sbuf_printf(&b, ">\n      <%s", tag);
            attr(&b, "message", sbuf_cstr(&msg));
            attr(&b, "type", rules_severity_name(rules_rule_severity(r->rule)));
            sbuf_puts(&b, ">");
            for (size_t k = 0; k < r->nevidence; k++) {
                sbuf where = SBUF_INIT, note = SBUF_INIT;
                report_evidence_where(item, &r->evidence[k], lang, &where);
                rules_evidence_note(&r->evidence[k], lang, &note);
                sbuf line = SBUF_INIT;
                sbuf_printf(&line, "%s: %s %s\n", sbuf_cstr(&where), sbuf_cstr(&note),
                            r->evidence[k].quote ? r->evidence[k].quote : "");
                escape_xml(&b, line.data, line.len);
                sbuf_free(&line);
                sbuf_free(&where);
                sbuf_free(&note);
            }
            sbuf_printf(&b, "</%s>\n    </testcase>\n", tag);
        }
        sbuf_free(&msg);
    }
    sbuf_puts(&b, "    <system-out/>\n    <system-err/>\n  </testsuite>\n");
    fwrite(b.data, 1, b.len, w->out);
    sbuf_free(&b);
}

static void junit_end(report_writer *w, const report_totals *t)
{
    (void)t;
    fputs("</testsuites>\n", w->out);
}

const report_writer_ops *report_junit_ops(void)
{
    static const report_writer_ops ops = {junit_begin, junit_item, junit_end, NULL};
    return &ops;
}

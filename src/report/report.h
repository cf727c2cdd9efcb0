/*
 * report.h - results for people and for tools.
 *
 * A run produces items (a document, or a bundle of documents checked as one
 * contract set), each with one result per rule. Writers receive them one at
 * a time, in the order the user gave the files, so a run over thousands of
 * documents needs memory for the documents in flight, not for the corpus:
 *
 *   text   file:clause: severity: message [rule-id], for a terminal
 *   json   the design's schema (docs/json-output.md), one document after another
 *   jsonl  one JSON object per document or bundle per line, for streaming
 *   sarif  SARIF 2.1.0, for code-scanning tools
 *   junit  one test case per document x rule, for CI dashboards
 *   csv    one row per result, UTF-8 with a BOM so Excel reads Japanese
 *   html   a self-contained report with a document x rule matrix
 *
 * Every report records the tool version, the rules revision, the reference
 * date and each file's SHA-256. Waived findings are shown as waived and
 * counted apart, never hidden.
 */
#ifndef PL_REPORT_H
#define PL_REPORT_H

#include <stdio.h>

#include "doc/doc.h"
#include "rules/rules.h"
#include "util/i18n.h"
#include "util/status.h"

typedef enum report_format {
    REPORT_TEXT,
    REPORT_JSON,
    REPORT_JSONL,
    REPORT_SARIF,
    REPORT_JUNIT,
    REPORT_CSV,
    REPORT_HTML,
} report_format;

int report_format_parse(const char *name); /* -1 if unknown */

typedef enum report_waiver_state {
    WAIVER_NONE = 0,
    WAIVER_APPLIED, /* the finding is accepted until the waiver expires */
    WAIVER_EXPIRED, /* a waiver matched but has expired: the finding counts */
} report_waiver_state;

typedef struct report_waiver {
    report_waiver_state state;
    const char *reason;
    const char *expires; /* YYYY-MM-DD or NULL */
    const char *source;  /* baseline file:line */
} report_waiver;

typedef struct report_member {
    const char *path;
    char sha256[65];
    uint64_t size;
    doc_type type;
    const char *type_basis;
} report_member;

/* A document, or a bundle (members > 1 or bundle set). */
typedef struct report_item {
    bool bundle;
    const char *name;           /* document path or bundle name */
    report_member *members;     /* the document itself, or the bundle's files */
    size_t nmembers;
    const char *format;         /* "docx", "xlsx" (documents) */
    bool unreadable;
    pl_error error;             /* when unreadable */
    const rules_results *results;
    const report_waiver *waivers; /* one per result, or NULL */
} report_item;

typedef struct report_meta {
    const char *version;
    const char *rules_revision;
    char as_of[11];
    pl_lang lang;
    rules_severity fail_on;
    const rules_set *rules;
    const char *config;   /* config file used, or NULL */
    const char *baseline; /* waiver file used, or NULL */
    bool verbose;         /* text: list passes with their evidence too */
} report_meta;

typedef struct report_totals {
    size_t documents, bundles, unreadable;
    size_t pass, fail, notapplicable, error, waived;
    size_t by_severity[3]; /* unwaived failures and errors, by rules_severity */
} report_totals;

/* Counts one item into totals. */
void report_count(report_totals *t, const report_item *item);

/* Does the result count against the exit status and --fail-on? */
bool report_result_counts(const rules_result *r, const report_waiver *w, rules_severity fail_on);

typedef struct report_writer report_writer;

/* A writer for format on out (which the caller owns). NULL if out is not
 * usable. */
report_writer *report_writer_new(report_format format, FILE *out, const report_meta *meta);
void report_item_write(report_writer *w, const report_item *item);
/* Writes what comes after the items (summaries, closing brackets) and frees w. */
void report_writer_finish(report_writer *w, const report_totals *totals);

/* ---- shared helpers for the writers (report/ only) ------------------------ */

typedef struct report_writer_ops {
    void (*begin)(report_writer *w);
    void (*item)(report_writer *w, const report_item *item);
    void (*end)(report_writer *w, const report_totals *t);
    void (*free)(report_writer *w);
} report_writer_ops;

struct report_writer {
    const report_writer_ops *ops;
    FILE *out;
    const report_meta *meta;
    void *state;      /* the format's own */
    size_t items;     /* written so far */
};

const report_writer_ops *report_text_ops(void);
const report_writer_ops *report_json_ops(void);
const report_writer_ops *report_jsonl_ops(void);
const report_writer_ops *report_sarif_ops(void);
const report_writer_ops *report_junit_ops(void);
const report_writer_ops *report_csv_ops(void);
const report_writer_ops *report_html_ops(void);

/* The evidence location as people cite it: "契約書.docx 第12条 (¶34)". */
void report_evidence_where(const report_item *item, const rules_evidence *e, pl_lang lang,
                           sbuf *out);
/* The path of the file an evidence item belongs to. */
const char *report_evidence_path(const report_item *item, const rules_evidence *e);

#endif

/*
 * cmd_check.c - `polint check`: documents against the rule packs.
 *
 * A unit of work is one file, or with --bundle one contract set (a folder,
 * or the loose files given). Workers take units in order; the main thread
 * writes each unit's items as soon as every earlier unit is written, so the
 * report is identical whatever --jobs is, and memory holds only the units in
 * flight (at most a small window ahead of the writer). A slow or hostile
 * document occupies one worker; the others go on.
 */
#include <libxml/parser.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "doc/structure.h"
#include "ooxml/ooxml.h"
#include "report/report.h"
#include "util/mem.h"
#include "util/sbuf.h"

typedef struct check_opts {
    report_format format;
    const char *output;
    char as_of[11];
    doc_type type;
    bool bundle;
    int fail_on;
    int jobs;
    bool verbose;
    bool progress;
    const char *config;
    const char *baseline;
    char **rule_paths;
    size_t nrule_paths;
} check_opts;

/* What a unit produces: documents (and a bundle), ready to write. */
typedef struct unit_out {
    report_item *items;
    size_t nitems;
    rules_results *results; /* one per item */
    report_waiver **waivers;
    report_member *members; /* all members, items point into it */
    size_t nmembers;
} unit_out;

typedef struct unit {
    char **paths;
    size_t npaths;
    char *name;
    bool bundle;
    unit_out *out; /* set by the worker when done */
} unit;

typedef struct run {
    const check_opts *opts;
    cli_rules rules;
    rules_context ctx;
    cli_waivers waivers;
    bool have_waivers;
    ooxml_options read;
    pl_lang lang;
    unit *units;
    size_t nunits;
    /* the pool */
    pthread_mutex_t lock;
    pthread_cond_t done, space;
    size_t next_unit, next_write, window;
} run;

/* ---- evaluating one unit -------------------------------------------------------- */

typedef struct member_doc {
    doc_document doc;
    doc_structure st;
    pl_error err;
    bool read;
} member_doc;

/* Keeps the results of rules that belong in this item. */
static void filter_results(run *r, rules_results *res, int file_level)
{
    size_t k = 0;
    size_t nrules = rules_set_count(&r->rules.set);
    for (size_t i = 0; i < res->n; i++) {
        const rules_rule *rule = res->items[i].rule;
        bool keep = true;
        for (size_t j = 0; j < nrules; j++)
            if (rules_set_at(&r->rules.set, j) == rule && r->rules.disabled[j]) keep = false;
        if (file_level >= 0 && rules_rule_is_file_level(rule) != (file_level == 1)) keep = false;
        if (keep) res->items[k++] = res->items[i];
    }
    res->n = k;
}

static void attach_waivers(run *r, unit_out *o, size_t i)
{
    report_item *it = &o->items[i];
    if (!r->have_waivers || !it->results || !it->results->n) return;
    o->waivers[i] = pl_xcalloc(it->results->n, sizeof **o->waivers);
    for (size_t k = 0; k < it->results->n; k++)
        o->waivers[i][k] =
            cli_waiver_for(&r->waivers, it, &it->results->items[k], r->opts->as_of);
    it->waivers = o->waivers[i];
}

static void fill_member(report_member *m, const char *path, const member_doc *md)
{
    m->path = path;
    memcpy(m->sha256, md->doc.info.sha256, sizeof m->sha256);
    m->size = md->doc.info.file_size;
    m->type = md->read ? md->st.type : DOC_TYPE_UNKNOWN;
    m->type_basis = md->read ? md->st.type_basis : NULL;
}

static void evaluate(run *r, rules_worker *w, const member_doc *docs, const size_t *which,
                     size_t n, bool bundle, rules_results *out)
{
    rules_member *members = pl_xcalloc(n + 1, sizeof *members);
    for (size_t i = 0; i < n; i++) members[i] = (rules_member){&docs[which[i]].doc, &docs[which[i]].st};
    rules_subject subj = {members, n, bundle};
    rules_results_init(out);
    rules_evaluate(&r->ctx, &subj, w, out);
    free(members);
}

static unit_out *process_unit(run *r, const unit *u, rules_worker *w)
{
    unit_out *o = pl_xcalloc(1, sizeof *o);
    member_doc *docs = pl_xcalloc(u->npaths + 1, sizeof *docs);
    size_t *readable = pl_xcalloc(u->npaths + 1, sizeof *readable);
    size_t nreadable = 0;
    for (size_t i = 0; i < u->npaths; i++) {
        member_doc *md = &docs[i];
        doc_document_init(&md->doc);
        pl_error_clear(&md->err);
        doc_sink sink = doc_document_sink(&md->doc);
        md->read = ooxml_read_file(u->paths[i], &r->read, &md->doc.info, &sink, &md->err) == PL_OK;
        if (md->read) {
            doc_structure_build(&md->st, &md->doc, r->opts->type);
            readable[nreadable++] = i;
        }
    }
    /* documents: each file's own item; in a bundle, with file-level rules only */
    size_t nitems = u->npaths + (u->bundle ? 1 : 0);
    o->items = pl_xcalloc(nitems, sizeof *o->items);
    o->results = pl_xcalloc(nitems, sizeof *o->results);
    o->waivers = pl_xcalloc(nitems, sizeof *o->waivers);
    o->members = pl_xcalloc(u->npaths + 1, sizeof *o->members);
    o->nmembers = u->npaths;
    for (size_t i = 0; i < u->npaths; i++) fill_member(&o->members[i], u->paths[i], &docs[i]);
    for (size_t i = 0; i < u->npaths; i++) {
        report_item *it = &o->items[o->nitems];
        it->name = u->paths[i];
        it->members = &o->members[i];
        it->nmembers = 1;
        it->format = docs[i].read ? doc_format_name(docs[i].doc.info.format) : NULL;
        if (!docs[i].read) {
            it->unreadable = true;
            it->error = docs[i].err;
        } else {
            size_t one = i;
            evaluate(r, w, docs, &one, 1, false, &o->results[o->nitems]);
            filter_results(r, &o->results[o->nitems], u->bundle ? 1 : -1);
            it->results = &o->results[o->nitems];
        }
        attach_waivers(r, o, o->nitems);
        o->nitems++;
    }
    if (u->bundle) {
        report_item *it = &o->items[o->nitems];
        it->bundle = true;
        it->name = u->name;
        it->members = o->members;
        it->nmembers = u->npaths;
        /* an unreadable member makes the set incomplete: say so, and still
         * report what the readable members show */
        for (size_t i = 0; i < u->npaths && !it->unreadable; i++)
            if (!docs[i].read) {
                it->unreadable = true;
                it->error = docs[i].err;
            }
        if (nreadable) {
            evaluate(r, w, docs, readable, nreadable, true, &o->results[o->nitems]);
            filter_results(r, &o->results[o->nitems], 0);
            it->results = &o->results[o->nitems];
            /* evidence names members by their index among the readable ones */
            for (size_t k = 0; k < it->results->n; k++)
                for (size_t e = 0; e < it->results->items[k].nevidence; e++) {
                    rules_evidence *ev = &it->results->items[k].evidence[e];
                    ev->member = readable[ev->member];
                }
        }
        attach_waivers(r, o, o->nitems);
        o->nitems++;
    }
    for (size_t i = 0; i < u->npaths; i++) {
        if (docs[i].read) doc_structure_free(&docs[i].st);
        doc_document_free(&docs[i].doc);
    }
    free(docs);
    free(readable);
    return o;
}

static void free_unit_out(unit_out *o)
{
    for (size_t i = 0; i < o->nitems; i++) {
        if (o->items[i].results) rules_results_free(&o->results[i]);
        free(o->waivers[i]);
    }
    free(o->items);
    free(o->results);
    free(o->waivers);
    free(o->members);
    free(o);
}

/* ---- the pool ----------------------------------------------------------------- */

static void *worker_main(void *arg)
{
    run *r = arg;
    rules_worker *w = rules_worker_new();
    for (;;) {
        pthread_mutex_lock(&r->lock);
        while (r->next_unit < r->nunits && r->next_unit >= r->next_write + r->window)
            pthread_cond_wait(&r->space, &r->lock);
        if (r->next_unit >= r->nunits) {
            pthread_mutex_unlock(&r->lock);
            break;
        }
        size_t i = r->next_unit++;
        pthread_mutex_unlock(&r->lock);
        unit_out *o = process_unit(r, &r->units[i], w);
        pthread_mutex_lock(&r->lock);
        r->units[i].out = o;
        pthread_cond_broadcast(&r->done);
        pthread_mutex_unlock(&r->lock);
    }
    rules_worker_free(w);
    return NULL;
}

static void progress(const run *r, size_t done, bool clear)
{
    if (!r->opts->progress) return;
    if (clear) {
        fputs("\r\033[K", stderr);
        return;
    }
    const char *name = done < r->nunits ? r->units[done].name : "";
    fprintf(stderr, "\r\033[K[%zu/%zu] %s", done, r->nunits, name);
    fflush(stderr);
}

/* Writes units in order as they complete; returns the totals. */
static void drain(run *r, report_writer *wr, report_totals *totals, pthread_t *threads, int nthreads)
{
    rules_worker *inline_worker = nthreads ? NULL : rules_worker_new();
    bool clear_before = r->opts->progress && isatty(STDOUT_FILENO) && !r->opts->output;
    for (size_t i = 0; i < r->nunits; i++) {
        unit_out *o;
        if (!nthreads) {
            o = process_unit(r, &r->units[i], inline_worker);
        } else {
            pthread_mutex_lock(&r->lock);
            while (!r->units[i].out) pthread_cond_wait(&r->done, &r->lock);
            o = r->units[i].out;
            r->units[i].out = NULL;
            r->next_write = i + 1;
            pthread_cond_broadcast(&r->space);
            pthread_mutex_unlock(&r->lock);
        }
        if (clear_before) progress(r, 0, true);
        for (size_t k = 0; k < o->nitems; k++) {
            report_count(totals, &o->items[k]);
            report_item_write(wr, &o->items[k]);
        }
        free_unit_out(o);
        progress(r, i + 1, false);
    }
    progress(r, 0, true);
    for (int t = 0; t < nthreads; t++) pthread_join(threads[t], NULL);
    rules_worker_free(inline_worker);
}

/* ---- operands to units ---------------------------------------------------------- */

static void add_unit(run *r, size_t *cap, char **paths, size_t n, const char *name, bool bundle)
{
    PL_GROW(r->units, *cap, r->nunits + 1);
    unit *u = &r->units[r->nunits++];
    memset(u, 0, sizeof *u);
    u->paths = pl_xcalloc(n + 1, sizeof *u->paths);
    for (size_t i = 0; i < n; i++) u->paths[i] = pl_xstrdup(paths[i]);
    u->npaths = n;
    u->name = pl_xstrdup(name);
    u->bundle = bundle;
}

static void make_units(run *r, char **operands, int n, cli_paths *listed, int *bad)
{
    size_t cap = 0;
    if (!r->opts->bundle) {
        cli_paths files = {0};
        cli_paths_collect(&files, operands, n, r->lang, bad);
        for (size_t i = 0; i < listed->n; i++) {
            PL_GROW(files.items, files.cap, files.n + 1);
            files.items[files.n++] = pl_xstrdup(listed->items[i]);
        }
        for (size_t i = 0; i < files.n; i++) add_unit(r, &cap, &files.items[i], 1, files.items[i], false);
        cli_paths_free(&files);
        return;
    }
    /* --bundle: each folder is one contract set; loose files form another */
    cli_paths loose = {0};
    for (int i = 0; i < n; i++) {
        struct stat st;
        if (stat(operands[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            cli_paths files = {0};
            cli_paths_collect(&files, &operands[i], 1, r->lang, bad);
            if (files.n) add_unit(r, &cap, files.items, files.n, operands[i], true);
            cli_paths_free(&files);
        } else {
            PL_GROW(loose.items, loose.cap, loose.n + 1);
            loose.items[loose.n++] = pl_xstrdup(operands[i]);
        }
    }
    for (size_t i = 0; i < listed->n; i++) {
        PL_GROW(loose.items, loose.cap, loose.n + 1);
        loose.items[loose.n++] = pl_xstrdup(listed->items[i]);
    }
    if (loose.n) {
        sbuf name = SBUF_INIT;
        for (size_t i = 0; i < loose.n && i < 3; i++)
            sbuf_printf(&name, "%s%s", i ? " + " : "", loose.items[i]);
        if (loose.n > 3) sbuf_printf(&name, " + %zu", loose.n - 3);
        add_unit(r, &cap, loose.items, loose.n, sbuf_cstr(&name), true);
        sbuf_free(&name);
    }
    cli_paths_free(&loose);
}

static void free_units(run *r)
{
    for (size_t i = 0; i < r->nunits; i++) {
        for (size_t k = 0; k < r->units[i].npaths; k++) free(r->units[i].paths[k]);
        free(r->units[i].paths);
        free(r->units[i].name);
    }
    free(r->units);
}

/* ---- options ------------------------------------------------------------------------ */

static int usage(pl_lang lang, const char *ja, const char *en, const char *arg)
{
    cli_usage_error(lang, ja, en, arg);
    return CLI_EXIT_ERROR;
}

/* Options may come before, between or after the files; "--" ends them.
 * Operands are moved to the front of argv[first..argc). */
static int parse_options(int argc, char **argv, check_opts *o, cli_paths *listed, int *first,
                         pl_lang lang, int *bad)
{
    int nops = 0;
    char **ops = pl_xcalloc((size_t)argc + 1, sizeof *ops);
    bool only_operands = false;
    for (int i = 1; i < argc; i++) {
        if (only_operands || argv[i][0] != '-' || !argv[i][1]) {
            ops[nops++] = argv[i];
            continue;
        }
        const char *v;
        if ((v = cli_option_value(argc, argv, &i, "--format"))) {
            int f = report_format_parse(v);
            if (f < 0)
                return free(ops), usage(lang, "--format には text、json、jsonl、sarif、junit、csv、html のいずれかを指定してください",
                             "--format takes text, json, jsonl, sarif, junit, csv or html", v);
            o->format = (report_format)f;
        } else if ((v = cli_option_value(argc, argv, &i, "-o")) ||
                   (v = cli_option_value(argc, argv, &i, "--output"))) {
            o->output = v;
        } else if ((v = cli_option_value(argc, argv, &i, "--as-of"))) {
            text_ymd d;
            if (!cli_parse_date(v, &d))
                return free(ops), usage(lang, "--as-of には YYYY-MM-DD 形式の日付を指定してください",
                             "--as-of takes a date YYYY-MM-DD", v);
            snprintf(o->as_of, sizeof o->as_of, "%s", v);
        } else if ((v = cli_option_value(argc, argv, &i, "--type"))) {
            int t = strcmp(v, "auto") == 0 ? DOC_TYPE_UNKNOWN : doc_type_parse(v);
            if (t < 0)
                return free(ops), usage(lang, "--type には auto、contract、special-provisions、spec、policy、ledger のいずれかを指定してください",
                             "--type takes auto, contract, special-provisions, spec, policy or ledger", v);
            o->type = (doc_type)t;
        } else if ((v = cli_option_value(argc, argv, &i, "--fail-on"))) {
            int s = rules_severity_parse(v);
            if (s < 0)
                return free(ops), usage(lang, "--fail-on には error、warning、info のいずれかを指定してください",
                             "--fail-on takes error, warning or info", v);
            o->fail_on = s;
        } else if ((v = cli_option_value(argc, argv, &i, "--jobs")) ||
                   (v = cli_option_value(argc, argv, &i, "-j"))) {
            char *end;
            long n = strtol(v, &end, 10);
            if (*end || n < 1 || n > 256)
                return free(ops), usage(lang, "--jobs には 1 から 256 の数を指定してください",
                             "--jobs takes a number from 1 to 256", v);
            o->jobs = (int)n;
        } else if ((v = cli_option_value(argc, argv, &i, "--config"))) {
            o->config = v;
        } else if ((v = cli_option_value(argc, argv, &i, "--baseline"))) {
            o->baseline = v;
        } else if ((v = cli_option_value(argc, argv, &i, "--rules"))) {
            o->rule_paths = pl_xrealloc(o->rule_paths, (o->nrule_paths + 1) * sizeof *o->rule_paths);
            o->rule_paths[o->nrule_paths++] = (char *)v;
        } else if ((v = cli_option_value(argc, argv, &i, "--files-from"))) {
            if (!cli_paths_from_list(listed, v, lang)) (*bad)++;
        } else if (strcmp(argv[i], "--bundle") == 0) {
            o->bundle = true;
        } else if (strcmp(argv[i], "--verbose") == 0 || strcmp(argv[i], "-v") == 0) {
            o->verbose = true;
        } else if (strcmp(argv[i], "--no-progress") == 0) {
            o->progress = false;
        } else if (strcmp(argv[i], "--") == 0) {
            only_operands = true;
        } else {
            free(ops);
            return usage(lang, "不明なオプションです", "unknown option", argv[i]);
        }
        if (v && !*v) {
            free(ops);
            return usage(lang, "オプションに値がありません", "option needs a value", argv[i]);
        }
    }
    *first = argc - nops;
    for (int k = 0; k < nops; k++) argv[*first + k] = ops[k];
    free(ops);
    return 0;
}

/* One worker per processor, at most 8: beyond that reading is bound by the
 * disk, and each worker holds its documents in memory. */
static int default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 8 ? 8 : (int)n;
}

int cmd_check(int argc, char **argv, pl_lang lang)
{
    check_opts o = {.format = REPORT_TEXT, .type = DOC_TYPE_UNKNOWN, .fail_on = -1, .jobs = 0,
                    .progress = true};
    cli_paths listed = {0};
    int bad = 0, first = argc;
    if (parse_options(argc, argv, &o, &listed, &first, lang, &bad)) {
        cli_paths_free(&listed);
        free(o.rule_paths);
        return CLI_EXIT_ERROR;
    }
    cli_config cfg;
    cli_config_init(&cfg);
    pl_error err;
    pl_error_clear(&err);
    int status = CLI_EXIT_ERROR;
    run r;
    memset(&r, 0, sizeof r);
    r.opts = &o;
    r.lang = lang;
    if (cli_config_load(&cfg, o.config, &err) != PL_OK) {
        cli_report_error(cfg.file ? cfg.file : o.config, &err, lang);
        goto out;
    }
    /* command line > polint.xml > defaults */
    if (!o.as_of[0]) {
        if (cfg.as_of[0]) snprintf(o.as_of, sizeof o.as_of, "%s", cfg.as_of);
        else cli_today(o.as_of);
    }
    if (o.fail_on < 0) o.fail_on = cfg.fail_on >= 0 ? cfg.fail_on : RULES_WARNING;
    if (!o.jobs) o.jobs = cfg.jobs > 0 ? cfg.jobs : default_jobs();
    if (!o.baseline) o.baseline = cfg.baseline;
    o.progress = o.progress && isatty(STDERR_FILENO);
    if (cli_rules_load(&r.rules, &cfg, o.rule_paths, o.nrule_paths, &err) != PL_OK) {
        cli_report_error(err.part[0] ? err.part : "rules", &err, lang);
        goto out;
    }
    if (o.baseline) {
        if (cli_waivers_load(&r.waivers, o.baseline, &err) != PL_OK) {
            cli_report_error(o.baseline, &err, lang);
            goto out;
        }
        r.have_waivers = true;
    }
    cli_rules_context(&r.rules, &r.ctx);
    cli_parse_date(o.as_of, &r.ctx.as_of);
    ooxml_options_default(&r.read);
    r.read.metadata = true;

    make_units(&r, argv + first, argc - first, &listed, &bad);
    if (!r.nunits && !bad) {
        cli_usage_error(lang, "検査するファイルを指定してください", "no input files", NULL);
        goto out;
    }
    o.progress = o.progress && r.nunits >= 10;

    FILE *out = stdout;
    if (o.output && !(out = fopen(o.output, "w"))) {
        fprintf(stderr, "polint: %s: %s\n", o.output,
                pl_tr(lang, "出力ファイルを作成できません", "cannot create the output file"));
        goto out;
    }
    sbuf revision = SBUF_INIT;
    rules_set_revision(&r.rules.set, &revision);
    report_meta meta = {.version = POLINT_VERSION,
                        .rules_revision = sbuf_cstr(&revision),
                        .lang = lang,
                        .fail_on = (rules_severity)o.fail_on,
                        .rules = &r.rules.set,
                        .config = cfg.file,
                        .baseline = o.baseline,
                        .verbose = o.verbose};
    memcpy(meta.as_of, o.as_of, sizeof meta.as_of);
    report_writer *wr = report_writer_new(o.format, out, &meta);
    report_totals totals = {0};

    int nthreads = o.jobs > 1 ? o.jobs : 0;
    pthread_t *threads = pl_xcalloc((size_t)nthreads + 1, sizeof *threads);
    pthread_mutex_init(&r.lock, NULL);
    pthread_cond_init(&r.done, NULL);
    pthread_cond_init(&r.space, NULL);
    r.window = (size_t)(o.jobs * 4);
    for (int t = 0; t < nthreads; t++) pthread_create(&threads[t], NULL, worker_main, &r);
    drain(&r, wr, &totals, threads, nthreads);
    pthread_mutex_destroy(&r.lock);
    pthread_cond_destroy(&r.done);
    pthread_cond_destroy(&r.space);
    free(threads);
    report_writer_finish(wr, &totals);
    if (out != stdout) fclose(out);
    sbuf_free(&revision);

    /* 2: something could not be read (or an operand was bad); 1: findings */
    size_t counted = totals.by_severity[RULES_ERROR];
    if (o.fail_on <= RULES_WARNING) counted += totals.by_severity[RULES_WARNING];
    if (o.fail_on <= RULES_INFO) counted += totals.by_severity[RULES_INFO];
    status = (bad || totals.unreadable) ? CLI_EXIT_ERROR : counted ? CLI_EXIT_FINDINGS : CLI_EXIT_OK;
out:
    free_units(&r);
    if (r.have_waivers) cli_waivers_free(&r.waivers);
    cli_rules_free(&r.rules);
    cli_config_free(&cfg);
    cli_paths_free(&listed);
    free(o.rule_paths);
    return status;
}

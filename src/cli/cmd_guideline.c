/*
 * cmd_guideline.c - `polint guideline list | show EDITION | diff E1 E2 |
 * coverage EDITION POLICY.docx | test`: the national guideline's editions as
 * data, and how far a local policy has adopted one of them.
 *
 * The data is policies/guideline/ beside the binary (or --data DIR). A
 * broken data file stops the command with its file and line (exit 2), as a
 * broken rule pack does. coverage exits 1 when a required item is missing or
 * weakened, like check with findings.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "guideline/guideline.h"
#include "ooxml/ooxml.h"
#include "util/json.h"
#include "util/mem.h"
#include "util/sbuf.h"

typedef enum { FMT_TEXT, FMT_JSON, FMT_HTML } gl_format;

typedef struct gl_opts {
    gl_format format;
    const char *data;
    const char *since; /* edition name or "declared" */
    pl_lang lang;
} gl_opts;

static const guideline_edition *edition_arg(const guideline_set *g, const char *name, pl_lang lang)
{
    const guideline_edition *e = guideline_find(g, name);
    if (!e)
        cli_usage_error(lang, "その版はありません（polint guideline list で一覧を表示）",
                        "no such edition (see polint guideline list)", name);
    return e;
}

static void print_json(void (*fn)(jw *, const void *, const void *), const void *a, const void *b)
{
    sbuf buf = SBUF_INIT;
    jw w;
    jw_init(&w, &buf, stdout, true);
    fn(&w, a, b);
    sbuf_putc(&buf, '\n');
    jw_flush(&w);
    sbuf_free(&buf);
}

static void list_json(jw *w, const void *g, const void *unused)
{
    (void)unused;
    guideline_write_list_json(g, w);
}

static void show_json(jw *w, const void *g, const void *e)
{
    guideline_write_show_json(g, e, w);
}

static void diff_json(jw *w, const void *d, const void *unused)
{
    (void)unused;
    guideline_write_diff_json(d, w);
}

static void put(sbuf *out)
{
    fputs(sbuf_cstr(out), stdout);
    sbuf_free(out);
}

static int do_list(const guideline_set *g, const gl_opts *o)
{
    if (o->format == FMT_JSON) {
        print_json(list_json, g, NULL);
    } else {
        sbuf out = SBUF_INIT;
        guideline_write_list_text(g, o->lang, &out);
        put(&out);
    }
    return CLI_EXIT_OK;
}

static int do_show(const guideline_set *g, const char *name, const gl_opts *o)
{
    const guideline_edition *e = edition_arg(g, name, o->lang);
    if (!e) return CLI_EXIT_ERROR;
    if (o->format == FMT_JSON) {
        print_json(show_json, g, e);
    } else {
        sbuf out = SBUF_INIT;
        guideline_write_show_text(g, e, o->lang, &out);
        put(&out);
    }
    return CLI_EXIT_OK;
}

static int do_diff(const guideline_set *g, const char *a, const char *b, const gl_opts *o)
{
    const guideline_edition *ea = edition_arg(g, a, o->lang);
    const guideline_edition *eb = ea ? edition_arg(g, b, o->lang) : NULL;
    if (!ea || !eb) return CLI_EXIT_ERROR;
    guideline_diff d;
    guideline_diff_build(ea, eb, &d);
    if (o->format == FMT_JSON) {
        print_json(diff_json, &d, NULL);
    } else {
        sbuf out = SBUF_INIT;
        guideline_write_diff_text(&d, o->lang, &out);
        put(&out);
    }
    guideline_diff_free(&d);
    return CLI_EXIT_OK;
}

static int do_coverage(const guideline_set *g, const char *name, const char *path, const gl_opts *o)
{
    const guideline_edition *e = edition_arg(g, name, o->lang);
    if (!e) return CLI_EXIT_ERROR;
    const guideline_edition *since = NULL;
    bool since_declared = o->since && strcmp(o->since, "declared") == 0;
    if (o->since && !since_declared && !(since = edition_arg(g, o->since, o->lang)))
        return CLI_EXIT_ERROR;
    doc_document d;
    doc_document_init(&d);
    ooxml_options read;
    ooxml_options_default(&read);
    pl_error err;
    pl_error_clear(&err);
    doc_sink sink = doc_document_sink(&d);
    if (ooxml_read_file(path, &read, &d.info, &sink, &err) != PL_OK) {
        cli_report_error(path, &err, o->lang);
        doc_document_free(&d);
        return CLI_EXIT_ERROR;
    }
    doc_structure st;
    doc_structure_build(&st, &d, DOC_TYPE_UNKNOWN);
    guideline_coverage_options opt = {0};
    opt.declared = guideline_declared(g, &d, &opt.declared_block);
    if (since_declared) {
        since = opt.declared;
        if (!since)
            fprintf(stderr, "%s\n",
                    pl_tr(o->lang, "polint: 準拠する版の記載が見つからないため、全ての要件を表示します",
                          "polint: the policy names no edition it follows; showing every requirement"));
    }
    if (since && since->index >= e->index) {
        cli_usage_error(o->lang, "--since には比較する版より前の版を指定してください",
                        "--since must name an edition older than the one compared with", since->id);
        doc_structure_free(&st);
        doc_document_free(&d);
        return CLI_EXIT_ERROR;
    }
    opt.since = since;
    guideline_coverage c;
    guideline_coverage_run(e, &d, &st, &opt, &c);
    if (o->format == FMT_JSON) {
        sbuf buf = SBUF_INIT;
        jw w;
        jw_init(&w, &buf, stdout, true);
        jw_object_begin(&w);
        jw_kv_int(&w, "schema", 1);
        jw_key(&w, "tool");
        jw_object_begin(&w);
        jw_kv_string(&w, "name", "polint");
        jw_kv_string(&w, "version", POLINT_VERSION);
        jw_object_end(&w);
        jw_key(&w, "coverage");
        guideline_coverage_write_json(&c, o->lang, &w);
        jw_object_end(&w);
        sbuf_putc(&buf, '\n');
        jw_flush(&w);
        sbuf_free(&buf);
    } else {
        sbuf out = SBUF_INIT;
        if (o->format == FMT_HTML) guideline_coverage_write_html(&c, o->lang, &out);
        else guideline_coverage_write_text(&c, o->lang, &out);
        put(&out);
    }
    int rc = c.gaps ? CLI_EXIT_FINDINGS : CLI_EXIT_OK;
    guideline_coverage_free(&c);
    doc_structure_free(&st);
    doc_document_free(&d);
    return rc;
}

static int do_test(const guideline_set *g, const gl_opts *o)
{
    sbuf report = SBUF_INIT;
    size_t total = 0;
    size_t failed = guideline_test_examples(g, &report, &total);
    fputs(sbuf_cstr(&report), stdout);
    if (o->lang == PL_LANG_JA) printf("例 %zu 件中 %zu 件が期待どおりではありません\n", total, failed);
    else printf("%zu of %zu examples did not give the expected result\n", failed, total);
    sbuf_free(&report);
    return failed ? CLI_EXIT_FINDINGS : CLI_EXIT_OK;
}

static const char *const USAGE_JA = "guideline list | show 版 | diff 版 版 | coverage 版 ファイル | test";
static const char *const USAGE_EN = "guideline list | show EDITION | diff E1 E2 | coverage EDITION FILE | test";

int cmd_guideline(int argc, char **argv, pl_lang lang)
{
    gl_opts o = {.format = FMT_TEXT, .lang = lang};
    char **ops = pl_xcalloc((size_t)argc + 1, sizeof *ops);
    int nops = 0, rc = CLI_EXIT_ERROR;
    bool only_operands = false;
    for (int i = 1; i < argc; i++) {
        const char *v;
        if (only_operands || argv[i][0] != '-' || !argv[i][1]) {
            ops[nops++] = argv[i];
        } else if ((v = cli_option_value(argc, argv, &i, "--format"))) {
            if (strcmp(v, "text") == 0) o.format = FMT_TEXT;
            else if (strcmp(v, "json") == 0) o.format = FMT_JSON;
            else if (strcmp(v, "html") == 0) o.format = FMT_HTML;
            else {
                cli_usage_error(lang, "--format には text、json、html のいずれかを指定してください",
                                "--format takes text, json or html", v);
                goto done;
            }
        } else if ((v = cli_option_value(argc, argv, &i, "--data"))) {
            o.data = v;
        } else if ((v = cli_option_value(argc, argv, &i, "--since"))) {
            o.since = v;
        } else if (strcmp(argv[i], "--") == 0) {
            only_operands = true;
        } else {
            cli_usage_error(lang, "不明なオプションです", "unknown option", argv[i]);
            goto done;
        }
    }
    const char *sub = nops ? ops[0] : NULL;
    static const struct {
        const char *name;
        int operands;
    } subs[] = {{"list", 0}, {"show", 1}, {"diff", 2}, {"coverage", 2}, {"test", 0}};
    int want = -1;
    for (size_t i = 0; sub && i < sizeof subs / sizeof subs[0]; i++)
        if (strcmp(sub, subs[i].name) == 0) want = subs[i].operands;
    if (want < 0 || nops - 1 != want) {
        cli_usage_error(lang, sub && want >= 0 ? "引数の数が正しくありません" : "使い方",
                        sub && want >= 0 ? "wrong number of arguments" : "usage", pl_tr(lang, USAGE_JA, USAGE_EN));
        goto done;
    }
    if (o.format == FMT_HTML && strcmp(sub, "coverage") != 0) {
        cli_usage_error(lang, "--format html は coverage でのみ使えます",
                        "--format html is for coverage only", NULL);
        goto done;
    }
    if (o.since && strcmp(sub, "coverage") != 0) {
        cli_usage_error(lang, "--since は coverage でのみ使えます", "--since is for coverage only", NULL);
        goto done;
    }
    char *dir = NULL;
    if (o.data) {
        dir = pl_xstrdup(o.data);
    } else {
        char *policies = cli_default_policies();
        sbuf p = SBUF_INIT;
        sbuf_printf(&p, "%s/guideline", policies);
        dir = sbuf_detach(&p);
        free(policies);
    }
    guideline_set *g = NULL;
    pl_error err;
    pl_error_clear(&err);
    if (guideline_load(&g, dir, &err) != PL_OK) {
        cli_report_error(err.part[0] ? err.part : dir, &err, lang);
        free(dir);
        goto done;
    }
    free(dir);
    if (strcmp(sub, "list") == 0) rc = do_list(g, &o);
    else if (strcmp(sub, "show") == 0) rc = do_show(g, ops[1], &o);
    else if (strcmp(sub, "diff") == 0) rc = do_diff(g, ops[1], ops[2], &o);
    else if (strcmp(sub, "coverage") == 0) rc = do_coverage(g, ops[1], ops[2], &o);
    else rc = do_test(g, &o);
    fflush(stdout);
    guideline_free(g);
done:
    free(ops);
    return rc;
}

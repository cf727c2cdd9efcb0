/*
 * cmd_diff.c - `polint diff OLD NEW`: the 新旧対照表 of two versions.
 *
 *   polint diff OLD NEW [--format text|html|docx|json] [-o FILE] [--all]
 *               [--tracked accept|reject] [--color auto|always|never]
 *   polint diff --guideline EDITION POLICY [coverage options]
 *
 * OLD and NEW are DOCX (or any document polint reads) or plain UTF-8 text
 * files (.txt, .md, or anything that is not an Office file but valid UTF-8
 * text). Both are read whole, segmented into clauses and compared by the
 * diff/ layer; this file only reads, picks the output and sets the exit
 * status: 0 no difference, 1 differences, 2 a file could not be read or a
 * usage error (the unreadable file is named with the reason, as everywhere).
 *
 * `--guideline EDITION POLICY` compares a policy with an edition of the
 * national guideline rather than with another version; it is the same as
 * `polint guideline coverage EDITION POLICY` and runs that command.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"
#include "diff/diff.h"
#include "ooxml/ooxml.h"
#include "util/json.h"
#include "util/mem.h"
#include "util/utf8.h"

typedef enum { OUT_TEXT, OUT_HTML, OUT_DOCX, OUT_JSON } out_format;
typedef enum { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER } color_mode;

/* A text file larger than this is not a policy draft. */
#define MAX_TEXT_FILE ((size_t)64 << 20)

typedef struct diff_opts {
    ooxml_options read;
    out_format format;
    const char *output;
    color_mode color;
    bool all;
    pl_lang lang;
} diff_opts;

static bool has_text_extension(const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (!dot || (slash && dot < slash)) return false;
    return strcasecmp(dot, ".txt") == 0 || strcasecmp(dot, ".text") == 0 ||
           strcasecmp(dot, ".md") == 0;
}

static pl_status slurp(const char *path, sbuf *out, pl_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) return pl_error_set(err, PL_E_IO, NULL, "%s", "cannot open");
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        if (out->len + n > MAX_TEXT_FILE) {
            fclose(f);
            pl_error_set(err, PL_E_FILE_TOO_LARGE, NULL, "text file over the cap");
            err->limit = (long long)MAX_TEXT_FILE;
            return PL_E_FILE_TOO_LARGE;
        }
        sbuf_append(out, buf, n);
    }
    bool bad = ferror(f) != 0;
    fclose(f);
    return bad ? pl_error_set(err, PL_E_IO, NULL, "%s", "read error") : PL_OK;
}

/* Plain text: no NUL byte and valid UTF-8. */
static pl_status read_text(const char *path, doc_document *d, pl_error *err)
{
    sbuf bytes = SBUF_INIT;
    pl_status s = slurp(path, &bytes, err);
    if (s == PL_OK) {
        size_t valid = utf8_valid_prefix(bytes.data ? bytes.data : "", bytes.len);
        if (valid < bytes.len || (bytes.len && memchr(bytes.data, '\0', bytes.len))) {
            s = pl_error_set(err, PL_E_UTF8, NULL, "not UTF-8 text");
            err->offset = (long long)valid;
        } else {
            diff_plain_document(d, path, bytes.data ? bytes.data : "", bytes.len);
        }
    }
    sbuf_free(&bytes);
    return s;
}

static pl_status read_version(const char *path, const diff_opts *o, doc_document *d, pl_error *err)
{
    pl_error_clear(err);
    if (has_text_extension(path)) return read_text(path, d, err);
    doc_sink sink = doc_document_sink(d);
    pl_status s = ooxml_read_file(path, &o->read, &d->info, &sink, err);
    if (s != PL_E_NOT_DOCUMENT) return s;
    /* not an Office file: a text file without a .txt name is still text */
    pl_error text_err;
    pl_error_clear(&text_err);
    doc_document_free(d);
    doc_document_init(d);
    if (read_text(path, d, &text_err) == PL_OK) {
        pl_error_clear(err);
        return PL_OK;
    }
    return s;
}

static int parse_options(int argc, char **argv, diff_opts *o, const char **paths, int *npaths)
{
    pl_lang lang = o->lang;
    bool only_operands = false;
    for (int i = 1; i < argc; i++) {
        const char *v;
        if (only_operands || argv[i][0] != '-' || !argv[i][1]) {
            if (*npaths < 2) paths[*npaths] = argv[i];
            (*npaths)++;
            continue;
        }
        if ((v = cli_option_value(argc, argv, &i, "--format"))) {
            if (strcmp(v, "text") == 0)
                o->format = OUT_TEXT;
            else if (strcmp(v, "html") == 0)
                o->format = OUT_HTML;
            else if (strcmp(v, "docx") == 0)
                o->format = OUT_DOCX;
            else if (strcmp(v, "json") == 0)
                o->format = OUT_JSON;
            else {
                cli_usage_error(lang,
                                "--format には text、html、docx、json のいずれかを指定してください",
                                "--format takes text, html, docx or json", v);
                return -1;
            }
        } else if ((v = cli_option_value(argc, argv, &i, "-o")) ||
                   (v = cli_option_value(argc, argv, &i, "--output"))) {
            if (!*v) {
                cli_usage_error(lang, "-o には出力ファイルを指定してください",
                                "-o takes a file name", NULL);
                return -1;
            }
            o->output = v;
        } else if ((v = cli_option_value(argc, argv, &i, "--tracked"))) {
            if (strcmp(v, "accept") == 0)
                o->read.tracked = DOC_TRACKED_ACCEPT;
            else if (strcmp(v, "reject") == 0)
                o->read.tracked = DOC_TRACKED_REJECT;
            else {
                cli_usage_error(lang, "--tracked には accept か reject を指定してください",
                                "--tracked takes accept or reject", v);
                return -1;
            }
        } else if ((v = cli_option_value(argc, argv, &i, "--color"))) {
            if (strcmp(v, "auto") == 0)
                o->color = COLOR_AUTO;
            else if (strcmp(v, "always") == 0)
                o->color = COLOR_ALWAYS;
            else if (strcmp(v, "never") == 0)
                o->color = COLOR_NEVER;
            else {
                cli_usage_error(lang,
                                "--color には auto、always、never のいずれかを指定してください",
                                "--color takes auto, always or never", v);
                return -1;
            }
        } else if (strcmp(argv[i], "--all") == 0) {
            o->all = true;
        } else if (strcmp(argv[i], "--") == 0) {
            only_operands = true;
        } else {
            cli_usage_error(lang, "不明なオプションです", "unknown option", argv[i]);
            return -1;
        }
    }
    if (*npaths != 2) {
        cli_usage_error(lang, "比較する二つのファイル（改正前、改正後）を指定してください",
                        "give two files to compare: OLD NEW", NULL);
        return -1;
    }
    return 0;
}

static bool write_all(FILE *f, const sbuf *b)
{
    return b->len == 0 || fwrite(b->data, 1, b->len, f) == b->len;
}

/* `diff --guideline E POLICY ...` becomes `guideline coverage E POLICY ...`. */
static int guideline_coverage(int argc, char **argv, int at, pl_lang lang)
{
    if (at + 1 >= argc) {
        cli_usage_error(lang, "--guideline には版を指定してください",
                        "--guideline needs an edition", NULL);
        return CLI_EXIT_ERROR;
    }
    char **args = pl_xcalloc((size_t)argc + 2, sizeof *args);
    int n = 0;
    args[n++] = "guideline";
    args[n++] = "coverage";
    args[n++] = argv[at + 1];
    for (int i = 1; i < argc; i++)
        if (i != at && i != at + 1) args[n++] = argv[i];
    int rc = cmd_guideline(n, args, lang);
    free(args);
    return rc;
}

int cmd_diff(int argc, char **argv, pl_lang lang)
{
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--guideline") == 0) return guideline_coverage(argc, argv, i, lang);
    diff_opts o = {.format = OUT_TEXT, .color = COLOR_AUTO, .lang = lang};
    ooxml_options_default(&o.read);
    o.read.metadata = false;
    const char *paths[2] = {NULL, NULL};
    int npaths = 0;
    if (parse_options(argc, argv, &o, paths, &npaths) < 0) return CLI_EXIT_ERROR;
    if (o.format == OUT_DOCX && !o.output && isatty(STDOUT_FILENO)) {
        cli_usage_error(lang, "DOCX の出力先を -o で指定してください",
                        "give the DOCX output file with -o", NULL);
        return CLI_EXIT_ERROR;
    }

    doc_document docs[2];
    doc_structure st[2];
    int failed = 0;
    for (int k = 0; k < 2; k++) {
        doc_document_init(&docs[k]);
        pl_error err;
        if (read_version(paths[k], &o, &docs[k], &err) != PL_OK) {
            cli_report_error(paths[k], &err, lang);
            failed++;
        }
    }
    if (failed) {
        for (int k = 0; k < 2; k++)
            doc_document_free(&docs[k]);
        return CLI_EXIT_ERROR;
    }
    for (int k = 0; k < 2; k++)
        doc_structure_build(&st[k], &docs[k], DOC_TYPE_UNKNOWN);

    diff_result r;
    diff_compare(&r, &docs[0], &st[0], &docs[1], &st[1]);

    FILE *out = stdout;
    if (o.output && !(out = fopen(o.output, o.format == OUT_DOCX ? "wb" : "w"))) {
        fprintf(stderr, "polint: %s: %s\n", o.output,
                pl_tr(lang, "出力ファイルを作成できません", "cannot create the output file"));
        out = NULL;
    }
    int rc = diff_result_differs(&r) ? CLI_EXIT_FINDINGS : CLI_EXIT_OK;
    if (!out) rc = CLI_EXIT_ERROR;
    if (out) {
        diff_render ro = {.lang = lang,
                          .all = o.all,
                          .old_name = paths[0],
                          .new_name = paths[1],
                          .tool_version = POLINT_VERSION};
        ro.color = o.format == OUT_TEXT &&
                   (o.color == COLOR_ALWAYS || (o.color == COLOR_AUTO && !o.output &&
                                                isatty(STDOUT_FILENO) && !getenv("NO_COLOR")));
        sbuf buf = SBUF_INIT;
        pl_error err;
        pl_error_clear(&err);
        bool ok = true;
        switch (o.format) {
        case OUT_TEXT:
            diff_write_text(&r, &ro, &buf);
            break;
        case OUT_HTML:
            diff_write_html(&r, &ro, &buf);
            break;
        case OUT_JSON: {
            jw w;
            jw_init(&w, &buf, out, true);
            diff_write_json(&r, &ro, &w);
            sbuf_putc(&buf, '\n');
            jw_flush(&w);
            break;
        }
        case OUT_DOCX:
            if (diff_write_docx(&r, &ro, &buf, &err) != PL_OK) {
                cli_report_error(o.output ? o.output : "-", &err, lang);
                ok = false;
            }
            break;
        }
        if (ok && !write_all(out, &buf)) ok = false;
        if (out != stdout) {
            if (fclose(out) != 0) ok = false;
        } else if (fflush(stdout) != 0) {
            ok = false;
        }
        if (!ok) {
            if (err.status == PL_OK)
                fprintf(stderr, "polint: %s: %s\n", o.output ? o.output : "-",
                        pl_tr(lang, "出力を書き込めません", "cannot write the output"));
            rc = CLI_EXIT_ERROR;
        }
        sbuf_free(&buf);
    }
    diff_result_free(&r);
    for (int k = 0; k < 2; k++) {
        doc_structure_free(&st[k]);
        doc_document_free(&docs[k]);
    }
    return rc;
}

/*
 * cmd_extract.c - `polint extract`: the text of documents, with structure.
 *
 * Plain text streams: each block is printed as soon as the reader produces
 * it, so memory stays flat however large the document. JSON and --structure
 * need clause paths, which depend on the whole document, so they read one
 * word-processing document into memory at a time (never the corpus); the
 * cells of a spreadsheet, which have no clauses, still stream.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "doc/render.h"
#include "ooxml/ooxml.h"
#include "util/json.h"
#include "util/mem.h"

typedef enum { OUT_TEXT, OUT_JSON } out_format;

typedef struct extract_opts {
    ooxml_options read;
    out_format format;
    bool structure;
    doc_type type;
    pl_lang lang;
} extract_opts;

static void write_counts(jw *w, const doc_info *info)
{
    jw_key(w, "counts");
    jw_object_begin(w);
    if (info->format == DOC_FMT_DOCX) {
        jw_kv_int(w, "paragraphs", info->paragraphs);
        jw_kv_int(w, "tables", info->tables);
        jw_kv_int(w, "insertions", info->insertions);
        jw_kv_int(w, "deletions", info->deletions);
        jw_kv_int(w, "moves", info->moves);
        jw_kv_int(w, "comments", info->comments);
        jw_kv_int(w, "footnotes", info->footnotes);
        jw_kv_int(w, "endnotes", info->endnotes);
        jw_kv_int(w, "hidden_runs", info->hidden_runs);
    } else if (info->format == DOC_FMT_XLSX) {
        jw_kv_int(w, "sheets", info->sheets);
        jw_kv_int(w, "cells", info->cells);
        jw_kv_int(w, "comments", info->comments);
    }
    jw_object_end(w);
}

static void write_error(jw *w, const pl_error *err, pl_lang lang)
{
    sbuf msg = SBUF_INIT;
    pl_error_format(err, lang, &msg);
    jw_key(w, "error");
    jw_object_begin(w);
    jw_kv_string(w, "code", pl_status_name(err->status));
    jw_kv_string(w, "message", sbuf_cstr(&msg));
    if (err->part[0]) jw_kv_string(w, "part", err->part);
    if (err->line > 0) jw_kv_int(w, "line", err->line);
    if (err->column > 0) jw_kv_int(w, "column", err->column);
    if (err->offset >= 0) jw_kv_int(w, "offset", err->offset);
    if (err->value >= 0) jw_kv_int(w, "value", err->value);
    if (err->limit >= 0) jw_kv_int(w, "limit", err->limit);
    jw_object_end(w);
    sbuf_free(&msg);
}

static void write_info(jw *w, const doc_info *info)
{
    if (info->sha256[0]) jw_kv_string(w, "sha256", info->sha256);
    jw_kv_int(w, "size", (long long)info->file_size);
    if (info->format != DOC_FMT_UNKNOWN) {
        jw_kv_string(w, "format", doc_format_name(info->format));
        jw_kv_string(w, "variant", info->variant);
        jw_kv_string(w, "main_part", info->main_part);
        jw_kv_bool(w, "strict", info->strict);
        if (info->format == DOC_FMT_XLSX) jw_kv_bool(w, "date1904", info->date1904);
        write_counts(w, info);
    }
    if (info->nwarnings) {
        jw_key(w, "warnings");
        jw_array_begin(w);
        for (size_t i = 0; i < info->nwarnings; i++) {
            jw_object_begin(w);
            jw_kv_string(w, "code", info->warnings[i].code);
            if (info->warnings[i].part) jw_kv_string(w, "part", info->warnings[i].part);
            jw_kv_string(w, "detail", info->warnings[i].detail);
            jw_object_end(w);
        }
        jw_array_end(w);
    }
}

/* Blocks of a spreadsheet have no clause paths, so they are written as they
 * are read (memory stays flat for a 20,000-row ledger); a document's blocks
 * are collected, because their paths depend on the whole document. */
typedef struct json_extract {
    jw *w;
    doc_document *d;
    doc_sink collect;
    bool started, streaming;
    size_t index;
} json_extract;

static bool json_extract_block(void *ctx, const doc_block *b)
{
    json_extract *x = ctx;
    if (!x->started) {
        x->started = true;
        x->streaming = x->d->info.format == DOC_FMT_XLSX;
        jw_key(x->w, "blocks");
        jw_array_begin(x->w);
    }
    if (!x->streaming) return x->collect.block(x->collect.ctx, b);
    doc_block_write_json(x->w, b, x->index++, NULL);
    jw_flush(x->w);
    return true;
}

static pl_status extract_json(jw *w, const char *path, const extract_opts *o)
{
    doc_document d;
    doc_document_init(&d);
    pl_error err;
    pl_error_clear(&err);
    jw_object_begin(w);
    jw_kv_string(w, "path", path);
    json_extract x = {.w = w, .d = &d, .collect = doc_document_sink(&d)};
    doc_sink sink = {.ctx = &x, .block = json_extract_block};
    pl_status s = ooxml_read_file(path, &o->read, &d.info, &sink, &err);
    if (!x.started) {
        jw_key(w, "blocks");
        jw_array_begin(w);
    }
    doc_structure st;
    bool structured = s == PL_OK;
    if (structured) doc_structure_build(&st, &d, o->type);
    if (!x.streaming)
        for (size_t i = 0; s == PL_OK && i < d.nblocks; i++)
            doc_block_write_json(w, &d.blocks[i], i, doc_structure_path(&st, i));
    jw_array_end(w);
    jw_kv_string(w, "status", s == PL_OK ? "ok" : "error");
    write_info(w, &d.info);
    if (structured) {
        jw_key(w, "structure");
        doc_structure_write_json(w, &st);
        doc_structure_free(&st);
    } else {
        write_error(w, &err, o->lang);
        cli_report_error(path, &err, o->lang);
    }
    jw_object_end(w);
    doc_document_free(&d);
    return s;
}

static pl_status extract_structure(const char *path, const extract_opts *o, bool banner)
{
    if (banner) printf("==> %s <==\n", path);
    doc_document d;
    doc_document_init(&d);
    pl_error err;
    pl_error_clear(&err);
    doc_sink sink = doc_document_sink(&d);
    pl_status s = ooxml_read_file(path, &o->read, &d.info, &sink, &err);
    if (s == PL_OK) {
        doc_structure st;
        doc_structure_build(&st, &d, o->type);
        doc_structure_print(stdout, &d, &st, o->lang);
        doc_structure_free(&st);
    } else {
        cli_report_error(path, &err, o->lang);
    }
    doc_document_free(&d);
    return s;
}

static pl_status extract_text(const char *path, const extract_opts *o, bool banner)
{
    const ooxml_options *opt = &o->read;
    pl_lang lang = o->lang;
    if (banner) printf("==> %s <==\n", path);
    doc_info info;
    doc_info_init(&info);
    pl_error err;
    pl_error_clear(&err);
    doc_text_printer tp;
    doc_text_printer_init(&tp, stdout);
    doc_sink sink = doc_text_printer_sink(&tp);
    pl_status s = ooxml_read_file(path, opt, &info, &sink, &err);
    doc_text_printer_finish(&tp);
    if (s != PL_OK) cli_report_error(path, &err, lang);
    doc_info_free(&info);
    return s;
}

int cmd_extract(int argc, char **argv, pl_lang lang)
{
    extract_opts o = {.format = OUT_TEXT, .type = DOC_TYPE_UNKNOWN, .lang = lang};
    ooxml_options_default(&o.read);
    ooxml_options *opt = &o.read;
    cli_paths paths = {0};
    int bad = 0;
    /* options may come anywhere; operands are gathered in order */
    int nops = 0;
    char **ops = pl_xcalloc((size_t)argc + 1, sizeof *ops);
    bool only_operands = false;
    for (int i = 1; i < argc; i++) {
        const char *v;
        if (only_operands || argv[i][0] != '-' || !argv[i][1]) {
            ops[nops++] = argv[i];
            continue;
        }
        if ((v = cli_option_value(argc, argv, &i, "--format"))) {
            if (strcmp(v, "text") == 0) o.format = OUT_TEXT;
            else if (strcmp(v, "json") == 0) o.format = OUT_JSON;
            else {
                cli_usage_error(lang, "--format には text か json を指定してください",
                                "--format takes text or json", v);
                goto usage_failed;
            }
        } else if ((v = cli_option_value(argc, argv, &i, "--tracked"))) {
            if (strcmp(v, "accept") == 0) opt->tracked = DOC_TRACKED_ACCEPT;
            else if (strcmp(v, "reject") == 0) opt->tracked = DOC_TRACKED_REJECT;
            else if (strcmp(v, "all") == 0) opt->tracked = DOC_TRACKED_ALL;
            else {
                cli_usage_error(lang, "--tracked には accept、reject、all のいずれかを指定してください",
                                "--tracked takes accept, reject or all", v);
                goto usage_failed;
            }
        } else if ((v = cli_option_value(argc, argv, &i, "--files-from"))) {
            if (!cli_paths_from_list(&paths, v, lang)) bad++;
        } else if ((v = cli_option_value(argc, argv, &i, "--type"))) {
            int t = strcmp(v, "auto") == 0 ? DOC_TYPE_UNKNOWN : doc_type_parse(v);
            if (t < 0) {
                cli_usage_error(lang, "--type には auto、contract、special-provisions、spec、policy、ledger のいずれかを指定してください",
                                "--type takes auto, contract, special-provisions, spec, policy or ledger", v);
                goto usage_failed;
            }
            o.type = (doc_type)t;
        } else if (strcmp(argv[i], "--structure") == 0) {
            o.structure = true;
        } else if (strcmp(argv[i], "--no-metadata") == 0) {
            opt->metadata = false;
        } else if (strcmp(argv[i], "--") == 0) {
            only_operands = true;
        } else {
            cli_usage_error(lang, "不明なオプションです", "unknown option", argv[i]);
            goto usage_failed;
        }
    }
    cli_paths_collect(&paths, ops, nops, lang, &bad);
    free(ops);
    if (paths.n == 0 && bad == 0) {
        cli_usage_error(lang, "ファイルを指定してください", "no input files", NULL);
        return CLI_EXIT_ERROR;
    }

    int failures = bad;  /* operands that could not be opened count as failures */
    if (o.format == OUT_JSON) {
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
        jw_kv_string(&w, "tracked", opt->tracked == DOC_TRACKED_ACCEPT   ? "accept"
                                    : opt->tracked == DOC_TRACKED_REJECT ? "reject"
                                                                         : "all");
        jw_key(&w, "documents");
        jw_array_begin(&w);
        for (size_t i = 0; i < paths.n; i++)
            if (extract_json(&w, paths.items[i], &o) != PL_OK) failures++;
        jw_array_end(&w);
        jw_object_end(&w);
        sbuf_putc(&buf, '\n');
        jw_flush(&w);
        sbuf_free(&buf);
    } else if (o.structure) {
        for (size_t i = 0; i < paths.n; i++)
            if (extract_structure(paths.items[i], &o, paths.n > 1) != PL_OK) failures++;
    } else {
        for (size_t i = 0; i < paths.n; i++)
            if (extract_text(paths.items[i], &o, paths.n > 1) != PL_OK) failures++;
    }
    fflush(stdout);
    cli_paths_free(&paths);
    return failures ? CLI_EXIT_ERROR : CLI_EXIT_OK;

usage_failed:
    cli_paths_free(&paths);
    free(ops);
    return CLI_EXIT_ERROR;
}

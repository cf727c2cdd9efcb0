/*
 * ooxml.c - from a file to blocks: read, hash, sniff, open, dispatch.
 */
#include "ooxml.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "internal.h"
#include "util/mem.h"
#include "util/sha256.h"

void ooxml_options_default(ooxml_options *opt)
{
    memset(opt, 0, sizeof *opt);
    ooxml_limits *l = &opt->limits;
    l->max_file_bytes = 512ull << 20;
    l->max_entries = 4096;
    l->max_part_bytes = 256ull << 20;
    l->max_total_bytes = 1ull << 30;
    /* Real Word XML deflates 4:1 to 10:1, very regular sheets reach ~100:1;
     * zeros and bombs are ~1000:1. */
    l->max_ratio = 250;
    l->ratio_grace_bytes = 1ull << 20;
    l->max_depth = 256;
    l->max_text_bytes = 128ull << 20;
    l->max_shared_strings = 4000000;
    l->max_shared_bytes = 256ull << 20;
    l->max_cells = 20000000;
    opt->tracked = DOC_TRACKED_ACCEPT;
    opt->metadata = true;
}

/* ---- text cap: one place counts what every reader emits ----------------- */

typedef struct guard {
    const doc_sink *inner;
    uint64_t bytes, limit;
    bool over;
    bool stopped_by_inner;
} guard;

static bool guard_block(void *ctx, const doc_block *b)
{
    guard *g = ctx;
    g->bytes += b->len;
    if (g->bytes > g->limit) {
        g->over = true;
        return false;
    }
    if (!g->inner->block(g->inner->ctx, b)) {
        g->stopped_by_inner = true;
        return false;
    }
    return true;
}

/* ---- main part ---------------------------------------------------------- */

static const struct {
    const char *content_type;
    doc_format format;
    const char *variant;
} MAIN_TYPES[] = {
    {"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
     DOC_FMT_DOCX, "docx"},
    {"application/vnd.ms-word.document.macroEnabled.main+xml", DOC_FMT_DOCX, "docm"},
    {"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
     DOC_FMT_DOCX, "dotx"},
    {"application/vnd.ms-word.template.macroEnabledTemplate.main+xml", DOC_FMT_DOCX, "dotm"},
    {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", DOC_FMT_XLSX,
     "xlsx"},
    {"application/vnd.ms-excel.sheet.macroEnabled.main+xml", DOC_FMT_XLSX, "xlsm"},
    {"application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
     DOC_FMT_XLSX, "xltx"},
    {"application/vnd.ms-excel.template.macroEnabled.main+xml", DOC_FMT_XLSX, "xltm"},
};

static pl_status find_main_part(pkg *pk, doc_info *info, const char **main_part, pl_error *err)
{
    pkg_rels rels;
    pl_status s = pkg_read_rels(pk, "", &rels, err);
    if (s != PL_OK) return s;
    const pkg_rel *r = pkg_rels_by_type(&rels, "officeDocument");
    const char *target = (r && !r->external && !r->escapes) ? r->target : NULL;
    pkg_rels_free(&rels);
    /* A package without the relationship is broken, but the conventional
     * names are worth a try before giving up. */
    if (!target || !pkg_has_part(pk, target)) {
        if (pkg_has_part(pk, "word/document.xml"))
            target = "word/document.xml";
        else if (pkg_has_part(pk, "xl/workbook.xml"))
            target = "xl/workbook.xml";
        else if (target)
            return pl_error_set(err, PL_E_MISSING_PART, target, "main document part");
        else
            return pl_error_set(err, PL_E_NOT_DOCUMENT, NULL, "no officeDocument relationship");
    }
    *main_part = doc_info_intern(info, target);
    info->main_part = *main_part;

    const char *ct = pkg_content_type(pk, target);
    for (size_t i = 0; ct && i < sizeof MAIN_TYPES / sizeof MAIN_TYPES[0]; i++) {
        if (strcmp(ct, MAIN_TYPES[i].content_type) == 0) {
            info->format = MAIN_TYPES[i].format;
            info->variant = MAIN_TYPES[i].variant;
            return PL_OK;
        }
    }
    if (ct && (strstr(ct, "presentationml") || strstr(ct, "sheet.binary")))
        return pl_error_set(err, PL_E_UNSUPPORTED_TYPE, target, "%s", ct);
    size_t n = strlen(target);
    if (n >= 12 && strcmp(target + n - 12, "document.xml") == 0) {
        info->format = DOC_FMT_DOCX;
        info->variant = "docx";
    } else if (n >= 12 && strcmp(target + n - 12, "workbook.xml") == 0) {
        info->format = DOC_FMT_XLSX;
        info->variant = "xlsx";
    } else {
        return pl_error_set(err, PL_E_UNSUPPORTED_TYPE, target, "%s", ct ? ct : "no content type");
    }
    return PL_OK;
}

static pl_status sniff_error(sniff_kind kind, const char *detail, pl_error *err)
{
    switch (kind) {
    case SNIFF_EMPTY: return pl_error_set(err, PL_E_EMPTY, NULL, NULL);
    case SNIFF_ENCRYPTED: return pl_error_set(err, PL_E_ENCRYPTED, NULL, "%s", detail);
    case SNIFF_LEGACY_DOC: return pl_error_set(err, PL_E_LEGACY_DOC, NULL, "%s", detail);
    case SNIFF_LEGACY_XLS: return pl_error_set(err, PL_E_LEGACY_XLS, NULL, "%s", detail);
    case SNIFF_LEGACY_OTHER: return pl_error_set(err, PL_E_LEGACY_OTHER, NULL, "%s", detail);
    case SNIFF_UNKNOWN: return pl_error_set(err, PL_E_NOT_DOCUMENT, NULL, "%s", detail);
    case SNIFF_ZIP: break;
    }
    return PL_OK;
}

pl_status ooxml_read_memory(const void *data, size_t n, const char *name,
                            const ooxml_options *opt, doc_info *info, const doc_sink *sink,
                            pl_error *err)
{
    if (!info->path) info->path = doc_info_intern(info, name);
    info->file_size = n;
    sha256_hex(data, n, info->sha256);

    char detail[128];
    sniff_kind kind = sniff_bytes(data, n, detail, sizeof detail);
    if (kind != SNIFF_ZIP) return sniff_error(kind, detail, err);

    pkg *pk;
    pl_status s = pkg_open(&pk, data, n, &opt->limits, err);
    if (s != PL_OK) return s;

    const char *main_part = NULL;
    s = find_main_part(pk, info, &main_part, err);
    guard g = {.inner = sink, .limit = opt->limits.max_text_bytes};
    doc_sink guarded = {.ctx = &g, .block = guard_block};
    if (s == PL_OK) {
        if (info->format == DOC_FMT_DOCX)
            s = docx_read(pk, main_part, opt, info, &guarded, err);
        else
            s = xlsx_read(pk, main_part, opt, info, &guarded, err);
    }
    if (s == PL_OK && opt->metadata && !g.over && !g.stopped_by_inner)
        s = props_read(pk, info, &guarded, err);
    if (s == PL_OK && g.over) {
        pl_error_set(err, PL_E_LIMIT, NULL, "extracted text");
        err->value = (long long)g.bytes;
        err->limit = (long long)g.limit;
        s = PL_E_LIMIT;
    }
    if (pkg_has_part(pk, "word/vbaProject.bin") || pkg_has_part(pk, "xl/vbaProject.bin"))
        doc_info_warn(info, "MACROS", NULL, "the package contains VBA macros (vbaProject.bin)");
    info->strict = pkg_is_strict(pk);
    if (pkg_is_lenient(pk))
        doc_info_warn(info, "ZIP_HEADERS_DIFFER", NULL,
                      "local and central zip headers disagree; read after checking that no "
                      "entries overlap");
    pkg_close(pk);
    return s;
}

pl_status ooxml_read_file(const char *path, const ooxml_options *opt, doc_info *info,
                          const doc_sink *sink, pl_error *err)
{
    info->path = doc_info_intern(info, path);
    FILE *f = fopen(path, "rb");
    if (!f) return pl_error_set(err, PL_E_IO, NULL, "%s", strerror(errno));
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        fclose(f);
        return pl_error_set(err, PL_E_IO, NULL, "not a regular file");
    }
    if ((uint64_t)st.st_size > opt->limits.max_file_bytes) {
        fclose(f);
        pl_error_set(err, PL_E_FILE_TOO_LARGE, NULL, NULL);
        err->value = (long long)st.st_size;
        err->limit = (long long)opt->limits.max_file_bytes;
        return PL_E_FILE_TOO_LARGE;
    }
    size_t n = (size_t)st.st_size;
    unsigned char *data = pl_xmalloc(n ? n : 1);
    size_t got = n ? fread(data, 1, n, f) : 0;
    int failed = ferror(f);
    fclose(f);
    if (got != n || failed) {
        free(data);
        return pl_error_set(err, PL_E_IO, NULL, "short read");
    }
    pl_status s = ooxml_read_memory(data, n, path, opt, info, sink, err);
    free(data);
    return s;
}

/*
 * document.c - doc_info bookkeeping and the collecting sink.
 */
#include "doc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"
#include "util/sbuf.h"

void doc_info_init(doc_info *info)
{
    memset(info, 0, sizeof *info);
    arena_init(&info->mem);
}

void doc_info_free(doc_info *info)
{
    free(info->warnings);
    arena_free(&info->mem);
    memset(info, 0, sizeof *info);
}

const char *doc_info_intern(doc_info *info, const char *s)
{
    return s ? arena_strdup(&info->mem, s) : NULL;
}

void doc_info_warn(doc_info *info, const char *code, const char *part, const char *fmt, ...)
{
    /* Repeated warnings of one kind in one part say nothing new. */
    for (size_t i = 0; i < info->nwarnings; i++) {
        const doc_warning *w = &info->warnings[i];
        if (strcmp(w->code, code) == 0 && ((!w->part && !part) ||
                                           (w->part && part && strcmp(w->part, part) == 0)))
            return;
    }
    sbuf detail = SBUF_INIT;
    if (fmt) {
        va_list ap;
        va_start(ap, fmt);
        sbuf_vprintf(&detail, fmt, ap);
        va_end(ap);
    }
    PL_GROW(info->warnings, info->cap_warnings, info->nwarnings + 1);
    doc_warning *w = &info->warnings[info->nwarnings++];
    w->code = doc_info_intern(info, code);
    w->part = doc_info_intern(info, part);
    w->detail = doc_info_intern(info, sbuf_cstr(&detail));
    sbuf_free(&detail);
}

void doc_document_init(doc_document *d)
{
    memset(d, 0, sizeof *d);
    doc_info_init(&d->info);
    arena_init(&d->mem);
}

void doc_document_free(doc_document *d)
{
    free(d->blocks);
    arena_free(&d->mem);
    doc_info_free(&d->info);
    memset(d, 0, sizeof *d);
}

static const char *keep(arena *a, const char *s)
{
    return s ? arena_strdup(a, s) : NULL;
}

static bool collect_block(void *ctx, const doc_block *b)
{
    doc_document *d = ctx;
    PL_GROW(d->blocks, d->cap, d->nblocks + 1);
    doc_block *c = &d->blocks[d->nblocks++];
    *c = *b;
    /* loc.part and loc.sheet belong to the doc_info and already outlive us */
    c->text = arena_strndup(&d->mem, b->text, b->len);
    c->label = keep(&d->mem, b->label);
    c->list_format = keep(&d->mem, b->list_format);
    c->style = keep(&d->mem, b->style);
    c->style_name = keep(&d->mem, b->style_name);
    c->ref = keep(&d->mem, b->ref);
    c->author = keep(&d->mem, b->author);
    c->raw = keep(&d->mem, b->raw);
    c->iso = keep(&d->mem, b->iso);
    c->number_format = keep(&d->mem, b->number_format);
    if (b->nmarks) {
        doc_mark *m = arena_alloc(&d->mem, b->nmarks * sizeof *m);
        for (uint32_t i = 0; i < b->nmarks; i++) {
            m[i] = b->marks[i];
            m[i].info = keep(&d->mem, b->marks[i].info);
        }
        c->marks = m;
    }
    return true;
}

doc_sink doc_document_sink(doc_document *d)
{
    return (doc_sink){.ctx = d, .block = collect_block};
}

static const char *const CHANNEL_NAMES[DOC_CH_COUNT] = {
    "body", "table", "header", "footer", "footnote", "endnote",
    "comment", "textbox", "deleted", "metadata", "cell",
};

const char *doc_channel_name(doc_channel ch)
{
    return (ch >= 0 && ch < DOC_CH_COUNT) ? CHANNEL_NAMES[ch] : "unknown";
}

int doc_channel_parse(const char *name)
{
    for (int i = 0; i < DOC_CH_COUNT; i++)
        if (strcmp(CHANNEL_NAMES[i], name) == 0) return i;
    return -1;
}

const char *doc_mark_name(doc_mark_kind k)
{
    static const char *const names[DOC_MARK_COUNT] = {
        "inserted", "deleted", "moved-to", "moved-from", "hidden", "ruby",
        "field", "hyperlink", "comment", "placeholder", "symbol", "note-ref",
    };
    return (k >= 0 && k < DOC_MARK_COUNT) ? names[k] : "unknown";
}

const char *doc_value_type_name(doc_value_type t)
{
    switch (t) {
    case DOC_VAL_STRING: return "string";
    case DOC_VAL_NUMBER: return "number";
    case DOC_VAL_BOOL: return "bool";
    case DOC_VAL_ERROR: return "error";
    case DOC_VAL_DATE: return "date";
    case DOC_VAL_DATETIME: return "datetime";
    case DOC_VAL_TIME: return "time";
    case DOC_VAL_NONE: break;
    }
    return "none";
}

const char *doc_format_name(doc_format f)
{
    switch (f) {
    case DOC_FMT_DOCX: return "docx";
    case DOC_FMT_XLSX: return "xlsx";
    case DOC_FMT_UNKNOWN: break;
    }
    return "unknown";
}

static const char *const TYPE_NAMES[DOC_TYPE_COUNT] = {
    "unknown", "contract", "special-provisions", "spec", "policy", "ledger",
};

const char *doc_type_name(doc_type t)
{
    return (t >= 0 && t < DOC_TYPE_COUNT) ? TYPE_NAMES[t] : "unknown";
}

int doc_type_parse(const char *name)
{
    for (int i = 0; i < DOC_TYPE_COUNT; i++)
        if (strcmp(TYPE_NAMES[i], name) == 0) return i;
    return -1;
}

void doc_column_letters(uint32_t col, char out[8])
{
    char tmp[8];
    int n = 0;
    while (col > 0 && n < 7) {
        col--;
        tmp[n++] = (char)('A' + col % 26);
        col /= 26;
    }
    for (int i = 0; i < n; i++) out[i] = tmp[n - 1 - i];
    out[n] = '\0';
}

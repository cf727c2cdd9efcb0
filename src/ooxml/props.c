/*
 * props.c - document properties (docProps/core.xml, app.xml, custom.xml).
 *
 * Leaked author and company names are a finding in their own right, and the
 * title often says what a document is, so properties are emitted as blocks on
 * the metadata channel, one per non-empty property, named by ref:
 * "dc:title", "app:Company", "custom:<name>".
 */
#include <string.h>

#include "internal.h"
#include "util/sbuf.h"

typedef enum props_kind { PROPS_CORE, PROPS_APP, PROPS_CUSTOM } props_kind;

typedef struct props_ctx {
    props_kind kind;
    const char *part;
    const doc_sink *sink;
    int depth;
    sbuf name;  /* property being read */
    sbuf value;
    bool in_value;
    bool stop;
} props_ctx;

static const char *core_prefix(xs_ns ns)
{
    switch (ns) {
    case XS_NS_DC: return "dc:";
    case XS_NS_DCTERMS: return "dcterms:";
    case XS_NS_CP: return "cp:";
    default: return NULL;
    }
}

static void props_start(xs_parser *p, void *ctx, xs_ns ns, const char *name, const xs_attr *at,
                        int n)
{
    (void)p;
    props_ctx *c = ctx;
    c->depth++;
    if (c->kind == PROPS_CUSTOM) {
        if (ns == XS_NS_CUSTP && strcmp(name, "property") == 0) {
            size_t len;
            const char *v = xs_attr_get(at, n, XS_NS_OTHER, "name", &len);
            sbuf_reset(&c->name);
            sbuf_puts(&c->name, "custom:");
            if (v) sbuf_append(&c->name, v, len);
            sbuf_reset(&c->value);
        } else if (ns == XS_NS_VT && c->depth == 3) {
            c->in_value = true;
        }
        return;
    }
    if (c->depth != 2) return; /* properties are children of the root */
    const char *prefix = c->kind == PROPS_APP ? (ns == XS_NS_EP ? "app:" : NULL) : core_prefix(ns);
    if (!prefix) return;
    /* Of app.xml only what names the document's origin is content; word
     * counts, flags and version numbers are not. */
    if (c->kind == PROPS_APP) {
        static const char *const kept[] = {"Template", "Manager", "Company", "Application",
                                           "HyperlinkBase"};
        bool keep = false;
        for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++)
            keep |= strcmp(name, kept[i]) == 0;
        if (!keep) return;
    }
    sbuf_reset(&c->name);
    sbuf_puts(&c->name, prefix);
    sbuf_puts(&c->name, name);
    sbuf_reset(&c->value);
    c->in_value = true;
}

static void emit(xs_parser *p, props_ctx *c)
{
    /* Trim surrounding ASCII whitespace: these are single-line values. */
    const char *v = sbuf_cstr(&c->value);
    size_t len = c->value.len;
    while (len && (*v == ' ' || *v == '\n' || *v == '\r' || *v == '\t')) v++, len--;
    while (len && (v[len - 1] == ' ' || v[len - 1] == '\n' || v[len - 1] == '\r' ||
                   v[len - 1] == '\t'))
        len--;
    if (!len) return;
    sbuf text = SBUF_INIT;
    sbuf_append(&text, v, len);
    doc_block b = {.kind = DOC_BLOCK_PROPERTY,
                   .channel = DOC_CH_METADATA,
                   .loc = {.part = c->part},
                   .text = sbuf_cstr(&text),
                   .len = (uint32_t)len,
                   .ref = sbuf_cstr(&c->name)};
    if (!c->sink->block(c->sink->ctx, &b)) {
        c->stop = true;
        xs_abort(p, PL_OK, NULL);
    }
    sbuf_free(&text);
}

static void props_end(xs_parser *p, void *ctx, xs_ns ns, const char *name)
{
    (void)ns, (void)name;
    props_ctx *c = ctx;
    if (c->in_value && ((c->kind == PROPS_CUSTOM && c->depth == 3) ||
                        (c->kind != PROPS_CUSTOM && c->depth == 2))) {
        c->in_value = false;
        emit(p, c);
    }
    c->depth--;
}

static void props_text(xs_parser *p, void *ctx, const char *s, size_t n)
{
    (void)p;
    props_ctx *c = ctx;
    if (c->in_value) sbuf_append(&c->value, s, n);
}

static pl_status read_one(pkg *pk, const char *part, props_kind kind, doc_info *info,
                          const doc_sink *sink, bool *stop, pl_error *err)
{
    props_ctx c = {.kind = kind, .part = doc_info_intern(info, part), .sink = sink};
    sbuf_init(&c.name);
    sbuf_init(&c.value);
    xs_handler h = {.ctx = &c, .start = props_start, .end = props_end, .text = props_text};
    pl_status s = xs_parse_part(pk, part, &h, err);
    *stop = c.stop;
    sbuf_free(&c.name);
    sbuf_free(&c.value);
    return s;
}

pl_status props_read(pkg *pk, doc_info *info, const doc_sink *sink, pl_error *err)
{
    pkg_rels rels;
    pl_status s = pkg_read_rels(pk, "", &rels, err);
    if (s != PL_OK) return s;
    static const struct {
        const char *type;
        props_kind kind;
    } wanted[] = {
        {"core-properties", PROPS_CORE},
        {"extended-properties", PROPS_APP},
        {"custom-properties", PROPS_CUSTOM},
    };
    bool stop = false;
    for (size_t w = 0; w < sizeof wanted / sizeof wanted[0] && s == PL_OK && !stop; w++) {
        const pkg_rel *r = pkg_rels_by_type(&rels, wanted[w].type);
        if (!r || r->external || r->escapes || !pkg_has_part(pk, r->target)) continue;
        s = read_one(pk, r->target, wanted[w].kind, info, sink, &stop, err);
    }
    pkg_rels_free(&rels);
    return s;
}

/*
 * xmlstream.c - a guarded libxml2 SAX2 push parser.
 *
 * Parts are inflated in 64 KiB chunks and pushed straight into libxml2, so a
 * part of any size needs only a chunk of memory. Around libxml2 we add what
 * Debian's 2.9.14 does not do on the push path:
 *   - any DOCTYPE stops the parse (OPC forbids DTDs, and with no DTD there
 *     are no entities to expand or to load: billion laughs and XXE die here);
 *   - element depth is counted by us (the SAX push path has no depth limit);
 *   - the declared encoding must be UTF-8 or UTF-16 (OPC M1.17), and UTF-8 is
 *     validated by us first, so a bad byte is reported with its offset;
 *   - libxml2's own messages are captured, never printed.
 * We also do the namespace work once for every reader: transitional and ISO
 * strict URIs map to one xs_ns id, and mc:AlternateContent is reduced to one
 * branch, so a text box is read once, not once per representation.
 */
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "util/mem.h"
#include "util/utf8.h"

enum { XS_CHUNK = 64 * 1024, XS_URI_CACHE = 16, XS_MAX_AC = 64 };

typedef struct ns_decl {
    const xmlChar *prefix;
    const xmlChar *uri;
} ns_decl;

typedef struct ac_frame {
    int depth;   /* depth of the mc:AlternateContent element */
    bool chosen; /* a branch has been taken */
} ac_frame;

struct xs_parser {
    xmlParserCtxtPtr ctxt;
    const xs_handler *h;
    const ooxml_limits *lim;
    pkg *pk;
    const char *part;
    pl_error *err;
    pl_status status;
    bool stopped;

    int depth;
    int skip_depth; /* > 0 while inside an AlternateContent branch not taken */
    ac_frame ac[XS_MAX_AC];
    int nac;

    ns_decl *decls;
    size_t ndecls, cap_decls;
    uint32_t *decls_at; /* decls pushed by the element at each depth */
    size_t cap_decls_at;

    const xmlChar *cache_uri[XS_URI_CACHE];
    xs_ns cache_ns[XS_URI_CACHE];
    int cache_next;
    const xmlChar *last_uri;
    xs_ns last_ns;

    xs_attr *attrs;
    size_t cap_attrs;
    sbuf attr_text; /* decoded attribute values of the current element */

    /* input checks */
    bool seen_first;
    bool check_utf8;
    unsigned char carry[4];
    size_t ncarry;
    uint64_t offset; /* bytes of the part consumed so far */
};

/* ---- namespaces --------------------------------------------------------- */

static const struct {
    const char *uri;
    xs_ns ns;
    bool strict;
} NAMESPACES[] = {
    {"http://schemas.openxmlformats.org/wordprocessingml/2006/main", XS_NS_W, false},
    {"http://purl.oclc.org/ooxml/wordprocessingml/main", XS_NS_W, true},
    {"http://schemas.openxmlformats.org/spreadsheetml/2006/main", XS_NS_S, false},
    {"http://purl.oclc.org/ooxml/spreadsheetml/main", XS_NS_S, true},
    {"http://schemas.openxmlformats.org/officeDocument/2006/relationships", XS_NS_R, false},
    {"http://purl.oclc.org/ooxml/officeDocument/relationships", XS_NS_R, true},
    {"http://schemas.openxmlformats.org/markup-compatibility/2006", XS_NS_MC, false},
    {"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing", XS_NS_WP, false},
    {"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing", XS_NS_WP, true},
    {"http://schemas.microsoft.com/office/word/2010/wordprocessingShape", XS_NS_WPS, false},
    {"http://schemas.microsoft.com/office/word/2010/wordprocessingGroup", XS_NS_WPG, false},
    {"http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas", XS_NS_WPC, false},
    {"http://schemas.microsoft.com/office/word/2010/wordml", XS_NS_W14, false},
    {"http://schemas.microsoft.com/office/word/2012/wordml", XS_NS_W15, false},
    {"http://schemas.openxmlformats.org/drawingml/2006/main", XS_NS_A, false},
    {"http://purl.oclc.org/ooxml/drawingml/main", XS_NS_A, true},
    {"http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing", XS_NS_XDR, false},
    {"http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing", XS_NS_XDR, true},
    {"urn:schemas-microsoft-com:vml", XS_NS_V, false},
    {"urn:schemas-microsoft-com:office:office", XS_NS_O, false},
    {"http://schemas.openxmlformats.org/officeDocument/2006/math", XS_NS_M, false},
    {"http://purl.oclc.org/ooxml/officeDocument/math", XS_NS_M, true},
    {"http://schemas.openxmlformats.org/package/2006/relationships", XS_NS_PKG_REL, false},
    {"http://schemas.openxmlformats.org/package/2006/content-types", XS_NS_CT, false},
    {"http://schemas.openxmlformats.org/package/2006/metadata/core-properties", XS_NS_CP, false},
    {"http://purl.org/dc/elements/1.1/", XS_NS_DC, false},
    {"http://purl.org/dc/terms/", XS_NS_DCTERMS, false},
    {"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties", XS_NS_EP,
     false},
    {"http://purl.oclc.org/ooxml/officeDocument/extendedProperties", XS_NS_EP, true},
    {"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties", XS_NS_CUSTP,
     false},
    {"http://purl.oclc.org/ooxml/officeDocument/customProperties", XS_NS_CUSTP, true},
    {"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes", XS_NS_VT, false},
    {"http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes", XS_NS_VT, true},
    {"http://www.w3.org/XML/1998/namespace", XS_NS_XML, false},
};

/* Namespaces whose markup we can read when an mc:Choice requires them.
 * Anything else (e.g. w16se emoji symbols, chartex) sends us to the
 * Fallback, which by design carries an older representation we know. */
static const char *const UNDERSTOOD_EXTRA[] = {
    "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",
    "http://schemas.microsoft.com/office/drawing/2010/main",
    "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main",
};

static xs_ns classify_uri(xs_parser *p, const xmlChar *uri)
{
    if (!uri) return XS_NS_OTHER;
    /* a part uses one namespace for nearly every element: try the last hit */
    if (uri == p->last_uri) return p->last_ns;
    for (int i = 0; i < XS_URI_CACHE; i++) {
        if (p->cache_uri[i] == uri) {
            p->last_uri = uri;
            p->last_ns = p->cache_ns[i];
            return p->last_ns;
        }
    }
    xs_ns ns = XS_NS_OTHER;
    for (size_t i = 0; i < sizeof NAMESPACES / sizeof NAMESPACES[0]; i++) {
        if (strcmp((const char *)uri, NAMESPACES[i].uri) == 0) {
            ns = NAMESPACES[i].ns;
            if (NAMESPACES[i].strict && p->pk) pkg_set_strict(p->pk);
            break;
        }
    }
    /* libxml2 interns URIs in the parser's dictionary, so pointer equality
     * is a safe cache key for the life of this parse. */
    p->cache_uri[p->cache_next] = uri;
    p->cache_ns[p->cache_next] = ns;
    p->cache_next = (p->cache_next + 1) % XS_URI_CACHE;
    return ns;
}

static bool uri_understood(xs_parser *p, const xmlChar *uri)
{
    xs_ns ns = classify_uri(p, uri);
    if (ns != XS_NS_OTHER) return true;
    for (size_t i = 0; i < sizeof UNDERSTOOD_EXTRA / sizeof UNDERSTOOD_EXTRA[0]; i++)
        if (strcmp((const char *)uri, UNDERSTOOD_EXTRA[i]) == 0) return true;
    return false;
}

static const xmlChar *lookup_prefix(xs_parser *p, const char *prefix, size_t len)
{
    for (size_t i = p->ndecls; i-- > 0;) {
        const xmlChar *pre = p->decls[i].prefix;
        if (pre && strlen((const char *)pre) == len && memcmp(pre, prefix, len) == 0)
            return p->decls[i].uri;
    }
    return NULL;
}

/* mc:Choice Requires="wps w14": every prefix must name a namespace we read. */
static bool requires_understood(xs_parser *p, const char *req, size_t len)
{
    size_t i = 0;
    bool any = false;
    while (i < len) {
        while (i < len && (req[i] == ' ' || req[i] == '\t' || req[i] == '\n')) i++;
        size_t start = i;
        while (i < len && req[i] != ' ' && req[i] != '\t' && req[i] != '\n') i++;
        if (i == start) break;
        const xmlChar *uri = lookup_prefix(p, req + start, i - start);
        if (!uri || !uri_understood(p, uri)) return false;
        any = true;
    }
    return any;
}

/* ---- errors ------------------------------------------------------------- */

void xs_abort(xs_parser *p, pl_status status, const char *fmt, ...)
{
    if (p->stopped) return;
    p->stopped = true;
    if (status != PL_OK && p->err && p->err->status == PL_OK) {
        char detail[256] = "";
        if (fmt) {
            va_list ap;
            va_start(ap, fmt);
            vsnprintf(detail, sizeof detail, fmt, ap);
            va_end(ap);
        }
        pl_error_set(p->err, status, p->part, "%s", detail);
        p->err->line = xs_line(p);
        p->err->column = p->ctxt && p->ctxt->input ? p->ctxt->input->col : 0;
    }
    if (status != PL_OK && p->status == PL_OK) p->status = status;
    if (p->ctxt) xmlStopParser(p->ctxt);
}

long xs_line(const xs_parser *p)
{
    return p->ctxt && p->ctxt->input ? p->ctxt->input->line : 0;
}

pkg *xs_package(xs_parser *p)
{
    return p->pk;
}

static void on_structured_error(void *user, xmlErrorPtr e)
{
    xs_parser *p = user;
    if (!e || e->level < XML_ERR_ERROR || p->stopped) return;
    pl_status s = PL_E_XML;
    if (e->code == XML_ERR_UNSUPPORTED_ENCODING || e->code == XML_ERR_INVALID_ENCODING)
        s = PL_E_ENCODING;
    else if (e->code == XML_ERR_INVALID_CHAR && e->message &&
             strstr(e->message, "not proper UTF-8"))
        s = PL_E_UTF8;
    char msg[200];
    snprintf(msg, sizeof msg, "%s", e->message ? e->message : "parse error");
    size_t n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' ')) msg[--n] = '\0';
    if (p->err && p->err->status == PL_OK) {
        pl_error_set(p->err, s, p->part, "%s", msg);
        p->err->line = e->line;
        p->err->column = e->int2;
    }
    if (p->status == PL_OK) p->status = s;
    p->stopped = true;
}

static void on_doctype(void *user, const xmlChar *name, const xmlChar *ext, const xmlChar *sys)
{
    (void)name, (void)ext, (void)sys;
    xs_abort(user, PL_E_DTD, "<!DOCTYPE %s>", name ? (const char *)name : "");
}

static void on_warning(void *user, const char *msg, ...)
{
    (void)user, (void)msg;
}

/* ---- element events ----------------------------------------------------- */

static void push_decls(xs_parser *p, int nb, const xmlChar **namespaces)
{
    if ((size_t)p->depth + 1 > p->cap_decls_at)
        PL_GROW(p->decls_at, p->cap_decls_at, (size_t)p->depth + 1);
    p->decls_at[p->depth] = (uint32_t)nb;
    if (nb <= 0) return;
    PL_GROW(p->decls, p->cap_decls, p->ndecls + (size_t)nb);
    for (int i = 0; i < nb; i++)
        p->decls[p->ndecls++] = (ns_decl){namespaces[2 * i], namespaces[2 * i + 1]};
}

/* Without entity substitution libxml2 hands an ampersand in an attribute
 * value back as "&#38;" (so that a tree could be re-parsed); every other
 * reference arrives decoded. Readers must see the value as written, so the
 * ampersands are restored here, once, for everyone. */
static void decode_attributes(xs_parser *p, int n)
{
    sbuf_reset(&p->attr_text);
    size_t *offsets = pl_xcalloc((size_t)n + 1, sizeof *offsets);
    for (int i = 0; i < n; i++) {
        offsets[i] = (size_t)-1;
        const char *v = p->attrs[i].value;
        size_t len = p->attrs[i].len;
        if (!memchr(v, '&', len)) continue;
        offsets[i] = p->attr_text.len;
        for (size_t k = 0; k < len;) {
            if (len - k >= 5 && memcmp(v + k, "&#38;", 5) == 0) {
                sbuf_putc(&p->attr_text, '&');
                k += 5;
            } else {
                sbuf_putc(&p->attr_text, v[k++]);
            }
        }
        p->attrs[i].len = p->attr_text.len - offsets[i];
    }
    for (int i = 0; i < n; i++)
        if (offsets[i] != (size_t)-1) p->attrs[i].value = p->attr_text.data + offsets[i];
    free(offsets);
}

static void on_start(void *user, const xmlChar *localname, const xmlChar *prefix,
                     const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                     int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
    (void)prefix, (void)nb_defaulted;
    xs_parser *p = user;
    if (p->stopped) return;
    if (++p->depth > (int)p->lim->max_depth) {
        pl_error_set(p->err, PL_E_TOO_DEEP, p->part, NULL);
        p->err->limit = p->lim->max_depth;
        p->err->line = xs_line(p);
        xs_abort(p, PL_E_TOO_DEEP, NULL);
        return;
    }
    push_decls(p, nb_namespaces, namespaces);
    if (p->skip_depth > 0) {
        p->skip_depth++;
        return;
    }

    const char *name = (const char *)localname;
    xs_ns ns = classify_uri(p, uri);

    PL_GROW(p->attrs, p->cap_attrs, (size_t)nb_attributes + 1);
    bool decoded = false;
    for (int i = 0; i < nb_attributes; i++) {
        const xmlChar **a = attributes + 5 * i;
        p->attrs[i] = (xs_attr){classify_uri(p, a[2]), (const char *)a[0], (const char *)a[3],
                                (size_t)(a[4] - a[3])};
        if (memchr(a[3], '&', (size_t)(a[4] - a[3]))) decoded = true;
    }
    if (decoded) decode_attributes(p, nb_attributes);

    if (ns == XS_NS_MC) {
        if (strcmp(name, "AlternateContent") == 0) {
            if (p->nac < XS_MAX_AC) p->ac[p->nac++] = (ac_frame){p->depth, false};
            return;
        }
        bool branch = strcmp(name, "Choice") == 0 || strcmp(name, "Fallback") == 0;
        if (branch && p->nac > 0 && p->ac[p->nac - 1].depth == p->depth - 1) {
            ac_frame *f = &p->ac[p->nac - 1];
            bool take = !f->chosen;
            if (take && name[0] == 'C') {
                size_t len;
                const char *req = xs_attr_get(p->attrs, nb_attributes, XS_NS_OTHER, "Requires",
                                              &len);
                take = req && requires_understood(p, req, len);
            }
            if (take)
                f->chosen = true;
            else
                p->skip_depth = 1;
            return;
        }
        return; /* other mc: markup carries no content */
    }
    if (p->h->start) p->h->start(p, p->h->ctx, ns, name, p->attrs, nb_attributes);
}

static void on_end(void *user, const xmlChar *localname, const xmlChar *prefix,
                   const xmlChar *uri)
{
    (void)prefix;
    xs_parser *p = user;
    if (p->stopped) return;
    if (p->depth >= 0 && (size_t)p->depth < p->cap_decls_at) p->ndecls -= p->decls_at[p->depth];
    p->depth--;
    if (p->skip_depth > 0) {
        p->skip_depth--;
        return;
    }
    xs_ns ns = classify_uri(p, uri);
    const char *name = (const char *)localname;
    if (ns == XS_NS_MC) {
        if (strcmp(name, "AlternateContent") == 0 && p->nac > 0 &&
            p->ac[p->nac - 1].depth == p->depth + 1)
            p->nac--;
        return;
    }
    if (p->h->end) p->h->end(p, p->h->ctx, ns, name);
}

static void on_text(void *user, const xmlChar *ch, int len)
{
    xs_parser *p = user;
    if (p->stopped || p->skip_depth > 0 || len <= 0) return;
    if (p->h->text) p->h->text(p, p->h->ctx, (const char *)ch, (size_t)len);
}

/* ---- input checks -------------------------------------------------------- */

/* Looks at the start of the part: BOM, UTF-16 without BOM, or the encoding
 * pseudo-attribute of the XML declaration. */
static bool check_declared_encoding(xs_parser *p, const char *data, size_t n)
{
    const unsigned char *u = (const unsigned char *)data;
    p->check_utf8 = true;
    if (n >= 2 && ((u[0] == 0xFE && u[1] == 0xFF) || (u[0] == 0xFF && u[1] == 0xFE) ||
                   (u[0] == 0x3C && u[1] == 0x00) || (u[0] == 0x00 && u[1] == 0x3C))) {
        p->check_utf8 = false; /* UTF-16: libxml2 converts it */
        return true;
    }
    size_t skip = (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) ? 3 : 0;
    if (n - skip < 5 || memcmp(data + skip, "<?xml", 5) != 0) return true;
    size_t end = skip;
    while (end + 1 < n && end < 512 && !(data[end] == '?' && data[end + 1] == '>')) end++;
    const char *decl = data + skip;
    size_t dlen = end - skip;
    const char *enc = NULL;
    for (size_t i = 0; i + 8 <= dlen; i++) {
        if (memcmp(decl + i, "encoding", 8) == 0) {
            enc = decl + i + 8;
            break;
        }
    }
    if (!enc) return true;
    const char *lim = decl + dlen;
    while (enc < lim && (*enc == ' ' || *enc == '=' || *enc == '\t')) enc++;
    if (enc >= lim || (*enc != '"' && *enc != '\'')) return true;
    char quote = *enc++;
    const char *close = memchr(enc, quote, (size_t)(lim - enc));
    if (!close) return true;
    size_t elen = (size_t)(close - enc);
    char name[64];
    snprintf(name, sizeof name, "%.*s", (int)(elen < 63 ? elen : 63), enc);
    if (strcasecmp(name, "UTF-8") == 0 || strcasecmp(name, "UTF8") == 0) return true;
    if (strcasecmp(name, "UTF-16") == 0 || strcasecmp(name, "UTF-16LE") == 0 ||
        strcasecmp(name, "UTF-16BE") == 0) {
        p->check_utf8 = false;
        return true;
    }
    pl_error_set(p->err, PL_E_ENCODING, p->part, "encoding=\"%s\"", name);
    p->err->line = 1;
    p->status = PL_E_ENCODING;
    p->stopped = true;
    return false;
}

static size_t utf8_seq_len(unsigned char lead)
{
    if (lead >= 0xC2 && lead <= 0xDF) return 2;
    if (lead >= 0xE0 && lead <= 0xEF) return 3;
    if (lead >= 0xF0 && lead <= 0xF4) return 4;
    return 0;
}

static bool utf8_fail(xs_parser *p, uint64_t at)
{
    pl_error_set(p->err, PL_E_UTF8, p->part, NULL);
    p->err->offset = (long long)at;
    p->status = PL_E_UTF8;
    p->stopped = true;
    return false;
}

/* Validates one chunk; a sequence cut by the chunk boundary is carried. */
static bool check_utf8_chunk(xs_parser *p, const char *data, size_t n)
{
    const unsigned char *s = (const unsigned char *)data;
    size_t i = 0;
    if (p->ncarry) {
        size_t need = utf8_seq_len(p->carry[0]);
        unsigned char seq[4];
        memcpy(seq, p->carry, p->ncarry);
        size_t have = p->ncarry;
        while (have < need && i < n) seq[have++] = s[i++];
        if (have < need) {
            memcpy(p->carry, seq, have);
            p->ncarry = have;
            p->offset += n;
            return true;
        }
        uint32_t cp;
        if (!utf8_decode((const char *)seq, need, &cp))
            return utf8_fail(p, p->offset - p->ncarry);
        p->ncarry = 0;
    }
    while (i < n) {
        if (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (!(w & 0x8080808080808080ULL)) {
                i += 8;
                continue;
            }
        }
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        /* Japanese text is mostly three-byte sequences: check those inline
         * (E0 needs A0..BF next to be shortest form, ED below A0 to stay out
         * of the surrogates) */
        unsigned char c = s[i];
        if (c >= 0xE1 && c <= 0xEF && c != 0xED && i + 2 < n && (s[i + 1] & 0xC0) == 0x80 &&
            (s[i + 2] & 0xC0) == 0x80) {
            i += 3;
            continue;
        }
        size_t need = utf8_seq_len(c);
        if (!need) return utf8_fail(p, p->offset + i);
        if (i + need > n) {
            /* cut by the chunk boundary: every byte we have must continue */
            for (size_t k = i + 1; k < n; k++)
                if ((s[k] & 0xC0) != 0x80) return utf8_fail(p, p->offset + i);
            p->ncarry = n - i;
            memcpy(p->carry, s + i, p->ncarry);
            p->offset += n;
            return true;
        }
        uint32_t cp;
        if (!utf8_decode((const char *)s + i, need, &cp)) return utf8_fail(p, p->offset + i);
        i += need;
    }
    p->offset += n;
    return true;
}

static bool feed(void *ctx, const char *data, size_t n)
{
    xs_parser *p = ctx;
    if (p->stopped) return false;
    if (!p->seen_first) {
        p->seen_first = true;
        if (!check_declared_encoding(p, data, n)) return false;
    }
    if (p->check_utf8 && !check_utf8_chunk(p, data, n)) return false;
    xmlParseChunk(p->ctxt, data, (int)n, 0);
    return !p->stopped;
}

/* ---- driver ------------------------------------------------------------- */

static void parser_init(xs_parser *p, xmlSAXHandler *sax, const char *part,
                        const ooxml_limits *lim, const xs_handler *h, pl_error *err)
{
    memset(p, 0, sizeof *p);
    memset(sax, 0, sizeof *sax);
    sax->initialized = XML_SAX2_MAGIC;
    sax->startElementNs = on_start;
    sax->endElementNs = on_end;
    sax->characters = on_text;
    sax->ignorableWhitespace = on_text;
    sax->cdataBlock = on_text;
    sax->internalSubset = on_doctype;
    sax->externalSubset = on_doctype;
    sax->serror = on_structured_error;
    sax->warning = on_warning;
    p->part = part;
    p->lim = lim;
    p->h = h;
    p->err = err;
    p->ctxt = xmlCreatePushParserCtxt(sax, p, NULL, 0, part);
    if (p->ctxt) xmlCtxtUseOptions(p->ctxt, XML_PARSE_NONET);
}

static pl_status parser_finish(xs_parser *p)
{
    if (!p->ctxt) return pl_error_set(p->err, PL_E_NOMEM, p->part, "XML parser");
    if (!p->stopped) {
        if (p->ncarry) utf8_fail(p, p->offset - p->ncarry);
        else xmlParseChunk(p->ctxt, NULL, 0, 1);
    }
    if (p->status == PL_OK && !p->stopped && !p->ctxt->wellFormed) {
        pl_error_set(p->err, PL_E_XML, p->part, "not well-formed");
        p->status = PL_E_XML;
    }
    if (p->status == PL_OK && !p->stopped && p->depth != 0) {
        pl_error_set(p->err, PL_E_XML, p->part, "unexpected end of part");
        p->status = PL_E_XML;
    }
    xmlFreeParserCtxt(p->ctxt);
    free(p->decls);
    free(p->decls_at);
    free(p->attrs);
    sbuf_free(&p->attr_text);
    return p->status;
}

pl_status xs_parse_part(pkg *pk, const char *part, const xs_handler *h, pl_error *err)
{
    xs_parser p;
    xmlSAXHandler sax;
    parser_init(&p, &sax, part, pkg_limits(pk), h, err);
    p.pk = pk;
    pl_status s = PL_OK;
    if (p.ctxt) s = pkg_read_part(pk, part, feed, &p, err);
    if (s != PL_OK && p.status == PL_OK) p.status = s;
    return parser_finish(&p);
}

pl_status xs_parse_memory(const char *data, size_t n, const char *part, const ooxml_limits *lim,
                          const xs_handler *h, pl_error *err)
{
    xs_parser p;
    xmlSAXHandler sax;
    parser_init(&p, &sax, part, lim, h, err);
    for (size_t off = 0; p.ctxt && off < n && !p.stopped; off += XS_CHUNK)
        feed(&p, data + off, n - off < XS_CHUNK ? n - off : XS_CHUNK);
    return parser_finish(&p);
}

/* ---- attributes --------------------------------------------------------- */

const char *xs_attr_get(const xs_attr *attrs, int n, xs_ns ns, const char *name, size_t *len)
{
    for (int i = 0; i < n; i++) {
        if (attrs[i].ns == ns && strcmp(attrs[i].name, name) == 0) {
            if (len) *len = attrs[i].len;
            return attrs[i].value;
        }
    }
    return NULL;
}

const char *xs_attr_str(const xs_attr *attrs, int n, xs_ns ns, const char *name, char *buf,
                        size_t size)
{
    size_t len;
    const char *v = xs_attr_get(attrs, n, ns, name, &len);
    if (!v || size == 0) return NULL;
    if (len >= size) len = size - 1;
    memcpy(buf, v, len);
    buf[len] = '\0';
    return buf;
}

long long xs_attr_int(const xs_attr *attrs, int n, xs_ns ns, const char *name, long long def)
{
    char buf[32];
    if (!xs_attr_str(attrs, n, ns, name, buf, sizeof buf)) return def;
    char *end;
    long long v = strtoll(buf, &end, 10);
    return (end == buf) ? def : v;
}

bool xs_attr_bool(const xs_attr *attrs, int n, xs_ns ns, const char *name, bool def)
{
    char buf[16];
    if (!xs_attr_str(attrs, n, ns, name, buf, sizeof buf)) return def;
    return !(strcmp(buf, "0") == 0 || strcmp(buf, "false") == 0 || strcmp(buf, "off") == 0);
}

bool xs_attr_eq(const xs_attr *attrs, int n, xs_ns ns, const char *name, const char *value)
{
    size_t len;
    const char *v = xs_attr_get(attrs, n, ns, name, &len);
    return v && strlen(value) == len && memcmp(v, value, len) == 0;
}

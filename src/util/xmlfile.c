#include "xmlfile.h"

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef struct first_error {
    int line;
    char msg[256];
    bool seen;
} first_error;

static void on_error(void *ctx, xmlErrorPtr e)
{
    first_error *fe = ctx;
    if (fe->seen || !e) return;
    fe->seen = true;
    fe->line = e->line;
    /* RelaxNG reports attribute errors without a line; the node has one. */
    if (fe->line <= 0 && e->node) fe->line = (int)xmlGetLineNo((xmlNodePtr)e->node);
    snprintf(fe->msg, sizeof fe->msg, "%s", e->message ? e->message : "invalid");
    size_t n = strlen(fe->msg);
    while (n && fe->msg[n - 1] == '\n') fe->msg[--n] = '\0';
}

static void quiet(void *ctx, const char *msg, ...)
{
    (void)ctx, (void)msg;
}

static pl_status fail(pl_error *err, const char *path, const first_error *fe, const char *def)
{
    pl_error_set(err, PL_E_PACK, path, "%s", fe->seen ? fe->msg : def);
    err->line = fe->seen ? fe->line : 0;
    return PL_E_PACK;
}

pl_status xmlfile_read(const char *path, const unsigned char *schema, size_t schema_len,
                       xmlDocPtr *out, pl_error *err)
{
    *out = NULL;
    first_error fe = {0};
    xmlParserCtxtPtr pctx = xmlNewParserCtxt();
    xmlSetStructuredErrorFunc(&fe, on_error);
    xmlDocPtr doc = xmlCtxtReadFile(pctx, path, NULL, XML_PARSE_NONET | XML_PARSE_NOBLANKS);
    xmlSetStructuredErrorFunc(NULL, NULL);
    xmlFreeParserCtxt(pctx);
    if (!doc) return fail(err, path, &fe, "cannot read the file");
    if (doc->intSubset || doc->extSubset) {
        xmlFreeDoc(doc);
        return pl_error_set(err, PL_E_PACK, path, "a DOCTYPE is not allowed here");
    }
    xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewMemParserCtxt((const char *)schema, (int)schema_len);
    xmlRelaxNGSetParserErrors(pc, quiet, quiet, NULL);
    xmlRelaxNGPtr rng = xmlRelaxNGParse(pc);
    xmlRelaxNGFreeParserCtxt(pc);
    if (!rng) {
        xmlFreeDoc(doc);
        return pl_error_set(err, PL_E_INTERNAL, NULL, "embedded schema");
    }
    xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(rng);
    first_error ve = {0};
    xmlRelaxNGSetValidStructuredErrors(vc, on_error, &ve);
    int rc = xmlRelaxNGValidateDoc(vc, doc);
    xmlRelaxNGFreeValidCtxt(vc);
    xmlRelaxNGFree(rng);
    if (rc != 0) {
        xmlFreeDoc(doc);
        return fail(err, path, &ve, "does not follow the schema");
    }
    *out = doc;
    return PL_OK;
}

char *xmlfile_attr(const xmlNode *n, const char *name)
{
    return (char *)xmlGetProp(n, (const xmlChar *)name);
}

bool xmlfile_is(const xmlNode *n, const char *ns, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->ns && strcmp((const char *)n->ns->href, ns) == 0 &&
           strcmp((const char *)n->name, name) == 0;
}

pl_status xmlfile_fail(pl_error *err, const char *file, const xmlNode *node, const char *fmt, ...)
{
    char detail[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(detail, sizeof detail, fmt, ap);
    va_end(ap);
    pl_error_set(err, PL_E_PACK, file, "%s", detail);
    err->line = node ? xmlGetLineNo(node) : 0;
    return PL_E_PACK;
}

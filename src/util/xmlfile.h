/*
 * xmlfile.h - reading the small XML files people write for polint (rule
 * packs, polint.xml, waiver lists): parsed as a tree with no network and no
 * DTD, then validated against a RelaxNG schema compiled into the binary. The
 * first problem is reported as file:line with the parser's or validator's
 * reason.
 */
#ifndef PL_XMLFILE_H
#define PL_XMLFILE_H

#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>

#include "status.h"

pl_status xmlfile_read(const char *path, const unsigned char *schema, size_t schema_len,
                       xmlDocPtr *out, pl_error *err);

/* Attribute value (caller frees with xmlFree) or NULL. */
char *xmlfile_attr(const xmlNode *n, const char *name);
/* Is n an element called name in namespace ns? */
bool xmlfile_is(const xmlNode *n, const char *ns, const char *name);

/* A problem the schema cannot express (a reference to nothing, a duplicate
 * id): sets err to file, the line of node, and the formatted reason.
 * Returns PL_E_PACK. */
pl_status xmlfile_fail(pl_error *err, const char *file, const xmlNode *node, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#endif

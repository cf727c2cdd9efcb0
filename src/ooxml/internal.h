/*
 * internal.h - shared by the files of the ooxml layer only.
 *
 * Three pieces: the sniffer (what kind of file is this), the package (a zip
 * with caps, content types, relationships) and the XML stream (a guarded
 * SAX2 push parser that hands clean element events to the DOCX/XLSX
 * readers). Nothing here is visible outside src/ooxml/.
 */
#ifndef PL_OOXML_INTERNAL_H
#define PL_OOXML_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ooxml.h"
#include "util/sbuf.h"

/* ---- sniff.c ------------------------------------------------------------ */

typedef enum sniff_kind {
    SNIFF_ZIP,
    SNIFF_EMPTY,
    SNIFF_ENCRYPTED,   /* CFB with EncryptionInfo/EncryptedPackage */
    SNIFF_LEGACY_DOC,
    SNIFF_LEGACY_XLS,
    SNIFF_LEGACY_OTHER,
    SNIFF_UNKNOWN,
} sniff_kind;

/* Looks at the bytes only; detail names what was seen ("PDF", "RTF", ...). */
sniff_kind sniff_bytes(const unsigned char *data, size_t n, char *detail, size_t detail_size);

/* ---- package.c ---------------------------------------------------------- */

typedef struct pkg pkg;

/* Opens the zip held in data (not copied: it must outlive the package),
 * checks the entry table against the limits, and loads [Content_Types].xml.
 * Fails with ODF / NOT_DOCUMENT for zips that are not OOXML packages. */
pl_status pkg_open(pkg **out, const void *data, size_t n, const ooxml_limits *limits,
                   pl_error *err);
void pkg_close(pkg *p);

const ooxml_limits *pkg_limits(const pkg *p);
bool pkg_has_part(const pkg *p, const char *name);
/* Inflated size the zip directory declares for a part (0 if absent); reading
 * never delivers more (pkg_read_part enforces it). */
uint64_t pkg_part_size(const pkg *p, const char *name);
/* Content type of a part (Override, else Default by extension), or NULL. */
const char *pkg_content_type(const pkg *p, const char *name);
/* True when the zip's local and central headers disagree harmlessly (no
 * entries overlap) and it was opened without libzip's consistency check. */
bool pkg_is_lenient(const pkg *p);
/* True once any part used the ISO strict namespaces. */
bool pkg_is_strict(const pkg *p);
void pkg_set_strict(pkg *p);

/* Streams a part's inflated bytes to fn in chunks, enforcing every cap.
 * fn returns false to stop early (not an error). */
typedef bool (*pkg_chunk_fn)(void *ctx, const char *data, size_t n);
pl_status pkg_read_part(pkg *p, const char *name, pkg_chunk_fn fn, void *ctx, pl_error *err);

typedef struct pkg_rel {
    const char *id;
    const char *type;   /* last segment of the type URI: "styles", "header" ... */
    const char *target; /* resolved part name (no leading '/'), or the raw
                           target for external relationships */
    bool external;      /* TargetMode="External": metadata, never opened */
    bool escapes;       /* target pointed outside the package: ignored */
} pkg_rel;

typedef struct pkg_rels {
    pkg_rel *items;
    size_t n;
} pkg_rels;

/* Reads the relationships of source ("" for the package itself). A missing
 * .rels part is an empty list, not an error. Strings are owned by the
 * package. */
pl_status pkg_read_rels(pkg *p, const char *source, pkg_rels *out, pl_error *err);
void pkg_rels_free(pkg_rels *rels);
const pkg_rel *pkg_rels_by_id(const pkg_rels *rels, const char *id);
const pkg_rel *pkg_rels_by_type(const pkg_rels *rels, const char *type);

/* Resolves target relative to the folder of source part; returns false if
 * the result would leave the package. out gets a part name without '/'. */
bool pkg_resolve_target(const char *source, const char *target, sbuf *out);

/* Strings that must live as long as the package. */
const char *pkg_intern(pkg *p, const char *s);

/* ---- xmlstream.c -------------------------------------------------------- */

/* Namespaces we act on; transitional and strict URIs map to the same id. */
typedef enum xs_ns {
    XS_NS_OTHER = 0,
    XS_NS_W,       /* wordprocessingml main */
    XS_NS_S,       /* spreadsheetml main */
    XS_NS_R,       /* officeDocument relationships (r:id) */
    XS_NS_MC,      /* markup compatibility */
    XS_NS_WP,      /* wordprocessingDrawing */
    XS_NS_WPS,     /* wordprocessingShape (2010) */
    XS_NS_WPG,     /* wordprocessingGroup */
    XS_NS_WPC,     /* wordprocessingCanvas */
    XS_NS_W14,     /* Word 2010 extensions (checkboxes ...) */
    XS_NS_W15,
    XS_NS_A,       /* drawingml main */
    XS_NS_XDR,     /* spreadsheetDrawing */
    XS_NS_V,       /* VML */
    XS_NS_O,       /* VML office */
    XS_NS_M,       /* OMML math */
    XS_NS_PKG_REL, /* package relationships */
    XS_NS_CT,      /* content types */
    XS_NS_CP,      /* core properties */
    XS_NS_DC,
    XS_NS_DCTERMS,
    XS_NS_EP,      /* extended (app) properties */
    XS_NS_CUSTP,   /* custom properties */
    XS_NS_VT,      /* docPropsVTypes */
    XS_NS_XML,     /* the xml: prefix */
    XS_NS_COUNT
} xs_ns;

typedef struct xs_attr {
    xs_ns ns;
    const char *name;  /* local name */
    const char *value; /* NOT NUL-terminated */
    size_t len;
} xs_attr;

typedef struct xs_parser xs_parser;

typedef struct xs_handler {
    void *ctx;
    void (*start)(xs_parser *p, void *ctx, xs_ns ns, const char *name, const xs_attr *attrs,
                  int nattrs);
    void (*end)(xs_parser *p, void *ctx, xs_ns ns, const char *name);
    void (*text)(xs_parser *p, void *ctx, const char *s, size_t n);
} xs_handler;

/* Parses one part with the guards described in ooxml.h. mc:AlternateContent
 * is resolved here: handlers see exactly one branch (the first Choice whose
 * Requires namespaces we understand, else the Fallback) and never see the
 * mc: wrapper elements. */
pl_status xs_parse_part(pkg *pk, const char *part, const xs_handler *h, pl_error *err);

/* Same over bytes in memory (unit tests, tiny parts). */
pl_status xs_parse_memory(const char *data, size_t n, const char *part, const ooxml_limits *lim,
                          const xs_handler *h, pl_error *err);

/* Stops parsing from inside a handler; xs_parse_part returns this error.
 * Use PL_OK to stop early without an error. */
void xs_abort(xs_parser *p, pl_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Current line in the part (for messages). */
long xs_line(const xs_parser *p);
/* The package being parsed (NULL for xs_parse_memory). */
pkg *xs_package(xs_parser *p);

/* Attribute helpers: value pointer and length, or NULL when absent. */
const char *xs_attr_get(const xs_attr *attrs, int n, xs_ns ns, const char *name, size_t *len);
/* Copies the attribute into buf (truncating) and returns buf, or NULL. */
const char *xs_attr_str(const xs_attr *attrs, int n, xs_ns ns, const char *name, char *buf,
                        size_t size);
/* Integer value or def when absent/not a number. */
long long xs_attr_int(const xs_attr *attrs, int n, xs_ns ns, const char *name, long long def);
/* OOXML on/off: absent -> def; "0", "false", "off" -> false; else true. */
bool xs_attr_bool(const xs_attr *attrs, int n, xs_ns ns, const char *name, bool def);
bool xs_attr_eq(const xs_attr *attrs, int n, xs_ns ns, const char *name, const char *value);

/* ---- props.c ------------------------------------------------------------ */

/* Emits docProps/core.xml, app.xml and custom.xml as metadata blocks. */
pl_status props_read(pkg *pk, doc_info *info, const doc_sink *sink, pl_error *err);

/* ---- docx.c / xlsx.c ----------------------------------------------------- */

pl_status docx_read(pkg *pk, const char *main_part, const ooxml_options *opt, doc_info *info,
                    const doc_sink *sink, pl_error *err);
pl_status xlsx_read(pkg *pk, const char *main_part, const ooxml_options *opt, doc_info *info,
                    const doc_sink *sink, pl_error *err);

#endif

/*
 * status.h - error values shared by every layer.
 *
 * Errors are values, never exit() or abort() below cli/: a function that can
 * fail returns a pl_status and fills a pl_error owned by the caller. The error
 * carries only language-neutral facts (code, part, position, numbers, a short
 * technical detail); the sentence a user reads is produced at the edge by
 * pl_error_format() in Japanese or English.
 */
#ifndef PL_STATUS_H
#define PL_STATUS_H

#include <stdarg.h>

#include "i18n.h"
#include "sbuf.h"

typedef enum pl_status {
    PL_OK = 0,
    /* the file as a whole */
    PL_E_IO,            /* cannot open/read the file */
    PL_E_EMPTY,         /* zero-length file */
    PL_E_FILE_TOO_LARGE,/* the file itself is over the input cap */
    PL_E_NOT_DOCUMENT,  /* not an Office document at all */
    PL_E_ENCRYPTED,     /* password-protected OOXML (CFB + EncryptionInfo) */
    PL_E_LEGACY_DOC,    /* Word 97-2003 binary */
    PL_E_LEGACY_XLS,    /* Excel 97-2003 binary */
    PL_E_LEGACY_OTHER,  /* another compound file (.ppt, .msg ...) */
    PL_E_ODF,           /* OpenDocument (odt/ods) */
    PL_E_UNSUPPORTED_TYPE, /* a valid OOXML package we do not read (pptx, xlsb) */
    /* the zip container */
    PL_E_ZIP_CORRUPT,   /* truncated or damaged archive */
    PL_E_ZIP_UNSUPPORTED, /* zip encryption or a compression method OPC forbids */
    PL_E_ZIP_DUPLICATE, /* two entries with the same (case-folded) name */
    PL_E_TOO_MANY_ENTRIES,
    PL_E_PART_TOO_LARGE,
    PL_E_PACKAGE_TOO_LARGE,
    PL_E_RATIO,         /* compression ratio of an entry beyond the cap */
    PL_E_SIZE_MISMATCH, /* an entry inflates past its declared size */
    PL_E_MISSING_PART,  /* a part the package needs is absent */
    /* XML inside a part */
    PL_E_DTD,           /* any DOCTYPE (OPC forbids DTDs) */
    PL_E_TOO_DEEP,      /* element nesting over the depth cap */
    PL_E_XML,           /* not well-formed */
    PL_E_ENCODING,      /* declared encoding other than UTF-8/UTF-16 */
    PL_E_UTF8,          /* invalid UTF-8 byte sequence */
    PL_E_LIMIT,         /* another safety cap (strings, cells, text) */
    /* the tool itself */
    PL_E_PACK,          /* a rule pack or configuration file is invalid */
    PL_E_USAGE,
    PL_E_NOMEM,
    PL_E_INTERNAL,
    PL_STATUS_COUNT
} pl_status;

typedef struct pl_error {
    pl_status status;
    char part[256];       /* package part, e.g. word/document.xml ("" if none) */
    long line, column;    /* 1-based position inside the part (0 if unknown) */
    long long offset;     /* byte offset inside the part or file (-1 if unknown) */
    long long value;      /* measured quantity for limit errors (-1 if none) */
    long long limit;      /* the limit that was crossed (-1 if none) */
    char detail[256];     /* short technical detail, not localised */
} pl_error;

void pl_error_clear(pl_error *err);

/* Set status and a printf-style detail; returns status so callers can write
 * `return pl_error_set(err, PL_E_XML, part, "...")`. part may be NULL. */
pl_status pl_error_set(pl_error *err, pl_status status, const char *part, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Stable machine name of a status, e.g. "ENCRYPTED", "DTD_FORBIDDEN". */
const char *pl_status_name(pl_status status);

/* Appends the user-facing sentence: reason, then part/position/limit facts. */
void pl_error_format(const pl_error *err, pl_lang lang, sbuf *out);

#endif

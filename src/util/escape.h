/*
 * escape.h - text made safe for markup and for spreadsheets.
 *
 * Document text is hostile input: it may contain markup, control characters
 * that XML 1.0 forbids, or a leading "=" that a spreadsheet would run as a
 * formula. Reports pass every string through one of these.
 */
#ifndef PL_ESCAPE_H
#define PL_ESCAPE_H

#include <stddef.h>

#include <stdbool.h>

#include "sbuf.h"

/* & < > " ' as entities; characters XML 1.0 forbids (most C0 controls) are
 * dropped, so the result is always well-formed in text and attributes. */
void escape_xml(sbuf *out, const char *s, size_t n);
void escape_xml_str(sbuf *out, const char *s);

/* One CSV field (RFC 4180): quoted when it holds a comma, quote or line
 * break; a leading = + - @ (or tab/CR) gets a ' so Excel shows it as text. */
void escape_csv(sbuf *out, const char *s);

#endif

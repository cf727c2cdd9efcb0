/*
 * sbuf.h - a growable byte string, always NUL-terminated.
 *
 * The struct is public so that callers can keep one on the stack and reuse it
 * (sbuf_reset keeps the allocation). data is NULL until the first append;
 * sbuf_cstr() never returns NULL.
 */
#ifndef PL_SBUF_H
#define PL_SBUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct sbuf {
    char *data;
    size_t len;
    size_t cap;
} sbuf;

#define SBUF_INIT {NULL, 0, 0}

void sbuf_init(sbuf *b);
void sbuf_free(sbuf *b);
void sbuf_reset(sbuf *b);
void sbuf_reserve(sbuf *b, size_t extra);
void sbuf_append(sbuf *b, const void *p, size_t n);
void sbuf_puts(sbuf *b, const char *s);
void sbuf_putc(sbuf *b, char c);
void sbuf_printf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sbuf_vprintf(sbuf *b, const char *fmt, va_list ap);
void sbuf_truncate(sbuf *b, size_t len);
const char *sbuf_cstr(const sbuf *b);
/* Hands the buffer to the caller (free() it) and leaves b empty. */
char *sbuf_detach(sbuf *b);

#endif

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
#include <string.h>

typedef struct sbuf {
    char *data;
    size_t len;
    size_t cap;
} sbuf;

#define SBUF_INIT {NULL, 0, 0}

void sbuf_init(sbuf *b);
void sbuf_free(sbuf *b);
void sbuf_reset(sbuf *b);
/* Makes room for extra more bytes (and the NUL). */
void sbuf_grow(sbuf *b, size_t extra);
void sbuf_puts(sbuf *b, const char *s);
void sbuf_printf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sbuf_vprintf(sbuf *b, const char *fmt, va_list ap);
void sbuf_truncate(sbuf *b, size_t len);
const char *sbuf_cstr(const sbuf *b);
/* Hands the buffer to the caller (free() it) and leaves b empty. */
char *sbuf_detach(sbuf *b);

/* The appends are on every hot path (extraction, reports): inline, with the
 * capacity check first and the growth out of line. */
static inline void sbuf_reserve(sbuf *b, size_t extra)
{
    if (b->len + extra + 1 > b->cap) sbuf_grow(b, extra);
}

static inline void sbuf_append(sbuf *b, const void *p, size_t n)
{
    sbuf_reserve(b, n);
    if (n) memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static inline void sbuf_putc(sbuf *b, char c)
{
    sbuf_reserve(b, 1);
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}

#endif

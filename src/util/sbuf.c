#include "sbuf.h"

#include <stdio.h>
#include <string.h>

#include "mem.h"

void sbuf_init(sbuf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
}

void sbuf_free(sbuf *b)
{
    free(b->data);
    sbuf_init(b);
}

void sbuf_reset(sbuf *b)
{
    b->len = 0;
    if (b->data) b->data[0] = '\0';
}

void sbuf_grow(sbuf *b, size_t extra)
{
    PL_GROW(b->data, b->cap, b->len + extra + 1);
}

void sbuf_puts(sbuf *b, const char *s)
{
    sbuf_append(b, s, strlen(s));
}


void sbuf_vprintf(sbuf *b, const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    if (n < 0) {
        va_end(again);
        return;
    }
    if ((size_t)n < sizeof small) {
        sbuf_append(b, small, (size_t)n);
    } else {
        sbuf_reserve(b, (size_t)n);
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, again);
        b->len += (size_t)n;
    }
    va_end(again);
}

void sbuf_printf(sbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sbuf_vprintf(b, fmt, ap);
    va_end(ap);
}

void sbuf_truncate(sbuf *b, size_t len)
{
    if (len < b->len) {
        b->len = len;
        b->data[len] = '\0';
    }
}

const char *sbuf_cstr(const sbuf *b)
{
    return b->data ? b->data : "";
}

char *sbuf_detach(sbuf *b)
{
    char *p = b->data ? b->data : pl_xstrdup("");
    sbuf_init(b);
    return p;
}

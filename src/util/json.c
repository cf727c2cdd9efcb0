#include "json.h"

#include <math.h>
#include <string.h>

#include "utf8.h"

enum { JW_FLUSH_AT = 64 * 1024 };

void jw_init(jw *w, sbuf *out, FILE *sink, bool pretty)
{
    memset(w, 0, sizeof *w);
    w->out = out;
    w->sink = sink;
    w->pretty = pretty;
    w->first[0] = true;
}

void jw_flush(jw *w)
{
    if (w->sink && w->out->len) {
        fwrite(w->out->data, 1, w->out->len, w->sink);
        sbuf_reset(w->out);
    }
}

static void newline_indent(jw *w)
{
    static const char spaces[] = "                                                                ";
    if (!w->pretty) return;
    sbuf_putc(w->out, '\n');
    for (size_t n = 2 * (size_t)w->depth; n;) {
        size_t k = n < sizeof spaces - 1 ? n : sizeof spaces - 1;
        sbuf_append(w->out, spaces, k);
        n -= k;
    }
}

/* Separator before a value or key at the current depth. */
static void before_item(jw *w)
{
    if (w->after_key) {
        w->after_key = false;
        return;
    }
    if (w->depth > 0) {
        if (!w->first[w->depth]) sbuf_putc(w->out, ',');
        newline_indent(w);
    }
    w->first[w->depth] = false;
}

static void container_open(jw *w, char c)
{
    before_item(w);
    sbuf_putc(w->out, c);
    if (w->depth + 1 < JW_MAX_DEPTH) w->depth++;
    w->first[w->depth] = true;
}

static void container_close(jw *w, char c)
{
    bool empty = w->first[w->depth];
    if (w->depth > 0) w->depth--;
    if (!empty) newline_indent(w);
    sbuf_putc(w->out, c);
    if (w->sink && w->out->len > JW_FLUSH_AT) jw_flush(w);
}

void jw_object_begin(jw *w) { container_open(w, '{'); }
void jw_object_end(jw *w) { container_close(w, '}'); }
void jw_array_begin(jw *w) { container_open(w, '['); }
void jw_array_end(jw *w) { container_close(w, ']'); }

void jw_key(jw *w, const char *key)
{
    /* keys are the program's own ASCII names: no escaping needed */
    before_item(w);
    size_t n = strlen(key);
    sbuf_reserve(w->out, n + 4);
    sbuf_putc(w->out, '"');
    sbuf_append(w->out, key, n);
    sbuf_append(w->out, w->pretty ? "\": " : "\":", w->pretty ? 3 : 2);
    w->after_key = true;
}

/* Bytes a string can carry as they are: printable ASCII but quote and
 * backslash. Bytes >= 0x80 start multi-byte sequences, which are checked
 * whole; everything else is escaped. */
static const unsigned char PLAIN[256] = {
#define R8(v) v, v, v, v, v, v, v, v
    R8(0), R8(0), R8(0), R8(0),          /* 0x00-0x1F controls */
    1, 1, 0, 1, 1, 1, 1, 1, R8(1),       /* 0x20-0x2F: '"' is 0x22 */
    R8(1), R8(1), R8(1), R8(1),          /* 0x30-0x4F */
    R8(1), 1, 1, 1, 1, 0, 1, 1, 1,       /* 0x50-0x5F: '\\' is 0x5C */
    R8(1), R8(1), R8(1), 1, 1, 1, 1, 1, 1, 1, 0, /* 0x60-0x7F: DEL is 0x7F */
    R8(2), R8(2), R8(2), R8(2), R8(2), R8(2), R8(2), R8(2),
    R8(2), R8(2), R8(2), R8(2), R8(2), R8(2), R8(2), R8(2),
#undef R8
};

/* Code points shown as \uXXXX although valid: line separators, and the
 * bidirectional controls that could make a terminal or browser show text in
 * a misleading order. All are E2 80 xx or E2 81 xx. */
static bool needs_escape(uint32_t cp)
{
    return cp == 0x2028 || cp == 0x2029 || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F;
}

void json_escape(sbuf *out, const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0, run = 0; /* run: start of bytes copied verbatim */
    sbuf_reserve(out, n);
    while (i < n) {
        unsigned char c = s[i];
        if (PLAIN[c] == 1) {
            i++;
            continue;
        }
        if (PLAIN[c] == 2) {
            /* a whole, valid sequence passes unless it is one of the few
             * escaped code points (all start with E2) */
            uint32_t cp;
            size_t k = utf8_decode(str + i, n - i, &cp);
            if (k && (c != 0xE2 || !needs_escape(cp))) {
                i += k;
                continue;
            }
            sbuf_append(out, str + run, i - run);
            if (!k) {
                sbuf_append(out, "\\ufffd", 6);
                i++;
            } else {
                sbuf_printf(out, "\\u%04x", (unsigned)cp);
                i += k;
            }
            run = i;
            continue;
        }
        sbuf_append(out, str + run, i - run);
        switch (c) {
        case '"': sbuf_append(out, "\\\"", 2); break;
        case '\\': sbuf_append(out, "\\\\", 2); break;
        case '\n': sbuf_append(out, "\\n", 2); break;
        case '\t': sbuf_append(out, "\\t", 2); break;
        case '\r': sbuf_append(out, "\\r", 2); break;
        default: sbuf_printf(out, "\\u%04x", (unsigned)c); break;
        }
        i++;
        run = i;
    }
    sbuf_append(out, str + run, n - run);
}

void jw_stringn(jw *w, const char *s, size_t n)
{
    before_item(w);
    sbuf_putc(w->out, '"');
    json_escape(w->out, s, n);
    sbuf_putc(w->out, '"');
    if (w->sink && w->out->len > JW_FLUSH_AT) jw_flush(w);
}

void jw_string(jw *w, const char *s)
{
    if (!s) {
        jw_null(w);
        return;
    }
    jw_stringn(w, s, strlen(s));
}

void jw_int(jw *w, long long v)
{
    before_item(w);
    char buf[24], *p = buf + sizeof buf;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0) *--p = '-';
    sbuf_append(w->out, p, (size_t)(buf + sizeof buf - p));
}

void jw_double(jw *w, double v)
{
    before_item(w);
    if (!isfinite(v)) {
        sbuf_puts(w->out, "null");
        return;
    }
    /* %.17g round-trips; prefer the shortest form that still does. */
    char tmp[40];
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*g", prec, v);
        double back;
        if (sscanf(tmp, "%lf", &back) == 1 && back == v) break;
    }
    sbuf_puts(w->out, tmp);
}

void jw_bool(jw *w, bool v)
{
    before_item(w);
    sbuf_puts(w->out, v ? "true" : "false");
}

void jw_null(jw *w)
{
    before_item(w);
    sbuf_puts(w->out, "null");
}

void jw_raw(jw *w, const char *json, size_t n)
{
    before_item(w);
    sbuf_append(w->out, json, n);
    if (w->sink && w->out->len > JW_FLUSH_AT) jw_flush(w);
}

void jw_kv_string(jw *w, const char *key, const char *s)
{
    jw_key(w, key);
    jw_string(w, s);
}

void jw_kv_int(jw *w, const char *key, long long v)
{
    jw_key(w, key);
    jw_int(w, v);
}

void jw_kv_bool(jw *w, const char *key, bool v)
{
    jw_key(w, key);
    jw_bool(w, v);
}

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
    if (!w->pretty) return;
    sbuf_putc(w->out, '\n');
    for (int i = 0; i < w->depth; i++) sbuf_append(w->out, "  ", 2);
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
    before_item(w);
    sbuf_putc(w->out, '"');
    json_escape(w->out, key, strlen(key));
    sbuf_append(w->out, w->pretty ? "\": " : "\":", w->pretty ? 3 : 2);
    w->after_key = true;
}

static bool needs_escape(uint32_t cp)
{
    return cp < 0x20 || cp == 0x7F || cp == 0x2028 || cp == 0x2029 ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
           cp == 0x200E || cp == 0x200F;
}

void json_escape(sbuf *out, const char *s, size_t n)
{
    size_t i = 0, run = 0; /* run: start of bytes copied verbatim */
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = c < 0x80 ? 1 : utf8_decode(s + i, n - i, &cp);
        if (c < 0x80) cp = c;
        if (k && cp >= 0x80 && !needs_escape(cp)) {
            i += k;
            continue;
        }
        sbuf_append(out, s + run, i - run);
        if (!k) {
            sbuf_append(out, "\\ufffd", 6);
            i++;
        } else {
            switch (cp) {
            case '"': sbuf_append(out, "\\\"", 2); break;
            case '\\': sbuf_append(out, "\\\\", 2); break;
            case '\n': sbuf_append(out, "\\n", 2); break;
            case '\t': sbuf_append(out, "\\t", 2); break;
            case '\r': sbuf_append(out, "\\r", 2); break;
            default: sbuf_printf(out, "\\u%04x", (unsigned)cp); break;
            }
            i += k;
        }
        run = i;
    }
    sbuf_append(out, s + run, n - run);
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
    sbuf_printf(w->out, "%lld", v);
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

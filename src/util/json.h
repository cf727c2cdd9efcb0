/*
 * json.h - a streaming JSON writer.
 *
 * Commas and indentation are the writer's business, so report code reads as
 * the structure it emits. Strings are escaped for safe display: control
 * characters, U+2028/U+2029 and bidirectional overrides (which could make a
 * terminal or browser show text in a misleading order) become \uXXXX, and any
 * invalid UTF-8 becomes U+FFFD. With a FILE the buffer is flushed as it grows,
 * so output of any size needs only a small buffer.
 */
#ifndef PL_JSON_H
#define PL_JSON_H

#include <stdbool.h>
#include <stdio.h>

#include "sbuf.h"

enum { JW_MAX_DEPTH = 64 };

typedef struct jw {
    sbuf *out;
    FILE *sink;     /* optional: flushed to when out grows */
    bool pretty;
    int depth;
    bool first[JW_MAX_DEPTH]; /* no member written yet at this depth */
    bool after_key;
} jw;

void jw_init(jw *w, sbuf *out, FILE *sink, bool pretty);
void jw_flush(jw *w);

void jw_object_begin(jw *w);
void jw_object_end(jw *w);
void jw_array_begin(jw *w);
void jw_array_end(jw *w);
void jw_key(jw *w, const char *key);

void jw_string(jw *w, const char *s);
void jw_stringn(jw *w, const char *s, size_t n);
void jw_int(jw *w, long long v);
void jw_double(jw *w, double v);
void jw_bool(jw *w, bool v);
void jw_null(jw *w);
/* A value that is already serialised JSON (written as is). */
void jw_raw(jw *w, const char *json, size_t n);

/* key + value shorthands */
void jw_kv_string(jw *w, const char *key, const char *s);
void jw_kv_int(jw *w, const char *key, long long v);
void jw_kv_bool(jw *w, const char *key, bool v);

/* Appends s escaped as the inside of a JSON string (no quotes). */
void json_escape(sbuf *out, const char *s, size_t n);

#endif

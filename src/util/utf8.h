/*
 * utf8.h - the few UTF-8 operations everything else builds on.
 *
 * Offsets in polint are byte offsets into UTF-8 text unless a name says
 * "chars". Decoding is strict (no overlongs, no surrogates, max U+10FFFF):
 * hostile files must not smuggle bytes past validation.
 */
#ifndef PL_UTF8_H
#define PL_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Returns the length of the valid prefix; equals n when all of s is valid. */
size_t utf8_valid_prefix(const char *s, size_t n);

/* Decodes one code point at s[0..n); returns its byte length (>=1) and sets
 * *cp, or returns 0 for an invalid or truncated sequence. */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Encodes cp into out (4 bytes room); returns bytes written (0 if invalid). */
size_t utf8_encode(uint32_t cp, char *out);

/* Number of code points in a valid UTF-8 string. */
size_t utf8_count(const char *s, size_t n);

#endif

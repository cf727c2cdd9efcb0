/*
 * pattern.h - the regular expressions of rule packs and guideline data:
 * PCRE2 with UTF + UCP, JIT-compiled once.
 *
 * A compiled pattern is immutable and shared by every worker thread; what a
 * match needs to scribble on (match data, JIT stack, limits) lives in a
 * pattern_scratch that each thread owns. Every match runs under a match limit,
 * so a pattern with catastrophic backtracking costs one rule an `error`
 * result, never the run a hang.
 *
 * Patterns are matched against normalised text (see text/text.h), which is
 * valid UTF-8 by construction: matching skips PCRE2's UTF check.
 */
#ifndef PL_UTIL_PATTERN_H
#define PL_UTIL_PATTERN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct pattern pattern;
typedef struct pattern_scratch pattern_scratch;

/* Compiles src. On failure returns NULL and writes the reason and the
 * character offset of the problem into err. Patterns that cannot work on
 * Japanese text are refused with advice (\b never matches between ASCII and
 * kana/kanji under UCP). */
pattern *pattern_compile(const char *src, char *err, size_t err_size);
void pattern_free(pattern *p);
const char *pattern_source(const pattern *p);

pattern_scratch *pattern_scratch_new(void);
void pattern_scratch_free(pattern_scratch *s);

typedef enum pattern_result {
    PATTERN_MATCH = 1,
    PATTERN_NO_MATCH = 0,
    PATTERN_LIMIT = -1, /* the match limit was hit: the pattern is too costly */
    PATTERN_ERROR = -2,
} pattern_result;

/* Finds the first match in subject[start..len); on a match sets the byte
 * span [*ms, *me). */
pattern_result pattern_find(const pattern *p, pattern_scratch *s, const char *subject, size_t len,
                            size_t start, size_t *ms, size_t *me);

/* Match limit used by every scratch (default 2,000,000 steps). Tests lower
 * it; it is not changed while threads match. */
void pattern_set_match_limit(uint32_t limit);
/* A lower limit for the matches of one scratch (0: the global one). */
void pattern_scratch_set_match_limit(pattern_scratch *s, uint32_t limit);

#endif

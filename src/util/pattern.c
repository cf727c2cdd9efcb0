#include "pattern.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <string.h>

#include "util/mem.h"

enum { JIT_STACK_MIN = 32 * 1024, JIT_STACK_MAX = 1024 * 1024 };

static uint32_t match_limit = 2000000;

struct pattern {
    pcre2_code *code;
    char *source;
    bool jit;
};

struct pattern_scratch {
    pcre2_match_data *md;
    pcre2_match_context *mc;
    pcre2_jit_stack *stack;
    uint32_t match_limit; /* 0: the global one */
};

void pattern_set_match_limit(uint32_t limit)
{
    match_limit = limit;
}

/* \b and \B are word boundaries by Unicode word characters: under UCP an
 * ASCII letter next to a kanji is not a boundary, so \bFTP\b silently misses
 * 「FTP及び」. Refuse them (outside character classes and escapes) and say
 * what to write instead. */
static bool uses_word_boundary(const char *src)
{
    bool in_class = false;
    for (size_t i = 0; src[i]; i++) {
        if (src[i] == '\\' && src[i + 1]) {
            if (!in_class && (src[i + 1] == 'b' || src[i + 1] == 'B')) return true;
            i++;
        } else if (src[i] == '[') {
            in_class = true;
        } else if (src[i] == ']') {
            in_class = false;
        }
    }
    return false;
}

pattern *pattern_compile(const char *src, char *err, size_t err_size)
{
    if (uses_word_boundary(src)) {
        snprintf(err, err_size,
                 "\\b does not separate ASCII from Japanese under UCP; use look-arounds such "
                 "as (?<![A-Za-z0-9])FTP(?![A-Za-z0-9])");
        return NULL;
    }
    int code;
    PCRE2_SIZE offset;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED,
                                   PCRE2_UTF | PCRE2_UCP, &code, &offset,
                                   NULL);
    if (!re) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(code, msg, sizeof msg);
        snprintf(err, err_size, "%s (at character %zu)", (const char *)msg, (size_t)offset);
        return NULL;
    }
    pattern *p = pl_xcalloc(1, sizeof *p);
    p->code = re;
    p->source = pl_xstrdup(src);
    /* JIT is an optimisation: without it (e.g. an unsupported CPU) the
     * interpreter runs the same pattern under the same limits. */
    p->jit = pcre2_jit_compile(re, PCRE2_JIT_COMPLETE) == 0;
    return p;
}

void pattern_free(pattern *p)
{
    if (!p) return;
    pcre2_code_free(p->code);
    free(p->source);
    free(p);
}

const char *pattern_source(const pattern *p)
{
    return p->source;
}

pattern_scratch *pattern_scratch_new(void)
{
    pattern_scratch *s = pl_xcalloc(1, sizeof *s);
    s->md = pcre2_match_data_create(32, NULL);
    s->mc = pcre2_match_context_create(NULL);
    s->stack = pcre2_jit_stack_create(JIT_STACK_MIN, JIT_STACK_MAX, NULL);
    if (!s->md || !s->mc || !s->stack) {
        fprintf(stderr, "polint: out of memory (PCRE2)\n");
        abort();
    }
    pcre2_jit_stack_assign(s->mc, NULL, s->stack);
    return s;
}

void pattern_scratch_set_match_limit(pattern_scratch *s, uint32_t limit)
{
    s->match_limit = limit;
}

void pattern_scratch_free(pattern_scratch *s)
{
    if (!s) return;
    pcre2_match_data_free(s->md);
    pcre2_match_context_free(s->mc);
    pcre2_jit_stack_free(s->stack);
    free(s);
}

pattern_result pattern_find(const pattern *p, pattern_scratch *s, const char *subject, size_t len,
                            size_t start, size_t *ms, size_t *me)
{
    if (start > len) return PATTERN_NO_MATCH;
    pcre2_set_match_limit(s->mc, s->match_limit ? s->match_limit : match_limit);
    pcre2_set_depth_limit(s->mc, 10000);
    int rc = pcre2_match(p->code, (PCRE2_SPTR)subject, len, start, PCRE2_NO_UTF_CHECK, s->md,
                         s->mc);
    if (rc == PCRE2_ERROR_NOMATCH) return PATTERN_NO_MATCH;
    if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
        rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT)
        return PATTERN_LIMIT;
    if (rc < 0) return PATTERN_ERROR;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
    *ms = ov[0];
    *me = ov[1];
    return PATTERN_MATCH;
}

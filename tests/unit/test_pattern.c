/* Rule patterns: Japanese matching, refusal of \b, and H12: a catastrophic
 * pattern is stopped by the match limit instead of hanging the run. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/pattern.h"

static void matches_japanese_with_byte_spans(void **state)
{
    (void)state;
    char err[256];
    pattern *p = pattern_compile("(あらかじめ|事前に)[^。]{0,20}書面", err, sizeof err);
    assert_non_null(p);
    pattern_scratch *s = pattern_scratch_new();
    const char *t = "乙は、あらかじめ甲の書面による承諾を得なければならない。";
    size_t ms, me;
    assert_int_equal(pattern_find(p, s, t, strlen(t), 0, &ms, &me), PATTERN_MATCH);
    assert_int_equal(ms, strlen("乙は、"));
    assert_int_equal(me, strlen("乙は、あらかじめ甲の書面"));
    assert_int_equal(pattern_find(p, s, t, strlen(t), me, &ms, &me), PATTERN_NO_MATCH);
    pattern_scratch_free(s);
    pattern_free(p);
}

static void refuses_word_boundaries_and_bad_syntax(void **state)
{
    (void)state;
    char err[256];
    assert_null(pattern_compile("\\bFTP\\b", err, sizeof err));
    assert_non_null(strstr(err, "look-around"));
    assert_null(pattern_compile("再委託(", err, sizeof err));
    assert_non_null(strstr(err, "at character"));
    /* \b inside a class is a backspace, and \\b is a literal: both fine */
    pattern *p = pattern_compile("[\\b]|\\\\b", err, sizeof err);
    assert_non_null(p);
    pattern_free(p);
}

static void catastrophic_pattern_hits_the_limit(void **state)
{
    (void)state;
    char err[256];
    pattern *p = pattern_compile("(a+)+$", err, sizeof err);
    assert_non_null(p);
    pattern_scratch *s = pattern_scratch_new();
    size_t n = 100000;
    char *t = malloc(n + 2);
    memset(t, 'a', n);
    t[n] = '!';
    t[n + 1] = '\0';
    clock_t t0 = clock();
    size_t ms, me;
    assert_int_equal(pattern_find(p, s, t, n + 1, 0, &ms, &me), PATTERN_LIMIT);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    assert_true(secs < 10.0);
    free(t);
    pattern_scratch_free(s);
    pattern_free(p);
}

/* The guideline data runs under a lower limit than rule packs; one scratch's
 * limit must not change another's. */
static void a_scratch_can_have_a_lower_limit(void **state)
{
    (void)state;
    char err[256];
    /* no start-of-match optimisation: the missing b is found by backtracking */
    pattern *p = pattern_compile("(*NO_START_OPT)(?:a|aa)*b", err, sizeof err);
    assert_non_null(p);
    const char *t = "aaaaaaaaaaaaaaaaaaaa";
    size_t ms, me;
    pattern_scratch *strict = pattern_scratch_new();
    pattern_scratch *plain = pattern_scratch_new();
    pattern_scratch_set_match_limit(strict, 100);
    assert_int_equal(pattern_find(p, strict, t, strlen(t), 0, &ms, &me), PATTERN_LIMIT);
    assert_int_equal(pattern_find(p, plain, t, strlen(t), 0, &ms, &me), PATTERN_NO_MATCH);
    pattern_scratch_free(strict);
    pattern_scratch_free(plain);
    pattern_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(matches_japanese_with_byte_spans),
        cmocka_unit_test(refuses_word_boundaries_and_bad_syntax),
        cmocka_unit_test(catastrophic_pattern_hits_the_limit),
        cmocka_unit_test(a_scratch_can_have_a_lower_limit),
    };
    return cmocka_run_group_tests_name("pattern", tests, NULL, NULL);
}

/* The character diff: Myers' script is a correct edit script for any input,
 * and the cleanup makes Japanese amendments read as phrases. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "diff/internal.h"

static char *markup(const char *a, const char *b)
{
    static char out[4096];
    sbuf s = SBUF_INIT;
    diff_strings_markup(a, strlen(a), b, strlen(b), &s);
    snprintf(out, sizeof out, "%s", sbuf_cstr(&s));
    sbuf_free(&s);
    return out;
}

#define EXPECT(a, b, want) assert_string_equal(markup(a, b), want)

static void identical_and_empty(void **state)
{
    (void)state;
    EXPECT("乙は、甲の指示に従う。", "乙は、甲の指示に従う。", "乙は、甲の指示に従う。");
    EXPECT("", "", "");
    EXPECT("", "新設する。", "{+新設する。+}");
    EXPECT("削る。", "", "[-削る。-]");
}

/* An inserted phrase stays one insertion, at a natural boundary. */
static void inserted_phrase(void **state)
{
    (void)state;
    EXPECT("甲の承諾を得て", "甲の書面による承諾を得て", "甲の{+書面による+}承諾を得て");
    EXPECT("個人情報の取扱い", "個人情報等の取扱い", "個人情報{+等+}の取扱い");
    EXPECT("30日以内に報告する", "14日以内に書面で報告する",
           "[-30-]{+14+}日以内に{+書面で+}報告する");
}

/* A one-character island between two changes is folded into one phrase. */
static void replaced_phrase(void **state)
{
    (void)state;
    EXPECT("速やかに報告しなければならない", "直ちに通知しなければならない",
           "[-速やかに報告-]{+直ちに通知+}しなければならない");
    EXPECT("甲は、速やかに報告する。", "甲は、直ちに通知する。",
           "甲は、[-速やかに報告-]{+直ちに通知+}する。");
    /* scattered particles of a rewritten clause do not survive as "equal" */
    EXPECT("甲は、乙に対し、必要な指示を行うことができる。",
           "乙は、甲の指示に従わなければならない。",
           "[-甲-]{+乙+}は、[-乙に対し、必要な指示を行うことができる-]{+"
           "甲の指示に従わなければならない+}。");
}

/* 、 and 。 end phrases: equalities holding them are never folded. */
static void punctuation_keeps_phrases_apart(void **state)
{
    (void)state;
    EXPECT("乙は、甲の指示に従う", "受託者は、委託者の指示に従う",
           "[-乙-]{+受託者+}は、[-甲-]{+委託者+}の指示に従う");
}

/* Numbers change whole; dates keep their units visible. */
static void numbers_whole(void **state)
{
    (void)state;
    EXPECT("令和6年4月1日", "令和7年5月1日", "令和[-6-]{+7+}年[-4-]{+5+}月1日");
    EXPECT("委託料は、金3,960,000円とする。", "委託料は、金3,980,000円とする。",
           "委託料は、金[-3,960,000-]{+3,980,000+}円とする。");
    EXPECT("第3条", "第13条", "第[-3-]{+13+}条");
    EXPECT("西暦2024年", "西暦2025年", "西暦[-2024-]{+2025+}年");
}

/* A replacement inside a word takes the word; a verb's ending goes with it. */
static void whole_words(void **state)
{
    (void)state;
    EXPECT("委託料", "委託費", "[-委託料-]{+委託費+}");
    EXPECT("情報セキュリティ責任者", "情報セキュリティ管理者",
           "情報セキュリティ[-責任者-]{+管理者+}");
    EXPECT("パスワードは8文字以上とする。", "パスワードは12文字以上とし、英数字を混在させる。",
           "パスワードは[-8-]{+12+}文字以上と[-する-]{+し、英数字を混在させる+}。");
    EXPECT("乙は承諾する", "乙は同意する", "乙は[-承諾-]{+同意+}する");
}

/* Cell boundaries (the private separator) are never folded or crossed. */
static void cell_separator_is_hard(void **state)
{
    (void)state;
    EXPECT("年1回\xEE\x80\x80可", "年2回\xEE\x80\x80否", "年[-1-]{+2+}回\xEE\x80\x80[-可-]{+否+}");
}

/* ---- properties on random input ---------------------------------------------- */

static const uint32_t ALPHABET[] = {0x7532 /* 甲 */,
                                    0x4E59 /* 乙 */,
                                    0x306F /* は */,
                                    0x3001 /* 、 */,
                                    0x306E /* の */,
                                    0x3002 /* 。 */,
                                    '1',
                                    '2',
                                    0x6761 /* 条 */};

static size_t random_text(uint32_t *out, size_t max, unsigned *seed)
{
    size_t n = (size_t)rand_r(seed) % (max + 1);
    for (size_t i = 0; i < n; i++)
        out[i] = ALPHABET[(size_t)rand_r(seed) % (sizeof ALPHABET / sizeof *ALPHABET)];
    return n;
}

/* The hunks cover both texts in order, and equal hunks are equal. */
static void check_hunks(const uint32_t *a, size_t n, const uint32_t *b, size_t m, const cd_hunk *h,
                        size_t nh)
{
    uint32_t ai = 0, bi = 0;
    for (size_t i = 0; i < nh; i++) {
        assert_int_equal(h[i].a0, ai);
        assert_int_equal(h[i].b0, bi);
        assert_true(h[i].a1 >= h[i].a0 && h[i].b1 >= h[i].b0);
        if (!h[i].change) {
            assert_int_equal(h[i].a1 - h[i].a0, h[i].b1 - h[i].b0);
            assert_memory_equal(a + h[i].a0, b + h[i].b0, (h[i].a1 - h[i].a0) * sizeof *a);
        }
        if (i) assert_true(h[i].change != h[i - 1].change); /* alternating, no empty hunk */
        assert_true(h[i].a1 > h[i].a0 || h[i].b1 > h[i].b0);
        ai = h[i].a1, bi = h[i].b1;
    }
    assert_int_equal(ai, n);
    assert_int_equal(bi, m);
}

/* Length of the longest common subsequence, by the textbook table. */
static size_t lcs(const uint32_t *a, size_t n, const uint32_t *b, size_t m)
{
    size_t *row = calloc(m + 1, sizeof *row), *prev = calloc(m + 1, sizeof *prev);
    for (size_t i = 1; i <= n; i++) {
        for (size_t j = 1; j <= m; j++)
            row[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1
                                          : (prev[j] > row[j - 1] ? prev[j] : row[j - 1]);
        size_t *t = prev;
        prev = row;
        row = t;
    }
    size_t v = prev[m];
    free(row);
    free(prev);
    return v;
}

static void random_scripts_are_valid(void **state)
{
    (void)state;
    unsigned seed = 20261122;
    uint32_t a[80], b[80];
    for (int round = 0; round < 3000; round++) {
        size_t n = random_text(a, 60, &seed), m = random_text(b, 60, &seed);
        if (round % 3 == 0) { /* a related pair: b is a with a few edits */
            m = n;
            memcpy(b, a, n * sizeof *a);
            for (int e = 0; e < 3 && m; e++)
                b[(size_t)rand_r(&seed) % m] = ALPHABET[round % 9];
        }
        cd_hunk *h;
        size_t nh = diff_chars(a, n, b, m, &h);
        check_hunks(a, n, b, m, h, nh);
        /* the cleanup only ever gives up equal text; it never invents it */
        size_t equal = 0;
        for (size_t i = 0; i < nh; i++)
            if (!h[i].change) equal += h[i].a1 - h[i].a0;
        assert_true(equal <= lcs(a, n, b, m));
        free(h);
    }
}

/* Without cleanup opportunities (no phrases), Myers finds a shortest script:
 * a single substitution in a long line leaves everything else equal. */
static void long_lines_one_edit(void **state)
{
    (void)state;
    enum { N = 5000 };
    uint32_t *a = malloc(N * sizeof *a), *b = malloc(N * sizeof *b);
    for (size_t i = 0; i < N; i++)
        a[i] = b[i] = 0x4E00 + (uint32_t)(i * 7919 % 2000);
    b[2500] = 0x3042;
    cd_hunk *h;
    size_t nh = diff_chars(a, N, b, N, &h);
    check_hunks(a, N, b, N, h, nh);
    size_t equal = 0;
    for (size_t i = 0; i < nh; i++)
        if (!h[i].change) equal += h[i].a1 - h[i].a0;
    assert_true(equal >= N - 9); /* the edit and at most a word's growth each way */
    free(h);
    free(a);
    free(b);
}

/* Two unrelated long texts: bounded work, and still a valid script. */
static void unrelated_long_texts_are_bounded(void **state)
{
    (void)state;
    enum { N = 20000 };
    uint32_t *a = malloc(N * sizeof *a), *b = malloc(N * sizeof *b);
    unsigned seed = 7;
    for (size_t i = 0; i < N; i++) {
        a[i] = 0x4E00 + (uint32_t)(rand_r(&seed) % 3000);
        b[i] = 0x4E00 + (uint32_t)(rand_r(&seed) % 3000);
    }
    clock_t t0 = clock();
    cd_hunk *h;
    size_t nh = diff_chars(a, N, b, N, &h);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    check_hunks(a, N, b, N, h, nh);
    assert_true(secs < 20.0); /* generous: sanitizer builds are slow; typically < 0.5 s */
    free(h);
    free(a);
    free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(identical_and_empty),
        cmocka_unit_test(inserted_phrase),
        cmocka_unit_test(replaced_phrase),
        cmocka_unit_test(punctuation_keeps_phrases_apart),
        cmocka_unit_test(numbers_whole),
        cmocka_unit_test(whole_words),
        cmocka_unit_test(cell_separator_is_hard),
        cmocka_unit_test(random_scripts_are_valid),
        cmocka_unit_test(long_lines_one_edit),
        cmocka_unit_test(unrelated_long_texts_are_bounded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

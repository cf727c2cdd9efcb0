/* The shipped support lifecycle data through the real matcher: every case of
 * policies/data/lifecycle-tests.tsv (spellings from ledgers, specifications
 * and audits, and look-alikes that must not match). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "rules/rules.h"
#include "util/sbuf.h"

/* "product|version" of rows that won at least one case, filled by
 * every_spelling_case_holds (names, since that test frees its data). */
static char winners[1024][128];
static size_t nwinners;

static void every_spelling_case_holds(void **state)
{
    (void)state;
    rules_lifecycle *lc;
    pl_error err;
    pl_error_clear(&err);
    if (rules_lifecycle_load(&lc, "policies/data/lifecycle.tsv", &err) != PL_OK)
        fail_msg("lifecycle.tsv line %ld: %s", err.line, err.detail);
    assert_true(rules_lifecycle_count(lc) > 150);
    FILE *f = fopen("policies/data/lifecycle-tests.tsv", "r");
    assert_non_null(f);
    rules_worker *w = rules_worker_new();
    char line[2048];
    size_t cases = 0, wrong = 0;
    sbuf report = SBUF_INIT;
    bool header = true;
    while (fgets(line, sizeof line, f)) {
        size_t n = strlen(line);
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = '\0';
        if (!n || line[0] == '#') continue;
        if (header) {
            header = false;
            continue;
        }
        char *tab = strchr(line, '\t');
        if (!tab) continue;
        *tab = '\0';
        const char *text = line, *expected = tab + 1;
        rules_mention m[8];
        size_t found = rules_lifecycle_find(lc, w, text, strlen(text), m, 8);
        char got[256];
        if (!found)
            snprintf(got, sizeof got, "-");
        else if (strcmp(m[0].product->version, "*") == 0)
            snprintf(got, sizeof got, "*%s", m[0].product->product);
        else
            snprintf(got, sizeof got, "%s|%s", m[0].product->product, m[0].product->version);
        cases++;
        if (found && nwinners < 1024)
            snprintf(winners[nwinners++], sizeof winners[0], "%s|%s", m[0].product->product,
                     m[0].product->version);
        if (strcmp(got, expected) != 0) {
            wrong++;
            sbuf_printf(&report, "  %s: expected %s, got %s\n", text, expected, got);
        }
    }
    fclose(f);
    rules_worker_free(w);
    rules_lifecycle_free(lc);
    if (wrong) fail_msg("%zu of %zu cases wrong:\n%s", wrong, cases, sbuf_cstr(&report));
    assert_true(cases >= 300);
    sbuf_free(&report);
}

/* The data itself: one row per product version, every date with its
 * source, and no recognisable row without a test case that it wins (a row
 * nobody tests is a row whose pattern nobody knows works). */
static void the_data_is_sound(void **state)
{
    (void)state;
    rules_lifecycle *lc;
    pl_error err;
    pl_error_clear(&err);
    assert_int_equal(rules_lifecycle_load(&lc, "policies/data/lifecycle.tsv", &err), PL_OK);
    sbuf report = SBUF_INIT;
    size_t n = rules_lifecycle_count(lc);
    for (size_t i = 0; i < n; i++) {
        bool pattern;
        const rules_product *p = rules_lifecycle_at(lc, i, &pattern);
        if (!p->source || !*p->source)
            sbuf_printf(&report, "  %s %s: no source\n", p->product, p->version);
        for (size_t k = 0; k < i; k++) {
            const rules_product *q = rules_lifecycle_at(lc, k, NULL);
            if (strcmp(p->product, q->product) == 0 && strcmp(p->version, q->version) == 0)
                sbuf_printf(&report, "  %s %s: listed twice\n", p->product, p->version);
        }
        if (!pattern) continue;
        char key[128];
        snprintf(key, sizeof key, "%s|%s", p->product, p->version);
        bool won = false;
        for (size_t k = 0; k < nwinners && !won; k++) won = strcmp(winners[k], key) == 0;
        if (!won) sbuf_printf(&report, "  %s %s: no test case it wins\n", p->product, p->version);
    }
    rules_lifecycle_free(lc);
    if (report.len) fail_msg("lifecycle data problems:\n%s", sbuf_cstr(&report));
    sbuf_free(&report);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_spelling_case_holds),
        cmocka_unit_test(the_data_is_sound),
    };
    return cmocka_run_group_tests_name("lifecycle", tests, NULL, NULL);
}

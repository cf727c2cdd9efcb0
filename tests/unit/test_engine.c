/* The rule engine: every check kind on documents built from text, the
 * evidence a reader gets, and `rules test` on a pack's own examples. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "docbuild.h"
#include "rules/rules.h"

static rules_set set;
static rules_lifecycle *lc;
static rules_context ctx;

static const rules_edition EDITIONS[] = {
    {"H30.9", "平成30年9月版", "September 2018", {2018, 9, 25}, "三層の対策", "three-layer model"},
    {"R2.12", "令和2年12月版", "December 2020", {2020, 12, 1}, "βモデル", "beta model"},
    {"R4.3", "令和4年3月版", "March 2022", {2022, 3, 1}, "クラウド", "cloud"},
    {"R5.3", "令和5年3月版", "March 2023", {2023, 3, 1}, "業務委託先の管理", "contractors"},
    {"R6.10", "令和6年10月版", "October 2024", {2024, 10, 2}, "α'モデル", "alpha' model"},
    {"R7.3", "令和7年3月版", "March 2025", {2025, 3, 1}, "レジリエンス", "resilience"},
};

static int setup(void **state)
{
    (void)state;
    rules_set_init(&set);
    pl_error err;
    pl_error_clear(&err);
    if (rules_set_load(&set, "tests/fixtures/packs/engine-test.xml", &err) != PL_OK) {
        fprintf(stderr, "pack: %s line %ld: %s\n", err.part, err.line, err.detail);
        return -1;
    }
    if (rules_lifecycle_load(&lc, "tests/fixtures/packs/lifecycle-small.tsv", &err) != PL_OK) {
        fprintf(stderr, "lifecycle: %s line %ld: %s\n", err.part, err.line, err.detail);
        return -1;
    }
    ctx = (rules_context){.set = &set, .lifecycle = lc, .editions = EDITIONS,
                          .neditions = sizeof EDITIONS / sizeof EDITIONS[0],
                          .as_of = {2026, 11, 22}};
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    rules_lifecycle_free(lc);
    rules_set_free(&set);
    return 0;
}

typedef struct run {
    doc_document d;
    doc_structure s;
    rules_results res;
} run;

static const rules_result *evaluate(run *r, const char *const *lines, doc_type type,
                                    const char *rule_id)
{
    docbuild(&r->d, NULL, lines);
    doc_structure_build(&r->s, &r->d, type);
    rules_member m = {&r->d, &r->s};
    rules_subject subj = {&m, 1, false};
    rules_results_init(&r->res);
    rules_worker *w = rules_worker_new();
    rules_evaluate(&ctx, &subj, w, &r->res);
    rules_worker_free(w);
    for (size_t i = 0; i < r->res.n; i++)
        if (strcmp(rules_rule_id(r->res.items[i].rule), rule_id) == 0) return &r->res.items[i];
    fail_msg("no result for %s", rule_id);
    return NULL;
}

static void done(run *r)
{
    rules_results_free(&r->res);
    doc_structure_free(&r->s);
    doc_document_free(&r->d);
}

static void every_example_holds(void **state)
{
    (void)state;
    sbuf report = SBUF_INIT;
    size_t total;
    size_t failed = rules_test_examples(&ctx, NULL, PL_LANG_EN, &report, &total);
    if (failed) fail_msg("%zu of %zu examples failed:\n%s", failed, total, sbuf_cstr(&report));
    assert_true(total >= 20);
    sbuf_free(&report);
}

static void a_wrong_example_is_reported(void **state)
{
    (void)state;
    /* t.return's second example expects fail: pretend the rule passed it by
     * evaluating a document that has the clause, and check the report names
     * file, line and both states when an example is wrong. */
    rules_set one;
    rules_set_init(&one);
    pl_error err;
    pl_error_clear(&err);
    const char *path = "tests/fixtures/packs/engine-test.xml";
    assert_int_equal(rules_set_load(&one, path, &err), PL_OK);
    rules_context c = ctx;
    c.set = &one;
    /* make every pattern fail by raising the share limit to 0: t.share's
     * passing example (50%) must now be reported */
    assert_true(rules_set_param(&one, "share-limit", 0));
    sbuf report = SBUF_INIT;
    size_t total;
    size_t failed = rules_test_examples(&c, "t.share", PL_LANG_EN, &report, &total);
    assert_int_equal(failed, 1);
    assert_non_null(strstr(sbuf_cstr(&report), "engine-test.xml:"));
    assert_non_null(strstr(sbuf_cstr(&report), "expects pass, got fail"));
    sbuf_free(&report);
    rules_set_free(&one);
}

static void evidence_locates_the_clause(void **state)
{
    (void)state;
    const char *const lines[] = {
        "業務委託契約書",
        "（資料の返還）",
        "第12条　乙は、この契約が終了したときは、甲から提供を受けた資料を直ちに返還しなければならない。",
        NULL,
    };
    run r;
    const rules_result *res = evaluate(&r, lines, DOC_TYPE_UNKNOWN, "t.return");
    assert_int_equal(res->state, RULES_PASS);
    assert_int_equal(res->nevidence, 1);
    assert_string_equal(res->evidence[0].clause, "第12条");
    assert_int_equal(res->evidence[0].loc.paragraph, 3);
    assert_non_null(strstr(res->evidence[0].quote, "返還しなければならない"));
    done(&r);
}

static void failures_name_what_is_missing(void **state)
{
    (void)state;
    const char *const lines[] = {
        "業務委託契約書",
        "第5条　乙は、甲の承認を得て、業務の一部を再委託することができる。",
        "第6条　乙は責任者を置く。",
        NULL,
    };
    run r;
    const rules_result *sub = evaluate(&r, lines, DOC_TYPE_UNKNOWN, "t.subcontracting");
    assert_int_equal(sub->state, RULES_FAIL);
    assert_int_equal(sub->nmissing, 2);
    assert_string_equal(sub->missing_en[0], "prior");
    assert_string_equal(sub->missing_en[1], "written");
    assert_string_equal(sub->evidence[0].clause, "第5条");
    sbuf ja = SBUF_INIT, en = SBUF_INIT;
    rules_result_message(sub, PL_LANG_JA, &ja);
    rules_result_message(sub, PL_LANG_EN, &en);
    assert_non_null(strstr(sbuf_cstr(&ja), "見つからない項目: 事前、書面"));
    assert_non_null(strstr(sbuf_cstr(&en), "missing: prior, written"));
    sbuf_free(&ja);
    sbuf_free(&en);
    for (size_t i = 0; i < r.res.n; i++) {
        if (strcmp(rules_rule_id(r.res.items[i].rule), "t.responsibility") != 0) continue;
        assert_int_equal(r.res.items[i].state, RULES_FAIL);
        assert_int_equal(r.res.items[i].nmissing, 1);
        assert_string_equal(r.res.items[i].missing_ja[0], "作業場所");
    }
    done(&r);
}

static void rules_for_other_types_do_not_apply(void **state)
{
    (void)state;
    const char *const lines[] = {"住民情報システム仕様書", "1　OSはWindows 7とする。", NULL};
    run r;
    assert_int_equal(evaluate(&r, lines, DOC_TYPE_UNKNOWN, "t.return")->state,
                     RULES_NOTAPPLICABLE);
    done(&r);
    const rules_result *eol = evaluate(&r, lines, DOC_TYPE_UNKNOWN, "t.eol");
    assert_int_equal(eol->state, RULES_FAIL);
    assert_string_equal(eol->evidence[0].product, "Windows 7 SP1");
    assert_int_equal(eol->evidence[0].date.year, 2020);
    sbuf msg = SBUF_INIT;
    rules_result_message(eol, PL_LANG_JA, &msg);
    assert_non_null(strstr(sbuf_cstr(&msg), "Windows 7 SP1（サポート終了 2020-01-14）"));
    sbuf_free(&msg);
    done(&r);
}

static void longest_product_name_wins(void **state)
{
    (void)state;
    rules_worker *w = rules_worker_new();
    rules_mention m[4];
    const char *t = "サーバOSはWindows Server 2012 R2とし、端末はWindows 10とする。";
    size_t n = rules_lifecycle_find(lc, w, t, strlen(t), m, 4);
    assert_int_equal(n, 2);
    assert_string_equal(m[0].product->product, "Windows Server");
    assert_string_equal(m[0].product->version, "2012 R2");
    assert_string_equal(m[1].product->version, "10 22H2");
    t = "Windows Updateを適用する。";
    assert_int_equal(rules_lifecycle_find(lc, w, t, strlen(t), m, 4), 0);
    rules_worker_free(w);
}

static void edition_message_lists_what_came_after(void **state)
{
    (void)state;
    const char *const lines[] = {
        "情報セキュリティ対策基準",
        "本基準は、総務省「地方公共団体における情報セキュリティポリシーに関するガイドライン」（令和4年3月版）に準拠する。",
        NULL,
    };
    run r;
    const rules_result *res = evaluate(&r, lines, DOC_TYPE_POLICY, "t.edition");
    assert_int_equal(res->state, RULES_FAIL);
    assert_string_equal(res->edition->id, "R4.3");
    assert_int_equal(res->neditions_since, 3);
    sbuf msg = SBUF_INIT;
    rules_result_message(res, PL_LANG_JA, &msg);
    assert_non_null(strstr(sbuf_cstr(&msg), "準拠: 令和4年3月版"));
    assert_non_null(strstr(sbuf_cstr(&msg), "令和5年3月版（業務委託先の管理）"));
    assert_non_null(strstr(sbuf_cstr(&msg), "令和7年3月版"));
    sbuf_free(&msg);
    done(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_example_holds),
        cmocka_unit_test(a_wrong_example_is_reported),
        cmocka_unit_test(evidence_locates_the_clause),
        cmocka_unit_test(failures_name_what_is_missing),
        cmocka_unit_test(rules_for_other_types_do_not_apply),
        cmocka_unit_test(longest_product_name_wins),
        cmocka_unit_test(edition_message_lists_what_came_after),
    };
    return cmocka_run_group_tests_name("engine", tests, setup, teardown);
}

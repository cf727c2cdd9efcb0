/* Rule packs: a pack with a mistake is refused with its file, line and
 * reason before any document is checked. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rules/rules.h"
#include "zipgen.h"

static const char *HEAD =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<pack xmlns=\"urn:polint:rules:1\" id=\"t\" revision=\"7\">\n"
    "  <title lang=\"ja\">試験</title><title lang=\"en\">test</title>\n"
    "  <param name=\"limit\" type=\"percent\" default=\"50\"><title lang=\"ja\">上限</title>"
    "<title lang=\"en\">limit</title></param>\n";

/* A rule; %s are: severity, the <re> pattern, extra check children,
 * examples. */
static char *pack_text(const char *severity, const char *re, const char *examples)
{
    static char buf[8192];
    snprintf(buf, sizeof buf,
             "%s"
             "  <rule id=\"contract.data-return\" severity=\"%s\">\n"
             "    <title lang=\"ja\">返還</title><title lang=\"en\">return</title>\n"
             "    <message lang=\"ja\">ない</message><message lang=\"en\">missing</message>\n"
             "    <applies types=\"contract\"/>\n"
             "    <presence>\n"
             "      <part id=\"return\"><title lang=\"ja\">返還</title><title lang=\"en\">r</title>\n"
             "        <match><re>%s</re></match>\n"
             "      </part>\n"
             "    </presence>\n"
             "    <examples>\n%s    </examples>\n"
             "  </rule>\n"
             "</pack>\n",
             HEAD, severity, re, examples);
    return buf;
}

static const char *BOTH = "      <example expect=\"pass\">返還する</example>\n"
                          "      <example expect=\"fail\">保持する</example>\n";

static pl_status load_text(const char *text, rules_set *set, pl_error *err)
{
    const char *path = testfile_write(text, strlen(text), ".xml");
    pl_error_clear(err);
    pl_status s = rules_set_load(set, path, err);
    unlink(path);
    return s;
}

static void a_valid_pack_loads(void **state)
{
    (void)state;
    rules_set set;
    rules_set_init(&set);
    pl_error err;
    assert_int_equal(load_text(pack_text("error", "返還|廃棄", BOTH), &set, &err), PL_OK);
    assert_int_equal(rules_set_count(&set), 1);
    const rules_rule *r = rules_set_find(&set, "contract.data-return");
    assert_non_null(r);
    assert_string_equal(rules_rule_title(r, PL_LANG_EN), "return");
    assert_int_equal(rules_rule_severity(r), RULES_ERROR);
    sbuf rev = SBUF_INIT;
    rules_set_revision(&set, &rev);
    assert_string_equal(sbuf_cstr(&rev), "t@7");
    sbuf_free(&rev);
    assert_true(rules_set_param(&set, "limit", 30));
    assert_false(rules_set_param(&set, "nonexistent", 1));
    rules_set_free(&set);
}

static void expect_error(const char *text, int line, const char *fragment)
{
    rules_set set;
    rules_set_init(&set);
    pl_error err;
    assert_int_equal(load_text(text, &set, &err), PL_E_PACK);
    if (line) assert_int_equal(err.line, line);
    if (!strstr(err.detail, fragment)) fail_msg("detail \"%s\" lacks \"%s\"", err.detail, fragment);
    assert_int_equal(rules_set_count(&set), 0);
    rules_set_free(&set);
}

static void schema_errors_name_the_line(void **state)
{
    (void)state;
    expect_error(pack_text("fatal", "返還", BOTH), 6, "");
}

static void bad_patterns_name_the_line(void **state)
{
    (void)state;
    expect_error(pack_text("error", "返還(", BOTH), 11, "missing closing parenthesis");
    expect_error(pack_text("error", "\\b返還\\b", BOTH), 11, "look-around");
}

static void rules_must_prove_themselves(void **state)
{
    (void)state;
    expect_error(pack_text("error", "返還", "      <example expect=\"pass\">返還する</example>\n"),
                 5, "passing and one failing example");
}

static void duplicate_ids_are_refused(void **state)
{
    (void)state;
    rules_set set;
    rules_set_init(&set);
    pl_error err;
    char *text = strdup(pack_text("error", "返還", BOTH));
    assert_int_equal(load_text(text, &set, &err), PL_OK);
    /* the same pack again: its id and its rule ids clash */
    assert_int_equal(load_text(text, &set, &err), PL_E_PACK);
    assert_non_null(strstr(err.detail, "already defined"));
    free(text);
    rules_set_free(&set);
}

/* A rule whose <applies> holds the given <when>, after the given pack-level
 * conditions. */
static char *when_pack(const char *conditions, const char *when)
{
    static char buf[4096];
    snprintf(buf, sizeof buf,
             "%s%s"
             "  <rule id=\"contract.data-return\" severity=\"error\">\n"
             "    <title lang=\"ja\">返還</title><title lang=\"en\">return</title>\n"
             "    <message lang=\"ja\">ない</message><message lang=\"en\">missing</message>\n"
             "    <applies types=\"spec\">%s</applies>\n"
             "    <presence><part id=\"r\"><title lang=\"ja\">返還</title><title lang=\"en\">r</title>"
             "<match><re>返還</re></match></part></presence>\n"
             "    <examples>\n"
             "      <example expect=\"pass\">秘密。返還する</example>\n"
             "      <example expect=\"fail\">秘密。保持する</example>\n"
             "    </examples>\n"
             "  </rule>\n"
             "</pack>\n",
             HEAD, conditions, when);
    return buf;
}

static void conditions_are_checked_at_load(void **state)
{
    (void)state;
    const char *cond = "  <condition id=\"c\" min=\"2\"><match><re>秘密</re></match>"
                       "<match><re>返還</re></match></condition>\n";
    rules_set set;
    rules_set_init(&set);
    pl_error err;
    assert_int_equal(load_text(when_pack(cond, "<when><condition ref=\"c\"/></when>"), &set, &err),
                     PL_OK);
    rules_set_free(&set);
    /* a reference to a condition that is not defined (above) */
    expect_error(when_pack("", "<when><condition ref=\"c\"/></when>"), 0, "no condition \"c\"");
    /* more required than there are alternatives */
    expect_error(when_pack("", "<when min=\"3\"><match><re>秘密</re></match></when>"), 0,
                 "more than the 1 alternatives");
    /* the same id twice */
    char twice[1024];
    snprintf(twice, sizeof twice, "%s%s", cond, cond);
    expect_error(when_pack(twice, ""), 0, "defined twice");
}

static void doctype_and_malformed_xml_are_refused(void **state)
{
    (void)state;
    expect_error("<?xml version=\"1.0\"?>\n<!DOCTYPE pack [<!ENTITY x \"y\">]>\n<pack/>\n", 0,
                 "DOCTYPE");
    expect_error("<?xml version=\"1.0\"?>\n<pack xmlns=\"urn:polint:rules:1\">\n<rule>\n</pack>\n",
                 4, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_valid_pack_loads),
        cmocka_unit_test(schema_errors_name_the_line),
        cmocka_unit_test(bad_patterns_name_the_line),
        cmocka_unit_test(rules_must_prove_themselves),
        cmocka_unit_test(duplicate_ids_are_refused),
        cmocka_unit_test(doctype_and_malformed_xml_are_refused),
        cmocka_unit_test(conditions_are_checked_at_load),
    };
    return cmocka_run_group_tests_name("pack", tests, NULL, NULL);
}

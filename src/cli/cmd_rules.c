/*
 * cmd_rules.c - `polint rules list | show ID | test [PACK...]`: what the
 * loaded rules are, what one of them checks, and whether every rule still
 * gives its own examples the expected result.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "util/mem.h"
#include "util/sbuf.h"

static int load(cli_rules *r, char **paths, size_t n, pl_lang lang)
{
    cli_config cfg;
    cli_config_init(&cfg);
    pl_error err;
    pl_error_clear(&err);
    int rc = 0;
    if (cli_config_load(&cfg, NULL, &err) != PL_OK ||
        cli_rules_load(r, &cfg, paths, n, &err) != PL_OK) {
        cli_report_error(err.part[0] ? err.part : "rules", &err, lang);
        rc = -1;
    }
    cli_config_free(&cfg);
    return rc;
}

static int rules_list(cli_rules *r, pl_lang lang)
{
    size_t n = rules_set_count(&r->set);
    for (size_t i = 0; i < n; i++) {
        const rules_rule *rule = rules_set_at(&r->set, i);
        printf("%-34s %-7s %-10s %s\n", rules_rule_id(rule),
               rules_severity_name(rules_rule_severity(rule)), rules_rule_pack(rule),
               rules_rule_title(rule, lang));
    }
    sbuf rev = SBUF_INIT;
    rules_set_revision(&r->set, &rev);
    printf(lang == PL_LANG_JA ? "\n%zu 件のルール（%s）\n" : "\n%zu rules (%s)\n", n, sbuf_cstr(&rev));
    sbuf_free(&rev);
    return CLI_EXIT_OK;
}

static int rules_show(cli_rules *r, const char *id, pl_lang lang)
{
    const rules_rule *rule = rules_set_find(&r->set, id);
    if (!rule) {
        cli_usage_error(lang, "そのルールはありません", "no such rule", id);
        return CLI_EXIT_ERROR;
    }
    sbuf out = SBUF_INIT;
    rules_rule_describe(rule, lang, &out);
    fputs(sbuf_cstr(&out), stdout);
    sbuf_free(&out);
    return CLI_EXIT_OK;
}

static int rules_test(cli_rules *r, pl_lang lang)
{
    rules_context ctx = {0};
    cli_rules_context(r, &ctx);
    char today[11];
    cli_today(today);
    cli_parse_date(today, &ctx.as_of);
    sbuf report = SBUF_INIT;
    size_t total = 0;
    size_t failed = rules_test_examples(&ctx, NULL, lang, &report, &total);
    fputs(sbuf_cstr(&report), stdout);
    sbuf_free(&report);
    printf(lang == PL_LANG_JA ? "ルールの例: %zu 件中 %zu 件が期待どおり、%zu 件が不一致（ルール %zu 件）\n"
                              : "rule examples: %zu run, %zu as expected, %zu wrong (%zu rules)\n",
           total, total - failed, failed, rules_set_count(&r->set));
    return failed ? CLI_EXIT_FINDINGS : CLI_EXIT_OK;
}

int cmd_rules(int argc, char **argv, pl_lang lang)
{
    if (argc < 2) {
        cli_usage_error(lang, "list、show ID、test のいずれかを指定してください",
                        "use list, show ID or test", NULL);
        return CLI_EXIT_ERROR;
    }
    const char *what = argv[1];
    char **paths = NULL;
    size_t npaths = 0;
    const char *id = NULL;
    for (int i = 2; i < argc; i++) {
        const char *v;
        if ((v = cli_option_value(argc, argv, &i, "--rules"))) {
            paths = pl_xrealloc(paths, (npaths + 1) * sizeof *paths);
            paths[npaths++] = (char *)v;
        } else if (strcmp(what, "test") == 0) {
            paths = pl_xrealloc(paths, (npaths + 1) * sizeof *paths);
            paths[npaths++] = argv[i]; /* rules test PACK... */
        } else if (!id) {
            id = argv[i];
        }
    }
    cli_rules r;
    int rc = CLI_EXIT_ERROR;
    if (strcmp(what, "list") != 0 && strcmp(what, "show") != 0 && strcmp(what, "test") != 0) {
        cli_usage_error(lang, "list、show ID、test のいずれかを指定してください",
                        "use list, show ID or test", what);
    } else if (strcmp(what, "show") == 0 && !id) {
        cli_usage_error(lang, "ルールIDを指定してください", "give a rule id", NULL);
    } else if (load(&r, paths, npaths, lang) == 0) {
        rc = what[0] == 'l' ? rules_list(&r, lang)
             : what[0] == 's' ? rules_show(&r, id, lang)
                              : rules_test(&r, lang);
        cli_rules_free(&r);
    } else {
        cli_rules_free(&r);
    }
    free(paths);
    return rc;
}

/*
 * cmd_config.c - `polint config`: the configuration a check would use, and
 * where each part of it comes from.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "util/sbuf.h"

int cmd_config(int argc, char **argv, pl_lang lang)
{
    const char *explicit_path = NULL;
    for (int i = 1; i < argc; i++) {
        const char *v;
        if ((v = cli_option_value(argc, argv, &i, "--config"))) explicit_path = v;
        else {
            cli_usage_error(lang, "不明な引数です", "unexpected argument", argv[i]);
            return CLI_EXIT_ERROR;
        }
    }
    bool ja = lang == PL_LANG_JA;
    cli_config cfg;
    cli_config_init(&cfg);
    pl_error err;
    pl_error_clear(&err);
    if (cli_config_load(&cfg, explicit_path, &err) != PL_OK) {
        cli_report_error(cfg.file ? cfg.file : explicit_path, &err, lang);
        cli_config_free(&cfg);
        return CLI_EXIT_ERROR;
    }
    cli_rules r;
    pl_status s = cli_rules_load(&r, &cfg, NULL, 0, &err);
    printf("%s %s\n", ja ? "設定ファイル:" : "config file:",
           cfg.file ? cfg.file : (ja ? "なし（既定値）" : "none (defaults)"));
    for (size_t i = 0; i < r.npack_paths; i++)
        printf("%s %s\n", ja ? "ルールパック:" : "rule packs:", r.pack_paths[i]);
    if (s != PL_OK) {
        cli_report_error(err.part[0] ? err.part : "rules", &err, lang);
        cli_rules_free(&r);
        cli_config_free(&cfg);
        return CLI_EXIT_ERROR;
    }
    sbuf rev = SBUF_INIT;
    rules_set_revision(&r.set, &rev);
    printf("%s %zu (%s)\n", ja ? "ルール数:" : "rules:", rules_set_count(&r.set), sbuf_cstr(&rev));
    sbuf_free(&rev);
    printf("%s %s (%zu)\n", ja ? "サポート期限データ:" : "lifecycle data:",
           r.lifecycle ? r.lifecycle_path : (ja ? "なし" : "none"),
           rules_lifecycle_count(r.lifecycle));
    char today[11];
    cli_today(today);
    printf("%s %s%s\n", ja ? "基準日:" : "as of:", cfg.as_of[0] ? cfg.as_of : today,
           cfg.as_of[0] ? "" : (ja ? "（今日）" : " (today)"));
    printf("%s %s\n", ja ? "終了コード1とする重大度:" : "fail on:",
           rules_severity_name(cfg.fail_on >= 0 ? (rules_severity)cfg.fail_on : RULES_WARNING));
    printf("%s %s\n", ja ? "言語:" : "language:",
           (cfg.lang >= 0 ? cfg.lang : (int)lang) == PL_LANG_EN ? "en" : "ja");
    printf("%s %d\n", ja ? "並列数:" : "jobs:", cfg.jobs > 0 ? cfg.jobs : 1);
    if (cfg.baseline) printf("%s %s\n", ja ? "免除リスト:" : "baseline:", cfg.baseline);
    for (size_t i = 0; i < cfg.nparams; i++)
        printf("%s %s = %g\n", ja ? "パラメータ:" : "parameter:", cfg.params[i].name,
               cfg.params[i].value);
    size_t n = rules_set_count(&r.set);
    for (size_t i = 0; i < n; i++) {
        const rules_rule *rule = rules_set_at(&r.set, i);
        bool changed = false;
        for (size_t k = 0; k < cfg.nrules; k++)
            if (strcmp(cfg.rules[k].id, rules_rule_id(rule)) == 0) changed = true;
        if (!changed && !r.disabled[i]) continue;
        printf("%s %s %s%s\n", ja ? "ルール設定:" : "rule:", rules_rule_id(rule),
               rules_severity_name(rules_rule_severity(rule)),
               r.disabled[i] ? (ja ? "（無効）" : " (disabled)") : "");
    }
    cli_rules_free(&r);
    cli_config_free(&cfg);
    return CLI_EXIT_OK;
}

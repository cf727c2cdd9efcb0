/*
 * main.c - polint's entry point: global options and subcommand dispatch.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static void print_help(pl_lang lang)
{
    if (lang == PL_LANG_EN) {
        puts("polint " POLINT_VERSION " - a policy linter for Japanese local-government documents\n"
             "\n"
             "Usage:\n"
             "  polint extract [--format text|json] [--tracked accept|reject|all]\n"
             "                 [--no-metadata] [--files-from LIST] FILE|DIR...\n"
             "\n"
             "Global options: --lang ja|en (default from LANG), --help, --version\n"
             "Exit status: 0 ok, 1 findings, 2 a file could not be read or usage error");
    } else {
        puts("polint " POLINT_VERSION " - 地方公共団体の契約書・仕様書・ポリシー等の検査ツール\n"
             "\n"
             "使い方:\n"
             "  polint extract [--format text|json] [--tracked accept|reject|all]\n"
             "                 [--no-metadata] [--files-from 一覧] ファイル|フォルダ...\n"
             "      DOCX/XLSX から本文・表・注記などのテキストを構造付きで取り出します\n"
             "\n"
             "共通オプション: --lang ja|en（既定は環境変数 LANG）、--help、--version\n"
             "終了コード: 0 問題なし、1 指摘あり、2 読めないファイルがある／使い方の誤り");
    }
}

int main(int argc, char **argv)
{
    pl_lang lang = pl_lang_from_env();
    /* --lang is global: accept it anywhere so users need not remember where. */
    for (int i = 1; i < argc; i++) {
        int j = i;
        const char *v = cli_option_value(argc, argv, &j, "--lang");
        if (!v) continue;
        int l = pl_lang_parse(v);
        if (l < 0) {
            cli_usage_error(lang, "--lang には ja か en を指定してください",
                            "--lang takes ja or en", v);
            return CLI_EXIT_ERROR;
        }
        lang = (pl_lang)l;
        /* drop the option (and its value) from argv */
        int drop = j - i + 1;
        for (int k = i; k + drop < argc; k++) argv[k] = argv[k + drop];
        argc -= drop;
        i--;
    }
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        print_help(lang);
        return argc < 2 ? CLI_EXIT_ERROR : CLI_EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "version") == 0) {
        puts("polint " POLINT_VERSION);
        return CLI_EXIT_OK;
    }
    static const struct {
        const char *name;
        int (*run)(int, char **, pl_lang);
    } commands[] = {
        {"extract", cmd_extract},
    };
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1, lang);
    cli_usage_error(lang, "不明なサブコマンドです", "unknown subcommand", argv[1]);
    return CLI_EXIT_ERROR;
}

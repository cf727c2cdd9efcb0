/*
 * cli.h - what the subcommands share: language, paths, messages, exit codes.
 *
 * This folder is the only place that knows about argv, files and exit codes.
 */
#ifndef PL_CLI_H
#define PL_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "util/i18n.h"
#include "util/status.h"

#define POLINT_VERSION "0.1.0"

/* Exit codes (contract): 0 clean, 1 findings, 2 unreadable input or usage. */
enum { CLI_EXIT_OK = 0, CLI_EXIT_FINDINGS = 1, CLI_EXIT_ERROR = 2 };

typedef struct cli_paths {
    char **items;
    size_t n, cap;
} cli_paths;

/* Expands the operands into files: a directory is walked (sorted, so runs
 * are deterministic) for Office documents, legacy ones included so that
 * they are reported as unreadable rather than silently skipped; Office lock
 * files (~$name) and hidden files are skipped. A file given by name is always
 * taken. Unreadable operands are reported and counted in *bad. */
void cli_paths_collect(cli_paths *out, char **operands, int n, pl_lang lang, int *bad);
/* Adds the paths listed one per line in list ("-" = stdin). */
bool cli_paths_from_list(cli_paths *out, const char *list, pl_lang lang);
void cli_paths_free(cli_paths *p);

/* "polint: <path>: <reason>" on stderr, in the user's language. */
void cli_report_error(const char *path, const pl_error *err, pl_lang lang);
void cli_usage_error(pl_lang lang, const char *ja, const char *en, const char *arg);

/* Parses --lang VALUE / --lang=VALUE style options: returns the value if
 * argv[*i] is the option (advancing *i past a separate value), else NULL. */
const char *cli_option_value(int argc, char **argv, int *i, const char *name);

int cmd_extract(int argc, char **argv, pl_lang lang);

#endif

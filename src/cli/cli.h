/*
 * cli.h - what the subcommands share: language, paths, messages, exit codes.
 *
 * This folder is the only place that knows about argv, files and exit codes.
 */
#ifndef PL_CLI_H
#define PL_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "report/report.h"
#include "rules/rules.h"
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

/* ---- config.c: polint.xml and waiver files ---------------------------- */

typedef struct cli_config {
    char *file; /* the polint.xml in use, NULL if none */
    char **packs;
    size_t npacks; /* empty: the default packs */
    char *lifecycle;
    char as_of[11]; /* "" if not set */
    int fail_on;    /* rules_severity, -1 if not set */
    int lang;       /* pl_lang, -1 if not set */
    int jobs;       /* 0 if not set */
    char *baseline;
    struct cli_param {
        char *name;
        double value;
    } *params;
    size_t nparams;
    struct cli_rule_setting {
        char *id;
        int severity; /* -1: unchanged */
        int enabled;  /* -1: unchanged, 0 off, 1 on */
        int line;
    } *rules;
    size_t nrules;
} cli_config;

void cli_config_init(cli_config *c);
/* Reads explicit_path, or polint.xml found walking up from the current
 * directory (none found is fine). */
pl_status cli_config_load(cli_config *c, const char *explicit_path, pl_error *err);
void cli_config_free(cli_config *c);
/* The policies/ folder shipped with this binary (caller frees). */
char *cli_default_policies(void);

typedef struct cli_waiver {
    char *rule, *file, *sha256, *clause, *expires, *reason, *source;
} cli_waiver;

typedef struct cli_waivers {
    cli_waiver *items;
    size_t n;
} cli_waivers;

pl_status cli_waivers_load(cli_waivers *w, const char *path, pl_error *err);
void cli_waivers_free(cli_waivers *w);
/* The waiver that covers result r of item, if any (an expired one is
 * returned as WAIVER_EXPIRED so the report can say so). */
report_waiver cli_waiver_for(const cli_waivers *w, const report_item *item, const rules_result *r,
                             const char *as_of);

/* ---- setup.c: rules as configured -------------------------------------------- */

typedef struct cli_rules {
    rules_set set;
    rules_lifecycle *lifecycle;
    char *lifecycle_path;
    char **pack_paths;
    size_t npack_paths;
    bool *disabled; /* per rule, in set order */
    struct guideline_set *guideline; /* NULL when policies/guideline/ is absent */
} cli_rules;

/* The guideline editions the edition rules compare against. */
void cli_rules_context(const cli_rules *r, rules_context *ctx);

/* Loads packs (from --rules paths, else the config, else the defaults), the
 * lifecycle data, the guideline editions, and applies the config's parameters and rule settings. */
pl_status cli_rules_load(cli_rules *r, const cli_config *cfg, char **rule_paths, size_t nrule_paths,
                         pl_error *err);
void cli_rules_free(cli_rules *r);

/* Today's date as YYYY-MM-DD (local time). */
void cli_today(char out[11]);
/* Parses YYYY-MM-DD. */
bool cli_parse_date(const char *s, text_ymd *out);

int cmd_extract(int argc, char **argv, pl_lang lang);
int cmd_check(int argc, char **argv, pl_lang lang);
int cmd_rules(int argc, char **argv, pl_lang lang);
int cmd_config(int argc, char **argv, pl_lang lang);
int cmd_guideline(int argc, char **argv, pl_lang lang);
int cmd_diff(int argc, char **argv, pl_lang lang);

#endif

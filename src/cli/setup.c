/*
 * setup.c - the rules a run uses: packs, lifecycle data and settings.
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli.h"
#include "guideline/guideline.h"
#include "util/mem.h"
#include "util/sbuf.h"

void cli_today(char out[11])
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(out, 11, "%Y-%m-%d", &tm);
}

bool cli_parse_date(const char *s, text_ymd *out)
{
    int y, m, d;
    char tail;
    if (!s || strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return false;
    *out = (text_ymd){y, m, d};
    return text_ymd_valid(*out);
}

static void add_path(cli_rules *r, const char *p)
{
    r->pack_paths = pl_xrealloc(r->pack_paths, (r->npack_paths + 1) * sizeof *r->pack_paths);
    r->pack_paths[r->npack_paths++] = pl_xstrdup(p);
}

pl_status cli_rules_load(cli_rules *r, const cli_config *cfg, char **rule_paths, size_t nrule_paths,
                         pl_error *err)
{
    memset(r, 0, sizeof *r);
    rules_set_init(&r->set);
    char *defaults = cli_default_policies();
    if (nrule_paths) {
        for (size_t i = 0; i < nrule_paths; i++) add_path(r, rule_paths[i]);
    } else if (cfg->npacks) {
        for (size_t i = 0; i < cfg->npacks; i++) add_path(r, cfg->packs[i]);
    } else {
        add_path(r, defaults);
    }
    pl_status s = PL_OK;
    for (size_t i = 0; i < r->npack_paths && s == PL_OK; i++)
        s = rules_set_load(&r->set, r->pack_paths[i], err);
    /* a run with no rules would report every document clean */
    if (s == PL_OK && rules_set_count(&r->set) == 0)
        s = pl_error_set(err, PL_E_PACK, r->pack_paths[0], "no rule pack (*.xml) found here");
    if (s == PL_OK) {
        sbuf lc = SBUF_INIT;
        if (cfg->lifecycle) sbuf_puts(&lc, cfg->lifecycle);
        else sbuf_printf(&lc, "%s/data/lifecycle.tsv", defaults);
        r->lifecycle_path = sbuf_detach(&lc);
        struct stat st;
        /* without lifecycle data the lifecycle rules say they cannot decide */
        if (stat(r->lifecycle_path, &st) == 0 || cfg->lifecycle)
            s = rules_lifecycle_load(&r->lifecycle, r->lifecycle_path, err);
    }
    if (s == PL_OK) {
        /* without the editions the edition rules say they cannot decide; a
         * broken data file stops the run like a broken pack */
        sbuf dir = SBUF_INIT;
        sbuf_printf(&dir, "%s/guideline", defaults);
        struct stat st;
        if (stat(sbuf_cstr(&dir), &st) == 0 && S_ISDIR(st.st_mode))
            s = guideline_load(&r->guideline, sbuf_cstr(&dir), err);
        sbuf_free(&dir);
    }
    for (size_t i = 0; s == PL_OK && i < cfg->nparams; i++) {
        if (!rules_set_param(&r->set, cfg->params[i].name, cfg->params[i].value)) {
            pl_error_set(err, PL_E_PACK, cfg->file, "no loaded pack has the parameter %s",
                         cfg->params[i].name);
            s = PL_E_PACK;
        }
    }
    r->disabled = pl_xcalloc(rules_set_count(&r->set) + 1, sizeof *r->disabled);
    for (size_t i = 0; s == PL_OK && i < cfg->nrules; i++) {
        const struct cli_rule_setting *rs = &cfg->rules[i];
        const rules_rule *rule = rules_set_find(&r->set, rs->id);
        if (!rule) {
            pl_error_set(err, PL_E_PACK, cfg->file, "no loaded pack has the rule %s", rs->id);
            err->line = rs->line;
            s = PL_E_PACK;
            break;
        }
        if (rs->severity >= 0) rules_set_severity(&r->set, rs->id, (rules_severity)rs->severity);
        if (rs->enabled == 0) {
            size_t n = rules_set_count(&r->set);
            for (size_t k = 0; k < n; k++)
                if (rules_set_at(&r->set, k) == rule) r->disabled[k] = true;
        }
    }
    free(defaults);
    return s;
}

void cli_rules_context(const cli_rules *r, rules_context *ctx)
{
    ctx->set = &r->set;
    ctx->lifecycle = r->lifecycle;
    ctx->editions = NULL;
    ctx->neditions = 0;
    if (r->guideline) ctx->editions = guideline_rules_editions(r->guideline, &ctx->neditions);
}

void cli_rules_free(cli_rules *r)
{
    guideline_free(r->guideline);
    rules_set_free(&r->set);
    rules_lifecycle_free(r->lifecycle);
    free(r->lifecycle_path);
    for (size_t i = 0; i < r->npack_paths; i++) free(r->pack_paths[i]);
    free(r->pack_paths);
    free(r->disabled);
    memset(r, 0, sizeof *r);
}

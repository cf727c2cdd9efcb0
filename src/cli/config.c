/*
 * config.c - polint.xml: which packs, which limits, which reference date.
 *
 * Found by walking up from the current directory (as editors and linters do,
 * so a policy office can keep one file at the root of its shared folder), or
 * named with --config. Relative paths inside it are relative to the file.
 * The default packs are the policies/ folder next to the binary's checkout.
 */
#define _DEFAULT_SOURCE /* realpath */
#include <libxml/tree.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "util/mem.h"
#include "util/sbuf.h"
#include "util/xmlfile.h"

extern const unsigned char config_schema_rng[];
extern const size_t config_schema_rng_len;

#define CONFIG_NS "urn:polint:config:1"
#define WAIVER_NS "urn:polint:waivers:1"

static bool exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* A path relative to the folder of base (a file). */
static char *relative_to(const char *base, const char *path)
{
    if (path[0] == '/' || !base) return pl_xstrdup(path);
    const char *slash = strrchr(base, '/');
    sbuf b = SBUF_INIT;
    if (slash) sbuf_append(&b, base, (size_t)(slash - base) + 1);
    sbuf_puts(&b, path);
    return sbuf_detach(&b);
}

char *cli_default_policies(void)
{
    /* policies/ beside the build directory of this binary, then the current
     * directory, then the system location */
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            sbuf p = SBUF_INIT;
            sbuf_printf(&p, "%s/../policies", exe);
            if (exists(sbuf_cstr(&p))) {
                char real[PATH_MAX];
                char *r = realpath(sbuf_cstr(&p), real);
                sbuf_free(&p);
                return pl_xstrdup(r ? r : "policies");
            }
            sbuf_free(&p);
        }
    }
    if (exists("policies")) return pl_xstrdup("policies");
    return pl_xstrdup("/usr/share/polint/policies");
}

static char *find_upwards(void)
{
    char dir[PATH_MAX];
    if (!getcwd(dir, sizeof dir)) return NULL;
    for (;;) {
        sbuf p = SBUF_INIT;
        sbuf_printf(&p, "%s/polint.xml", strcmp(dir, "/") == 0 ? "" : dir);
        if (exists(sbuf_cstr(&p))) return sbuf_detach(&p);
        sbuf_free(&p);
        char *slash = strrchr(dir, '/');
        if (!slash || slash == dir) {
            if (strcmp(dir, "/") == 0) return NULL;
            strcpy(dir, "/");
            continue;
        }
        *slash = '\0';
    }
}

void cli_config_init(cli_config *c)
{
    memset(c, 0, sizeof *c);
    c->fail_on = -1;
    c->lang = -1;
}

void cli_config_free(cli_config *c)
{
    free(c->file);
    for (size_t i = 0; i < c->npacks; i++) free(c->packs[i]);
    free(c->packs);
    free(c->lifecycle);
    free(c->baseline);
    for (size_t i = 0; i < c->nparams; i++) free(c->params[i].name);
    free(c->params);
    for (size_t i = 0; i < c->nrules; i++) free(c->rules[i].id);
    free(c->rules);
    memset(c, 0, sizeof *c);
}

static void read_config(cli_config *c, xmlNode *root)
{
    size_t cap_packs = 0, cap_params = 0, cap_rules = 0;
    for (xmlNode *n = root->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        if (xmlfile_is(n, CONFIG_NS, "packs")) {
            for (xmlNode *p = n->children; p; p = p->next) {
                if (!xmlfile_is(p, CONFIG_NS, "pack")) continue;
                char *path = xmlfile_attr(p, "path");
                PL_GROW(c->packs, cap_packs, c->npacks + 1);
                c->packs[c->npacks++] = relative_to(c->file, path);
                xmlFree(path);
            }
            continue;
        }
        char *v;
        if (xmlfile_is(n, CONFIG_NS, "lifecycle") && (v = xmlfile_attr(n, "path"))) {
            c->lifecycle = relative_to(c->file, v);
            xmlFree(v);
        } else if (xmlfile_is(n, CONFIG_NS, "baseline") && (v = xmlfile_attr(n, "path"))) {
            c->baseline = relative_to(c->file, v);
            xmlFree(v);
        } else if (xmlfile_is(n, CONFIG_NS, "as-of") && (v = xmlfile_attr(n, "date"))) {
            snprintf(c->as_of, sizeof c->as_of, "%s", v);
            xmlFree(v);
        } else if (xmlfile_is(n, CONFIG_NS, "fail-on") && (v = xmlfile_attr(n, "level"))) {
            c->fail_on = rules_severity_parse(v);
            xmlFree(v);
        } else if (xmlfile_is(n, CONFIG_NS, "lang") && (v = xmlfile_attr(n, "value"))) {
            c->lang = pl_lang_parse(v);
            xmlFree(v);
        } else if (xmlfile_is(n, CONFIG_NS, "jobs") && (v = xmlfile_attr(n, "n"))) {
            c->jobs = atoi(v);
            xmlFree(v);
        } else if (xmlfile_is(n, CONFIG_NS, "param")) {
            char *name = xmlfile_attr(n, "name"), *value = xmlfile_attr(n, "value");
            PL_GROW(c->params, cap_params, c->nparams + 1);
            c->params[c->nparams].name = pl_xstrdup(name);
            c->params[c->nparams++].value = strtod(value, NULL);
            xmlFree(name);
            xmlFree(value);
        } else if (xmlfile_is(n, CONFIG_NS, "rule")) {
            char *id = xmlfile_attr(n, "id"), *sev = xmlfile_attr(n, "severity"),
                 *en = xmlfile_attr(n, "enabled");
            PL_GROW(c->rules, cap_rules, c->nrules + 1);
            c->rules[c->nrules].id = pl_xstrdup(id);
            c->rules[c->nrules].severity = sev ? rules_severity_parse(sev) : -1;
            c->rules[c->nrules].enabled = en ? strcmp(en, "true") == 0 : -1;
            c->rules[c->nrules].line = (int)xmlGetLineNo(n);
            c->nrules++;
            xmlFree(id);
            xmlFree(sev);
            xmlFree(en);
        }
    }
}

pl_status cli_config_load(cli_config *c, const char *explicit_path, pl_error *err)
{
    c->file = explicit_path ? pl_xstrdup(explicit_path) : find_upwards();
    if (!c->file) return PL_OK;
    xmlDocPtr doc;
    pl_status s = xmlfile_read(c->file, config_schema_rng, config_schema_rng_len, &doc, err);
    if (s != PL_OK) return s;
    xmlNode *root = xmlDocGetRootElement(doc);
    if (!xmlfile_is(root, CONFIG_NS, "polint")) {
        xmlFreeDoc(doc);
        return pl_error_set(err, PL_E_PACK, c->file, "the root element must be <polint>");
    }
    read_config(c, root);
    xmlFreeDoc(doc);
    return PL_OK;
}

/* ---- waivers -------------------------------------------------------------- */

void cli_waivers_free(cli_waivers *w)
{
    for (size_t i = 0; i < w->n; i++) {
        free(w->items[i].rule);
        free(w->items[i].file);
        free(w->items[i].sha256);
        free(w->items[i].clause);
        free(w->items[i].expires);
        free(w->items[i].reason);
        free(w->items[i].source);
    }
    free(w->items);
    memset(w, 0, sizeof *w);
}

static char *dup_attr(const xmlNode *n, const char *name)
{
    char *v = xmlfile_attr(n, name);
    char *copy = v ? pl_xstrdup(v) : NULL;
    xmlFree(v);
    return copy;
}

pl_status cli_waivers_load(cli_waivers *w, const char *path, pl_error *err)
{
    memset(w, 0, sizeof *w);
    xmlDocPtr doc;
    pl_status s = xmlfile_read(path, config_schema_rng, config_schema_rng_len, &doc, err);
    if (s != PL_OK) return s;
    xmlNode *root = xmlDocGetRootElement(doc);
    if (!xmlfile_is(root, WAIVER_NS, "waivers")) {
        xmlFreeDoc(doc);
        return pl_error_set(err, PL_E_PACK, path, "the root element must be <waivers>");
    }
    size_t cap = 0;
    for (xmlNode *n = root->children; n; n = n->next) {
        if (!xmlfile_is(n, WAIVER_NS, "waiver")) continue;
        PL_GROW(w->items, cap, w->n + 1);
        cli_waiver *x = &w->items[w->n++];
        memset(x, 0, sizeof *x);
        x->rule = dup_attr(n, "rule");
        x->file = dup_attr(n, "file");
        x->sha256 = dup_attr(n, "sha256");
        x->clause = dup_attr(n, "clause");
        x->expires = dup_attr(n, "expires");
        for (xmlNode *r = n->children; r; r = r->next) {
            if (!xmlfile_is(r, WAIVER_NS, "reason")) continue;
            xmlChar *t = xmlNodeGetContent(r);
            x->reason = pl_xstrdup(t ? (const char *)t : "");
            xmlFree(t);
        }
        sbuf src = SBUF_INIT;
        sbuf_printf(&src, "%s:%ld", path, xmlGetLineNo(n));
        x->source = sbuf_detach(&src);
    }
    xmlFreeDoc(doc);
    return PL_OK;
}

/* The waiver's file names the document when it is the same path, or a
 * trailing part of it that starts at a folder boundary. */
static bool path_matches(const char *doc, const char *waiver)
{
    size_t d = strlen(doc), w = strlen(waiver);
    if (w > d) return false;
    if (strcmp(doc + d - w, waiver) != 0) return false;
    return w == d || doc[d - w - 1] == '/';
}

static bool clause_matches(const rules_result *r, const char *clause)
{
    for (size_t i = 0; i < r->nevidence; i++)
        if (r->evidence[i].clause && strcmp(r->evidence[i].clause, clause) == 0) return true;
    return false;
}

report_waiver cli_waiver_for(const cli_waivers *w, const report_item *item, const rules_result *r,
                             const char *as_of)
{
    report_waiver out = {WAIVER_NONE, NULL, NULL, NULL};
    if (!w || (r->state != RULES_FAIL && r->state != RULES_STATE_ERROR)) return out;
    for (size_t i = 0; i < w->n; i++) {
        const cli_waiver *x = &w->items[i];
        if (strcmp(x->rule, rules_rule_id(r->rule)) != 0) continue;
        bool doc = false;
        for (size_t m = 0; m < item->nmembers && !doc; m++) {
            if (x->sha256 && strcmp(x->sha256, item->members[m].sha256) == 0) doc = true;
            if (x->file && path_matches(item->members[m].path, x->file)) doc = true;
        }
        if (x->file && item->bundle && path_matches(item->name, x->file)) doc = true;
        if (!doc) continue;
        if (x->clause && !clause_matches(r, x->clause)) continue;
        out.reason = x->reason;
        out.expires = x->expires;
        out.source = x->source;
        /* dates in ISO form compare as strings */
        out.state = x->expires && strcmp(x->expires, as_of) < 0 ? WAIVER_EXPIRED : WAIVER_APPLIED;
        if (out.state == WAIVER_APPLIED) return out;
    }
    return out;
}

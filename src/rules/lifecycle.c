/*
 * lifecycle.c - support end dates and the product-name matcher.
 *
 * The data is a TSV (policies/data/lifecycle.tsv): product, version, end of
 * support, end of extended support, a PCRE2 pattern that recognises the
 * product in normalised text, and the source of the dates. Rows with version
 * "*" recognise a product named without a version we could decide
 * ("Windows" alone); they only count where no versioned row matched.
 *
 * Mentions are chosen left to right; where several rows match at one place
 * the longest match wins, then the earlier row, so "Windows Server 2012 R2"
 * is never also read as "Windows Server 2012".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "util/mem.h"

typedef struct lc_row {
    rules_product p;
    pattern *match; /* NULL: data only */
    bool family;
} lc_row;

struct rules_lifecycle {
    lc_row *rows;
    size_t n, cap;
    arena mem;
};

static bool parse_date(const char *s, text_ymd *out)
{
    memset(out, 0, sizeof *out);
    if (!*s) return true;
    if (strcmp(s, "none") == 0) { /* a product line with no announced end */
        *out = RULES_NO_END;
        return true;
    }
    int y, m, d;
    char tail;
    if (sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return false;
    *out = (text_ymd){y, m, d};
    return text_ymd_valid(*out);
}

/* Splits a line on tabs in place; returns the number of fields. */
static size_t split_tabs(char *line, char **fields, size_t max)
{
    size_t n = 0;
    fields[n++] = line;
    for (char *p = line; *p && n < max; p++) {
        if (*p == '\t') {
            *p = '\0';
            fields[n++] = p + 1;
        }
    }
    return n;
}

static pl_status row_error(pl_error *err, const char *path, long line, const char *what)
{
    pl_error_set(err, PL_E_PACK, path, "%s", what);
    err->line = line;
    return PL_E_PACK;
}

pl_status rules_lifecycle_load(rules_lifecycle **out, const char *path, pl_error *err)
{
    *out = NULL;
    FILE *f = fopen(path, "r");
    if (!f) return pl_error_set(err, PL_E_PACK, path, "cannot open the lifecycle data");
    rules_lifecycle *lc = pl_xcalloc(1, sizeof *lc);
    arena_init(&lc->mem);
    char buf[4096];
    long lineno = 0;
    bool header = true;
    pl_status s = PL_OK;
    while (s == PL_OK && fgets(buf, sizeof buf, f)) {
        lineno++;
        size_t len = strlen(buf);
        while (len && (buf[len - 1] == '\n' || buf[len - 1] == '\r')) buf[--len] = '\0';
        if (!len || buf[0] == '#') continue;
        if (header) { /* the first non-comment line names the columns */
            header = false;
            if (strncmp(buf, "product\t", 8) == 0) continue;
        }
        char *fld[8];
        size_t nf = split_tabs(buf, fld, 8);
        if (nf < 5) {
            s = row_error(err, path, lineno, "expected product, version, dates, match, source");
            break;
        }
        PL_GROW(lc->rows, lc->cap, lc->n + 1);
        lc_row *r = &lc->rows[lc->n];
        memset(r, 0, sizeof *r);
        r->p.product = arena_strdup(&lc->mem, fld[0]);
        r->p.version = arena_strdup(&lc->mem, fld[1]);
        r->p.source = nf > 5 ? arena_strdup(&lc->mem, fld[5]) : NULL;
        r->family = strcmp(fld[1], "*") == 0;
        if (!parse_date(fld[2], &r->p.end) || !parse_date(fld[3], &r->p.extended)) {
            s = row_error(err, path, lineno, "dates must be YYYY-MM-DD");
            break;
        }
        if (!r->family && r->p.end.year == 0) {
            s = row_error(err, path, lineno, "a versioned row needs its end of support");
            break;
        }
        if (*fld[4]) {
            char msg[300];
            r->match = pattern_compile(fld[4], msg, sizeof msg);
            if (!r->match) {
                char what[400];
                snprintf(what, sizeof what, "pattern /%s/: %s", fld[4], msg);
                s = row_error(err, path, lineno, what);
                break;
            }
        }
        lc->n++;
    }
    fclose(f);
    if (s != PL_OK) {
        rules_lifecycle_free(lc);
        return s;
    }
    /* a family row spans its product's versions: the earliest and the
     * latest end among them */
    for (size_t i = 0; i < lc->n; i++) {
        lc_row *fam = &lc->rows[i];
        if (!fam->family) continue;
        for (size_t k = 0; k < lc->n; k++) {
            const lc_row *v = &lc->rows[k];
            if (v->family || strcmp(v->p.product, fam->p.product) != 0) continue;
            if (!fam->p.end.year || text_ymd_cmp(v->p.end, fam->p.end) < 0) fam->p.end = v->p.end;
            if (!fam->p.latest.year || text_ymd_cmp(v->p.end, fam->p.latest) > 0)
                fam->p.latest = v->p.end;
        }
    }
    *out = lc;
    return PL_OK;
}

void rules_lifecycle_free(rules_lifecycle *lc)
{
    if (!lc) return;
    for (size_t i = 0; i < lc->n; i++) pattern_free(lc->rows[i].match);
    free(lc->rows);
    arena_free(&lc->mem);
    free(lc);
}

size_t rules_lifecycle_count(const rules_lifecycle *lc)
{
    return lc ? lc->n : 0;
}

const rules_product *rules_lifecycle_at(const rules_lifecycle *lc, size_t i, bool *has_pattern)
{
    if (!lc || i >= lc->n) return NULL;
    if (has_pattern) *has_pattern = lc->rows[i].match != NULL;
    return &lc->rows[i].p;
}

typedef struct candidate {
    size_t row, start, end;
} candidate;

/* Better candidate at the same start: longer, then earlier row. */
static bool better(const candidate *a, const candidate *b)
{
    if (a->end - a->start != b->end - b->start) return a->end - a->start > b->end - b->start;
    return a->row < b->row;
}

/* The best candidate among rows of one kind (family or not) at or after pos. */
static bool next_candidate(const rules_lifecycle *lc, rules_worker *w, const char *text,
                           size_t len, size_t pos, bool family, candidate *best)
{
    bool any = false;
    for (size_t i = 0; i < lc->n; i++) {
        const lc_row *r = &lc->rows[i];
        if (!r->match || r->family != family) continue;
        size_t ms, me;
        pattern_result pr = pattern_find(r->match, w->scratch, text, len, pos, &ms, &me);
        if (pr == PATTERN_LIMIT || pr == PATTERN_ERROR) w->limit_hit = true;
        if (pr != PATTERN_MATCH || me == ms) continue;
        candidate c = {i, ms, me};
        if (!any || c.start < best->start || (c.start == best->start && better(&c, best))) {
            *best = c;
            any = true;
        }
    }
    return any;
}

size_t rules_lifecycle_find(const rules_lifecycle *lc, rules_worker *w, const char *text,
                            size_t len, rules_mention *out, size_t cap)
{
    if (!lc) return 0;
    /* Product names are written in Latin letters or katakana (ウインドウズ10):
     * paragraphs with neither are skipped at once. Katakana is U+30A1..U+30FA,
     * E3 82 A1 .. E3 83 BA in UTF-8. */
    bool worth = false;
    for (size_t i = 0; i < len && !worth; i++) {
        unsigned char c = (unsigned char)text[i];
        worth = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                    (c == 0xE3 && i + 1 < len &&
                     ((unsigned char)text[i + 1] == 0x82 || (unsigned char)text[i + 1] == 0x83));
    }
    if (!worth) return 0;
    size_t n = 0;
    /* versioned rows first */
    size_t covered_from[64], covered_to[64], ncovered = 0;
    for (size_t pos = 0; pos < len;) {
        candidate c;
        if (!next_candidate(lc, w, text, len, pos, false, &c)) break;
        if (n < cap) out[n] = (rules_mention){&lc->rows[c.row].p, {c.start, c.end}};
        n++;
        if (ncovered < 64) covered_from[ncovered] = c.start, covered_to[ncovered++] = c.end;
        pos = c.end;
    }
    /* then family names outside every versioned mention */
    for (size_t pos = 0; pos < len;) {
        candidate c;
        if (!next_candidate(lc, w, text, len, pos, true, &c)) break;
        bool overlaps = false;
        for (size_t k = 0; k < ncovered; k++)
            if (c.start < covered_to[k] && c.end > covered_from[k]) overlaps = true;
        if (!overlaps) {
            if (n < cap) out[n] = (rules_mention){&lc->rows[c.row].p, {c.start, c.end}};
            n++;
        }
        pos = c.end;
    }
    /* keep mentions in text order */
    size_t kept = n < cap ? n : cap;
    for (size_t i = 1; i < kept; i++)
        for (size_t k = i; k > 0 && out[k].span.start < out[k - 1].span.start; k--) {
            rules_mention t = out[k];
            out[k] = out[k - 1];
            out[k - 1] = t;
        }
    return n;
}

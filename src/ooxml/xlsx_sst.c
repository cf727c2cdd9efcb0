/*
 * xlsx_sst.c - the shared string table (xl/sharedStrings.xml).
 *
 * Cells of type "s" hold an index into this table, and any cell may refer
 * to any string, so the table must be in memory while sheets are read. A
 * ledger can have millions of strings; a malloc per string would cost more
 * than the strings, so all of them live in one growing buffer, each ended
 * by a NUL (blocks need NUL-terminated text), with a uint32 start offset per
 * string. Both the count and the bytes are capped by the limits.
 *
 * An item is <si> with either one <t> or rich-text runs <r><t>; the runs are
 * concatenated. Phonetic readings <rPh><t> (furigana of Japanese names) are
 * skipped: they are not what the cell shows. <si/> is a valid empty string.
 */
#include <string.h>

#include "util/mem.h"
#include "xlsx_internal.h"

typedef struct sst_ctx {
    xlsx_sst *sst;
    const ooxml_limits *lim;
    pl_error *err;
    const char *part;
    uint64_t max_bytes;
    bool in_si;
    int rph; /* depth inside <rPh> */
    bool in_t;
    size_t t_start; /* where the current <t> began in buf */
} sst_ctx;

static bool sst_reserve(sst_ctx *c, xs_parser *p, size_t extra)
{
    xlsx_sst *s = c->sst;
    if ((uint64_t)s->len + extra > c->max_bytes) {
        pl_error_set(c->err, PL_E_LIMIT, c->part, "shared strings bytes");
        c->err->value = (long long)(s->len + extra);
        c->err->limit = (long long)c->lim->max_shared_bytes;
        xs_abort(p, PL_E_LIMIT, NULL);
        return false;
    }
    if (s->len + extra > s->cap) {
        size_t cap = s->cap ? s->cap : 4096;
        while (cap < s->len + extra)
            cap *= 2;
        s->buf = pl_xrealloc(s->buf, cap);
        s->cap = cap;
    }
    return true;
}

static void sst_start(xs_parser *p, void *ctx, xs_ns ns, const char *name, const xs_attr *at, int n)
{
    sst_ctx *c = ctx;
    if (ns != XS_NS_S) return;
    if (strcmp(name, "si") == 0) {
        xlsx_sst *s = c->sst;
        if (s->n >= c->lim->max_shared_strings) {
            pl_error_set(c->err, PL_E_LIMIT, c->part, "shared strings");
            c->err->value = (long long)s->n + 1;
            c->err->limit = (long long)c->lim->max_shared_strings;
            xs_abort(p, PL_E_LIMIT, NULL);
            return;
        }
        PL_GROW(s->off, s->cap_off, s->n + 2);
        s->off[s->n] = (uint32_t)s->len;
        c->in_si = true;
        c->rph = 0;
    } else if (!c->in_si) {
        if (strcmp(name, "sst") == 0) {
            /* Pre-size from the declared count, but never trust it far. */
            long long unique = xs_attr_int(at, n, XS_NS_OTHER, "uniqueCount", 0);
            if (unique > 0 && unique <= 1 << 20 && (uint64_t)unique <= c->lim->max_shared_strings)
                PL_GROW(c->sst->off, c->sst->cap_off, (size_t)unique + 1);
        }
    } else if (strcmp(name, "rPh") == 0) {
        c->rph++;
    } else if (strcmp(name, "t") == 0 && c->rph == 0) {
        c->in_t = true;
        c->t_start = c->sst->len;
    }
}

static void sst_end(xs_parser *p, void *ctx, xs_ns ns, const char *name)
{
    sst_ctx *c = ctx;
    if (ns != XS_NS_S || !c->in_si) return;
    xlsx_sst *s = c->sst;
    if (strcmp(name, "t") == 0 && c->in_t) {
        c->in_t = false;
        s->len = c->t_start + xlsx_unescape(s->buf + c->t_start, s->len - c->t_start);
    } else if (strcmp(name, "rPh") == 0) {
        if (c->rph > 0) c->rph--;
    } else if (strcmp(name, "si") == 0) {
        if (!sst_reserve(c, p, 1)) return;
        s->buf[s->len++] = '\0';
        s->n++;
        s->off[s->n] = (uint32_t)s->len;
        c->in_si = false;
    }
}

static void sst_text(xs_parser *p, void *ctx, const char *txt, size_t n)
{
    sst_ctx *c = ctx;
    if (!c->in_t) return;
    if (!sst_reserve(c, p, n)) return;
    memcpy(c->sst->buf + c->sst->len, txt, n);
    c->sst->len += n;
}

pl_status xlsx_sst_read(pkg *pk, const char *part, const ooxml_limits *lim, xlsx_sst *sst,
                        pl_error *err)
{
    sst_ctx c = {.sst = sst, .lim = lim, .err = err, .part = part};
    /* offsets are 32-bit: the buffer stays below 4 GiB whatever the limit */
    c.max_bytes = lim->max_shared_bytes < UINT32_MAX - 1 ? lim->max_shared_bytes : UINT32_MAX - 1;
    PL_GROW(sst->off, sst->cap_off, 1);
    sst->off[0] = 0;
    xs_handler h = {.ctx = &c, .start = sst_start, .end = sst_end, .text = sst_text};
    pl_status s = xs_parse_part(pk, part, &h, err);
    if (s == PL_OK && sst->cap > sst->len + 4096) {
        /* give back the doubling slack: the table lives for the whole read */
        sst->buf = pl_xrealloc(sst->buf, sst->len ? sst->len : 1);
        sst->cap = sst->len ? sst->len : 1;
    }
    return s;
}

const char *xlsx_sst_get(const xlsx_sst *sst, size_t i, uint32_t *len)
{
    if (i >= sst->n) return NULL;
    *len = sst->off[i + 1] - sst->off[i] - 1;
    return sst->buf + sst->off[i];
}

void xlsx_sst_free(xlsx_sst *sst)
{
    free(sst->buf);
    free(sst->off);
    memset(sst, 0, sizeof *sst);
}

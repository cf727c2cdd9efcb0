/*
 * xlsx_merge.c - which cells are the top-left corner of a merged range.
 *
 * <mergeCells> comes after <sheetData>, so a streaming reader learns about
 * merges only when every cell has gone to the sink. Parsing the sheet twice
 * would double the cost of the largest part of a workbook; instead, before
 * the real parse, the part is inflated once more and its raw bytes are
 * searched for mergeCell tags, which costs a fraction of an XML parse.
 * Even that is only worth it for sheets of the size of a form (merged
 * headers, 様式), so sheets above XLSX_MERGE_SCAN_MAX bytes of XML are not
 * scanned and their cells carry no DOC_F_MERGED flag; ledgers that large
 * are tables, where merges are rare.
 *
 * The scan is deliberately simple and fails safe: it looks for "mergeCell"
 * preceded by '<' or a prefix colon and followed by a blank, then for a
 * ref="A1:B2" attribute inside that tag. Refs are plain ASCII, so no entity
 * handling is needed. A tag longer than the carry buffer is ignored.
 */
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"
#include "xlsx_internal.h"

enum { MERGE_CARRY = 1024, MERGE_MAX = 1 << 20 };

typedef struct scan_ctx {
    xlsx_merges *m;
    char carry[MERGE_CARRY];
    size_t ncarry;
    char *buf;
    size_t cap;
} scan_ctx;

static void add_ref(xlsx_merges *m, const char *v, size_t n)
{
    const char *colon = memchr(v, ':', n);
    size_t first = colon ? (size_t)(colon - v) : n;
    uint32_t row, col;
    if (!xlsx_parse_ref(v, first, &row, &col) || row == 0 || col == 0) return;
    if (m->n >= MERGE_MAX) return;
    PL_GROW(m->keys, m->cap, m->n + 1);
    m->keys[m->n++] = (uint64_t)row << 16 | col;
}

/* ref="..." inside the tag text t[0..n) */
static void tag_ref(xlsx_merges *m, const char *t, size_t n)
{
    for (size_t i = 0; i + 4 < n; i++) {
        if (memcmp(t + i, "ref", 3) != 0) continue;
        if (i > 0 && t[i - 1] != ' ' && t[i - 1] != '\t' && t[i - 1] != '\n' && t[i - 1] != '\r')
            continue;
        size_t j = i + 3;
        while (j < n && (t[j] == ' ' || t[j] == '\t' || t[j] == '\n' || t[j] == '\r'))
            j++;
        if (j >= n || t[j] != '=') continue;
        j++;
        while (j < n && (t[j] == ' ' || t[j] == '\t' || t[j] == '\n' || t[j] == '\r'))
            j++;
        if (j >= n || (t[j] != '"' && t[j] != '\'')) continue;
        char q = t[j++];
        const char *end = memchr(t + j, q, n - j);
        if (end) add_ref(m, t + j, (size_t)(end - (t + j)));
        return;
    }
}

/* memmem is not in POSIX. An upper-case C is rare in sheet XML (element and
 * attribute names are camelCase with a lower-case start, cell data sits in
 * shared strings), so finding the C of "mergeCell" first is cheap. */
static const char *find_name(const char *s, size_t n)
{
    const char *end = s + n;
    const char *p = s + 5;
    while (end - p >= 4) {
        const char *c = memchr(p, 'C', (size_t)(end - p) - 3);
        if (!c) return NULL;
        if (memcmp(c - 5, "mergeCell", 9) == 0) return c - 5;
        p = c + 1;
    }
    return NULL;
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/' || c == '>';
}

/* Scans s[0..n); returns how many trailing bytes must be kept for the next
 * chunk (a tag or a name cut by the chunk boundary). */
static size_t scan(xlsx_merges *m, const char *s, size_t n)
{
    size_t i = 0;
    while (n - i >= 9) {
        const char *hit = find_name(s + i, n - i);
        if (!hit) break;
        size_t at = (size_t)(hit - s);
        if (at + 9 >= n) return n - (at > 0 ? at - 1 : 0); /* next byte unseen */
        bool open = at > 0 && (s[at - 1] == '<' || s[at - 1] == ':');
        if (!open || !is_blank(s[at + 9])) { /* <mergeCells>, text, ... */
            i = at + 9;
            continue;
        }
        const char *gt = memchr(s + at, '>', n - at);
        if (!gt) return n - (at - 1); /* the tag continues in the next chunk */
        tag_ref(m, s + at + 9, (size_t)(gt - (s + at + 9)));
        i = (size_t)(gt - s) + 1;
    }
    /* a name split by the boundary: "<mergeCe" + "ll ref=..." */
    return n - i < 10 ? n - i : 10;
}

static bool scan_chunk(void *ctx, const char *data, size_t n)
{
    scan_ctx *c = ctx;
    size_t total = c->ncarry + n;
    if (total > c->cap) {
        c->buf = pl_xrealloc(c->buf, total);
        c->cap = total;
    }
    memcpy(c->buf, c->carry, c->ncarry);
    memcpy(c->buf + c->ncarry, data, n);
    size_t keep = scan(c->m, c->buf, total);
    if (keep > MERGE_CARRY) keep = 0; /* an absurdly long tag: give up on it */
    memcpy(c->carry, c->buf + total - keep, keep);
    c->ncarry = keep;
    return true;
}

static int key_cmp(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

pl_status xlsx_merges_scan(pkg *pk, const char *part, xlsx_merges *m, pl_error *err)
{
    memset(m, 0, sizeof *m);
    if (pkg_part_size(pk, part) > XLSX_MERGE_SCAN_MAX) return PL_OK;
    scan_ctx c = {.m = m};
    pl_status s = pkg_read_part(pk, part, scan_chunk, &c, err);
    free(c.buf);
    if (m->n > 1) qsort(m->keys, m->n, sizeof *m->keys, key_cmp);
    return s;
}

bool xlsx_merges_has(const xlsx_merges *m, uint32_t row, uint32_t col)
{
    uint64_t key = (uint64_t)row << 16 | col;
    size_t lo = 0, hi = m->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (m->keys[mid] < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < m->n && m->keys[lo] == key;
}

void xlsx_merges_free(xlsx_merges *m)
{
    free(m->keys);
    memset(m, 0, sizeof *m);
}

/*
 * docx_styles.c - styles.xml as a compact table.
 *
 * The story reader asks three questions of a paragraph's style: is it a
 * heading (outline level, or a name like "heading 2" / 見出し 2), is it in a
 * list (numPr inherited through basedOn), and is its text hidden (vanish).
 * styles.xml is read once per document into an array of small records; the
 * basedOn chains are followed once at the end, so that every later lookup is
 * a binary search on the style id and a field read. Chains are walked with
 * a step limit, so a cycle in basedOn (which Word tolerates) cannot loop.
 * Property changes (w:pPrChange, w:rPrChange) and table-conditional
 * formatting (w:tblStylePr) are skipped: they are not the style's current
 * properties.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "docx_internal.h"
#include "util/mem.h"

enum { STYLE_CHAIN_MAX = 64 };

typedef enum st_elem {
    ST_OTHER = 0,
    ST_SKIP,
    ST_DOC_DEFAULTS,
    ST_RPR_DEFAULT,
    ST_STYLE,
    ST_PPR,
    ST_RPR,
    ST_NUMPR,
} st_elem;

typedef struct st_ctx {
    docx_styles *st;
    uint8_t *stack;
    size_t depth, cap;
    size_t skip; /* > 0 while inside a subtree we ignore */
    docx_style *cur;
} st_ctx;

void docx_styles_init(docx_styles *st)
{
    memset(st, 0, sizeof *st);
    arena_init(&st->mem);
    st->default_para = -1;
    st->default_vanish = -1;
}

void docx_styles_free(docx_styles *st)
{
    free(st->items);
    free(st->sorted);
    arena_free(&st->mem);
    memset(st, 0, sizeof *st);
}

static const char *attr_dup(docx_styles *st, const xs_attr *at, int n, const char *name)
{
    size_t len;
    const char *v = xs_attr_get(at, n, XS_NS_W, name, &len);
    return v ? arena_strndup(&st->mem, v, len) : NULL;
}

static int8_t on_off(const xs_attr *at, int n)
{
    return xs_attr_bool(at, n, XS_NS_W, "val", true) ? 1 : 0;
}

static uint8_t parent(const st_ctx *c)
{
    return c->depth ? c->stack[c->depth - 1] : ST_OTHER;
}

static void style_begin(st_ctx *c, const xs_attr *at, int n)
{
    docx_styles *st = c->st;
    PL_GROW(st->items, st->cap, st->n + 1);
    docx_style *s = &st->items[st->n++];
    memset(s, 0, sizeof *s);
    char type[16] = "";
    xs_attr_str(at, n, XS_NS_W, "type", type, sizeof type);
    s->type = strcmp(type, "character") == 0   ? DOCX_STYLE_CHARACTER
              : strcmp(type, "table") == 0     ? DOCX_STYLE_TABLE
              : strcmp(type, "numbering") == 0 ? DOCX_STYLE_NUMBERING
                                               : DOCX_STYLE_PARAGRAPH;
    s->id = attr_dup(st, at, n, "styleId");
    if (!s->id) s->id = "";
    s->is_default = xs_attr_bool(at, n, XS_NS_W, "default", false);
    s->based_on = -1;
    s->outline = s->vanish = s->ilvl = -1;
    s->num_id = -1;
    c->cur = s;
}

/* Which of our elements is this, given where it sits? */
static st_elem classify(st_ctx *c, const char *name, const xs_attr *at, int n)
{
    uint8_t up = parent(c);
    docx_style *s = c->cur;
    switch (up) {
    case ST_OTHER:
        if (strcmp(name, "style") == 0) {
            style_begin(c, at, n);
            return ST_STYLE;
        }
        if (strcmp(name, "docDefaults") == 0) return ST_DOC_DEFAULTS;
        if (strcmp(name, "latentStyles") == 0) return ST_SKIP;
        return ST_OTHER;
    case ST_DOC_DEFAULTS:
        return strcmp(name, "rPrDefault") == 0 ? ST_RPR_DEFAULT : ST_SKIP;
    case ST_RPR_DEFAULT:
        return strcmp(name, "rPr") == 0 ? ST_RPR : ST_SKIP;
    case ST_STYLE:
        if (strcmp(name, "name") == 0) {
            s->name = attr_dup(c->st, at, n, "val");
        } else if (strcmp(name, "basedOn") == 0) {
            s->based_on_id = attr_dup(c->st, at, n, "val");
        } else if (strcmp(name, "pPr") == 0) {
            return ST_PPR;
        } else if (strcmp(name, "rPr") == 0) {
            return ST_RPR;
        }
        return ST_SKIP; /* tblStylePr, tblPr, trPr ... */
    case ST_PPR:
        if (!s) return ST_SKIP;
        if (strcmp(name, "numPr") == 0) return ST_NUMPR;
        if (strcmp(name, "outlineLvl") == 0)
            s->outline = (int8_t)xs_attr_int(at, n, XS_NS_W, "val", 9);
        return ST_SKIP;
    case ST_NUMPR:
        if (strcmp(name, "ilvl") == 0)
            s->ilvl = (int8_t)xs_attr_int(at, n, XS_NS_W, "val", 0);
        else if (strcmp(name, "numId") == 0)
            s->num_id = (int32_t)xs_attr_int(at, n, XS_NS_W, "val", 0);
        return ST_SKIP;
    case ST_RPR:
        if (strcmp(name, "vanish") == 0) {
            if (s)
                s->vanish = on_off(at, n);
            else
                c->st->default_vanish = on_off(at, n);
        }
        return ST_SKIP;
    default:
        return ST_SKIP;
    }
}

static void st_start(xs_parser *p, void *ctx, xs_ns ns, const char *name, const xs_attr *at, int n)
{
    (void)p;
    st_ctx *c = ctx;
    if (c->skip) {
        c->skip++;
        return;
    }
    st_elem e = ns == XS_NS_W ? classify(c, name, at, n) : ST_SKIP;
    if (e == ST_SKIP) {
        c->skip = 1;
        return;
    }
    PL_GROW(c->stack, c->cap, c->depth + 1);
    c->stack[c->depth++] = (uint8_t)e;
}

static void st_end(xs_parser *p, void *ctx, xs_ns ns, const char *name)
{
    (void)p, (void)ns, (void)name;
    st_ctx *c = ctx;
    if (c->skip) {
        c->skip--;
        return;
    }
    if (c->depth && c->stack[--c->depth] == ST_STYLE) c->cur = NULL;
}

/* "heading 3", "Heading3", "見出し 3", "見出し３" -> 3; anything else 0. */
static int8_t heading_from_name(const char *name)
{
    if (!name) return 0;
    const char *s = NULL;
    if (strncasecmp(name, "heading", 7) == 0)
        s = name + 7;
    else if (strncmp(name, "見出し", strlen("見出し")) == 0)
        s = name + strlen("見出し");
    if (!s) return 0;
    if (*s == ' ')
        s++;
    else if (strncmp(s, "\u3000", 3) == 0)
        s += 3;
    int d = -1;
    if (*s >= '1' && *s <= '9') {
        d = *s - '0';
        s++;
    } else if ((unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBC &&
               (unsigned char)s[2] >= 0x91 && (unsigned char)s[2] <= 0x99) {
        d = (unsigned char)s[2] - 0x90; /* full-width １..９ */
        s += 3;
    }
    return (d > 0 && *s == '\0') ? (int8_t)d : 0;
}

typedef struct style_key {
    const char *id;
    int32_t index;
} style_key;

static int key_cmp(const void *a, const void *b)
{
    const style_key *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    return c ? c : (x->index > y->index) - (x->index < y->index);
}

int32_t docx_styles_find(const docx_styles *st, const char *id, size_t len)
{
    size_t lo = 0, hi = st->n;
    while (lo < hi) { /* lower bound: the first of equal ids wins */
        size_t mid = (lo + hi) / 2;
        const char *s = st->sorted[mid].id;
        int c = strncmp(s, id, len);
        if (c == 0 && s[len] != '\0') c = 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < st->n) {
        const char *s = st->sorted[lo].id;
        if (strncmp(s, id, len) == 0 && s[len] == '\0') return st->sorted[lo].index;
    }
    return -1;
}

/* Follows basedOn once for every style and stores the inherited values. */
static void resolve(docx_styles *st)
{
    st->sorted = pl_xmalloc((st->n ? st->n : 1) * sizeof *st->sorted);
    for (size_t i = 0; i < st->n; i++)
        st->sorted[i] = (style_key){st->items[i].id, (int32_t)i};
    qsort(st->sorted, st->n, sizeof *st->sorted, key_cmp);
    for (size_t i = 0; i < st->n; i++) {
        docx_style *s = &st->items[i];
        if (s->based_on_id)
            s->based_on = docx_styles_find(st, s->based_on_id, strlen(s->based_on_id));
        if (s->is_default && s->type == DOCX_STYLE_PARAGRAPH && st->default_para < 0)
            st->default_para = (int32_t)i;
        s->name_heading = heading_from_name(s->name);
    }
    for (size_t i = 0; i < st->n; i++) {
        docx_style *s = &st->items[i];
        s->eff_outline = s->eff_vanish = s->eff_ilvl = -1;
        s->eff_num_id = -1;
        int32_t k = (int32_t)i;
        for (int steps = 0; k >= 0 && steps < STYLE_CHAIN_MAX; steps++) {
            const docx_style *b = &st->items[k];
            if (s->eff_outline < 0) s->eff_outline = b->outline;
            if (s->eff_vanish < 0) s->eff_vanish = b->vanish;
            if (s->eff_ilvl < 0) s->eff_ilvl = b->ilvl;
            if (s->eff_num_id < 0) s->eff_num_id = b->num_id;
            k = b->based_on;
        }
    }
}

static pl_status finish(st_ctx *c, pl_status s)
{
    free(c->stack);
    resolve(c->st);
    return s;
}

pl_status docx_styles_read(pkg *pk, const char *part, docx_styles *st, pl_error *err)
{
    st_ctx c = {.st = st};
    xs_handler h = {.ctx = &c, .start = st_start, .end = st_end};
    pl_status s = pkg_has_part(pk, part) ? xs_parse_part(pk, part, &h, err) : PL_OK;
    return finish(&c, s);
}

pl_status docx_styles_parse_memory(const char *xml, size_t n, docx_styles *st, pl_error *err)
{
    ooxml_options opt;
    ooxml_options_default(&opt);
    st_ctx c = {.st = st};
    xs_handler h = {.ctx = &c, .start = st_start, .end = st_end};
    return finish(&c, xs_parse_memory(xml, n, "word/styles.xml", &opt.limits, &h, err));
}

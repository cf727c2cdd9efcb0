/*
 * docx_numbering.c - list numbering: numbering.xml, counters, labels.
 *
 * Word draws a list label from three layers:
 *   w:abstractNum   the list definition: per level a start value, a number
 *                   format, a label template (lvlText "第%1条"), a restart
 *                   rule and the separator after the label (w:suff);
 *   w:num           an instance (numId) pointing at one abstractNum, maybe
 *                   overriding a level's start (startOverride) or the whole
 *                   level (lvlOverride/w:lvl);
 *   styles          a numbering style lets one list borrow another's
 *                   definition (numStyleLink -> style -> numId -> the list
 *                   with the matching styleLink).
 * Counters live on the abstractNum, not on the num: every instance of one
 * definition continues the same sequence, which is how Word continues a list
 * across instances (and what pandoc's lists_continuing/lists_restart_8367
 * fixtures expect). An instance with a startOverride restarts the sequence at
 * that value the first time it is used at that level. Using a level resets
 * the deeper levels unless their w:lvlRestart says otherwise.
 *
 * The tables are built once per document; the counters are reset for each
 * story part (body, each header, notes, comments).
 */
#include <stdlib.h>
#include <string.h>

#include "docx_internal.h"
#include "util/mem.h"
#include "util/utf8.h"

enum { LINK_HOPS_MAX = 8 };

typedef enum nb_elem {
    NB_OTHER = 0,
    NB_SKIP,
    NB_ABSTRACT,
    NB_NUM,
    NB_LVL_OVERRIDE,
    NB_LVL,
    NB_LVL_RPR,
} nb_elem;

typedef struct nb_ctx {
    docx_numbering *nb;
    uint8_t *stack;
    size_t depth, cap;
    size_t skip;
    numbering_abstract *abs; /* being read (index into nb->abstracts) */
    size_t abs_index;
    size_t num_index;
    int override_ilvl;
    bool in_override; /* the w:lvl being read overrides an abstractNum level */
    numbering_level *lvl;
} nb_ctx;

void docx_numbering_init(docx_numbering *nb, const docx_styles *styles)
{
    memset(nb, 0, sizeof *nb);
    arena_init(&nb->mem);
    nb->styles = styles;
}

void docx_numbering_free(docx_numbering *nb)
{
    free(nb->abstracts);
    free(nb->nums);
    arena_free(&nb->mem);
    memset(nb, 0, sizeof *nb);
}

static const char *attr_dup(docx_numbering *nb, const xs_attr *at, int n, const char *name)
{
    size_t len;
    const char *v = xs_attr_get(at, n, XS_NS_W, name, &len);
    return v ? arena_strndup(&nb->mem, v, len) : NULL;
}

static int32_t clamp_start(long long v)
{
    if (v < 0) return 0;
    if (v > 0x7FFFFFFF) return 0x7FFFFFFF;
    return (int32_t)v;
}

static void level_init(numbering_level *l)
{
    memset(l, 0, sizeof *l);
    l->restart = -1;
    l->suff = '\t';
    l->fmt = LISTFMT_DECIMAL;
}

/* w14 custom formats give a sample ("001, 002, 003"); a run of ASCII digits
 * is a zero-padded decimal of that width. Anything else reads as decimal. */
static void custom_format(numbering_level *l, const char *v, size_t len)
{
    size_t i = 0;
    while (i < len && v[i] == ' ')
        i++;
    size_t start = i;
    while (i < len && v[i] >= '0' && v[i] <= '9')
        i++;
    size_t digits = i - start;
    if (digits > 0 && (i == len || v[i] == ',' || v[i] == ' ')) {
        l->fmt = LISTFMT_CUSTOM;
        l->pad = (uint8_t)(digits > 16 ? 16 : digits);
    } else {
        l->fmt = LISTFMT_DECIMAL;
    }
}

static void level_attr(nb_ctx *c, const char *name, const xs_attr *at, int n)
{
    numbering_level *l = c->lvl;
    size_t len;
    const char *v;
    switch (name[0]) {
    case 's':
        if (strcmp(name, "start") == 0) {
            l->start = clamp_start(xs_attr_int(at, n, XS_NS_W, "val", 0));
            l->has_start = true;
        } else if (strcmp(name, "suff") == 0 && (v = xs_attr_get(at, n, XS_NS_W, "val", &len))) {
            l->suff = (len == 5 && memcmp(v, "space", 5) == 0)     ? ' '
                      : (len == 7 && memcmp(v, "nothing", 7) == 0) ? '\0'
                                                                   : '\t';
        }
        break;
    case 'n':
        if (strcmp(name, "numFmt") == 0 && (v = xs_attr_get(at, n, XS_NS_W, "val", &len))) {
            l->fmt = (uint8_t)listfmt_parse(v, len);
            l->fmt_name = arena_strndup(&c->nb->mem, v, len);
            if (l->fmt == LISTFMT_CUSTOM) {
                const char *f = xs_attr_get(at, n, XS_NS_W, "format", &len);
                custom_format(l, f ? f : "", f ? len : 0);
            }
        }
        break;
    case 'l':
        if (strcmp(name, "lvlText") == 0) {
            l->text = attr_dup(c->nb, at, n, "val");
            l->has_text = l->text != NULL;
        } else if (strcmp(name, "lvlRestart") == 0 && !c->in_override) {
            /* Word ignores lvlRestart in an overriding w:lvl (MS-OI29500) */
            long long r = xs_attr_int(at, n, XS_NS_W, "val", -1);
            l->restart = (int8_t)(r < 0 ? -1 : r > 9 ? 9 : r);
        }
        break;
    case 'p':
        if (strcmp(name, "pStyle") == 0) l->pstyle = attr_dup(c->nb, at, n, "val");
        break;
    case 'i':
        if (strcmp(name, "isLgl") == 0) l->is_lgl = xs_attr_bool(at, n, XS_NS_W, "val", true);
        break;
    default:
        break;
    }
}

static numbering_level *begin_level(nb_ctx *c, uint8_t up, const xs_attr *at, int n)
{
    long long ilvl = xs_attr_int(at, n, XS_NS_W, "ilvl", 0);
    if (up == NB_LVL_OVERRIDE) ilvl = c->override_ilvl;
    if (ilvl < 0 || ilvl >= NUMBERING_LEVELS) return NULL;
    numbering_level *l;
    if (up == NB_ABSTRACT) {
        l = &c->nb->abstracts[c->abs_index].lvl[ilvl];
    } else {
        l = arena_alloc(&c->nb->mem, sizeof *l);
        c->nb->nums[c->num_index].lvl_override[ilvl] = l;
    }
    level_init(l);
    l->defined = true;
    c->in_override = up != NB_ABSTRACT;
    return l;
}

static nb_elem classify(nb_ctx *c, const char *name, const xs_attr *at, int n)
{
    docx_numbering *nb = c->nb;
    uint8_t up = c->depth ? c->stack[c->depth - 1] : NB_OTHER;
    switch (up) {
    case NB_OTHER:
        if (strcmp(name, "abstractNum") == 0) {
            PL_GROW(nb->abstracts, nb->cap_abstracts, nb->nabstracts + 1);
            c->abs_index = nb->nabstracts++;
            numbering_abstract *a = &nb->abstracts[c->abs_index];
            memset(a, 0, sizeof *a);
            a->id = (int32_t)xs_attr_int(at, n, XS_NS_W, "abstractNumId", -1);
            for (int i = 0; i < NUMBERING_LEVELS; i++)
                level_init(&a->lvl[i]);
            return NB_ABSTRACT;
        }
        if (strcmp(name, "num") == 0) {
            PL_GROW(nb->nums, nb->cap_nums, nb->nnums + 1);
            c->num_index = nb->nnums++;
            numbering_num *m = &nb->nums[c->num_index];
            memset(m, 0, sizeof *m);
            m->id = (int32_t)xs_attr_int(at, n, XS_NS_W, "numId", -1);
            m->abstract_id = -1;
            m->abstract = -2;
            return NB_NUM;
        }
        if (strcmp(name, "numbering") == 0) return NB_OTHER;
        return NB_SKIP; /* numPicBullet, numIdMacAtCleanup */
    case NB_ABSTRACT: {
        numbering_abstract *a = &nb->abstracts[c->abs_index];
        if (strcmp(name, "lvl") == 0) {
            c->lvl = begin_level(c, up, at, n);
            return c->lvl ? NB_LVL : NB_SKIP;
        }
        if (strcmp(name, "styleLink") == 0)
            a->style_link = attr_dup(nb, at, n, "val");
        else if (strcmp(name, "numStyleLink") == 0)
            a->num_style_link = attr_dup(nb, at, n, "val");
        return NB_SKIP;
    }
    case NB_NUM: {
        numbering_num *m = &nb->nums[c->num_index];
        if (strcmp(name, "abstractNumId") == 0) {
            m->abstract_id = (int32_t)xs_attr_int(at, n, XS_NS_W, "val", -1);
        } else if (strcmp(name, "lvlOverride") == 0) {
            long long ilvl = xs_attr_int(at, n, XS_NS_W, "ilvl", -1);
            if (ilvl < 0 || ilvl >= NUMBERING_LEVELS) return NB_SKIP;
            c->override_ilvl = (int)ilvl;
            return NB_LVL_OVERRIDE;
        }
        return NB_SKIP;
    }
    case NB_LVL_OVERRIDE: {
        numbering_num *m = &nb->nums[c->num_index];
        if (strcmp(name, "startOverride") == 0) {
            m->has_start_override |= (uint16_t)(1u << c->override_ilvl);
            m->start_override[c->override_ilvl] =
                clamp_start(xs_attr_int(at, n, XS_NS_W, "val", 0));
        } else if (strcmp(name, "lvl") == 0) {
            c->lvl = begin_level(c, up, at, n);
            return c->lvl ? NB_LVL : NB_SKIP;
        }
        return NB_SKIP;
    }
    case NB_LVL:
        if (strcmp(name, "rPr") == 0) return NB_LVL_RPR;
        level_attr(c, name, at, n);
        return NB_SKIP; /* pPr, lvlJc, legacy ... */
    case NB_LVL_RPR:
        if (strcmp(name, "rFonts") == 0 && !c->lvl->font) {
            c->lvl->font = attr_dup(nb, at, n, "ascii");
            if (!c->lvl->font) c->lvl->font = attr_dup(nb, at, n, "hAnsi");
        }
        return NB_SKIP;
    default:
        return NB_SKIP;
    }
}

static void nb_start(xs_parser *p, void *ctx, xs_ns ns, const char *name, const xs_attr *at, int n)
{
    (void)p;
    nb_ctx *c = ctx;
    if (c->skip) {
        c->skip++;
        return;
    }
    nb_elem e = ns == XS_NS_W ? classify(c, name, at, n) : NB_SKIP;
    if (e == NB_SKIP) {
        c->skip = 1;
        return;
    }
    PL_GROW(c->stack, c->cap, c->depth + 1);
    c->stack[c->depth++] = (uint8_t)e;
}

static void nb_end(xs_parser *p, void *ctx, xs_ns ns, const char *name)
{
    (void)p, (void)ns, (void)name;
    nb_ctx *c = ctx;
    if (c->skip) {
        c->skip--;
        return;
    }
    if (c->depth) c->depth--;
}

static int num_cmp(const void *a, const void *b)
{
    int32_t x = ((const numbering_num *)a)->id, y = ((const numbering_num *)b)->id;
    return (x > y) - (x < y);
}

static pl_status finish(nb_ctx *c, pl_status s)
{
    free(c->stack);
    /* A stable order is not needed: duplicate numIds are broken files, and
     * any one of them is as right as another. */
    if (c->nb->nnums) qsort(c->nb->nums, c->nb->nnums, sizeof *c->nb->nums, num_cmp);
    return s;
}

pl_status docx_numbering_read(pkg *pk, const char *part, docx_numbering *nb, pl_error *err)
{
    nb_ctx c = {.nb = nb};
    xs_handler h = {.ctx = &c, .start = nb_start, .end = nb_end};
    pl_status s = pkg_has_part(pk, part) ? xs_parse_part(pk, part, &h, err) : PL_OK;
    return finish(&c, s);
}

pl_status docx_numbering_parse_memory(const char *xml, size_t n, docx_numbering *nb, pl_error *err)
{
    ooxml_options opt;
    ooxml_options_default(&opt);
    nb_ctx c = {.nb = nb};
    xs_handler h = {.ctx = &c, .start = nb_start, .end = nb_end};
    return finish(&c, xs_parse_memory(xml, n, "word/numbering.xml", &opt.limits, &h, err));
}

/* ---- lookups ------------------------------------------------------------- */

static numbering_num *find_num(docx_numbering *nb, int32_t id)
{
    if (!nb->nnums) return NULL; /* bsearch wants a real array even when empty */
    numbering_num key = {.id = id};
    return bsearch(&key, nb->nums, nb->nnums, sizeof *nb->nums, num_cmp);
}

static int32_t find_abstract(const docx_numbering *nb, int32_t id)
{
    for (size_t i = 0; i < nb->nabstracts; i++)
        if (nb->abstracts[i].id == id) return (int32_t)i;
    return -1;
}

/* num -> abstractNum, through numStyleLink -> style -> numId -> abstractNum
 * when the definition lives in a numbering style. Cached on the num. */
static int32_t resolve_abstract(docx_numbering *nb, numbering_num *m)
{
    if (m->abstract != -2) return m->abstract;
    int32_t a = find_abstract(nb, m->abstract_id);
    for (int hop = 0; a >= 0 && hop < LINK_HOPS_MAX; hop++) {
        const char *link = nb->abstracts[a].num_style_link;
        if (!link || !nb->styles) break;
        int32_t si = docx_styles_find(nb->styles, link, strlen(link));
        if (si < 0) break;
        int32_t linked_num = nb->styles->items[si].eff_num_id;
        numbering_num *m2 = linked_num > 0 ? find_num(nb, linked_num) : NULL;
        int32_t a2 = m2 ? find_abstract(nb, m2->abstract_id) : -1;
        if (a2 < 0 || a2 == a) break;
        a = a2;
    }
    m->abstract = a;
    return a;
}

static const numbering_level *level_def(const docx_numbering *nb, const numbering_num *m, int32_t a,
                                        int k)
{
    if (m->lvl_override[k] && m->lvl_override[k]->defined) return m->lvl_override[k];
    return &nb->abstracts[a].lvl[k];
}

void docx_numbering_reset(docx_numbering *nb)
{
    for (size_t i = 0; i < nb->nabstracts; i++) {
        memset(nb->abstracts[i].count, 0, sizeof nb->abstracts[i].count);
        memset(nb->abstracts[i].used, 0, sizeof nb->abstracts[i].used);
    }
    for (size_t i = 0; i < nb->nnums; i++)
        nb->nums[i].started = 0;
}

int docx_numbering_level_for_style(docx_numbering *nb, int32_t num_id, const char *style_id)
{
    numbering_num *m = find_num(nb, num_id);
    if (!m || !style_id) return -1;
    int32_t a = resolve_abstract(nb, m);
    if (a < 0) return -1;
    for (int k = 0; k < NUMBERING_LEVELS; k++) {
        const numbering_level *l = level_def(nb, m, a, k);
        if (l->defined && l->pstyle && strcmp(l->pstyle, style_id) == 0) return k;
    }
    return -1;
}

/* ---- counting and rendering ---------------------------------------------- */

static uint32_t clamp_value(int64_t v)
{
    return v < 0 ? 0 : v > 0xFFFFFFFFLL ? 0xFFFFFFFFu : (uint32_t)v;
}

/* The value a level shows in a deeper level's label: its counter, or just
 * below its start when it has not been used yet (Word shows "0.1" for a
 * level-2 heading with no level-1 heading before it). */
static int64_t shown_value(const numbering_abstract *abs, const numbering_level *def, int k)
{
    if (abs->used[k]) return abs->count[k];
    return def->start > 0 ? (int64_t)def->start - 1 : 0;
}

/* Bullet glyphs written in a symbol font ("" in Symbol) become the
 * Unicode sign they show (•). */
static void put_bullet(const numbering_level *def, sbuf *label)
{
    const char *s = def->text;
    size_t n = strlen(s);
    if (!docx_is_symbol_font(def->font)) {
        sbuf_append(label, s, n);
        return;
    }
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        if (!k) { /* attribute values are valid UTF-8; be safe anyway */
            sbuf_putc(label, s[i++]);
            continue;
        }
        uint32_t mapped = (cp >= 0x20 && cp <= 0xFF) || (cp >= 0xF020 && cp <= 0xF0FF)
                              ? docx_symbol_to_unicode(def->font, cp)
                              : 0;
        if (mapped) {
            char buf[4];
            sbuf_append(label, buf, utf8_encode(mapped, buf));
        } else {
            sbuf_append(label, s + i, k);
        }
        i += k;
    }
}

static void render(const docx_numbering *nb, const numbering_num *m, int32_t a, int ilvl,
                   sbuf *label)
{
    const numbering_abstract *abs = &nb->abstracts[a];
    const numbering_level *cur = level_def(nb, m, a, ilvl);
    const char *t = cur->text;
    for (size_t i = 0; t[i];) {
        if (t[i] == '%' && t[i + 1] >= '1' && t[i + 1] <= '9') {
            int k = t[i + 1] - '1';
            const numbering_level *def = level_def(nb, m, a, k);
            listfmt fmt = cur->is_lgl ? LISTFMT_DECIMAL : (listfmt)def->fmt;
            if (fmt == LISTFMT_BULLET) fmt = LISTFMT_DECIMAL;
            int64_t v = k == ilvl ? abs->count[k] : shown_value(abs, def, k);
            listfmt_format(fmt, clamp_value(v), def->pad, label);
            i += 2;
        } else {
            sbuf_putc(label, t[i++]);
        }
    }
}

bool docx_numbering_next(docx_numbering *nb, int32_t num_id, int ilvl, numbering_result *res,
                         sbuf *label)
{
    sbuf_reset(label);
    if (num_id <= 0 || ilvl < 0 || ilvl >= NUMBERING_LEVELS) return false;
    numbering_num *m = find_num(nb, num_id);
    if (!m) return false;
    int32_t a = resolve_abstract(nb, m);
    if (a < 0) return false;
    numbering_abstract *abs = &nb->abstracts[a];
    const numbering_level *def = level_def(nb, m, a, ilvl);
    if (!def->defined) return false;

    /* A level skipped between a used shallower level and this one counts
     * as numbered once: Word shows 1. / i. / ii. / b. (not a.) when level 2
     * items come straight after a level-0 item and level 1 follows them,
     * and LibreOffice does the same. A level with no used level above it
     * is not counted; it shows just below its start ("0.1"). */
    int deepest_used = -1;
    for (int k = 0; k < ilvl; k++)
        if (abs->used[k]) deepest_used = k;
    for (int k = deepest_used + 1; deepest_used >= 0 && k < ilvl; k++) {
        if (abs->used[k]) continue;
        abs->count[k] = level_def(nb, m, a, k)->start;
        abs->used[k] = true;
    }

    uint16_t bit = (uint16_t)(1u << ilvl);
    bool override_start = (m->has_start_override & bit) ||
                          (m->lvl_override[ilvl] && m->lvl_override[ilvl]->has_start);
    if (override_start && !(m->started & bit)) {
        int32_t start =
            (m->has_start_override & bit) ? m->start_override[ilvl] : m->lvl_override[ilvl]->start;
        abs->count[ilvl] = (int64_t)start - 1;
        abs->used[ilvl] = true;
        m->started |= bit;
    } else if (!abs->used[ilvl]) {
        abs->count[ilvl] = (int64_t)def->start - 1;
        abs->used[ilvl] = true;
    }
    abs->count[ilvl]++;
    for (int k = ilvl + 1; k < NUMBERING_LEVELS; k++) {
        const numbering_level *dk = level_def(nb, m, a, k);
        int restart = dk->restart < 0 ? k : dk->restart; /* default: any shallower level */
        if (restart > 0 && ilvl < restart) abs->used[k] = false;
    }

    res->value = clamp_value(abs->count[ilvl]);
    res->level = (uint8_t)ilvl;
    res->suffix = def->suff;
    res->format = def->fmt_name ? def->fmt_name : listfmt_name((listfmt)def->fmt);
    res->has_label = def->has_text;
    if (def->has_text) {
        if (def->fmt == LISTFMT_BULLET)
            put_bullet(def, label);
        else
            render(nb, m, a, ilvl, label);
    }
    return true;
}

/*
 * load.c - reading policies/guideline/: validate, then resolve the editions.
 *
 * Files are small and written by people, so each is read as a tree and
 * validated against the embedded schema (util/xmlfile.h). Resolution then
 * runs in date order, because an edition is defined by what it changes:
 *   - its outline is an earlier edition's (outline from=...) with sections
 *     overridden, added or removed, or a full list;
 *   - its requirements are the previous edition's with <item> added,
 *     <revise> giving a new version of one, <withdraw> dropping one.
 * Afterwards every requirement in force must name a section of the edition's
 * outline, so a section that moves or disappears forces its requirements to
 * be revised in the same file. Every error carries the file and line.
 */
#include <dirent.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "internal.h"
#include "util/mem.h"
#include "util/xmlfile.h"

extern const unsigned char guideline_schema_rng[];
extern const size_t guideline_schema_rng_len;

#define NS "urn:polint:guideline:1"

typedef struct loader {
    guideline_set *g;
    const char *file;
    pl_error *err;
} loader;

#define fail_at(ld, node, ...) xmlfile_fail((ld)->err, (ld)->file, (node), __VA_ARGS__)

static bool is(const xmlNode *n, const char *name)
{
    return xmlfile_is(n, NS, name);
}

static const char *attr(loader *ld, const xmlNode *n, const char *name)
{
    char *v = xmlfile_attr(n, name);
    if (!v) return NULL;
    const char *s = arena_strdup(&ld->g->mem, v);
    xmlFree(v);
    return s;
}

static const char *content(loader *ld, const xmlNode *n)
{
    xmlChar *v = xmlNodeGetContent(n);
    const char *s = arena_strdup(&ld->g->mem, v ? (const char *)v : "");
    xmlFree(v);
    return s;
}

/* The ja/en pair of children called name (the schema makes both present
 * wherever it requires them). */
static void texts(loader *ld, const xmlNode *parent, const char *name, const char **ja,
                  const char **en)
{
    for (const xmlNode *c = parent->children; c; c = c->next) {
        if (!is(c, name)) continue;
        const char *lang = attr(ld, c, "lang");
        if (lang && strcmp(lang, "ja") == 0) *ja = content(ld, c);
        if (lang && strcmp(lang, "en") == 0) *en = content(ld, c);
    }
}

/* Every <note> of parent, joined; NULL if none. */
static const char *notes(loader *ld, const xmlNode *parent)
{
    sbuf b = SBUF_INIT;
    for (const xmlNode *c = parent->children; c; c = c->next) {
        if (!is(c, "note")) continue;
        xmlChar *v = xmlNodeGetContent(c);
        if (b.len) sbuf_puts(&b, " / ");
        sbuf_puts(&b, v ? (const char *)v : "");
        xmlFree(v);
    }
    const char *s = b.len ? arena_strdup(&ld->g->mem, sbuf_cstr(&b)) : NULL;
    sbuf_free(&b);
    return s;
}

static bool has_child(const xmlNode *parent, const char *name)
{
    for (const xmlNode *c = parent->children; c; c = c->next)
        if (is(c, name)) return true;
    return false;
}

static guideline_confidence confidence_of(const char *s)
{
    if (s && strcmp(s, "V") == 0) return GUIDELINE_V;
    if (s && strcmp(s, "S") == 0) return GUIDELINE_S;
    return GUIDELINE_R;
}

static guideline_level level_of(const char *s)
{
    if (s && strcmp(s, "recommended") == 0) return GUIDELINE_RECOMMENDED;
    if (s && strcmp(s, "conditional") == 0) return GUIDELINE_CONDITIONAL;
    return GUIDELINE_REQUIRED;
}

static pattern *compile(loader *ld, const xmlNode *node, const char *raw)
{
    char msg[300];
    pattern *p = gl_pattern_compile(raw, msg, sizeof msg);
    if (!p) {
        fail_at(ld, node, "pattern /%s/: %s", raw, msg);
        return NULL;
    }
    guideline_set *g = ld->g;
    PL_GROW(g->patterns, g->cap_patterns, g->npatterns + 1);
    g->patterns[g->npatterns++] = p;
    return p;
}

/* Every key of a source="..." attribute must be defined in common.xml. */
static pl_status check_sources(loader *ld, const xmlNode *node, const char *list)
{
    if (!list) return PL_OK;
    const char *p = list;
    while (*p) {
        while (*p == ' ') p++;
        const char *end = p;
        while (*end && *end != ' ' && *end != ':') end++;
        if (end > p) {
            char key[128];
            size_t n = (size_t)(end - p) < sizeof key - 1 ? (size_t)(end - p) : sizeof key - 1;
            memcpy(key, p, n);
            key[n] = '\0';
            if (!guideline_source_find(ld->g, key))
                return fail_at(ld, node, "unknown source \"%s\" (define it in common.xml)", key);
        }
        while (*end && *end != ' ') end++;
        p = end;
    }
    return PL_OK;
}

/* ---- common.xml ------------------------------------------------------------ */

static gl_weak *parse_weak_body(loader *ld, const xmlNode *node)
{
    gl_weak *w = arena_alloc(&ld->g->mem, sizeof *w);
    texts(ld, node, "label", &w->label_ja, &w->label_en);
    size_t nunless = 0;
    for (const xmlNode *c = node->children; c; c = c->next)
        if (is(c, "unless")) nunless++;
    w->unless = arena_alloc(&ld->g->mem, (nunless + 1) * sizeof *w->unless);
    for (const xmlNode *c = node->children; c; c = c->next) {
        if (is(c, "re")) {
            if (!(w->re = compile(ld, c, content(ld, c)))) return NULL;
        } else if (is(c, "unless")) {
            pattern *p = compile(ld, c, content(ld, c));
            if (!p) return NULL;
            w->unless[w->nunless++] = p;
        }
    }
    return w;
}

static pl_status load_common(loader *ld, const xmlNode *root)
{
    guideline_set *g = ld->g;
    for (const xmlNode *c = root->children; c; c = c->next) {
        if (is(c, "source")) {
            const char *key = attr(ld, c, "key");
            if (guideline_source_find(g, key))
                return fail_at(ld, c, "source \"%s\" is defined twice", key);
            PL_GROW(g->sources, g->cap_sources, g->nsources + 1);
            g->sources[g->nsources++] = (guideline_source){
                .key = key, .kind = attr(ld, c, "kind"), .url = attr(ld, c, "url"),
                .text = content(ld, c)};
        }
    }
    for (const xmlNode *c = root->children; c; c = c->next) {
        if (!is(c, "weakening")) continue;
        const char *id = attr(ld, c, "id");
        for (size_t i = 0; i < g->nweaks; i++)
            if (strcmp(g->weak_ids[i], id) == 0)
                return fail_at(ld, c, "weakening \"%s\" is defined twice", id);
        gl_weak *w = parse_weak_body(ld, c);
        if (!w) return PL_E_PACK;
        PL_GROW(g->weaks, g->cap_weaks, g->nweaks + 1);
        PL_GROW(g->weak_ids, g->cap_weak_ids, g->nweaks + 1);
        g->weaks[g->nweaks] = w;
        g->weak_ids[g->nweaks++] = id;
    }
    return PL_OK;
}

/* ---- editions: header ---------------------------------------------------------- */

static bool parse_date(const char *s, text_ymd *d, text_prec *prec)
{
    int y = 0, m = 0, day = 1;
    char tail;
    int n = sscanf(s, "%4d-%2d-%2d%c", &y, &m, &day, &tail);
    if (n == 2) *prec = TEXT_PREC_MONTH, day = 1;
    else if (n == 3) *prec = TEXT_PREC_DAY;
    else return false;
    *d = (text_ymd){y, m, day};
    return text_ymd_valid(*d);
}

static const char *basename_of(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

static pl_status parse_edition_header(loader *ld, const xmlNode *root, gl_edition *e)
{
    guideline_edition *p = &e->pub;
    p->id = attr(ld, root, "id");
    p->file = ld->file;
    p->kind = attr(ld, root, "kind");
    p->confidence = confidence_of(attr(ld, root, "confidence"));
    p->source = attr(ld, root, "source");
    const char *date = attr(ld, root, "date");
    if (!parse_date(date, &p->date, &p->precision))
        return fail_at(ld, root, "edition %s: %s is not a date", p->id, date);
    texts(ld, root, "label", &p->label_ja, &p->label_en);
    texts(ld, root, "summary", &p->summary_ja, &p->summary_en);
    p->note = notes(ld, root);
    /* one file per edition, named after it, so that it can be found */
    sbuf want = SBUF_INIT;
    sbuf_printf(&want, "%s.xml", p->id);
    bool named = strcmp(basename_of(ld->file), sbuf_cstr(&want)) == 0;
    sbuf_free(&want);
    if (!named) return fail_at(ld, root, "the file of edition %s must be called %s.xml", p->id, p->id);
    return check_sources(ld, root, p->source);
}

/* ---- editions: outline ---------------------------------------------------------- */

typedef struct building_section {
    guideline_section s;
    int line; /* where this edition set it; 0 when inherited */
} building_section;

typedef struct outline_build {
    building_section *v;
    size_t n, cap;
} outline_build;

static building_section *find_building(outline_build *o, const char *id)
{
    for (size_t i = 0; i < o->n; i++)
        if (strcmp(o->v[i].s.id, id) == 0) return &o->v[i];
    return NULL;
}

/* Numbers compare component by component: 8.2 < 8.10 < 9. */
static int cmp_numbers(const char *a, const char *b)
{
    while (*a || *b) {
        long x = strtol(a, (char **)&a, 10), y = strtol(b, (char **)&b, 10);
        if (x != y) return x < y ? -1 : 1;
        if (*a == '.') a++;
        if (*b == '.') b++;
        if (!*a && *b) return -1;
        if (*a && !*b) return 1;
    }
    return 0;
}

static int cmp_building(const void *pa, const void *pb)
{
    const guideline_section *a = &((const building_section *)pa)->s;
    const guideline_section *b = &((const building_section *)pb)->s;
    if (a->part != b->part) return a->part < b->part ? -1 : 1;
    return cmp_numbers(a->number, b->number);
}

static const char **add_aliases(loader *ld, const xmlNode *node, const char *const *old, size_t nold,
                                size_t *n)
{
    size_t extra = 0;
    for (const xmlNode *c = node->children; c; c = c->next)
        if (is(c, "alias")) extra++;
    const char **v = arena_alloc(&ld->g->mem, (nold + extra + 1) * sizeof *v);
    size_t k = 0;
    for (size_t i = 0; i < nold; i++) v[k++] = old[i];
    for (const xmlNode *c = node->children; c; c = c->next) {
        if (!is(c, "alias")) continue;
        const char *a = content(ld, c);
        bool dup = false;
        for (size_t i = 0; i < k && !dup; i++) dup = strcmp(v[i], a) == 0;
        if (!dup) v[k++] = a;
    }
    *n = k;
    return v;
}

static pl_status apply_section(loader *ld, outline_build *o, const xmlNode *c)
{
    const char *id = attr(ld, c, "id");
    building_section *b = find_building(o, id);
    const char *number = attr(ld, c, "number");
    const char *part = attr(ld, c, "part");
    const char *title_ja = NULL, *title_en = NULL;
    texts(ld, c, "title", &title_ja, &title_en);
    if (!b) {
        if (!number || !title_ja || !title_en)
            return fail_at(ld, c, "new section %s needs a number and a Japanese and an English title", id);
        if (!xmlHasProp(c, (const xmlChar *)"confidence") || !xmlHasProp(c, (const xmlChar *)"source"))
            return fail_at(ld, c, "new section %s needs confidence and source", id);
        PL_GROW(o->v, o->cap, o->n + 1);
        b = &o->v[o->n++];
        memset(b, 0, sizeof *b);
        b->s.id = id;
        b->s.part = part && strcmp(part, "basic") == 0 ? GUIDELINE_PART_BASIC : GUIDELINE_PART_STANDARD;
    } else if (part && (strcmp(part, "basic") == 0) != (b->s.part == GUIDELINE_PART_BASIC)) {
        return fail_at(ld, c, "section %s cannot change part", id);
    }
    b->line = xmlGetLineNo(c);
    if (number) b->s.number = number;
    if (title_ja) b->s.title_ja = title_ja;
    if (title_en) b->s.title_en = title_en;
    if (xmlHasProp(c, (const xmlChar *)"confidence"))
        b->s.confidence = confidence_of(attr(ld, c, "confidence"));
    const char *source = attr(ld, c, "source");
    if (source) {
        if (check_sources(ld, c, source) != PL_OK) return PL_E_PACK;
        b->s.source = source;
    }
    const char *note = notes(ld, c);
    if (note) b->s.note = note;
    if (has_child(c, "alias")) {
        size_t n;
        b->s.aliases = add_aliases(ld, c, b->s.aliases, b->s.naliases, &n);
        b->s.naliases = n;
    }
    return PL_OK;
}

static gl_edition *edition_by_id(guideline_set *g, const char *id, size_t before)
{
    for (size_t i = 0; i < before; i++)
        if (strcmp(g->editions[i]->pub.id, id) == 0) return g->editions[i];
    return NULL;
}

static pl_status resolve_outline(loader *ld, const xmlNode *outline, gl_edition *e)
{
    guideline_set *g = ld->g;
    outline_build o = {0};
    pl_status st = PL_OK;
    e->outline_line = xmlGetLineNo(outline);
    const char *from = attr(ld, outline, "from");
    if (from) {
        gl_edition *base = edition_by_id(g, from, e->pub.index);
        if (!base) {
            st = fail_at(ld, outline, "outline from=\"%s\": no earlier edition has that id", from);
            goto done;
        }
        /* a section this edition does not restate is carried over on the
         * assumption that nothing changed: that is an inference (R) */
        for (size_t i = 0; i < base->nsections; i++) {
            PL_GROW(o.v, o.cap, o.n + 1);
            o.v[o.n] = (building_section){base->sections[i], 0};
            o.v[o.n++].s.confidence = GUIDELINE_R;
        }
    }
    for (const xmlNode *c = outline->children; c && st == PL_OK; c = c->next) {
        if (is(c, "section")) {
            st = apply_section(ld, &o, c);
        } else if (is(c, "remove")) {
            const char *id = attr(ld, c, "section");
            building_section *b = find_building(&o, id);
            if (!b) {
                st = fail_at(ld, c, "remove: no section %s in the outline", id);
                break;
            }
            *b = o.v[--o.n];
            guideline_removal r = {id, confidence_of(attr(ld, c, "confidence")),
                                   attr(ld, c, "source"), notes(ld, c)};
            if ((st = check_sources(ld, c, r.source)) != PL_OK) break;
            PL_GROW(e->removals, e->cap_removals, e->nremovals + 1);
            e->removals[e->nremovals++] = r;
        }
    }
    if (st != PL_OK) goto done;
    if (o.n == 0) {
        st = fail_at(ld, outline, "edition %s has an empty outline", e->pub.id);
        goto done;
    }
    qsort(o.v, o.n, sizeof *o.v, cmp_building);
    e->sections = pl_xcalloc(o.n, sizeof *e->sections);
    e->section_lines = pl_xcalloc(o.n, sizeof *e->section_lines);
    e->nsections = o.n;
    for (size_t i = 0; i < o.n; i++) {
        e->sections[i] = o.v[i].s;
        e->section_lines[i] = o.v[i].line;
    }
    /* numbers unique per part, parents present */
    for (size_t i = 0; i < e->nsections && st == PL_OK; i++) {
        guideline_section *s = &e->sections[i];
        int line = e->section_lines[i] ? e->section_lines[i] : e->outline_line;
        if (i > 0 && e->sections[i - 1].part == s->part &&
            cmp_numbers(e->sections[i - 1].number, s->number) == 0) {
            st = fail_at(ld, NULL, "sections %s and %s both have the number %s in edition %s",
                         e->sections[i - 1].id, s->id, s->number, e->pub.id);
            ld->err->line = line;
            break;
        }
        s->depth = 1;
        for (const char *p = s->number; *p; p++)
            if (*p == '.') s->depth++;
        s->parent = -1;
        if (s->depth > 1) {
            size_t plen = (size_t)(strrchr(s->number, '.') - s->number);
            for (size_t k = 0; k < i; k++) {
                const guideline_section *q = &e->sections[k];
                if (q->part == s->part && strlen(q->number) == plen &&
                    strncmp(q->number, s->number, plen) == 0)
                    s->parent = (int)k;
            }
            if (s->parent < 0) {
                st = fail_at(ld, NULL, "section %s (%s): edition %s has no section %.*s above it",
                             s->id, s->number, e->pub.id, (int)plen, s->number);
                ld->err->line = line;
            }
        }
    }
done:
    free(o.v);
    return st;
}

/* ---- editions: requirements -------------------------------------------------------- */

static guideline_detect *detect_matches(loader *ld, const xmlNode *node, guideline_detect *d)
{
    size_t n = 0;
    for (const xmlNode *c = node->children; c; c = c->next)
        if (is(c, "match")) n++;
    if (!n) return d;
    d->matches = arena_alloc(&ld->g->mem, n * sizeof *d->matches);
    d->nmatches = 0;
    for (const xmlNode *c = node->children; c; c = c->next) {
        if (!is(c, "match")) continue;
        gl_match *m = &d->matches[d->nmatches++];
        const char *within = attr(ld, c, "within");
        m->block = within && strcmp(within, "block") == 0;
        size_t nre = 0, nnot = 0;
        for (const xmlNode *r = c->children; r; r = r->next) nre += is(r, "re"), nnot += is(r, "not");
        m->re = arena_alloc(&ld->g->mem, (nre + 1) * sizeof *m->re);
        m->not = arena_alloc(&ld->g->mem, (nnot + 1) * sizeof *m->not);
        for (const xmlNode *r = c->children; r; r = r->next) {
            if (!is(r, "re") && !is(r, "not")) continue;
            pattern *p = compile(ld, r, content(ld, r));
            if (!p) return NULL;
            if (is(r, "re")) m->re[m->nre++] = p;
            else m->not[m->nnot++] = p;
        }
    }
    return d;
}

static guideline_detect *detect_weaks(loader *ld, const xmlNode *node, guideline_detect *d)
{
    size_t n = 0;
    for (const xmlNode *c = node->children; c; c = c->next)
        if (is(c, "weak")) n++;
    if (!n) return d;
    const gl_weak **v = arena_alloc(&ld->g->mem, n * sizeof *v);
    size_t k = 0;
    for (const xmlNode *c = node->children; c; c = c->next) {
        if (!is(c, "weak")) continue;
        const char *ref = attr(ld, c, "ref");
        const gl_weak *w = NULL;
        if (ref) {
            for (size_t i = 0; i < ld->g->nweaks && !w; i++)
                if (strcmp(ld->g->weak_ids[i], ref) == 0) w = ld->g->weaks[i];
            if (!w) {
                fail_at(ld, c, "unknown weakening \"%s\" (define it in common.xml)", ref);
                return NULL;
            }
        } else if (!(w = parse_weak_body(ld, c))) {
            return NULL;
        }
        v[k++] = w;
    }
    d->weaks = v;
    d->nweaks = k;
    return d;
}

static bool parse_examples(loader *ld, const xmlNode *node, gl_item *it)
{
    size_t n = 0;
    for (const xmlNode *c = node->children; c; c = c->next)
        if (is(c, "example")) n++;
    if (!n) return false;
    it->examples = arena_alloc(&ld->g->mem, n * sizeof *it->examples);
    it->nexamples = 0;
    for (const xmlNode *c = node->children; c; c = c->next) {
        if (!is(c, "example")) continue;
        const char *e = attr(ld, c, "expect");
        guideline_status st = strcmp(e, "present") == 0    ? GUIDELINE_PRESENT
                              : strcmp(e, "weakened") == 0 ? GUIDELINE_WEAKENED
                                                           : GUIDELINE_MISSING;
        it->examples[it->nexamples++] = (gl_example){st, content(ld, c), xmlGetLineNo(c)};
    }
    return true;
}

static gl_item *new_version(loader *ld)
{
    guideline_set *g = ld->g;
    gl_item *it = arena_alloc(&g->mem, sizeof *it);
    PL_GROW(g->versions, g->cap_versions, g->nversions + 1);
    g->versions[g->nversions++] = it;
    return it;
}

/* Reads what an <item> or a <revise> gives into it (which starts as a copy of
 * the version revised, or empty). */
static pl_status read_item_body(loader *ld, const xmlNode *c, gl_item *it)
{
    guideline_item *p = &it->pub;
    const char *v;
    if ((v = attr(ld, c, "section"))) p->section = v;
    if ((v = attr(ld, c, "level"))) p->level = level_of(v);
    p->confidence = confidence_of(attr(ld, c, "confidence"));
    p->dating = (v = attr(ld, c, "dating")) ? confidence_of(v) : p->confidence;
    p->source = attr(ld, c, "source");
    if (check_sources(ld, c, p->source) != PL_OK) return PL_E_PACK;
    const char *ja = NULL, *en = NULL;
    texts(ld, c, "statement", &ja, &en);
    if (ja) p->statement_ja = ja;
    if (en) p->statement_en = en;
    p->note = notes(ld, c);
    p->file = ld->file;
    p->line = xmlGetLineNo(c);
    if ((v = attr(ld, c, "context"))) {
        if (!(it->detect.context = compile(ld, c, v))) return PL_E_PACK;
    }
    if (has_child(c, "match")) {
        it->detect.matches = NULL;
        it->detect.nmatches = 0;
        if (!detect_matches(ld, c, &it->detect)) return PL_E_PACK;
    }
    if (has_child(c, "weak")) {
        it->detect.weaks = NULL;
        it->detect.nweaks = 0;
        if (!detect_weaks(ld, c, &it->detect)) return PL_E_PACK;
    }
    if (has_child(c, "example")) parse_examples(ld, c, it);
    p->detect = &it->detect;
    return PL_OK;
}

static ptrdiff_t find_in_force(const gl_edition *e, const char *id)
{
    for (size_t i = 0; i < e->nitems; i++)
        if (strcmp(e->items[i]->id, id) == 0) return (ptrdiff_t)i;
    return -1;
}

static bool id_ever_used(const guideline_set *g, const char *id)
{
    for (size_t i = 0; i < g->nversions; i++)
        if (strcmp(g->versions[i]->pub.id, id) == 0) return true;
    return false;
}

static void add_in_force(gl_edition *e, const guideline_item *it)
{
    PL_GROW(e->items, e->cap_items, e->nitems + 1);
    e->items[e->nitems++] = it;
}

static pl_status resolve_items(loader *ld, const xmlNode *root, gl_edition *e, const gl_edition *prev)
{
    guideline_set *g = ld->g;
    if (prev)
        for (size_t i = 0; i < prev->nitems; i++) add_in_force(e, prev->items[i]);
    for (const xmlNode *c = root->children; c; c = c->next) {
        if (is(c, "item")) {
            const char *id = attr(ld, c, "id");
            if (id_ever_used(g, id))
                return fail_at(ld, c, "item %s is already defined (use <revise item=\"%s\">)", id, id);
            gl_item *it = new_version(ld);
            it->pub.id = id;
            it->pub.since = it->pub.edition = &e->pub;
            if (read_item_body(ld, c, it) != PL_OK) return PL_E_PACK;
            it->def_line = it->pub.line;
            add_in_force(e, &it->pub);
        } else if (is(c, "revise")) {
            const char *id = attr(ld, c, "item");
            ptrdiff_t k = find_in_force(e, id);
            if (k < 0) return fail_at(ld, c, "revise: no item %s is in force before %s", id, e->pub.id);
            const gl_item *old = (const gl_item *)e->items[k];
            if (old->pub.edition == &e->pub)
                return fail_at(ld, c, "item %s is defined or revised twice in edition %s", id, e->pub.id);
            gl_item *it = new_version(ld);
            *it = *old;
            it->pub.previous = &old->pub;
            it->pub.edition = &e->pub;
            it->pub.note = NULL;
            if (read_item_body(ld, c, it) != PL_OK) return PL_E_PACK;
            e->items[k] = &it->pub;
        } else if (is(c, "withdraw")) {
            const char *id = attr(ld, c, "item");
            ptrdiff_t k = find_in_force(e, id);
            if (k < 0) return fail_at(ld, c, "withdraw: no item %s is in force before %s", id, e->pub.id);
            memmove(&e->items[k], &e->items[k + 1], (e->nitems - (size_t)k - 1) * sizeof *e->items);
            e->nitems--;
            guideline_removal r = {id, confidence_of(attr(ld, c, "confidence")),
                                   attr(ld, c, "source"), notes(ld, c)};
            if (check_sources(ld, c, r.source) != PL_OK) return PL_E_PACK;
            PL_GROW(e->withdrawals, e->cap_withdrawals, e->nwithdrawals + 1);
            e->withdrawals[e->nwithdrawals++] = r;
        }
    }
    return PL_OK;
}

static int section_position(const gl_edition *e, const char *id)
{
    for (size_t i = 0; i < e->nsections; i++)
        if (strcmp(e->sections[i].id, id) == 0) return (int)i;
    return -1;
}

typedef struct item_key {
    int section;  /* position of its section in the outline */
    size_t since; /* index of the edition that introduced it */
    int line;     /* line of its first definition */
    const guideline_item *item;
} item_key;

static int cmp_item_keys(const void *pa, const void *pb)
{
    const item_key *a = pa, *b = pb;
    if (a->section != b->section) return a->section < b->section ? -1 : 1;
    if (a->since != b->since) return a->since < b->since ? -1 : 1;
    return a->line - b->line;
}

/* Every requirement in force names a section of the outline; then they are
 * put in outline order. */
static pl_status check_item_sections(loader *ld, gl_edition *e)
{
    item_key *keys = pl_xcalloc(e->nitems + 1, sizeof *keys);
    for (size_t i = 0; i < e->nitems; i++) {
        const guideline_item *it = e->items[i];
        int pos = section_position(e, it->section);
        if (pos < 0) {
            free(keys);
            pl_error_set(ld->err, PL_E_PACK, it->file,
                         "item %s: section %s is not in the outline of edition %s (revise the item there)",
                         it->id, it->section, e->pub.id);
            ld->err->line = it->line;
            return PL_E_PACK;
        }
        keys[i] = (item_key){pos, it->since->index, ((const gl_item *)it)->def_line, it};
    }
    qsort(keys, e->nitems, sizeof *keys, cmp_item_keys);
    for (size_t i = 0; i < e->nitems; i++) e->items[i] = keys[i].item;
    free(keys);
    return PL_OK;
}

/* ---- the folder ------------------------------------------------------------------ */

typedef struct file_doc {
    const char *path;
    xmlDocPtr doc;
    gl_edition *edition;
} file_doc;

static int cmp_names(const void *a, const void *b)
{
    return strcmp(((const file_doc *)a)->path, ((const file_doc *)b)->path);
}

static int cmp_editions(const void *pa, const void *pb)
{
    const gl_edition *a = *(gl_edition *const *)pa, *b = *(gl_edition *const *)pb;
    return text_ymd_cmp(a->pub.date, b->pub.date);
}

static void publish(gl_edition *e)
{
    e->pub.sections = e->sections;
    e->pub.nsections = e->nsections;
    e->pub.items = e->items;
    e->pub.nitems = e->nitems;
    e->pub.removals = e->removals;
    e->pub.nremovals = e->nremovals;
    e->pub.withdrawals = e->withdrawals;
    e->pub.nwithdrawals = e->nwithdrawals;
}

static pl_status load_all(guideline_set *g, file_doc *files, size_t n, pl_error *err)
{
    loader ld = {.g = g, .err = err};
    /* common.xml first: the editions refer to its sources and weakenings */
    size_t ncommon = 0;
    for (size_t i = 0; i < n; i++) {
        xmlNode *root = xmlDocGetRootElement(files[i].doc);
        if (!is(root, "common")) continue;
        ld.file = files[i].path;
        if (ncommon++) return fail_at(&ld, root, "a second <common> file (the first is elsewhere)");
        if (load_common(&ld, root) != PL_OK) return PL_E_PACK;
    }
    if (!ncommon) return pl_error_set(err, PL_E_PACK, NULL, "no common.xml in the guideline folder");
    for (size_t i = 0; i < n; i++) {
        xmlNode *root = xmlDocGetRootElement(files[i].doc);
        if (!is(root, "edition")) continue;
        ld.file = files[i].path;
        gl_edition *e = arena_alloc(&g->mem, sizeof *e);
        files[i].edition = e;
        e->set = g;
        PL_GROW(g->editions, g->cap_editions, g->neditions + 1);
        g->editions[g->neditions++] = e;
        if (parse_edition_header(&ld, root, e) != PL_OK) return PL_E_PACK;
        for (size_t k = 0; k + 1 < g->neditions; k++) {
            if (strcmp(g->editions[k]->pub.id, e->pub.id) == 0)
                return fail_at(&ld, root, "edition %s is defined twice", e->pub.id);
            if (text_ymd_cmp(g->editions[k]->pub.date, e->pub.date) == 0)
                return fail_at(&ld, root, "editions %s and %s have the same date",
                               g->editions[k]->pub.id, e->pub.id);
        }
    }
    if (!g->neditions) return pl_error_set(err, PL_E_PACK, NULL, "no edition in the guideline folder");
    qsort(g->editions, g->neditions, sizeof *g->editions, cmp_editions);
    for (size_t i = 0; i < g->neditions; i++) g->editions[i]->pub.index = i;
    for (size_t i = 0; i < g->neditions; i++) {
        gl_edition *e = g->editions[i];
        xmlNode *root = NULL;
        for (size_t k = 0; k < n && !root; k++)
            if (files[k].edition == e) root = xmlDocGetRootElement(files[k].doc);
        ld.file = e->pub.file;
        xmlNode *outline = NULL;
        for (xmlNode *c = root->children; c && !outline; c = c->next)
            if (is(c, "outline")) outline = c;
        if (resolve_outline(&ld, outline, e) != PL_OK) return PL_E_PACK;
        if (resolve_items(&ld, root, e, i ? g->editions[i - 1] : NULL) != PL_OK) return PL_E_PACK;
        if (check_item_sections(&ld, e) != PL_OK) return PL_E_PACK;
        publish(e);
    }
    g->rules = arena_alloc(&g->mem, g->neditions * sizeof *g->rules);
    for (size_t i = 0; i < g->neditions; i++) {
        const guideline_edition *e = &g->editions[i]->pub;
        g->rules[i] = (rules_edition){e->id, e->label_ja, e->label_en, e->date, e->summary_ja,
                                      e->summary_en};
    }
    return PL_OK;
}

pl_status guideline_load(guideline_set **out, const char *dir, pl_error *err)
{
    *out = NULL;
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        return pl_error_set(err, PL_E_PACK, dir, "no such folder");
    DIR *d = opendir(dir);
    if (!d) return pl_error_set(err, PL_E_PACK, dir, "cannot open the folder");
    guideline_set *g = pl_xcalloc(1, sizeof *g);
    arena_init(&g->mem);
    file_doc *files = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        size_t len = strlen(de->d_name);
        if (de->d_name[0] == '.' || len < 5 || strcmp(de->d_name + len - 4, ".xml") != 0) continue;
        sbuf p = SBUF_INIT;
        sbuf_printf(&p, "%s/%s", dir, de->d_name);
        PL_GROW(files, cap, n + 1);
        files[n++] = (file_doc){arena_strdup(&g->mem, sbuf_cstr(&p)), NULL, NULL};
        sbuf_free(&p);
    }
    closedir(d);
    if (n) qsort(files, n, sizeof *files, cmp_names);
    pl_status s = PL_OK;
    for (size_t i = 0; i < n && s == PL_OK; i++)
        s = xmlfile_read(files[i].path, guideline_schema_rng, guideline_schema_rng_len, &files[i].doc,
                         err);
    if (s == PL_OK) s = load_all(g, files, n, err);
    for (size_t i = 0; i < n; i++)
        if (files[i].doc) xmlFreeDoc(files[i].doc);
    free(files);
    if (s != PL_OK) {
        guideline_free(g);
        return s;
    }
    *out = g;
    return PL_OK;
}

void guideline_free(guideline_set *g)
{
    if (!g) return;
    for (size_t i = 0; i < g->npatterns; i++) pattern_free(g->patterns[i]);
    free(g->patterns);
    for (size_t i = 0; i < g->neditions; i++) {
        gl_edition *e = g->editions[i];
        free(e->sections);
        free(e->section_lines);
        free(e->items);
        free(e->removals);
        free(e->withdrawals);
    }
    free(g->editions);
    free(g->versions);
    free(g->sources);
    free(g->weaks);
    free(g->weak_ids);
    arena_free(&g->mem);
    free(g);
}

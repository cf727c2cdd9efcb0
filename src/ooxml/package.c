/*
 * package.c - an OPC package on top of libzip, with our own caps.
 *
 * libzip parses the zip structure (ZIP_CHECKCONS makes it refuse overlapping
 * entries and exact duplicate names), but Debian's libzip 1.7 happily inflates
 * an entry far past the size its headers declare. So every byte that leaves
 * this file is counted here: per part against its declared size and the part
 * cap, per package against the total cap, and against the compression ratio
 * once a part is past a grace size. Part names compare case-insensitively
 * (OPC M1.12), so names that differ only in case are a duplicate too.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "internal.h"
#include "util/arena.h"
#include "util/mem.h"

enum { PKG_CHUNK = 64 * 1024 };

typedef struct pkg_entry {
    const char *name;  /* as stored in the zip */
    const char *key;   /* lower-cased, for lookup */
    zip_uint64_t index;
    zip_uint64_t size, comp_size;
    uint16_t method;
    uint16_t encryption;
} pkg_entry;

typedef struct ct_entry {
    const char *key; /* lower-cased extension or part name */
    const char *type;
} ct_entry;

struct pkg {
    zip_t *za;
    const ooxml_limits *limits;
    arena mem;
    pkg_entry *entries; /* sorted by key */
    size_t nentries;
    ct_entry *defaults, *overrides;
    size_t ndefaults, noverrides, cap_defaults, cap_overrides;
    uint64_t total_read;
    bool strict;
    bool lenient; /* opened despite headers that disagree (see entries_disjoint) */
};

/* The lookup key of a part name: ASCII case folded (OPC M1.12), and a
 * backslash read as a slash, as some broken producers write them
 * (xl\workbook.xml); nothing is ever written to disk, so this cannot lead
 * outside the package. */
static char key_char(char c)
{
    return c == '\\' ? '/' : (char)tolower((unsigned char)c);
}

static char *lower_dup(arena *a, const char *s)
{
    size_t n = strlen(s);
    char *p = arena_alloc(a, n + 1);
    for (size_t i = 0; i < n; i++) p[i] = key_char(s[i]);
    return p;
}

static int entry_cmp(const void *a, const void *b)
{
    return strcmp(((const pkg_entry *)a)->key, ((const pkg_entry *)b)->key);
}

static const pkg_entry *find_entry(const pkg *p, const char *name)
{
    char key[1024];
    size_t n = strlen(name);
    if (name[0] == '/') name++, n--;
    if (n >= sizeof key) return NULL;
    for (size_t i = 0; i <= n; i++) key[i] = key_char(name[i]);
    pkg_entry probe = {.key = key};
    return bsearch(&probe, p->entries, p->nentries, sizeof *p->entries, entry_cmp);
}

const ooxml_limits *pkg_limits(const pkg *p)
{
    return p->limits;
}

bool pkg_has_part(const pkg *p, const char *name)
{
    return find_entry(p, name) != NULL;
}

uint64_t pkg_part_size(const pkg *p, const char *name)
{
    const pkg_entry *e = find_entry(p, name);
    return e ? e->size : 0;
}

bool pkg_is_lenient(const pkg *p)
{
    return p->lenient;
}

bool pkg_is_strict(const pkg *p)
{
    return p->strict;
}

void pkg_set_strict(pkg *p)
{
    p->strict = true;
}

const char *pkg_intern(pkg *p, const char *s)
{
    return s ? arena_strdup(&p->mem, s) : NULL;
}

static pl_status zip_failure(pl_error *err, int code, const char *what)
{
    zip_error_t ze;
    zip_error_init_with_code(&ze, code);
    pl_status s = pl_error_set(err, PL_E_ZIP_CORRUPT, NULL, "%s: %s", what,
                               zip_error_strerror(&ze));
    zip_error_fini(&ze);
    return s;
}

static pl_status load_entries(pkg *p, pl_error *err)
{
    zip_int64_t count = zip_get_num_entries(p->za, 0);
    if (count < 0) return pl_error_set(err, PL_E_ZIP_CORRUPT, NULL, "no entry table");
    if ((uint64_t)count > p->limits->max_entries) {
        pl_error_set(err, PL_E_TOO_MANY_ENTRIES, NULL, NULL);
        err->value = count;
        err->limit = p->limits->max_entries;
        return err->status;
    }
    p->entries = pl_xcalloc((size_t)count ? (size_t)count : 1, sizeof *p->entries);
    for (zip_int64_t i = 0; i < count; i++) {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(p->za, (zip_uint64_t)i, 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME))
            return pl_error_set(err, PL_E_ZIP_CORRUPT, NULL, "unreadable entry %lld",
                                (long long)i);
        size_t len = strlen(st.name);
        if (len == 0 || st.name[len - 1] == '/') continue; /* folder entries hold nothing */
        pkg_entry *e = &p->entries[p->nentries++];
        e->name = arena_strdup(&p->mem, st.name);
        e->key = lower_dup(&p->mem, st.name);
        e->index = (zip_uint64_t)i;
        e->size = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
        e->comp_size = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
        e->method = (st.valid & ZIP_STAT_COMP_METHOD) ? st.comp_method : 0;
        e->encryption = (st.valid & ZIP_STAT_ENCRYPTION_METHOD) ? st.encryption_method : 0;
    }
    qsort(p->entries, p->nentries, sizeof *p->entries, entry_cmp);
    for (size_t i = 1; i < p->nentries; i++) {
        if (strcmp(p->entries[i - 1].key, p->entries[i].key) == 0)
            return pl_error_set(err, PL_E_ZIP_DUPLICATE, p->entries[i].name,
                                "also stored as %s", p->entries[i - 1].name);
    }
    return PL_OK;
}

/* ---- reading parts ------------------------------------------------------ */

static pl_status limit_error(pl_error *err, pl_status s, const char *part, uint64_t value,
                             uint64_t limit)
{
    pl_error_set(err, s, part, NULL);
    err->value = (long long)value;
    err->limit = (long long)limit;
    return s;
}

pl_status pkg_read_part(pkg *p, const char *name, pkg_chunk_fn fn, void *ctx, pl_error *err)
{
    const pkg_entry *e = find_entry(p, name);
    if (!e) return pl_error_set(err, PL_E_MISSING_PART, name, NULL);
    const ooxml_limits *lim = p->limits;
    if (e->encryption != ZIP_EM_NONE)
        return pl_error_set(err, PL_E_ZIP_UNSUPPORTED, e->name, "encrypted zip entry");
    if (e->method != ZIP_CM_STORE && e->method != ZIP_CM_DEFLATE)
        return pl_error_set(err, PL_E_ZIP_UNSUPPORTED, e->name, "compression method %u",
                            e->method);
    if (e->size > lim->max_part_bytes)
        return limit_error(err, PL_E_PART_TOO_LARGE, e->name, e->size, lim->max_part_bytes);
    /* Judge the ratio on the declared sizes before inflating anything; an
     * entry that lies about its size is caught by the size check below. */
    uint64_t comp = e->comp_size ? e->comp_size : 1;
    if (e->size > lim->ratio_grace_bytes && e->size / comp > lim->max_ratio)
        return limit_error(err, PL_E_RATIO, e->name, e->size / comp, lim->max_ratio);

    zip_file_t *zf = zip_fopen_index(p->za, e->index, 0);
    if (!zf) {
        zip_error_t *ze = zip_get_error(p->za);
        pl_error_set(err, PL_E_ZIP_CORRUPT, e->name, "%s", zip_error_strerror(ze));
        zip_error_clear(p->za);
        return err->status;
    }
    char *buf = pl_xmalloc(PKG_CHUNK);
    uint64_t produced = 0;
    pl_status status = PL_OK;
    for (;;) {
        zip_int64_t n = zip_fread(zf, buf, PKG_CHUNK);
        if (n < 0) {
            status = pl_error_set(err, PL_E_ZIP_CORRUPT, e->name, "%s", zip_file_strerror(zf));
            break;
        }
        if (n == 0) break;
        produced += (uint64_t)n;
        p->total_read += (uint64_t)n;
        if (produced > e->size) {
            status = limit_error(err, PL_E_SIZE_MISMATCH, e->name, produced, e->size);
            break;
        }
        if (produced > lim->max_part_bytes) {
            status = limit_error(err, PL_E_PART_TOO_LARGE, e->name, produced, lim->max_part_bytes);
            break;
        }
        if (p->total_read > lim->max_total_bytes) {
            status = limit_error(err, PL_E_PACKAGE_TOO_LARGE, e->name, p->total_read,
                                 lim->max_total_bytes);
            break;
        }
        if (produced > lim->ratio_grace_bytes && produced / comp > lim->max_ratio) {
            status = limit_error(err, PL_E_RATIO, e->name, produced / comp, lim->max_ratio);
            break;
        }
        if (!fn(ctx, buf, (size_t)n)) break;
    }
    if (status == PL_OK && produced < e->size) {
        /* libzip reached the end early: the data is shorter than declared. */
        zip_int64_t n = zip_fread(zf, buf, 1);
        if (n < 0)
            status = pl_error_set(err, PL_E_ZIP_CORRUPT, e->name, "%s", zip_file_strerror(zf));
    }
    free(buf);
    zip_fclose(zf);
    return status;
}

typedef struct collect_ctx {
    sbuf *out;
} collect_ctx;

static bool collect_chunk(void *ctx, const char *data, size_t n)
{
    sbuf_append(((collect_ctx *)ctx)->out, data, n);
    return true;
}

/* ---- content types ------------------------------------------------------ */

static void ct_start(xs_parser *xp, void *ctx, xs_ns ns, const char *name, const xs_attr *at,
                     int n)
{
    (void)xp;
    pkg *p = ctx;
    if (ns != XS_NS_CT) return;
    char key[512], type[256];
    if (strcmp(name, "Default") == 0) {
        if (!xs_attr_str(at, n, XS_NS_OTHER, "Extension", key, sizeof key) ||
            !xs_attr_str(at, n, XS_NS_OTHER, "ContentType", type, sizeof type))
            return;
        PL_GROW(p->defaults, p->cap_defaults, p->ndefaults + 1);
        p->defaults[p->ndefaults++] = (ct_entry){lower_dup(&p->mem, key),
                                                 arena_strdup(&p->mem, type)};
    } else if (strcmp(name, "Override") == 0) {
        if (!xs_attr_str(at, n, XS_NS_OTHER, "PartName", key, sizeof key) ||
            !xs_attr_str(at, n, XS_NS_OTHER, "ContentType", type, sizeof type))
            return;
        const char *k = key[0] == '/' ? key + 1 : key;
        PL_GROW(p->overrides, p->cap_overrides, p->noverrides + 1);
        p->overrides[p->noverrides++] = (ct_entry){lower_dup(&p->mem, k),
                                                   arena_strdup(&p->mem, type)};
    }
}

const char *pkg_content_type(const pkg *p, const char *name)
{
    if (name[0] == '/') name++;
    char key[1024];
    size_t n = strlen(name);
    if (n >= sizeof key) return NULL;
    for (size_t i = 0; i <= n; i++) key[i] = (char)tolower((unsigned char)name[i]);
    for (size_t i = 0; i < p->noverrides; i++)
        if (strcmp(p->overrides[i].key, key) == 0) return p->overrides[i].type;
    const char *dot = strrchr(key, '.');
    if (!dot) return NULL;
    for (size_t i = 0; i < p->ndefaults; i++)
        if (strcmp(p->defaults[i].key, dot + 1) == 0) return p->defaults[i].type;
    return NULL;
}

/* An ODF package names its type in an uncompressed first entry "mimetype". */
static bool is_odf(pkg *p)
{
    const pkg_entry *e = find_entry(p, "mimetype");
    if (!e || e->size > 200) return false;
    sbuf b = SBUF_INIT;
    collect_ctx c = {&b};
    pl_error ignore;
    pl_error_clear(&ignore);
    bool odf = pkg_read_part(p, e->name, collect_chunk, &c, &ignore) == PL_OK &&
               strncmp(sbuf_cstr(&b), "application/vnd.oasis.opendocument", 34) == 0;
    sbuf_free(&b);
    return odf;
}

/* ---- opening ------------------------------------------------------------ */

static uint16_t rd16(const unsigned char *b)
{
    return (uint16_t)(b[0] | b[1] << 8);
}

static uint32_t rd32(const unsigned char *b)
{
    return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

typedef struct zip_range {
    uint64_t from, to;
} zip_range;

static int range_cmp(const void *a, const void *b)
{
    const zip_range *x = a, *y = b;
    return x->from < y->from ? -1 : x->from > y->from;
}

/* libzip's consistency check (ZIP_CHECKCONS) refuses archives whose local
 * and central headers differ in ways Word and every other reader accept,
 * such as extra fields present in one only. What the check protects us from
 * is entries that share or overlap their data (bombs that inflate the same
 * bytes many times). This walk verifies that directly: every entry's local
 * header is where the directory says, and no two entries' headers and data
 * overlap. Archives in the ZIP64 format are not walked (left refused). */
static bool entries_disjoint(const unsigned char *d, size_t n)
{
    if (n < 22) return false;
    size_t eocd = n - 22, floor = n > 22 + 65535 ? n - 22 - 65535 : 0;
    while (eocd > floor && rd32(d + eocd) != 0x06054b50) eocd--;
    if (rd32(d + eocd) != 0x06054b50) return false;
    uint32_t count = rd16(d + eocd + 10), cd_size = rd32(d + eocd + 12), cd = rd32(d + eocd + 16);
    if (count == 0xFFFF || cd == 0xFFFFFFFF || (uint64_t)cd + cd_size > eocd) return false;
    zip_range *r = pl_xcalloc((size_t)count + 1, sizeof *r);
    size_t at = cd, k = 0;
    bool ok = true;
    for (; k < count && ok; k++) {
        if (at + 46 > n || rd32(d + at) != 0x02014b50) {
            ok = false;
            break;
        }
        uint64_t comp = rd32(d + at + 20), local = rd32(d + at + 42);
        size_t step = 46 + (size_t)rd16(d + at + 28) + rd16(d + at + 30) + rd16(d + at + 32);
        if (local + 30 > cd || rd32(d + local) != 0x04034b50) {
            ok = false;
            break;
        }
        uint64_t data_at = local + 30 + rd16(d + local + 26) + rd16(d + local + 28);
        r[k] = (zip_range){local, data_at + comp};
        if (r[k].to > cd) ok = false;
        at += step;
    }
    if (ok) {
        qsort(r, k, sizeof *r, range_cmp);
        for (size_t i = 1; i < k && ok; i++) ok = r[i].from >= r[i - 1].to;
    }
    free(r);
    return ok;
}

pl_status pkg_open(pkg **out, const void *data, size_t n, const ooxml_limits *limits,
                   pl_error *err)
{
    *out = NULL;
    zip_error_t ze;
    zip_error_init(&ze);
    zip_t *za = NULL;
    bool lenient = false;
    for (int attempt = 0; attempt < 2 && !za; attempt++) {
        zip_source_t *src = zip_source_buffer_create(data, n, 0, &ze);
        if (!src) {
            zip_error_fini(&ze);
            return pl_error_set(err, PL_E_NOMEM, NULL, "zip source");
        }
        za = zip_open_from_source(src, ZIP_RDONLY | (attempt ? 0 : ZIP_CHECKCONS), &ze);
        if (za) break;
        zip_source_free(src);
        int code = zip_error_code_zip(&ze);
        if (code == ZIP_ER_EXISTS) {
            zip_error_fini(&ze);
            return pl_error_set(err, PL_E_ZIP_DUPLICATE, NULL, "duplicate entry names");
        }
        /* headers that disagree harmlessly: read it once the entries are
         * known not to overlap */
        if (attempt == 0 && code == ZIP_ER_INCONS && entries_disjoint(data, n)) {
            zip_error_fini(&ze);
            zip_error_init(&ze);
            lenient = true;
            continue;
        }
        zip_error_fini(&ze);
        return zip_failure(err, code, "cannot open zip");
    }
    zip_error_fini(&ze);

    pkg *p = pl_xcalloc(1, sizeof *p);
    p->za = za;
    p->lenient = lenient;
    p->limits = limits;
    arena_init(&p->mem);
    pl_status s = load_entries(p, err);
    if (s == PL_OK && !pkg_has_part(p, "[Content_Types].xml")) {
        if (is_odf(p))
            s = pl_error_set(err, PL_E_ODF, NULL, NULL);
        else
            s = pl_error_set(err, PL_E_NOT_DOCUMENT, NULL,
                             "a zip archive without [Content_Types].xml");
    }
    if (s == PL_OK) {
        xs_handler h = {.ctx = p, .start = ct_start};
        s = xs_parse_part(p, "[Content_Types].xml", &h, err);
    }
    if (s != PL_OK) {
        pkg_close(p);
        return s;
    }
    *out = p;
    return PL_OK;
}

void pkg_close(pkg *p)
{
    if (!p) return;
    zip_discard(p->za); /* also frees the source; the bytes belong to the caller */
    free(p->entries);
    free(p->defaults);
    free(p->overrides);
    arena_free(&p->mem);
    free(p);
}

/* ---- relationships ------------------------------------------------------ */

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    c = tolower(c);
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

bool pkg_resolve_target(const char *source, const char *target, sbuf *out)
{
    sbuf_reset(out);
    /* A scheme (file:, http:) or a Windows path is never a part. */
    if (strchr(target, ':') || strchr(target, '\\')) return false;
    const char *frag = strpbrk(target, "#?");
    size_t tlen = frag ? (size_t)(frag - target) : strlen(target);

    sbuf path = SBUF_INIT;
    if (target[0] != '/') {
        const char *slash = strrchr(source, '/');
        if (slash) sbuf_append(&path, source, (size_t)(slash - source) + 1);
    }
    /* Percent-decoding, but an encoded separator would be a way around the
     * segment checks below, so it is refused. */
    for (size_t i = 0; i < tlen; i++) {
        char c = target[i];
        if (c == '%' && i + 2 < tlen) {
            int hi = hexval((unsigned char)target[i + 1]);
            int lo = hexval((unsigned char)target[i + 2]);
            if (hi >= 0 && lo >= 0) {
                c = (char)(hi * 16 + lo);
                if (c == '/' || c == '\\' || c == '\0') {
                    sbuf_free(&path);
                    return false;
                }
                i += 2;
            }
        }
        sbuf_putc(&path, c);
    }

    /* Normalise segments; ".." above the root escapes the package. */
    const char *s = sbuf_cstr(&path);
    size_t *starts = NULL, nstarts = 0, cap = 0;
    bool ok = true;
    while (*s) {
        while (*s == '/') s++;
        if (!*s) break;
        const char *e = strchr(s, '/');
        size_t len = e ? (size_t)(e - s) : strlen(s);
        if (len == 1 && s[0] == '.') {
            /* stay */
        } else if (len == 2 && s[0] == '.' && s[1] == '.') {
            if (nstarts == 0) {
                ok = false;
                break;
            }
            sbuf_truncate(out, starts[--nstarts]);
        } else {
            PL_GROW(starts, cap, nstarts + 1);
            starts[nstarts++] = out->len;
            if (out->len) sbuf_putc(out, '/');
            sbuf_append(out, s, len);
        }
        s += len;
    }
    free(starts);
    sbuf_free(&path);
    return ok && out->len > 0;
}

typedef struct rels_ctx {
    pkg *p;
    const char *source;
    pkg_rels *rels;
    size_t cap;
    sbuf tmp;
} rels_ctx;

static const char *last_segment(const char *uri)
{
    const char *slash = strrchr(uri, '/');
    return slash ? slash + 1 : uri;
}

static void rels_start(xs_parser *xp, void *ctx, xs_ns ns, const char *name, const xs_attr *at,
                       int n)
{
    (void)xp;
    rels_ctx *c = ctx;
    if (ns != XS_NS_PKG_REL || strcmp(name, "Relationship") != 0) return;
    char id[256], type[512], target[2048], mode[32];
    if (!xs_attr_str(at, n, XS_NS_OTHER, "Id", id, sizeof id) ||
        !xs_attr_str(at, n, XS_NS_OTHER, "Type", type, sizeof type) ||
        !xs_attr_str(at, n, XS_NS_OTHER, "Target", target, sizeof target))
        return;
    bool external = xs_attr_str(at, n, XS_NS_OTHER, "TargetMode", mode, sizeof mode) &&
                    strcmp(mode, "External") == 0;
    PL_GROW(c->rels->items, c->cap, c->rels->n + 1);
    pkg_rel *r = &c->rels->items[c->rels->n++];
    r->id = arena_strdup(&c->p->mem, id);
    r->type = arena_strdup(&c->p->mem, last_segment(type));
    r->external = external;
    r->escapes = false;
    if (external) {
        r->target = arena_strdup(&c->p->mem, target);
    } else if (pkg_resolve_target(c->source, target, &c->tmp)) {
        r->target = arena_strdup(&c->p->mem, sbuf_cstr(&c->tmp));
    } else {
        r->target = arena_strdup(&c->p->mem, target);
        r->escapes = true;
    }
}

pl_status pkg_read_rels(pkg *p, const char *source, pkg_rels *out, pl_error *err)
{
    out->items = NULL;
    out->n = 0;
    /* The rels of a/b.xml live in a/_rels/b.xml.rels. */
    sbuf name = SBUF_INIT;
    const char *slash = strrchr(source, '/');
    if (slash) sbuf_append(&name, source, (size_t)(slash - source) + 1);
    sbuf_puts(&name, "_rels/");
    sbuf_puts(&name, slash ? slash + 1 : source);
    sbuf_puts(&name, ".rels");
    pl_status s = PL_OK;
    if (pkg_has_part(p, sbuf_cstr(&name))) {
        rels_ctx c = {.p = p, .source = source, .rels = out};
        sbuf_init(&c.tmp);
        xs_handler h = {.ctx = &c, .start = rels_start};
        s = xs_parse_part(p, sbuf_cstr(&name), &h, err);
        sbuf_free(&c.tmp);
    }
    sbuf_free(&name);
    return s;
}

void pkg_rels_free(pkg_rels *rels)
{
    free(rels->items);
    rels->items = NULL;
    rels->n = 0;
}

const pkg_rel *pkg_rels_by_id(const pkg_rels *rels, const char *id)
{
    for (size_t i = 0; i < rels->n; i++)
        if (strcmp(rels->items[i].id, id) == 0) return &rels->items[i];
    return NULL;
}

const pkg_rel *pkg_rels_by_type(const pkg_rels *rels, const char *type)
{
    for (size_t i = 0; i < rels->n; i++)
        if (strcmp(rels->items[i].type, type) == 0) return &rels->items[i];
    return NULL;
}

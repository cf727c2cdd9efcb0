#define _DEFAULT_SOURCE /* mkstemps */
#include "zipgen.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

typedef struct entry {
    char *name;
    uint16_t method, flags;
    uint32_t crc;
    uint64_t comp_size, size; /* size as declared */
    uint64_t offset;
} entry;

struct zipgen {
    unsigned char *buf;
    size_t len, cap;
    entry *e;
    size_t n, cap_e;
};

static void put(zipgen *z, const void *p, size_t n)
{
    if (z->len + n > z->cap) {
        size_t c = z->cap ? z->cap : 4096;
        while (c < z->len + n) c *= 2;
        z->buf = realloc(z->buf, c);
        z->cap = c;
    }
    memcpy(z->buf + z->len, p, n);
    z->len += n;
}

static void put16(zipgen *z, uint16_t v)
{
    unsigned char b[2] = {(unsigned char)v, (unsigned char)(v >> 8)};
    put(z, b, 2);
}

static void put32(zipgen *z, uint32_t v)
{
    unsigned char b[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 24)};
    put(z, b, 4);
}

zipgen *zipgen_new(void)
{
    return calloc(1, sizeof(zipgen));
}

static unsigned char *deflate_raw(const void *data, size_t n, size_t *out_n)
{
    z_stream s;
    memset(&s, 0, sizeof s);
    deflateInit2(&s, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
    size_t cap = deflateBound(&s, n) + 16;
    unsigned char *out = malloc(cap);
    s.next_in = (Bytef *)data;
    s.avail_in = (uInt)n;
    s.next_out = out;
    s.avail_out = (uInt)cap;
    deflate(&s, Z_FINISH);
    *out_n = cap - s.avail_out;
    deflateEnd(&s);
    return out;
}

static void add_entry(zipgen *z, const char *name, uint16_t method, const void *comp,
                      size_t comp_size, uint64_t size, uint32_t crc, uint16_t local_extra,
                      bool local_time_differs)
{
    if (z->n == z->cap_e) {
        z->cap_e = z->cap_e ? 2 * z->cap_e : 16;
        z->e = realloc(z->e, z->cap_e * sizeof *z->e);
    }
    entry *e = &z->e[z->n++];
    memset(e, 0, sizeof *e);
    e->name = strdup(name);
    e->method = method;
    e->crc = crc;
    e->comp_size = comp_size;
    e->size = size;
    e->offset = z->len;
    put32(z, 0x04034b50);
    put16(z, 20);
    put16(z, e->flags);
    put16(z, method);
    put16(z, local_time_differs ? 0x6553 : 0), put16(z, 0x21); /* time, date: 1980-01-01 */
    put32(z, crc);
    put32(z, (uint32_t)comp_size);
    put32(z, (uint32_t)size);
    put16(z, (uint16_t)strlen(name));
    put16(z, local_extra);
    put(z, name, strlen(name));
    if (local_extra >= 4) {
        /* Office's padding block (id 0xA220, a "growth hint" for editing in
         * place), present in local headers only */
        put16(z, 0xA220);
        put16(z, (uint16_t)(local_extra - 4));
        for (uint16_t i = 4; i < local_extra; i++) put(z, "", 1);
    }
    put(z, comp, comp_size);
}

void zipgen_add_raw(zipgen *z, const char *name, uint16_t method, const void *comp,
                    size_t comp_size, uint64_t size, uint32_t crc)
{
    add_entry(z, name, method, comp, comp_size, size, crc, 0, false);
}

void zipgen_add_opts(zipgen *z, const char *name, const void *data, size_t n,
                     const zipgen_opts *o)
{
    uint32_t crc = (uint32_t)crc32(0, data, (uInt)n);
    size_t comp_n = n;
    unsigned char *comp = NULL;
    uint16_t method = 0;
    if (o->deflate || o->method == 8) {
        comp = deflate_raw(data, n, &comp_n);
        method = 8;
    }
    if (o->method_id) method = o->method_id;
    uint64_t declared = o->lie_size ? o->declared_size : n;
    add_entry(z, name, method, comp ? comp : data, comp_n, declared, crc, o->local_extra,
              o->local_time_differs);
    if (o->encrypted_flag) {
        entry *e = &z->e[z->n - 1];
        e->flags |= 1;
        z->buf[e->offset + 6] |= 1;
    }
    free(comp);
}

void zipgen_add(zipgen *z, const char *name, const void *data, size_t n)
{
    zipgen_opts o = {.deflate = true};
    zipgen_add_opts(z, name, data, n, &o);
}

void zipgen_add_str(zipgen *z, const char *name, const char *text)
{
    zipgen_add(z, name, text, strlen(text));
}

void zipgen_add_stored(zipgen *z, const char *name, const void *data, size_t n)
{
    zipgen_opts o = {0};
    zipgen_add_opts(z, name, data, n, &o);
}

unsigned char *zipgen_finish(zipgen *z, size_t *n)
{
    uint64_t cd_start = z->len;
    for (size_t i = 0; i < z->n; i++) {
        entry *e = &z->e[i];
        put32(z, 0x02014b50);
        put16(z, 20), put16(z, 20);
        put16(z, e->flags);
        put16(z, e->method);
        put16(z, 0), put16(z, 0x21);
        put32(z, e->crc);
        put32(z, (uint32_t)e->comp_size);
        put32(z, (uint32_t)e->size);
        put16(z, (uint16_t)strlen(e->name));
        put16(z, 0), put16(z, 0), put16(z, 0), put16(z, 0);
        put32(z, 0);
        put32(z, (uint32_t)e->offset);
        put(z, e->name, strlen(e->name));
    }
    uint64_t cd_size = z->len - cd_start;
    put32(z, 0x06054b50);
    put16(z, 0), put16(z, 0);
    put16(z, (uint16_t)z->n), put16(z, (uint16_t)z->n);
    put32(z, (uint32_t)cd_size);
    put32(z, (uint32_t)cd_start);
    put16(z, 0);
    unsigned char *out = z->buf;
    *n = z->len;
    for (size_t i = 0; i < z->n; i++) free(z->e[i].name);
    free(z->e);
    free(z);
    return out;
}

/* Deflates data with a full flush: the output is byte-aligned, not final,
 * and refers to nothing before it, so such pieces can be concatenated. */
static size_t deflate_flushed(const void *data, size_t n, unsigned char *out, size_t cap)
{
    z_stream s;
    memset(&s, 0, sizeof s);
    deflateInit2(&s, 9, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
    s.next_in = (Bytef *)data;
    s.avail_in = (uInt)n;
    s.next_out = out;
    s.avail_out = (uInt)cap;
    deflate(&s, Z_FULL_FLUSH);
    size_t len = cap - s.avail_out;
    deflateEnd(&s);
    return len;
}

unsigned char *zipgen_bomb(const char *prefix, char fill, uint64_t total, size_t *comp_size,
                           uint64_t *size, uint32_t *crc)
{
    enum { SEG = 1 << 20 };
    unsigned char *block = malloc(SEG);
    memset(block, fill, SEG);
    unsigned char seg[16384], head[4096];
    size_t seg_len = deflate_flushed(block, SEG, seg, sizeof seg);
    size_t plen = strlen(prefix);
    size_t head_len = deflate_flushed(prefix, plen, head, sizeof head);
    uint64_t reps = total / SEG;
    unsigned char *out = malloc(head_len + seg_len * reps + 8);
    memcpy(out, head, head_len);
    size_t len = head_len;
    for (uint64_t i = 0; i < reps; i++, len += seg_len) memcpy(out + len, seg, seg_len);
    out[len++] = 0x03; /* final fixed-Huffman block holding only end-of-block */
    out[len++] = 0x00;
    uLong c = crc32(0, (const Bytef *)prefix, (uInt)plen);
    uLong c1 = crc32(0, block, SEG);
    for (uint64_t i = 0; i < reps; i++) c = crc32_combine(c, c1, SEG);
    free(block);
    *comp_size = len;
    *size = plen + reps * SEG;
    *crc = (uint32_t)c;
    return out;
}

static const char *W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
static const char *REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

static const char *docx_rel_type(const char *name)
{
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    if (strcmp(base, "styles.xml") == 0) return "styles";
    if (strcmp(base, "numbering.xml") == 0) return "numbering";
    if (strcmp(base, "comments.xml") == 0) return "comments";
    if (strcmp(base, "footnotes.xml") == 0) return "footnotes";
    if (strcmp(base, "endnotes.xml") == 0) return "endnotes";
    if (strncmp(base, "header", 6) == 0) return "header";
    if (strncmp(base, "footer", 6) == 0) return "footer";
    return NULL;
}

static char *strcat_alloc(char *a, const char *b)
{
    size_t la = a ? strlen(a) : 0, lb = strlen(b);
    a = realloc(a, la + lb + 1);
    memcpy(a + la, b, lb + 1);
    return a;
}

unsigned char *testdoc_docx(const char *body_xml, size_t *n, ...)
{
    zipgen *z = zipgen_new();
    zipgen_add_str(z, "[Content_Types].xml",
                   "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                   "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                   "<Default Extension=\"rels\" ContentType=\"application/"
                   "vnd.openxmlformats-package.relationships+xml\"/>"
                   "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                   "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
                   "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                   "</Types>");
    zipgen_add_str(z, "_rels/.rels",
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                   "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                   "relationships\"><Relationship Id=\"rId1\" Type=\"http://"
                   "schemas.openxmlformats.org/officeDocument/2006/relationships/"
                   "officeDocument\" Target=\"word/document.xml\"/></Relationships>");
    char *rels = strcat_alloc(NULL, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
                                    "xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                                    "relationships\">");
    va_list ap;
    va_start(ap, n);
    int id = 100;
    for (;;) {
        const char *name = va_arg(ap, const char *);
        if (!name) break;
        const char *xml = va_arg(ap, const char *);
        zipgen_add_str(z, name, xml);
        const char *type = docx_rel_type(name);
        if (type && strncmp(name, "word/", 5) == 0) {
            char rel[512];
            snprintf(rel, sizeof rel,
                     "<Relationship Id=\"rId%d\" Type=\"http://schemas.openxmlformats.org/"
                     "officeDocument/2006/relationships/%s\" Target=\"%s\"/>",
                     id++, type, name + 5);
            rels = strcat_alloc(rels, rel);
        }
    }
    va_end(ap);
    rels = strcat_alloc(rels, "</Relationships>");
    zipgen_add_str(z, "word/_rels/document.xml.rels", rels);
    free(rels);
    size_t blen = strlen(body_xml) + 1024;
    char *doc = malloc(blen);
    snprintf(doc, blen,
             "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
             "<w:document xmlns:w=\"%s\" xmlns:r=\"%s\"><w:body>%s</w:body></w:document>",
             W_NS, REL_NS, body_xml);
    zipgen_add_str(z, "word/document.xml", doc);
    free(doc);
    return zipgen_finish(z, n);
}

unsigned char *testdoc_xlsx(size_t *n, ...)
{
    zipgen *z = zipgen_new();
    char *ct = strcat_alloc(NULL,
                            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                            "content-types\"><Default Extension=\"rels\" ContentType=\"application/"
                            "vnd.openxmlformats-package.relationships+xml\"/>"
                            "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                            "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
                            "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>");
    char *wb = strcat_alloc(NULL, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook "
                                  "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/"
                                  "main\" xmlns:r=\"http://schemas.openxmlformats.org/"
                                  "officeDocument/2006/relationships\"><sheets>");
    char *rels = strcat_alloc(NULL, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
                                    "xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                                    "relationships\">");
    va_list ap;
    va_start(ap, n);
    for (int i = 1;; i++) {
        const char *name = va_arg(ap, const char *);
        if (!name) break;
        const char *data = va_arg(ap, const char *);
        char part[64], tmp[1024];
        snprintf(part, sizeof part, "xl/worksheets/sheet%d.xml", i);
        size_t slen = strlen(data) + 512;
        char *sheet = malloc(slen);
        snprintf(sheet, slen,
                 "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet "
                 "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                 "<sheetData>%s</sheetData></worksheet>",
                 data);
        zipgen_add_str(z, part, sheet);
        free(sheet);
        snprintf(tmp, sizeof tmp, "<sheet name=\"%s\" sheetId=\"%d\" r:id=\"rId%d\"/>", name, i, i);
        wb = strcat_alloc(wb, tmp);
        snprintf(tmp, sizeof tmp,
                 "<Relationship Id=\"rId%d\" Type=\"http://schemas.openxmlformats.org/"
                 "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet%d.xml\"/>",
                 i, i);
        rels = strcat_alloc(rels, tmp);
        snprintf(tmp, sizeof tmp,
                 "<Override PartName=\"/%s\" ContentType=\"application/"
                 "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>",
                 part);
        ct = strcat_alloc(ct, tmp);
    }
    va_end(ap);
    ct = strcat_alloc(ct, "</Types>");
    wb = strcat_alloc(wb, "</sheets></workbook>");
    rels = strcat_alloc(rels, "</Relationships>");
    zipgen_add_str(z, "[Content_Types].xml", ct);
    zipgen_add_str(z, "_rels/.rels",
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                   "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                   "relationships\"><Relationship Id=\"rId1\" Type=\"http://"
                   "schemas.openxmlformats.org/officeDocument/2006/relationships/"
                   "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
    zipgen_add_str(z, "xl/workbook.xml", wb);
    zipgen_add_str(z, "xl/_rels/workbook.xml.rels", rels);
    free(ct), free(wb), free(rels);
    return zipgen_finish(z, n);
}

const char *testfile_write(const void *data, size_t n, const char *suffix)
{
    static char path[256];
    snprintf(path, sizeof path, "/tmp/polint-test-XXXXXX%s", suffix ? suffix : "");
    int fd = mkstemps(path, suffix ? (int)strlen(suffix) : 0);
    if (fd < 0) return NULL;
    if (n && write(fd, data, n) != (ssize_t)n) {
        close(fd);
        return NULL;
    }
    close(fd);
    return path;
}

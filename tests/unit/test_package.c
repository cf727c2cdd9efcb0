/*
 * The package layer: what a file is (sniffing, CFB directories), how parts
 * are found (content types, relationships) and that relationships can never
 * lead outside the package (H11).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "ooxml/internal.h"
#include "zipgen.h"

/* ---- a minimal compound file (MS-CFB v3) with the given stream names ---- */

static void put32le(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)v, p[1] = (unsigned char)(v >> 8);
    p[2] = (unsigned char)(v >> 16), p[3] = (unsigned char)(v >> 24);
}

static unsigned char *make_cfb(const char *const *names, size_t nnames, size_t *n)
{
    *n = 512 * 3; /* header, FAT sector 0, directory sector 1 */
    unsigned char *f = calloc(1, *n);
    static const unsigned char magic[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    memcpy(f, magic, 8);
    f[24] = 0x3E, f[26] = 3;      /* minor, major version */
    f[28] = 0xFE, f[29] = 0xFF;   /* byte order */
    f[30] = 9, f[32] = 6;         /* sector shift, mini sector shift */
    put32le(f + 44, 1);           /* FAT sectors */
    put32le(f + 48, 1);           /* first directory sector */
    put32le(f + 56, 4096);
    put32le(f + 60, 0xFFFFFFFE), put32le(f + 68, 0xFFFFFFFE);
    put32le(f + 76, 0);           /* DIFAT[0]: the FAT is sector 0 */
    for (int i = 1; i < 109; i++) put32le(f + 76 + 4 * i, 0xFFFFFFFF);
    unsigned char *fat = f + 512;
    for (int i = 0; i < 128; i++) put32le(fat + 4 * i, 0xFFFFFFFF);
    put32le(fat, 0xFFFFFFFD);     /* sector 0 holds the FAT */
    put32le(fat + 4, 0xFFFFFFFE); /* sector 1: directory, one sector long */
    unsigned char *dir = f + 1024;
    const char *all[4] = {"Root Entry"};
    for (size_t i = 0; i < nnames && i < 3; i++) all[i + 1] = names[i];
    for (size_t i = 0; i < 4 && all[i]; i++) {
        unsigned char *e = dir + 128 * i;
        size_t len = strlen(all[i]);
        for (size_t k = 0; k < len; k++) e[2 * k] = (unsigned char)all[i][k];
        e[64] = (unsigned char)(2 * (len + 1));
        e[66] = i == 0 ? 5 : 2; /* root storage, then streams */
    }
    return f;
}

static void sniff_tells_compound_files_apart(void **state)
{
    (void)state;
    struct {
        const char *names[3];
        sniff_kind kind;
    } cases[] = {
        {{"EncryptionInfo", "EncryptedPackage", "\x06" "DataSpaces"}, SNIFF_ENCRYPTED},
        {{"WordDocument", "1Table", NULL}, SNIFF_LEGACY_DOC},
        {{"Workbook", NULL, NULL}, SNIFF_LEGACY_XLS},
        {{"Book", NULL, NULL}, SNIFF_LEGACY_XLS},
        {{"__substg1.0_0037001F", NULL, NULL}, SNIFF_LEGACY_OTHER},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t count = 0;
        while (count < 3 && cases[i].names[count]) count++;
        size_t n;
        unsigned char *f = make_cfb(cases[i].names, count, &n);
        char detail[128];
        assert_int_equal(sniff_bytes(f, n, detail, sizeof detail), cases[i].kind);
        free(f);
    }
}

static void sniff_survives_hostile_compound_files(void **state)
{
    (void)state;
    const char *names[] = {"WordDocument"};
    size_t n;
    unsigned char *f = make_cfb(names, 1, &n);
    char detail[128];
    /* directory chain pointing at itself: must terminate */
    put32le(f + 512 + 4, 1);
    assert_int_equal(sniff_bytes(f, n, detail, sizeof detail), SNIFF_LEGACY_DOC);
    /* directory sector far beyond the file */
    put32le(f + 48, 0x7FFFFFF0);
    assert_int_equal(sniff_bytes(f, n, detail, sizeof detail), SNIFF_LEGACY_OTHER);
    /* truncated header */
    assert_int_equal(sniff_bytes(f, 100, detail, sizeof detail), SNIFF_LEGACY_OTHER);
    free(f);
}

static void sniff_names_other_formats(void **state)
{
    (void)state;
    char detail[128];
    assert_int_equal(sniff_bytes((const unsigned char *)"%PDF-1.7", 8, detail, sizeof detail),
                     SNIFF_UNKNOWN);
    assert_string_equal(detail, "PDF");
    assert_int_equal(sniff_bytes((const unsigned char *)"{\\rtf1", 6, detail, sizeof detail),
                     SNIFF_UNKNOWN);
    assert_string_equal(detail, "RTF");
    assert_int_equal(sniff_bytes((const unsigned char *)"", 0, detail, sizeof detail),
                     SNIFF_EMPTY);
}

/* ---- relationships (H11) -------------------------------------------------- */

static void resolve(const char *source, const char *target, const char *expected)
{
    sbuf out = SBUF_INIT;
    bool ok = pkg_resolve_target(source, target, &out);
    if (expected) {
        assert_true(ok);
        assert_string_equal(sbuf_cstr(&out), expected);
    } else {
        assert_false(ok);
    }
    sbuf_free(&out);
}

static void targets_resolve_inside_the_package_only(void **state)
{
    (void)state;
    resolve("word/document.xml", "styles.xml", "word/styles.xml");
    resolve("word/document.xml", "/customXml/item1.xml", "customXml/item1.xml");
    resolve("word/document.xml", "../docProps/core.xml", "docProps/core.xml");
    resolve("", "word/document.xml", "word/document.xml");
    resolve("xl/workbook.xml", "worksheets/./sheet1.xml", "xl/worksheets/sheet1.xml");
    resolve("word/document.xml", "media/image%201.png", "word/media/image 1.png");
    resolve("word/document.xml", "header1.xml#frag", "word/header1.xml");
    /* escapes and foreign schemes */
    resolve("word/document.xml", "../../etc/passwd", NULL);
    resolve("", "../x.xml", NULL);
    resolve("word/document.xml", "file:///etc/passwd", NULL);
    resolve("word/document.xml", "http://example.com/x.xml", NULL);
    resolve("word/document.xml", "..\\..\\x.xml", NULL);
    resolve("word/document.xml", "..%2F..%2Fx.xml", NULL);
    resolve("word/document.xml", "C:/x.xml", NULL);
}

static const char *CT = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                        "<Override PartName=\"/Word/Document.XML\" ContentType=\"main\"/></Types>";

static pkg *open_zip(unsigned char *zip, size_t n, const ooxml_limits *lim)
{
    pkg *p = NULL;
    pl_error err;
    pl_error_clear(&err);
    assert_int_equal(pkg_open(&p, zip, n, lim, &err), PL_OK);
    return p;
}

static void rels_mark_external_and_escaping_targets(void **state)
{
    (void)state;
    ooxml_options opt;
    ooxml_options_default(&opt);
    zipgen *z = zipgen_new();
    zipgen_add_str(z, "[Content_Types].xml", CT);
    zipgen_add_str(z, "word/document.xml", "<x/>");
    zipgen_add_str(z, "word/_rels/document.xml.rels",
                   "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                   "<Relationship Id=\"rId1\" Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/styles\" Target=\"styles.xml\"/>"
                   "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"https://example.jp/\" TargetMode=\"External\"/>"
                   "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"../../../etc/passwd\"/>"
                   "</Relationships>");
    size_t n;
    unsigned char *zip = zipgen_finish(z, &n);
    pkg *p = open_zip(zip, n, &opt.limits);
    assert_true(pkg_has_part(p, "word/DOCUMENT.xml")); /* OPC names are case-insensitive */
    assert_string_equal(pkg_content_type(p, "word/document.xml"), "main");
    assert_string_equal(pkg_content_type(p, "/word/other.xml"), "application/xml");
    pkg_rels rels;
    pl_error err;
    pl_error_clear(&err);
    assert_int_equal(pkg_read_rels(p, "word/document.xml", &rels, &err), PL_OK);
    assert_int_equal(rels.n, 3);
    const pkg_rel *styles = pkg_rels_by_type(&rels, "styles"); /* strict type URI */
    assert_non_null(styles);
    assert_string_equal(styles->target, "word/styles.xml");
    const pkg_rel *link = pkg_rels_by_id(&rels, "rId2");
    assert_true(link->external);
    assert_string_equal(link->target, "https://example.jp/");
    const pkg_rel *evil = pkg_rels_by_id(&rels, "rId3");
    assert_true(evil->escapes);
    pkg_rels_free(&rels);
    /* a part without .rels has no relationships, which is not an error */
    assert_int_equal(pkg_read_rels(p, "word/styles.xml", &rels, &err), PL_OK);
    assert_int_equal(rels.n, 0);
    pkg_close(p);
    free(zip);
}

static void utf16_parts_are_read(void **state)
{
    (void)state;
    /* [Content_Types].xml in UTF-16LE with a BOM, as some producers write */
    const char *ascii = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>"
                        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";
    size_t len = strlen(ascii);
    unsigned char *u16 = malloc(2 + 2 * len);
    u16[0] = 0xFF, u16[1] = 0xFE;
    for (size_t i = 0; i < len; i++) u16[2 + 2 * i] = (unsigned char)ascii[i], u16[3 + 2 * i] = 0;
    zipgen *z = zipgen_new();
    zipgen_add(z, "[Content_Types].xml", u16, 2 + 2 * len);
    size_t n;
    unsigned char *zip = zipgen_finish(z, &n);
    ooxml_options opt;
    ooxml_options_default(&opt);
    pkg *p = open_zip(zip, n, &opt.limits);
    assert_string_equal(pkg_content_type(p, "a.xml"), "application/xml");
    pkg_close(p);
    free(zip);
    free(u16);
}

static pl_status read_bytes(const unsigned char *data, size_t n, pl_error *err)
{
    ooxml_options opt;
    ooxml_options_default(&opt);
    doc_info info;
    doc_info_init(&info);
    doc_document d;
    doc_document_init(&d);
    doc_sink sink = doc_document_sink(&d);
    pl_error_clear(err);
    pl_status s = ooxml_read_memory(data, n, "t", &opt, &info, &sink, err);
    doc_document_free(&d);
    doc_info_free(&info);
    return s;
}

static void zips_that_are_not_ooxml(void **state)
{
    (void)state;
    pl_error err;
    zipgen *z = zipgen_new();
    zipgen_add_stored(z, "mimetype", "application/vnd.oasis.opendocument.text", 39);
    zipgen_add_str(z, "content.xml", "<x/>");
    size_t n;
    unsigned char *zip = zipgen_finish(z, &n);
    assert_int_equal(read_bytes(zip, n, &err), PL_E_ODF);
    free(zip);

    z = zipgen_new();
    zipgen_add_str(z, "readme.txt", "hello");
    zip = zipgen_finish(z, &n);
    assert_int_equal(read_bytes(zip, n, &err), PL_E_NOT_DOCUMENT);
    free(zip);

    /* an OOXML package of a kind we do not read */
    z = zipgen_new();
    zipgen_add_str(z, "[Content_Types].xml",
                   "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                   "<Override PartName=\"/ppt/presentation.xml\" ContentType=\"application/"
                   "vnd.openxmlformats-officedocument.presentationml.presentation.main+xml\"/></Types>");
    zipgen_add_str(z, "_rels/.rels",
                   "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                   "<Relationship Id=\"r\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                   "relationships/officeDocument\" Target=\"ppt/presentation.xml\"/></Relationships>");
    zipgen_add_str(z, "ppt/presentation.xml", "<p/>");
    zip = zipgen_finish(z, &n);
    assert_int_equal(read_bytes(zip, n, &err), PL_E_UNSUPPORTED_TYPE);
    free(zip);
}

static void main_part_relationship_cannot_escape(void **state)
{
    (void)state;
    /* officeDocument points outside: never followed; without the
     * conventional parts there is nothing to read */
    zipgen *z = zipgen_new();
    zipgen_add_str(z, "[Content_Types].xml", CT);
    zipgen_add_str(z, "_rels/.rels",
                   "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                   "<Relationship Id=\"r\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                   "relationships/officeDocument\" Target=\"../../etc/passwd\"/></Relationships>");
    size_t n;
    unsigned char *zip = zipgen_finish(z, &n);
    pl_error err;
    assert_int_equal(read_bytes(zip, n, &err), PL_E_NOT_DOCUMENT);
    free(zip);
}

/* Regression: libxml2 hands "&" in attributes back as "&#38;"; a target
 * written "a&amp;b.xml" must resolve to the part a&b.xml. */
static void ampersands_in_attributes_are_restored(void **state)
{
    (void)state;
    ooxml_options opt;
    ooxml_options_default(&opt);
    zipgen *z = zipgen_new();
    zipgen_add_str(z, "[Content_Types].xml", CT);
    zipgen_add_str(z, "word/a&b.xml", "<x/>");
    zipgen_add_str(z, "word/_rels/document.xml.rels",
                   "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                   "<Relationship Id=\"r1\" Type=\"t/header\" Target=\"a&amp;b.xml\"/>"
                   "<Relationship Id=\"r2\" Type=\"t/hyperlink\" TargetMode=\"External\" "
                   "Target=\"https://x.jp/?a=1&#38;b=2\"/></Relationships>");
    size_t n;
    unsigned char *zip = zipgen_finish(z, &n);
    pkg *p = open_zip(zip, n, &opt.limits);
    pkg_rels rels;
    pl_error err;
    pl_error_clear(&err);
    assert_int_equal(pkg_read_rels(p, "word/document.xml", &rels, &err), PL_OK);
    assert_string_equal(pkg_rels_by_id(&rels, "r1")->target, "word/a&b.xml");
    assert_true(pkg_has_part(p, pkg_rels_by_id(&rels, "r1")->target));
    assert_string_equal(pkg_rels_by_id(&rels, "r2")->target, "https://x.jp/?a=1&b=2");
    pkg_rels_free(&rels);
    pkg_close(p);
    free(zip);
}

/* Some producers store entry names with backslashes (xl\workbook.xml). */
static void backslash_entry_names_are_found(void **state)
{
    (void)state;
    ooxml_options opt;
    ooxml_options_default(&opt);
    zipgen *z = zipgen_new();
    zipgen_add_str(z, "[Content_Types].xml", CT);
    zipgen_add_str(z, "word\\document.xml", "<x/>");
    size_t n;
    unsigned char *zip = zipgen_finish(z, &n);
    pkg *p = open_zip(zip, n, &opt.limits);
    assert_true(pkg_has_part(p, "word/document.xml"));
    pkg_close(p);
    free(zip);
}

/* Regression (pandoc's alternate_document_path.docx): local headers whose
 * time differs from the central directory's, plus Office's padding extra
 * field. libzip's consistency check refuses that; Word does not. Such a file
 * is read, with a warning, once its entries are known not to overlap. */
static void harmlessly_inconsistent_headers_are_read(void **state)
{
    (void)state;
    zipgen *z = zipgen_new();
    zipgen_opts o = {.deflate = true, .local_extra = 520, .local_time_differs = true};
    zipgen_add_opts(z, "[Content_Types].xml", CT, strlen(CT), &o);
    const char *rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                       "relationships\"/>";
    zipgen_add_opts(z, "_rels/.rels", rels, strlen(rels), &o);
    const char *doc = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/"
                      "2006/main\"><w:body><w:p><w:r><w:t>本文</w:t></w:r></w:p></w:body></w:document>";
    zipgen_add_opts(z, "word/document.xml", doc, strlen(doc), &o);
    size_t n;
    unsigned char *zip = zipgen_finish(z, &n);
    ooxml_options opt;
    ooxml_options_default(&opt);
    doc_document d;
    doc_document_init(&d);
    doc_sink sink = doc_document_sink(&d);
    pl_error err;
    pl_error_clear(&err);
    assert_int_equal(ooxml_read_memory(zip, n, "t.docx", &opt, &d.info, &sink, &err), PL_OK);
    assert_int_equal(d.nblocks, 1);
    assert_string_equal(d.blocks[0].text, "本文");
    assert_int_equal(d.info.nwarnings, 1);
    assert_string_equal(d.info.warnings[0].code, "ZIP_HEADERS_DIFFER");
    doc_document_free(&d);
    free(zip);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sniff_tells_compound_files_apart),
        cmocka_unit_test(sniff_survives_hostile_compound_files),
        cmocka_unit_test(sniff_names_other_formats),
        cmocka_unit_test(targets_resolve_inside_the_package_only),
        cmocka_unit_test(rels_mark_external_and_escaping_targets),
        cmocka_unit_test(utf16_parts_are_read),
        cmocka_unit_test(zips_that_are_not_ooxml),
        cmocka_unit_test(main_part_relationship_cannot_escape),
        cmocka_unit_test(ampersands_in_attributes_are_restored),
        cmocka_unit_test(backslash_entry_names_are_found),
        cmocka_unit_test(harmlessly_inconsistent_headers_are_read),
    };
    return cmocka_run_group_tests_name("package", tests, NULL, NULL);
}

/*
 * Hostile input (hazards H1-H11 of ooxml-extraction-notes.md §5.2): each
 * file is generated here, read in a child process, and must give its own
 * specific error, within seconds, in bounded memory, without crashing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "isolate.h"
#include "zipgen.h"

/* Generous bounds: these catch hangs and blow-ups, not slowness. Memory is
 * what reading adds; AddressSanitizer's allocator roughly doubles it. */
#if defined(__SANITIZE_ADDRESS__)
#define MAX_SECONDS 30.0
#define MAX_RSS_KB (600L * 1024)
#else
#define MAX_SECONDS 10.0
#define MAX_RSS_KB (300L * 1024)
#endif

static void expect(const unsigned char *data, size_t n, const ooxml_options *opt, int status)
{
    isolate_result r = isolate_read(data, n, opt);
    if (r.signal) fail_msg("child killed by signal %d", r.signal);
    if (r.status != status)
        fail_msg("expected %s, got %s", pl_status_name(status),
                 r.status < 0 ? "nothing" : pl_status_name(r.status));
    if (r.seconds > MAX_SECONDS) fail_msg("took %.1f s", r.seconds);
    if (r.max_rss_kb > MAX_RSS_KB) fail_msg("peak RSS %ld KiB", r.max_rss_kb);
}

static const char *CONTENT_TYPES =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";

static const char *RELS_OPEN =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";

/* A package whose _rels/.rels (read before any reader runs) is `rels`. */
static unsigned char *package_with_rels(const char *rels, size_t n_rels, size_t *n)
{
    zipgen *z = zipgen_new();
    zipgen_add_str(z, "[Content_Types].xml", CONTENT_TYPES);
    zipgen_add(z, "_rels/.rels", rels, n_rels);
    return zipgen_finish(z, n);
}

/* H1: an entry that inflates far past the size its headers declare. */
static void h1_lying_size(void **state)
{
    (void)state;
    size_t big = 10u << 20;
    char *payload = malloc(big);
    memset(payload, 'A', big);
    zipgen *z = zipgen_new();
    zipgen_add_str(z, "[Content_Types].xml", CONTENT_TYPES);
    zipgen_opts o = {.deflate = true, .lie_size = true, .declared_size = 1000};
    zipgen_add_opts(z, "_rels/.rels", payload, big, &o);
    size_t n;
    unsigned char *zip = zipgen_finish(z, &n);
    expect(zip, n, NULL, PL_E_SIZE_MISMATCH);
    free(payload);
    free(zip);
}

/* H2: bombs of whitespace after a real start tag, so that only the caps can
 * stop them. Declared honestly, 1 GiB is over the part cap and 200 MiB in
 * 200 KB is over the ratio cap: both refused before a byte is inflated. A
 * bomb that declares 100 MiB for 1 GiB is stopped at the declared size. */
static void h2_zip_bomb(void **state)
{
    (void)state;
    const uint64_t real[] = {1ull << 30, 200ull << 20, 1ull << 30};
    const uint32_t declared[] = {0, 0, 100u << 20};
    const int expected[] = {PL_E_PART_TOO_LARGE, PL_E_RATIO, PL_E_SIZE_MISMATCH};
    for (int i = 0; i < 3; i++) {
        size_t comp;
        uint64_t size;
        uint32_t crc;
        unsigned char *bomb = zipgen_bomb(RELS_OPEN, ' ', real[i], &comp, &size, &crc);
        zipgen *z = zipgen_new();
        zipgen_add_str(z, "[Content_Types].xml", CONTENT_TYPES);
        uint64_t d = declared[i] ? declared[i] : size;
        zipgen_add_raw(z, "_rels/.rels", 8, bomb, comp, d > 0xFFFFFFFFu ? 0xFFFFFFFFu : d, crc);
        size_t n;
        unsigned char *zip = zipgen_finish(z, &n);
        expect(zip, n, NULL, expected[i]);
        free(zip);
        free(bomb);
    }
}

/* H2 again with honest sizes under a ratio cap that cannot trigger: the
 * absolute part cap still stops it. */
static void h2_bomb_stopped_by_part_cap(void **state)
{
    (void)state;
    size_t comp;
    uint64_t size;
    uint32_t crc;
    unsigned char *bomb = zipgen_bomb(RELS_OPEN, ' ', 64u << 20, &comp, &size, &crc);
    zipgen *z = zipgen_new();
    zipgen_add_str(z, "[Content_Types].xml", CONTENT_TYPES);
    zipgen_add_raw(z, "_rels/.rels", 8, bomb, comp, size, crc);
    size_t n;
    unsigned char *zip = zipgen_finish(z, &n);
    ooxml_options opt;
    ooxml_options_default(&opt);
    opt.limits.max_ratio = 1000000;
    opt.limits.max_part_bytes = 16u << 20;
    expect(zip, n, &opt, PL_E_PART_TOO_LARGE);
    free(bomb);
    free(zip);
}

/* H3: more entries than anyone's document has. */
static void h3_many_entries(void **state)
{
    (void)state;
    zipgen *z = zipgen_new();
    zipgen_add_str(z, "[Content_Types].xml", CONTENT_TYPES);
    for (int i = 0; i < 5000; i++) {
        char name[32];
        snprintf(name, sizeof name, "x/%d", i);
        zipgen_add_stored(z, name, "", 0);
    }
    size_t n;
    unsigned char *zip = zipgen_finish(z, &n);
    expect(zip, n, NULL, PL_E_TOO_MANY_ENTRIES);
    free(zip);
}

static unsigned char *find_central(unsigned char *zip, size_t n, int which)
{
    int seen = 0;
    for (size_t i = 0; i + 4 <= n; i++)
        if (memcmp(zip + i, "PK\x01\x02", 4) == 0 && seen++ == which) return zip + i;
    return NULL;
}

/* H4: two central entries sharing one local header. */
static void h4_overlapping_entries(void **state)
{
    (void)state;
    zipgen *z = zipgen_new();
    zipgen_add_str(z, "[Content_Types].xml", CONTENT_TYPES);
    zipgen_add_str(z, "word/document.xml", "<a/>");
    size_t n;
    unsigned char *zip = zipgen_finish(z, &n);
    unsigned char *c0 = find_central(zip, n, 0), *c1 = find_central(zip, n, 1);
    memcpy(c1 + 42, c0 + 42, 4); /* local header offset */
    expect(zip, n, NULL, PL_E_ZIP_CORRUPT);
    free(zip);
}

static void h4_duplicate_names(void **state)
{
    (void)state;
    zipgen *z = zipgen_new();
    zipgen_add_str(z, "[Content_Types].xml", CONTENT_TYPES);
    zipgen_add_str(z, "word/document.xml", "<a/>");
    zipgen_add_str(z, "word/document.xml", "<b/>");
    size_t n;
    unsigned char *zip = zipgen_finish(z, &n);
    expect(zip, n, NULL, PL_E_ZIP_DUPLICATE);
    free(zip);
}

static void h4_case_only_duplicates(void **state)
{
    (void)state;
    zipgen *z = zipgen_new();
    zipgen_add_str(z, "[Content_Types].xml", CONTENT_TYPES);
    zipgen_add_str(z, "word/document.xml", "<a/>");
    zipgen_add_str(z, "Word/Document.xml", "<b/>");
    size_t n;
    unsigned char *zip = zipgen_finish(z, &n);
    expect(zip, n, NULL, PL_E_ZIP_DUPLICATE);
    free(zip);
}

/* H5: damaged containers. */
static void h5_truncated_and_garbled(void **state)
{
    (void)state;
    size_t n;
    unsigned char *doc = testdoc_docx("<w:p><w:r><w:t>x</w:t></w:r></w:p>", &n, NULL);
    expect(doc, n / 2, NULL, PL_E_ZIP_CORRUPT);      /* cut in half */
    expect(doc, 0, NULL, PL_E_EMPTY);                 /* zero length */

    unsigned char *copy = malloc(n);
    memcpy(copy, doc, n);
    unsigned char *cd = find_central(copy, n, 0);
    memset(cd, 0xAB, (size_t)(copy + n - 22 - cd)); /* garbage central directory */
    expect(copy, n, NULL, PL_E_ZIP_CORRUPT);

    memcpy(copy, doc, n);
    unsigned char *eocd = copy + n - 22;
    eocd[16] ^= 0x55; /* wrong central directory offset */
    expect(copy, n, NULL, PL_E_ZIP_CORRUPT);
    free(copy);
    free(doc);
}

/* H6: zip encryption and compression methods OPC does not allow. */
static void h6_unsupported_zip_features(void **state)
{
    (void)state;
    const uint16_t methods[] = {12, 14, 93};
    for (size_t i = 0; i < 3; i++) {
        zipgen *z = zipgen_new();
        zipgen_opts o = {.method_id = methods[i]};
        zipgen_add_opts(z, "[Content_Types].xml", CONTENT_TYPES, strlen(CONTENT_TYPES), &o);
        size_t n;
        unsigned char *zip = zipgen_finish(z, &n);
        expect(zip, n, NULL, PL_E_ZIP_UNSUPPORTED);
        free(zip);
    }
    zipgen *z = zipgen_new();
    zipgen_opts o = {.encrypted_flag = true};
    zipgen_add_opts(z, "[Content_Types].xml", CONTENT_TYPES, strlen(CONTENT_TYPES), &o);
    size_t n;
    unsigned char *zip = zipgen_finish(z, &n);
    expect(zip, n, NULL, PL_E_ZIP_UNSUPPORTED);
    free(zip);
}

/* H7: every entity attack needs a DOCTYPE, and any DOCTYPE is refused. */
static void h7_entity_attacks(void **state)
{
    (void)state;
    const char *attacks[] = {
        /* billion laughs */
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"lol\">"
        "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
        "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
        "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">"
        "<!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\"><!ENTITY i \"&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;\">]>"
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">&i;"
        "</Relationships>",
        /* external entity */
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">&x;"
        "</Relationships>",
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"http://127.0.0.1:9/x\">]>"
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">&x;"
        "</Relationships>",
        /* parameter-entity XXE */
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]>"
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>",
        /* external DTD */
        "<?xml version=\"1.0\"?><!DOCTYPE r SYSTEM \"http://127.0.0.1:9/x.dtd\">"
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>",
    };
    for (size_t i = 0; i < sizeof attacks / sizeof attacks[0]; i++) {
        size_t n;
        unsigned char *zip = package_with_rels(attacks[i], strlen(attacks[i]), &n);
        expect(zip, n, NULL, PL_E_DTD);
        free(zip);
    }
}

/* H7: quadratic blowup: one 100 KB entity referenced 10,000 times. */
static void h7_quadratic_blowup(void **state)
{
    (void)state;
    size_t big = 100000, refs = 10000;
    char *xml = malloc(big + refs * 4 + 512);
    char *p = xml;
    p += sprintf(p, "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"");
    memset(p, 'x', big);
    p += big;
    p += sprintf(p, "\">]><r>");
    for (size_t i = 0; i < refs; i++) p += sprintf(p, "&a;");
    p += sprintf(p, "</r>");
    size_t n;
    unsigned char *zip = package_with_rels(xml, (size_t)(p - xml), &n);
    expect(zip, n, NULL, PL_E_DTD);
    free(zip);
    free(xml);
}

/* H8: 100,000 nested elements, which libxml2's push parser would accept. */
static void h8_deep_nesting(void **state)
{
    (void)state;
    size_t depth = 100000;
    char *xml = malloc(depth * 7 + 64);
    char *p = xml;
    for (size_t i = 0; i < depth; i++) p += sprintf(p, "<a>");
    for (size_t i = 0; i < depth; i++) p += sprintf(p, "</a>");
    size_t n;
    unsigned char *zip = package_with_rels(xml, (size_t)(p - xml), &n);
    expect(zip, n, NULL, PL_E_TOO_DEEP);
    free(zip);
    free(xml);
}

/* H9: encodings: Shift_JIS is refused, bad UTF-8 is located. */
static void h9_encodings(void **state)
{
    (void)state;
    const char *sjis = "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><Relationships "
                       "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>";
    size_t n;
    unsigned char *zip = package_with_rels(sjis, strlen(sjis), &n);
    expect(zip, n, NULL, PL_E_ENCODING);
    free(zip);

    const char *bad = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
                      "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                      "\xE6\x9D</Relationships>";
    zip = package_with_rels(bad, strlen(bad), &n);
    expect(zip, n, NULL, PL_E_UTF8);
    free(zip);
}

/* H7 again, where it matters most: a DOCTYPE in the main document part. */
static void h7_dtd_in_document(void **state)
{
    (void)state;
    zipgen *z = zipgen_new();
    zipgen_add_str(z, "[Content_Types].xml",
                   "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                   "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
                   "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
    zipgen_add_str(z, "_rels/.rels",
                   "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                   "<Relationship Id=\"r\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
                   "2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
    zipgen_add_str(z, "word/document.xml",
                   "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                   "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                   "<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>");
    size_t n;
    unsigned char *zip = zipgen_finish(z, &n);
    expect(zip, n, NULL, PL_E_DTD);
    free(zip);
}

/* H10: one 50 MB w:t is read in linear time and bounded memory; under a
 * smaller text cap it is refused as soon as the cap is crossed. */
static void h10_huge_text_node(void **state)
{
    (void)state;
    size_t big = 50u << 20;
    const char *head = "<w:p><w:r><w:t>", *tail = "</w:t></w:r></w:p>";
    char *body = malloc(big + 64);
    strcpy(body, head);
    /* text that compresses like text (one repeated letter would be refused
     * at once by the ratio cap, as a bomb) */
    uint32_t seed = 12345;
    for (size_t i = 0; i < big; i++) {
        seed = seed * 1103515245u + 12345u;
        body[strlen(head) + i] = (char)('a' + (seed >> 16) % 26);
    }
    strcpy(body + strlen(head) + big, tail);
    size_t n;
    unsigned char *doc = testdoc_docx(body, &n, NULL);
    free(body);
    expect(doc, n, NULL, PL_OK);
    ooxml_options opt;
    ooxml_options_default(&opt);
    opt.limits.max_text_bytes = 8u << 20;
    expect(doc, n, &opt, PL_E_LIMIT);
    free(doc);
}

/* H10: 2 million shared strings against the cap, and a million-row sheet
 * read in bounded time. */
static void h10_huge_workbooks(void **state)
{
    (void)state;
    size_t items = 2000000;
    char *sst = malloc(items * 24 + 256);
    char *p = sst + sprintf(sst, "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
    for (size_t i = 0; i < items; i++) p += sprintf(p, "<si><t>%zu</t></si>", i % 1000);
    p += sprintf(p, "</sst>");
    size_t rows = 1000000;
    char *data = malloc(rows * 64 + 64);
    char *q = data;
    for (size_t r = 1; r <= rows; r++) q += sprintf(q, "<row r=\"%zu\"><c r=\"A%zu\"><v>%zu</v></c></row>", r, r, r);
    size_t n;
    unsigned char *wb = testdoc_xlsx(&n, "台帳", data, NULL);
    expect(wb, n, NULL, PL_OK); /* a million rows: linear, within the bounds */
    free(wb);
    free(data);
    /* the shared strings: same workbook shape, strings part added */
    zipgen *z = zipgen_new();
    zipgen_add_str(z, "[Content_Types].xml",
                   "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                   "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd."
                   "openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>");
    zipgen_add_str(z, "_rels/.rels",
                   "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                   "<Relationship Id=\"r\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
                   "2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
    zipgen_add_str(z, "xl/workbook.xml",
                   "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                   "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                   "<sheets><sheet name=\"s\" sheetId=\"1\" r:id=\"r1\"/></sheets></workbook>");
    zipgen_add_str(z, "xl/_rels/workbook.xml.rels",
                   "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                   "<Relationship Id=\"r1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                   "relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"r2\" "
                   "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                   "sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
    zipgen_add_str(z, "xl/worksheets/sheet1.xml",
                   "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                   "<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>");
    zipgen_add(z, "xl/sharedStrings.xml", sst, (size_t)(p - sst));
    unsigned char *wb2 = zipgen_finish(z, &n);
    ooxml_options opt;
    ooxml_options_default(&opt);
    opt.limits.max_shared_strings = 1000000;
    expect(wb2, n, &opt, PL_E_LIMIT);
    free(wb2);
    free(sst);
}

/* H11: relationships that point outside the package, or at file: and
 * http: URLs, are never followed; the document reads normally. */
static void h11_escaping_relationships(void **state)
{
    (void)state;
    size_t n;
    unsigned char *doc = testdoc_docx("<w:p><w:r><w:t>本文</w:t></w:r></w:p>", &n, NULL);
    /* rewrite: add a header relationship to ../../etc/passwd and a
     * footer at file:///etc/shadow */
    zipgen *z = zipgen_new();
    zipgen_add_str(z, "[Content_Types].xml",
                   "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                   "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
                   "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
    zipgen_add_str(z, "_rels/.rels",
                   "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                   "<Relationship Id=\"r\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
                   "2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
    zipgen_add_str(z, "word/_rels/document.xml.rels",
                   "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                   "<Relationship Id=\"h\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                   "relationships/header\" Target=\"../../etc/passwd\"/>"
                   "<Relationship Id=\"f\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                   "relationships/footer\" Target=\"file:///etc/shadow\" TargetMode=\"External\"/>"
                   "</Relationships>");
    zipgen_add_str(z, "word/document.xml",
                   "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
                   "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                   "<w:body><w:p><w:r><w:t>本文</w:t></w:r></w:p><w:sectPr><w:headerReference "
                   "w:type=\"default\" r:id=\"h\"/><w:footerReference w:type=\"default\" r:id=\"f\"/>"
                   "</w:sectPr></w:body></w:document>");
    free(doc);
    doc = zipgen_finish(z, &n);
    isolate_result r = isolate_read(doc, n, NULL);
    assert_int_equal(r.signal, 0);
    assert_int_equal(r.status, PL_OK);
    assert_int_equal(r.blocks, 1); /* the body only: nothing was read from outside */
    free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(h1_lying_size),
        cmocka_unit_test(h2_zip_bomb),
        cmocka_unit_test(h2_bomb_stopped_by_part_cap),
        cmocka_unit_test(h3_many_entries),
        cmocka_unit_test(h4_overlapping_entries),
        cmocka_unit_test(h4_duplicate_names),
        cmocka_unit_test(h4_case_only_duplicates),
        cmocka_unit_test(h5_truncated_and_garbled),
        cmocka_unit_test(h6_unsupported_zip_features),
        cmocka_unit_test(h7_entity_attacks),
        cmocka_unit_test(h7_quadratic_blowup),
        cmocka_unit_test(h8_deep_nesting),
        cmocka_unit_test(h9_encodings),
        cmocka_unit_test(h7_dtd_in_document),
        cmocka_unit_test(h10_huge_text_node),
        cmocka_unit_test(h10_huge_workbooks),
        cmocka_unit_test(h11_escaping_relationships),
    };
    return cmocka_run_group_tests_name("hazards", tests, NULL, NULL);
}

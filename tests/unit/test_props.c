/* Document properties (docProps): the metadata channel, one block per
 * property that says where a document comes from, nothing else. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "ooxml/ooxml.h"
#include "zipgen.h"

static const char *PKG_RELS =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"r1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/officeDocument\" Target=\"word/document.xml\"/>"
    "<Relationship Id=\"r2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/"
    "metadata/core-properties\" Target=\"docProps/core.xml\"/>"
    "<Relationship Id=\"r3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
    "<Relationship Id=\"r4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/custom-properties\" Target=\"docProps/custom.xml\"/></Relationships>";

static void properties_become_metadata_blocks(void **state)
{
    (void)state;
    zipgen *z = zipgen_new();
    zipgen_add_str(z, "[Content_Types].xml",
                   "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                   "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Override "
                   "PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-"
                   "officedocument.wordprocessingml.document.main+xml\"/></Types>");
    zipgen_add_str(z, "_rels/.rels", PKG_RELS);
    zipgen_add_str(z, "word/document.xml",
                   "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/"
                   "main\"><w:body><w:p><w:r><w:t>本文</w:t></w:r></w:p></w:body></w:document>");
    zipgen_add_str(z, "docProps/core.xml",
                   "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/"
                   "metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                   "<dc:title>業務委託契約書</dc:title><dc:creator> 情報政策課 </dc:creator>"
                   "<dc:subject></dc:subject></cp:coreProperties>");
    zipgen_add_str(z, "docProps/app.xml",
                   "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                   "extended-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/"
                   "officeDocument/2006/docPropsVTypes\"><Company>株式会社みなと</Company>"
                   "<Words>120</Words><TitlesOfParts><vt:vector size=\"1\" baseType=\"lpstr\">"
                   "<vt:lpstr>表題</vt:lpstr></vt:vector></TitlesOfParts></Properties>");
    zipgen_add_str(z, "docProps/custom.xml",
                   "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                   "custom-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/"
                   "officeDocument/2006/docPropsVTypes\"><property fmtid=\"{D5CDD505}\" pid=\"2\" "
                   "name=\"担当課\"><vt:lpwstr>契約課</vt:lpwstr></property></Properties>");
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
    const char *want[][2] = {{"dc:title", "業務委託契約書"}, {"dc:creator", "情報政策課"},
                             {"app:Company", "株式会社みなと"}, {"custom:担当課", "契約課"}};
    size_t found = 0;
    for (size_t i = 0; i < d.nblocks; i++) {
        const doc_block *b = &d.blocks[i];
        if (b->channel != DOC_CH_METADATA) continue;
        assert_int_equal(b->kind, DOC_BLOCK_PROPERTY);
        assert_true(found < 4);
        assert_string_equal(b->ref, want[found][0]); /* empty subject, Words, titles: absent */
        assert_string_equal(b->text, want[found][1]);
        found++;
    }
    assert_int_equal(found, 4);
    doc_document_free(&d);

    /* --no-metadata */
    opt.metadata = false;
    doc_document_init(&d);
    sink = doc_document_sink(&d);
    assert_int_equal(ooxml_read_memory(zip, n, "t.docx", &opt, &d.info, &sink, &err), PL_OK);
    for (size_t i = 0; i < d.nblocks; i++) assert_int_not_equal(d.blocks[i].channel, DOC_CH_METADATA);
    doc_document_free(&d);
    free(zip);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(properties_become_metadata_blocks),
    };
    return cmocka_run_group_tests_name("props", tests, NULL, NULL);
}

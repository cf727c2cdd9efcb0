/*
 * test_docx.c - the DOCX story reader, end to end.
 *
 * Every test builds a package at test time from WordprocessingML written in
 * the shapes Word and LibreOffice produce (rsid-split runs, rFonts with
 * eastAsia fonts, xml:space="preserve", proofErr and bookmarks between runs,
 * mc:AlternateContent with both a DrawingML and a VML text box), reads it
 * through ooxml_read_memory() into a doc_document, and checks the exact
 * text, location, label and marks of each block. The E-numbers refer to the
 * extraction checklist in shared/domain/ooxml-extraction-notes.md §5.1.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "doc/doc.h"
#include "ooxml/ooxml.h"
#include "zipgen.h"

/* ---- building packages --------------------------------------------------------- */

#define NS                                                                                         \
    "xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main' "                      \
    "xmlns:r='http://schemas.openxmlformats.org/officeDocument/2006/relationships' "               \
    "xmlns:mc='http://schemas.openxmlformats.org/markup-compatibility/2006' "                      \
    "xmlns:wps='http://schemas.microsoft.com/office/word/2010/wordprocessingShape' "               \
    "xmlns:wp='http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing' "           \
    "xmlns:a='http://schemas.openxmlformats.org/drawingml/2006/main' "                             \
    "xmlns:v='urn:schemas-microsoft-com:vml' xmlns:o='urn:schemas-microsoft-com:office:office' "   \
    "xmlns:m='http://schemas.openxmlformats.org/officeDocument/2006/math' "                        \
    "xmlns:w14='http://schemas.microsoft.com/office/word/2010/wordml' mc:Ignorable='w14'"

#define XMLDECL "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
#define DOCUMENT(body) XMLDECL "<w:document " NS "><w:body>" body "</w:body></w:document>"
#define PART(root, inner) XMLDECL "<w:" root " " NS ">" inner "</w:" root ">"
#define RELS_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define REL(id, type, target)                                                                      \
    "<Relationship Id='" id "' Type='" RELS_NS type "' Target='" target "'/>"
#define XREL(id, type, target)                                                                     \
    "<Relationship Id='" id "' Type='" RELS_NS type "' Target='" target                            \
    "' TargetMode='External'/>"

#define P(x) "<w:p>" x "</w:p>"
#define R(t) "<w:r><w:t>" t "</w:t></w:r>"
/* a run as Word writes it in a Japanese document */
#define RJ(rsid, t)                                                                                \
    "<w:r w:rsidRPr='" rsid "'><w:rPr><w:rFonts w:ascii='ＭＳ 明朝' w:eastAsia='ＭＳ 明朝' "       \
    "w:hAnsi='ＭＳ 明朝' w:hint='eastAsia'/><w:sz w:val='21'/><w:szCs w:val='21'/></w:rPr>"       \
    "<w:t xml:space='preserve'>" t "</w:t></w:r>"
#define NUMP(id, lvl, x)                                                                           \
    "<w:p w:rsidR='00A1' w:rsidRDefault='00A1'><w:pPr><w:pStyle w:val='a3'/><w:numPr>"            \
    "<w:ilvl w:val='" #lvl "'/><w:numId w:val='" #id "'/></w:numPr><w:ind w:left='420' "          \
    "w:hanging='420'/></w:pPr>" x "</w:p>"

static const char CONTENT_TYPES_FMT[] =
    XMLDECL "<Types xmlns='http://schemas.openxmlformats.org/package/2006/content-types'>"
            "<Default Extension='rels' "
            "ContentType='application/vnd.openxmlformats-package.relationships+xml'/>"
            "<Default Extension='xml' ContentType='application/xml'/>"
            "<Override PartName='/%s' ContentType='%s'/></Types>";

static const char DOCX_MAIN_TYPE[] =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

static unsigned char *build(size_t *n, const char *main_name, const char *main_type,
                            const char *root_rel_type, const char *document, const char *rels,
                            va_list ap)
{
    zipgen *z = zipgen_new();
    char buf[4096];
    snprintf(buf, sizeof buf, CONTENT_TYPES_FMT, main_name, main_type);
    zipgen_add_str(z, "[Content_Types].xml", buf);
    snprintf(buf, sizeof buf,
             XMLDECL "<Relationships xmlns='http://schemas.openxmlformats.org/package/2006/"
                     "relationships'><Relationship Id='rId1' Type='%s' Target='%s'/>"
                     "</Relationships>",
             root_rel_type, main_name);
    zipgen_add_str(z, "_rels/.rels", buf);
    zipgen_add_str(z, main_name, document);
    if (rels) {
        const char *slash = strrchr(main_name, '/');
        char rels_name[256];
        snprintf(rels_name, sizeof rels_name, "%.*s_rels/%s.rels", (int)(slash - main_name + 1),
                 main_name, slash + 1);
        size_t len = strlen(rels) + 256;
        char *x = malloc(len);
        snprintf(x, len,
                 XMLDECL "<Relationships xmlns='http://schemas.openxmlformats.org/package/2006/"
                         "relationships'>%s</Relationships>",
                 rels);
        zipgen_add_str(z, rels_name, x);
        free(x);
    }
    for (;;) {
        const char *name = va_arg(ap, const char *);
        if (!name) break;
        zipgen_add_str(z, name, va_arg(ap, const char *));
    }
    return zipgen_finish(z, n);
}

/* word/document.xml with the given relationships (Relationship elements)
 * and extra parts as name, xml pairs ending with NULL. */
static unsigned char *mkdocx(size_t *n, const char *document, const char *rels, ...)
{
    va_list ap;
    va_start(ap, rels);
    unsigned char *z = build(n, "word/document.xml", DOCX_MAIN_TYPE, RELS_NS "officeDocument",
                             document, rels, ap);
    va_end(ap);
    return z;
}

/* ---- reading -------------------------------------------------------------------- */

typedef struct rd {
    doc_document doc;
    pl_status status;
    pl_error err;
} rd;

static void rd_bytes(rd *r, const unsigned char *data, size_t n, doc_tracked tracked,
                     uint64_t max_text)
{
    ooxml_options opt;
    ooxml_options_default(&opt);
    opt.metadata = false;
    opt.tracked = tracked;
    if (max_text) opt.limits.max_text_bytes = max_text;
    doc_document_init(&r->doc);
    pl_error_clear(&r->err);
    doc_sink sink = doc_document_sink(&r->doc);
    r->status = ooxml_read_memory(data, n, "test.docx", &opt, &r->doc.info, &sink, &r->err);
}

/* Reads and frees the package; the read must succeed. */
static void rd_zip(rd *r, unsigned char *zip, size_t n, doc_tracked tracked)
{
    rd_bytes(r, zip, n, tracked, 0);
    free(zip);
    if (r->status != PL_OK)
        fail_msg("read failed: %s %s %s", pl_status_name(r->status), r->err.part, r->err.detail);
}

static void rd_free(rd *r)
{
    doc_document_free(&r->doc);
}

static const doc_block *blk(const rd *r, size_t i)
{
    if (i >= r->doc.nblocks) fail_msg("block %zu of %zu", i, r->doc.nblocks);
    return &r->doc.blocks[i];
}

static void dump(const rd *r)
{
    for (size_t i = 0; i < r->doc.nblocks; i++) {
        const doc_block *b = &r->doc.blocks[i];
        print_message("%zu [%s] p%u t%u r%u c%u '%s' label=%s\n", i, doc_channel_name(b->channel),
                      b->loc.paragraph, b->loc.table, b->loc.row, b->loc.col, b->text,
                      b->label ? b->label : "-");
    }
}

static void expect_count(const rd *r, size_t n)
{
    if (r->doc.nblocks != n) {
        dump(r);
        fail_msg("%zu blocks, want %zu", r->doc.nblocks, n);
    }
}

static const doc_block *expect_text(const rd *r, size_t i, doc_channel ch, const char *text)
{
    const doc_block *b = blk(r, i);
    if (b->channel != ch || strcmp(b->text, text) != 0) {
        dump(r);
        fail_msg("block %zu: [%s] '%s', want [%s] '%s'", i, doc_channel_name(b->channel), b->text,
                 doc_channel_name(ch), text);
    }
    assert_int_equal(b->len, strlen(text));
    return b;
}

static const doc_mark *mark_n(const doc_block *b, doc_mark_kind kind, int nth)
{
    for (uint32_t i = 0; i < b->nmarks; i++)
        if (b->marks[i].kind == kind && nth-- == 0) return &b->marks[i];
    return NULL;
}

static int count_marks(const doc_block *b, doc_mark_kind kind)
{
    int n = 0;
    for (uint32_t i = 0; i < b->nmarks; i++) n += b->marks[i].kind == kind;
    return n;
}

/* A mark of kind over [start, end) bytes with this info (NULL: none). */
static void expect_mark(const doc_block *b, doc_mark_kind kind, int nth, uint32_t start,
                        uint32_t end, const char *info)
{
    const doc_mark *m = mark_n(b, kind, nth);
    if (!m) fail_msg("no %s mark #%d in '%s'", doc_mark_name(kind), nth, b->text);
    if (m->start != start || m->end != end)
        fail_msg("%s mark #%d at [%u,%u), want [%u,%u) in '%s'", doc_mark_name(kind), nth,
                 m->start, m->end, start, end, b->text);
    if (info)
        assert_string_equal(m->info, info);
    else
        assert_null(m->info);
}

static void expect_loc(const doc_block *b, uint32_t paragraph, uint32_t table, uint32_t row,
                       uint32_t col, uint16_t depth)
{
    if (b->loc.paragraph != paragraph || b->loc.table != table || b->loc.row != row ||
        b->loc.col != col || b->loc.table_depth != depth)
        fail_msg("'%s' at p%u t%u r%u c%u d%u, want p%u t%u r%u c%u d%u", b->text,
                 b->loc.paragraph, b->loc.table, b->loc.row, b->loc.col, b->loc.table_depth,
                 paragraph, table, row, col, depth);
}

static void expect_label(const doc_block *b, const char *label, char suffix, uint8_t level,
                         uint32_t value)
{
    if (!label) {
        assert_null(b->label);
        return;
    }
    if (!b->label) fail_msg("'%s' has no label, want '%s'", b->text, label);
    assert_string_equal(b->label, label);
    assert_int_equal(b->label_suffix, suffix);
    assert_int_equal(b->list_level, level);
    assert_int_equal(b->list_value, value);
}

static bool has_warning(const rd *r, const char *code)
{
    for (size_t i = 0; i < r->doc.info.nwarnings; i++)
        if (strcmp(r->doc.info.warnings[i].code, code) == 0) return true;
    return false;
}

static bool any_text_contains(const rd *r, const char *needle)
{
    for (size_t i = 0; i < r->doc.nblocks; i++)
        if (strstr(r->doc.blocks[i].text, needle)) return true;
    return false;
}

/* ---- E1, E18: main part, strict, macro-enabled ------------------------------------ */

static void test_e1_main_part_from_rels(void **state)
{
    (void)state;
    size_t n;
    /* the officeDocument relationship names word/main.xml; a decoy
     * word/document.xml must not be read */
    zipgen *z = zipgen_new();
    char ct[1024];
    snprintf(ct, sizeof ct, CONTENT_TYPES_FMT, "word/main.xml", DOCX_MAIN_TYPE);
    zipgen_add_str(z, "[Content_Types].xml", ct);
    zipgen_add_str(z, "_rels/.rels",
                   XMLDECL "<Relationships xmlns='http://schemas.openxmlformats.org/package/2006/"
                           "relationships'>" REL("rId1", "officeDocument", "word/main.xml")
                           "</Relationships>");
    zipgen_add_str(z, "word/main.xml",
                   DOCUMENT(P(R("本文")) "<w:sectPr><w:headerReference w:type='default' "
                                         "r:id='rIdH'/></w:sectPr>"));
    zipgen_add_str(z, "word/_rels/main.xml.rels",
                   XMLDECL "<Relationships xmlns='http://schemas.openxmlformats.org/package/2006/"
                           "relationships'>" REL("rIdH", "header", "hdr.xml") "</Relationships>");
    zipgen_add_str(z, "word/hdr.xml", PART("hdr", P(R("ヘッダー"))));
    zipgen_add_str(z, "word/document.xml", DOCUMENT(P(R("おとり"))));
    unsigned char *zip = zipgen_finish(z, &n);
    rd r;
    rd_zip(&r, zip, n, DOC_TRACKED_ACCEPT);
    expect_count(&r, 2);
    const doc_block *b = expect_text(&r, 0, DOC_CH_BODY, "本文");
    assert_string_equal(b->loc.part, "word/main.xml");
    expect_loc(b, 1, 0, 0, 0, 0);
    b = expect_text(&r, 1, DOC_CH_HEADER, "ヘッダー");
    assert_string_equal(b->loc.part, "word/hdr.xml");
    assert_string_equal(b->ref, "default");
    assert_string_equal(r.doc.info.main_part, "word/main.xml");
    assert_false(r.doc.info.strict);
    rd_free(&r);
}

#define STRICT_W "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define STRICT_R "http://purl.oclc.org/ooxml/officeDocument/relationships"

static void test_e18_strict(void **state)
{
    (void)state;
    size_t n;
    zipgen *z = zipgen_new();
    char ct[1024];
    snprintf(ct, sizeof ct, CONTENT_TYPES_FMT, "word/document.xml", DOCX_MAIN_TYPE);
    zipgen_add_str(z, "[Content_Types].xml", ct);
    zipgen_add_str(z, "_rels/.rels",
                   XMLDECL "<Relationships xmlns='http://schemas.openxmlformats.org/package/2006/"
                           "relationships'><Relationship Id='rId1' Type='" STRICT_R
                           "/officeDocument' Target='word/document.xml'/></Relationships>");
    zipgen_add_str(z, "word/document.xml",
                   XMLDECL "<w:document xmlns:w='" STRICT_W "' xmlns:r='" STRICT_R "'><w:body>"
                           "<w:p><w:pPr><w:numPr><w:ilvl w:val='0'/><w:numId w:val='1'/>"
                           "</w:numPr></w:pPr><w:r><w:t>厳格形式</w:t></w:r></w:p>"
                           "<w:sectPr><w:footerReference w:type='default' r:id='rId2'/>"
                           "</w:sectPr></w:body></w:document>");
    zipgen_add_str(z, "word/_rels/document.xml.rels",
                   XMLDECL "<Relationships xmlns='http://schemas.openxmlformats.org/package/2006/"
                           "relationships'><Relationship Id='rId2' Type='" STRICT_R
                           "/footer' Target='footer1.xml'/><Relationship Id='rId3' Type='" STRICT_R
                           "/numbering' Target='numbering.xml'/></Relationships>");
    zipgen_add_str(z, "word/footer1.xml",
                   XMLDECL "<w:ftr xmlns:w='" STRICT_W "'><w:p><w:r><w:t>フッター</w:t></w:r>"
                           "</w:p></w:ftr>");
    zipgen_add_str(z, "word/numbering.xml",
                   XMLDECL "<w:numbering xmlns:w='" STRICT_W "'><w:abstractNum w:abstractNumId='0'>"
                           "<w:lvl w:ilvl='0'><w:start w:val='1'/><w:numFmt w:val='decimal'/>"
                           "<w:lvlText w:val='%1.'/></w:lvl></w:abstractNum><w:num w:numId='1'>"
                           "<w:abstractNumId w:val='0'/></w:num></w:numbering>");
    unsigned char *zip = zipgen_finish(z, &n);
    rd r;
    rd_zip(&r, zip, n, DOC_TRACKED_ACCEPT);
    expect_count(&r, 2);
    expect_label(expect_text(&r, 0, DOC_CH_BODY, "厳格形式"), "1.", '\t', 1, 1);
    expect_text(&r, 1, DOC_CH_FOOTER, "フッター");
    assert_true(r.doc.info.strict);
    rd_free(&r);
}

static void test_e18_docm(void **state)
{
    (void)state;
    size_t n;
    zipgen *z = zipgen_new();
    char ct[1024];
    snprintf(ct, sizeof ct, CONTENT_TYPES_FMT, "word/document.xml",
             "application/vnd.ms-word.document.macroEnabled.main+xml");
    zipgen_add_str(z, "[Content_Types].xml", ct);
    zipgen_add_str(z, "_rels/.rels",
                   XMLDECL "<Relationships xmlns='http://schemas.openxmlformats.org/package/2006/"
                           "relationships'>" REL("rId1", "officeDocument", "word/document.xml")
                           "</Relationships>");
    zipgen_add_str(z, "word/document.xml", DOCUMENT(P(R("マクロ付き"))));
    zipgen_add_str(z, "word/vbaProject.bin", "not really");
    unsigned char *zip = zipgen_finish(z, &n);
    rd r;
    rd_zip(&r, zip, n, DOC_TRACKED_ACCEPT);
    expect_count(&r, 1);
    expect_text(&r, 0, DOC_CH_BODY, "マクロ付き");
    assert_string_equal(r.doc.info.variant, "docm");
    assert_true(has_warning(&r, "MACROS"));
    rd_free(&r);
}

/* ---- E2, E3, E4: text of runs ------------------------------------------------------- */

static void test_e2_runs_concatenated(void **state)
{
    (void)state;
    size_t n;
    /* built with the shared helper: rsid splits, proofErr, bookmarks, and
     * ideographic spaces at both ends that must survive */
    unsigned char *zip = testdoc_docx(
        "<w:p w:rsidR='00B71C6D' w:rsidRDefault='00B71C6D' w:rsidP='00D3E2F1'>"
        "<w:pPr><w:ind w:leftChars='100' w:left='210'/><w:rPr><w:rFonts w:ascii='ＭＳ 明朝' "
        "w:hAnsi='ＭＳ 明朝'/></w:rPr></w:pPr><w:bookmarkStart w:id='0' w:name='_Hlk1'/>"
        RJ("00A1", "　甲は、") "<w:proofErr w:type='spellStart'/>" RJ("00C2", "乙に対し ")
        "<w:proofErr w:type='spellEnd'/><w:r><w:lastRenderedPageBreak/><w:t>委託</w:t></w:r>"
        RJ("00C3", "する。　") "<w:bookmarkEnd w:id='0'/></w:p>"
        "<w:p/>"
        "<w:p><w:r><w:t xml:space='preserve'>　</w:t></w:r></w:p>",
        &n, NULL);
    rd r;
    rd_zip(&r, zip, n, DOC_TRACKED_ACCEPT);
    expect_count(&r, 2);
    const doc_block *b = expect_text(&r, 0, DOC_CH_BODY, "　甲は、乙に対し 委託する。　");
    expect_loc(b, 1, 0, 0, 0, 0);
    assert_int_equal(b->nmarks, 0);
    assert_null(b->label);
    assert_int_equal(b->flags, 0);
    b = expect_text(&r, 1, DOC_CH_BODY, "　"); /* an ideographic space is text */
    expect_loc(b, 3, 0, 0, 0, 0);               /* the empty w:p still counts */
    assert_int_equal(r.doc.info.paragraphs, 3);
    rd_free(&r);
}

static void test_e3_tabs_and_breaks(void **state)
{
    (void)state;
    size_t n;
    unsigned char *zip = mkdocx(
        &n,
        DOCUMENT("<w:p><w:pPr><w:tabs><w:tab w:val='left' w:pos='840'/></w:tabs></w:pPr>"
                 "<w:r><w:t>A</w:t><w:tab/><w:t>B</w:t><w:br/><w:t>C</w:t>"
                 "<w:br w:type='textWrapping' w:clear='all'/><w:t>D</w:t><w:br w:type='page'/>"
                 "<w:t>E</w:t><w:br w:type='column'/><w:t>F</w:t><w:cr/><w:t>G</w:t>"
                 "<w:ptab w:relativeTo='margin' w:alignment='right' w:leader='none'/>"
                 "<w:t>H</w:t></w:r></w:p>"),
        NULL, NULL);
    rd r;
    rd_zip(&r, zip, n, DOC_TRACKED_ACCEPT);
    expect_count(&r, 1);
    expect_text(&r, 0, DOC_CH_BODY, "A\tB\nC\nDEF\nG\tH");
    rd_free(&r);
}

static void test_e4_hyphens_and_symbols(void **state)
{
    (void)state;
    size_t n;
    unsigned char *zip = mkdocx(
        &n,
        DOCUMENT(P("<w:r><w:t>e</w:t><w:softHyphen/><w:t>mail</w:t><w:noBreakHyphen/>"
                   "<w:t>x</w:t><w:sym w:font='Wingdings' w:char='F0FC'/>"
                   "<w:sym w:font='Symbol' w:char='F0B7'/><w:sym w:font='Wingdings' w:char='F021'/>"
                   "<w:sym w:font='ＭＳ ゴシック' w:char='2610'/>"
                   "<w:sym w:font='Wingdings 2' w:char='52'/></w:r>")),
        NULL, NULL);
    rd r;
    rd_zip(&r, zip, n, DOC_TRACKED_ACCEPT);
    expect_count(&r, 1);
    const doc_block *b =
        expect_text(&r, 0, DOC_CH_BODY, "e\u00ADmail\u2011x✓•\uF021☐☑");
    /* e(1) shy(2) mail(4) nbh(3) x(1) ✓(3) •(3) = 17 */
    expect_mark(b, DOC_MARK_SYMBOL, 0, 17, 20, "Wingdings:F021");
    assert_int_equal(b->nmarks, 1);
    assert_true(has_warning(&r, "SYMBOL"));
    rd_free(&r);
}

/* Glyph codes typed straight into a run set in a symbol font (old Word
 * documents, pandoc's unicode.docx) */
static void test_e4_symbol_font_runs(void **state)
{
    (void)state;
    size_t n;
    unsigned char *zip = mkdocx(
        &n,
        DOCUMENT(P(R("式") "<w:r><w:rPr><w:rFonts w:ascii='Symbol' w:hAnsi='Symbol'/></w:rPr>"
                            "<w:t>\uF028\uF061\uF029a</w:t></w:r>"
                            "<w:r><w:rPr><w:rFonts w:ascii='Wingdings' w:hAnsi='Wingdings'/>"
                            "</w:rPr><w:t>\uF0FC\uF021</w:t></w:r><w:r><w:t>\uF0FC</w:t></w:r>")),
        NULL, NULL);
    rd r;
    rd_zip(&r, zip, n, DOC_TRACKED_ACCEPT);
    expect_count(&r, 1);
    /* 式(3) ( α(2) ) a ✓(3) = 11; then the unmapped U+F021; a private-use
     * character in an ordinary font is left alone */
    const doc_block *b = expect_text(&r, 0, DOC_CH_BODY, "式(α)a✓\uF021\uF0FC");
    expect_mark(b, DOC_MARK_SYMBOL, 0, 11, 14, "Wingdings:F021");
    assert_int_equal(b->nmarks, 1);
    rd_free(&r);
}

/* A drop cap is a frame paragraph that Word draws into the next one. */
static void test_drop_cap(void **state)
{
    (void)state;
    size_t n;
    unsigned char *zip = mkdocx(
        &n,
        DOCUMENT("<w:p><w:pPr><w:keepNext/><w:framePr w:dropCap='drop' w:lines='3' "
                 "w:wrap='around' w:vAnchor='text' w:hAnchor='text'/><w:spacing w:after='0'/>"
                 "</w:pPr><w:r><w:rPr><w:position w:val='-7'/><w:sz w:val='96'/></w:rPr>"
                 "<w:t>本</w:t></w:r></w:p>" P(R("契約は、次のとおり定める。")) P(R("次"))),
        NULL, NULL);
    rd r;
    rd_zip(&r, zip, n, DOC_TRACKED_ACCEPT);
    expect_count(&r, 2);
    const doc_block *b = expect_text(&r, 0, DOC_CH_BODY, "本契約は、次のとおり定める。");
    expect_loc(b, 1, 0, 0, 0, 0);
    assert_int_equal(b->flags, 0);
    expect_loc(expect_text(&r, 1, DOC_CH_BODY, "次"), 3, 0, 0, 0, 0);
    rd_free(&r);
}

static void test_math_text(void **state)
{
    (void)state;
    size_t n;
    unsigned char *zip = mkdocx(
        &n,
        DOCUMENT(P(R("式") "<m:oMath><m:r><m:t>x</m:t></m:r><m:r><w:rPr><w:rFonts "
                            "w:ascii='Cambria Math'/></w:rPr><m:t>=1</m:t></m:r></m:oMath>")
                     "<m:oMathPara><m:oMath><m:r><m:t>y</m:t></m:r></m:oMath></m:oMathPara>"),
        NULL, NULL);
    rd r;
    rd_zip(&r, zip, n, DOC_TRACKED_ACCEPT);
    expect_count(&r, 1);
    expect_text(&r, 0, DOC_CH_BODY, "式x=1");
    rd_free(&r);
}

/* ---- E5: tracked changes ------------------------------------------------------------ */

static const char TRACKED_DOC[] = DOCUMENT(
    "<w:p w:rsidR='00E1' w:rsidRDefault='00E1'>" RJ("00E1", "契約期間は")
    "<w:del w:id='1' w:author='総務課' w:date='2024-04-01T09:00:00Z'><w:r w:rsidDel='00E2'>"
    "<w:rPr><w:rFonts w:hint='eastAsia'/></w:rPr><w:delText>一年</w:delText></w:r></w:del>"
    "<w:ins w:id='2' w:author='法務課' w:date='2024-04-02T09:00:00Z'><w:r w:rsidR='00E3'>"
    "<w:rPr><w:rFonts w:hint='eastAsia'/></w:rPr><w:t>二年</w:t></w:r></w:ins>" RJ("00E1", "とする。")
    "</w:p>");

static void test_e5_tracked_accept(void **state)
{
    (void)state;
    size_t n;
    unsigned char *zip = mkdocx(&n, TRACKED_DOC, NULL, NULL);
    rd r;
    rd_zip(&r, zip, n, DOC_TRACKED_ACCEPT);
    expect_count(&r, 2);
    const doc_block *b = expect_text(&r, 0, DOC_CH_BODY, "契約期間は二年とする。");
    expect_mark(b, DOC_MARK_INSERTED, 0, 15, 21, "法務課");
    assert_int_equal(b->nmarks, 1);
    assert_true(b->flags & DOC_F_TRACKED);
    b = expect_text(&r, 1, DOC_CH_DELETED, "一年");
    expect_loc(b, 1, 0, 0, 0, 0);
    expect_mark(b, DOC_MARK_DELETED, 0, 0, 6, "総務課");
    assert_true(b->flags & DOC_F_TRACKED);
    assert_int_equal(r.doc.info.insertions, 1);
    assert_int_equal(r.doc.info.deletions, 1);
    rd_free(&r);
}

static void test_e5_tracked_reject(void **state)
{
    (void)state;
    size_t n;
    unsigned char *zip = mkdocx(&n, TRACKED_DOC, NULL, NULL);
    rd r;
    rd_zip(&r, zip, n, DOC_TRACKED_REJECT);
    expect_count(&r, 2);
    const doc_block *b = expect_text(&r, 0, DOC_CH_BODY, "契約期間は一年とする。");
    expect_mark(b, DOC_MARK_DELETED, 0, 15, 21, "総務課");
    assert_int_equal(b->nmarks, 1);
    b = expect_text(&r, 1, DOC_CH_DELETED, "二年"); /* what the view leaves out */
    expect_mark(b, DOC_MARK_INSERTED, 0, 0, 6, "法務課");
    rd_free(&r);
}

static void test_e5_tracked_all(void **state)
{
    (void)state;
    size_t n;
    unsigned char *zip = mkdocx(&n, TRACKED_DOC, NULL, NULL);
    rd r;
    rd_zip(&r, zip, n, DOC_TRACKED_ALL);
    expect_count(&r, 1);
    const doc_block *b = expect_text(&r, 0, DOC_CH_BODY, "契約期間は一年二年とする。");
    expect_mark(b, DOC_MARK_DELETED, 0, 15, 21, "総務課");
    expect_mark(b, DOC_MARK_INSERTED, 0, 21, 27, "法務課");
    assert_true(b->flags & DOC_F_TRACKED);
    rd_free(&r);
}

/* The shape of pandoc's paragraph_insertion_deletion.docx: an inserted
 * paragraph mark, then a deleted one. */
static const char PARA_MARKS_DOC[] = DOCUMENT(
    "<w:p w:rsidR='009E' w:rsidRDefault='00D2'><w:pPr><w:rPr><w:ins w:id='0' w:author='佐藤' "
    "w:date='2024-05-01T10:00:00Z'/></w:rPr></w:pPr><w:r><w:t>甲は</w:t></w:r></w:p>"
    "<w:p w:rsidR='0030' w:rsidDel='009E' w:rsidRDefault='00D2'><w:pPr><w:rPr><w:del w:id='1' "
    "w:author='佐藤' w:date='2024-05-01T10:00:00Z'/></w:rPr></w:pPr>"
    "<w:r><w:t xml:space='preserve'>乙に</w:t></w:r><w:proofErr w:type='gramStart'/>"
    "<w:r><w:t>通知する</w:t></w:r><w:proofErr w:type='gramEnd'/></w:p>"
    "<w:p><w:bookmarkStart w:id='2' w:name='_GoBack'/><w:bookmarkEnd w:id='2'/>"
    "<w:r><w:t>ものとする。</w:t></w:r></w:p>");

static void test_e5_paragraph_marks(void **state)
{
    (void)state;
    size_t n;
    unsigned char *zip = mkdocx(&n, PARA_MARKS_DOC, NULL, NULL);
    rd r;
    rd_bytes(&r, zip, n, DOC_TRACKED_ACCEPT, 0);
    assert_int_equal(r.status, PL_OK);
    expect_count(&r, 2);
    expect_text(&r, 0, DOC_CH_BODY, "甲は");
    const doc_block *b = expect_text(&r, 1, DOC_CH_BODY, "乙に通知するものとする。");
    expect_loc(b, 2, 0, 0, 0, 0);
    assert_true(b->flags & DOC_F_TRACKED);
    assert_int_equal(r.doc.info.insertions, 1);
    assert_int_equal(r.doc.info.deletions, 1);
    rd_free(&r);

    rd_bytes(&r, zip, n, DOC_TRACKED_REJECT, 0);
    expect_count(&r, 2);
    b = expect_text(&r, 0, DOC_CH_BODY, "甲は乙に通知する");
    expect_loc(b, 1, 0, 0, 0, 0);
    expect_text(&r, 1, DOC_CH_BODY, "ものとする。");
    rd_free(&r);

    rd_bytes(&r, zip, n, DOC_TRACKED_ALL, 0);
    expect_count(&r, 3);
    assert_true(expect_text(&r, 0, DOC_CH_BODY, "甲は")->flags & DOC_F_TRACKED);
    assert_true(expect_text(&r, 1, DOC_CH_BODY, "乙に通知する")->flags & DOC_F_TRACKED);
    assert_int_equal(expect_text(&r, 2, DOC_CH_BODY, "ものとする。")->flags, 0);
    rd_free(&r);
    free(zip);
}

static void test_e5_moves(void **state)
{
    (void)state;
    size_t n;
    unsigned char *zip = mkdocx(
        &n,
        DOCUMENT("<w:p><w:moveFromRangeStart w:id='1' w:author='A' w:name='move1'/>"
                 "<w:moveFrom w:id='2' w:author='A'><w:r><w:t>移動する文。</w:t></w:r></w:moveFrom>"
                 "<w:moveFromRangeEnd w:id='1'/></w:p>" P(R("中間。"))
                 "<w:p><w:moveToRangeStart w:id='3' w:author='A' w:name='move1'/>"
                 "<w:moveTo w:id='4' w:author='A'><w:r><w:t>移動する文。</w:t></w:r></w:moveTo>"
                 "<w:moveToRangeEnd w:id='3'/></w:p>"),
        NULL, NULL);
    rd r;
    rd_bytes(&r, zip, n, DOC_TRACKED_ACCEPT, 0);
    expect_count(&r, 3);
    const doc_block *b = expect_text(&r, 0, DOC_CH_DELETED, "移動する文。");
    expect_mark(b, DOC_MARK_MOVED_FROM, 0, 0, 18, "A");
    expect_loc(b, 1, 0, 0, 0, 0);
    expect_text(&r, 1, DOC_CH_BODY, "中間。");
    b = expect_text(&r, 2, DOC_CH_BODY, "移動する文。");
    expect_mark(b, DOC_MARK_MOVED_TO, 0, 0, 18, "A");
    assert_int_equal(r.doc.info.moves, 2);
    rd_free(&r);

    rd_bytes(&r, zip, n, DOC_TRACKED_REJECT, 0);
    expect_count(&r, 3);
    expect_mark(expect_text(&r, 0, DOC_CH_BODY, "移動する文。"), DOC_MARK_MOVED_FROM, 0, 0, 18,
                "A");
    expect_text(&r, 1, DOC_CH_BODY, "中間。");
    expect_text(&r, 2, DOC_CH_DELETED, "移動する文。");
    rd_free(&r);
    free(zip);
}

static const char LIST_NUMBERING[] = PART(
    "numbering",
    "<w:abstractNum w:abstractNumId='0'><w:lvl w:ilvl='0'><w:start w:val='1'/>"
    "<w:numFmt w:val='decimalFullWidth'/><w:lvlText w:val='第%1条'/></w:lvl></w:abstractNum>"
    "<w:num w:numId='1'><w:abstractNumId w:val='0'/></w:num>");

static void test_e5_property_changes_ignored(void **state)
{
    (void)state;
    size_t n;
    unsigned char *zip = mkdocx(
        &n,
        DOCUMENT("<w:p><w:pPr><w:pPrChange w:id='5' w:author='A' w:date='2024-01-01T00:00:00Z'>"
                 "<w:pPr><w:numPr><w:ilvl w:val='0'/><w:numId w:val='1'/></w:numPr>"
                 "<w:outlineLvl w:val='0'/></w:pPr></w:pPrChange></w:pPr>"
                 "<w:r><w:rPr><w:b/><w:rPrChange w:id='6' w:author='A'><w:rPr><w:vanish/>"
                 "</w:rPr></w:rPrChange></w:rPr><w:t>太字</w:t></w:r></w:p>"),
        REL("rIdN", "numbering", "numbering.xml"), "word/numbering.xml", LIST_NUMBERING, NULL);
    rd r;
    rd_zip(&r, zip, n, DOC_TRACKED_ACCEPT);
    expect_count(&r, 1);
    const doc_block *b = expect_text(&r, 0, DOC_CH_BODY, "太字");
    assert_null(b->label);
    assert_int_equal(b->outline, 0);
    assert_int_equal(b->nmarks, 0);
    assert_int_equal(b->flags, 0);
    assert_int_equal(r.doc.info.hidden_runs, 0);
    rd_free(&r);
}

/* A deleted numbered paragraph takes no number in the accepted view. */
static void test_e5_numbering_follows_view(void **state)
{
    (void)state;
    size_t n;
    unsigned char *zip = mkdocx(
        &n,
        DOCUMENT("<w:p><w:pPr><w:numPr><w:ilvl w:val='0'/><w:numId w:val='1'/></w:numPr>"
                 "<w:rPr><w:del w:id='1' w:author='A'/></w:rPr></w:pPr>"
                 "<w:del w:id='2' w:author='A'><w:r><w:delText>旧条文</w:delText></w:r></w:del>"
                 "</w:p>" NUMP(1, 0, R("新条文")) NUMP(1, 0, R("次条"))),
        REL("rIdN", "numbering", "numbering.xml"), "word/numbering.xml", LIST_NUMBERING, NULL);
    rd r;
    rd_bytes(&r, zip, n, DOC_TRACKED_ACCEPT, 0);
    expect_count(&r, 3);
    const doc_block *b = expect_text(&r, 0, DOC_CH_BODY, "新条文");
    expect_label(b, "第１条", '\t', 1, 1);
    expect_loc(b, 1, 0, 0, 0, 0);
    expect_text(&r, 1, DOC_CH_DELETED, "旧条文");
    expect_label(expect_text(&r, 2, DOC_CH_BODY, "次条"), "第２条", '\t', 1, 2);
    rd_free(&r);

    rd_bytes(&r, zip, n, DOC_TRACKED_REJECT, 0);
    expect_count(&r, 3);
    expect_label(expect_text(&r, 0, DOC_CH_BODY, "旧条文"), "第１条", '\t', 1, 1);
    expect_label(expect_text(&r, 1, DOC_CH_BODY, "新条文"), "第２条", '\t', 1, 2);
    expect_label(expect_text(&r, 2, DOC_CH_BODY, "次条"), "第３条", '\t', 1, 3);
    rd_free(&r);
    free(zip);
}

/* ---- E6: comments, notes, headers and footers -------------------------------------- */

static void test_e6_comments(void **state)
{
    (void)state;
    size_t n;
    unsigned char *zip = mkdocx(
        &n,
        DOCUMENT("<w:p>" R("本契約は") "<w:commentRangeStart w:id='0'/>" R("令和６年４月１日")
                 "<w:commentRangeEnd w:id='0'/><w:r><w:rPr><w:rStyle w:val='a5'/></w:rPr>"
                 "<w:commentReference w:id='0'/></w:r>" R("から効力を生ずる。") "</w:p>"
                 "<w:p><w:commentRangeStart w:id='1'/>" R("第一段落") "</w:p>"
                 "<w:p>" R("第二段落") "<w:commentRangeEnd w:id='1'/><w:r><w:commentReference "
                 "w:id='1'/></w:r>" R("残り") "</w:p>"
                 "<w:p>" R("点") "<w:r><w:commentReference w:id='2'/></w:r></w:p>"),
        REL("rIdC", "comments", "comments.xml"), "word/comments.xml",
        PART("comments",
             "<w:comment w:id='0' w:author='審査担当' w:date='2024-06-01T00:00:00Z' "
             "w:initials='審'><w:p><w:pPr><w:pStyle w:val='a6'/></w:pPr><w:r><w:rPr><w:rStyle "
             "w:val='a5'/></w:rPr><w:annotationRef/></w:r>" R("要確認：起算日") "</w:p></w:comment>"
             "<w:comment w:id='1' w:author='B'>" P(R("二段落にまたがる")) P(R("続き")) "</w:comment>"
             "<w:comment w:id='2' w:author='C'>" P(R("点コメント")) "</w:comment>"),
        NULL);
    rd r;
    rd_zip(&r, zip, n, DOC_TRACKED_ACCEPT);
    expect_count(&r, 8);
    const doc_block *b = expect_text(&r, 0, DOC_CH_BODY, "本契約は令和６年４月１日から効力を生ずる。");
    expect_mark(b, DOC_MARK_COMMENT, 0, 12, 36, "0");
    assert_int_equal(count_marks(b, DOC_MARK_COMMENT), 1);
    expect_mark(expect_text(&r, 1, DOC_CH_BODY, "第一段落"), DOC_MARK_COMMENT, 0, 0, 12, "1");
    b = expect_text(&r, 2, DOC_CH_BODY, "第二段落残り");
    expect_mark(b, DOC_MARK_COMMENT, 0, 0, 12, "1");
    assert_int_equal(count_marks(b, DOC_MARK_COMMENT), 1);
    expect_mark(expect_text(&r, 3, DOC_CH_BODY, "点"), DOC_MARK_COMMENT, 0, 3, 3, "2");
    b = expect_text(&r, 4, DOC_CH_COMMENT, "要確認：起算日");
    assert_string_equal(b->ref, "0");
    assert_string_equal(b->author, "審査担当");
    assert_string_equal(b->loc.part, "word/comments.xml");
    expect_loc(b, 1, 0, 0, 0, 0);
    b = expect_text(&r, 5, DOC_CH_COMMENT, "二段落にまたがる");
    assert_string_equal(b->ref, "1");
    assert_string_equal(b->author, "B");
    b = expect_text(&r, 6, DOC_CH_COMMENT, "続き");
    assert_string_equal(b->ref, "1");
    expect_loc(b, 3, 0, 0, 0, 0);
    assert_string_equal(expect_text(&r, 7, DOC_CH_COMMENT, "点コメント")->author, "C");
    assert_int_equal(r.doc.info.comments, 3);
    rd_free(&r);
}

static void test_e6_notes(void **state)
{
    (void)state;
    size_t n;
    unsigned char *zip = testdoc_docx(
        "<w:p>" R("随意契約") "<w:r><w:rPr><w:rStyle w:val='a9'/></w:rPr><w:footnoteReference "
        "w:id='1'/></w:r>" R("による。") "<w:r><w:endnoteReference w:id='2'/></w:r></w:p>",
        &n, "word/footnotes.xml",
        PART("footnotes",
             "<w:footnote w:type='separator' w:id='-1'><w:p><w:r><w:separator/></w:r></w:p>"
             "</w:footnote><w:footnote w:type='continuationSeparator' w:id='0'><w:p><w:r>"
             "<w:continuationSeparator/></w:r></w:p></w:footnote>"
             "<w:footnote w:id='1'><w:p><w:pPr><w:pStyle w:val='a7'/></w:pPr><w:r><w:rPr>"
             "<w:rStyle w:val='a9'/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space='preserve'"
             "> 地方自治法第２３４条</w:t></w:r></w:p></w:footnote>"),
        "word/endnotes.xml",
        PART("endnotes",
             "<w:endnote w:type='separator' w:id='-1'>" P(R("---")) "</w:endnote>"
             "<w:endnote w:type='continuationNotice' w:id='0'>" P(R("(続く)")) "</w:endnote>"
             "<w:endnote w:id='2'>" P("<w:r><w:endnoteRef/></w:r>" R("巻末注")) "</w:endnote>"),
        NULL);
    rd r;
    rd_zip(&r, zip, n, DOC_TRACKED_ACCEPT);
    expect_count(&r, 3);
    const doc_block *b = expect_text(&r, 0, DOC_CH_BODY, "随意契約による。");
    expect_mark(b, DOC_MARK_NOTE_REF, 0, 12, 12, "1");
    expect_mark(b, DOC_MARK_NOTE_REF, 1, 24, 24, "2");
    b = expect_text(&r, 1, DOC_CH_FOOTNOTE, " 地方自治法第２３４条");
    assert_string_equal(b->ref, "1");
    assert_string_equal(b->loc.part, "word/footnotes.xml");
    expect_loc(b, 3, 0, 0, 0, 0);
    b = expect_text(&r, 2, DOC_CH_ENDNOTE, "巻末注");
    assert_string_equal(b->ref, "2");
    assert_int_equal(r.doc.info.footnotes, 1);
    assert_int_equal(r.doc.info.endnotes, 1);
    assert_false(any_text_contains(&r, "続く"));
    rd_free(&r);
}

static void test_e6_headers_footers(void **state)
{
    (void)state;
    size_t n;
    unsigned char *zip = mkdocx(
        &n,
        DOCUMENT("<w:p><w:pPr><w:sectPr><w:headerReference w:type='default' r:id='rIdH1'/>"
                 "<w:headerReference w:type='first' r:id='rIdH2'/>"
                 "<w:headerReference w:type='even' r:id='rIdX'/>"
                 "<w:footerReference w:type='default' r:id='rIdF1'/><w:titlePg/></w:sectPr>"
                 "</w:pPr>" R("本文1") "</w:p>" P(R("本文2"))
                 "<w:sectPr><w:headerReference w:type='default' r:id='rIdH1'/>"
                 "<w:headerReference w:type='even' r:id='rIdH3'/>"
                 "<w:headerReference w:type='first' r:id='rIdE'/>"
                 "<w:footerReference w:type='default' r:id='rIdF1'/>"
                 "<w:pgSz w:w='11906' w:h='16838'/></w:sectPr>"),
        REL("rIdH1", "header", "header1.xml") REL("rIdH2", "header", "header2.xml")
            REL("rIdH3", "header", "header3.xml") REL("rIdF1", "footer", "footer1.xml")
                REL("rIdF2", "footer", "footer2.xml")
                    XREL("rIdX", "header", "file:///etc/passwd")
                        REL("rIdE", "header", "../../evil.xml"),
        "word/header1.xml", PART("hdr", P(R("既定ヘッダー"))), "word/header2.xml",
        PART("hdr", P(R("表紙ヘッダー"))), "word/header3.xml", PART("hdr", P(R("偶数ヘッダー"))),
        "word/footer1.xml",
        PART("ftr", "<w:p><w:r><w:t xml:space='preserve'>- </w:t></w:r><w:fldSimple "
                    "w:instr=' PAGE '><w:r><w:t>1</w:t></w:r></w:fldSimple>" R(" -") "</w:p>"),
        "word/footer2.xml", PART("ftr", P(R("未参照フッター"))), "evil.xml",
        PART("hdr", P(R("外"))), NULL);
    rd r;
    rd_zip(&r, zip, n, DOC_TRACKED_ACCEPT);
    expect_count(&r, 7);
    expect_text(&r, 0, DOC_CH_BODY, "本文1");
    expect_text(&r, 1, DOC_CH_BODY, "本文2");
    const doc_block *b = expect_text(&r, 2, DOC_CH_HEADER, "既定ヘッダー");
    assert_string_equal(b->ref, "default");
    assert_string_equal(b->loc.part, "word/header1.xml");
    assert_string_equal(expect_text(&r, 3, DOC_CH_HEADER, "表紙ヘッダー")->ref, "first");
    assert_string_equal(expect_text(&r, 4, DOC_CH_HEADER, "偶数ヘッダー")->ref, "even");
    b = expect_text(&r, 5, DOC_CH_FOOTER, "- 1 -");
    assert_string_equal(b->ref, "default");
    expect_mark(b, DOC_MARK_FIELD, 0, 2, 3, "PAGE");
    b = expect_text(&r, 6, DOC_CH_FOOTER, "未参照フッター");
    assert_null(b->ref);
    assert_false(any_text_contains(&r, "外"));
    rd_free(&r);
}

/* ---- E7: tables ------------------------------------------------------------------------ */

static void test_e7_table_grid(void **state)
{
    (void)state;
    size_t n;
    unsigned char *zip = mkdocx(
        &n,
        DOCUMENT(
            "<w:tbl><w:tblPr><w:tblStyle w:val='a3'/><w:tblW w:w='0' w:type='auto'/></w:tblPr>"
            "<w:tblGrid><w:gridCol w:w='2000'/><w:gridCol w:w='2000'/><w:gridCol w:w='2000'/>"
            "</w:tblGrid>"
            "<w:tr w:rsidR='00F1'><w:trPr><w:trHeight w:val='400'/></w:trPr>"
            "<w:tc><w:tcPr><w:tcW w:w='4000' w:type='dxa'/><w:gridSpan w:val='2'/></w:tcPr>"
            "<w:p>" RJ("00F1", "項目") "</w:p></w:tc>"
            "<w:tc><w:tcPr><w:vMerge w:val='restart'/></w:tcPr><w:p>" R("備考") "</w:p></w:tc>"
            "</w:tr>"
            "<w:tr><w:tc><w:p>" R("A") "</w:p><w:p>" R("A2") "</w:p></w:tc>"
            "<w:tc><w:p>" R("B") "</w:p></w:tc>"
            "<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p>" R("ghost") "</w:p></w:tc></w:tr>"
            "<w:tr><w:trPr><w:gridBefore w:val='1'/></w:trPr><w:tc><w:p>" R("C") "</w:p></w:tc>"
            "<w:tc><w:tcPr><w:vMerge w:val='continue'/></w:tcPr><w:p/></w:tc></w:tr>"
            "</w:tbl>" P(R("後"))),
        NULL, NULL);
    rd r;
    rd_zip(&r, zip, n, DOC_TRACKED_ACCEPT);
    expect_count(&r, 7);
    expect_loc(expect_text(&r, 0, DOC_CH_TABLE, "項目"), 1, 1, 1, 1, 1);
    expect_loc(expect_text(&r, 1, DOC_CH_TABLE, "備考"), 2, 1, 1, 3, 1);
    expect_loc(expect_text(&r, 2, DOC_CH_TABLE, "A"), 3, 1, 2, 1, 1);
    expect_loc(expect_text(&r, 3, DOC_CH_TABLE, "A2"), 4, 1, 2, 1, 1);
    expect_loc(expect_text(&r, 4, DOC_CH_TABLE, "B"), 5, 1, 2, 2, 1);
    expect_loc(expect_text(&r, 5, DOC_CH_TABLE, "C"), 7, 1, 3, 2, 1);
    expect_loc(expect_text(&r, 6, DOC_CH_BODY, "後"), 9, 0, 0, 0, 0);
    assert_false(any_text_contains(&r, "ghost"));
    assert_int_equal(r.doc.info.tables, 1);
    rd_free(&r);
}

static void test_e7_nested_tables(void **state)
{
    (void)state;
    size_t n;
    unsigned char *zip = mkdocx(
        &n,
        DOCUMENT("<w:tbl><w:tr><w:tc><w:p>" R("外1") "</w:p>"
                 "<w:tbl><w:tr><w:tc><w:p>" R("内") "</w:p></w:tc><w:tc><w:p>" R("内2")
                 "</w:p></w:tc></w:tr></w:tbl><w:p/></w:tc>"
                 "<w:tc><w:p>" R("外2") "</w:p></w:tc></w:tr></w:tbl>"
                 "<w:tbl><w:tr><w:tc><w:p>" R("二つ目") "</w:p></w:tc></w:tr></w:tbl>"),
        NULL, NULL);
    rd r;
    rd_zip(&r, zip, n, DOC_TRACKED_ACCEPT);
    expect_count(&r, 5);
    expect_loc(expect_text(&r, 0, DOC_CH_TABLE, "外1"), 1, 1, 1, 1, 1);
    expect_loc(expect_text(&r, 1, DOC_CH_TABLE, "内"), 2, 2, 1, 1, 2);
    expect_loc(expect_text(&r, 2, DOC_CH_TABLE, "内2"), 3, 2, 1, 2, 2);
    expect_loc(expect_text(&r, 3, DOC_CH_TABLE, "外2"), 5, 1, 1, 2, 1);
    expect_loc(expect_text(&r, 4, DOC_CH_TABLE, "二つ目"), 6, 3, 1, 1, 1);
    assert_int_equal(r.doc.info.tables, 3);
    rd_free(&r);
}

/* A table in a header keeps the header channel. */
static void test_e7_table_in_header(void **state)
{
    (void)state;
    size_t n;
    unsigned char *zip = testdoc_docx(
        P(R("本文")) "<w:sectPr><w:headerReference w:type='default' r:id='rId100'/></w:sectPr>",
        &n, "word/header1.xml",
        PART("hdr", "<w:tbl><w:tr><w:tc><w:p>" R("文書番号") "</w:p></w:tc></w:tr></w:tbl><w:p/>"),
        NULL);
    rd r;
    rd_zip(&r, zip, n, DOC_TRACKED_ACCEPT);
    expect_count(&r, 2);
    const doc_block *b = expect_text(&r, 1, DOC_CH_HEADER, "文書番号");
    expect_loc(b, 1, 1, 1, 1, 1);
    assert_string_equal(b->ref, "default");
    rd_free(&r);
}

/* ---- E8: fields ----------------------------------------------------------------------- */

#define FLD(type) "<w:r><w:fldChar w:fldCharType='" type "'/></w:r>"
#define INSTR(t) "<w:r><w:instrText xml:space='preserve'>" t "</w:instrText></w:r>"

static void test_e8_fields(void **state)
{
    (void)state;
    size_t n;
    unsigned char *zip = mkdocx(
        &n,
        DOCUMENT(
            /* simple field */
            "<w:p><w:r><w:t xml:space='preserve'>ページ </w:t></w:r>"
            "<w:fldSimple w:instr=' PAGE   \\* MERGEFORMAT '><w:r><w:rPr><w:noProof/></w:rPr>"
            "<w:t>3</w:t></w:r></w:fldSimple><w:fldSimple w:instr=' SEQ 表 '/></w:p>"
            /* a field in the code of another: only the outer result shows */
            "<w:p>" R("詳細は") FLD("begin") INSTR(" IF ") FLD("begin")
            INSTR(" MERGEFIELD 区分 ") FLD("separate") R("甲") FLD("end")
            INSTR(" = \"甲\" \"別表１\" \"別表２\" ") FLD("separate") R("別表１") FLD("end")
            R("のとおり。") "</w:p>"
            /* a field in the result of another: both marked */
            "<w:p>" FLD("begin") INSTR(" HYPERLINK \\l \"_Toc1\" ") FLD("separate")
            R("第１章 総則") "<w:r><w:tab/></w:r>" FLD("begin") INSTR(" PAGEREF _Toc1 \\h ")
            FLD("separate") R("1") FLD("end") FLD("end") "</w:p>"
            /* an empty field yields nothing */
            "<w:p>" R("前") FLD("begin") INSTR(" DOCPROPERTY 課名 ") FLD("end") R("後") "</w:p>"),
        NULL, NULL);
    rd r;
    rd_zip(&r, zip, n, DOC_TRACKED_ACCEPT);
    expect_count(&r, 4);
    const doc_block *b = expect_text(&r, 0, DOC_CH_BODY, "ページ 3");
    expect_mark(b, DOC_MARK_FIELD, 0, 10, 11, "PAGE   \\* MERGEFORMAT");
    assert_int_equal(b->nmarks, 1);
    b = expect_text(&r, 1, DOC_CH_BODY, "詳細は別表１のとおり。");
    expect_mark(b, DOC_MARK_FIELD, 0, 9, 18, "IF 甲 = \"甲\" \"別表１\" \"別表２\"");
    assert_int_equal(b->nmarks, 1);
    b = expect_text(&r, 2, DOC_CH_BODY, "第１章 総則\t1");
    expect_mark(b, DOC_MARK_FIELD, 0, 0, 18, "HYPERLINK \\l \"_Toc1\"");
    expect_mark(b, DOC_MARK_FIELD, 1, 17, 18, "PAGEREF _Toc1 \\h");
    b = expect_text(&r, 3, DOC_CH_BODY, "前後");
    assert_int_equal(b->nmarks, 0);
    rd_free(&r);
}

/* A TOC result runs over several paragraphs; each gets its part. */
static void test_e8_field_across_paragraphs(void **state)
{
    (void)state;
    size_t n;
    unsigned char *zip = mkdocx(
        &n,
        DOCUMENT("<w:p>" FLD("begin") INSTR(" TOC \\o \"1-3\" \\h ") FLD("separate")
                 R("第１章\t1") "</w:p><w:p>" R("第２章\t3") FLD("end") "</w:p>" P(R("本文"))),
        NULL, NULL);
    rd r;
    rd_zip(&r, zip, n, DOC_TRACKED_ACCEPT);
    expect_count(&r, 3);
    expect_mark(expect_text(&r, 0, DOC_CH_BODY, "第１章\t1"), DOC_MARK_FIELD, 0, 0, 11,
                "TOC \\o \"1-3\" \\h");
    expect_mark(expect_text(&r, 1, DOC_CH_BODY, "第２章\t3"), DOC_MARK_FIELD, 0, 0, 11,
                "TOC \\o \"1-3\" \\h");
    assert_int_equal(expect_text(&r, 2, DOC_CH_BODY, "本文")->nmarks, 0);
    rd_free(&r);
}

/* The instruction itself was revised: each view reads its own code. */
static void test_e8_tracked_instruction(void **state)
{
    (void)state;
    size_t n;
    unsigned char *zip = mkdocx(
        &n,
        DOCUMENT("<w:p>" FLD("begin")
                 "<w:del w:id='1' w:author='A'><w:r><w:delInstrText xml:space='preserve'> DATE "
                 "</w:delInstrText></w:r></w:del><w:ins w:id='2' w:author='A'><w:r><w:instrText "
                 "xml:space='preserve'> TIME </w:instrText></w:r></w:ins>" FLD("separate")
                 R("10:00") FLD("end") "</w:p>"),
        NULL, NULL);
    rd r;
    rd_bytes(&r, zip, n, DOC_TRACKED_ACCEPT, 0);
    expect_count(&r, 1);
    expect_mark(expect_text(&r, 0, DOC_CH_BODY, "10:00"), DOC_MARK_FIELD, 0, 0, 5, "TIME");
    rd_free(&r);
    rd_bytes(&r, zip, n, DOC_TRACKED_REJECT, 0);
    expect_count(&r, 1);
    expect_mark(expect_text(&r, 0, DOC_CH_BODY, "10:00"), DOC_MARK_FIELD, 0, 0, 5, "DATE");
    rd_free(&r);
    free(zip);
}

/* Legacy form check boxes cache no result; Word draws the box. */
static void test_e8_form_checkbox(void **state)
{
    (void)state;
    size_t n;
    unsigned char *zip = mkdocx(
        &n,
        DOCUMENT("<w:p><w:r><w:fldChar w:fldCharType='begin'><w:ffData><w:name w:val='Check1'/>"
                 "<w:enabled/><w:calcOnExit w:val='0'/><w:checkBox><w:sizeAuto/>"
                 "<w:default w:val='1'/></w:checkBox></w:ffData></w:fldChar></w:r>"
                 INSTR(" FORMCHECKBOX ") FLD("end") R("該当する")
                 "<w:r><w:fldChar w:fldCharType='begin'><w:ffData><w:checkBox><w:size "
                 "w:val='20'/><w:default w:val='1'/><w:checked w:val='0'/></w:checkBox></w:ffData>"
                 "</w:fldChar></w:r>" INSTR(" FORMCHECKBOX ") FLD("separate") FLD("end")
                 R("該当しない") "</w:p>"),
        NULL, NULL);
    rd r;
    rd_zip(&r, zip, n, DOC_TRACKED_ACCEPT);
    expect_count(&r, 1);
    const doc_block *b = expect_text(&r, 0, DOC_CH_BODY, "☒該当する☐該当しない");
    expect_mark(b, DOC_MARK_FIELD, 0, 0, 3, "FORMCHECKBOX");
    expect_mark(b, DOC_MARK_FIELD, 1, 15, 18, "FORMCHECKBOX");
    rd_free(&r);
}

/* A text box in a header stays on the header channel. */
static void test_e10_textbox_in_header(void **state)
{
    (void)state;
    size_t n;
    unsigned char *zip = testdoc_docx(
        P(R("本文")) "<w:sectPr><w:headerReference w:type='first' r:id='rId100'/></w:sectPr>",
        &n, "word/header1.xml",
        PART("hdr", "<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent>" P(R("取扱注意"))
                    "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"),
        NULL);
    rd r;
    rd_zip(&r, zip, n, DOC_TRACKED_ACCEPT);
    expect_count(&r, 2);
    const doc_block *b = expect_text(&r, 1, DOC_CH_HEADER, "取扱注意");
    assert_string_equal(b->ref, "first");
    expect_loc(b, 2, 0, 0, 0, 0);
    rd_free(&r);
}

/* ---- E9: content controls ------------------------------------------------------------- */

static void test_e9_content_controls(void **state)
{
    (void)state;
    size_t n;
    unsigned char *zip = mkdocx(
        &n,
        DOCUMENT(
            "<w:sdt><w:sdtPr><w:alias w:val='契約者名'/><w:tag w:val='name'/><w:id w:val='1'/>"
            "<w:placeholder><w:docPart w:val='DefaultPlaceholder'/></w:placeholder>"
            "<w:showingPlcHdr/><w:rPr><w:vanish/></w:rPr></w:sdtPr><w:sdtEndPr/><w:sdtContent>"
            "<w:p><w:r><w:rPr><w:rStyle w:val='PlaceholderText'/></w:rPr>"
            "<w:t>ここをクリックして入力</w:t></w:r></w:p></w:sdtContent></w:sdt>"
            "<w:p>" R("住所：") "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>"
            R("住所を入力") "</w:sdtContent></w:sdt><w:sdt><w:sdtPr><w:id w:val='3'/>"
            "<w14:checkbox><w14:checked w14:val='1'/></w14:checkbox></w:sdtPr><w:sdtContent>"
            "<w:r><w:rPr><w:rFonts w:ascii='ＭＳ ゴシック' w:hint='eastAsia'/></w:rPr>"
            "<w:t>☒</w:t></w:r></w:sdtContent></w:sdt>" R("確認済") "</w:p>"
            "<w:tbl><w:tr><w:tc><w:p>" R("行1") "</w:p></w:tc></w:tr>"
            "<w:sdt><w:sdtPr/><w:sdtContent><w:tr><w:sdt><w:sdtPr/><w:sdtContent><w:tc><w:p>"
            R("行2セル") "</w:p></w:tc></w:sdtContent></w:sdt><w:customXml w:element='c'><w:tc>"
            "<w:p>" R("行2列2") "</w:p></w:tc></w:customXml></w:tr></w:sdtContent></w:sdt>"
            "</w:tbl>"),
        NULL, NULL);
    rd r;
    rd_zip(&r, zip, n, DOC_TRACKED_ACCEPT);
    expect_count(&r, 5);
    const doc_block *b = expect_text(&r, 0, DOC_CH_BODY, "ここをクリックして入力");
    assert_int_equal(b->flags, DOC_F_PLACEHOLDER);
    expect_mark(b, DOC_MARK_PLACEHOLDER, 0, 0, 33, NULL);
    b = expect_text(&r, 1, DOC_CH_BODY, "住所：住所を入力☒確認済");
    expect_mark(b, DOC_MARK_PLACEHOLDER, 0, 9, 24, NULL);
    assert_int_equal(b->nmarks, 1);
    assert_int_equal(b->flags, 0);
    expect_loc(expect_text(&r, 2, DOC_CH_TABLE, "行1"), 3, 1, 1, 1, 1);
    expect_loc(expect_text(&r, 3, DOC_CH_TABLE, "行2セル"), 4, 1, 2, 1, 1);
    expect_loc(expect_text(&r, 4, DOC_CH_TABLE, "行2列2"), 5, 1, 2, 2, 1);
    rd_free(&r);
}

/* ---- E10: text boxes ------------------------------------------------------------------- */

#define TXBX_PARAS P(R("枠内の文")) P(R("二行目"))

static void test_e10_textbox_once(void **state)
{
    (void)state;
    size_t n;
    unsigned char *zip = mkdocx(
        &n,
        DOCUMENT(
            "<w:p>" R("本文前") "<w:r><w:rPr><w:noProof/></w:rPr><mc:AlternateContent>"
            "<mc:Choice Requires='wps'><w:drawing><wp:anchor distT='0' distB='0' simplePos='0' "
            "relativeHeight='1' behindDoc='0' locked='0' layoutInCell='1' allowOverlap='1'>"
            "<wp:simplePos x='0' y='0'/><wp:extent cx='1828800' cy='457200'/>"
            "<wp:docPr id='1' name='テキスト ボックス 1'/><a:graphic><a:graphicData "
            "uri='http://schemas.microsoft.com/office/word/2010/wordprocessingShape'><wps:wsp>"
            "<wps:cNvSpPr txBox='1'/><wps:spPr/><wps:txbx><w:txbxContent>" TXBX_PARAS
            "</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>"
            "</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape id='Text Box 1' "
            "o:spid='_x0000_s1026' type='#_x0000_t202'><v:textbox><w:txbxContent>" TXBX_PARAS
            "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
            "</mc:AlternateContent></w:r>" R("本文後") "</w:p>" P(R("次の段落"))
            /* VML only, as older Word and LibreOffice write it, in a table cell */
            "<w:tbl><w:tr><w:tc><w:p>" R("セル") "<w:r><w:pict><v:rect><v:textbox><w:txbxContent>"
            P(R("VML枠")) "</w:txbxContent></v:textbox></v:rect></w:pict></w:r></w:p></w:tc>"
            "</w:tr></w:tbl>"),
        NULL, NULL);
    rd r;
    rd_zip(&r, zip, n, DOC_TRACKED_ACCEPT);
    expect_count(&r, 6);
    expect_loc(expect_text(&r, 0, DOC_CH_BODY, "本文前本文後"), 1, 0, 0, 0, 0);
    expect_loc(expect_text(&r, 1, DOC_CH_TEXTBOX, "枠内の文"), 2, 0, 0, 0, 0);
    expect_loc(expect_text(&r, 2, DOC_CH_TEXTBOX, "二行目"), 3, 0, 0, 0, 0);
    expect_loc(expect_text(&r, 3, DOC_CH_BODY, "次の段落"), 4, 0, 0, 0, 0);
    expect_loc(expect_text(&r, 4, DOC_CH_TABLE, "セル"), 5, 1, 1, 1, 1);
    expect_loc(expect_text(&r, 5, DOC_CH_TEXTBOX, "VML枠"), 6, 0, 0, 0, 0);
    rd_free(&r);
}

/* ---- E11: unwrapped containers and hyperlinks ------------------------------------------ */

static void test_e11_unwrap_and_links(void **state)
{
    (void)state;
    size_t n;
    unsigned char *zip = mkdocx(
        &n,
        DOCUMENT(
            "<w:p><w:smartTag w:uri='urn:schemas-microsoft-com:office:smarttags' "
            "w:element='PersonName'><w:smartTagPr><w:attr w:name='ProductID' w:val='山田太郎'/>"
            "</w:smartTagPr>" R("山田") "<w:smartTag w:element='x'>" R("太郎") "</w:smartTag>"
            "</w:smartTag><w:customXml w:element='party'><w:customXmlPr><w:attr w:name='a' "
            "w:val='b'/></w:customXmlPr>" R("（甲）") "</w:customXml>"
            "<w:dir w:val='rtl'>" R("R") "</w:dir><w:bdo w:val='ltr'>" R("L") "</w:bdo>"
            "<w:hyperlink r:id='rIdLink' w:history='1'><w:r><w:rPr><w:rStyle w:val='a4'/></w:rPr>"
            "<w:t>市の</w:t></w:r>" R("ホームページ") "</w:hyperlink>"
            "<w:hyperlink w:anchor='第5条'>" R("第５条") "</w:hyperlink></w:p>"
            "<w:customXml w:element='block'>" P(R("ブロック")) "</w:customXml>"),
        XREL("rIdLink", "hyperlink", "https://www.city.example.lg.jp/"), NULL);
    rd r;
    rd_zip(&r, zip, n, DOC_TRACKED_ACCEPT);
    expect_count(&r, 2);
    const doc_block *b = expect_text(&r, 0, DOC_CH_BODY, "山田太郎（甲）RL市のホームページ第５条");
    expect_mark(b, DOC_MARK_HYPERLINK, 0, 23, 47, "https://www.city.example.lg.jp/");
    expect_mark(b, DOC_MARK_HYPERLINK, 1, 47, 56, "#第5条");
    assert_int_equal(b->nmarks, 2);
    expect_text(&r, 1, DOC_CH_BODY, "ブロック");
    rd_free(&r);
}

/* ---- E12: numbering ---------------------------------------------------------------------- */

/* A municipal contract: 第１条, （１）, ア written by numbering.xml. */
static const char CONTRACT_NUMBERING[] = PART(
    "numbering",
    "<w:abstractNum w:abstractNumId='0' w15:restartNumberingAfterBreak='0' "
    "xmlns:w15='http://schemas.microsoft.com/office/word/2012/wordml'>"
    "<w:nsid w:val='1A2B3C4D'/><w:multiLevelType w:val='hybridMultilevel'/>"
    "<w:tmpl w:val='5E6F7A8B'/>"
    "<w:lvl w:ilvl='0' w:tplc='1'><w:start w:val='1'/><w:numFmt w:val='decimalFullWidth'/>"
    "<w:lvlText w:val='第%1条'/><w:lvlJc w:val='left'/><w:pPr><w:ind w:left='840' "
    "w:hanging='840'/></w:pPr><w:rPr><w:rFonts w:hint='eastAsia'/></w:rPr></w:lvl>"
    "<w:lvl w:ilvl='1' w:tplc='2'><w:start w:val='1'/><w:numFmt w:val='decimalFullWidth'/>"
    "<w:lvlText w:val='（%2）'/><w:lvlJc w:val='left'/><w:suff w:val='nothing'/></w:lvl>"
    "<w:lvl w:ilvl='2' w:tplc='3'><w:start w:val='1'/><w:numFmt w:val='aiueoFullWidth'/>"
    "<w:lvlText w:val='%3'/><w:lvlJc w:val='left'/><w:suff w:val='space'/></w:lvl>"
    "</w:abstractNum>"
    "<w:num w:numId='1'><w:abstractNumId w:val='0'/></w:num>"
    "<w:num w:numId='2'><w:abstractNumId w:val='0'/><w:lvlOverride w:ilvl='0'>"
    "<w:startOverride w:val='1'/></w:lvlOverride></w:num>"
    "<w:num w:numId='3'><w:abstractNumId w:val='0'/><w:lvlOverride w:ilvl='0'><w:lvl "
    "w:ilvl='0'><w:start w:val='1'/><w:numFmt w:val='japaneseCounting'/>"
    "<w:lvlText w:val='第%1章'/><w:suff w:val='space'/></w:lvl></w:lvlOverride></w:num>");

static void test_e12_japanese_contract(void **state)
{
    (void)state;
    size_t n;
    unsigned char *zip = mkdocx(
        &n,
        DOCUMENT(NUMP(1, 0, RJ("00B1", "この契約は、業務の委託に関し必要な事項を定める。"))
                     NUMP(1, 1, RJ("00B1", "甲は、") RJ("00B2", "乙に対し次の業務を委託する。"))
                         NUMP(1, 2, R("調査")) NUMP(1, 2, R("分析")) NUMP(1, 1, R("期間"))
                             NUMP(1, 2, R("開始日")) NUMP(1, 0, R("再委託の禁止"))
                                 P(R("（説明）")) NUMP(1, 1, R("乙は、"))),
        REL("rIdN", "numbering", "numbering.xml"), "word/numbering.xml", CONTRACT_NUMBERING,
        NULL);
    rd r;
    rd_zip(&r, zip, n, DOC_TRACKED_ACCEPT);
    expect_count(&r, 9);
    const doc_block *b = blk(&r, 0);
    expect_label(b, "第１条", '\t', 1, 1);
    assert_int_equal(b->list_id, 1);
    assert_string_equal(b->list_format, "decimalFullWidth");
    assert_string_equal(b->style, "a3");
    expect_label(expect_text(&r, 1, DOC_CH_BODY, "甲は、乙に対し次の業務を委託する。"), "（１）",
                 '\0', 2, 1);
    b = blk(&r, 2);
    expect_label(b, "ア", ' ', 3, 1);
    assert_string_equal(b->list_format, "aiueoFullWidth");
    expect_label(blk(&r, 3), "イ", ' ', 3, 2);
    expect_label(blk(&r, 4), "（２）", '\0', 2, 2);
    expect_label(blk(&r, 5), "ア", ' ', 3, 1);
    expect_label(blk(&r, 6), "第２条", '\t', 1, 2);
    b = expect_text(&r, 7, DOC_CH_BODY, "（説明）");
    expect_label(b, NULL, 0, 0, 0);
    assert_int_equal(b->list_level, 0);
    expect_label(blk(&r, 8), "（１）", '\0', 2, 1);
    rd_free(&r);
}

static void test_e12_restart_and_override(void **state)
{
    (void)state;
    size_t n;
    unsigned char *zip =
        mkdocx(&n,
               DOCUMENT(NUMP(1, 0, R("a")) NUMP(1, 0, R("b")) NUMP(2, 0, R("c")) NUMP(1, 0, R("d"))
                            NUMP(3, 0, R("e")) NUMP(3, 0, R("f")) NUMP(1, 1, R("g"))),
               REL("rIdN", "numbering", "numbering.xml"), "word/numbering.xml",
               CONTRACT_NUMBERING, NULL);
    rd r;
    rd_zip(&r, zip, n, DOC_TRACKED_ACCEPT);
    expect_count(&r, 7);
    expect_label(blk(&r, 0), "第１条", '\t', 1, 1);
    expect_label(blk(&r, 1), "第２条", '\t', 1, 2);
    expect_label(blk(&r, 2), "第１条", '\t', 1, 1); /* startOverride restarts the list */
    assert_int_equal(blk(&r, 2)->list_id, 2);
    expect_label(blk(&r, 3), "第２条", '\t', 1, 2); /* instances share the counter */
    expect_label(blk(&r, 4), "第一章", ' ', 1, 1);  /* an overriding w:lvl */
    assert_string_equal(blk(&r, 4)->list_format, "japaneseCounting");
    expect_label(blk(&r, 5), "第二章", ' ', 1, 2);
    expect_label(blk(&r, 6), "（１）", '\0', 2, 1);
    rd_free(&r);
}

/* Numbering that comes from styles: a heading style carries numPr and the
 * list's levels name the styles (pStyle); a list style links two lists. */
static const char STYLED_STYLES[] = PART(
    "styles",
    "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme='minorHAnsi'/></w:rPr>"
    "</w:rPrDefault></w:docDefaults>"
    "<w:style w:type='paragraph' w:default='1' w:styleId='a'><w:name w:val='Normal'/></w:style>"
    "<w:style w:type='paragraph' w:styleId='1'><w:name w:val='heading 1'/><w:basedOn w:val='a'/>"
    "<w:next w:val='a'/><w:uiPriority w:val='9'/><w:qFormat/><w:pPr><w:keepNext/><w:numPr>"
    "<w:numId w:val='4'/></w:numPr><w:outlineLvl w:val='0'/></w:pPr></w:style>"
    "<w:style w:type='paragraph' w:styleId='2'><w:name w:val='heading 2'/><w:basedOn w:val='1'/>"
    "<w:pPr><w:numPr><w:ilvl w:val='1'/></w:numPr><w:outlineLvl w:val='1'/></w:pPr></w:style>"
    "<w:style w:type='paragraph' w:styleId='Item'><w:name w:val='List Item'/><w:pPr><w:numPr>"
    "<w:numId w:val='4'/></w:numPr></w:pPr></w:style>"
    "<w:style w:type='numbering' w:styleId='ContractList'><w:name w:val='Contract List'/>"
    "<w:pPr><w:numPr><w:numId w:val='10'/></w:numPr></w:pPr></w:style>");

static const char STYLED_NUMBERING[] = PART(
    "numbering",
    "<w:abstractNum w:abstractNumId='4'><w:multiLevelType w:val='multilevel'/>"
    "<w:lvl w:ilvl='0'><w:start w:val='1'/><w:numFmt w:val='decimal'/><w:pStyle w:val='1'/>"
    "<w:lvlText w:val='%1.'/></w:lvl>"
    "<w:lvl w:ilvl='1'><w:start w:val='1'/><w:numFmt w:val='decimal'/><w:pStyle w:val='2'/>"
    "<w:lvlText w:val='%1.%2'/></w:lvl>"
    "<w:lvl w:ilvl='2'><w:start w:val='1'/><w:numFmt w:val='lowerLetter'/><w:pStyle "
    "w:val='Item'/><w:lvlText w:val='(%3)'/></w:lvl></w:abstractNum>"
    "<w:abstractNum w:abstractNumId='10'><w:styleLink w:val='ContractList'/>"
    "<w:lvl w:ilvl='0'><w:start w:val='1'/><w:numFmt w:val='decimalEnclosedCircle'/>"
    "<w:lvlText w:val='%1'/><w:suff w:val='space'/></w:lvl></w:abstractNum>"
    "<w:abstractNum w:abstractNumId='11'><w:numStyleLink w:val='ContractList'/></w:abstractNum>"
    "<w:num w:numId='4'><w:abstractNumId w:val='4'/></w:num>"
    "<w:num w:numId='10'><w:abstractNumId w:val='10'/></w:num>"
    "<w:num w:numId='11'><w:abstractNumId w:val='11'/></w:num>");

#define STYLED(style, x) "<w:p><w:pPr><w:pStyle w:val='" style "'/></w:pPr>" x "</w:p>"

static void test_e12_numbering_from_styles(void **state)
{
    (void)state;
    size_t n;
    unsigned char *zip = mkdocx(
        &n,
        DOCUMENT(STYLED("1", R("総則")) STYLED("2", R("目的")) STYLED("2", R("定義"))
                     STYLED("Item", R("項目")) STYLED("1", R("契約"))
                         "<w:p><w:pPr><w:pStyle w:val='1'/><w:numPr><w:numId w:val='0'/>"
                         "</w:numPr></w:pPr>" R("番号なし見出し") "</w:p>"
                         STYLED("2", R("期間")) NUMP(11, 0, R("丸数字")) NUMP(10, 0, R("続き"))),
        REL("rIdS", "styles", "styles.xml") REL("rIdN", "numbering", "numbering.xml"),
        "word/styles.xml", STYLED_STYLES, "word/numbering.xml", STYLED_NUMBERING, NULL);
    rd r;
    rd_zip(&r, zip, n, DOC_TRACKED_ACCEPT);
    expect_count(&r, 9);
    const doc_block *b = expect_text(&r, 0, DOC_CH_BODY, "総則");
    expect_label(b, "1.", '\t', 1, 1);
    assert_int_equal(b->list_id, 4);
    assert_int_equal(b->outline, 1);
    assert_string_equal(b->style_name, "heading 1");
    expect_label(blk(&r, 1), "1.1", '\t', 2, 1);
    assert_int_equal(blk(&r, 1)->outline, 2);
    expect_label(blk(&r, 2), "1.2", '\t', 2, 2);
    expect_label(blk(&r, 3), "(a)", '\t', 3, 1); /* level found through the list's pStyle */
    expect_label(blk(&r, 4), "2.", '\t', 1, 2);
    b = expect_text(&r, 5, DOC_CH_BODY, "番号なし見出し"); /* numId 0 cancels */
    expect_label(b, NULL, 0, 0, 0);
    assert_int_equal(b->outline, 1);
    expect_label(blk(&r, 6), "2.1", '\t', 2, 1);
    b = expect_text(&r, 7, DOC_CH_BODY, "丸数字"); /* numStyleLink -> styleLink */
    expect_label(b, "①", ' ', 1, 1);
    assert_int_equal(b->list_id, 11);
    expect_label(blk(&r, 8), "②", ' ', 1, 2);
    rd_free(&r);
}

static void test_e12_legal_restart_bullets(void **state)
{
    (void)state;
    size_t n;
    unsigned char *zip = mkdocx(
        &n,
        DOCUMENT(NUMP(5, 0, R("a")) NUMP(5, 1, R("b")) NUMP(5, 0, R("c")) NUMP(5, 1, R("d"))
                     NUMP(6, 0, R("e")) NUMP(6, 1, R("f")) NUMP(6, 0, R("g")) NUMP(6, 1, R("h"))
                         NUMP(7, 0, R("i")) NUMP(7, 1, R("j")) NUMP(7, 2, R("k"))),
        REL("rIdN", "numbering", "numbering.xml"), "word/numbering.xml",
        PART("numbering",
             /* isLgl: the legal form shows every level in decimal */
             "<w:abstractNum w:abstractNumId='5'><w:lvl w:ilvl='0'><w:start w:val='1'/>"
             "<w:numFmt w:val='upperRoman'/><w:lvlText w:val='%1'/></w:lvl>"
             "<w:lvl w:ilvl='1'><w:start w:val='1'/><w:isLgl/><w:numFmt w:val='lowerLetter'/>"
             "<w:lvlText w:val='%1.%2'/></w:lvl></w:abstractNum>"
             /* lvlRestart 0: level 2 never restarts */
             "<w:abstractNum w:abstractNumId='6'><w:lvl w:ilvl='0'><w:start w:val='1'/>"
             "<w:numFmt w:val='ideographTraditional'/><w:lvlText w:val='%1'/></w:lvl>"
             "<w:lvl w:ilvl='1'><w:start w:val='1'/><w:lvlRestart w:val='0'/>"
             "<w:numFmt w:val='decimalEnclosedParen'/><w:lvlText w:val='%2'/></w:lvl>"
             "</w:abstractNum>"
             /* bullets: a Symbol-font glyph, a plain one, a picture bullet */
             "<w:abstractNum w:abstractNumId='7'><w:lvl w:ilvl='0'><w:start w:val='1'/>"
             "<w:numFmt w:val='bullet'/><w:lvlText w:val='\xef\x82\xb7'/><w:rPr><w:rFonts "
             "w:ascii='Symbol' w:hAnsi='Symbol' w:hint='default'/></w:rPr></w:lvl>"
             "<w:lvl w:ilvl='1'><w:start w:val='1'/><w:numFmt w:val='bullet'/>"
             "<w:lvlText w:val='・'/></w:lvl>"
             "<w:lvl w:ilvl='2'><w:start w:val='1'/><w:numFmt w:val='bullet'/><w:lvlText "
             "w:val='\xc2\xa7'/><w:rPr><w:rFonts w:ascii='Wingdings'/></w:rPr></w:lvl>"
             "</w:abstractNum>"
             "<w:num w:numId='5'><w:abstractNumId w:val='5'/></w:num>"
             "<w:num w:numId='6'><w:abstractNumId w:val='6'/></w:num>"
             "<w:num w:numId='7'><w:abstractNumId w:val='7'/></w:num>"),
        NULL);
    rd r;
    rd_zip(&r, zip, n, DOC_TRACKED_ACCEPT);
    expect_count(&r, 11);
    expect_label(blk(&r, 0), "I", '\t', 1, 1);
    expect_label(blk(&r, 1), "1.1", '\t', 2, 1);
    expect_label(blk(&r, 2), "II", '\t', 1, 2);
    expect_label(blk(&r, 3), "2.1", '\t', 2, 1);
    expect_label(blk(&r, 4), "甲", '\t', 1, 1);
    expect_label(blk(&r, 5), "⑴", '\t', 2, 1);
    expect_label(blk(&r, 6), "乙", '\t', 1, 2);
    expect_label(blk(&r, 7), "⑵", '\t', 2, 2);
    expect_label(blk(&r, 8), "•", '\t', 1, 1);
    assert_string_equal(blk(&r, 8)->list_format, "bullet");
    expect_label(blk(&r, 9), "・", '\t', 2, 1);
    expect_label(blk(&r, 10), "▪", '\t', 3, 1);
    rd_free(&r);
}

/* Every required numFmt, through numbering.xml and the story reader: the
 * lists start at 3 so that the value is visible in the label. */
static const struct {
    const char *fmt, *label;
} FORMATS[] = {
    {"decimal", "3"},
    {"decimalZero", "03"},
    {"decimalFullWidth", "３"},
    {"decimalFullWidth2", "３"},
    {"decimalHalfWidth", "3"},
    {"upperRoman", "III"},
    {"lowerRoman", "iii"},
    {"upperLetter", "C"},
    {"lowerLetter", "c"},
    {"ordinal", "3rd"},
    {"japaneseCounting", "三"},
    {"japaneseDigitalTenThousand", "三"},
    {"ideographDigital", "三"},
    {"japaneseLegal", "参"},
    {"aiueo", "ｳ"},
    {"aiueoFullWidth", "ウ"},
    {"iroha", "ﾊ"},
    {"irohaFullWidth", "ハ"},
    {"decimalEnclosedCircle", "③"},
    {"decimalEnclosedParen", "⑶"},
    {"decimalEnclosedFullstop", "⒊"},
    {"ideographEnclosedCircle", "㈢"},
    {"ideographTraditional", "丙"},
    {"ideographZodiac", "寅"},
    {"chineseCounting", "三"},
    {"none", NULL},
    {"bullet", "＊"},
};

static void test_e12_every_format(void **state)
{
    (void)state;
    size_t count = sizeof FORMATS / sizeof FORMATS[0];
    sbuf nb = SBUF_INIT, body = SBUF_INIT;
    sbuf_puts(&nb, XMLDECL "<w:numbering " NS ">");
    for (size_t i = 0; i < count; i++)
        sbuf_printf(&nb,
                    "<w:abstractNum w:abstractNumId='%zu'><w:lvl w:ilvl='0'><w:start w:val='3'/>"
                    "<w:numFmt w:val='%s'/><w:lvlText w:val='%s'/></w:lvl></w:abstractNum>",
                    i, FORMATS[i].fmt, strcmp(FORMATS[i].fmt, "bullet") == 0 ? "＊" : "%1");
    for (size_t i = 0; i < count; i++)
        sbuf_printf(&nb, "<w:num w:numId='%zu'><w:abstractNumId w:val='%zu'/></w:num>", i + 1, i);
    sbuf_puts(&nb, "</w:numbering>");
    sbuf_puts(&body, XMLDECL "<w:document " NS "><w:body>");
    for (size_t i = 0; i < count; i++)
        sbuf_printf(&body,
                    "<w:p><w:pPr><w:numPr><w:ilvl w:val='0'/><w:numId w:val='%zu'/></w:numPr>"
                    "</w:pPr><w:r><w:t>%s</w:t></w:r></w:p>",
                    i + 1, FORMATS[i].fmt);
    sbuf_puts(&body, "</w:body></w:document>");
    size_t n;
    unsigned char *zip = mkdocx(&n, sbuf_cstr(&body), REL("rIdN", "numbering", "numbering.xml"),
                                "word/numbering.xml", sbuf_cstr(&nb), NULL);
    sbuf_free(&nb);
    sbuf_free(&body);
    rd r;
    rd_zip(&r, zip, n, DOC_TRACKED_ACCEPT);
    expect_count(&r, count);
    for (size_t i = 0; i < count; i++) {
        const doc_block *b = expect_text(&r, i, DOC_CH_BODY, FORMATS[i].fmt);
        if (FORMATS[i].label && (!b->label || strcmp(b->label, FORMATS[i].label) != 0))
            fail_msg("%s: label '%s', want '%s'", FORMATS[i].fmt, b->label ? b->label : "(null)",
                     FORMATS[i].label);
        if (!FORMATS[i].label) assert_null(b->label);
        assert_int_equal(b->list_level, 1);
        assert_int_equal(b->list_value, 3);
        assert_string_equal(b->list_format, FORMATS[i].fmt);
    }
    rd_free(&r);
}

/* ---- E13, E14: ruby and hidden text ---------------------------------------------------- */

static void test_e13_ruby(void **state)
{
    (void)state;
    size_t n;
    unsigned char *zip = mkdocx(
        &n,
        DOCUMENT("<w:p>" R("この") "<w:r><w:ruby><w:rubyPr><w:rubyAlign "
                 "w:val='distributeSpace'/><w:hps w:val='10'/><w:hpsRaise w:val='18'/>"
                 "<w:hpsBaseText w:val='21'/><w:lid w:val='ja-JP'/></w:rubyPr><w:rt><w:r>"
                 "<w:rPr><w:rFonts w:hint='eastAsia'/><w:sz w:val='10'/></w:rPr>"
                 "<w:t>ふりがな</w:t></w:r></w:rt><w:rubyBase><w:r><w:rPr><w:rFonts "
                 "w:hint='eastAsia'/></w:rPr><w:t>振仮名</w:t></w:r></w:rubyBase></w:ruby></w:r>"
                 R("を付ける。") "</w:p>"),
        NULL, NULL);
    rd r;
    rd_zip(&r, zip, n, DOC_TRACKED_ACCEPT);
    expect_count(&r, 1);
    const doc_block *b = expect_text(&r, 0, DOC_CH_BODY, "この振仮名を付ける。");
    expect_mark(b, DOC_MARK_RUBY, 0, 6, 15, "ふりがな");
    assert_int_equal(b->nmarks, 1);
    rd_free(&r);
}

static const char HIDDEN_STYLES[] = PART(
    "styles",
    "<w:style w:type='paragraph' w:default='1' w:styleId='a'><w:name w:val='Normal'/></w:style>"
    "<w:style w:type='character' w:styleId='HiddenChar'><w:name w:val='Hidden Char'/><w:rPr>"
    "<w:vanish/></w:rPr></w:style>"
    "<w:style w:type='paragraph' w:styleId='HiddenPara'><w:name w:val='Hidden Para'/><w:rPr>"
    "<w:vanish/></w:rPr></w:style>"
    "<w:style w:type='paragraph' w:styleId='HiddenChild'><w:name w:val='Hidden Child'/>"
    "<w:basedOn w:val='HiddenPara'/></w:style>");

static void test_e14_hidden(void **state)
{
    (void)state;
    size_t n;
    unsigned char *zip = mkdocx(
        &n,
        DOCUMENT("<w:p>" R("見える") "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隠す</w:t></w:r>"
                 "<w:r><w:rPr><w:webHidden/></w:rPr><w:t>ウェブ</w:t></w:r>"
                 "<w:r><w:rPr><w:rStyle w:val='HiddenChar'/></w:rPr><w:t>文字</w:t></w:r>"
                 "<w:r><w:rPr><w:rStyle w:val='HiddenChar'/><w:vanish w:val='0'/></w:rPr>"
                 "<w:t>戻す</w:t></w:r></w:p>"
                 STYLED("HiddenChild", R("全部") "<w:r><w:rPr><w:b/></w:rPr><w:t>隠れる</w:t></w:r>")),
        REL("rIdS", "styles", "styles.xml"), "word/styles.xml", HIDDEN_STYLES, NULL);
    rd r;
    rd_zip(&r, zip, n, DOC_TRACKED_ACCEPT);
    expect_count(&r, 2);
    const doc_block *b = expect_text(&r, 0, DOC_CH_BODY, "見える隠すウェブ文字戻す");
    expect_mark(b, DOC_MARK_HIDDEN, 0, 9, 15, NULL);
    expect_mark(b, DOC_MARK_HIDDEN, 1, 24, 30, NULL);
    assert_int_equal(b->nmarks, 2);
    assert_int_equal(b->flags, 0);
    b = expect_text(&r, 1, DOC_CH_BODY, "全部隠れる");
    assert_int_equal(b->flags, DOC_F_HIDDEN);
    expect_mark(b, DOC_MARK_HIDDEN, 0, 0, 15, NULL);
    assert_int_equal(b->nmarks, 1);
    assert_int_equal(r.doc.info.hidden_runs, 4);
    rd_free(&r);
}

/* ---- E16: headings ------------------------------------------------------------------------ */

static void test_e16_headings(void **state)
{
    (void)state;
    size_t n;
    unsigned char *zip = mkdocx(
        &n,
        DOCUMENT(STYLED("1", R("総則")) STYLED("21", R("名前だけ")) STYLED("Mi3", R("見出し三"))
                     STYLED("Chapter", R("章")) STYLED("Body9", R("本文扱い"))
                         "<w:p><w:pPr><w:outlineLvl w:val='4'/></w:pPr>" R("直接") "</w:p>"
                         P(R("普通"))),
        REL("rIdS", "styles", "styles.xml"), "word/styles.xml",
        PART("styles",
             "<w:style w:type='paragraph' w:default='1' w:styleId='a'><w:name w:val='Normal'/>"
             "</w:style><w:style w:type='paragraph' w:styleId='1'><w:name w:val='heading 1'/>"
             "<w:basedOn w:val='a'/><w:pPr><w:outlineLvl w:val='0'/></w:pPr></w:style>"
             "<w:style w:type='paragraph' w:styleId='21'><w:name w:val='Heading 2'/></w:style>"
             "<w:style w:type='paragraph' w:styleId='Mi3'><w:name w:val='見出し 3'/></w:style>"
             "<w:style w:type='paragraph' w:styleId='Chapter'><w:name w:val='章見出し'/>"
             "<w:basedOn w:val='1'/></w:style>"
             "<w:style w:type='paragraph' w:styleId='Body9'><w:name w:val='heading 4'/><w:pPr>"
             "<w:outlineLvl w:val='9'/></w:pPr></w:style>"),
        NULL);
    rd r;
    rd_zip(&r, zip, n, DOC_TRACKED_ACCEPT);
    expect_count(&r, 7);
    static const struct {
        const char *style, *name;
        uint8_t outline;
    } want[] = {{"1", "heading 1", 1},     {"21", "Heading 2", 2}, {"Mi3", "見出し 3", 3},
                {"Chapter", "章見出し", 1}, {"Body9", "heading 4", 0}, {NULL, NULL, 5},
                {NULL, NULL, 0}};
    for (size_t i = 0; i < 7; i++) {
        const doc_block *b = blk(&r, i);
        assert_int_equal(b->outline, want[i].outline);
        assert_int_equal(!!(b->flags & DOC_F_HEADING), want[i].outline > 0);
        if (want[i].style) {
            assert_string_equal(b->style, want[i].style);
            assert_string_equal(b->style_name, want[i].name);
        } else {
            assert_null(b->style);
        }
    }
    rd_free(&r);
}

/* ---- E17: content that is not in the story ------------------------------------------------ */

static void test_e17_altchunk_subdoc_glossary(void **state)
{
    (void)state;
    size_t n;
    unsigned char *zip = mkdocx(
        &n,
        DOCUMENT(P(R("前")) "<w:altChunk r:id='rIdAlt'/>" P(R("後"))
                     "<w:p><w:subDoc r:id='rIdSub'/></w:p>"),
        REL("rIdAlt", "aFChunk", "afchunk.mht") XREL("rIdSub", "subDocument", "sub.docx")
            REL("rIdG", "glossaryDocument", "glossary/document.xml"),
        "word/afchunk.mht", "MIME-Version: 1.0", "word/glossary/document.xml",
        DOCUMENT(P(R("定型句"))), NULL);
    rd r;
    rd_zip(&r, zip, n, DOC_TRACKED_ACCEPT);
    expect_count(&r, 2);
    expect_text(&r, 0, DOC_CH_BODY, "前");
    expect_text(&r, 1, DOC_CH_BODY, "後");
    assert_true(has_warning(&r, "ALTCHUNK"));
    assert_true(has_warning(&r, "SUBDOC"));
    bool detail = false;
    for (size_t i = 0; i < r.doc.info.nwarnings; i++)
        if (strcmp(r.doc.info.warnings[i].code, "ALTCHUNK") == 0)
            detail = strstr(r.doc.info.warnings[i].detail, "word/afchunk.mht") != NULL;
    assert_true(detail);
    assert_false(any_text_contains(&r, "定型句"));
    rd_free(&r);
}

/* ---- safety ---------------------------------------------------------------------------------- */

static void test_limit_paragraph(void **state)
{
    (void)state;
    sbuf body = SBUF_INIT;
    sbuf_puts(&body, XMLDECL "<w:document " NS "><w:body>" P(R("短い")) "<w:p>");
    for (int i = 0; i < 200; i++) sbuf_puts(&body, R("0123456789"));
    sbuf_puts(&body, "</w:p></w:body></w:document>");
    size_t n;
    unsigned char *zip = mkdocx(&n, sbuf_cstr(&body), NULL, NULL);
    sbuf_free(&body);
    rd r;
    rd_bytes(&r, zip, n, DOC_TRACKED_ACCEPT, 1000);
    free(zip);
    assert_int_equal(r.status, PL_E_LIMIT);
    assert_int_equal(r.err.limit, 1000);
    expect_count(&r, 1); /* stopped before the long paragraph was emitted */
    expect_text(&r, 0, DOC_CH_BODY, "短い");
    rd_free(&r);
}

/* Marks cost memory too: a paragraph of references alone hits the cap. */
static void test_limit_marks(void **state)
{
    (void)state;
    sbuf body = SBUF_INIT;
    sbuf_puts(&body, XMLDECL "<w:document " NS "><w:body><w:p>");
    for (int i = 0; i < 300; i++) sbuf_puts(&body, "<w:r><w:footnoteReference w:id='1'/></w:r>");
    sbuf_puts(&body, "</w:p></w:body></w:document>");
    size_t n;
    unsigned char *zip = mkdocx(&n, sbuf_cstr(&body), NULL, NULL);
    sbuf_free(&body);
    rd r;
    rd_bytes(&r, zip, n, DOC_TRACKED_ACCEPT, 1000);
    free(zip);
    assert_int_equal(r.status, PL_E_LIMIT);
    expect_count(&r, 0);
    rd_free(&r);
}

typedef struct stop_sink {
    int seen;
} stop_sink;

static bool stop_after_one(void *ctx, const doc_block *b)
{
    (void)b;
    return ++((stop_sink *)ctx)->seen < 1;
}

static void test_sink_stops_reader(void **state)
{
    (void)state;
    size_t n;
    unsigned char *zip = testdoc_docx(
        "<w:p>" R("一") "<w:r><w:pict><v:rect xmlns:v='urn:schemas-microsoft-com:vml'>"
        "<v:textbox><w:txbxContent>" P(R("枠")) "</w:txbxContent></v:textbox></v:rect></w:pict>"
        "</w:r></w:p>" P(R("二")) "<w:sectPr><w:headerReference w:type='default' r:id='rId100'/>"
        "</w:sectPr>",
        &n, "word/header1.xml", PART("hdr", P(R("ヘッダー"))), NULL);
    ooxml_options opt;
    ooxml_options_default(&opt);
    opt.metadata = false;
    doc_info info;
    doc_info_init(&info);
    stop_sink ss = {0};
    doc_sink sink = {.ctx = &ss, .block = stop_after_one};
    pl_error err;
    pl_error_clear(&err);
    assert_int_equal(ooxml_read_memory(zip, n, "t.docx", &opt, &info, &sink, &err), PL_OK);
    assert_int_equal(ss.seen, 1);
    doc_info_free(&info);
    free(zip);
}

/* Hostile shapes must end cleanly: deep nesting, absurd spans and starts,
 * lvlText naming undefined levels, stray field ends. */
static void test_hostile_shapes(void **state)
{
    (void)state;
    sbuf body = SBUF_INIT;
    sbuf_puts(&body, XMLDECL "<w:document " NS "><w:body>");
    for (int i = 0; i < 100; i++) sbuf_puts(&body, "<w:sdt><w:sdtContent>");
    sbuf_puts(&body, P(R("深い")));
    for (int i = 0; i < 100; i++) sbuf_puts(&body, "</w:sdtContent></w:sdt>");
    sbuf_puts(&body,
              "<w:tbl><w:tr><w:trPr><w:gridBefore w:val='99999999'/></w:trPr><w:tc><w:tcPr>"
              "<w:gridSpan w:val='-5'/></w:tcPr><w:p>" R("セル") "</w:p></w:tc></w:tr></w:tbl>"
              "<w:p>" FLD("end") FLD("separate") R("迷子") FLD("end") "<w:commentRangeEnd "
              "w:id='9'/></w:p>" NUMP(1, 0, R("番号")) NUMP(2, 8, R("未定義")));
    sbuf_puts(&body, "</w:body></w:document>");
    size_t n;
    unsigned char *zip = mkdocx(
        &n, sbuf_cstr(&body), REL("rIdN", "numbering", "numbering.xml"), "word/numbering.xml",
        PART("numbering", "<w:abstractNum w:abstractNumId='0'><w:lvl w:ilvl='0'>"
                          "<w:start w:val='2147483647'/><w:numFmt w:val='upperLetter'/>"
                          "<w:lvlText w:val='%9-%1%'/></w:lvl></w:abstractNum>"
                          "<w:num w:numId='1'><w:abstractNumId w:val='0'/></w:num>"
                          "<w:num w:numId='2'><w:abstractNumId w:val='77'/></w:num>"),
        NULL);
    sbuf_free(&body);
    rd r;
    rd_zip(&r, zip, n, DOC_TRACKED_ACCEPT);
    expect_count(&r, 5);
    expect_text(&r, 0, DOC_CH_BODY, "深い");
    expect_loc(expect_text(&r, 1, DOC_CH_TABLE, "セル"), 2, 1, 1, 1001, 1);
    expect_text(&r, 2, DOC_CH_BODY, "迷子");
    expect_label(expect_text(&r, 3, DOC_CH_BODY, "番号"), "0-2147483647%", '\t', 1, 2147483647u);
    expect_label(expect_text(&r, 4, DOC_CH_BODY, "未定義"), NULL, 0, 0, 0);
    rd_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_e1_main_part_from_rels),
        cmocka_unit_test(test_e18_strict),
        cmocka_unit_test(test_e18_docm),
        cmocka_unit_test(test_e2_runs_concatenated),
        cmocka_unit_test(test_e3_tabs_and_breaks),
        cmocka_unit_test(test_e4_hyphens_and_symbols),
        cmocka_unit_test(test_e4_symbol_font_runs),
        cmocka_unit_test(test_drop_cap),
        cmocka_unit_test(test_math_text),
        cmocka_unit_test(test_e5_tracked_accept),
        cmocka_unit_test(test_e5_tracked_reject),
        cmocka_unit_test(test_e5_tracked_all),
        cmocka_unit_test(test_e5_paragraph_marks),
        cmocka_unit_test(test_e5_moves),
        cmocka_unit_test(test_e5_property_changes_ignored),
        cmocka_unit_test(test_e5_numbering_follows_view),
        cmocka_unit_test(test_e6_comments),
        cmocka_unit_test(test_e6_notes),
        cmocka_unit_test(test_e6_headers_footers),
        cmocka_unit_test(test_e7_table_grid),
        cmocka_unit_test(test_e7_nested_tables),
        cmocka_unit_test(test_e7_table_in_header),
        cmocka_unit_test(test_e8_fields),
        cmocka_unit_test(test_e8_field_across_paragraphs),
        cmocka_unit_test(test_e8_tracked_instruction),
        cmocka_unit_test(test_e8_form_checkbox),
        cmocka_unit_test(test_e9_content_controls),
        cmocka_unit_test(test_e10_textbox_in_header),
        cmocka_unit_test(test_e10_textbox_once),
        cmocka_unit_test(test_e11_unwrap_and_links),
        cmocka_unit_test(test_e12_japanese_contract),
        cmocka_unit_test(test_e12_restart_and_override),
        cmocka_unit_test(test_e12_numbering_from_styles),
        cmocka_unit_test(test_e12_legal_restart_bullets),
        cmocka_unit_test(test_e12_every_format),
        cmocka_unit_test(test_e13_ruby),
        cmocka_unit_test(test_e14_hidden),
        cmocka_unit_test(test_e16_headings),
        cmocka_unit_test(test_e17_altchunk_subdoc_glossary),
        cmocka_unit_test(test_limit_paragraph),
        cmocka_unit_test(test_limit_marks),
        cmocka_unit_test(test_sink_stops_reader),
        cmocka_unit_test(test_hostile_shapes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

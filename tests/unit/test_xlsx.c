/* The XLSX reader (src/ooxml/xlsx*.c), checklist X1-X8 of
 * ../shared/domain/ooxml-extraction-notes.md §5.1.
 *
 * Workbooks are assembled at test time from SpreadsheetML written the way
 * the real producers write it: Excel (shared strings, styles with
 * built-in ids, threaded comments), LibreOffice (rich runs, rPh after the
 * runs, date1904="true", explicit General numFmt) and openpyxl (inline
 * strings only, formulas without cached values). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/doc.h"
#include "ooxml/ooxml.h"
#include "zipgen.h"

#define NS_S "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG "http://schemas.openxmlformats.org/package/2006/relationships"
#define RT NS_R "/"
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define CT_XLSX "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
#define CT_XLSM "application/vnd.ms-excel.sheet.macroEnabled.main+xml"

/* ---- building packages ------------------------------------------------------- */

typedef struct part {
    const char *name, *xml;
} part;

/* [Content_Types].xml and _rels/.rels are generated; every other part is
 * given. The list ends with a NULL name. */
static unsigned char *build(size_t *n, const char *main_ct, const part *parts)
{
    zipgen *z = zipgen_new();
    char ct[1024];
    snprintf(ct, sizeof ct,
             XML_DECL "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                      "content-types\"><Default Extension=\"rels\" ContentType=\"application/"
                      "vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" "
                      "ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" "
                      "ContentType=\"%s\"/></Types>",
             main_ct);
    zipgen_add_str(z, "[Content_Types].xml", ct);
    zipgen_add_str(z, "_rels/.rels",
                   XML_DECL "<Relationships xmlns=\"" NS_PKG "\"><Relationship Id=\"rId1\" "
                            "Type=\"" RT "officeDocument\" Target=\"xl/workbook.xml\"/>"
                            "</Relationships>");
    for (const part *p = parts; p->name; p++) zipgen_add_str(z, p->name, p->xml);
    return zipgen_finish(z, n);
}

#define WORKBOOK(pr, sheets)                                                                   \
    XML_DECL "<workbook xmlns=\"" NS_S "\" xmlns:r=\"" NS_R "\">" pr "<sheets>" sheets          \
             "</sheets></workbook>"
#define RELS(body) XML_DECL "<Relationships xmlns=\"" NS_PKG "\">" body "</Relationships>"
#define REL(id, type, target)                                                                  \
    "<Relationship Id=\"" id "\" Type=\"" RT type "\" Target=\"" target "\"/>"
#define SHEET(data) XML_DECL "<worksheet xmlns=\"" NS_S "\" xmlns:r=\"" NS_R "\">" data "</worksheet>"

/* ---- reading ---------------------------------------------------------------- */

typedef struct result {
    doc_document doc;
    pl_status status;
    pl_error err;
} result;

static void read_with(result *r, const unsigned char *data, size_t n, const ooxml_options *opt)
{
    doc_document_init(&r->doc);
    pl_error_clear(&r->err);
    doc_sink sink = doc_document_sink(&r->doc);
    r->status = ooxml_read_memory(data, n, "test.xlsx", opt, &r->doc.info, &sink, &r->err);
}

static void read_parts(result *r, const char *main_ct, const part *parts)
{
    size_t n;
    unsigned char *data = build(&n, main_ct, parts);
    ooxml_options opt;
    ooxml_options_default(&opt);
    opt.metadata = false;
    read_with(r, data, n, &opt);
    free(data);
}

static void done(result *r)
{
    doc_document_free(&r->doc);
}

/* The cell block at sheet!ref on the cell channel, or NULL. */
static const doc_block *cell(const result *r, const char *sheet, const char *ref)
{
    uint32_t col = 0, row = 0;
    const char *p = ref;
    while (*p >= 'A' && *p <= 'Z') col = col * 26 + (uint32_t)(*p++ - 'A' + 1);
    row = (uint32_t)atoi(p);
    for (size_t i = 0; i < r->doc.nblocks; i++) {
        const doc_block *b = &r->doc.blocks[i];
        if (b->kind == DOC_BLOCK_CELL && b->channel == DOC_CH_CELL && b->loc.sheet &&
            strcmp(b->loc.sheet, sheet) == 0 && b->loc.row == row && b->loc.col == col)
            return b;
    }
    return NULL;
}

static const doc_block *must(const result *r, const char *sheet, const char *ref)
{
    const doc_block *b = cell(r, sheet, ref);
    if (!b) fail_msg("no cell %s!%s", sheet, ref);
    return b;
}

static size_t count_channel(const result *r, doc_channel ch)
{
    size_t n = 0;
    for (size_t i = 0; i < r->doc.nblocks; i++) n += r->doc.blocks[i].channel == ch;
    return n;
}

static const doc_block *nth_channel(const result *r, doc_channel ch, size_t k)
{
    for (size_t i = 0; i < r->doc.nblocks; i++)
        if (r->doc.blocks[i].channel == ch && k-- == 0) return &r->doc.blocks[i];
    fail_msg("no block %zu on channel %d", k, (int)ch);
    return NULL;
}

static bool has_warning(const result *r, const char *code)
{
    for (size_t i = 0; i < r->doc.info.nwarnings; i++)
        if (strcmp(r->doc.info.warnings[i].code, code) == 0) return true;
    return false;
}

/* ---- an Excel-shaped workbook --------------------------------------------------- */

static const char EXCEL_STYLES[] =
    XML_DECL "<styleSheet xmlns=\"" NS_S "\">"
    "<numFmts count=\"3\">"
    "<numFmt numFmtId=\"176\" formatCode=\"[$-411]ggge&quot;年&quot;m&quot;月&quot;d&quot;日&quot;;@\"/>"
    "<numFmt numFmtId=\"177\" formatCode=\"[$-411]ge.m.d;@\"/>"
    "<numFmt numFmtId=\"178\" formatCode=\"#,##0&quot;円&quot;;&quot;▲&quot;#,##0&quot;円&quot;\"/>"
    "</numFmts>"
    "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"游ゴシック\"/><family val=\"3\"/>"
    "<charset val=\"128\"/></font></fonts><fills count=\"1\"><fill><patternFill "
    "patternType=\"none\"/></fill></fills><borders count=\"1\"><border/></borders>"
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/>"
    "</cellStyleXfs>"
    "<cellXfs count=\"12\">"
    "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"           /* 0 */
    "<xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
    "<xf numFmtId=\"176\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
    "<xf numFmtId=\"177\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
    "<xf numFmtId=\"3\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
    "<xf numFmtId=\"10\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
    "<xf numFmtId=\"178\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
    "<xf numFmtId=\"22\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
    "<xf numFmtId=\"20\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
    "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
    "<xf numFmtId=\"31\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
    "<xf numFmtId=\"58\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
    "</cellXfs>"
    /* a differential format's numFmt is no cell format: it must not override 176 */
    "<dxfs count=\"1\"><dxf><numFmt numFmtId=\"176\" formatCode=\"0.00\"/></dxf></dxfs>"
    "</styleSheet>";

static const char EXCEL_SST[] =
    XML_DECL "<sst xmlns=\"" NS_S "\" count=\"8\" uniqueCount=\"8\">"
    "<si><t>業務委託契約</t></si>"                                                     /* 0 */
    "<si><r><t>再委託の</t></r><r><rPr><b/><sz val=\"11\"/></rPr><t>禁止</t></r></si>" /* 1 */
    "<si><r><t>課きく　毛こ</t></r><rPh sb=\"0\" eb=\"1\"><t>カ</t></rPh>"
    "<rPh sb=\"4\" eb=\"5\"><t>ケ</t></rPh><phoneticPr fontId=\"1\"/></si>"           /* 2 */
    "<si><t/></si>"                                                                    /* 3 */
    "<si><t>ABC_x000D_\nDEF</t></si>"                                                  /* 4 */
    "<si><t>_x005F_x000D_ is written literally</t></si>"                              /* 5 */
    "<si><t xml:space=\"preserve\"> 山田　太郎 </t><rPh sb=\"1\" eb=\"3\"><t>ヤマダ</t></rPh></si>"
    "<si><t>A &amp; B &lt;c&gt;</t></si>"                                             /* 7 */
    "</sst>";

static const char EXCEL_SHEET1[] = SHEET(
    "<dimension ref=\"A1:F9\"/><sheetData>"
    "<row r=\"1\" spans=\"1:6\">"
    "<c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
    "<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c>"
    "<c r=\"E1\" t=\"s\"><v>4</v></c><c r=\"F1\" t=\"s\"><v>5</v></c></row>"
    "<row r=\"2\" spans=\"1:6\">"
    "<c r=\"A2\" s=\"1\"><v>45383</v></c><c r=\"B2\" s=\"2\"><v>45383</v></c>"
    "<c r=\"C2\" s=\"3\"><v>45383</v></c><c r=\"D2\" s=\"4\"><v>1234567</v></c>"
    "<c r=\"E2\" s=\"5\"><v>0.125</v></c><c r=\"F2\" s=\"6\"><v>-5000</v></c></row>"
    "<row r=\"3\" spans=\"1:6\">"
    "<c r=\"A3\" s=\"7\"><v>45383.395833333336</v></c><c r=\"B3\" s=\"8\"><v>0.5</v></c>"
    "<c r=\"C3\" s=\"9\" t=\"s\"><v>6</v></c><c r=\"D3\" s=\"10\"><v>45383</v></c>"
    "<c r=\"E3\" s=\"11\"><v>45383</v></c><c r=\"F3\" t=\"s\"><v>7</v></c></row>"
    "<row r=\"4\" spans=\"1:6\">"
    "<c r=\"A4\"><f>SUM(D2,1)</f><v>1234568</v></c>"
    "<c r=\"B4\" t=\"str\"><f>A1&amp;\"書\"</f><v>業務委託契約書</v></c>"
    "<c r=\"C4\" t=\"b\"><f>A4&gt;0</f><v>1</v></c>"
    "<c r=\"D4\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
    "<c r=\"E4\"><f>NOW()</f></c>"
    "<c r=\"F4\" t=\"b\"><v>0</v></c></row>"
    "<row r=\"5\" spans=\"1:6\">"
    "<c r=\"A5\"><f t=\"shared\" ref=\"A5:A6\" si=\"0\">D2*2</f><v>2469134</v></c>"
    "<c r=\"B5\" t=\"inlineStr\"><v>99</v><is><t>インライン</t></is></c>"
    "<c r=\"C5\" t=\"d\" s=\"1\"><v>2024-04-01T00:00:00</v></c>"
    "<c r=\"D5\" t=\"d\"><v>2024-04-01T09:30:00</v></c>"
    "<c r=\"E5\" s=\"4\"/>"
    "<c r=\"F5\" t=\"n\"><v>1.5E-3</v></c></row>"
    "<row r=\"6\" spans=\"1:6\">"
    "<c r=\"A6\"><f t=\"shared\" si=\"0\"/><v>2469134</v></c>"
    "<c r=\"B6\" t=\"e\"><v>#N/A</v></c>"
    "<c r=\"C6\" t=\"str\"><f>\"\"</f><v></v></c>"
    "<c r=\"D6\" s=\"2\"><v>60</v></c>"
    "<c r=\"E6\" s=\"1\"><v>59</v></c>"
    "<c r=\"F6\" s=\"1\"><v>61</v></c></row>"
    "</sheetData><pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" "
    "header=\"0.3\" footer=\"0.3\"/>");

static void read_excel_workbook(result *r)
{
    const part parts[] = {
        {"xl/workbook.xml", WORKBOOK("<workbookPr defaultThemeVersion=\"166925\"/>",
                                     "<sheet name=\"台帳\" sheetId=\"1\" r:id=\"rId1\"/>")},
        {"xl/_rels/workbook.xml.rels",
         RELS(REL("rId1", "worksheet", "worksheets/sheet1.xml")
                  REL("rId2", "styles", "styles.xml") REL("rId3", "sharedStrings",
                                                          "sharedStrings.xml"))},
        {"xl/styles.xml", EXCEL_STYLES},
        {"xl/sharedStrings.xml", EXCEL_SST},
        {"xl/worksheets/sheet1.xml", EXCEL_SHEET1},
        {NULL, NULL},
    };
    read_parts(r, CT_XLSX, parts);
    assert_int_equal(r->status, PL_OK);
}

static void x2_shared_strings_rich_runs_phonetics(void **state)
{
    (void)state;
    result r;
    read_excel_workbook(&r);
    assert_string_equal(must(&r, "台帳", "A1")->text, "業務委託契約");
    assert_string_equal(must(&r, "台帳", "B1")->text, "再委託の禁止");
    assert_string_equal(must(&r, "台帳", "C1")->text, "課きく　毛こ"); /* no カ, no ケ */
    assert_null(cell(&r, "台帳", "D1"));                                  /* <si><t/></si> */
    assert_string_equal(must(&r, "台帳", "C3")->text, " 山田　太郎 ");
    assert_string_equal(must(&r, "台帳", "F3")->text, "A & B <c>");
    const doc_block *b = must(&r, "台帳", "A1");
    assert_int_equal(b->value_type, DOC_VAL_STRING);
    assert_null(b->raw);
    assert_int_equal(b->kind, DOC_BLOCK_CELL);
    assert_int_equal(b->channel, DOC_CH_CELL);
    assert_string_equal(b->loc.part, "xl/worksheets/sheet1.xml");
    assert_int_equal(b->loc.row, 1);
    assert_int_equal(b->loc.col, 1);
    done(&r);
}

static void x3_escapes_in_shared_and_inline_strings(void **state)
{
    (void)state;
    result r;
    read_excel_workbook(&r);
    assert_string_equal(must(&r, "台帳", "E1")->text, "ABC\r\nDEF");
    assert_string_equal(must(&r, "台帳", "F1")->text, "_x000D_ is written literally");
    done(&r);

    const part parts[] = {
        {"xl/workbook.xml", WORKBOOK("", "<sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/>")},
        {"xl/_rels/workbook.xml.rels", RELS(REL("rId1", "worksheet", "worksheets/sheet1.xml"))},
        {"xl/worksheets/sheet1.xml",
         SHEET("<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>一行目_x000D_\n"
               "二行目</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>tab_x0009_bar_x005f_"
               "x0041_</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>_xD83D__xDE00_ "
               "_x00_ _xZZZZ_ _x0000_</t></is></c></row></sheetData>")},
        {NULL, NULL},
    };
    read_parts(&r, CT_XLSX, parts);
    assert_int_equal(r.status, PL_OK);
    assert_string_equal(must(&r, "S", "A1")->text, "一行目\r\n二行目");
    assert_string_equal(must(&r, "S", "B1")->text, "tab\tbar_x0041_");
    assert_string_equal(must(&r, "S", "C1")->text, "😀 _x00_ _xZZZZ_ _x0000_");
    done(&r);
}

static void x4_every_cell_type(void **state)
{
    (void)state;
    result r;
    read_excel_workbook(&r);
    const doc_block *b;
    /* n with a formula and its cached value */
    b = must(&r, "台帳", "A4");
    assert_string_equal(b->text, "1234568");
    assert_int_equal(b->value_type, DOC_VAL_NUMBER);
    assert_string_equal(b->raw, "1234568");
    assert_true(b->flags & DOC_F_FORMULA);
    assert_false(b->flags & DOC_F_NO_CACHED);
    /* str */
    b = must(&r, "台帳", "B4");
    assert_string_equal(b->text, "業務委託契約書");
    assert_int_equal(b->value_type, DOC_VAL_STRING);
    assert_true(b->flags & DOC_F_FORMULA);
    /* b */
    b = must(&r, "台帳", "C4");
    assert_string_equal(b->text, "TRUE");
    assert_int_equal(b->value_type, DOC_VAL_BOOL);
    assert_string_equal(b->raw, "1");
    b = must(&r, "台帳", "F4");
    assert_string_equal(b->text, "FALSE");
    assert_false(b->flags & DOC_F_FORMULA);
    /* e */
    b = must(&r, "台帳", "D4");
    assert_string_equal(b->text, "#DIV/0!");
    assert_int_equal(b->value_type, DOC_VAL_ERROR);
    assert_string_equal(b->raw, "#DIV/0!");
    b = must(&r, "台帳", "B6");
    assert_string_equal(b->text, "#N/A");
    /* a formula without a cached value */
    b = must(&r, "台帳", "E4");
    assert_string_equal(b->text, "");
    assert_true(b->flags & DOC_F_FORMULA);
    assert_true(b->flags & DOC_F_NO_CACHED);
    /* a formula whose cached value is the empty string */
    b = must(&r, "台帳", "C6");
    assert_string_equal(b->text, "");
    assert_true(b->flags & DOC_F_FORMULA);
    assert_false(b->flags & DOC_F_NO_CACHED);
    /* shared formulas: master and follower both give their cached values */
    assert_string_equal(must(&r, "台帳", "A5")->text, "2469134");
    assert_string_equal(must(&r, "台帳", "A6")->text, "2469134");
    assert_true(must(&r, "台帳", "A6")->flags & DOC_F_FORMULA);
    /* inlineStr: <is> wins over a stray <v> */
    assert_string_equal(must(&r, "台帳", "B5")->text, "インライン");
    /* d: ISO 8601 values, through the style when it has a date format */
    b = must(&r, "台帳", "C5");
    assert_string_equal(b->text, "2024/4/1");
    assert_string_equal(b->iso, "2024-04-01");
    assert_int_equal(b->value_type, DOC_VAL_DATE);
    assert_string_equal(b->raw, "2024-04-01T00:00:00");
    b = must(&r, "台帳", "D5");
    assert_string_equal(b->text, "2024-04-01T09:30:00");
    assert_string_equal(b->iso, "2024-04-01T09:30:00");
    assert_int_equal(b->value_type, DOC_VAL_DATETIME);
    /* t="n" spelled out, exponent notation in the file */
    assert_string_equal(must(&r, "台帳", "F5")->text, "0.0015");
    /* a styled but empty cell is no block */
    assert_null(cell(&r, "台帳", "E5"));
    assert_int_equal(r.doc.info.cells, 34);
    done(&r);
}

static void x5_number_formats_and_dates(void **state)
{
    (void)state;
    result r;
    read_excel_workbook(&r);
    const doc_block *b = must(&r, "台帳", "A2");
    assert_string_equal(b->text, "2024/4/1"); /* id 14 in ja-JP */
    assert_int_equal(b->value_type, DOC_VAL_DATE);
    assert_string_equal(b->iso, "2024-04-01");
    assert_string_equal(b->raw, "45383");
    assert_string_equal(b->number_format, "yyyy/m/d");
    b = must(&r, "台帳", "B2");
    assert_string_equal(b->text, "令和6年4月1日");
    assert_string_equal(b->number_format, "[$-411]ggge\"年\"m\"月\"d\"日\";@");
    assert_string_equal(must(&r, "台帳", "C2")->text, "R6.4.1");
    b = must(&r, "台帳", "D2");
    assert_string_equal(b->text, "1,234,567");
    assert_int_equal(b->value_type, DOC_VAL_NUMBER);
    assert_null(b->iso);
    assert_string_equal(must(&r, "台帳", "E2")->text, "12.50%");
    assert_string_equal(must(&r, "台帳", "F2")->text, "▲5,000円");
    b = must(&r, "台帳", "A3");
    assert_string_equal(b->text, "2024/4/1 9:30");
    assert_int_equal(b->value_type, DOC_VAL_DATETIME);
    assert_string_equal(b->iso, "2024-04-01T09:30:00");
    b = must(&r, "台帳", "B3");
    assert_string_equal(b->text, "12:00");
    assert_int_equal(b->value_type, DOC_VAL_TIME);
    assert_string_equal(b->iso, "12:00:00");
    assert_string_equal(must(&r, "台帳", "C3")->number_format, "@");
    assert_string_equal(must(&r, "台帳", "D3")->text, "2024年4月1日"); /* id 31 */
    assert_string_equal(must(&r, "台帳", "E3")->text, "令和6年4月1日"); /* id 58 */
    /* General stays NULL */
    assert_null(must(&r, "台帳", "A4")->number_format);
    /* Excel's fictitious 1900-02-29 */
    b = must(&r, "台帳", "D6");
    assert_string_equal(b->text, "明治33年2月29日");
    assert_null(b->iso);
    assert_string_equal(must(&r, "台帳", "E6")->iso, "1900-02-28");
    assert_string_equal(must(&r, "台帳", "F6")->iso, "1900-03-01");
    done(&r);
}

/* ---- X1: sheets ---------------------------------------------------------------- */

static void x1_sheets_in_workbook_order_with_visibility(void **state)
{
    (void)state;
    /* Tabs are not in part-name order; one target is absolute; a chart sheet
     * has no cells; sheets can be hidden or very hidden. */
    const part parts[] = {
        {"xl/workbook.xml",
         WORKBOOK("", "<sheet name=\"表紙\" sheetId=\"3\" r:id=\"rId3\"/>"
                      "<sheet name=\"本体\" sheetId=\"1\" r:id=\"rId1\"/>"
                      "<sheet name=\"作業用\" sheetId=\"2\" state=\"hidden\" r:id=\"rId2\"/>"
                      "<sheet name=\"設定\" sheetId=\"4\" state=\"veryHidden\" r:id=\"rId4\"/>"
                      "<sheet name=\"グラフ\" sheetId=\"5\" r:id=\"rId5\"/>")},
        {"xl/_rels/workbook.xml.rels",
         RELS(REL("rId1", "worksheet", "worksheets/sheet1.xml")
                  REL("rId2", "worksheet", "/xl/worksheets/sheet2.xml")
                      REL("rId3", "worksheet", "./worksheets/../worksheets/sheet3.xml")
                          REL("rId4", "worksheet", "worksheets/sheet4.xml")
                              REL("rId5", "chartsheet", "chartsheets/sheet1.xml"))},
        {"xl/worksheets/sheet1.xml",
         SHEET("<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>本体</t></is></c>"
               "</row></sheetData>")},
        {"xl/worksheets/sheet2.xml",
         SHEET("<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>作業</t></is></c>"
               "</row></sheetData>")},
        {"xl/worksheets/sheet3.xml",
         SHEET("<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>表紙</t></is></c>"
               "</row></sheetData>")},
        {"xl/worksheets/sheet4.xml",
         SHEET("<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>設定</t></is></c>"
               "</row></sheetData>")},
        {"xl/chartsheets/sheet1.xml",
         XML_DECL "<chartsheet xmlns=\"" NS_S "\"><sheetView/></chartsheet>"},
        {NULL, NULL},
    };
    result r;
    read_parts(&r, CT_XLSX, parts);
    assert_int_equal(r.status, PL_OK);
    assert_int_equal(r.doc.nblocks, 4);
    assert_string_equal(r.doc.blocks[0].loc.sheet, "表紙");
    assert_string_equal(r.doc.blocks[0].loc.part, "xl/worksheets/sheet3.xml");
    assert_string_equal(r.doc.blocks[1].loc.sheet, "本体");
    assert_string_equal(r.doc.blocks[2].loc.sheet, "作業用");
    assert_string_equal(r.doc.blocks[2].loc.part, "xl/worksheets/sheet2.xml");
    assert_string_equal(r.doc.blocks[3].loc.sheet, "設定");
    assert_false(r.doc.blocks[0].flags & DOC_F_SHEET_HIDDEN);
    assert_false(r.doc.blocks[1].flags & DOC_F_SHEET_HIDDEN);
    assert_true(r.doc.blocks[2].flags & DOC_F_SHEET_HIDDEN);
    assert_true(r.doc.blocks[3].flags & DOC_F_SHEET_HIDDEN);
    assert_int_equal(r.doc.info.sheets, 4);
    assert_int_equal(r.doc.info.cells, 4);
    assert_int_equal(r.doc.info.format, DOC_FMT_XLSX);
    done(&r);
}

/* ---- LibreOffice and openpyxl ----------------------------------------------------- */

static void libreoffice_shapes(void **state)
{
    (void)state;
    /* LibreOffice: date1904="true", numFmt 164 = "General", runs with rPr
     * before every t, rPh after the runs, a header/footer with font codes */
    const part parts[] = {
        {"xl/workbook.xml",
         WORKBOOK("<fileVersion appName=\"Calc\"/><workbookPr backupFile=\"false\" "
                  "showObjects=\"all\" date1904=\"true\"/>",
                  "<sheet name=\"Sheet1\" sheetId=\"1\" state=\"visible\" r:id=\"rId2\"/>")},
        {"xl/_rels/workbook.xml.rels",
         RELS(REL("rId1", "styles", "styles.xml") REL("rId2", "worksheet", "worksheets/sheet1.xml")
                  REL("rId3", "sharedStrings", "sharedStrings.xml"))},
        {"xl/styles.xml",
         XML_DECL "<styleSheet xmlns=\"" NS_S "\"><numFmts count=\"3\"><numFmt numFmtId=\"164\" "
                  "formatCode=\"General\"/><numFmt numFmtId=\"165\" formatCode=\"yyyy\\-mm\\-dd\"/>"
                  "<numFmt numFmtId=\"166\" formatCode=\"[hh]:mm:ss\"/></numFmts><cellXfs "
                  "count=\"3\"><xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" "
                  "xfId=\"0\"/><xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" "
                  "xfId=\"0\" applyNumberFormat=\"true\"/><xf numFmtId=\"166\" fontId=\"0\" "
                  "fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"true\"/></cellXfs>"
                  "</styleSheet>"},
        {"xl/sharedStrings.xml",
         XML_DECL "<sst xmlns=\"" NS_S "\" count=\"2\" uniqueCount=\"2\">"
                  "<si><r><rPr><sz val=\"10\"/><rFont val=\"Noto Sans CJK JP\"/></rPr><t "
                  "xml:space=\"preserve\">第</t></r><r><rPr><b val=\"true\"/><sz val=\"10\"/>"
                  "</rPr><t xml:space=\"preserve\">１条</t></r><rPh sb=\"0\" eb=\"1\"><r><t>ダイ"
                  "</t></r></rPh><phoneticPr fontId=\"1\"/></si>"
                  "<si><t xml:space=\"preserve\">目的</t></si></sst>"},
        {"xl/worksheets/sheet1.xml",
         SHEET("<sheetData><row r=\"1\" customFormat=\"false\" ht=\"12.8\" hidden=\"false\">"
               "<c r=\"A1\" s=\"0\" t=\"s\"><v>0</v></c><c r=\"B1\" s=\"0\" t=\"s\"><v>1</v></c>"
               "<c r=\"C1\" s=\"0\" t=\"n\"><v>3.5</v></c></row>"
               "<row r=\"2\" hidden=\"false\"><c r=\"A2\" s=\"1\" t=\"n\"><v>42735</v></c>"
               "<c r=\"B2\" s=\"2\" t=\"n\"><v>10.6320601851852</v></c></row></sheetData>"
               "<headerFooter differentFirst=\"false\" differentOddEven=\"false\"><oddHeader>"
               "&amp;C&amp;&quot;Times New Roman,標準&quot;&amp;12&amp;A</oddHeader><oddFooter>"
               "&amp;C&amp;&quot;Times New Roman,標準&quot;&amp;12ページ &amp;P</oddFooter>"
               "</headerFooter>")},
        {NULL, NULL},
    };
    result r;
    read_parts(&r, CT_XLSX, parts);
    assert_int_equal(r.status, PL_OK);
    assert_true(r.doc.info.date1904);
    assert_string_equal(must(&r, "Sheet1", "A1")->text, "第１条");
    assert_string_equal(must(&r, "Sheet1", "B1")->text, "目的");
    const doc_block *b = must(&r, "Sheet1", "C1");
    assert_string_equal(b->text, "3.5");
    assert_null(b->number_format); /* "General" written out is General */
    b = must(&r, "Sheet1", "A2");
    assert_string_equal(b->text, "2021-01-01");
    assert_string_equal(b->iso, "2021-01-01");
    b = must(&r, "Sheet1", "B2");
    assert_string_equal(b->text, "255:10:10");
    assert_int_equal(b->value_type, DOC_VAL_TIME);
    assert_null(b->iso);
    /* the sheet header is only codes: no block; the footer keeps its words */
    assert_int_equal(count_channel(&r, DOC_CH_HEADER), 0);
    assert_int_equal(count_channel(&r, DOC_CH_FOOTER), 1);
    b = nth_channel(&r, DOC_CH_FOOTER, 0);
    assert_string_equal(b->text, "ページ");
    assert_string_equal(b->ref, "default");
    assert_string_equal(b->loc.sheet, "Sheet1");
    done(&r);
}

static void openpyxl_inline_strings_only(void **state)
{
    (void)state;
    /* openpyxl 3.0 (Debian): no sharedStrings part at all, t="n" spelled
     * out, formulas without cached values, dates as serials with a style */
    const part parts[] = {
        {"xl/workbook.xml",
         WORKBOOK("<workbookPr/><workbookProtection/><bookViews><workbookView "
                  "visibility=\"visible\" minimized=\"0\" showHorizontalScroll=\"1\"/></bookViews>",
                  "<sheet xmlns:r=\"" NS_R "\" name=\"委託先一覧\" sheetId=\"1\" state=\"visible\" "
                  "r:id=\"rId1\"/>")},
        {"xl/_rels/workbook.xml.rels",
         RELS(REL("rId1", "worksheet", "/xl/worksheets/sheet1.xml")
                  REL("rId2", "styles", "/xl/styles.xml"))},
        {"xl/styles.xml",
         XML_DECL "<styleSheet xmlns=\"" NS_S "\"><numFmts count=\"1\"><numFmt numFmtId=\"164\" "
                  "formatCode=\"yyyy-mm-dd h:mm:ss\"/></numFmts><cellXfs count=\"2\"><xf "
                  "numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" pivotButton=\"0\" "
                  "quotePrefix=\"0\" xfId=\"0\"/><xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" "
                  "borderId=\"0\" applyNumberFormat=\"1\" pivotButton=\"0\" quotePrefix=\"0\" "
                  "xfId=\"0\"/></cellXfs></styleSheet>"},
        {"xl/worksheets/sheet1.xml",
         SHEET("<sheetPr><outlinePr summaryBelow=\"1\" summaryRight=\"1\"/><pageSetUpPr/>"
               "</sheetPr><dimension ref=\"A1:C3\"/><sheetViews><sheetView workbookViewId=\"0\">"
               "<selection activeCell=\"A1\" sqref=\"A1\"/></sheetView></sheetViews>"
               "<sheetFormatPr baseColWidth=\"8\" defaultRowHeight=\"15\"/><sheetData>"
               "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>委託先</t></is></c><c r=\"B1\" "
               "t=\"inlineStr\"><is><t>金額</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>契約日"
               "</t></is></c></row>"
               "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>株式会社テスト</t></is></c>"
               "<c r=\"B2\" t=\"n\"><v>1200000</v></c><c r=\"C2\" s=\"1\" t=\"n\"><v>45383.5</v>"
               "</c></row>"
               "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>合計</t></is></c><c r=\"B3\">"
               "<f>SUM(B2:B2)</f><v></v></c></row></sheetData>"
               "<pageMargins left=\"0.75\" right=\"0.75\" top=\"1\" bottom=\"1\" header=\"0.5\" "
               "footer=\"0.5\"/>")},
        {NULL, NULL},
    };
    result r;
    read_parts(&r, CT_XLSX, parts);
    assert_int_equal(r.status, PL_OK);
    assert_string_equal(must(&r, "委託先一覧", "A2")->text, "株式会社テスト");
    assert_string_equal(must(&r, "委託先一覧", "B2")->text, "1200000");
    const doc_block *b = must(&r, "委託先一覧", "C2");
    assert_string_equal(b->text, "2024-04-01 12:00:00");
    assert_string_equal(b->iso, "2024-04-01T12:00:00");
    b = must(&r, "委託先一覧", "B3");
    assert_true(b->flags & DOC_F_NO_CACHED);
    assert_int_equal(r.doc.info.cells, 8);
    done(&r);
}

/* ---- X6: positions, hidden rows and columns, merges -------------------------------- */

static void x6_positions_hidden_and_merged(void **state)
{
    (void)state;
    const part parts[] = {
        {"xl/workbook.xml", WORKBOOK("", "<sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/>")},
        {"xl/_rels/workbook.xml.rels", RELS(REL("rId1", "worksheet", "worksheets/sheet1.xml"))},
        {"xl/worksheets/sheet1.xml",
         SHEET("<cols><col min=\"1\" max=\"1\" width=\"9\"/><col min=\"3\" max=\"4\" width=\"0\" "
               "hidden=\"1\" customWidth=\"1\"/></cols><sheetData>"
               /* cells without r follow each other; a row without r follows the last */
               "<row r=\"2\"><c t=\"inlineStr\"><is><t>a</t></is></c><c t=\"inlineStr\"><is><t>b"
               "</t></is></c><c r=\"E2\" t=\"inlineStr\"><is><t>e</t></is></c><c t=\"inlineStr\">"
               "<is><t>f</t></is></c></row>"
               "<row><c><v>1</v></c><c r=\"C3\"><v>3</v></c></row>"
               "<row r=\"5\" hidden=\"1\"><c r=\"A5\" t=\"inlineStr\"><is><t>隠し行</t></is></c>"
               "<c r=\"D5\" t=\"inlineStr\"><is><t>両方</t></is></c></row>"
               "<row r=\"6\"><c r=\"A6\" t=\"inlineStr\"><is><t>見出し</t></is></c><c r=\"B6\"/>"
               "</row></sheetData>"
               "<mergeCells count=\"2\"><mergeCell ref=\"A6:B6\"/><mergeCell\n ref='E2:F3'/>"
               "</mergeCells>")},
        {NULL, NULL},
    };
    result r;
    read_parts(&r, CT_XLSX, parts);
    assert_int_equal(r.status, PL_OK);
    assert_string_equal(must(&r, "S", "A2")->text, "a");
    assert_string_equal(must(&r, "S", "B2")->text, "b");
    assert_string_equal(must(&r, "S", "E2")->text, "e");
    assert_string_equal(must(&r, "S", "F2")->text, "f");
    assert_string_equal(must(&r, "S", "A3")->text, "1");
    const doc_block *b = must(&r, "S", "C3");
    assert_true(b->flags & DOC_F_COL_HIDDEN);
    assert_false(b->flags & DOC_F_ROW_HIDDEN);
    b = must(&r, "S", "A5");
    assert_true(b->flags & DOC_F_ROW_HIDDEN);
    assert_false(b->flags & DOC_F_COL_HIDDEN);
    b = must(&r, "S", "D5");
    assert_true(b->flags & DOC_F_ROW_HIDDEN);
    assert_true(b->flags & DOC_F_COL_HIDDEN);
    assert_false(must(&r, "S", "A2")->flags & (DOC_F_ROW_HIDDEN | DOC_F_COL_HIDDEN));
    assert_true(must(&r, "S", "A6")->flags & DOC_F_MERGED);
    assert_true(must(&r, "S", "E2")->flags & DOC_F_MERGED);
    assert_false(must(&r, "S", "F2")->flags & DOC_F_MERGED);
    assert_false(must(&r, "S", "A2")->flags & DOC_F_MERGED);
    done(&r);
}

/* ---- X7: comments, headers and footers, text boxes --------------------------------- */

static void x7_comments_headers_textboxes(void **state)
{
    (void)state;
    const part parts[] = {
        {"xl/workbook.xml", WORKBOOK("", "<sheet name=\"様式\" sheetId=\"1\" r:id=\"rId1\"/>")},
        {"xl/_rels/workbook.xml.rels",
         RELS(REL("rId1", "worksheet", "worksheets/sheet1.xml")
                  "<Relationship Id=\"rId9\" Type=\"http://schemas.microsoft.com/office/2017/10/"
                  "relationships/person\" Target=\"persons/person.xml\"/>")},
        {"xl/worksheets/sheet1.xml",
         SHEET("<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>契約金額</t></is></c>"
               "<c r=\"B1\"><v>100</v></c></row></sheetData>"
               "<headerFooter differentFirst=\"1\"><oddHeader>&amp;L&amp;\"ＭＳ ゴシック,太字\"部外秘"
               "&amp;R&amp;D &amp;T</oddHeader><oddFooter>&amp;C&amp;P / &amp;N ページ"
               "&amp;K00FF00 A&amp;&amp;B</oddFooter><firstHeader>&amp;C&amp;14&amp;B令和6年度"
               "&amp;B</firstHeader></headerFooter>"
               "<drawing r:id=\"rId1\"/><legacyDrawing r:id=\"rId2\"/>")},
        {"xl/worksheets/_rels/sheet1.xml.rels",
         RELS(REL("rId1", "drawing", "../drawings/drawing1.xml")
                  REL("rId2", "vmlDrawing", "../drawings/vmlDrawing1.vml")
                      REL("rId3", "comments", "../comments1.xml")
                          "<Relationship Id=\"rId4\" Type=\"http://schemas.microsoft.com/office/"
                          "2017/10/relationships/threadedComment\" Target=\"../threadedComments/"
                          "threadedComment1.xml\"/>")},
        {"xl/comments1.xml",
         XML_DECL "<comments xmlns=\"" NS_S "\"><authors><author>tc={8F0E1D5A-0000}</author>"
                  "<author>総務課 &amp; 法務</author></authors><commentList>"
                  "<comment ref=\"A1\" authorId=\"0\" shapeId=\"0\"><text><t>[Threaded comment]"
                  "\n\nYour version of Excel allows you to read this threaded comment; however, "
                  "any edits to it will get removed if the file is opened in a newer version of "
                  "Excel.\n\nComment:\n    上限額を確認</t></text></comment>"
                  "<comment ref=\"B1\" authorId=\"1\" shapeId=\"0\"><text><r><rPr><b/></rPr><t>"
                  "総務課:</t></r><r><t xml:space=\"preserve\">\n要確認_x000D_</t></r></text>"
                  "</comment></commentList></comments>"},
        {"xl/threadedComments/threadedComment1.xml",
         XML_DECL "<ThreadedComments xmlns=\"http://schemas.microsoft.com/office/spreadsheetml/"
                  "2018/threadedcomments\" xmlns:x=\"" NS_S "\"><threadedComment ref=\"A1\" "
                  "dT=\"2024-04-01T09:00:00.00\" personId=\"{AAAA}\" id=\"{1111}\"><text>上限額を確認"
                  "</text></threadedComment><threadedComment ref=\"A1\" dT=\"2024-04-02T09:00:00.00\" "
                  "personId=\"{BBBB}\" id=\"{2222}\" parentId=\"{1111}\"><text>確認済み</text>"
                  "</threadedComment></ThreadedComments>"},
        {"xl/persons/person.xml",
         XML_DECL "<personList xmlns=\"http://schemas.microsoft.com/office/spreadsheetml/2018/"
                  "threadedcomments\" xmlns:x=\"" NS_S "\"><person displayName=\"山田 太郎\" "
                  "id=\"{AAAA}\" userId=\"yamada\" providerId=\"None\"/><person "
                  "displayName=\"鈴木\" id=\"{BBBB}\" userId=\"suzuki\" providerId=\"None\"/>"
                  "</personList>"},
        {"xl/drawings/drawing1.xml",
         XML_DECL "<xdr:wsDr xmlns:xdr=\"http://schemas.openxmlformats.org/drawingml/2006/"
                  "spreadsheetDrawing\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/"
                  "2006/main\"><xdr:twoCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0"
                  "</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to>"
                  "<xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>4</xdr:row><xdr:rowOff>0"
                  "</xdr:rowOff></xdr:to><xdr:sp macro=\"\" textlink=\"\"><xdr:nvSpPr><xdr:cNvPr "
                  "id=\"2\" name=\"テキスト ボックス 1\"/><xdr:cNvSpPr txBox=\"1\"/></xdr:nvSpPr>"
                  "<xdr:spPr/><xdr:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang=\"ja-JP\"/>"
                  "<a:t>記入上の</a:t></a:r><a:r><a:t>注意</a:t></a:r></a:p><a:p><a:r><a:t>押印は"
                  "不要</a:t></a:r><a:br/><a:r><a:t>です</a:t></a:r></a:p><a:p><a:endParaRPr/>"
                  "</a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor>"
                  "<xdr:twoCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:row>9</xdr:row></xdr:from>"
                  "<xdr:pic><xdr:nvPicPr><xdr:cNvPr id=\"3\" name=\"図 1\" descr=\"印影\"/>"
                  "</xdr:nvPicPr></xdr:pic></xdr:twoCellAnchor></xdr:wsDr>"},
        {"xl/drawings/vmlDrawing1.vml", "<xml><v:shape/></xml>"},
        {NULL, NULL},
    };
    result r;
    read_parts(&r, CT_XLSX, parts);
    assert_int_equal(r.status, PL_OK);
    /* cells come first, then the sheet's extras */
    assert_int_equal(r.doc.blocks[0].channel, DOC_CH_CELL);
    assert_int_equal(r.doc.blocks[1].channel, DOC_CH_CELL);
    assert_int_equal(r.doc.nblocks, 2 + 3 + 3 + 1);

    /* threaded comments with their persons; the legacy placeholder for A1
     * is not read again, the plain comment on B1 is */
    assert_int_equal(count_channel(&r, DOC_CH_COMMENT), 3);
    assert_int_equal(r.doc.info.comments, 3);
    const doc_block *c = nth_channel(&r, DOC_CH_COMMENT, 0);
    assert_string_equal(c->text, "上限額を確認");
    assert_string_equal(c->author, "山田 太郎");
    assert_string_equal(c->ref, "A1");
    assert_string_equal(c->loc.sheet, "様式");
    assert_int_equal(c->loc.row, 1);
    assert_int_equal(c->loc.col, 1);
    assert_int_equal(c->kind, DOC_BLOCK_CELL);
    c = nth_channel(&r, DOC_CH_COMMENT, 1);
    assert_string_equal(c->text, "確認済み");
    assert_string_equal(c->author, "鈴木");
    c = nth_channel(&r, DOC_CH_COMMENT, 2);
    assert_string_equal(c->text, "総務課:\n要確認\r");
    assert_string_equal(c->author, "総務課 & 法務");
    assert_string_equal(c->ref, "B1");
    assert_int_equal(c->loc.col, 2);

    /* header/footer without their codes */
    assert_int_equal(count_channel(&r, DOC_CH_HEADER), 2);
    const doc_block *h = nth_channel(&r, DOC_CH_HEADER, 0);
    assert_string_equal(h->text, "部外秘");
    assert_string_equal(h->ref, "default");
    h = nth_channel(&r, DOC_CH_HEADER, 1);
    assert_string_equal(h->text, "令和6年度");
    assert_string_equal(h->ref, "first");
    h = nth_channel(&r, DOC_CH_FOOTER, 0);
    assert_string_equal(h->text, "/  ページ A&B"); /* &N gone, its spaces stay */

    /* one text box with its paragraphs; the picture has no text */
    assert_int_equal(count_channel(&r, DOC_CH_TEXTBOX), 1);
    const doc_block *t = nth_channel(&r, DOC_CH_TEXTBOX, 0);
    assert_string_equal(t->text, "記入上の注意\n押印は不要\nです");
    assert_string_equal(t->ref, "テキスト ボックス 1");
    assert_string_equal(t->loc.part, "xl/drawings/drawing1.xml");
    assert_string_equal(t->loc.sheet, "様式");
    done(&r);
}

/* ---- X8: strict and xlsm --------------------------------------------------------- */

static void x8_strict_namespaces_and_xlsm(void **state)
{
    (void)state;
#define STRICT_S "http://purl.oclc.org/ooxml/spreadsheetml/main"
#define STRICT_R "http://purl.oclc.org/ooxml/officeDocument/relationships"
    const part parts[] = {
        {"xl/workbook.xml",
         XML_DECL "<workbook xmlns=\"" STRICT_S "\" xmlns:r=\"" STRICT_R "\" conformance=\"strict\">"
                  "<workbookPr dateCompatibility=\"0\"/><sheets><sheet name=\"ml_out\" sheetId=\"1\" "
                  "r:id=\"rId1\"/></sheets></workbook>"},
        {"xl/_rels/workbook.xml.rels",
         RELS("<Relationship Id=\"rId1\" Type=\"" STRICT_R "/worksheet\" "
              "Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" "
              "Type=\"" STRICT_R "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
              "<Relationship Id=\"rId3\" Type=\"" STRICT_R "/styles\" Target=\"styles.xml\"/>")},
        {"xl/sharedStrings.xml",
         XML_DECL "<sst xmlns=\"" STRICT_S "\" count=\"1\" uniqueCount=\"1\"><si><t>Thickness</t>"
                  "</si></sst>"},
        {"xl/styles.xml",
         XML_DECL "<styleSheet xmlns=\"" STRICT_S "\"><numFmts count=\"1\"><numFmt numFmtId=\"164\" "
                  "formatCode=\"0.0000\"/></numFmts><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf "
                  "numFmtId=\"164\"/></cellXfs></styleSheet>"},
        {"xl/worksheets/sheet1.xml",
         XML_DECL "<x:worksheet xmlns:x=\"" STRICT_S "\"><x:sheetData><x:row r=\"1\"><x:c r=\"A1\" "
                  "t=\"s\"><x:v>0</x:v></x:c><x:c r=\"B1\" s=\"1\"><x:v>1.5</x:v></x:c></x:row>"
                  "</x:sheetData></x:worksheet>"},
        {"xl/vbaProject.bin", "not really a CFB"},
        {NULL, NULL},
    };
    result r;
    read_parts(&r, CT_XLSM, parts);
    assert_int_equal(r.status, PL_OK);
    assert_true(r.doc.info.strict);
    assert_string_equal(r.doc.info.variant, "xlsm");
    assert_string_equal(must(&r, "ml_out", "A1")->text, "Thickness");
    assert_string_equal(must(&r, "ml_out", "B1")->text, "1.5000");
    assert_true(has_warning(&r, "MACROS"));
    done(&r);
}

/* ---- limits and stopping ------------------------------------------------------------ */

static unsigned char *many_cells(size_t *n, int rows)
{
    char *data = malloc((size_t)rows * 80 + 64);
    size_t k = 0;
    for (int i = 1; i <= rows; i++)
        k += (size_t)sprintf(data + k, "<row r=\"%d\"><c r=\"A%d\" t=\"s\"><v>%d</v></c></row>", i,
                             i, i % 3);
    data[k] = '\0';
    char *sheet = malloc(k + 256);
    sprintf(sheet, SHEET("<sheetData>%s</sheetData>"), data);
    const part parts[] = {
        {"xl/workbook.xml", WORKBOOK("", "<sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/>")},
        {"xl/_rels/workbook.xml.rels",
         RELS(REL("rId1", "worksheet", "worksheets/sheet1.xml")
                  REL("rId2", "sharedStrings", "sharedStrings.xml"))},
        {"xl/sharedStrings.xml",
         XML_DECL "<sst xmlns=\"" NS_S "\"><si><t>一</t></si><si><t>二</t></si><si><t>三</t></si>"
                  "</sst>"},
        {"xl/worksheets/sheet1.xml", sheet},
        {NULL, NULL},
    };
    unsigned char *zip = build(n, CT_XLSX, parts);
    free(data);
    free(sheet);
    return zip;
}

static void limits_are_errors_with_numbers(void **state)
{
    (void)state;
    size_t n;
    unsigned char *zip = many_cells(&n, 50);
    ooxml_options opt;
    result r;

    ooxml_options_default(&opt);
    opt.limits.max_cells = 10;
    read_with(&r, zip, n, &opt);
    assert_int_equal(r.status, PL_E_LIMIT);
    assert_int_equal(r.err.value, 11);
    assert_int_equal(r.err.limit, 10);
    assert_int_equal(r.doc.info.cells, 10);
    done(&r);

    ooxml_options_default(&opt);
    opt.limits.max_shared_strings = 2;
    read_with(&r, zip, n, &opt);
    assert_int_equal(r.status, PL_E_LIMIT);
    assert_int_equal(r.err.value, 3);
    assert_int_equal(r.err.limit, 2);
    assert_string_equal(r.err.part, "xl/sharedStrings.xml");
    assert_int_equal(r.doc.nblocks, 0);
    done(&r);

    ooxml_options_default(&opt);
    opt.limits.max_shared_bytes = 7; /* "一\0二\0" is 8 */
    read_with(&r, zip, n, &opt);
    assert_int_equal(r.status, PL_E_LIMIT);
    assert_int_equal(r.err.limit, 7);
    assert_true(r.err.value > 7);
    done(&r);

    ooxml_options_default(&opt);
    read_with(&r, zip, n, &opt);
    assert_int_equal(r.status, PL_OK);
    assert_int_equal(r.doc.info.cells, 50);
    done(&r);
    free(zip);
}

typedef struct stopper {
    int seen, stop_after;
} stopper;

static bool stop_block(void *ctx, const doc_block *b)
{
    (void)b;
    stopper *s = ctx;
    return ++s->seen < s->stop_after;
}

static void sink_can_stop_the_reader(void **state)
{
    (void)state;
    size_t n;
    unsigned char *zip = many_cells(&n, 50);
    ooxml_options opt;
    ooxml_options_default(&opt);
    stopper s = {.stop_after = 3};
    doc_sink sink = {.ctx = &s, .block = stop_block};
    doc_info info;
    doc_info_init(&info);
    pl_error err;
    pl_error_clear(&err);
    assert_int_equal(ooxml_read_memory(zip, n, "stop.xlsx", &opt, &info, &sink, &err), PL_OK);
    assert_int_equal(s.seen, 3);
    doc_info_free(&info);
    free(zip);
}

/* ---- hostile and broken input ------------------------------------------------------ */

static void relationships_outside_the_package_are_not_followed(void **state)
{
    (void)state;
    const part parts[] = {
        {"xl/workbook.xml",
         WORKBOOK("", "<sheet name=\"外\" sheetId=\"1\" r:id=\"rId1\"/>"
                      "<sheet name=\"上\" sheetId=\"2\" r:id=\"rId2\"/>"
                      "<sheet name=\"無\" sheetId=\"3\" r:id=\"rId3\"/>"
                      "<sheet name=\"欠\" sheetId=\"4\" r:id=\"rId9\"/>"
                      "<sheet name=\"内\" sheetId=\"5\" r:id=\"rId5\"/>")},
        {"xl/_rels/workbook.xml.rels",
         RELS("<Relationship Id=\"rId1\" Type=\"" RT "worksheet\" Target=\"file:///etc/passwd\" "
              "TargetMode=\"External\"/>" REL("rId2", "worksheet", "../../../etc/passwd")
                  REL("rId3", "worksheet", "worksheets/missing.xml")
                      REL("rId5", "worksheet", "worksheets/sheet5.xml")
                          "<Relationship Id=\"rId6\" Type=\"" RT "sharedStrings\" "
                          "Target=\"http://example.com/sst.xml\" TargetMode=\"External\"/>")},
        {"xl/worksheets/sheet5.xml",
         SHEET("<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>内側</t></is></c>"
               "</row></sheetData>")},
        {"xl/worksheets/_rels/sheet5.xml.rels",
         RELS(REL("rId1", "comments", "../../../../outside.xml") REL("rId2", "drawing",
                                                                     "../drawings/none.xml"))},
        {NULL, NULL},
    };
    result r;
    read_parts(&r, CT_XLSX, parts);
    assert_int_equal(r.status, PL_OK);
    assert_int_equal(r.doc.nblocks, 1);
    assert_string_equal(r.doc.blocks[0].text, "内側");
    assert_true(has_warning(&r, "SHEET_UNREADABLE"));
    assert_true(has_warning(&r, "SHEET_MISSING"));
    done(&r);
}

static void attribute_ampersands_and_odd_values(void **state)
{
    (void)state;
    const part parts[] = {
        {"xl/workbook.xml",
         WORKBOOK("<workbookPr date1904=\"1\"/>", "<sheet name=\"R&amp;D &lt;1&gt;\" sheetId=\"1\" "
                                                  "r:id=\"rId1\"/>")},
        {"xl/_rels/workbook.xml.rels",
         RELS(REL("rId1", "worksheet", "worksheets/sheet1.xml") REL("rId2", "styles", "styles.xml")
                  REL("rId3", "sharedStrings", "sharedStrings.xml"))},
        {"xl/styles.xml",
         XML_DECL "<styleSheet xmlns=\"" NS_S "\"><numFmts count=\"1\"><numFmt numFmtId=\"200\" "
                  "formatCode=\"&quot;R&amp;D &quot;0\"/></numFmts><cellXfs count=\"2\"><xf "
                  "numFmtId=\"0\"/><xf numFmtId=\"200\"/></cellXfs></styleSheet>"},
        {"xl/sharedStrings.xml",
         XML_DECL "<sst xmlns=\"" NS_S "\"><si><t>only one</t></si></sst>"},
        {"xl/worksheets/sheet1.xml",
         SHEET("<sheetData><row r=\"1\"><c r=\"A1\" s=\"1\"><v>7</v></c>"
               "<c r=\"B1\" s=\"99\"><v>8</v></c>"        /* style index out of range */
               "<c r=\"C1\" t=\"s\"><v>5</v></c>"         /* shared string out of range */
               "<c r=\"D1\" t=\"s\"><v>x</v></c>"
               "<c r=\"E1\"><v>not a number</v></c>"
               "<c r=\"ZZZZ1\"><v>1</v></c>"              /* not a cell reference: next column */
               "<c r=\"G1\" s=\"\" t=\"d\"><v>yesterday</v></c>"
               "<c r=\"H1\" t=\"d\"><v>10:10:10</v></c>"
               "<c r=\"I1\" t=\"weird\"><v>3</v></c></row>"
               "<row r=\"99999999\"><c r=\"A2\"><v>2</v></c></row>"
               "<row r=\"3\" hidden=\"true\"><c r=\"A3\"><v>0</v></c></row>"
               "</sheetData>")},
        {NULL, NULL},
    };
    result r;
    read_parts(&r, CT_XLSX, parts);
    assert_int_equal(r.status, PL_OK);
    assert_true(r.doc.info.date1904);
    const char *name = "R&D <1>";
    const doc_block *b = must(&r, name, "A1");
    assert_string_equal(b->text, "R&D 7");
    assert_string_equal(b->number_format, "\"R&D \"0");
    assert_string_equal(must(&r, name, "B1")->text, "8");
    assert_null(cell(&r, name, "C1"));
    assert_null(cell(&r, name, "D1"));
    assert_true(has_warning(&r, "SST_INDEX"));
    b = must(&r, name, "E1");
    assert_string_equal(b->text, "not a number");
    assert_int_equal(b->value_type, DOC_VAL_STRING);
    assert_string_equal(must(&r, name, "F1")->text, "1");
    b = must(&r, name, "G1");
    assert_string_equal(b->text, "yesterday");
    assert_int_equal(b->value_type, DOC_VAL_STRING);
    b = must(&r, name, "H1");
    assert_string_equal(b->text, "10:10:10");
    assert_int_equal(b->value_type, DOC_VAL_TIME);
    assert_string_equal(b->iso, "10:10:10");
    assert_string_equal(must(&r, name, "I1")->text, "3");
    assert_string_equal(must(&r, name, "A2")->text, "2");
    assert_true(must(&r, name, "A3")->flags & DOC_F_ROW_HIDDEN);
    done(&r);
}

static void empty_and_minimal_workbooks(void **state)
{
    (void)state;
    const part none[] = {
        {"xl/workbook.xml", WORKBOOK("", "")},
        {NULL, NULL},
    };
    result r;
    read_parts(&r, CT_XLSX, none);
    assert_int_equal(r.status, PL_OK);
    assert_int_equal(r.doc.nblocks, 0);
    assert_int_equal(r.doc.info.sheets, 0);
    done(&r);

    /* testdoc_xlsx(): the smallest package the support code builds */
    size_t n;
    unsigned char *zip = testdoc_xlsx(&n, "一", "<row r=\"1\"><c r=\"A1\"><v>42</v></c></row>",
                                      "二", "", NULL);
    ooxml_options opt;
    ooxml_options_default(&opt);
    read_with(&r, zip, n, &opt);
    assert_int_equal(r.status, PL_OK);
    assert_int_equal(r.doc.info.sheets, 2);
    assert_string_equal(must(&r, "一", "A1")->text, "42");
    done(&r);
    free(zip);

    /* empty strings before any buffer exists (found by UBSan on xlsx2csv's
     * empty_row.xlsx) */
    const part empties[] = {
        {"xl/workbook.xml", WORKBOOK("", "<sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/>")},
        {"xl/_rels/workbook.xml.rels",
         RELS(REL("rId1", "worksheet", "worksheets/sheet1.xml")
                  REL("rId2", "sharedStrings", "sharedStrings.xml"))},
        {"xl/sharedStrings.xml",
         XML_DECL "<sst xmlns=\"" NS_S "\"><si><t></t></si><si><t/></si><si><t>x</t></si></sst>"},
        {"xl/worksheets/sheet1.xml",
         SHEET("<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t></t></is></c>"
               "<c r=\"B1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"s\"><v>2</v></c></row>"
               "</sheetData>")},
        {NULL, NULL},
    };
    read_parts(&r, CT_XLSX, empties);
    assert_int_equal(r.status, PL_OK);
    assert_int_equal(r.doc.nblocks, 1);
    assert_string_equal(must(&r, "S", "C1")->text, "x");
    done(&r);

    /* a malformed sheet is an XML error with its part */
    const part broken[] = {
        {"xl/workbook.xml", WORKBOOK("", "<sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/>")},
        {"xl/_rels/workbook.xml.rels", RELS(REL("rId1", "worksheet", "worksheets/sheet1.xml"))},
        {"xl/worksheets/sheet1.xml", SHEET("<sheetData><row><c><v>1</v></row></sheetData>")},
        {NULL, NULL},
    };
    read_parts(&r, CT_XLSX, broken);
    assert_int_equal(r.status, PL_E_XML);
    assert_string_equal(r.err.part, "xl/worksheets/sheet1.xml");
    done(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(x2_shared_strings_rich_runs_phonetics),
        cmocka_unit_test(x3_escapes_in_shared_and_inline_strings),
        cmocka_unit_test(x4_every_cell_type),
        cmocka_unit_test(x5_number_formats_and_dates),
        cmocka_unit_test(x1_sheets_in_workbook_order_with_visibility),
        cmocka_unit_test(libreoffice_shapes),
        cmocka_unit_test(openpyxl_inline_strings_only),
        cmocka_unit_test(x6_positions_hidden_and_merged),
        cmocka_unit_test(x7_comments_headers_textboxes),
        cmocka_unit_test(x8_strict_namespaces_and_xlsm),
        cmocka_unit_test(limits_are_errors_with_numbers),
        cmocka_unit_test(sink_can_stop_the_reader),
        cmocka_unit_test(relationships_outside_the_package_are_not_followed),
        cmocka_unit_test(attribute_ampersands_and_odd_values),
        cmocka_unit_test(empty_and_minimal_workbooks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_numbering.c - list number formats, symbol fonts, styles.xml and
 * numbering.xml tables of the DOCX reader, tested below the story reader.
 *
 * Expected strings are what Word shows for the value (see the notes in
 * docx_listfmt.c for the choices past the end of fixed sets).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "ooxml/docx_internal.h"

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

static void check_fmt(const char *name, uint32_t value, const char *expected)
{
    listfmt f = listfmt_parse(name, strlen(name));
    assert_int_not_equal(f, LISTFMT_UNKNOWN);
    assert_string_equal(listfmt_name(f), name);
    sbuf out = SBUF_INIT;
    listfmt_format(f, value, 0, &out);
    if (strcmp(sbuf_cstr(&out), expected) != 0)
        fail_msg("%s(%u): got \"%s\", want \"%s\"", name, value, sbuf_cstr(&out), expected);
    sbuf_free(&out);
}

/* ---- number formats ---------------------------------------------------------- */

static void test_fmt_western(void **state)
{
    (void)state;
    check_fmt("decimal", 1, "1");
    check_fmt("decimal", 120, "120");
    check_fmt("decimalZero", 1, "01");
    check_fmt("decimalZero", 9, "09");
    check_fmt("decimalZero", 10, "10");
    check_fmt("decimalHalfWidth", 7, "7");
    check_fmt("upperRoman", 4, "IV");
    check_fmt("upperRoman", 1994, "MCMXCIV");
    check_fmt("lowerRoman", 9, "ix");
    check_fmt("lowerRoman", 14, "xiv");
    check_fmt("upperLetter", 1, "A");
    check_fmt("upperLetter", 26, "Z");
    check_fmt("upperLetter", 27, "AA");
    check_fmt("upperLetter", 28, "BB");
    check_fmt("lowerLetter", 3, "c");
    check_fmt("lowerLetter", 53, "aaa");
    check_fmt("ordinal", 1, "1st");
    check_fmt("ordinal", 2, "2nd");
    check_fmt("ordinal", 3, "3rd");
    check_fmt("ordinal", 4, "4th");
    check_fmt("ordinal", 11, "11th");
    check_fmt("ordinal", 12, "12th");
    check_fmt("ordinal", 13, "13th");
    check_fmt("ordinal", 21, "21st");
    check_fmt("ordinal", 112, "112th");
    check_fmt("cardinalText", 21, "Twenty-one");
    check_fmt("cardinalText", 100, "One hundred");
    check_fmt("ordinalText", 1, "First");
    check_fmt("ordinalText", 42, "Forty-second");
    check_fmt("hex", 255, "FF");
    check_fmt("chicago", 1, "*");
    check_fmt("chicago", 2, "†");
    check_fmt("chicago", 5, "**");
    check_fmt("numberInDash", 3, "- 3 -");
    check_fmt("none", 5, "");
}

static void test_fmt_full_width_and_digits(void **state)
{
    (void)state;
    check_fmt("decimalFullWidth", 1, "１");
    check_fmt("decimalFullWidth", 12, "１２");
    check_fmt("decimalFullWidth", 100, "１００");
    check_fmt("decimalFullWidth2", 3, "３");
    check_fmt("decimalFullWidth2", 45, "４５");
    check_fmt("ideographDigital", 1, "一");
    check_fmt("ideographDigital", 10, "一〇");
    check_fmt("ideographDigital", 100, "一〇〇");
    check_fmt("ideographDigital", 2024, "二〇二四");
    check_fmt("japaneseDigitalTenThousand", 1, "一");
    check_fmt("japaneseDigitalTenThousand", 10, "一〇");
    check_fmt("japaneseDigitalTenThousand", 105, "一〇五");
    check_fmt("taiwaneseDigital", 30, "三〇");
}

static void test_fmt_japanese_counting(void **state)
{
    (void)state;
    check_fmt("japaneseCounting", 0, "〇");
    check_fmt("japaneseCounting", 1, "一");
    check_fmt("japaneseCounting", 9, "九");
    check_fmt("japaneseCounting", 10, "十");
    check_fmt("japaneseCounting", 11, "十一");
    check_fmt("japaneseCounting", 20, "二十");
    check_fmt("japaneseCounting", 21, "二十一");
    check_fmt("japaneseCounting", 99, "九十九");
    check_fmt("japaneseCounting", 100, "百");
    check_fmt("japaneseCounting", 101, "百一");
    check_fmt("japaneseCounting", 110, "百十");
    check_fmt("japaneseCounting", 111, "百十一");
    check_fmt("japaneseCounting", 300, "三百");
    check_fmt("japaneseCounting", 1000, "千");
    check_fmt("japaneseCounting", 2024, "二千二十四");
    check_fmt("japaneseCounting", 10000, "一万");
    check_fmt("japaneseCounting", 10001, "一万一");
    check_fmt("japaneseCounting", 123456789, "一億二千三百四十五万六千七百八十九");
}

static void test_fmt_japanese_legal(void **state)
{
    (void)state;
    check_fmt("japaneseLegal", 1, "壱");
    check_fmt("japaneseLegal", 2, "弐");
    check_fmt("japaneseLegal", 3, "参");
    check_fmt("japaneseLegal", 5, "伍");
    check_fmt("japaneseLegal", 10, "壱拾");
    check_fmt("japaneseLegal", 11, "壱拾壱");
    check_fmt("japaneseLegal", 20, "弐拾");
    check_fmt("japaneseLegal", 100, "壱百");
    check_fmt("japaneseLegal", 1000, "壱阡");
    check_fmt("japaneseLegal", 10000, "壱萬");
}

static void test_fmt_chinese(void **state)
{
    (void)state;
    check_fmt("chineseCounting", 1, "一");
    check_fmt("chineseCounting", 10, "十");
    check_fmt("chineseCounting", 11, "十一");
    check_fmt("chineseCounting", 20, "二十");
    check_fmt("chineseCounting", 100, "一百");
    check_fmt("chineseCounting", 101, "一百零一");
    check_fmt("chineseCounting", 110, "一百一十");
    check_fmt("chineseCounting", 1001, "一千零一");
    check_fmt("chineseCounting", 10001, "一万零一");
    check_fmt("chineseCountingThousand", 12, "十二");
    check_fmt("taiwaneseCounting", 10000, "一萬");
    check_fmt("chineseLegalSimplified", 10, "壹拾");
    check_fmt("chineseLegalSimplified", 102, "壹佰零贰");
    check_fmt("ideographLegalTraditional", 23, "貳拾參");
}

static void test_fmt_kana(void **state)
{
    (void)state;
    check_fmt("aiueoFullWidth", 1, "ア");
    check_fmt("aiueoFullWidth", 2, "イ");
    check_fmt("aiueoFullWidth", 3, "ウ");
    check_fmt("aiueoFullWidth", 6, "カ");
    check_fmt("aiueoFullWidth", 44, "ワ");
    check_fmt("aiueoFullWidth", 45, "ヲ");
    check_fmt("aiueoFullWidth", 46, "ン");
    check_fmt("aiueoFullWidth", 47, "ア"); /* Word starts again */
    check_fmt("aiueo", 1, "ｱ");
    check_fmt("aiueo", 2, "ｲ");
    check_fmt("aiueo", 46, "ﾝ");
    check_fmt("aiueo", 47, "ｱ");
    check_fmt("irohaFullWidth", 1, "イ");
    check_fmt("irohaFullWidth", 2, "ロ");
    check_fmt("irohaFullWidth", 3, "ハ");
    check_fmt("irohaFullWidth", 4, "ニ");
    check_fmt("irohaFullWidth", 25, "ヰ");
    check_fmt("irohaFullWidth", 47, "ス");
    check_fmt("irohaFullWidth", 48, "イ");
    check_fmt("iroha", 1, "ｲ");
    check_fmt("iroha", 2, "ﾛ");
    check_fmt("iroha", 3, "ﾊ");
    check_fmt("iroha", 48, "ｲ");
}

static void test_fmt_enclosed(void **state)
{
    (void)state;
    check_fmt("decimalEnclosedCircle", 1, "①");
    check_fmt("decimalEnclosedCircle", 10, "⑩");
    check_fmt("decimalEnclosedCircle", 20, "⑳");
    check_fmt("decimalEnclosedCircle", 21, "㉑");
    check_fmt("decimalEnclosedCircle", 35, "㉟");
    check_fmt("decimalEnclosedCircle", 36, "㊱");
    check_fmt("decimalEnclosedCircle", 50, "㊿");
    check_fmt("decimalEnclosedCircle", 51, "51");
    check_fmt("decimalEnclosedCircleChinese", 2, "②");
    check_fmt("decimalEnclosedParen", 1, "⑴");
    check_fmt("decimalEnclosedParen", 20, "⒇");
    check_fmt("decimalEnclosedParen", 21, "21");
    check_fmt("decimalEnclosedFullstop", 1, "⒈");
    check_fmt("decimalEnclosedFullstop", 20, "⒛");
    check_fmt("decimalEnclosedFullstop", 21, "21");
    check_fmt("ideographEnclosedCircle", 1, "㈠");
    check_fmt("ideographEnclosedCircle", 10, "㈩");
    check_fmt("ideographEnclosedCircle", 11, "11");
}

static void test_fmt_stems_and_branches(void **state)
{
    (void)state;
    check_fmt("ideographTraditional", 1, "甲");
    check_fmt("ideographTraditional", 2, "乙");
    check_fmt("ideographTraditional", 3, "丙");
    check_fmt("ideographTraditional", 4, "丁");
    check_fmt("ideographTraditional", 10, "癸");
    check_fmt("ideographTraditional", 11, "11");
    check_fmt("ideographZodiac", 1, "子");
    check_fmt("ideographZodiac", 2, "丑");
    check_fmt("ideographZodiac", 3, "寅");
    check_fmt("ideographZodiac", 12, "亥");
    check_fmt("ideographZodiac", 13, "13");
    check_fmt("ideographZodiacTraditional", 1, "甲子");
    check_fmt("ideographZodiacTraditional", 2, "乙丑");
    check_fmt("ideographZodiacTraditional", 60, "癸亥");
}

static void test_fmt_bounds(void **state)
{
    (void)state;
    /* hostile values must not turn into megabytes of letters */
    sbuf out = SBUF_INIT;
    listfmt_format(LISTFMT_UPPER_LETTER, 2000000000u, 0, &out);
    assert_string_equal(sbuf_cstr(&out), "2000000000");
    sbuf_reset(&out);
    listfmt_format(LISTFMT_UPPER_ROMAN, 4000, 0, &out);
    assert_string_equal(sbuf_cstr(&out), "4000");
    sbuf_reset(&out);
    listfmt_format(LISTFMT_CHICAGO, 0xFFFFFFFFu, 0, &out);
    assert_string_equal(sbuf_cstr(&out), "4294967295");
    sbuf_reset(&out);
    listfmt_format(LISTFMT_JAPANESE_COUNTING, 0xFFFFFFFFu, 0, &out);
    assert_string_equal(sbuf_cstr(&out), "四十二億九千四百九十六万七千二百九十五");
    sbuf_reset(&out);
    listfmt_format(LISTFMT_CUSTOM, 7, 3, &out);
    assert_string_equal(sbuf_cstr(&out), "007");
    sbuf_reset(&out);
    listfmt_format(LISTFMT_UNKNOWN, 7, 0, &out);
    assert_string_equal(sbuf_cstr(&out), "7");
    sbuf_free(&out);
    assert_int_equal(listfmt_parse("klingon", 7), LISTFMT_UNKNOWN);
}

/* ---- symbol fonts ------------------------------------------------------------ */

static void test_symbols(void **state)
{
    (void)state;
    assert_int_equal(docx_symbol_to_unicode("Wingdings", 0xF0FC), 0x2713); /* ✓ */
    assert_int_equal(docx_symbol_to_unicode("wingdings", 0xFC), 0x2713);
    assert_int_equal(docx_symbol_to_unicode("Wingdings", 0xF0FE), 0x2611); /* ☑ */
    assert_int_equal(docx_symbol_to_unicode("Wingdings", 0xF0A8), 0x25FB); /* ◻ */
    assert_int_equal(docx_symbol_to_unicode("Wingdings", 0xF081), 0x2460); /* ① */
    assert_int_equal(docx_symbol_to_unicode("Wingdings", 0xF0E8), 0x2794); /* ➔ */
    assert_int_equal(docx_symbol_to_unicode("Wingdings", 0xF022), 0x2702); /* first entry */
    assert_int_equal(docx_symbol_to_unicode("Wingdings 2", 0xF050), 0x2713);
    assert_int_equal(docx_symbol_to_unicode("Wingdings 2", 0xF0A3), 0x2610); /* ☐ last entry */
    assert_int_equal(docx_symbol_to_unicode("Wingdings 2", 0xF04F), 0x2717); /* first entry */
    assert_int_equal(docx_symbol_to_unicode("Symbol", 0xF0B7), 0x2022);      /* • */
    assert_int_equal(docx_symbol_to_unicode("Symbol", 0xF061), 0x03B1);      /* α */
    assert_int_equal(docx_symbol_to_unicode("Symbol", 0xF0AE), 0x2192);      /* → */
    assert_int_equal(docx_symbol_to_unicode("Symbol", 0xF020), 0x0020);      /* first */
    assert_int_equal(docx_symbol_to_unicode("Symbol", 0xF0FE), 0x23AD);      /* last */
    assert_int_equal(docx_symbol_to_unicode("Wingdings", 0xF021), 0);        /* unmapped */
    assert_int_equal(docx_symbol_to_unicode("Wingdings 3", 0xF021), 0);
    assert_int_equal(docx_symbol_to_unicode("Arial", 0xF0FC), 0);
    assert_int_equal(docx_symbol_to_unicode(NULL, 0xF0FC), 0);
    assert_int_equal(docx_symbol_to_unicode("Symbol", 0x2713), 0);
    assert_true(docx_is_symbol_font("WINGDINGS"));
    assert_false(docx_is_symbol_font("ＭＳ 明朝"));
    /* every Symbol code from 0x20 to 0x7E is mapped: the table is complete
     * and sorted, or bsearch would miss some */
    for (uint32_t c = 0x20; c <= 0x7E; c++) assert_int_not_equal(docx_symbol_to_unicode("Symbol", c), 0);
}

/* ---- styles.xml ----------------------------------------------------------------- */

static const char STYLES[] =
    "<w:styles " W_NS ">"
    "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsia=\"ＭＳ 明朝\"/></w:rPr>"
    "</w:rPrDefault><w:pPrDefault/></w:docDefaults>"
    "<w:latentStyles><w:lsdException w:name=\"heading 1\"/></w:latentStyles>"
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"a\"><w:name w:val=\"Normal\"/>"
    "<w:qFormat/><w:pPr><w:jc w:val=\"both\"/></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"1\"><w:name w:val=\"heading 1\"/>"
    "<w:basedOn w:val=\"a\"/><w:pPr><w:keepNext/><w:outlineLvl w:val=\"0\"/></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Sub\"><w:name w:val=\"Sub\"/>"
    "<w:basedOn w:val=\"1\"/><w:pPr><w:pPrChange w:id=\"1\"><w:pPr><w:outlineLvl w:val=\"5\"/>"
    "</w:pPr></w:pPrChange></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Mi\"><w:name w:val=\"見出し 3\"/></w:style>"
    "<w:style w:type=\"character\" w:styleId=\"Secret\"><w:name w:val=\"Secret\"/>"
    "<w:rPr><w:vanish/><w:rPrChange w:id=\"2\"><w:rPr/></w:rPrChange></w:rPr></w:style>"
    "<w:style w:type=\"character\" w:styleId=\"SecretChild\"><w:basedOn w:val=\"Secret\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Loop1\"><w:basedOn w:val=\"Loop2\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Loop2\"><w:basedOn w:val=\"Loop1\"/>"
    "<w:pPr><w:numPr><w:numId w:val=\"7\"/></w:numPr></w:pPr></w:style>"
    "</w:styles>";

static void test_styles_table(void **state)
{
    (void)state;
    docx_styles st;
    docx_styles_init(&st);
    pl_error err;
    pl_error_clear(&err);
    assert_int_equal(docx_styles_parse_memory(STYLES, strlen(STYLES), &st, &err), PL_OK);
    assert_int_equal(st.n, 8);
    int32_t a = docx_styles_find(&st, "a", 1);
    assert_int_equal(st.default_para, a);
    int32_t sub = docx_styles_find(&st, "Sub", 3);
    assert_true(sub >= 0);
    assert_int_equal(st.items[sub].eff_outline, 0); /* from "1"; the change is ignored */
    int32_t mi = docx_styles_find(&st, "Mi", 2);
    assert_int_equal(st.items[mi].name_heading, 3);
    assert_int_equal(st.items[docx_styles_find(&st, "1", 1)].name_heading, 1);
    int32_t child = docx_styles_find(&st, "SecretChild", 11);
    assert_int_equal(st.items[child].eff_vanish, 1);
    assert_int_equal(st.items[child].type, DOCX_STYLE_CHARACTER);
    int32_t loop = docx_styles_find(&st, "Loop1", 5); /* a basedOn cycle ends */
    assert_int_equal(st.items[loop].eff_num_id, 7);
    assert_int_equal(docx_styles_find(&st, "Su", 2), -1);
    assert_int_equal(docx_styles_find(&st, "Subx", 4), -1);
    docx_styles_free(&st);
}

/* ---- numbering.xml ---------------------------------------------------------------- */

static const char NUMBERING[] =
    "<w:numbering " W_NS " xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\" "
    "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\">"
    "<w:numPicBullet w:numPicBulletId=\"0\"><w:pict/></w:numPicBullet>"
    "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"hybridMultilevel\"/>"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimalFullWidth\"/>"
    "<w:lvlText w:val=\"第%1条\"/><w:lvlJc w:val=\"left\"/></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimalFullWidth\"/>"
    "<w:lvlText w:val=\"（%2）\"/><w:suff w:val=\"nothing\"/></w:lvl>"
    "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"aiueoFullWidth\"/>"
    "<w:lvlText w:val=\"%3\"/><w:suff w:val=\"space\"/></w:lvl>"
    "</w:abstractNum>"
    "<w:abstractNum w:abstractNumId=\"1\">"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"3\"/>"
    "<mc:AlternateContent><mc:Choice Requires=\"w14\">"
    "<w:numFmt w:val=\"custom\" w:format=\"001, 002, 003, ...\"/></mc:Choice>"
    "<mc:Fallback><w:numFmt w:val=\"decimal\"/></mc:Fallback></mc:AlternateContent>"
    "<w:lvlText w:val=\"No.%1\"/></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/>"
    "<w:lvlText w:val=\"\xef\x82\xb7\"/><w:rPr><w:rFonts w:ascii=\"Symbol\" w:hAnsi=\"Symbol\"/>"
    "</w:rPr></w:lvl>"
    "</w:abstractNum>"
    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
    "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
    "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"0\"/>"
    "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"5\"/></w:lvlOverride></w:num>"
    /* an overriding level's lvlRestart is ignored, as Word does */
    "<w:num w:numId=\"4\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride w:ilvl=\"1\">"
    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:lvlRestart w:val=\"0\"/>"
    "<w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%2)\"/></w:lvl></w:lvlOverride></w:num>"
    "</w:numbering>";

static const char *next_label(docx_numbering *nb, int32_t num, int ilvl, sbuf *label,
                              numbering_result *r)
{
    assert_true(docx_numbering_next(nb, num, ilvl, r, label));
    return sbuf_cstr(label);
}

static void test_numbering_tables(void **state)
{
    (void)state;
    docx_numbering nb;
    docx_numbering_init(&nb, NULL);
    pl_error err;
    pl_error_clear(&err);
    assert_int_equal(docx_numbering_parse_memory(NUMBERING, strlen(NUMBERING), &nb, &err), PL_OK);
    assert_int_equal(nb.nabstracts, 2);
    assert_int_equal(nb.nnums, 4);
    sbuf label = SBUF_INIT;
    numbering_result r;
    assert_string_equal(next_label(&nb, 1, 0, &label, &r), "第１条");
    assert_int_equal(r.suffix, '\t');
    assert_int_equal(r.value, 1);
    assert_string_equal(r.format, "decimalFullWidth");
    assert_string_equal(next_label(&nb, 1, 1, &label, &r), "（１）");
    assert_int_equal(r.suffix, '\0');
    assert_string_equal(next_label(&nb, 1, 2, &label, &r), "ア");
    assert_int_equal(r.suffix, ' ');
    assert_string_equal(next_label(&nb, 1, 2, &label, &r), "イ");
    assert_string_equal(next_label(&nb, 1, 1, &label, &r), "（２）");
    assert_string_equal(next_label(&nb, 1, 2, &label, &r), "ア"); /* deeper level restarted */
    assert_string_equal(next_label(&nb, 1, 0, &label, &r), "第２条");
    assert_string_equal(next_label(&nb, 1, 1, &label, &r), "（１）");
    /* instance 3 shares the definition and restarts it at 5 */
    assert_string_equal(next_label(&nb, 3, 0, &label, &r), "第５条");
    assert_string_equal(next_label(&nb, 1, 0, &label, &r), "第６条");
    assert_string_equal(next_label(&nb, 3, 0, &label, &r), "第７条");
    assert_string_equal(next_label(&nb, 4, 1, &label, &r), "a)");
    assert_string_equal(next_label(&nb, 4, 0, &label, &r), "第８条");
    assert_string_equal(next_label(&nb, 4, 1, &label, &r), "a)"); /* restarted all the same */
    /* w14 custom format chosen over its fallback; symbol bullet mapped */
    assert_string_equal(next_label(&nb, 2, 0, &label, &r), "No.003");
    assert_string_equal(r.format, "custom");
    assert_string_equal(next_label(&nb, 2, 1, &label, &r), "•");
    assert_string_equal(r.format, "bullet");
    /* unknown lists and levels are not numbered */
    assert_false(docx_numbering_next(&nb, 9, 0, &r, &label));
    assert_false(docx_numbering_next(&nb, 1, 5, &r, &label));
    assert_false(docx_numbering_next(&nb, 0, 0, &r, &label));
    docx_numbering_reset(&nb);
    assert_string_equal(next_label(&nb, 1, 0, &label, &r), "第１条");
    sbuf_free(&label);
    docx_numbering_free(&nb);
}

/* Regression (fixture word-keiyaku-zenkaku, 別記 第4条): items at level 2
 * straight after an article at level 0, then a numbered paragraph at level
 * 1. Word and LibreOffice count the skipped level once, so the paragraph is
 * （２）, not （１）; with no used level above, a skipped level is not
 * counted. */
static void test_numbering_skipped_level(void **state)
{
    (void)state;
    docx_numbering nb;
    docx_numbering_init(&nb, NULL);
    pl_error err;
    pl_error_clear(&err);
    assert_int_equal(docx_numbering_parse_memory(NUMBERING, strlen(NUMBERING), &nb, &err), PL_OK);
    sbuf label = SBUF_INIT;
    numbering_result r;
    assert_string_equal(next_label(&nb, 1, 0, &label, &r), "第１条");
    assert_string_equal(next_label(&nb, 1, 2, &label, &r), "ア");
    assert_string_equal(next_label(&nb, 1, 2, &label, &r), "イ");
    assert_string_equal(next_label(&nb, 1, 1, &label, &r), "（２）");
    assert_string_equal(next_label(&nb, 1, 2, &label, &r), "ア");
    docx_numbering_reset(&nb);
    /* nothing above: level 1 alone starts at its start */
    assert_string_equal(next_label(&nb, 1, 1, &label, &r), "（１）");
    sbuf_free(&label);
    docx_numbering_free(&nb);
}

/* An empty numbering part (pandoc's overlapping_targets.docx has one). */
static void test_numbering_empty(void **state)
{
    (void)state;
    static const char EMPTY[] = "<w:numbering " W_NS "/>";
    docx_numbering nb;
    docx_numbering_init(&nb, NULL);
    pl_error err;
    pl_error_clear(&err);
    assert_int_equal(docx_numbering_parse_memory(EMPTY, strlen(EMPTY), &nb, &err), PL_OK);
    sbuf label = SBUF_INIT;
    numbering_result r;
    assert_false(docx_numbering_next(&nb, 1, 0, &r, &label));
    assert_int_equal(docx_numbering_level_for_style(&nb, 1, "a"), -1);
    sbuf_free(&label);
    docx_numbering_free(&nb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fmt_western),
        cmocka_unit_test(test_fmt_full_width_and_digits),
        cmocka_unit_test(test_fmt_japanese_counting),
        cmocka_unit_test(test_fmt_japanese_legal),
        cmocka_unit_test(test_fmt_chinese),
        cmocka_unit_test(test_fmt_kana),
        cmocka_unit_test(test_fmt_enclosed),
        cmocka_unit_test(test_fmt_stems_and_branches),
        cmocka_unit_test(test_fmt_bounds),
        cmocka_unit_test(test_symbols),
        cmocka_unit_test(test_styles_table),
        cmocka_unit_test(test_numbering_tables),
        cmocka_unit_test(test_numbering_skipped_level),
        cmocka_unit_test(test_numbering_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

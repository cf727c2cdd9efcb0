/* polint diff on real producers' documents (tests/fixtures/diff, made by
 * LibreOffice and python-docx from src/make_diff_fixtures.py): every version
 * of the 規程 against base.docx, with the alignment and the operations stated
 * exactly; and the outputs: the DOCX table read back by polint's own reader,
 * the HTML's columns and marks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "diff/diff.h"
#include "ooxml/ooxml.h"
#include "test_diff_util.h"

#define FX "tests/fixtures/diff/"

typedef struct pair {
    doc_document d[2];
    doc_structure s[2];
    diff_result r;
} pair;

static void read_doc(doc_document *d, const char *path, doc_tracked tracked)
{
    ooxml_options opt;
    ooxml_options_default(&opt);
    opt.tracked = tracked;
    opt.metadata = false;
    doc_document_init(d);
    doc_sink sink = doc_document_sink(d);
    pl_error err;
    pl_error_clear(&err);
    if (ooxml_read_file(path, &opt, &d->info, &sink, &err) != PL_OK)
        fail_msg("cannot read %s: %s (run from the repository root)", path, err.detail);
}

static void compare_with(pair *p, const char *name, doc_tracked tracked)
{
    char path[256];
    snprintf(path, sizeof path, FX "%s.docx", name);
    read_doc(&p->d[0], FX "base.docx", DOC_TRACKED_ACCEPT);
    read_doc(&p->d[1], path, tracked);
    for (int k = 0; k < 2; k++)
        doc_structure_build(&p->s[k], &p->d[k], DOC_TYPE_UNKNOWN);
    diff_compare(&p->r, &p->d[0], &p->s[0], &p->d[1], &p->s[1]);
}

static void drop(pair *p)
{
    diff_result_free(&p->r);
    for (int k = 0; k < 2; k++) {
        doc_structure_free(&p->s[k]);
        doc_document_free(&p->d[k]);
    }
}

static const char *const SAME = "unchanged:>\n"
                                "unchanged:第1条>第1条\n"
                                "unchanged:第2条>第2条\n"
                                "unchanged:第3条>第3条\n"
                                "unchanged:第4条>第4条\n"
                                "unchanged:第5条>第5条\n"
                                "unchanged:第6条>第6条\n"
                                "unchanged:第7条>第7条\n"
                                "unchanged:附則>附則\n"
                                "unchanged:別表>別表\n";

/* Index of the entry whose new unit has path p. */
static size_t entry_at(const diff_result *r, const char *path)
{
    for (size_t i = 0; i < r->nentries; i++) {
        const diff_entry *e = &r->entries[i];
        if (e->new_count && strcmp(r->new.units[e->new_first].path, path) == 0) return i;
    }
    fail_msg("no entry for %s", path);
    return 0;
}

/* python-docx runs, fonts, sizes, empty paragraphs, ASCII spaces: no change. */
static void formatting_only(void **state)
{
    (void)state;
    pair p;
    compare_with(&p, "format", DOC_TRACKED_ACCEPT);
    assert_string_equal(signature(&p.r), SAME);
    assert_false(diff_result_differs(&p.r));
    drop(&p);
}

/* LibreOffice list numbering (第1条, 2, 一 drawn by numbering.xml) against
 * the same labels typed: no change. */
static void automatic_numbering(void **state)
{
    (void)state;
    pair p;
    compare_with(&p, "autonum", DOC_TRACKED_ACCEPT);
    assert_string_equal(signature(&p.r), SAME);
    /* the labels really came from the numbering, not the text */
    const diff_line *l = &p.r.new.lines[p.r.new.units[1].first_line + 1];
    assert_string_equal(l->label, "第１条");
    assert_int_equal(p.d[1].blocks[l->block].label != NULL, 1);
    drop(&p);
}

static void inserted_article(void **state)
{
    (void)state;
    pair p;
    compare_with(&p, "insert", DOC_TRACKED_ACCEPT);
    assert_string_equal(signature(&p.r), "unchanged:>\n"
                                         "unchanged:第1条>第1条\n"
                                         "unchanged:第2条>第2条\n"
                                         "unchanged:第3条>第3条\n"
                                         "inserted:>第4条\n"
                                         "renumbered:第4条>第5条\n"
                                         "renumbered:第5条>第6条\n"
                                         "renumbered:第6条>第7条\n"
                                         "renumbered:第7条>第8条\n"
                                         "unchanged:附則>附則\n"
                                         "unchanged:別表>別表\n");
    /* each renumbered article: only the number, on its first line */
    assert_string_equal(changes(&p.r, entry_at(&p.r, "第6条")),
                        "renumbered|[-第５条-]{+第６条+} "
                        "受託者は、市の承諾を得て、業務の一部を第三者に再委託することができる。\n");
    assert_string_equal(changes(&p.r, entry_at(&p.r, "第5条")),
                        "renumbered|[-第４条-]{+第５条+} "
                        "所管課長は、委託契約に次に掲げる事項を定めなければならない。\n");
    drop(&p);
}

static void moved_article(void **state)
{
    (void)state;
    pair p;
    compare_with(&p, "move", DOC_TRACKED_ACCEPT);
    assert_string_equal(signature(&p.r), "unchanged:>\n"
                                         "unchanged:第1条>第1条\n"
                                         "unchanged:第2条>第2条\n"
                                         "unchanged:第3条>第3条\n"
                                         "moved:第7条>第4条\n"
                                         "renumbered:第4条>第5条\n"
                                         "renumbered:第5条>第6条\n"
                                         "renumbered:第6条>第7条\n"
                                         "unchanged:附則>附則\n"
                                         "unchanged:別表>別表\n");
    const diff_entry *e = &p.r.entries[4];
    assert_true(e->moved && e->renumbered && !e->text_changed);
    drop(&p);
}

static void changed_wording(void **state)
{
    (void)state;
    pair p;
    compare_with(&p, "wording", DOC_TRACKED_ACCEPT);
    assert_int_equal(p.r.count[DIFF_CHANGED], 2);
    assert_int_equal(p.r.count[DIFF_UNCHANGED], 8);
    assert_string_equal(
        changes(&p.r, entry_at(&p.r, "第5条")),
        "changed|第５条 "
        "受託者は、市の{+書面による+}承諾を得て、業務の一部を第三者に再委託することができる。\n");
    assert_string_equal(
        changes(&p.r, entry_at(&p.r, "第6条")),
        "changed|第６条 "
        "受託者は、情報セキュリティ事故が発生したときは、[-速やか-]{+直ち+}に所管課長に報告し"
        "{+、その指示に従わ+}なければならない。\n");
    drop(&p);
}

static void split_and_merged(void **state)
{
    (void)state;
    pair p;
    compare_with(&p, "splitmerge", DOC_TRACKED_ACCEPT);
    assert_int_equal(p.r.count[DIFF_CHANGED], 2);
    assert_string_equal(
        changes(&p.r, entry_at(&p.r, "第5条")),
        "merged|第５条 受託者は、市の承諾を得て、業務の一部を第三者に再委託することができる。"
        "{+この場合において、+}"
        "受託者は、再委託先に対し、この規程に定める義務と同等の義務を負わせなければならない。\n");
    assert_string_equal(
        changes(&p.r, entry_at(&p.r, "第7条")),
        "split|第７条 "
        "受託者は、委託業務の終了後、市から提供を受けた情報を返還し、又は消去しなければならない。"
        " / ２ "
        "この場合において、受託者は、消去した旨を書面により{+市に+}報告しなければならない。\n");
    drop(&p);
}

static void table_change(void **state)
{
    (void)state;
    pair p;
    compare_with(&p, "table", DOC_TRACKED_ACCEPT);
    assert_int_equal(p.r.count[DIFF_CHANGED], 1);
    assert_string_equal(changes(&p.r, entry_at(&p.r, "別表")),
                        "changed|契約期間中\t情報セキュリティ対策の実施状況\t年[-１-]{+２+}回\n"
                        "inserted|再委託時\t再委託先の情報セキュリティ対策\t再委託の承諾前\n");
    drop(&p);
}

/* Tracked changes: the accepted view is compared (the deleted text is not
 * read as present); with the rejected view the document is base again. */
static void tracked_changes(void **state)
{
    (void)state;
    pair p;
    compare_with(&p, "tracked", DOC_TRACKED_ACCEPT);
    assert_int_equal(p.r.count[DIFF_CHANGED], 3);
    assert_string_equal(changes(&p.r, entry_at(&p.r, "第4条")), "deleted|四 事故発生時の報告\n");
    assert_string_equal(
        changes(&p.r, entry_at(&p.r, "第5条")),
        "changed|第５条 "
        "受託者は、市の{+書面による+}承諾を得て、業務の一部を第三者に再委託することができる。\n");
    assert_string_equal(changes(&p.r, entry_at(&p.r, "第6条")),
                        "changed|第６条 "
                        "受託者は、情報セキュリティ事故が発生したときは、[-速やか-]{+直ち+}"
                        "に所管課長に報告しなければならない。\n");
    drop(&p);
    compare_with(&p, "tracked", DOC_TRACKED_REJECT);
    assert_string_equal(signature(&p.r), SAME);
    drop(&p);
}

/* ---- outputs --------------------------------------------------------------------- */

static char *zip_part(const sbuf *zipped, const char *name)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(zipped->data, zipped->len, 0, &ze);
    zip_t *z = zip_open_from_source(src, ZIP_RDONLY, &ze);
    assert_non_null(z);
    zip_stat_t st;
    assert_int_equal(zip_stat(z, name, 0, &st), 0);
    char *buf = calloc(1, st.size + 1);
    zip_file_t *f = zip_fopen(z, name, 0);
    assert_int_equal(zip_fread(f, buf, st.size), (zip_int64_t)st.size);
    zip_fclose(f);
    zip_close(z);
    return buf;
}

/* The DOCX 新旧対照表 is a package polint itself reads back: a table whose
 * rows hold 改正後 | 改正前, the changed words underlined. */
static void docx_output_reads_back(void **state)
{
    (void)state;
    pair p;
    compare_with(&p, "wording", DOC_TRACKED_ACCEPT);
    diff_render ro = {.lang = PL_LANG_JA,
                      .old_name = "base.docx",
                      .new_name = "wording.docx",
                      .tool_version = "test"};
    sbuf out = SBUF_INIT;
    pl_error err;
    pl_error_clear(&err);
    assert_int_equal(diff_write_docx(&p.r, &ro, &out, &err), PL_OK);

    doc_document d;
    doc_document_init(&d);
    doc_sink sink = doc_document_sink(&d);
    ooxml_options opt;
    ooxml_options_default(&opt);
    assert_int_equal(ooxml_read_memory(out.data, out.len, "table.docx", &opt, &d.info, &sink, &err),
                     PL_OK);
    assert_int_equal(d.info.tables, 1);
    /* cells in reading order: header, （略）, 第5条 new | old, 第6条 ..., （略） */
    const char *want[][3] = {
        {"1", "1", "改正後"},
        {"1", "2", "改正前"},
        {"2", "1", "（略）"},
        {"3", "1", "（再委託）"},
        {"3", "1",
         "第５条　受託者は、市の書面による承諾を得て、業務の一部を第三者に再委託することができる"
         "。"},
        {"3", "1",
         "２　受託者は、再委託先に対し、この規程に定める義務と同等の義務を負わせなければならない"
         "。"},
        {"3", "2", "（再委託）"},
        {"3", "2",
         "第５条　受託者は、市の承諾を得て、業務の一部を第三者に再委託することができる。"},
    };
    size_t found = 0;
    for (size_t i = 0; i < d.nblocks && found < sizeof want / sizeof want[0]; i++) {
        const doc_block *b = &d.blocks[i];
        if (b->channel != DOC_CH_TABLE) continue;
        if (strcmp(b->text, want[found][2]) != 0) continue;
        assert_int_equal(b->loc.row, (uint32_t)atoi(want[found][0]));
        assert_int_equal(b->loc.col, (uint32_t)atoi(want[found][1]));
        found++;
    }
    assert_int_equal(found, sizeof want / sizeof want[0]);
    doc_document_free(&d);

    char *xml = zip_part(&out, "word/document.xml");
    assert_non_null(strstr(xml, "<w:r><w:rPr><w:u w:val=\"single\"/></w:rPr><w:t "
                                "xml:space=\"preserve\">書面による</w:t></w:r>"));
    assert_non_null(strstr(xml, "<w:tblHeader/>"));
    assert_non_null(strstr(xml, "w:orient=\"landscape\""));
    free(xml);
    /* the same comparison gives the same bytes */
    sbuf again = SBUF_INIT;
    assert_int_equal(diff_write_docx(&p.r, &ro, &again, &err), PL_OK);
    assert_int_equal(again.len, out.len);
    assert_memory_equal(again.data, out.data, out.len);
    sbuf_free(&again);
    sbuf_free(&out);
    drop(&p);
}

static void html_output(void **state)
{
    (void)state;
    pair p;
    compare_with(&p, "insert", DOC_TRACKED_ACCEPT);
    diff_render ro = {.lang = PL_LANG_JA, .old_name = "base.docx", .new_name = "<insert>.docx"};
    sbuf out = SBUF_INIT;
    diff_write_html(&p.r, &ro, &out);
    const char *h = sbuf_cstr(&out);
    /* 改正後 on the left, 改正前 on the right */
    const char *after = strstr(h, "<th>改正後</th>"), *before = strstr(h, "<th>改正前</th>");
    assert_non_null(after);
    assert_non_null(before);
    assert_true(after < before);
    /* names from outside are escaped */
    assert_non_null(strstr(h, "&lt;insert&gt;.docx"));
    assert_null(strstr(h, "<insert>"));
    /* the new article is marked new, opposite （新設） */
    assert_non_null(
        strstr(h, "<span class=\"c\">第４条</span>　<span class=\"c\">所管課長は、受託者における"));
    assert_non_null(strstr(h, "（新設）"));
    /* a renumbered article: number underlined, text （略） */
    assert_non_null(strstr(h, "<p class=\"l\"><span class=\"c\">第５条</span>　（略）</p>"));
    assert_non_null(strstr(h, "第1条～第3条"));
    sbuf_free(&out);
    drop(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(formatting_only),        cmocka_unit_test(automatic_numbering),
        cmocka_unit_test(inserted_article),       cmocka_unit_test(moved_article),
        cmocka_unit_test(changed_wording),        cmocka_unit_test(split_and_merged),
        cmocka_unit_test(table_change),           cmocka_unit_test(tracked_changes),
        cmocka_unit_test(docx_output_reads_back), cmocka_unit_test(html_output),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

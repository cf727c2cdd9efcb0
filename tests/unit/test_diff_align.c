/* Clause alignment on documents built line by line: renumbering after an
 * insertion, moves, rewrites in place, split and merged paragraphs, tables,
 * and the differences that must not count (numbering style, width, spaces,
 * tracked deletions, empty paragraphs). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff/diff.h"
#include "docbuild.h"
#include "test_diff_util.h"

typedef struct pair {
    doc_document d[2];
    doc_structure s[2];
    diff_result r;
} pair;

static void compare(pair *p, const char *const *old_lines, const char *const *new_lines)
{
    docbuild(&p->d[0], "old.docx", old_lines);
    docbuild(&p->d[1], "new.docx", new_lines);
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

static const char *const CONTRACT[] = {
    "業務委託契約書",
    "（目的）",
    "第１条　この契約は、住民情報システムの運用業務の委託について定める。",
    "（履行期間）",
    "第２条　履行期間は、令和６年４月１日から令和７年３月３１日までとする。",
    "（再委託）",
    "第３条　乙は、甲の承諾を得て、本業務の一部を第三者に再委託することができる。",
    "２　乙は、再委託先に対し、この契約に定める義務と同等の義務を負わせなければならない。",
    "（秘密の保持）",
    "第４条　乙は、本業務の処理上知り得た秘密を第三者に漏らしてはならない。",
    "（損害賠償）",
    "第５条　乙は、本業務の処理に関し甲に損害を与えたときは、その損害を賠償しなければならない。",
    NULL,
};

static void identical_documents(void **state)
{
    (void)state;
    pair p;
    compare(&p, CONTRACT, CONTRACT);
    assert_string_equal(signature(&p.r), "unchanged:>\n"
                                         "unchanged:第1条>第1条\n"
                                         "unchanged:第2条>第2条\n"
                                         "unchanged:第3条>第3条\n"
                                         "unchanged:第4条>第4条\n"
                                         "unchanged:第5条>第5条\n");
    assert_false(diff_result_differs(&p.r));
    drop(&p);
}

/* A new 第3条: the later articles are renumbered and reported as only that. */
static void inserted_article_renumbers_the_rest(void **state)
{
    (void)state;
    static const char *const NEW[] = {
        "業務委託契約書",
        "（目的）",
        "第１条　この契約は、住民情報システムの運用業務の委託について定める。",
        "（履行期間）",
        "第２条　履行期間は、令和６年４月１日から令和７年３月３１日までとする。",
        "（報告）",
        "第３条　乙は、毎月の業務の実施状況を翌月１０日までに甲に報告しなければならない。",
        "（再委託）",
        "第４条　乙は、甲の承諾を得て、本業務の一部を第三者に再委託することができる。",
        "２　乙は、再委託先に対し、この契約に定める義務と同等の義務を負わせなければならない。",
        "（秘密の保持）",
        "第５条　乙は、本業務の処理上知り得た秘密を第三者に漏らしてはならない。",
        "（損害賠償）",
        "第６条　乙は、本業務の処理に関し甲に損害を与えたときは、その損害を賠償しなければならない"
        "。",
        NULL,
    };
    pair p;
    compare(&p, CONTRACT, NEW);
    assert_string_equal(signature(&p.r), "unchanged:>\n"
                                         "unchanged:第1条>第1条\n"
                                         "unchanged:第2条>第2条\n"
                                         "inserted:>第3条\n"
                                         "renumbered:第3条>第4条\n"
                                         "renumbered:第4条>第5条\n"
                                         "renumbered:第5条>第6条\n");
    /* a renumbered article: its number line relabelled, nothing else */
    assert_string_equal(changes(&p.r, 4),
                        "renumbered|[-第３条-]{+第４条+} "
                        "乙は、甲の承諾を得て、本業務の一部を第三者に再委託することができる。\n");
    assert_true(p.r.entries[4].renumbered);
    assert_false(p.r.entries[4].text_changed);
    assert_int_equal(p.r.count[DIFF_RENUMBERED], 3);
    assert_int_equal(p.r.count[DIFF_INSERTED], 1);
    drop(&p);

    /* and the other way round: a deleted article renumbers the rest up */
    compare(&p, NEW, CONTRACT);
    assert_string_equal(signature(&p.r), "unchanged:>\n"
                                         "unchanged:第1条>第1条\n"
                                         "unchanged:第2条>第2条\n"
                                         "deleted:第3条>\n"
                                         "renumbered:第4条>第3条\n"
                                         "renumbered:第5条>第4条\n"
                                         "renumbered:第6条>第5条\n");
    drop(&p);
}

/* 第5条 moved to be 第2条: one move, the articles it passed renumbered. */
static void moved_article(void **state)
{
    (void)state;
    static const char *const NEW[] = {
        "業務委託契約書",
        "（目的）",
        "第１条　この契約は、住民情報システムの運用業務の委託について定める。",
        "（損害賠償）",
        "第２条　乙は、本業務の処理に関し甲に損害を与えたときは、その損害を賠償しなければならない"
        "。",
        "（履行期間）",
        "第３条　履行期間は、令和６年４月１日から令和７年３月３１日までとする。",
        "（再委託）",
        "第４条　乙は、甲の承諾を得て、本業務の一部を第三者に再委託することができる。",
        "２　乙は、再委託先に対し、この契約に定める義務と同等の義務を負わせなければならない。",
        "（秘密の保持）",
        "第５条　乙は、本業務の処理上知り得た秘密を第三者に漏らしてはならない。",
        NULL,
    };
    pair p;
    compare(&p, CONTRACT, NEW);
    assert_string_equal(signature(&p.r), "unchanged:>\n"
                                         "unchanged:第1条>第1条\n"
                                         "moved:第5条>第2条\n"
                                         "renumbered:第2条>第3条\n"
                                         "renumbered:第3条>第4条\n"
                                         "renumbered:第4条>第5条\n");
    const diff_entry *e = &p.r.entries[2];
    assert_true(e->moved);
    assert_true(e->renumbered);
    assert_false(e->text_changed);
    assert_true(e->similarity > 0.99f);
    drop(&p);
}

/* A phrase changed inside a paragraph; another paragraph rewritten in place. */
static void changed_wording(void **state)
{
    (void)state;
    static const char *const NEW[] = {
        "業務委託契約書",
        "（目的）",
        "第１条　この契約は、住民情報システムの運用業務の委託について定める。",
        "（履行期間）",
        "第２条　履行期間は、令和７年４月１日から令和８年３月３１日までとする。",
        "（再委託）",
        "第３条　乙は、甲の書面による承諾を得て、本業務の一部を第三者に再委託することができる。",
        "２　乙は、再委託先に対し、この契約に定める義務と同等の義務を負わせなければならない。",
        "（秘密の保持）",
        "第４条　乙及び乙の従業者は、本業務に関して知り得た情報を他に漏らしてはならず、契約終了後も"
        "同様とする。",
        "（損害賠償）",
        "第５条　乙は、本業務の処理に関し甲に損害を与えたときは、その損害を賠償しなければならない"
        "。",
        NULL,
    };
    pair p;
    compare(&p, CONTRACT, NEW);
    assert_string_equal(signature(&p.r), "unchanged:>\n"
                                         "unchanged:第1条>第1条\n"
                                         "changed:第2条>第2条\n"
                                         "changed:第3条>第3条\n"
                                         "changed:第4条>第4条\n"
                                         "unchanged:第5条>第5条\n");
    assert_string_equal(
        changes(&p.r, 2),
        "changed|第２条 "
        "履行期間は、令和[-６-]{+７+}年４月１日から令和[-７-]{+８+}年３月３１日までとする。\n");
    assert_string_equal(
        changes(&p.r, 3),
        "changed|第３条 "
        "乙は、甲の{+書面による+}承諾を得て、本業務の一部を第三者に再委託することができる。\n");
    /* the caption ties the rewritten 第4条 to the old one: changed, not deleted + inserted */
    assert_false(p.r.entries[4].renumbered);
    drop(&p);
}

/* 第3条's two paragraphs merged; 第5条's paragraph split in two. */
static void split_and_merged_paragraphs(void **state)
{
    (void)state;
    static const char *const OLD[] = {
        "（再委託）",
        "第３条　乙は、甲の承諾を得て、本業務の一部を第三者に再委託することができる。",
        "２　乙は、再委託先に対し、この契約に定める義務と同等の義務を負わせなければならない。",
        "（損害賠償）",
        "第５条　乙は、本業務の処理に関し甲に損害を与えたときは、その損害を賠償しなければならない。"
        "ただし、乙の責めに帰することができない事由によるときは、この限りでない。",
        NULL,
    };
    static const char *const NEW[] = {
        "（再委託）",
        "第３条　乙は、甲の承諾を得て、本業務の一部を第三者に再委託することができる。この場合におい"
        "て、乙は、再委託先に対し、この契約に定める義務と同等の義務を負わせなければならない。",
        "（損害賠償）",
        "第５条　乙は、本業務の処理に関し甲に損害を与えたときは、その損害を賠償しなければならない"
        "。",
        "２　前項の規定にかかわらず、乙の責めに帰することができない事由によるときは、この限りでない"
        "。",
        NULL,
    };
    pair p;
    compare(&p, OLD, NEW);
    assert_string_equal(signature(&p.r), "changed:第3条>第3条\nchanged:第5条>第5条\n");
    assert_string_equal(
        changes(&p.r, 0),
        "merged|第３条 乙は、甲の承諾を得て、本業務の一部を第三者に再委託することができる。"
        "{+この場合において、+}"
        "乙は、再委託先に対し、この契約に定める義務と同等の義務を負わせなければならない。\n");
    assert_string_equal(
        changes(&p.r, 1),
        "split|第５条 "
        "乙は、本業務の処理に関し甲に損害を与えたときは、その損害を賠償しなければならない。"
        " / ２ "
        "[-ただし-]{+前項の規定にかかわらず+}"
        "、乙の責めに帰することができない事由によるときは、この限りでない。\n");
    const diff_line_pair *m = &p.r.pairs[p.r.entries[0].first_pair + 1];
    assert_int_equal(m->old_count, 2);
    assert_int_equal(m->new_count, 1);
    drop(&p);
}

/* Paragraphs inside an article: one inserted renumbers the next (only its label). */
static void inserted_paragraph(void **state)
{
    (void)state;
    static const char *const OLD[] = {
        "第３条　乙は、甲の承諾を得て、本業務の一部を第三者に再委託することができる。",
        "２　乙は、再委託先に対し、この契約に定める義務と同等の義務を負わせなければならない。",
        NULL,
    };
    static const char *const NEW[] = {
        "第３条　乙は、甲の承諾を得て、本業務の一部を第三者に再委託することができる。",
        "２　乙は、前項の承諾を求めるときは、再委託先の名称を甲に通知しなければならない。",
        "３　乙は、再委託先に対し、この契約に定める義務と同等の義務を負わせなければならない。",
        NULL,
    };
    pair p;
    compare(&p, OLD, NEW);
    assert_string_equal(signature(&p.r), "changed:第3条>第3条\n");
    assert_string_equal(
        changes(&p.r, 0),
        "inserted|２ 乙は、前項の承諾を求めるときは、再委託先の名称を甲に通知しなければならない。\n"
        "renumbered|[-２-]{+３+} "
        "乙は、再委託先に対し、この契約に定める義務と同等の義務を負わせなければならない。\n");
    drop(&p);
}

/* Tables: cell by cell when the shape is the same; a new column is a change
 * of the row, a new row an insertion. */
static void table_rows(void **state)
{
    (void)state;
    static const char *const OLD[] = {
        "第４条　点検は、次の表のとおり行う。",
        "T:区分|内容|頻度",
        "T:定期点検|機器の動作確認|年１回",
        "T:障害対応|原因の調査|随時",
        NULL,
    };
    static const char *const NEW[] = {
        "第４条　点検は、次の表のとおり行う。",     "T:区分|内容|頻度",
        "T:定期点検|機器の動作確認|年２回",         "T:障害対応|原因の調査及び復旧|随時",
        "T:脆弱性対応|修正プログラムの適用|月１回", NULL,
    };
    pair p;
    compare(&p, OLD, NEW);
    assert_string_equal(signature(&p.r), "changed:第4条>第4条\n");
    assert_string_equal(changes(&p.r, 0), "changed|定期点検\t機器の動作確認\t年[-１-]{+２+}回\n"
                                          "changed|障害対応\t原因の調査{+及び復旧+}\t随時\n"
                                          "inserted|脆弱性対応\t修正プログラムの適用\t月１回\n");
    drop(&p);
}

/* Automatic numbering (a rendered label) and literal numbering are the same
 * text; so are full- and half-width forms and spaces between Japanese words.
 * Tracked deletions and empty paragraphs are not content. */
static void formatting_is_not_a_change(void **state)
{
    (void)state;
    static const char *const LITERAL[] = {
        "（目的）",
        "第１条　この契約は、ＩＤ管理業務の委託について定める。",
        "２　甲は、乙に対し、必要な資料を提供する。",
        "一　利用者の一覧",
        "二　権限の一覧",
        NULL,
    };
    static const char *const RENDERED[] = {
        "（目的）",
        "L:第1条|この契約は、ID管理業務の委託について定める。",
        "",
        "L:2|甲は、乙に対し、必要な 資料を提供する。",
        "D:削除された文",
        "L:一|利用者の一覧",
        "L:二|権限の一覧",
        "",
        NULL,
    };
    pair p;
    compare(&p, LITERAL, RENDERED);
    assert_string_equal(signature(&p.r), "unchanged:第1条>第1条\n");
    assert_false(diff_result_differs(&p.r));
    drop(&p);
}

/* Documents without articles: paragraphs are the units, so a paragraph split
 * in two is one entry. */
static void plain_paragraphs(void **state)
{
    (void)state;
    static const char *const OLD[] = {
        "本市は、情報資産を適切に管理する。職員は、この方針を遵守しなければならない。",
        "情報セキュリティ委員会を設置する。",
        NULL,
    };
    static const char *const NEW[] = {
        "本市は、情報資産を適切に管理する。",
        "職員は、この方針を遵守しなければならない。",
        "情報セキュリティ委員会を設置する。",
        "委員会は、年２回以上開催する。",
        NULL,
    };
    pair p;
    compare(&p, OLD, NEW);
    assert_string_equal(signature(&p.r), "split:>+\nunchanged:>\ninserted:>\n");
    assert_int_equal(p.r.entries[0].new_count, 2);
    drop(&p);
}

/* Specifications: numbered headings renumbered after an inserted section. */
static void headings_renumbered(void **state)
{
    (void)state;
    static const char *const OLD[] = {
        "H1:1　業務の目的",
        "本業務は、財務会計システムを安定的に稼働させることを目的とする。",
        "H1:2　履行期間",
        "令和７年４月１日から令和１２年３月３１日まで",
        "H1:3　業務内容",
        "障害発生時は、連絡を受けてから４時間以内に対応を開始すること。",
        NULL,
    };
    static const char *const NEW[] = {
        "H1:1　業務の目的",
        "本業務は、財務会計システムを安定的に稼働させることを目的とする。",
        "H1:2　対象機器",
        "サーバ２台及びネットワーク機器一式",
        "H1:3　履行期間",
        "令和７年４月１日から令和１２年３月３１日まで",
        "H1:4　業務内容",
        "障害発生時は、連絡を受けてから４時間以内に対応を開始すること。",
        NULL,
    };
    pair p;
    compare(&p, OLD, NEW);
    assert_string_equal(signature(&p.r),
                        "unchanged:1>1\ninserted:>2\nrenumbered:2>3\nrenumbered:3>4\n");
    drop(&p);
}

/* Plain text files: BOM, CRLF and CR line ends; invalid UTF-8 repaired. */
static void plain_text_document(void **state)
{
    (void)state;
    const char text[] =
        "\xEF\xBB\xBF（目的）\r\n第１条　この規程は、\xFF必要な事項を定める。\r２　略\n";
    doc_document d;
    doc_document_init(&d);
    diff_plain_document(&d, "kitei.txt", text, sizeof text - 1);
    assert_int_equal(d.nblocks, 3);
    assert_string_equal(d.blocks[0].text, "（目的）");
    assert_string_equal(d.blocks[1].text, "第１条　この規程は、\xEF\xBF\xBD必要な事項を定める。");
    assert_string_equal(d.blocks[2].text, "２　略");
    assert_int_equal(d.blocks[2].loc.paragraph, 3);
    assert_int_equal(strlen(d.info.sha256), 64);
    doc_structure s;
    doc_structure_build(&s, &d, DOC_TYPE_UNKNOWN);
    assert_string_equal(doc_structure_path(&s, 2), "第1条第2項");
    doc_structure_free(&s);
    doc_document_free(&d);
}

/* A long policy: 500 articles, one inserted near the start. Every later
 * article is renumbered only; the alignment stays exact. */
static void five_hundred_articles(void **state)
{
    (void)state;
    enum { N = 500 };
    static char store[2][N + 2][160];
    const char *lines[2][N + 2];
    for (int v = 0; v < 2; v++) {
        int n = 0, num = 0;
        for (int a = 1; a <= N; a++) {
            if (v == 1 && a == 3) {
                snprintf(store[v][n], sizeof store[v][n],
                         "第%d条　この条は、新たに設ける規定である。", ++num);
                lines[v][n] = store[v][n];
                n++;
            }
            snprintf(store[v][n], sizeof store[v][n],
                     "第%d条　所管課長は、第%d号様式による台帳を備え、情報資産%"
                     "d件を管理しなければならない。",
                     ++num, a, a * 7);
            lines[v][n] = store[v][n];
            n++;
        }
        lines[v][n] = NULL;
    }
    pair p;
    compare(&p, lines[0], lines[1]);
    assert_int_equal(p.r.nentries, N + 1);
    assert_int_equal(p.r.count[DIFF_INSERTED], 1);
    assert_int_equal(p.r.count[DIFF_UNCHANGED], 2);
    assert_int_equal(p.r.count[DIFF_RENUMBERED], N - 2);
    assert_int_equal(p.r.count[DIFF_CHANGED] + p.r.count[DIFF_MOVED] + p.r.count[DIFF_DELETED], 0);
    drop(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(identical_documents),
        cmocka_unit_test(inserted_article_renumbers_the_rest),
        cmocka_unit_test(moved_article),
        cmocka_unit_test(changed_wording),
        cmocka_unit_test(split_and_merged_paragraphs),
        cmocka_unit_test(inserted_paragraph),
        cmocka_unit_test(table_rows),
        cmocka_unit_test(formatting_is_not_a_change),
        cmocka_unit_test(plain_paragraphs),
        cmocka_unit_test(headings_renumbered),
        cmocka_unit_test(plain_text_document),
        cmocka_unit_test(five_hundred_articles),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* The clause segmenter, the document-type guess and the parties, on the
 * drafting styles municipal documents really use. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "docbuild.h"
#include "doc/structure.h"

typedef struct built {
    doc_document d;
    doc_structure s;
} built;

static void build(built *b, const char *path, const char *const *lines, doc_type forced)
{
    docbuild(&b->d, path, lines);
    doc_structure_build(&b->s, &b->d, forced);
}

static void drop(built *b)
{
    doc_structure_free(&b->s);
    doc_document_free(&b->d);
}

/* Path of the first block whose text starts with prefix. */
static const char *path_of(const built *b, const char *prefix)
{
    for (size_t i = 0; i < b->d.nblocks; i++)
        if (strncmp(b->d.blocks[i].text, prefix, strlen(prefix)) == 0)
            return doc_structure_path(&b->s, i);
    fail_msg("no block starts with %s", prefix);
    return NULL;
}

static const char *const CONTRACT[] = {
    "業務委託契約書",
    "○○市（以下「甲」という。）と株式会社△△（以下「乙」という。）は、次のとおり契約を締結する。",
    "（目的）",
    "第１条　この契約は、甲の住民情報システムの運用業務を乙に委託するために必要な事項を定める。",
    "（再委託）",
    "第６条　乙は、本業務を第三者に再委託してはならない。",
    "２　乙は、前項の規定にかかわらず、次の各号のいずれかに該当するときは甲に協議する。",
    "一　再委託先の名称",
    "二　再委託する業務の内容",
    "３　乙は、2年間の経過後も前項の義務を負う。",
    "第７条の２　乙は、甲の指示に従う。",
    "第三者に提供してはならない。",
    "第3条に定める義務に違反した場合は、甲は契約を解除できる。",
    "T:項目|内容",
    "別記",
    "個人情報取扱特記事項",
    "（基本的事項）",
    "第１条　乙は、個人情報の保護の重要性を認識する。",
    "(1)　収集の制限",
    "附則",
    "この契約は、令和7年4月1日から施行する。",
    NULL,
};

static void contract_articles_paragraphs_items(void **state)
{
    (void)state;
    built b;
    build(&b, "keiyaku.docx", CONTRACT, DOC_TYPE_UNKNOWN);
    assert_string_equal(path_of(&b, "業務委託契約書"), "");
    assert_string_equal(path_of(&b, "（目的）"), "第1条");
    assert_string_equal(path_of(&b, "第１条　この契約"), "第1条");
    assert_string_equal(path_of(&b, "第６条"), "第6条第1項");
    assert_string_equal(path_of(&b, "２　乙は"), "第6条第2項");
    assert_string_equal(path_of(&b, "一　再委託先"), "第6条第2項第1号");
    assert_string_equal(path_of(&b, "二　再委託する"), "第6条第2項第2号");
    assert_string_equal(path_of(&b, "３　乙は"), "第6条第3項");
    assert_string_equal(path_of(&b, "第７条の２"), "第7条の2");
    /* 第三者 and a reference to 第3条 are text inside 第7条の2 */
    assert_string_equal(path_of(&b, "第三者"), "第7条の2");
    assert_string_equal(path_of(&b, "第3条に定める"), "第7条の2");
    assert_string_equal(path_of(&b, "項目"), "第7条の2"); /* a table inside the article */
    assert_string_equal(path_of(&b, "別記"), "別記");
    assert_string_equal(path_of(&b, "第１条　乙は、個人情報"), "別記 第1条");
    assert_string_equal(path_of(&b, "(1)"), "別記 第1条第1号");
    assert_string_equal(path_of(&b, "この契約は、令和7年"), "附則");

    const doc_clause *c = doc_structure_clause(&b.s, 5); /* 第６条 */
    assert_int_equal(c->kind, DOC_CLAUSE_ARTICLE);
    assert_string_equal(c->caption, "再委託");
    assert_int_equal(c->first_block, 4); /* the caption line belongs to it */
    const doc_clause *art = doc_structure_article(&b.s, 8); /* 二 */
    assert_int_equal(art->number, 6);

    assert_int_equal(b.s.type, DOC_TYPE_CONTRACT);
    assert_string_equal(b.s.type_basis, "title");
    assert_int_equal(b.s.nparties, 2);
    assert_string_equal(b.s.parties[0].name, "甲");
    assert_string_equal(b.s.parties[0].entity, "○○市");
    assert_int_equal(b.s.parties[0].role, DOC_PARTY_CLIENT);
    assert_string_equal(b.s.parties[1].name, "乙");
    assert_string_equal(b.s.parties[1].entity, "株式会社△△");
    assert_int_equal(b.s.parties[1].role, DOC_PARTY_CONTRACTOR);
    drop(&b);
}

static void rendered_numbering_labels(void **state)
{
    (void)state;
    const char *const lines[] = {
        "L:第１条|（目的）この規程は、情報資産の管理について定める。",
        "L:２|職員は、この規程を遵守しなければならない。",
        "L:（１）|情報資産の分類",
        "L:ア|機密性",
        "L:イ|完全性",
        "L:第２条|（定義）この規程において",
        NULL,
    };
    built b;
    build(&b, NULL, lines, DOC_TYPE_UNKNOWN);
    assert_string_equal(path_of(&b, "（目的）"), "第1条第1項");
    assert_string_equal(path_of(&b, "職員は"), "第1条第2項");
    assert_string_equal(path_of(&b, "情報資産の分類"), "第1条第2項第1号");
    assert_string_equal(path_of(&b, "機密性"), "第1条第2項第1号ア");
    assert_string_equal(path_of(&b, "完全性"), "第1条第2項第1号イ");
    assert_string_equal(doc_structure_clause(&b.s, 0)->caption, "目的");
    assert_string_equal(path_of(&b, "（定義）"), "第2条");
    drop(&b);
}

static void specification_headings(void **state)
{
    (void)state;
    const char *const lines[] = {
        "住民情報システム運用保守業務委託仕様書",
        "1　目的",
        "本仕様書は、業務の内容を定める。",
        "2　業務内容",
        "(1)　運用業務",
        "ア　障害対応",
        "イ　定期保守",
        "(2)　保守業務",
        "2.1　補足",
        "第3　契約期間",
        NULL,
    };
    built b;
    build(&b, NULL, lines, DOC_TYPE_UNKNOWN);
    assert_string_equal(path_of(&b, "1　目的"), "1");
    assert_string_equal(path_of(&b, "本仕様書は"), "1");
    assert_string_equal(path_of(&b, "(1)"), "2(1)");
    assert_string_equal(path_of(&b, "ア"), "2(1)ア");
    assert_string_equal(path_of(&b, "イ"), "2(1)イ");
    assert_string_equal(path_of(&b, "(2)"), "2(2)");
    assert_string_equal(path_of(&b, "2.1"), "2.1");
    assert_string_equal(path_of(&b, "第3"), "第3");
    assert_int_equal(b.s.type, DOC_TYPE_SPEC);
    drop(&b);
}

static void policy_chapters_and_headings(void **state)
{
    (void)state;
    const char *const lines[] = {
        "H1:第1章　総則",
        "（目的）",
        "第1条　この基準は、情報セキュリティ対策の基準を定める。",
        "第2章　組織体制",
        "第2条　最高情報セキュリティ責任者を置く。",
        NULL,
    };
    built b;
    build(&b, "/x/情報セキュリティ対策基準.docx", lines, DOC_TYPE_UNKNOWN);
    assert_string_equal(path_of(&b, "第1章"), "第1章");
    assert_string_equal(path_of(&b, "第1条"), "第1条");
    assert_string_equal(path_of(&b, "第2条"), "第2条");
    assert_int_equal(b.s.type, DOC_TYPE_POLICY);
    assert_string_equal(b.s.type_basis, "filename");
    drop(&b);
}

/* 対策基準 numbered 第８ › ２ › （１） without 条: the parts stay apart */
static void numbered_policy_sections(void **state)
{
    (void)state;
    const char *const lines[] = {
        "第８　業務委託と外部サービスの利用",
        "１　業務委託",
        "（１）情報セキュリティポリシー等の遵守",
        "２　外部サービスの利用",
        "第９　評価・見直し",
        NULL,
    };
    built b;
    build(&b, "/x/情報セキュリティ対策基準.docx", lines, DOC_TYPE_POLICY);
    assert_string_equal(path_of(&b, "第８"), "第8");
    assert_string_equal(path_of(&b, "１　業務委託"), "第8 1");
    assert_string_equal(path_of(&b, "（１）"), "第8 1(1)");
    assert_string_equal(path_of(&b, "２　外部"), "第8 2");
    assert_string_equal(path_of(&b, "第９"), "第9");
    drop(&b);
}

static void traps_are_plain_text(void **state)
{
    (void)state;
    const char *const lines[] = {
        "第1条　乙は次の事項を守る。",
        "2年間の保存期間を置く。",
        "一般に公開しない。",
        "アクセス権限を設定する。",
        "第三者",
        "第2条に規定する場合を除く。",
        NULL,
    };
    built b;
    build(&b, NULL, lines, DOC_TYPE_UNKNOWN);
    for (int i = 1; i <= 5; i++) assert_string_equal(doc_structure_path(&b.s, (size_t)i), "第1条");
    assert_int_equal(b.s.nclauses, 1);
    drop(&b);
}

/* Regression: the second （２） of a list was taken as a sub-item of the
 * first, and 「以下「本業務」という」 as a party. */
static void consecutive_items_and_defined_terms(void **state)
{
    (void)state;
    const char *const lines[] = {
        "甲（以下「甲」という。）は、本件業務（以下「本業務」という。）を委託する。",
        "第3条　乙は、次の事項を届け出る。",
        "（１）再委託先の名称",
        "（２）再委託する業務",
        "（３）管理体制",
        "ア　責任者",
        NULL,
    };
    built b;
    build(&b, NULL, lines, DOC_TYPE_UNKNOWN);
    assert_string_equal(path_of(&b, "（１）"), "第3条第1号");
    assert_string_equal(path_of(&b, "（２）"), "第3条第2号");
    assert_string_equal(path_of(&b, "（３）"), "第3条第3号");
    assert_string_equal(path_of(&b, "ア"), "第3条第3号ア");
    assert_int_equal(b.s.nparties, 1);
    assert_string_equal(b.s.parties[0].name, "甲");
    drop(&b);
}

static void type_given_wins_and_special_provisions(void **state)
{
    (void)state;
    const char *const lines[] = {"個人情報取扱特記事項", "（基本的事項）", "第1条　乙は…", NULL};
    built b;
    build(&b, NULL, lines, DOC_TYPE_UNKNOWN);
    assert_int_equal(b.s.type, DOC_TYPE_SPECIAL);
    drop(&b);
    build(&b, NULL, lines, DOC_TYPE_POLICY);
    assert_int_equal(b.s.type, DOC_TYPE_POLICY);
    assert_string_equal(b.s.type_basis, "given");
    drop(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(contract_articles_paragraphs_items),
        cmocka_unit_test(rendered_numbering_labels),
        cmocka_unit_test(specification_headings),
        cmocka_unit_test(policy_chapters_and_headings),
        cmocka_unit_test(numbered_policy_sections),
        cmocka_unit_test(traps_are_plain_text),
        cmocka_unit_test(consecutive_items_and_defined_terms),
        cmocka_unit_test(type_given_wins_and_special_provisions),
    };
    return cmocka_run_group_tests_name("structure", tests, NULL, NULL);
}

/* Adoption gap: local policies, built here or read from the real-producer
 * fixture, matched against the shipped editions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docbuild.h"
#include "guideline/guideline.h"
#include "ooxml/ooxml.h"

#define DATA "policies/guideline"
#define FIXTURES "tests/fixtures/guideline/"

static guideline_set *G;

static int setup(void **state)
{
    (void)state;
    pl_error err;
    pl_error_clear(&err);
    if (guideline_load(&G, DATA, &err) != PL_OK) {
        fprintf(stderr, "%s:%ld: %s\n", err.part, err.line, err.detail);
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    guideline_free(G);
    return 0;
}

typedef struct run {
    doc_document d;
    doc_structure s;
    guideline_coverage c;
} run;

static void run_on(run *r, const char *const *lines, const char *edition, const char *since)
{
    docbuild(&r->d, "policy.docx", lines);
    doc_structure_build(&r->s, &r->d, DOC_TYPE_POLICY);
    guideline_coverage_options opt = {0};
    opt.since = since ? guideline_find(G, since) : NULL;
    opt.declared = guideline_declared(G, &r->d, &opt.declared_block);
    const guideline_edition *e = guideline_find(G, edition);
    assert_non_null(e);
    guideline_coverage_run(e, &r->d, &r->s, &opt, &r->c);
}

static void run_free(run *r)
{
    guideline_coverage_free(&r->c);
    doc_structure_free(&r->s);
    doc_document_free(&r->d);
}

static const guideline_finding *finding(const run *r, const char *id)
{
    for (size_t i = 0; i < r->c.nfindings; i++)
        if (strcmp(r->c.findings[i].item->id, id) == 0) return &r->c.findings[i];
    return NULL;
}

static const guideline_section_match *section(const run *r, const char *id)
{
    for (size_t i = 0; i < r->c.nsections; i++)
        if (strcmp(r->c.sections[i].section->id, id) == 0) return &r->c.sections[i];
    return NULL;
}

/* A short municipal policy with a 総則 chapter in front. */
static const char *const POLICY[] = {
    "若葉町情報セキュリティ対策基準",
    "　　　第１章　総則",
    "（目的）",
    "第１条　この基準は、町の情報資産を守るために必要な事項を定める。",
    "２　この基準は、総務省の地方公共団体における情報セキュリティポリシーに関するガイドライン（令和２年１２月版）に準拠する。",
    "　　　第２章　組織体制",
    "（最高情報セキュリティ責任者）",
    "第２条　副町長を最高情報セキュリティ責任者とする。",
    "　　　第３章　情報資産の分類と管理",
    "（分類）",
    "第３条　情報資産は、機密性、完全性及び可用性により分類する。",
    "　　　第４章　物理的セキュリティ",
    "（機器の廃棄）",
    "第４条　機器を廃棄する場合は、できる限り記憶装置の情報を消去する。",
    "　　　第５章　人的セキュリティ",
    "（研修）",
    "第５条　最高情報セキュリティ責任者は、毎年度及び必要に応じて研修を実施する。",
    "　　　第６章　技術的セキュリティ",
    "（不正プログラム対策）",
    "第６条　不正プログラム対策ソフトウェアのパターンファイルを常に最新の状態に保つ。",
    "２　開発元のサポートが終了したソフトウェアは、原則として使用しない。",
    "（テレワーク）",
    "第７条　テレワークは、町が貸与する端末により行わなければならない。",
    "　　　第７章　評価・見直し",
    "（監査）",
    "第８条　統括情報セキュリティ責任者は、必要に応じて、情報セキュリティ監査を実施する。",
    "（自己点検）",
    "第９条　情報セキュリティ管理者は、毎年度、自己点検を実施しなければならない。",
    "C:テレワークの規定は要検討",
    NULL,
};

static void chapters_are_matched_through_the_shift(void **state)
{
    (void)state;
    run r;
    run_on(&r, POLICY, "R7.3", NULL);
    /* 総則 shifts the first chapters by one, the missing 強靭性 chapter
     * shifts the next ones back: no shift holds for most, so none is used,
     * and the titles alone decide */
    assert_false(r.c.shift_known);
    const guideline_section_match *m = section(&r, "org");
    assert_string_equal(m->clause_path, "第２章"); /* chapters keep their label */
    assert_string_equal(m->clause_title, "組織体制");
    assert_string_equal(m->basis, "title");
    assert_string_equal(section(&r, "review")->clause_path, "第７章");
    assert_string_equal(section(&r, "review.audit")->clause_path, "第8条");
    assert_string_equal(section(&r, "basic.purpose")->clause_path, "第1条");
    assert_int_equal(section(&r, "resilience")->clause, -1);
    /* 総則 corresponds to no chapter of the 対策基準 */
    assert_int_equal(r.c.nlocal_only, 1);
    assert_string_equal(r.c.local_only_title[0], "総則");
    /* the declared edition is found in 第1条第2項 */
    assert_non_null(r.c.declared);
    assert_string_equal(r.c.declared->id, "R2.12");
    assert_string_equal(r.c.declared_clause, "第1条第2項");
    run_free(&r);
}

static void requirements_are_present_weakened_or_missing(void **state)
{
    (void)state;
    run r;
    run_on(&r, POLICY, "R7.3", NULL);
    const guideline_finding *f = finding(&r, "org.ciso");
    assert_int_equal(f->status, GUIDELINE_PRESENT);
    assert_int_equal(f->where, GUIDELINE_IN_SECTION);
    assert_string_equal(f->clause, "第2条");
    assert_string_equal(f->quote, "第２条　副町長を最高情報セキュリティ責任者とする。");

    f = finding(&r, "review.audit");
    assert_int_equal(f->status, GUIDELINE_WEAKENED);
    assert_string_equal(f->clause, "第8条");
    assert_string_equal(f->weak_text, "必要に応じ");
    assert_non_null(strstr(f->weak_label_en, "as needed"));

    /* the strong wording in the same sentence cancels 必要に応じて */
    assert_int_equal(finding(&r, "human.training")->status, GUIDELINE_PRESENT);
    assert_int_equal(finding(&r, "review.selfcheck")->status, GUIDELINE_PRESENT);

    f = finding(&r, "technical.eol-software");
    assert_int_equal(f->status, GUIDELINE_WEAKENED);
    assert_string_equal(f->clause, "第6条第2項");
    assert_string_equal(f->weak_text, "原則として");

    f = finding(&r, "physical.disposal");
    assert_int_equal(f->status, GUIDELINE_WEAKENED);
    assert_string_equal(f->weak_text, "できる限り");

    /* テレワーク is a clause of its own under the technical chapter: found in
     * the parent section's clauses */
    f = finding(&r, "technical.remote-access");
    assert_int_equal(f->status, GUIDELINE_PRESENT);
    assert_string_equal(f->clause, "第7条");

    assert_int_equal(finding(&r, "outsourcing.contract")->status, GUIDELINE_MISSING);
    assert_int_equal(finding(&r, "assets.confidentiality-3abc")->status, GUIDELINE_MISSING);
    assert_null(finding(&r, "outsourcing.contract")->quote);

    /* options the policy does not take are not gaps */
    assert_int_equal(finding(&r, "resilience.beta-model")->status, GUIDELINE_MISSING);
    size_t required_gaps = 0, conditional = 0;
    for (size_t i = 0; i < r.c.nfindings; i++) {
        const guideline_finding *x = &r.c.findings[i];
        if (x->item->level == GUIDELINE_CONDITIONAL && x->status == GUIDELINE_MISSING) conditional++;
        if (x->item->level == GUIDELINE_REQUIRED &&
            (x->status == GUIDELINE_MISSING || x->status == GUIDELINE_WEAKENED))
            required_gaps++;
    }
    assert_int_equal(r.c.gaps, required_gaps);
    assert_int_equal(r.c.not_mentioned, conditional);
    assert_int_equal(r.c.present + r.c.weakened + r.c.missing + r.c.not_mentioned + r.c.undecided,
                     r.c.nfindings);
    run_free(&r);
}

static void comments_and_other_channels_do_not_count(void **state)
{
    (void)state;
    static const char *const only_comment[] = {
        "（研修）",
        "第１条　研修は別に定める。",
        "C:テレワークの規定は要検討",
        NULL,
    };
    run r;
    run_on(&r, only_comment, "R7.3", NULL);
    assert_int_equal(finding(&r, "technical.remote-access")->status, GUIDELINE_MISSING);
    run_free(&r);
}

static void since_keeps_only_later_changes(void **state)
{
    (void)state;
    run r;
    run_on(&r, POLICY, "R7.3", "R2.12");
    const guideline_edition *r2 = guideline_find(G, "R2.12");
    assert_true(r.c.nfindings > 0);
    for (size_t i = 0; i < r.c.nfindings; i++)
        assert_true(r.c.findings[i].item->edition->index > r2->index);
    assert_non_null(finding(&r, "technical.eol-software"));
    assert_non_null(finding(&r, "outsourcing.systems-requirements"));
    assert_null(finding(&r, "technical.remote-access")); /* R2.12 itself */
    assert_null(finding(&r, "org.ciso"));
    run_free(&r);
}

static void context_decides_outside_the_section(void **state)
{
    (void)state;
    /* the contract list sits under a chapter and an article no guideline
     * section matches (雑則, 契約);
     * its items still count because the clause around them is about
     * outsourcing, but 「監査」 in the list is not the annual audit */
    static const char *const lines[] = {
        "　　　第１章　雑則",
        "（契約）",
        "第１条　業務を外部に委託する場合は、受託者との間で次に掲げる事項を定めた契約を締結しなければならない。",
        "（１）業務上知り得た情報の守秘義務",
        "（２）提供されるサービスレベルの保証",
        "（３）町による監査及び検査",
        NULL,
    };
    run r;
    run_on(&r, lines, "R7.3", NULL);
    const guideline_finding *f = finding(&r, "outsourcing.contract.sla");
    assert_int_equal(f->status, GUIDELINE_PRESENT);
    assert_int_equal(f->where, GUIDELINE_ELSEWHERE);
    assert_string_equal(f->clause, "第1条第2号");
    assert_int_equal(finding(&r, "outsourcing.contract.confidentiality")->status, GUIDELINE_PRESENT);
    assert_int_equal(finding(&r, "outsourcing.contract.audit")->status, GUIDELINE_PRESENT);
    assert_int_equal(finding(&r, "review.audit")->status, GUIDELINE_MISSING);
    assert_int_equal(finding(&r, "outsourcing.contract.publication")->status, GUIDELINE_MISSING);
    run_free(&r);

    /* without any outsourcing context a bare 「サービスレベル」 does not count */
    static const char *const bare[] = {
        "（ネットワークの管理）",
        "第１条　ネットワークのサービスレベルを維持する。",
        NULL,
    };
    run_on(&r, bare, "R7.3", NULL);
    assert_int_equal(finding(&r, "outsourcing.contract.sla")->status, GUIDELINE_MISSING);
    run_free(&r);
}

static void heading_style_policies_without_shift(void **state)
{
    (void)state;
    /* 第１ / １ / （１） headings as the guideline numbers them */
    static const char *const lines[] = {
        "第１　組織体制",
        "１　最高情報セキュリティ責任者",
        "副市長を最高情報セキュリティ責任者（CISO）とする。",
        "第２　情報資産の分類と管理",
        "１　情報資産の分類",
        "情報資産は、機密性、完全性及び可用性により分類する。",
        "第３　情報システム全体の強靭性の向上",
        "１　マイナンバー利用事務系",
        "マイナンバー利用事務系は、他の領域との通信をできないようにする。",
        "第４　物理的セキュリティ",
        "１　サーバ等の管理",
        "サーバは、火災、水害、埃、振動、温度等の影響を受けない場所に設置する。",
        "第８　業務委託と外部サービス（クラウドサービス）の利用",
        "１　業務委託",
        "業務委託する場合は、委託事業者を選定し、次に掲げる事項を明記した契約を締結しなければならない。",
        "（１）提供されるサービスレベルの保証",
        "２　情報システムに関する業務委託",
        "情報システムの開発又は保守を委託する場合は、脆弱性への対応を仕様書に定める。",
        "第９　評価・見直し",
        "１　監査",
        "統括情報セキュリティ責任者は、毎年度及び必要に応じて監査を実施しなければならない。",
        NULL,
    };
    run r;
    run_on(&r, lines, "R7.3", NULL);
    assert_true(r.c.shift_known);
    assert_int_equal(r.c.shift, 0);
    assert_string_equal(section(&r, "outsourcing")->clause_title, "業務委託");
    assert_string_equal(section(&r, "outsourcing.systems")->clause_title, "情報システムに関する業務委託");
    assert_string_equal(section(&r, "review.audit")->clause_title, "監査");
    assert_int_equal(finding(&r, "outsourcing.systems-requirements")->status, GUIDELINE_PRESENT);
    assert_int_equal(finding(&r, "outsourcing.systems-requirements")->where, GUIDELINE_IN_SECTION);
    assert_int_equal(finding(&r, "outsourcing.contract.sla")->status, GUIDELINE_PRESENT);
    assert_int_equal(finding(&r, "review.audit")->status, GUIDELINE_PRESENT);
    assert_int_equal(finding(&r, "resilience.mynumber-separation")->status, GUIDELINE_PRESENT);
    assert_null(r.c.declared);
    run_free(&r);
}

static void empty_documents_lack_everything(void **state)
{
    (void)state;
    static const char *const lines[] = {NULL};
    run r;
    run_on(&r, lines, "H13.3", NULL);
    assert_int_equal(r.c.present, 0);
    assert_int_equal(r.c.missing, r.c.nfindings);
    assert_false(r.c.shift_known);
    for (size_t i = 0; i < r.c.nsections; i++) assert_int_equal(r.c.sections[i].clause, -1);
    run_free(&r);
}

/* ---- the real-producer fixture ------------------------------------------------- */

/* Reads a fixture, runs coverage against R7.3 and compares every finding
 * with the hand-written NAME.expected.tsv. */
static void check_fixture(const char *name, const char *declared, int shift, guideline_coverage *c,
                          doc_document *d, doc_structure *s)
{
    char path[256], expected[256];
    snprintf(path, sizeof path, FIXTURES "%s.docx", name);
    snprintf(expected, sizeof expected, FIXTURES "%s.expected.tsv", name);
    doc_document_init(d);
    ooxml_options o;
    ooxml_options_default(&o);
    pl_error err;
    pl_error_clear(&err);
    doc_sink sink = doc_document_sink(d);
    assert_int_equal(ooxml_read_file(path, &o, &d->info, &sink, &err), PL_OK);
    doc_structure_build(s, d, DOC_TYPE_UNKNOWN);
    guideline_coverage_options opt = {0};
    opt.declared = guideline_declared(G, d, &opt.declared_block);
    assert_non_null(opt.declared);
    assert_string_equal(opt.declared->id, declared);
    guideline_coverage_run(guideline_find(G, "R7.3"), d, s, &opt, c);
    assert_true(c->shift_known);
    assert_int_equal(c->shift, shift);

    FILE *fp = fopen(expected, "r");
    assert_non_null(fp);
    char line[512];
    size_t rows = 0, wrong = 0;
    while (fgets(line, sizeof line, fp)) {
        if (line[0] == '#' || line[0] == '\n') continue;
        line[strcspn(line, "\n")] = '\0';
        char *id = strtok(line, "\t"), *status = strtok(NULL, "\t"), *clause = strtok(NULL, "\t");
        assert_non_null(clause);
        rows++;
        const guideline_finding *f = NULL;
        for (size_t i = 0; i < c->nfindings && !f; i++)
            if (strcmp(c->findings[i].item->id, id) == 0) f = &c->findings[i];
        assert_non_null(f);
        const char *got_clause = f->status == GUIDELINE_MISSING ? "-" : f->clause;
        if (strcmp(guideline_status_name(f->status), status) != 0 || strcmp(got_clause, clause) != 0) {
            fprintf(stderr, "%s %s: expected %s %s, got %s %s\n", name, id, status, clause,
                    guideline_status_name(f->status), got_clause);
            wrong++;
        }
    }
    fclose(fp);
    assert_int_equal(wrong, 0);
    assert_int_equal(rows, c->nfindings);
}

static void fixture_with_a_general_chapter_follows_h30(void **state)
{
    (void)state;
    doc_document d;
    doc_structure s;
    guideline_coverage c;
    check_fixture("pydocx-wakaba-taisaku-h30", "H30.9", 1, &c, &d, &s);

    /* writers: text mentions the weakening, JSON is complete, HTML escapes */
    sbuf out = SBUF_INIT;
    guideline_coverage_write_text(&c, PL_LANG_JA, &out);
    assert_non_null(strstr(sbuf_cstr(&out), "原則として"));
    assert_non_null(strstr(sbuf_cstr(&out), "章番号のずれ +1"));
    sbuf_reset(&out);
    guideline_coverage_write_html(&c, PL_LANG_EN, &out);
    assert_non_null(strstr(sbuf_cstr(&out), "<table>"));
    assert_null(strstr(sbuf_cstr(&out), "<q>「"));
    sbuf_reset(&out);
    jw w;
    jw_init(&w, &out, NULL, false);
    guideline_coverage_write_json(&c, PL_LANG_EN, &w);
    jw_flush(&w);
    assert_non_null(strstr(sbuf_cstr(&out), "\"gaps\":18"));
    sbuf_free(&out);

    guideline_coverage_free(&c);
    doc_structure_free(&s);
    doc_document_free(&d);
}

static void fixture_with_headings_follows_r4(void **state)
{
    (void)state;
    doc_document d;
    doc_structure s;
    guideline_coverage c;
    check_fixture("lo-minato-taisaku-r4", "R4.3", 0, &c, &d, &s);
    /* its 8.2 is the cloud section of the 令和4年 numbering: the title, not the
     * number, takes it to the 令和7年 edition's 8.3 */
    const guideline_section_match *m = NULL;
    for (size_t i = 0; i < c.nsections; i++)
        if (strcmp(c.sections[i].section->id, "cloud.confidential") == 0) m = &c.sections[i];
    assert_non_null(m);
    assert_string_equal(m->clause_path, "第8 2");
    for (size_t i = 0; i < c.nsections; i++)
        if (strcmp(c.sections[i].section->id, "outsourcing.systems") == 0 ||
            strcmp(c.sections[i].section->id, "cloud.general") == 0)
            assert_int_equal(c.sections[i].clause, -1);
    guideline_coverage_free(&c);
    doc_structure_free(&s);
    doc_document_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(chapters_are_matched_through_the_shift),
        cmocka_unit_test(requirements_are_present_weakened_or_missing),
        cmocka_unit_test(comments_and_other_channels_do_not_count),
        cmocka_unit_test(since_keeps_only_later_changes),
        cmocka_unit_test(context_decides_outside_the_section),
        cmocka_unit_test(heading_style_policies_without_shift),
        cmocka_unit_test(empty_documents_lack_everything),
        cmocka_unit_test(fixture_with_a_general_chapter_follows_h30),
        cmocka_unit_test(fixture_with_headings_follows_r4),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

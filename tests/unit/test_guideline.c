/* The guideline data: the shipped editions load, answer queries, prove
 * their own patterns and diff as documented; a data file with a mistake is
 * refused with its file, line and reason. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "guideline/guideline.h"

#define DATA "policies/guideline"

/* ---- the shipped data -------------------------------------------------------- */

static guideline_set *load_real(void)
{
    guideline_set *g = NULL;
    pl_error err;
    pl_error_clear(&err);
    pl_status s = guideline_load(&g, DATA, &err);
    if (s != PL_OK) fprintf(stderr, "%s:%ld: %s\n", err.part, err.line, err.detail);
    assert_int_equal(s, PL_OK);
    assert_non_null(g);
    return g;
}

static void shipped_editions_load_in_date_order(void **state)
{
    (void)state;
    guideline_set *g = load_real();
    static const char *const ids[] = {"H13.3", "H15.3", "H18.9", "H22.11", "H27.3", "H30.9",
                                      "R2.12", "R4.3",  "R5.3",  "R6.10",  "R7.3"};
    assert_int_equal(guideline_count(g), 11);
    for (size_t i = 0; i < 11; i++) {
        const guideline_edition *e = guideline_at(g, i);
        assert_string_equal(e->id, ids[i]);
        assert_int_equal(e->index, i);
        if (i) assert_true(text_ymd_cmp(guideline_at(g, i - 1)->date, e->date) < 0);
    }
    const guideline_edition *h30 = guideline_find(g, "H30.9");
    assert_int_equal(h30->date.year, 2018);
    assert_int_equal(h30->date.month, 9);
    assert_int_equal(h30->date.day, 25);
    assert_int_equal(h30->precision, TEXT_PREC_DAY);
    assert_int_equal(h30->confidence, GUIDELINE_V);
    const guideline_edition *h15 = guideline_find(g, "h15.3");
    assert_int_equal(h15->precision, TEXT_PREC_MONTH);
    assert_int_equal(h15->date.day, 1);
    guideline_free(g);
}

static void editions_are_found_by_any_name(void **state)
{
    (void)state;
    guideline_set *g = load_real();
    assert_string_equal(guideline_find(g, "令和7年3月版")->id, "R7.3");
    assert_string_equal(guideline_find(g, "令和４年３月")->id, "R4.3");
    assert_string_equal(guideline_find(g, "2018-09")->id, "H30.9");
    assert_string_equal(guideline_find(g, "2024-10-02")->id, "R6.10");
    assert_string_equal(guideline_find(g, "平成13年3月版")->id, "H13.3");
    assert_string_equal(guideline_find(g, "latest")->id, "R7.3");
    assert_string_equal(guideline_find(g, "oldest")->id, "H13.3");
    assert_null(guideline_find(g, "R9.9"));
    assert_null(guideline_find(g, "平成28年8月"));
    assert_null(guideline_find(g, "平成"));
    assert_null(guideline_find(g, ""));
    guideline_free(g);
}

static void rules_engine_gets_the_editions_oldest_first(void **state)
{
    (void)state;
    guideline_set *g = load_real();
    size_t n = 0;
    const rules_edition *r = guideline_rules_editions(g, &n);
    assert_int_equal(n, 11);
    assert_string_equal(r[0].id, "H13.3");
    assert_string_equal(r[10].id, "R7.3");
    assert_string_equal(r[10].label_ja, "令和7年3月版");
    assert_string_equal(r[10].label_en, "March 2025 edition");
    assert_int_equal(r[9].date.year, 2024);
    assert_int_equal(r[9].date.month, 10);
    assert_int_equal(r[9].date.day, 2);
    assert_int_equal(r[7].date.day, 1); /* month only: day 1 */
    for (size_t i = 0; i < n; i++) {
        assert_non_null(r[i].summary_ja);
        assert_non_null(r[i].summary_en);
        if (i) assert_true(text_ymd_cmp(r[i - 1].date, r[i].date) < 0);
    }
    guideline_free(g);
}

/* The rule engine's policy.edition check gives its examples' results with
 * the editions as loaded here. */
static void edition_rule_works_on_the_loaded_editions(void **state)
{
    (void)state;
    guideline_set *g = load_real();
    rules_set set;
    rules_set_init(&set);
    pl_error err;
    pl_error_clear(&err);
    assert_int_equal(rules_set_load(&set, "tests/fixtures/packs/engine-test.xml", &err), PL_OK);
    rules_context ctx = {.set = &set, .as_of = {2026, 11, 22}};
    ctx.editions = guideline_rules_editions(g, &ctx.neditions);
    sbuf report = SBUF_INIT;
    size_t total = 0;
    size_t failed = rules_test_examples(&ctx, "t.edition", PL_LANG_EN, &report, &total);
    if (failed) fprintf(stderr, "%s", sbuf_cstr(&report));
    assert_int_equal(failed, 0);
    assert_int_equal(total, 5);
    sbuf_free(&report);
    rules_set_free(&set);
    guideline_free(g);
}

static void every_item_proves_its_patterns(void **state)
{
    (void)state;
    guideline_set *g = load_real();
    sbuf report = SBUF_INIT;
    size_t total = 0;
    size_t failed = guideline_test_examples(g, &report, &total);
    if (failed) fprintf(stderr, "%s", sbuf_cstr(&report));
    assert_int_equal(failed, 0);
    assert_true(total >= 60);
    sbuf_free(&report);
    guideline_free(g);
}

static int chapters(const guideline_edition *e)
{
    int n = 0;
    for (size_t i = 0; i < e->nsections; i++)
        n += e->sections[i].part == GUIDELINE_PART_STANDARD && e->sections[i].depth == 1;
    return n;
}

static void outlines_follow_the_generations(void **state)
{
    (void)state;
    guideline_set *g = load_real();
    /* 平成18年: 対象範囲 first, 外部委託 under 運用 (audit table) */
    const guideline_edition *h18 = guideline_find(g, "H18.9");
    assert_int_equal(chapters(h18), 8);
    assert_string_equal(guideline_section_find(h18, "scope")->number, "1");
    assert_string_equal(guideline_section_find(h18, "outsourcing")->number, "7.4");
    assert_string_equal(guideline_section_find(h18, "outsourcing")->title_ja, "外部委託");
    assert_null(guideline_section_find(h18, "resilience"));
    /* 平成30年: nine chapters, 強靭性 third, no 対象範囲 */
    const guideline_edition *h30 = guideline_find(g, "H30.9");
    assert_int_equal(chapters(h30), 9);
    assert_null(guideline_section_find(h30, "scope"));
    assert_string_equal(guideline_section_find(h30, "resilience")->number, "3");
    assert_string_equal(guideline_section_find(h30, "outsourcing")->number, "8.1");
    /* 令和7年: 8.1 業務委託, 8.2 情報システムに関する業務委託, cloud at 8.3 */
    const guideline_edition *r7 = guideline_find(g, "R7.3");
    assert_int_equal(chapters(r7), 9);
    const guideline_section *s82 = guideline_section_find(r7, "outsourcing.systems");
    assert_string_equal(s82->number, "8.2");
    assert_string_equal(s82->title_ja, "情報システムに関する業務委託");
    assert_int_equal(s82->depth, 2);
    assert_string_equal(r7->sections[s82->parent].id, "external");
    assert_int_equal(s82->confidence, GUIDELINE_V);
    assert_string_equal(guideline_section_find(r7, "outsourcing")->title_ja, "業務委託");
    assert_string_equal(guideline_section_find(r7, "cloud.confidential")->number, "8.3");
    /* the same section was only inferred in the edition it is filed under */
    const guideline_section *r6 = guideline_section_find(guideline_find(g, "R6.10"), "outsourcing.systems");
    assert_int_equal(r6->confidence, GUIDELINE_R);
    /* 基本方針 comes first, in number order */
    assert_int_equal(r7->sections[0].part, GUIDELINE_PART_BASIC);
    assert_string_equal(r7->sections[0].number, "1");
    assert_string_equal(r7->sections[9].number, "10");
    guideline_free(g);
}

static void items_carry_their_history(void **state)
{
    (void)state;
    guideline_set *g = load_real();
    const guideline_edition *r7 = guideline_find(g, "R7.3");
    const guideline_item *ciso = guideline_item_find(r7, "org.ciso");
    assert_string_equal(ciso->since->id, "H13.3");
    assert_string_equal(ciso->edition->id, "H27.3");
    assert_non_null(ciso->previous);
    assert_non_null(strstr(ciso->previous->statement_ja, "最高情報統括責任者"));
    assert_non_null(strstr(ciso->statement_ja, "CISO"));
    const guideline_item *eol = guideline_item_find(r7, "technical.eol-software");
    assert_string_equal(eol->since->id, "R4.3");
    assert_int_equal(eol->confidence, GUIDELINE_S);
    assert_int_equal(eol->dating, GUIDELINE_R);
    assert_string_equal(eol->section, "technical.malware");
    assert_null(guideline_item_find(guideline_find(g, "H30.9"), "technical.eol-software"));
    /* the contract items: 13 of them plus the subcontracting conditions */
    size_t contract = 0;
    for (size_t i = 0; i < r7->nitems; i++)
        contract += strncmp(r7->items[i]->id, "outsourcing.contract.", 21) == 0;
    assert_int_equal(contract, 13);
    assert_non_null(guideline_item_find(r7, "outsourcing.subcontract-conditions"));
    /* every item's section exists, and items come in section order */
    int last = -1;
    for (size_t i = 0; i < r7->nitems; i++) {
        const guideline_section *s = guideline_section_find(r7, r7->items[i]->section);
        assert_non_null(s);
        int pos = (int)(s - r7->sections);
        assert_true(pos >= last);
        last = pos;
    }
    guideline_free(g);
}

static const guideline_section_change *section_change(const guideline_diff *d, const char *id)
{
    for (size_t i = 0; i < d->nsections; i++) {
        const guideline_section_change *c = &d->sections[i];
        if (strcmp((c->to ? c->to : c->from)->id, id) == 0) return c;
    }
    return NULL;
}

static const guideline_item_change *item_change(const guideline_diff *d, const char *id)
{
    for (size_t i = 0; i < d->nitems; i++) {
        const guideline_item_change *c = &d->items[i];
        if (strcmp((c->to ? c->to : c->from)->id, id) == 0) return c;
    }
    return NULL;
}

static void shipped_editions_diff(void **state)
{
    (void)state;
    guideline_set *g = load_real();
    guideline_diff d;
    guideline_diff_build(guideline_find(g, "H22.11"), guideline_find(g, "H30.9"), &d);
    const guideline_section_change *c = section_change(&d, "scope");
    assert_int_equal(c->what, GUIDELINE_REMOVED);
    assert_non_null(c->removal);
    assert_int_equal(c->removal->confidence, GUIDELINE_R);
    assert_int_equal(section_change(&d, "resilience")->what, GUIDELINE_ADDED);
    assert_int_equal(section_change(&d, "org")->what, GUIDELINE_MOVED);
    assert_int_equal(section_change(&d, "assets")->what, GUIDELINE_MOVED | GUIDELINE_RENAMED);
    /* 外部委託 leaves 運用 for the new chapter: moved, not renamed */
    assert_int_equal(section_change(&d, "outsourcing")->what, GUIDELINE_MOVED);
    /* 評価・見直し 8 -> 9 moves its sections with it: they are not listed */
    assert_int_equal(section_change(&d, "review")->what, GUIDELINE_MOVED);
    assert_null(section_change(&d, "review.audit"));
    assert_int_equal(item_change(&d, "org.ciso")->what, GUIDELINE_REWORDED);
    assert_int_equal(item_change(&d, "org.csirt")->what, GUIDELINE_ADDED);
    assert_null(item_change(&d, "physical.siting"));
    guideline_diff_free(&d);

    guideline_diff_build(guideline_find(g, "H30.9"), guideline_find(g, "R7.3"), &d);
    assert_int_equal(section_change(&d, "outsourcing.systems")->what, GUIDELINE_ADDED);
    assert_int_equal(section_change(&d, "outsourcing")->what, GUIDELINE_RENAMED);
    assert_int_equal(section_change(&d, "cloud.general")->what, GUIDELINE_RENAMED | GUIDELINE_MOVED);
    assert_int_equal(section_change(&d, "external")->what, GUIDELINE_RENAMED);
    assert_int_equal(item_change(&d, "technical.eol-software")->what, GUIDELINE_ADDED);
    assert_int_equal(item_change(&d, "assets.confidentiality-3abc")->what, GUIDELINE_ADDED);
    assert_null(item_change(&d, "org.ciso"));
    guideline_diff_free(&d);

    /* the other way round: what the older edition lacks shows as removed */
    guideline_diff_build(guideline_find(g, "R7.3"), guideline_find(g, "H30.9"), &d);
    c = section_change(&d, "outsourcing.systems");
    assert_int_equal(c->what, GUIDELINE_REMOVED);
    assert_null(c->removal);
    assert_int_equal(item_change(&d, "technical.eol-software")->what, GUIDELINE_REMOVED);
    guideline_diff_free(&d);

    /* an edition against itself: nothing */
    guideline_diff_build(guideline_find(g, "R5.3"), guideline_find(g, "R5.3"), &d);
    assert_int_equal(d.nsections, 0);
    assert_int_equal(d.nitems, 0);
    guideline_diff_free(&d);
    guideline_free(g);
}

/* ---- small data sets written by the tests ------------------------------------ */

static const char *COMMON =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<common xmlns=\"urn:polint:guideline:1\">\n"
    "  <source key=\"src\" kind=\"notes\">a source</source>\n"
    "  <source key=\"seed\" kind=\"audit\">another</source>\n"
    "  <weakening id=\"effort\"><label lang=\"ja\">努力</label><label lang=\"en\">effort</label>"
    "<re>努める</re></weakening>\n"
    "</common>\n";

/* An edition file; %s: id, date, outline attributes, outline body, items. */
static char *edition(const char *id, const char *date, const char *outline_attr, const char *outline,
                     const char *items)
{
    static char buf[16384];
    snprintf(buf, sizeof buf,
             "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
             "<edition xmlns=\"urn:polint:guideline:1\" id=\"%s\" date=\"%s\" kind=\"revision\"\n"
             "         confidence=\"S\" source=\"src\">\n"
             "  <label lang=\"ja\">版%s</label><label lang=\"en\">edition %s</label>\n"
             "  <summary lang=\"ja\">要約</summary><summary lang=\"en\">summary</summary>\n"
             "  <outline%s>\n%s  </outline>\n"
             "%s"
             "</edition>\n",
             id, date, id, id, outline_attr, outline, items);
    return buf;
}

static const char *OUTLINE1 =
    "    <section id=\"org\" number=\"1\" confidence=\"S\" source=\"src\"><title lang=\"ja\">組織体制</title>"
    "<title lang=\"en\">Organisation</title></section>\n"
    "    <section id=\"ops\" number=\"2\" confidence=\"R\" source=\"src\"><title lang=\"ja\">運用</title>"
    "<title lang=\"en\">Operations</title></section>\n"
    "    <section id=\"ops.out\" number=\"2.1\" confidence=\"R\" source=\"src\"><title lang=\"ja\">外部委託</title>"
    "<title lang=\"en\">Outsourcing</title></section>\n";

static const char *ITEM1 =
    "  <item id=\"org.ciso\" section=\"org\" level=\"required\" confidence=\"S\" source=\"src:L1\">\n"
    "    <statement lang=\"ja\">責任者を置く。</statement><statement lang=\"en\">Have an officer.</statement>\n"
    "    <match><re>責任者</re></match>\n"
    "    <weak ref=\"effort\"/>\n"
    "    <example expect=\"present\">最高責任者を置く。</example>\n"
    "    <example expect=\"weakened\">責任者を置くよう努める。</example>\n"
    "  </item>\n"
    "  <item id=\"out.contract\" section=\"ops.out\" level=\"recommended\" confidence=\"R\" source=\"seed\">\n"
    "    <statement lang=\"ja\">契約を結ぶ。</statement><statement lang=\"en\">Sign a contract.</statement>\n"
    "    <match><re>契約</re></match>\n"
    "    <example expect=\"present\">契約を締結する。</example>\n"
    "  </item>\n"
    "  <item id=\"gone\" section=\"org\" level=\"required\" confidence=\"R\" source=\"src\">\n"
    "    <statement lang=\"ja\">旧い要件。</statement><statement lang=\"en\">Old.</statement>\n"
    "    <match><re>旧</re></match>\n"
    "    <example expect=\"present\">旧</example>\n"
    "  </item>\n";

/* the second edition moves 外部委託 to a chapter of its own, renames 組織体制,
 * revises both items and withdraws one */
static const char *OUTLINE2 =
    "    <section id=\"org\" confidence=\"V\" source=\"seed\"><title lang=\"ja\">組織体制の確立</title></section>\n"
    "    <section id=\"ext\" number=\"3\" confidence=\"R\" source=\"src\"><title lang=\"ja\">外部サービス</title>"
    "<title lang=\"en\">External</title></section>\n"
    "    <section id=\"ops.out\" number=\"3.1\" confidence=\"R\" source=\"src\"><alias>委託</alias></section>\n";

static const char *ITEM2 =
    "  <revise item=\"org.ciso\" confidence=\"V\" source=\"seed\">\n"
    "    <statement lang=\"ja\">CISOを置く。</statement><statement lang=\"en\">Have a CISO.</statement>\n"
    "  </revise>\n"
    "  <revise item=\"out.contract\" level=\"required\" confidence=\"R\" source=\"src\"/>\n"
    "  <withdraw item=\"gone\" confidence=\"S\" source=\"seed:L9\"/>\n";

typedef struct files {
    char dir[64];
} files;

static void write_file(const files *f, const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", f->dir, name);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
}

static void make_dir(files *f)
{
    snprintf(f->dir, sizeof f->dir, "/tmp/polint-gl-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
}

static void remove_dir(files *f)
{
    DIR *d = opendir(f->dir);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char path[512];
        snprintf(path, sizeof path, "%s/%s", f->dir, e->d_name);
        unlink(path);
    }
    if (d) closedir(d);
    rmdir(f->dir);
}

static pl_status load_dir(files *f, guideline_set **g, pl_error *err)
{
    pl_error_clear(err);
    return guideline_load(g, f->dir, err);
}

static void two_editions(files *f)
{
    make_dir(f);
    write_file(f, "common.xml", COMMON);
    write_file(f, "A1.1.xml", edition("A1.1", "2001-01", "", OUTLINE1, ITEM1));
    write_file(f, "A2.4.xml", edition("A2.4", "2002-04-10", " from=\"A1.1\"", OUTLINE2, ITEM2));
}

static void outline_from_overrides_adds_and_revises(void **state)
{
    (void)state;
    files f;
    two_editions(&f);
    guideline_set *g = NULL;
    pl_error err;
    assert_int_equal(load_dir(&f, &g, &err), PL_OK);
    const guideline_edition *a = guideline_find(g, "A1.1"), *b = guideline_find(g, "A2.4");
    assert_int_equal(b->nsections, 4);
    const guideline_section *org = guideline_section_find(b, "org");
    assert_string_equal(org->title_ja, "組織体制の確立");
    assert_string_equal(org->title_en, "Organisation"); /* not given: inherited */
    assert_int_equal(org->confidence, GUIDELINE_V);
    const guideline_section *out = guideline_section_find(b, "ops.out");
    assert_string_equal(out->number, "3.1");
    assert_string_equal(b->sections[out->parent].id, "ext");
    assert_int_equal(out->naliases, 1);
    assert_int_equal(b->nitems, 2);
    const guideline_item *ciso = guideline_item_find(b, "org.ciso");
    assert_string_equal(ciso->statement_ja, "CISOを置く。");
    assert_ptr_equal(ciso->since, a);
    assert_ptr_equal(ciso->edition, b);
    assert_ptr_equal(ciso->previous, guideline_item_find(a, "org.ciso"));
    assert_int_equal(b->nwithdrawals, 1);

    guideline_diff d;
    guideline_diff_build(a, b, &d);
    assert_int_equal(section_change(&d, "org")->what, GUIDELINE_RENAMED);
    assert_int_equal(section_change(&d, "ext")->what, GUIDELINE_ADDED);
    assert_int_equal(section_change(&d, "ops.out")->what, GUIDELINE_MOVED);
    assert_null(section_change(&d, "ops"));
    assert_int_equal(item_change(&d, "org.ciso")->what, GUIDELINE_REWORDED);
    assert_int_equal(item_change(&d, "out.contract")->what, GUIDELINE_RELEVELED);
    const guideline_item_change *gone = item_change(&d, "gone");
    assert_int_equal(gone->what, GUIDELINE_REMOVED);
    assert_non_null(gone->withdrawal);
    assert_int_equal(gone->withdrawal->confidence, GUIDELINE_S);
    assert_string_equal(gone->withdrawal->source, "seed:L9");
    guideline_diff_free(&d);

    size_t total;
    sbuf r = SBUF_INIT;
    assert_int_equal(guideline_test_examples(g, &r, &total), 0);
    assert_int_equal(total, 7); /* four in A1.1, the revised versions repeat theirs */
    sbuf_free(&r);
    guideline_free(g);
    remove_dir(&f);
}

/* Loads f and expects a failure naming file (basename) and line, with
 * fragment in the reason. */
static void expect_error(files *f, const char *file, long line, const char *fragment)
{
    guideline_set *g = NULL;
    pl_error err;
    assert_int_equal(load_dir(f, &g, &err), PL_E_PACK);
    assert_null(g);
    if (!strstr(err.detail, fragment) || (file && !strstr(err.part, file)) || (line && err.line != line))
        fail_msg("got %s:%ld: %s", err.part, err.line, err.detail);
    remove_dir(f);
}

static void schema_errors_name_the_line(void **state)
{
    (void)state;
    files f;
    two_editions(&f);
    /* an item without its English statement */
    write_file(&f, "A1.1.xml",
               edition("A1.1", "2001-01", "", OUTLINE1,
                       "  <item id=\"x\" section=\"org\" level=\"required\" confidence=\"S\" source=\"src\">\n"
                       "    <statement lang=\"ja\">文</statement>\n"
                       "    <match><re>a</re></match>\n"
                       "    <example expect=\"present\">a</example>\n"
                       "  </item>\n"));
    guideline_set *g = NULL;
    pl_error err;
    assert_int_equal(load_dir(&f, &g, &err), PL_E_PACK);
    assert_non_null(strstr(err.part, "A1.1.xml"));
    assert_true(err.line >= 11 && err.line <= 13);
    remove_dir(&f);

    /* a confidence that is not V, S or R */
    two_editions(&f);
    write_file(&f, "A1.1.xml", edition("A1.1", "2001-01", "",
                                       "    <section id=\"org\" number=\"1\" confidence=\"X\" source=\"src\">"
                                       "<title lang=\"ja\">組織</title><title lang=\"en\">Org</title></section>\n",
                                       ""));
    assert_int_equal(load_dir(&f, &g, &err), PL_E_PACK);
    assert_int_equal(err.line, 7);
    remove_dir(&f);
}

static void references_are_checked_with_the_line(void **state)
{
    (void)state;
    files f;
    /* a source key common.xml does not define */
    two_editions(&f);
    write_file(&f, "A1.1.xml",
               edition("A1.1", "2001-01", "",
                       "    <section id=\"org\" number=\"1\" confidence=\"S\" source=\"nosuch:L3\"><title "
                       "lang=\"ja\">組織</title><title lang=\"en\">Org</title></section>\n",
                       ""));
    expect_error(&f, "A1.1.xml", 7, "unknown source \"nosuch\"");

    /* an unknown named weakening */
    two_editions(&f);
    write_file(&f, "A1.1.xml",
               edition("A1.1", "2001-01", "", OUTLINE1,
                       "  <item id=\"x\" section=\"org\" level=\"required\" confidence=\"S\" source=\"src\">\n"
                       "    <statement lang=\"ja\">文</statement><statement lang=\"en\">s</statement>\n"
                       "    <match><re>a</re></match>\n"
                       "    <weak ref=\"nosuch\"/>\n"
                       "    <example expect=\"present\">a</example>\n"
                       "  </item>\n"));
    expect_error(&f, "A1.1.xml", 14, "unknown weakening");

    /* outline from an edition that does not exist (or is later) */
    two_editions(&f);
    write_file(&f, "A1.1.xml", edition("A1.1", "2001-01", " from=\"A2.4\"", OUTLINE1, ""));
    expect_error(&f, "A1.1.xml", 6, "no earlier edition");

    /* revising an item nobody defined */
    two_editions(&f);
    write_file(&f, "A2.4.xml",
               edition("A2.4", "2002-04-10", " from=\"A1.1\"", "",
                       "  <revise item=\"nosuch\" confidence=\"R\" source=\"src\"/>\n"));
    expect_error(&f, "A2.4.xml", 8, "no item nosuch");

    /* defining an id twice */
    two_editions(&f);
    write_file(&f, "A2.4.xml",
               edition("A2.4", "2002-04-10", " from=\"A1.1\"", "",
                       "  <item id=\"gone\" section=\"org\" level=\"required\" confidence=\"R\" source=\"src\">\n"
                       "    <statement lang=\"ja\">再</statement><statement lang=\"en\">again</statement>\n"
                       "    <match><re>a</re></match>\n"
                       "    <example expect=\"present\">a</example>\n"
                       "  </item>\n"));
    expect_error(&f, "A2.4.xml", 8, "already defined");
}

static void outline_mistakes_are_refused(void **state)
{
    (void)state;
    files f;
    /* 3.1 without a 3 */
    two_editions(&f);
    write_file(&f, "A2.4.xml",
               edition("A2.4", "2002-04-10", " from=\"A1.1\"",
                       "    <section id=\"ops.out\" number=\"3.1\" confidence=\"R\" source=\"src\"/>\n", ""));
    expect_error(&f, "A2.4.xml", 7, "no section 3 above it");

    /* two sections with one number */
    two_editions(&f);
    write_file(&f, "A2.4.xml",
               edition("A2.4", "2002-04-10", " from=\"A1.1\"",
                       "    <section id=\"ops\" number=\"1\" confidence=\"R\" source=\"src\"/>\n", ""));
    expect_error(&f, "A2.4.xml", 0, "both have the number 1");

    /* a section removed while an item still lives in it: the item's line */
    two_editions(&f);
    write_file(&f, "A2.4.xml",
               edition("A2.4", "2002-04-10", " from=\"A1.1\"",
                       "    <remove section=\"ops.out\" confidence=\"R\" source=\"src\"/>\n", ""));
    expect_error(&f, "A1.1.xml", 18, "section ops.out is not in the outline of edition A2.4");

    /* a new section without titles */
    two_editions(&f);
    write_file(&f, "A2.4.xml",
               edition("A2.4", "2002-04-10", " from=\"A1.1\"",
                       "    <section id=\"new\" number=\"4\" confidence=\"R\" source=\"src\"/>\n", ""));
    expect_error(&f, "A2.4.xml", 7, "needs a number and a Japanese and an English title");
}

static void file_level_mistakes_are_refused(void **state)
{
    (void)state;
    files f;
    /* a pattern that does not compile */
    two_editions(&f);
    write_file(&f, "A1.1.xml",
               edition("A1.1", "2001-01", "", OUTLINE1,
                       "  <item id=\"x\" section=\"org\" level=\"required\" confidence=\"S\" source=\"src\">\n"
                       "    <statement lang=\"ja\">文</statement><statement lang=\"en\">s</statement>\n"
                       "    <match><re>(責任者</re></match>\n"
                       "    <example expect=\"present\">a</example>\n"
                       "  </item>\n"));
    expect_error(&f, "A1.1.xml", 13, "pattern /(責任者/");

    /* \b is refused with advice */
    two_editions(&f);
    write_file(&f, "A1.1.xml",
               edition("A1.1", "2001-01", "", OUTLINE1,
                       "  <item id=\"x\" section=\"org\" level=\"required\" confidence=\"S\" source=\"src\">\n"
                       "    <statement lang=\"ja\">文</statement><statement lang=\"en\">s</statement>\n"
                       "    <match><re>\\bSLA\\b</re></match>\n"
                       "    <example expect=\"present\">SLA</example>\n"
                       "  </item>\n"));
    expect_error(&f, "A1.1.xml", 13, "look-arounds");

    /* a file not named after its edition */
    two_editions(&f);
    write_file(&f, "A9.9.xml", edition("A3.1", "2003-01", " from=\"A2.4\"", "", ""));
    expect_error(&f, "A9.9.xml", 3, "must be called A3.1.xml");

    /* two editions on one date */
    two_editions(&f);
    write_file(&f, "A3.1.xml", edition("A3.1", "2002-04-10", " from=\"A1.1\"", "", ""));
    expect_error(&f, NULL, 3, "the same date");

    /* an impossible date */
    two_editions(&f);
    write_file(&f, "A3.1.xml", edition("A3.1", "2003-02-30", " from=\"A1.1\"", "", ""));
    expect_error(&f, "A3.1.xml", 3, "is not a date");

    /* no common.xml */
    two_editions(&f);
    char path[128];
    snprintf(path, sizeof path, "%s/common.xml", f.dir);
    unlink(path);
    expect_error(&f, NULL, 0, "no common.xml");

    /* a DOCTYPE */
    two_editions(&f);
    write_file(&f, "common.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE common [<!ENTITY e \"x\">]>\n"
                                 "<common xmlns=\"urn:polint:guideline:1\"/>\n");
    guideline_set *g = NULL;
    pl_error err;
    assert_int_equal(load_dir(&f, &g, &err), PL_E_PACK);
    remove_dir(&f);

    /* not well-formed */
    two_editions(&f);
    write_file(&f, "A2.4.xml", "<?xml version=\"1.0\"?>\n<edition xmlns=\"urn:polint:guideline:1\">\n<oops>\n");
    assert_int_equal(load_dir(&f, &g, &err), PL_E_PACK);
    assert_non_null(strstr(err.part, "A2.4.xml"));
    assert_true(err.line >= 3);
    remove_dir(&f);

    /* no such folder */
    assert_int_equal(guideline_load(&g, "/nonexistent/guideline", &err), PL_E_PACK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(shipped_editions_load_in_date_order),
        cmocka_unit_test(editions_are_found_by_any_name),
        cmocka_unit_test(rules_engine_gets_the_editions_oldest_first),
        cmocka_unit_test(edition_rule_works_on_the_loaded_editions),
        cmocka_unit_test(every_item_proves_its_patterns),
        cmocka_unit_test(outlines_follow_the_generations),
        cmocka_unit_test(items_carry_their_history),
        cmocka_unit_test(shipped_editions_diff),
        cmocka_unit_test(outline_from_overrides_adds_and_revises),
        cmocka_unit_test(schema_errors_name_the_line),
        cmocka_unit_test(references_are_checked_with_the_line),
        cmocka_unit_test(outline_mistakes_are_refused),
        cmocka_unit_test(file_level_mistakes_are_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

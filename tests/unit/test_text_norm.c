/* text_normalize: what is folded, what is kept, and the map back to the source. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/internal.h"
#include "text/text.h"
#include "util/utf8.h"

static text_norm nm;

static int setup(void **state)
{
    (void)state;
    text_norm_init(&nm);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    text_norm_free(&nm);
    return 0;
}

static const char *normf(const char *s, unsigned flags)
{
    assert_int_equal(text_normalize(&nm, s, strlen(s), flags, NULL), PL_OK);
    return nm.text;
}

static const char *norm(const char *s)
{
    return normf(s, TEXT_NORM_DEFAULT);
}

#define NORM(in, out) assert_string_equal(norm(in), out)

/* The source text behind the first occurrence of `needle` in the output. */
static char *source_of(const char *src, const char *needle)
{
    const char *hit = strstr(nm.text, needle);
    assert_non_null(hit);
    size_t s = (size_t)(hit - nm.text);
    text_span sp = text_norm_to_source(&nm, s, s + strlen(needle));
    static char buf[256];
    snprintf(buf, sizeof buf, "%.*s", (int)(sp.end - sp.start), src + sp.start);
    return buf;
}

static void width_folding(void **state)
{
    (void)state;
    NORM("ＡＢＣ１２３", "ABC123");
    NORM("（再委託）", "(再委託)");
    NORM("ｶﾀｶﾅ", "カタカナ");
    NORM("ｶﾞｯｺｳ ﾊﾟｿｺﾝ ｳﾞｧ", "ガッコウパソコンヴァ");
    NORM("ｻｰﾊﾞｰ", "サーバ"); /* width, then the variant サーバー */
    NORM("｢ｶﾅ｣､｡･", "「カナ」、。・");
    NORM("か\xE3\x82\x99き\xE3\x82\x9Aは\xE3\x82\x9A", "がき\xE3\x82\x9Aぱ"); /* combining marks */
    NORM("か゛は゜", "がぱ");
    NORM("ゞ゛", "ゞ゛"); /* nothing to join */
    NORM("ｶ ﾞ", "カ゛");  /* a space between: no join, the mark in full width */
    NORM("￥１，０００", "¥1,000");
}

static void nfkc_classes(void **state)
{
    (void)state;
    NORM("㍻31年", "平成31年");
    NORM("㋿元年", "令和元年");
    NORM("㍼㍽㍾", "昭和大正明治");
    NORM("㈱ＡＢＣ", "(株)ABC");
    NORM("㌔㍍", "キロメートル");
    NORM("⼀⼆", "一二"); /* Kangxi radicals from PDF text */
    NORM("ﬁle", "file");
    NORM("№1 ℡", "No1 TEL");
    NORM("\xEF\xA8\x91", "崎"); /* 﨑 U+FA11: NFKC keeps it, the kanji table does not */
}

static void item_labels_keep_identity(void **state)
{
    (void)state;
    NORM("①②⑩", "①②⑩");
    NORM("⑴⒈", "⑴⒈");
    NORM("㈠㊀", "㈠㊀");
    NORM("第Ⅱ章", "第Ⅱ章");
    NORM("§3 ¶", "§3 ¶");
    NORM("½ ¹", "½ ¹");
    NORM("三者 第三者 一般", "三者第三者一般"); /* kanji numerals stay kanji */
}

static void whitespace_and_line_breaks(void **state)
{
    (void)state;
    NORM("平成\n\n３１年", "平成31年");
    NORM("令和 6 年 10 月", "令和6年10月");
    NORM("令和３年２月 ９日", "令和3年2月9日");
    NORM("個人情報　の　保護", "個人情報の保護");
    NORM("Windows\nServer  2019", "Windows Server 2019");
    NORM("ISO/IEC 27001 に基づく", "ISO/IEC 27001に基づく");
    NORM("  前後の空白  ", "前後の空白");
    NORM("a\r\n\t b", "a b");
    assert_string_equal(normf("一行目\n\n二行目 三", TEXT_NORM_DEFAULT | TEXT_NORM_KEEP_NEWLINES),
                        "一行目\n二行目三");
    assert_string_equal(normf("全角　空白", TEXT_NORM_DEFAULT & ~TEXT_NORM_SPACE), "全角　空白");
}

static void iteration_marks(void **state)
{
    (void)state;
    NORM("いすゞ", "いすず");
    NORM("こゝろ", "こころ");
    NORM("たゞし", "ただし");
    NORM("バナヽ", "バナナ");
    NORM("ミスヾ", "ミスズ");
    NORM("各々 人々 佐々木", "各々人々佐々木"); /* 々 is kept */
    NORM("各〻", "各々");
    NORM("漢ゝ", "漢ゝ"); /* nothing to repeat */
    assert_string_equal(normf("いすゞ", TEXT_NORM_DEFAULT & ~TEXT_NORM_ITERATION), "いすゞ");
}

static void old_kanji_forms(void **state)
{
    (void)state;
    NORM("條例", "条例");
    NORM("國號證體舊區縣會經從處關廢實應當對擔擧畫圖團樣",
         "国号証体旧区県会経従処関廃実応当対担挙画図団様");
    NORM("廢棄", "廃棄"); /* 棄 is current */
    NORM("龍", "竜");
    NORM("閱覽", "閲覧");
    NORM("稅", "税");
    NORM("髙橋", "高橋");
    NORM("\xF0\xA0\xAE\xB7野家", "吉野家"); /* 𠮷 outside the BMP */
    assert_string_equal(normf("條例", TEXT_NORM_DEFAULT & ~TEXT_NORM_KANJI), "條例");
}

static void kanji_table_is_sound(void **state)
{
    (void)state;
    size_t n = tx_kanji_table_size();
    assert_true(n > 300);
    uint32_t prev = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t o, w;
        tx_kanji_table_pair(i, &o, &w);
        assert_true(o > prev); /* sorted, no duplicates */
        prev = o;
        assert_int_not_equal(o, w);
        assert_int_equal(tx_kanji_new_form(w), 0); /* no chains */
        assert_int_equal(tx_kanji_new_form(o), w);
    }
}

static void dashes_and_tildes(void **state)
{
    (void)state;
    NORM("サ－バ", "サーバ");
    NORM("コンピュ−タ", "コンピュータ");
    NORM("データベース", "データベース");
    NORM("メール", "メール");
    NORM("ｺﾝﾋﾟｭｰﾀ", "コンピュータ");
    NORM("電話０３－１２３４－５６７８", "電話03-1234-5678");
    NORM("1ー2", "1-2");
    NORM("すごーい", "すごーい");
    NORM("甲—乙", "甲―乙");
    NORM("4月1日～3月31日", "4月1日〜3月31日");
    NORM("4月1日〰3月31日", "4月1日〜3月31日");
    NORM("4月1日~3月31日", "4月1日〜3月31日");
    NORM("https://example.jp/~user", "https://example.jp/~user");
}

static void commas(void **state)
{
    (void)state;
    NORM("１，０００円", "1,000円");
    NORM("甲，乙及び丙", "甲、乙及び丙");
    NORM("甲,乙", "甲、乙");
    NORM("Word, Excel", "Word, Excel");
    NORM("1,234,567", "1,234,567");
}

static void variant_spellings(void **state)
{
    (void)state;
    const char *toriatsukai[] = {"取り扱い", "取扱い", "取扱"};
    for (int i = 0; i < 3; i++)
        NORM(toriatsukai[i], "取扱");
    NORM("取り扱う", "取扱う");
    NORM("個人情報取扱特記事項", "個人情報取扱特記事項");
    NORM("引き渡し 引渡し", "引渡引渡");
    NORM("申し込み 申込み 申込", "申込申込申込");
    NORM("手続き 手続", "手続手続");
    NORM("問い合わせ 問合せ 問い合せ 問合わせ", "問合問合問合問合");
    NORM("打ち合わせ 打合せ", "打合打合");
    NORM("取り消し 取消し", "取消取消");
    NORM("貼り付け 貼付け", "貼付貼付");
    NORM("持ち出し 持出し", "持出持出");
    NORM("見積もり 見積り", "見積見積");
    NORM("差し押さえ 差押え", "差押差押");
    NORM("漏洩 漏えい", "漏えい漏えい");
    NORM("ウィルス ウイルス", "ウイルスウイルス");
    NORM("サーバー サーバ", "サーバサーバ");
    NORM("データー データ", "データデータ");
    NORM("ユーザー ユーザ", "ユーザユーザ");
    NORM("コンピューター コンピュータ", "コンピュータコンピュータ");
    NORM("セキュリティー", "セキュリティ");
    NORM("インターフェース インターフェイス", "インタフェースインタフェース");
    NORM("ソフトウエア", "ソフトウェア");
    NORM("予め あらかじめ", "あらかじめあらかじめ");
    NORM("甲および乙", "甲及び乙");
    NORM("マネジャー", "マネージャ");
    assert_string_equal(normf("取り扱い", TEXT_NORM_DEFAULT & ~TEXT_NORM_VARIANTS), "取り扱い");
}

static void variants_do_not_create_words(void **state)
{
    (void)state;
    NORM("組み合わせ 組合せ", "組合せ組合せ");
    NORM("労働組合", "労働組合");
    NORM("銀行ないし信用金庫", "銀行ないし信用金庫");
    NORM("一致して", "一致して");
    NORM("霞ヶ関 龍ケ崎市", "霞ヶ関竜ケ崎市");
    NORM("3ヶ月 ３カ月 三箇月 60ケ月 数ヵ月", "3か月3か月三か月60か月数か月");
    NORM("5カ所 5か所 5ヶ所", "5箇所5箇所5箇所");
    NORM("社会福祉協議会", "社会福祉協議会");
    NORM("市\n議会", "市議会");
    NORM("A社 会議", "A社会議"); /* documented cost of dropping spaces */
}

static void variant_entries_are_normalised(void **state)
{
    (void)state;
    text_norm other;
    text_norm_init(&other);
    for (size_t i = 0; i < tx_variant_count(); i++) {
        const tx_variant *v = tx_variant_at(i);
        /* written in normalised form, ending in a non-ASCII character */
        assert_int_equal(text_normalize(&other, v->from, v->from_len,
                                        TEXT_NORM_DEFAULT & ~TEXT_NORM_VARIANTS, NULL),
                         PL_OK);
        assert_string_equal(other.text, v->from);
        assert_true(v->last >= 0x80);
        /* the canonical form is stable */
        assert_int_equal(text_normalize(&other, v->to, v->to_len, TEXT_NORM_DEFAULT, NULL), PL_OK);
        assert_string_equal(other.text, v->to);
    }
    text_norm_free(&other);
}

static void controls_and_invalid_bytes(void **state)
{
    (void)state;
    NORM("個人\xE2\x80\x8B情報", "個人情報");     /* ZWSP */
    NORM("\xEF\xBB\xBF契約", "契約");             /* BOM */
    NORM("葛\xF3\xA0\x84\x80城", "葛城");         /* IVS */
    NORM("a\xE2\x80\xAEz", "az");                 /* RLO */
    NORM("x\xFFy", "x\xEF\xBF\xBDy");             /* invalid → U+FFFD */
    NORM("\xE6\x9D", "\xEF\xBF\xBD\xEF\xBF\xBD"); /* truncated */
    const char *s = "葛\xF3\xA0\x84\x80城";
    norm(s);
    assert_string_equal(source_of(s, "葛"), "葛\xF3\xA0\x84\x80"); /* the selector stays quoted */
}

static void offset_map(void **state)
{
    (void)state;
    const char *s = "平成\n\n３１年４月";
    norm(s);
    assert_string_equal(nm.text, "平成31年4月");
    assert_string_equal(source_of(s, "31"), "３１");
    assert_string_equal(source_of(s, "平成31"), "平成\n\n３１");
    assert_string_equal(source_of(s, "成"), "成");
    s = "ｶﾞｲﾄﾞ";
    norm(s);
    assert_string_equal(source_of(s, "ガ"), "ｶﾞ");
    s = "個人情報の取り扱いについて";
    norm(s);
    assert_string_equal(nm.text, "個人情報の取扱について");
    assert_string_equal(source_of(s, "取扱"), "取り扱い");
    assert_string_equal(source_of(s, "扱"), "取り扱い"); /* never inside a merged word */
    assert_string_equal(source_of(s, "について"), "について");
    s = "漏洩した";
    norm(s);
    assert_string_equal(source_of(s, "え"), "漏洩");
    /* spans into the middle of an output character round outwards */
    s = "條例";
    norm(s);
    text_span sp = text_norm_to_source(&nm, 1, 2);
    assert_int_equal(sp.start, 0);
    assert_int_equal(sp.end, 3);
    /* empty and clamped spans */
    sp = text_norm_to_source(&nm, 3, 3);
    assert_int_equal(sp.start, 3);
    assert_int_equal(sp.end, 3);
    sp = text_norm_to_source(&nm, 0, 999);
    assert_int_equal(sp.end, strlen(s));
    /* source → normalised */
    s = "甲は、　乙に";
    norm(s);
    assert_string_equal(nm.text, "甲は、乙に");
    assert_int_equal(text_source_to_norm(&nm, 0), 0);
    assert_int_equal(text_source_to_norm(&nm, strlen("甲は、")), strlen("甲は、")); /* the space */
    assert_int_equal(text_source_to_norm(&nm, strlen("甲は、　")), strlen("甲は、"));
    assert_int_equal(text_source_to_norm(&nm, strlen(s)), nm.len);
}

/* Every output byte maps to a non-empty source span on character
 * boundaries; both arrays never decrease; the output is valid UTF-8. */
static void check_map_invariants(const char *s, size_t n)
{
    assert_int_equal(text_normalize(&nm, s, n, TEXT_NORM_DEFAULT, NULL), PL_OK);
    assert_int_equal(utf8_valid_prefix(nm.text, nm.len), nm.len);
    assert_int_equal(strlen(nm.text), nm.len);
    for (size_t i = 0; i < nm.len; i++) {
        assert_true(nm.src_start[i] < nm.src_end[i]);
        assert_true(nm.src_end[i] <= n);
        if (i) {
            assert_true(nm.src_start[i - 1] <= nm.src_start[i]);
            assert_true(nm.src_end[i - 1] <= nm.src_end[i]);
        }
        /* source boundaries never fall inside a valid source character */
        assert_true(nm.src_start[i] == 0 || ((unsigned char)s[nm.src_start[i]] & 0xC0) != 0x80 ||
                    utf8_valid_prefix(s, n) != n);
    }
    assert_int_equal(nm.src_start[nm.len], n);
}

static void map_invariants_hold(void **state)
{
    (void)state;
    static const char *samples[] = {
        ("第１条　甲は、乙に対し、令和７年４月１日から令和１２年３月３１日までの間、"
         "個人情報の取り扱いを委託する。"),
        "ｻｰﾊﾞｰの管理及び保守\n（ウィルス対策を含む。）",
        "㍻31年\xE2\x80\x8B〜㋿元年、①②、いすゞ",
        "各〻、漏洩、3ヶ月、Windows  Server",
        "\xFF\xFE\xE6\x9D",
        "",
        "   ",
        "か\xE3\x82\x99\xE3\x82\x99ｶﾞﾞ",
    };
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++)
        check_map_invariants(samples[i], strlen(samples[i]));
    /* pseudo-random bytes drawn from pieces that exercise every rule */
    static const char *pieces[] = {"ｶ",        "ﾞ",
                                   "ﾟ",        "ー",
                                   "－",       " ",
                                   "\n",       "　",
                                   "取り",     "扱い",
                                   "サーバ",   "ー",
                                   "~",        ",",
                                   "，",       "1",
                                   "２",       "ゝ",
                                   "條",       "\xE2\x80\x8B",
                                   "\xFF",     "\xE3\x82\x99",
                                   "㍻",       "a",
                                   "ヶ月",     "漏洩",
                                   "ウィルス", "〻",
                                   "①",        "\xF3\xA0\x84\x80"};
    unsigned seed = 12345;
    char buf[512];
    for (int round = 0; round < 2000; round++) {
        size_t len = 0;
        int count = (int)(seed % 40);
        for (int p = 0; p < count; p++) {
            seed = seed * 1103515245u + 12345u;
            const char *piece = pieces[(seed >> 16) % (sizeof pieces / sizeof pieces[0])];
            size_t k = strlen(piece);
            if (len + k >= sizeof buf) break;
            memcpy(buf + len, piece, k);
            len += k;
        }
        seed = seed * 1103515245u + 12345u;
        check_map_invariants(buf, len);
    }
}

static void normalising_twice_changes_nothing(void **state)
{
    (void)state;
    static const char *samples[] = {
        "第１条　甲は、乙に対し、令和７年４月１日から個人情報の取り扱いを委託する。",
        "ｻｰﾊﾞｰの管理及び保守（ウィルス対策を含む。）Windows  Server ２０１９",
        "㍻31年〜㋿元年、①②、いすゞ、各〻、漏洩",
        "3ヶ月、問い合わせ、組み合わせ",
        "甲，乙 1，000 a, b ~user 4月~5月 サ－バ 1ー2",
    };
    text_norm twice;
    text_norm_init(&twice);
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        norm(samples[i]);
        assert_int_equal(text_normalize(&twice, nm.text, nm.len, TEXT_NORM_DEFAULT, NULL), PL_OK);
        assert_string_equal(twice.text, nm.text);
    }
    text_norm_free(&twice);
}

static void reuse_and_limits(void **state)
{
    (void)state;
    /* a long text first, then a short one: no stale bytes */
    char *big = malloc(300000);
    for (size_t i = 0; i < 100000; i++)
        memcpy(big + 3 * i, "ｶ", 3);
    assert_int_equal(text_normalize(&nm, big, 300000, TEXT_NORM_DEFAULT, NULL), PL_OK);
    assert_int_equal(nm.len, 300000);
    NORM("ａ", "a");
    assert_int_equal(nm.len, 1);
    free(big);
    pl_error err;
    pl_error_clear(&err);
    static const char one = 'x';
    assert_int_equal(text_normalize(&nm, &one, TEXT_NORM_MAX_INPUT + 1, TEXT_NORM_DEFAULT, &err),
                     PL_E_LIMIT);
    assert_int_equal(err.status, PL_E_LIMIT);
    assert_int_equal(text_normalize(&nm, NULL, 0, TEXT_NORM_DEFAULT, NULL), PL_OK);
    assert_string_equal(nm.text, "");
}

/* A ledger is normalised cell by cell: 140,000 cells of a few characters
 * each must cost memory in proportion to their text, not a fixed block per
 * cell (a 256-byte minimum made a 20,000-row ledger take 435 MB). */
static void short_text_costs_little(void **state)
{
    (void)state;
    text_norm cell_nm;
    text_norm_init(&cell_nm);
    const char *cell = "Windows 11";
    assert_int_equal(text_normalize(&cell_nm, cell, strlen(cell), TEXT_NORM_DEFAULT, NULL), PL_OK);
    assert_string_equal(cell_nm.text, "Windows 11");
    assert_true(cell_nm.cap < 64);
    text_norm_free(&cell_nm);
}

/* Rules and guideline coverage both read sentence by sentence; a 。 inside
 * brackets does not end one, an unclosed bracket does not swallow the line. */
static void sentences_respect_brackets(void **state)
{
    (void)state;
    uint32_t *st;
    const char *a = "甲は、業務(以下「本業務」という。)を乙に委託する。乙は受託する。";
    assert_int_equal(text_sentences(a, strlen(a), &st), 2);
    assert_string_equal(a + st[1], "乙は受託する。");
    free(st);
    const char *b = "乙は、終了(解除を含む。を確認する。次に返還する。\n改行後";
    size_t n = text_sentences(b, strlen(b), &st);
    assert_int_equal(n, 5); /* …含む。|を確認する。|次に返還する。|\n|改行後 */
    assert_string_equal(b + st[1], "を確認する。次に返還する。\n改行後");
    assert_string_equal(b + st[4], "改行後");
    free(st);
    assert_int_equal(text_sentences("", 0, &st), 1);
    assert_int_equal(st[0], 0);
    free(st);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(width_folding),
        cmocka_unit_test(nfkc_classes),
        cmocka_unit_test(item_labels_keep_identity),
        cmocka_unit_test(whitespace_and_line_breaks),
        cmocka_unit_test(iteration_marks),
        cmocka_unit_test(old_kanji_forms),
        cmocka_unit_test(kanji_table_is_sound),
        cmocka_unit_test(dashes_and_tildes),
        cmocka_unit_test(commas),
        cmocka_unit_test(variant_spellings),
        cmocka_unit_test(variants_do_not_create_words),
        cmocka_unit_test(variant_entries_are_normalised),
        cmocka_unit_test(controls_and_invalid_bytes),
        cmocka_unit_test(offset_map),
        cmocka_unit_test(map_invariants_hold),
        cmocka_unit_test(normalising_twice_changes_nothing),
        cmocka_unit_test(reuse_and_limits),
        cmocka_unit_test(short_text_costs_little),
        cmocka_unit_test(sentences_respect_brackets),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

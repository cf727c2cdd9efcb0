/* Amounts of money and shares. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "text/text.h"

static text_amount amount_of(const char *s)
{
    text_amount a;
    memset(&a, 0, sizeof a);
    assert_int_equal(text_parse_amount(s, strlen(s), &a), strlen(s));
    return a;
}

static size_t count_amounts(const char *s)
{
    text_amount a[4];
    return text_find_amounts(s, strlen(s), a, 4);
}

#define YEN(s, v) assert_int_equal(amount_of(s).yen, (int64_t)(v))

static void amounts(void **state)
{
    (void)state;
    YEN("1,000円", 1000);
    YEN("¥1,000", 1000);
    YEN("￥１，０００", 1000);
    YEN("金1,234,000円", 1234000);
    YEN("1,234万5千円", 12345000);
    YEN("23百万円", 23000000);
    YEN("3.5億円", 350000000);
    YEN("一億二千万円", 120000000);
    YEN("金壱萬円也", 10000);
    YEN("千円", 1000);
    YEN("10万円", 100000);
    YEN("9億9600万円", 996000000);
    YEN("１，２３４円", 1234);
    YEN("¥10,000-", 10000);
    YEN("金 500,000 円", 500000);
    assert_true(amount_of("金1,234,000円").flags & TEXT_AMOUNT_KIN);
    assert_true(amount_of("¥1,000").flags & TEXT_AMOUNT_YEN_SIGN);
    assert_true(amount_of("一億二千万円").flags & TEXT_AMOUNT_KANJI);
    assert_false(amount_of("1,234万5千円").flags & TEXT_AMOUNT_KANJI);
    text_amount a = amount_of("1.5円");
    assert_int_equal(a.yen, 1);
    assert_true(a.flags & TEXT_AMOUNT_FRACTION);
}

static void tax_words(void **state)
{
    (void)state;
    const char *s = "委託料 1,100,000円（税込）";
    text_amount a[2];
    assert_int_equal(text_find_amounts(s, strlen(s), a, 2), 1);
    assert_true(a[0].flags & TEXT_AMOUNT_TAX_IN);
    assert_memory_equal(s + a[0].span.start, "1,100,000円", a[0].span.end - a[0].span.start);
    s = "税込1,100円";
    assert_int_equal(text_find_amounts(s, strlen(s), a, 2), 1);
    assert_true(a[0].flags & TEXT_AMOUNT_TAX_IN);
    s = "1,000円(税抜き)";
    assert_int_equal(text_find_amounts(s, strlen(s), a, 2), 1);
    assert_true(a[0].flags & TEXT_AMOUNT_TAX_OUT);
    s = "金1,100,000円（うち取引に係る消費税及び地方消費税の額 金100,000円）";
    assert_int_equal(text_find_amounts(s, strlen(s), a, 2), 2);
    assert_true(a[0].flags & TEXT_AMOUNT_TAX_IN);
    assert_int_equal(a[1].yen, 100000);
    s = "1,000円";
    assert_int_equal(text_find_amounts(s, strlen(s), a, 2), 1);
    assert_int_equal(a[0].flags & (TEXT_AMOUNT_TAX_IN | TEXT_AMOUNT_TAX_OUT), 0);
}

static void not_amounts(void **state)
{
    (void)state;
    assert_int_equal(count_amounts("数千円"), 0);
    assert_int_equal(count_amounts("何円"), 0);
    assert_int_equal(count_amounts("（単位：千円）"), 0);
    assert_int_equal(count_amounts("単位 百万円"), 0);
    assert_int_equal(count_amounts("本市一円において"), 0);
    assert_int_equal(count_amounts("円滑に"), 0);
    assert_int_equal(count_amounts("第三者"), 0);
    assert_int_equal(count_amounts("1,000"), 0);
    assert_int_equal(count_amounts("金額"), 0);
    assert_int_equal(count_amounts("金曜日"), 0);
    assert_int_equal(count_amounts("金一円"), 1); /* with 金 it is one yen */
    /* a number is never read from its middle */
    const char *s = "総額約9億9600万円の費用";
    text_amount a[4];
    assert_int_equal(text_find_amounts(s, strlen(s), a, 4), 1);
    assert_int_equal(a[0].yen, 996000000);
}

static text_share share_of(const char *s)
{
    text_share sh;
    memset(&sh, 0, sizeof sh);
    assert_int_equal(text_parse_share(s, strlen(s), &sh), strlen(s));
    return sh;
}

#define SHARE(s, n, d, kind_)                                                                      \
    do {                                                                                           \
        text_share t_ = share_of(s);                                                               \
        assert_int_equal(t_.num, n);                                                               \
        assert_int_equal(t_.den, d);                                                               \
        assert_int_equal(t_.kind, kind_);                                                          \
    } while (0)

static void shares(void **state)
{
    (void)state;
    SHARE("30%", 30, 100, TEXT_SHARE_PERCENT);
    SHARE("３０％", 30, 100, TEXT_SHARE_PERCENT);
    SHARE("１．４％", 14, 1000, TEXT_SHARE_PERCENT);
    SHARE("12.5パーセント", 125, 1000, TEXT_SHARE_PERCENT);
    SHARE("三十パーセント", 30, 100, TEXT_SHARE_PERCENT);
    SHARE("３割", 3, 10, TEXT_SHARE_WARI);
    SHARE("2割5分", 25, 100, TEXT_SHARE_WARI);
    SHARE("二割五分三厘", 253, 1000, TEXT_SHARE_WARI);
    SHARE("2分の1", 1, 2, TEXT_SHARE_FRACTION);
    SHARE("二分の一", 1, 2, TEXT_SHARE_FRACTION);
    SHARE("三分の二", 2, 3, TEXT_SHARE_FRACTION);
    SHARE("百分の五", 5, 100, TEXT_SHARE_FRACTION);
    SHARE("十分の一", 1, 10, TEXT_SHARE_FRACTION);
    SHARE("半分", 1, 2, TEXT_SHARE_WORD);
    SHARE("半数", 1, 2, TEXT_SHARE_WORD);
    text_share sh = share_of("過半数");
    assert_true(sh.flags & TEXT_SHARE_MAJORITY);
    assert_true(sh.value > 0.49 && sh.value < 0.51);
    assert_true(share_of("過半").flags & TEXT_SHARE_MAJORITY);
    assert_false(share_of("半分").flags & TEXT_SHARE_MAJORITY);
    assert_true(share_of("2割5分").value == share_of("25%").value);
}

static void not_shares(void **state)
{
    (void)state;
    const char *none[] = {"十分な措置", "十分の注意", "5分",          "自分の", "第三者",
                          "前半",       "四半期",     "1時2分の時点", "3割引"};
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
        text_share sh[2];
        size_t n = text_find_shares(none[i], strlen(none[i]), sh, 2);
        if (strcmp(none[i], "3割引") == 0) { /* 3割 is a share; 引 follows */
            assert_int_equal(n, 1);
            continue;
        }
        assert_int_equal(n, 0);
    }
    const char *t = "FAXとも、半数以上の所属が、議員の過半数の同意";
    text_share w[4];
    assert_int_equal(text_find_shares(t, strlen(t), w, 4), 2);
    assert_memory_equal(t + w[0].span.start, "半数", w[0].span.end - w[0].span.start);
    assert_memory_equal(t + w[1].span.start, "過半数", w[1].span.end - w[1].span.start);
    assert_true(w[1].flags & TEXT_SHARE_MAJORITY);
    const char *s = "全体に占める割合 ６．０％ ５．３％ １．４％、7割程度";
    text_share sh[8];
    assert_int_equal(text_find_shares(s, strlen(s), sh, 8), 4);
    assert_int_equal(sh[0].num, 60);
    assert_int_equal(sh[3].num, 7);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(amounts), cmocka_unit_test(tax_words),  cmocka_unit_test(not_amounts),
        cmocka_unit_test(shares),  cmocka_unit_test(not_shares),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Numerals, the calendar, dates and fiscal years. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "text/text.h"

/* ---- numerals ---- */

static int64_t num(const char *s, size_t *used)
{
    int64_t v = -1;
    *used = text_kanji_number(s, strlen(s), &v);
    return v;
}

#define NUM(s, value, bytes)                                                                       \
    do {                                                                                           \
        size_t used_;                                                                              \
        assert_int_equal(num(s, &used_), value);                                                   \
        assert_int_equal(used_, bytes);                                                            \
    } while (0)

static void kanji_numerals(void **state)
{
    (void)state;
    NUM("一", 1, 3);
    NUM("二", 2, 3);
    NUM("三", 3, 3);
    NUM("十", 10, 3);
    NUM("十一", 11, 6);
    NUM("二十", 20, 6);
    NUM("百", 100, 3);
    NUM("百二十三", 123, 12);
    NUM("千", 1000, 3);
    NUM("一〇", 10, 6);
    NUM("二〇二四", 2024, 12);
    NUM("二○二四", 2024, 12); /* ○ typed for 〇 inside a run */
    NUM("壱", 1, 3);
    NUM("弐", 2, 3);
    NUM("参", 3, 3);
    NUM("拾", 10, 3);
    NUM("壱萬弐阡", 12000, 12);
    NUM("廿", 20, 3);
    NUM("廿五", 25, 6);
    NUM("三千五百", 3500, 12);
    NUM("一億二千万", 120000000, 15);
    NUM("零", 0, 3);
}

/* Every formal (大字) and variant numeral, one by one. */
static void formal_numerals(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        int64_t v;
    } forms[] = {{"〇", 0},       {"零", 0},
                 {"壱", 1},       {"壹", 1},
                 {"弐", 2},       {"貳", 2},
                 {"弍", 2},       {"参", 3},
                 {"參", 3},       {"肆", 4},
                 {"伍", 5},       {"陸", 6},
                 {"漆", 7},       {"柒", 7},
                 {"捌", 8},       {"玖", 9},
                 {"拾", 10},      {"廿", 20},
                 {"卅", 30},      {"丗", 30},
                 {"佰", 100},     {"陌", 100},
                 {"阡", 1000},    {"仟", 1000},
                 {"一萬", 10000}, {"一兆", 1000000000000LL}};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        size_t used;
        assert_int_equal(num(forms[i].s, &used), forms[i].v);
        assert_int_equal(used, strlen(forms[i].s));
    }
}

static void digits_and_mixed(void **state)
{
    (void)state;
    NUM("12", 12, 2);
    NUM("１２", 12, 6);
    NUM("1,234", 1234, 5);
    NUM("１，２３４", 1234, 15);
    NUM("1,234,567", 1234567, 9);
    NUM("1,2", 1, 1); /* not a separator */
    NUM("1,2345", 1, 1);
    NUM("1万2千", 12000, 8);
    NUM("1,234万5千", 12345000, 12);
    NUM("23百万", 23000000, 8);
    NUM("1億5000万", 150000000, 11);
    NUM("12万3456", 123456, 9);
    NUM("1.5", 1, 1); /* integers only */
}

static void numerals_are_not_greedy(void **state)
{
    (void)state;
    NUM("三者", 3, 3);
    NUM("十分", 10, 3);
    NUM("一般", 1, 3);
    NUM("12条", 12, 2);
    size_t used;
    num("第三者", &used);
    assert_int_equal(used, 0);
    num("万", &used);
    assert_int_equal(used, 0);
    num("", &used);
    assert_int_equal(used, 0);
    num("99999999999999999999", &used); /* overflow */
    assert_int_equal(used, 0);
    num("十百", &used); /* units must descend */
    assert_int_equal(used, 3);
}

/* ---- calendar ---- */

static text_ymd ymd(int y, int m, int d)
{
    return (text_ymd){y, m, d};
}

#define YMD_EQ(a, y, m, d)                                                                         \
    do {                                                                                           \
        text_ymd a_ = (a);                                                                         \
        assert_int_equal(a_.year, y);                                                              \
        assert_int_equal(a_.month, m);                                                             \
        assert_int_equal(a_.day, d);                                                               \
    } while (0)

static void calendar_arithmetic(void **state)
{
    (void)state;
    assert_int_equal(text_ymd_to_days(ymd(1970, 1, 1)), 0);
    assert_int_equal(text_ymd_to_days(ymd(2000, 3, 1)), 11017);
    YMD_EQ(text_ymd_from_days(11017), 2000, 3, 1);
    for (long d = -40000; d < 80000; d += 37)
        assert_int_equal(text_ymd_to_days(text_ymd_from_days(d)), d);
    assert_int_equal(text_ymd_weekday(ymd(2024, 4, 1)), 1); /* Monday */
    assert_int_equal(text_ymd_weekday(ymd(2019, 5, 1)), 3);
    assert_int_equal(text_days_in_month(2024, 2), 29);
    assert_int_equal(text_days_in_month(1900, 2), 28);
    assert_int_equal(text_days_in_month(2000, 2), 29);
    assert_false(text_ymd_valid(ymd(2023, 2, 29)));
    YMD_EQ(text_ymd_add_days(ymd(2024, 2, 28), 2), 2024, 3, 1);
    char iso[11];
    text_ymd_format(ymd(2026, 3, 31), iso);
    assert_string_equal(iso, "2026-03-31");
    char w[64];
    text_ymd_format_wareki(ymd(2026, 3, 31), false, w, sizeof w);
    assert_string_equal(w, "令和8年3月31日");
    text_ymd_format_wareki(ymd(2019, 5, 1), true, w, sizeof w);
    assert_string_equal(w, "令和元年5月1日");
    text_ymd_format_wareki(ymd(2019, 4, 30), false, w, sizeof w);
    assert_string_equal(w, "平成31年4月30日");
}

static void eras(void **state)
{
    (void)state;
    YMD_EQ(text_era_start(TEXT_ERA_MEIJI), 1868, 1, 25);
    YMD_EQ(text_era_start(TEXT_ERA_TAISHO), 1912, 7, 30);
    YMD_EQ(text_era_start(TEXT_ERA_SHOWA), 1926, 12, 25);
    YMD_EQ(text_era_start(TEXT_ERA_HEISEI), 1989, 1, 8);
    YMD_EQ(text_era_start(TEXT_ERA_REIWA), 2019, 5, 1);
    int ey;
    assert_int_equal(text_era_of(ymd(2019, 4, 30), &ey), TEXT_ERA_HEISEI);
    assert_int_equal(ey, 31);
    assert_int_equal(text_era_of(ymd(2019, 5, 1), &ey), TEXT_ERA_REIWA);
    assert_int_equal(ey, 1);
    assert_int_equal(text_era_of(ymd(1989, 1, 7), &ey), TEXT_ERA_SHOWA);
    assert_int_equal(ey, 64);
    assert_int_equal(text_era_of(ymd(1912, 7, 30), &ey), TEXT_ERA_TAISHO);
    assert_int_equal(text_era_of(ymd(1868, 1, 24), &ey), TEXT_ERA_NONE);
    assert_string_equal(text_era_name(TEXT_ERA_REIWA), "令和");
    assert_string_equal(text_era_name(TEXT_ERA_NONE), "");
}

/* ---- dates ---- */

static text_date date_of(const char *s)
{
    text_date d;
    memset(&d, 0, sizeof d);
    size_t k = text_parse_date(s, strlen(s), &d);
    assert_int_equal(k, strlen(s)); /* the whole input is the date */
    assert_int_equal(d.span.start, 0);
    assert_int_equal(d.span.end, k);
    return d;
}

static void no_date(const char *s)
{
    text_date d[4];
    assert_int_equal(text_find_dates(s, strlen(s), d, 4), 0);
}

#define DATE(s, y, m, d, prec_)                                                                    \
    do {                                                                                           \
        text_date t_ = date_of(s);                                                                 \
        YMD_EQ(t_.ymd, y, m, d);                                                                   \
        assert_int_equal(t_.prec, prec_);                                                          \
    } while (0)

static void western_dates(void **state)
{
    (void)state;
    DATE("2024年4月1日", 2024, 4, 1, TEXT_PREC_DAY);
    DATE("2024/4/1", 2024, 4, 1, TEXT_PREC_DAY);
    DATE("2024-04-01", 2024, 4, 1, TEXT_PREC_DAY);
    DATE("2024.4.1", 2024, 4, 1, TEXT_PREC_DAY);
    DATE("２０２４年４月１日", 2024, 4, 1, TEXT_PREC_DAY);
    DATE("２０２４／４／１", 2024, 4, 1, TEXT_PREC_DAY);
    DATE("二〇二四年四月一日", 2024, 4, 1, TEXT_PREC_DAY);
    DATE("2024年4月", 2024, 4, 0, TEXT_PREC_MONTH);
    DATE("2025年", 2025, 0, 0, TEXT_PREC_YEAR);
    assert_int_equal(date_of("2024/4/1").era, TEXT_ERA_NONE);
    assert_true(date_of("2024-04-01").flags & TEXT_DATE_NUMERIC);
}

static void era_dates(void **state)
{
    (void)state;
    DATE("令和6年4月1日", 2024, 4, 1, TEXT_PREC_DAY);
    DATE("令和元年5月1日", 2019, 5, 1, TEXT_PREC_DAY);
    DATE("平成31年4月30日", 2019, 4, 30, TEXT_PREC_DAY);
    DATE("昭和64年1月7日", 1989, 1, 7, TEXT_PREC_DAY);
    DATE("大正15年12月24日", 1926, 12, 24, TEXT_PREC_DAY);
    DATE("明治45年7月29日", 1912, 7, 29, TEXT_PREC_DAY);
    DATE("R7.4.1", 2025, 4, 1, TEXT_PREC_DAY);
    DATE("H31.4.30", 2019, 4, 30, TEXT_PREC_DAY);
    DATE("R6/10/1", 2024, 10, 1, TEXT_PREC_DAY);
    DATE("Ｒ６．１０．１", 2024, 10, 1, TEXT_PREC_DAY);
    DATE("S63.1.1", 1988, 1, 1, TEXT_PREC_DAY);
    DATE("令和6.4.1", 2024, 4, 1, TEXT_PREC_DAY);
    DATE("令和六年十月一日", 2024, 10, 1, TEXT_PREC_DAY);
    DATE("平成三十一年四月三十日", 2019, 4, 30, TEXT_PREC_DAY);
    DATE("令和６年１０月１日", 2024, 10, 1, TEXT_PREC_DAY);
    DATE("令和 6 年 10 月 1 日", 2024, 10, 1, TEXT_PREC_DAY);
    DATE("令和\n６年", 2024, 0, 0, TEXT_PREC_YEAR);
    DATE("令和３年２月 ９日", 2021, 2, 9, TEXT_PREC_DAY);
    DATE("㍻31年1月1日", 2019, 1, 1, TEXT_PREC_DAY);
    DATE("㋿6年1月1日", 2024, 1, 1, TEXT_PREC_DAY);
    DATE("令6年7月20日", 2024, 7, 20, TEXT_PREC_DAY);
    DATE("令和7年4月", 2025, 4, 0, TEXT_PREC_MONTH);
    DATE("令和7年", 2025, 0, 0, TEXT_PREC_YEAR);
    DATE("令和6年10月", 2024, 10, 0, TEXT_PREC_MONTH);

    text_date d = date_of("令和元年5月1日");
    assert_int_equal(d.era, TEXT_ERA_REIWA);
    assert_int_equal(d.era_year, 1);
    assert_true(d.flags & TEXT_DATE_GANNEN);
    assert_false(d.flags & (TEXT_DATE_BEFORE_ERA | TEXT_DATE_AFTER_ERA));
    d = date_of("R7.4.1");
    assert_true(d.flags & TEXT_DATE_ABBREV);
    assert_true(d.flags & TEXT_DATE_NUMERIC);
    d = date_of("令和六年十月一日");
    assert_true(d.flags & TEXT_DATE_KANJI);
}

static void dates_outside_their_era(void **state)
{
    (void)state;
    text_date d = date_of("令和1年4月1日"); /* the common slip: kept and flagged */
    YMD_EQ(d.ymd, 2019, 4, 1);
    assert_true(d.flags & TEXT_DATE_BEFORE_ERA);
    d = date_of("令和元年4月30日");
    assert_true(d.flags & TEXT_DATE_BEFORE_ERA);
    d = date_of("令和元年5月1日");
    assert_false(d.flags & TEXT_DATE_BEFORE_ERA);
    d = date_of("平成31年5月1日");
    assert_true(d.flags & TEXT_DATE_AFTER_ERA);
    d = date_of("平成32年3月31日"); /* drafted before the change */
    YMD_EQ(d.ymd, 2020, 3, 31);
    assert_true(d.flags & TEXT_DATE_AFTER_ERA);
    d = date_of("令和元年4月");
    assert_true(d.flags & TEXT_DATE_BEFORE_ERA);
    d = date_of("令和元年5月");
    assert_false(d.flags & TEXT_DATE_BEFORE_ERA);
    d = date_of("平成31年");
    assert_int_equal(d.flags & (TEXT_DATE_BEFORE_ERA | TEXT_DATE_AFTER_ERA), 0);
    d = date_of("昭和64年1月8日");
    assert_true(d.flags & TEXT_DATE_AFTER_ERA);
    d = date_of("令和6年2月30日");
    assert_true(d.flags & TEXT_DATE_BAD_DAY);
    YMD_EQ(d.ymd, 2024, 2, 30);
}

static void weekdays(void **state)
{
    (void)state;
    text_date d = date_of("令和6年4月1日(月)");
    assert_int_equal(d.weekday, 1);
    assert_false(d.flags & TEXT_DATE_WEEKDAY_MISMATCH);
    d = date_of("令和6年4月1日（月曜日）");
    assert_int_equal(d.weekday, 1);
    d = date_of("令和6年4月1日 （月）");
    assert_int_equal(d.weekday, 1);
    d = date_of("2024年4月1日月曜日");
    assert_int_equal(d.weekday, 1);
    d = date_of("令和6年4月1日(火)");
    assert_true(d.flags & TEXT_DATE_WEEKDAY_MISMATCH);
    d = date_of("令和6年4月29日(月・祝)");
    assert_int_equal(d.weekday, 1);
    /* not a weekday: the date ends at 日 */
    const char *s = "令和6年4月1日月額";
    text_date f;
    assert_int_equal(text_parse_date(s, strlen(s), &f), strlen("令和6年4月1日"));
    assert_int_equal(f.weekday, -1);
}

static void things_that_are_not_dates(void **state)
{
    (void)state;
    no_date("令和7年度");
    no_date("5年間");
    no_date("3年");
    no_date("24年4月1日");
    no_date("4月1日");
    no_date("最大3年間");
    no_date("第三者");
    no_date("VER7.4.1");
    no_date("T1.2.3");
    no_date("S1.1.1");
    no_date("192.168.1.1");
    no_date("2024.4.1.5");
    no_date("令和7年13月1日");
    no_date("1000年間");
    no_date("");
    /* 12024年 is not 2024年 */
    const char *s = "12024年";
    text_date d[2];
    assert_int_equal(text_find_dates(s, strlen(s), d, 2), 0);
}

static void finding_dates_in_text(void **state)
{
    (void)state;
    const char *s =
        "事前調査期間   令和３年１月１４日から令和３年２月 ９日まで \n監査期間 令和３年２月１０日。"
        "平成31年4月1日から令和2年3月31日まで、R7.4.1及び2024/4/1。";
    text_date d[8];
    size_t n = text_find_dates(s, strlen(s), d, 8);
    assert_int_equal(n, 7);
    YMD_EQ(d[0].ymd, 2021, 1, 14);
    YMD_EQ(d[1].ymd, 2021, 2, 9);
    YMD_EQ(d[2].ymd, 2021, 2, 10);
    YMD_EQ(d[3].ymd, 2019, 4, 1);
    assert_int_equal(d[3].era, TEXT_ERA_HEISEI);
    YMD_EQ(d[4].ymd, 2020, 3, 31);
    assert_int_equal(d[4].era, TEXT_ERA_REIWA);
    YMD_EQ(d[5].ymd, 2025, 4, 1);
    YMD_EQ(d[6].ymd, 2024, 4, 1);
    /* spans quote the source */
    assert_memory_equal(s + d[1].span.start, "令和３年２月 ９日", d[1].span.end - d[1].span.start);
    /* a short array: the count is still the total */
    assert_int_equal(text_find_dates(s, strlen(s), d, 2), 7);
    /* text wrapped across lines by a PDF tool */
    const char *w = "契約日：令和\n６年４月１日";
    n = text_find_dates(w, strlen(w), d, 8);
    assert_int_equal(n, 1);
    YMD_EQ(d[0].ymd, 2024, 4, 1);
    assert_memory_equal(w + d[0].span.start, "令和\n６年４月１日", d[0].span.end - d[0].span.start);
}

static void date_first_and_last_days(void **state)
{
    (void)state;
    text_date d = date_of("令和7年4月");
    YMD_EQ(text_date_first_day(&d), 2025, 4, 1);
    YMD_EQ(text_date_last_day(&d), 2025, 4, 30);
    d = date_of("2024年");
    YMD_EQ(text_date_first_day(&d), 2024, 1, 1);
    YMD_EQ(text_date_last_day(&d), 2024, 12, 31);
    d = date_of("令和6年2月");
    YMD_EQ(text_date_last_day(&d), 2024, 2, 29);
}

/* ---- fiscal years ---- */

static text_fiscal_year fy_of(const char *s)
{
    text_fiscal_year f;
    memset(&f, 0, sizeof f);
    assert_int_equal(text_parse_fiscal_year(s, strlen(s), &f), strlen(s));
    return f;
}

static void fiscal_years(void **state)
{
    (void)state;
    text_fiscal_year f = fy_of("令和7年度");
    assert_int_equal(f.year, 2025);
    YMD_EQ(f.first, 2025, 4, 1);
    YMD_EQ(f.last, 2026, 3, 31);
    assert_int_equal(f.era, TEXT_ERA_REIWA);
    assert_int_equal(f.era_year, 7);
    assert_int_equal(fy_of("2025年度").year, 2025);
    assert_int_equal(fy_of("R7年度").year, 2025);
    assert_true(fy_of("R7年度").flags & TEXT_DATE_ABBREV);
    assert_int_equal(fy_of("令和７年度").year, 2025);
    assert_int_equal(fy_of("令和七年度").year, 2025);
    f = fy_of("令和元年度");
    assert_int_equal(f.year, 2019);
    assert_true(f.flags & TEXT_DATE_GANNEN);
    f = fy_of("平成31年度");
    assert_int_equal(f.year, 2019);
    assert_false(f.flags & TEXT_DATE_AFTER_ERA);
    f = fy_of("平成32年度");
    assert_int_equal(f.year, 2020);
    assert_true(f.flags & TEXT_DATE_AFTER_ERA);
    assert_int_equal(fy_of("平成\n３１年度").year, 2019);

    const char *s = "平成19年度に策定し、令和元年度、令和7～9年度の計画。令和7年4月";
    text_fiscal_year out[8];
    size_t n = text_find_fiscal_years(s, strlen(s), out, 8);
    assert_int_equal(n, 4);
    assert_int_equal(out[0].year, 2007);
    assert_int_equal(out[1].year, 2019);
    assert_int_equal(out[2].year, 2025);
    assert_int_equal(out[3].year, 2027);
    assert_memory_equal(s + out[3].span.start, "9年度", out[3].span.end - out[3].span.start);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(kanji_numerals),
        cmocka_unit_test(formal_numerals),
        cmocka_unit_test(digits_and_mixed),
        cmocka_unit_test(numerals_are_not_greedy),
        cmocka_unit_test(calendar_arithmetic),
        cmocka_unit_test(eras),
        cmocka_unit_test(western_dates),
        cmocka_unit_test(era_dates),
        cmocka_unit_test(dates_outside_their_era),
        cmocka_unit_test(weekdays),
        cmocka_unit_test(things_that_are_not_dates),
        cmocka_unit_test(finding_dates_in_text),
        cmocka_unit_test(date_first_and_last_days),
        cmocka_unit_test(fiscal_years),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Periods: ranges, starts with lengths, lengths alone, and how contracts count. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "text/text.h"

#define YMD_EQ(a, y, m, d)                                                                         \
    do {                                                                                           \
        text_ymd a_ = (a);                                                                         \
        assert_int_equal(a_.year, y);                                                              \
        assert_int_equal(a_.month, m);                                                             \
        assert_int_equal(a_.day, d);                                                               \
    } while (0)

static text_period periods[8];

static size_t find(const char *s)
{
    memset(periods, 0, sizeof periods);
    return text_find_periods(s, strlen(s), periods, 8);
}

/* Exactly one period, covering exactly `quoted` inside s. */
static text_period one(const char *s, const char *quoted)
{
    assert_int_equal(find(s), 1);
    const char *at = strstr(s, quoted);
    assert_non_null(at);
    assert_int_equal(periods[0].span.start, (size_t)(at - s));
    assert_int_equal(periods[0].span.end, (size_t)(at - s) + strlen(quoted));
    return periods[0];
}

static void span_is(const char *s, text_span sp, const char *want)
{
    assert_int_equal(sp.end - sp.start, strlen(want));
    assert_memory_equal(s + sp.start, want, strlen(want));
}

static void bounds(const text_period *p, int y1, int m1, int d1, int y2, int m2, int d2)
{
    text_ymd a, b;
    assert_true(text_period_bounds(p, &a, &b));
    YMD_EQ(a, y1, m1, d1);
    YMD_EQ(b, y2, m2, d2);
}

static void date_ranges(void **state)
{
    (void)state;
    text_period p =
        one("令和7年4月1日から令和12年3月31日まで", "令和7年4月1日から令和12年3月31日まで");
    assert_int_equal(p.has, TEXT_PERIOD_FROM | TEXT_PERIOD_TO);
    bounds(&p, 2025, 4, 1, 2030, 3, 31);
    p = one("期間は令和7年4月1日～令和12年3月31日とする", "令和7年4月1日～令和12年3月31日");
    bounds(&p, 2025, 4, 1, 2030, 3, 31);
    p = one("令和7年4月1日 〜 令和12年3月31日", "令和7年4月1日 〜 令和12年3月31日");
    bounds(&p, 2025, 4, 1, 2030, 3, 31);
    p = one("2025/4/1-2026/3/31", "2025/4/1-2026/3/31");
    bounds(&p, 2025, 4, 1, 2026, 3, 31);
    /* across the change of era */
    p = one("平成31年4月1日から令和2年3月31日まで", "平成31年4月1日から令和2年3月31日まで");
    bounds(&p, 2019, 4, 1, 2020, 3, 31);
    assert_int_equal(p.from.era, TEXT_ERA_HEISEI);
    assert_int_equal(p.to.era, TEXT_ERA_REIWA);
    assert_int_equal(p.flags, 0);
    /* the seed's wording, full-width digits and a stray space */
    const char *seed = "事前調査期間   令和３年１月１４日から令和３年２月 ９日まで ";
    p = one(seed, "令和３年１月１４日から令和３年２月 ９日まで");
    bounds(&p, 2021, 1, 14, 2021, 2, 9);
    span_is(seed, p.label, "事前調査期間");
    /* month ranges */
    p = one("令和7年4月から令和8年3月まで", "令和7年4月から令和8年3月まで");
    bounds(&p, 2025, 4, 1, 2026, 3, 31);
}

static void relative_ends(void **state)
{
    (void)state;
    text_period p = one("令和7年4月1日から同年9月30日まで", "令和7年4月1日から同年9月30日まで");
    bounds(&p, 2025, 4, 1, 2025, 9, 30);
    p = one("令和7年10月1日から翌年3月31日まで", "令和7年10月1日から翌年3月31日まで");
    bounds(&p, 2025, 10, 1, 2026, 3, 31);
    p = one("令和7年4月1日から12年3月31日まで", "令和7年4月1日から12年3月31日まで");
    bounds(&p, 2025, 4, 1, 2030, 3, 31);
    assert_int_equal(p.to.era, TEXT_ERA_REIWA);
    p = one("令和7年4月1日から9月30日まで", "令和7年4月1日から9月30日まで");
    bounds(&p, 2025, 4, 1, 2025, 9, 30);
    assert_false(p.flags & TEXT_PERIOD_YEAR_INFERRED);
    p = one("令和7年10月1日から3月31日まで", "令和7年10月1日から3月31日まで");
    bounds(&p, 2025, 10, 1, 2026, 3, 31);
    assert_true(p.flags & TEXT_PERIOD_YEAR_INFERRED);
    p = one("令和7年4月1日から同月30日まで", "令和7年4月1日から同月30日まで");
    bounds(&p, 2025, 4, 1, 2025, 4, 30);
    p = one("令和8年4月1日から令和7年3月31日まで", "令和8年4月1日から令和7年3月31日まで");
    assert_true(p.flags & TEXT_PERIOD_REVERSED);
}

static void fiscal_ranges(void **state)
{
    (void)state;
    text_period p = one("令和７年度から令和９年度まで", "令和７年度から令和９年度まで");
    assert_true(p.has & TEXT_PERIOD_FISCAL);
    bounds(&p, 2025, 4, 1, 2028, 3, 31);
    p = one("令和7年度～令和9年度", "令和7年度～令和9年度");
    bounds(&p, 2025, 4, 1, 2028, 3, 31);
    p = one("令和7～9年度", "令和7～9年度");
    bounds(&p, 2025, 4, 1, 2028, 3, 31);
    p = one("令和7年度から9年度まで", "令和7年度から9年度まで");
    bounds(&p, 2025, 4, 1, 2028, 3, 31);
    p = one("平成18年度から平成20年度にかけて", "平成18年度から平成20年度にかけて");
    bounds(&p, 2006, 4, 1, 2009, 3, 31);
    p = one("2025年度から2027年度まで", "2025年度から2027年度まで");
    bounds(&p, 2025, 4, 1, 2028, 3, 31);
    p = one("令和7年度から3年間", "令和7年度から3年間");
    bounds(&p, 2025, 4, 1, 2028, 3, 31);
}

static void starts_with_lengths(void **state)
{
    (void)state;
    text_period p = one("令和3年4月1日から5年間", "令和3年4月1日から5年間");
    assert_int_equal(p.has, TEXT_PERIOD_FROM | TEXT_PERIOD_DURATION);
    assert_int_equal(p.dur.years, 5);
    bounds(&p, 2021, 4, 1, 2026, 3, 31);
    const char *s = "乙は、契約締結日から1年間、";
    p = one(s, "契約締結日から1年間");
    assert_int_equal(p.has, TEXT_PERIOD_ANCHOR | TEXT_PERIOD_DURATION);
    span_is(s, p.anchor, "契約締結日");
    assert_int_equal(p.dur.years, 1);
    text_ymd a, b;
    assert_false(text_period_bounds(&p, &a, &b)); /* the anchor is not a date */
    s = "目的物の引渡しの日から3年";
    p = one(s, "目的物の引渡しの日から3年");
    span_is(s, p.anchor, "目的物の引渡しの日");
    assert_int_equal(p.dur.years, 3);
    s = "引渡日から3年";
    p = one(s, "引渡日から3年");
    span_is(s, p.anchor, "引渡日");
    s = "保存期間は、契約終了日から5年間とする。";
    p = one(s, "契約終了日から5年間");
    span_is(s, p.label, "保存期間");
    s = "乙が目的物を引き渡した日から2年";
    p = one(s, "引き渡した日から2年");
    span_is(s, p.anchor, "引き渡した日");
    assert_int_equal(p.dur.years, 2);
    p = one("通知を受けた日の翌日から起算して30日以内に", "受けた日の翌日から起算して30日以内");
    assert_int_equal(p.dur.days, 30);
    assert_int_equal(p.cmp, TEXT_CMP_WITHIN);
    p = one("契約締結の日から令和8年3月31日まで", "契約締結の日から令和8年3月31日まで");
    assert_int_equal(p.has, TEXT_PERIOD_ANCHOR | TEXT_PERIOD_TO);
    YMD_EQ(p.to.ymd, 2026, 3, 31);
    p = one("令和7年4月1日から令和12年3月31日までの5年間",
            "令和7年4月1日から令和12年3月31日までの5年間");
    assert_int_equal(p.has, TEXT_PERIOD_FROM | TEXT_PERIOD_TO | TEXT_PERIOD_DURATION);
    assert_false(p.flags & TEXT_PERIOD_MISMATCH);
    p = one("令和7年4月1日から令和12年3月31日までの3年間",
            "令和7年4月1日から令和12年3月31日までの3年間");
    assert_true(p.flags & TEXT_PERIOD_MISMATCH);
}

static void lengths_alone(void **state)
{
    (void)state;
    const char *s = "契約期間５年";
    text_period p = one(s, "５年");
    assert_int_equal(p.dur.years, 5);
    span_is(s, p.label, "契約期間");
    p = one("保存期間は5年とする", "5年");
    assert_int_equal(p.label.end - p.label.start, strlen("保存期間"));
    p = one("5年間保存する", "5年間");
    assert_int_equal(p.dur.years, 5);
    p = one("90日間", "90日間");
    assert_int_equal(p.dur.days, 90);
    const char *months[] = {"60箇月", "60か月",   "60ヶ月",   "60ヵ月", "60カ月",
                            "60ケ月", "６０ヶ月", "六十箇月", "60ｹ月"};
    for (size_t i = 0; i < sizeof months / sizeof months[0]; i++) {
        p = one(months[i], months[i]);
        assert_int_equal(p.dur.months, 60);
    }
    p = one("1年6か月間", "1年6か月間");
    assert_int_equal(p.dur.years, 1);
    assert_int_equal(p.dur.months, 6);
    p = one("2週間", "2週間");
    assert_int_equal(p.dur.days, 14);
    p = one("半年間", "半年間");
    assert_int_equal(p.dur.months, 6);
    p = one("1年半", "1年半");
    assert_int_equal(p.dur.years, 1);
    assert_int_equal(p.dur.months, 6);
    p = one("3年以上", "3年以上");
    assert_int_equal(p.cmp, TEXT_CMP_AT_LEAST);
    p = one("1年を超えない", "1年を超えない");
    assert_int_equal(p.cmp, TEXT_CMP_AT_MOST);
    p = one("履行期間：令和7年4月1日から令和8年3月31日まで", "令和7年4月1日から令和8年3月31日まで");
    assert_int_equal(p.label.end - p.label.start, strlen("履行期間"));
}

static void not_periods(void **state)
{
    (void)state;
    const char *none[] = {"令和7年4月1日付け", "3年",     "30日",       "第三者",   "最大3年",
                          "令和7年度の予算",   "第5年次", "4月1日から", "本市一円", "により",
                          "十分な期間",        "1日から"};
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++)
        assert_int_equal(find(none[i]), 0);
    /* the years inside a date are not lengths */
    assert_int_equal(find("令和7年4月1日、5年間"), 1);
    assert_int_equal(periods[0].dur.years, 5);
}

static void several_in_one_text(void **state)
{
    (void)state;
    const char *s = "委託期間は令和7年4月1日から令和8年3月31日までとし、"
                    "個人情報は契約終了日から5年間保存し、その後30日以内に廃棄する。";
    assert_int_equal(find(s), 3);
    assert_int_equal(periods[0].has, TEXT_PERIOD_FROM | TEXT_PERIOD_TO);
    assert_int_equal(periods[0].label.end - periods[0].label.start, strlen("委託期間"));
    assert_int_equal(periods[1].has, TEXT_PERIOD_ANCHOR | TEXT_PERIOD_DURATION);
    assert_int_equal(periods[2].dur.days, 30);
    assert_int_equal(periods[2].cmp, TEXT_CMP_WITHIN);
}

static void contract_counting(void **state)
{
    (void)state;
    text_ymd e;
    assert_true(text_period_end((text_ymd){2021, 4, 1}, (text_duration){5, 0, 0}, 0, &e));
    YMD_EQ(e, 2026, 3, 31); /* 令和3年4月1日から5年間 → 令和8年3月31日 */
    assert_true(text_period_end((text_ymd){2025, 4, 1}, (text_duration){0, 60, 0}, 0, &e));
    YMD_EQ(e, 2030, 3, 31);
    assert_true(text_period_end((text_ymd){2024, 1, 31}, (text_duration){0, 1, 0}, 0, &e));
    YMD_EQ(e, 2024, 2, 29); /* no 2月31日: the month's last day */
    assert_true(text_period_end((text_ymd){2023, 1, 31}, (text_duration){0, 1, 0}, 0, &e));
    YMD_EQ(e, 2023, 2, 28);
    assert_true(text_period_end((text_ymd){2024, 2, 29}, (text_duration){1, 0, 0}, 0, &e));
    YMD_EQ(e, 2025, 2, 28);
    assert_true(text_period_end((text_ymd){2025, 4, 1}, (text_duration){0, 0, 90}, 0, &e));
    YMD_EQ(e, 2025, 6, 29);
    assert_true(text_period_end((text_ymd){2025, 4, 1}, (text_duration){1, 6, 0}, 0, &e));
    YMD_EQ(e, 2026, 9, 30);
    assert_true(text_period_end((text_ymd){2025, 12, 15}, (text_duration){0, 1, 10}, 0, &e));
    YMD_EQ(e, 2026, 1, 24);
    /* 初日不算入: counting from the next day */
    assert_true(text_period_end((text_ymd){2025, 4, 1}, (text_duration){0, 0, 30},
                                TEXT_COUNT_NEXT_DAY, &e));
    YMD_EQ(e, 2025, 5, 1);
    assert_true(text_period_end((text_ymd){2025, 3, 31}, (text_duration){1, 0, 0},
                                TEXT_COUNT_NEXT_DAY, &e));
    YMD_EQ(e, 2026, 3, 31);
    assert_true(text_duration_days((text_duration){5, 0, 0}) > 1826.0);
    assert_true(text_duration_days((text_duration){0, 60, 0}) > 1826.0);
    assert_true(text_duration_days((text_duration){0, 0, 90}) == 90.0);
    assert_false(text_period_end((text_ymd){2025, 2, 30}, (text_duration){1, 0, 0}, 0, &e));
    assert_false(text_period_end((text_ymd){2025, 4, 1}, (text_duration){0, 0, 0}, 0, &e));
    assert_false(text_period_end((text_ymd){2025, 4, 1}, (text_duration){-1, 0, 0}, 0, &e));
}

/* Random text made of the pieces values are built from: every finder ends,
 * and every span lies inside the text, in order, without overlap. */
static void finders_survive_random_text(void **state)
{
    (void)state;
    static const char *pieces[] = {
        "令和",     "平成", "元",   "R",        "H",      "７", "1",    "12",   "二",   "十",
        "〇",       "年",   "年度", "月",       "日",     "(",  "（",   "月)",  "から", "まで",
        "～",       "-",    "/",    ".",        ",",      "，", "間",   "か月", "ヶ月", "以内",
        "契約",     "締結", "の",   "は",       "、",     "円", "金",   "¥",    "万",   "億",
        "%",        "割",   "分",   "分の",     "過半",   "半", " ",    "\n",   "同年", "翌年",
        "起算して", "期間", "\xFF", "\xE6\x9D", "第三者", "数", "単位", "税込"};
    unsigned seed = 777;
    char buf[400];
    text_date d[4];
    text_fiscal_year f[4];
    text_period p[4];
    text_amount a[4];
    text_share sh[4];
    for (int round = 0; round < 20000; round++) {
        size_t len = 0;
        seed = seed * 1103515245u + 12345u;
        int count = (int)((seed >> 16) % 30);
        for (int i = 0; i < count; i++) {
            seed = seed * 1103515245u + 12345u;
            const char *piece = pieces[(seed >> 16) % (sizeof pieces / sizeof pieces[0])];
            size_t k = strlen(piece);
            if (len + k >= sizeof buf) break;
            memcpy(buf + len, piece, k);
            len += k;
        }
        size_t nd = text_find_dates(buf, len, d, 4), nf = text_find_fiscal_years(buf, len, f, 4);
        size_t np = text_find_periods(buf, len, p, 4), na = text_find_amounts(buf, len, a, 4);
        size_t ns = text_find_shares(buf, len, sh, 4);
#define SPANS_OK(arr, cnt)                                                                         \
    for (size_t i = 0; i < (cnt) && i < 4; i++) {                                                  \
        assert_true(arr[i].span.start < arr[i].span.end && arr[i].span.end <= len);                \
        if (i) assert_true(arr[i - 1].span.end <= arr[i].span.start);                              \
    }
        SPANS_OK(d, nd)
        SPANS_OK(p, np)
        SPANS_OK(a, na)
        SPANS_OK(sh, ns)
        for (size_t i = 0; i < nf && i < 4; i++)
            assert_true(f[i].span.end <= len);
        int64_t v;
        size_t k = text_kanji_number(buf, len, &v);
        assert_true(k <= len);
#undef SPANS_OK
    }
}

/* A ledger's term cell: 「5年」 is a length there, not a year. */
static void a_cell_known_to_be_a_length(void **state)
{
    (void)state;
    text_duration d;
    assert_int_equal(text_parse_duration("5年", strlen("5年"), &d), strlen("5年"));
    assert_int_equal(d.years, 5);
    assert_true(text_parse_duration(" 60か月", strlen(" 60か月"), &d) > 0);
    assert_int_equal(d.months, 60);
    assert_true(text_parse_duration("1年6ヶ月", strlen("1年6ヶ月"), &d) > 0);
    assert_int_equal(d.years, 1);
    assert_int_equal(d.months, 6);
    assert_int_equal(text_parse_duration("5年度", strlen("5年度"), &d), 0);
    assert_int_equal(text_parse_duration("60", 2, &d), 0);
    assert_int_equal(text_parse_duration("リース", strlen("リース"), &d), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(date_ranges),
        cmocka_unit_test(relative_ends),
        cmocka_unit_test(fiscal_ranges),
        cmocka_unit_test(starts_with_lengths),
        cmocka_unit_test(lengths_alone),
        cmocka_unit_test(not_periods),
        cmocka_unit_test(several_in_one_text),
        cmocka_unit_test(contract_counting),
        cmocka_unit_test(finders_survive_random_text),
        cmocka_unit_test(a_cell_known_to_be_a_length),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

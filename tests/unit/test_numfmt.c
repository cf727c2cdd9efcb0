/* Excel number formats as a ja-JP Excel shows them (src/ooxml/numfmt.c).
 *
 * Expected strings are what Excel displays; serials were computed from the
 * calendar (45383 = 2024-04-01, a Monday). Where Excel's behaviour depends
 * on the locale, the ja-JP choice is the expectation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ooxml/numfmt.h"
#include "util/utf8.h"

static numfmt_result R;

static const numfmt_result *render_sys(const char *code, const char *raw, bool d1904)
{
    numfmt *f = numfmt_compile(code, strlen(code));
    memset(&R, 0, sizeof R);
    bool ok = numfmt_render(f, raw, strlen(raw), 0, d1904, &R);
    numfmt_free(f);
    if (!ok) fail_msg("not a number: %s", raw);
    return &R;
}

static const char *fmt(const char *code, const char *raw)
{
    return render_sys(code, raw, false)->text;
}

static const char *fmt_builtin(unsigned id, const char *raw)
{
    const char *code = numfmt_builtin(id);
    if (!code) fail_msg("no built-in code for id %u", id);
    return fmt(code, raw);
}

static const char *general(const char *raw)
{
    memset(&R, 0, sizeof R);
    if (!numfmt_general(raw, strlen(raw), 0, &R)) fail_msg("not a number: %s", raw);
    return R.text;
}

/* ---- General ---------------------------------------------------------------- */

static void general_shows_up_to_eleven_characters(void **state)
{
    (void)state;
    assert_string_equal(general("45383"), "45383");
    assert_string_equal(general("0"), "0");
    assert_string_equal(general("-0"), "0");
    assert_string_equal(general("1.5"), "1.5");
    assert_string_equal(general("1.50"), "1.5");
    assert_string_equal(general("99999999999"), "99999999999");
    assert_string_equal(general("100000000000"), "1E+11");
    assert_string_equal(general("12345678901234"), "1.23457E+13");
    assert_string_equal(general("1234567890.12345"), "1234567890");
    assert_string_equal(general("123456789.12345"), "123456789.1");
    assert_string_equal(general("12345678.12345"), "12345678.12");
    assert_string_equal(general("0.999999999"), "0.999999999");
    assert_string_equal(general("0.123456789012"), "0.123456789");
    assert_string_equal(general("0.000000001"), "0.000000001");
    assert_string_equal(general("0.0000000001"), "1E-10");
    assert_string_equal(general("0.000000000001234567"), "1.23457E-12");
    assert_string_equal(general("0.00001234"), "0.00001234");
    assert_string_equal(general("-0.5"), "-0.5");
    assert_string_equal(general("1E-3"), "0.001");
    assert_string_equal(general(" 12 "), "12");
    /* stored doubles are rounded to 15 digits first, as Excel does */
    assert_string_equal(general("78.459999999999994"), "78.46");
    assert_string_equal(general("0.30000000000000004"), "0.3");
    assert_string_equal(general("4.89290024005183e+17"), "4.8929E+17");
    assert_string_equal(general("99999999999.5"), "1E+11");
}

static void general_rejects_what_is_not_a_number(void **state)
{
    (void)state;
    numfmt_result r;
    assert_false(numfmt_general("abc", 3, 0, &r));
    assert_false(numfmt_general("", 0, 0, &r));
    assert_false(numfmt_general("-", 1, 0, &r));
    assert_false(numfmt_general(".", 1, 0, &r));
    assert_false(numfmt_general("1e", 2, 0, &r));
    assert_false(numfmt_general("1.2.3", 5, 0, &r));
    assert_false(numfmt_general("1e999", 5, 0, &r)); /* beyond any double */
    assert_true(numfmt_general(NULL, 0, 0.25, &r));
    assert_string_equal(r.text, "0.25");
}

/* ---- numbers -------------------------------------------------------------- */

static void fixed_layouts_round_like_excel(void **state)
{
    (void)state;
    assert_string_equal(fmt("0.00", "2.675"), "2.68"); /* printf would say 2.67 */
    assert_string_equal(fmt("0", "-0.4"), "-0");        /* Excel keeps the sign */
    assert_string_equal(fmt("#,##0", "1234567"), "1,234,567");
    assert_string_equal(fmt("#,##0", "-1234567"), "-1,234,567");
    assert_string_equal(fmt("#,##0", "0"), "0");
    assert_string_equal(fmt("#,##0.00", "1234.5"), "1,234.50");
    assert_string_equal(fmt("000000", "123"), "000123");
    assert_string_equal(fmt("000-0000", "2200023"), "220-0023");
    assert_string_equal(fmt("0,000", "5"), "0,005");
    assert_string_equal(fmt("#.##", "0.5"), ".5");
    assert_string_equal(fmt("0.0#", "1.5"), "1.5");
    assert_string_equal(fmt("0.0#", "1.25"), "1.25");
    assert_string_equal(fmt("?.??", "1.5"), "1.5 ");
    assert_string_equal(fmt(".00", "12.5"), "12.50");
    assert_string_equal(fmt("0.00;@", "3"), "3.00");
}

static void percent_scaling_and_exponents(void **state)
{
    (void)state;
    assert_string_equal(fmt("0%", "0.612554358941478"), "61%");
    assert_string_equal(fmt("0.0%", "0.125"), "12.5%");
    assert_string_equal(fmt("0.00%", "0.0001"), "0.01%");
    assert_string_equal(fmt("#,##0,", "1234567"), "1,235");
    assert_string_equal(fmt("#,##0,,\"百万円\"", "1234567890"), "1,235百万円");
    assert_string_equal(fmt("0,\"千円\"", "1234567"), "1235千円");
    assert_string_equal(fmt("0.0,", "1500"), "1.5");
    assert_string_equal(fmt("0.00E+00", "12345"), "1.23E+04");
    assert_string_equal(fmt("0.00E+00", "0.00012345"), "1.23E-04");
    assert_string_equal(fmt("0.00E-00", "12345"), "1.23E04");
    assert_string_equal(fmt("0.00E+00", "9.999"), "1.00E+01");
    assert_string_equal(fmt("0.00E+00", "0"), "0.00E+00");
    assert_string_equal(fmt("##0.0E+0", "12345"), "12.3E+3");
    assert_string_equal(fmt("##0.0E+0", "0.00012345"), "123.5E-6");
    assert_string_equal(fmt_builtin(11, "123456"), "1.23E+05");
}

static void fractions(void **state)
{
    (void)state;
    assert_string_equal(fmt("# ?/?", "1.5"), "1 1/2");
    assert_string_equal(fmt("# ?/?", "0.5"), " 1/2");
    assert_string_equal(fmt("# ?\?/?\?", "3.14159"), "3 14/99");
    assert_string_equal(fmt("# ??\?/??\?", "3.14159265"), "3  16/113");
    assert_string_equal(fmt("?/?", "1.5"), "3/2");
    assert_string_equal(fmt("# ?/4", "2.25"), "2 1/4");
    assert_string_equal(fmt("# ?/4", "2.5"), "2 2/4");
    assert_string_equal(fmt("# ?/?", "-1.5"), "-1 1/2");
    assert_string_equal(fmt("# ?/?", "2"), "2    ");
    assert_string_equal(fmt("# ?/?", "0"), "0    ");
}

static void sections_conditions_and_literals(void **state)
{
    (void)state;
    /* two sections: the second shows negatives without a sign */
    assert_string_equal(fmt("#,##0;\"▲\"#,##0", "-500"), "▲500");
    assert_string_equal(fmt("#,##0;\"▲\"#,##0", "500"), "500");
    assert_string_equal(fmt("#,##0;[Red]\\-#,##0", "-5"), "-5");
    /* three: zero gets its own */
    assert_string_equal(fmt("0.00;-0.00;\"ゼロ\"", "0"), "ゼロ");
    assert_string_equal(fmt("0;-0;;@", "0"), "");
    assert_string_equal(fmt(";;;", "5"), "");
    /* conditions */
    assert_string_equal(fmt("[>=1000]#,##0,\"千\";0", "25000"), "25千");
    assert_string_equal(fmt("[>=1000]#,##0,\"千\";0", "25"), "25");
    assert_string_equal(fmt("[<0]\"▲\"0;0", "-5"), "▲5");
    assert_string_equal(fmt("[=1]\"済\";[=0]\"未\";0", "1"), "済");
    assert_string_equal(fmt("[=1]\"済\";[=0]\"未\";0", "0"), "未");
    assert_string_equal(fmt("[=1]\"済\";[=0]\"未\";0", "7"), "7");
    /* colours are not shown; literals in every spelling */
    assert_string_equal(fmt("[Red]0.00", "-3"), "-3.00");
    assert_string_equal(fmt("[Color10]0", "3"), "3");
    assert_string_equal(fmt("\"$\"#,##0.00_);(\"$\"#,##0.00)", "-1234.5"), "($1,234.50)");
    assert_string_equal(fmt("\"$\"#,##0.00_);(\"$\"#,##0.00)", "1234.5"), "$1,234.50 ");
    assert_string_equal(fmt("0\\円", "5"), "5円");
    assert_string_equal(fmt("0!円", "5"), "5円");
    assert_string_equal(fmt("0円", "5"), "5円");
    assert_string_equal(fmt("**0", "5"), "5");
    assert_string_equal(fmt("[$¥-411]#,##0", "1234"), "¥1,234");
    assert_string_equal(fmt("[$€-2] #,##0.00", "3"), "€ 3.00");
    assert_string_equal(fmt("\"Total: \"General", "12.5"), "Total: 12.5");
    assert_string_equal(fmt_builtin(5, "-1234"), "¥-1,234");
    assert_string_equal(fmt_builtin(38, "-1234"), "(1,234)");
    assert_string_equal(fmt_builtin(41, "1234"), " 1,234 ");
    assert_string_equal(fmt_builtin(49, "12"), "12"); /* @ shows numbers as General */
}

static void text_sections(void **state)
{
    (void)state;
    char out[64];
    const char *re = "0;-0;0;\"Re: \"@";
    numfmt *f = numfmt_compile(re, strlen(re));
    assert_true(numfmt_changes_text(f));
    assert_int_equal(numfmt_render_text(f, "件名", strlen("件名"), out, sizeof out),
                     strlen("Re: 件名"));
    assert_string_equal(out, "Re: 件名");
    numfmt_free(f);
    f = numfmt_compile("@\"様\"", strlen("@\"様\""));
    assert_true(numfmt_changes_text(f));
    numfmt_render_text(f, "山田", strlen("山田"), out, sizeof out);
    assert_string_equal(out, "山田様");
    numfmt_free(f);
    f = numfmt_compile("@", 1);
    assert_false(numfmt_changes_text(f));
    assert_true(numfmt_is_general(f));
    numfmt_free(f);
    f = numfmt_compile("0.00", 4);
    assert_false(numfmt_changes_text(f));
    numfmt_free(f);
    /* the output buffer bounds the result */
    f = numfmt_compile("@@@@", 4);
    assert_int_equal(numfmt_render_text(f, "abcdef", 6, out, 10), 9);
    numfmt_free(f);
}

/* ---- built-in ids ----------------------------------------------------------- */

static void builtin_ids_have_ja_jp_codes(void **state)
{
    (void)state;
    assert_string_equal(numfmt_builtin(0), "General");
    assert_null(numfmt_builtin(23)); /* 23-26 are not defined */
    assert_null(numfmt_builtin(59));
    assert_null(numfmt_builtin(164));
    assert_null(numfmt_builtin(100000));
    for (unsigned id = 0; id <= 58; id++) {
        const char *code = numfmt_builtin(id);
        if (!code) continue;
        numfmt *f = numfmt_compile(code, strlen(code));
        numfmt_result r;
        assert_true(numfmt_render(f, "45383.395833333336", 18, 0, false, &r));
        assert_true(r.len > 0);
        numfmt_free(f);
    }
}

static void japanese_builtin_dates(void **state)
{
    (void)state;
    const char *v = "45383.395833333336"; /* 2024-04-01 09:30 */
    assert_string_equal(fmt_builtin(14, v), "2024/4/1");
    assert_string_equal(fmt_builtin(22, v), "2024/4/1 9:30");
    assert_string_equal(fmt_builtin(27, v), "R6.4.1");
    assert_string_equal(fmt_builtin(28, v), "令和6年4月1日");
    assert_string_equal(fmt_builtin(29, v), "令和6年4月1日");
    assert_string_equal(fmt_builtin(30, v), "4/1/24");
    assert_string_equal(fmt_builtin(31, v), "2024年4月1日");
    assert_string_equal(fmt_builtin(32, v), "9時30分");
    assert_string_equal(fmt_builtin(33, v), "9時30分00秒");
    assert_string_equal(fmt_builtin(34, v), "2024年4月");
    assert_string_equal(fmt_builtin(35, v), "4月1日");
    assert_string_equal(fmt_builtin(36, v), "R6.4.1");
    assert_string_equal(fmt_builtin(50, v), "R6.4.1");
    assert_string_equal(fmt_builtin(51, v), "令和6年4月1日");
    assert_string_equal(fmt_builtin(52, v), "2024年4月");
    assert_string_equal(fmt_builtin(53, v), "4月1日");
    assert_string_equal(fmt_builtin(54, v), "令和6年4月1日");
    assert_string_equal(fmt_builtin(55, v), "2024年4月");
    assert_string_equal(fmt_builtin(56, v), "4月1日");
    assert_string_equal(fmt_builtin(57, v), "R6.4.1");
    assert_string_equal(fmt_builtin(58, v), "令和6年4月1日");
    assert_string_equal(fmt_builtin(15, v), "1-Apr-24");
    assert_string_equal(fmt_builtin(16, v), "1-Apr");
    assert_string_equal(fmt_builtin(17, v), "Apr-24");
    assert_string_equal(fmt_builtin(18, v), "9:30 AM");
    assert_string_equal(fmt_builtin(19, v), "9:30:00 AM");
    assert_string_equal(fmt_builtin(20, v), "9:30");
    assert_string_equal(fmt_builtin(21, v), "9:30:00");
    assert_string_equal(fmt_builtin(45, v), "30:00");
    assert_string_equal(fmt_builtin(46, v), "1089201:30:00");
    assert_string_equal(fmt_builtin(47, v), "30:00.0");
}

/* ---- dates and eras ------------------------------------------------------- */

static void era_formats(void **state)
{
    (void)state;
    const char *full = "[$-411]ggge\"年\"m\"月\"d\"日\"";
    assert_string_equal(fmt(full, "45383"), "令和6年4月1日");
    assert_string_equal(fmt("[$-411]ge.m.d", "45383"), "R6.4.1");
    assert_string_equal(fmt("[$-ja-JP]gge\"年\"m\"月\"d\"日\"", "45383"), "令6年4月1日");
    assert_string_equal(fmt("ggge\"年\"m\"月\"d\"日\"", "45383"), "令和6年4月1日");
    assert_string_equal(fmt("ggg ee\"年\"mm\"月\"dd\"日\"", "45383"), "令和 06年04月01日");
    assert_string_equal(fmt("gge", "32000"), "昭62");
    /* boundaries */
    assert_string_equal(fmt(full, "43585"), "平成31年4月30日");
    assert_string_equal(fmt(full, "43586"), "令和1年5月1日");
    assert_string_equal(fmt(full, "32515"), "昭和64年1月7日");
    assert_string_equal(fmt(full, "32516"), "平成1年1月8日");
    assert_string_equal(fmt(full, "9855"), "大正15年12月24日");
    assert_string_equal(fmt(full, "9856"), "昭和1年12月25日");
    assert_string_equal(fmt(full, "4594"), "明治45年7月29日");
    assert_string_equal(fmt(full, "4595"), "大正1年7月30日");
    assert_string_equal(fmt(full, "1"), "明治33年1月1日");
    assert_string_equal(fmt("[$-411]ge.m.d", "4594"), "M45.7.29");
    assert_string_equal(fmt("[$-411]ge.m.d", "9856"), "S1.12.25");
    /* 元年 only when the locale asks for it, as in Excel */
    assert_string_equal(fmt("[$-ja-JP-x-gannen]ggge\"年\"m\"月\"d\"日\";@", "43600"),
                        "令和元年5月15日");
    assert_string_equal(fmt("[$-ja-JP-x-gannen]ggge\"年\"m\"月\"d\"日\"", "44000"),
                        "令和2年6月18日");
    /* with the quoted-literal text section, as in calamine's fixture */
    assert_string_equal(fmt("[$-411]ggge\"年\"m\"月\"d\"日\";@", "44197"), "令和3年1月1日");
    /* bbbb is the Gregorian year beside the era */
    assert_string_equal(fmt("[$-411]ggge\"年\"(bbbb\"年\") m\"月\"d\"日\"", "45383"),
                        "令和6年(2024年) 4月1日");
    /* only lowercase e is an era year; E+ stays scientific */
    assert_string_equal(fmt("0.0E+0", "45383"), "4.5E+4");
}

static void date_and_time_tokens(void **state)
{
    (void)state;
    const char *v = "45383.395833333336";
    assert_string_equal(fmt("yyyy-mm-dd hh:mm:ss", v), "2024-04-01 09:30:00");
    assert_string_equal(fmt("yy/m/d", v), "24/4/1");
    assert_string_equal(fmt("mmm mmmm mmmmm", v), "Apr April A");
    assert_string_equal(fmt("[$-411]mmm", v), "4月");
    assert_string_equal(fmt("ddd dddd", v), "Mon Monday");
    assert_string_equal(fmt("aaa aaaa", v), "月 月曜日");
    assert_string_equal(fmt("[$-411]ddd", v), "月");
    assert_string_equal(fmt("m/d(aaa)", v), "4/1(月)");
    /* m is a minute next to h or s, a month elsewhere */
    assert_string_equal(fmt("h:m", v), "9:30");
    assert_string_equal(fmt("m:ss", v), "30:00");
    assert_string_equal(fmt("m", v), "4");
    assert_string_equal(fmt("h\"時\"mm\"分\"", v), "9時30分");
    /* AM/PM keeps the code's case; 午前/午後 and ja locales */
    assert_string_equal(fmt("h:mm AM/PM", "0.75"), "6:00 PM");
    assert_string_equal(fmt("h:mm am/pm", "0.25"), "6:00 am");
    assert_string_equal(fmt("h:mm A/P", "0.75"), "6:00 P");
    assert_string_equal(fmt("午前/午後h時mm分", "0.75"), "午後6時00分");
    assert_string_equal(fmt("[$-411]AM/PM h:mm", "0.25"), "午前 6:00");
    assert_string_equal(fmt("hh:mm AM/PM", "0"), "12:00 AM");
    /* elapsed time */
    assert_string_equal(fmt("[h]:mm:ss", "1.5"), "36:00:00");
    assert_string_equal(fmt("[mm]:ss", "0.0625"), "90:00");
    assert_string_equal(fmt("[s]", "0.001"), "86");
    /* fractions of a second, and rounding to the shown precision */
    assert_string_equal(fmt("mm:ss.0", "0.0001"), "00:08.6");
    assert_string_equal(fmt("hh:mm:ss.000", "0.5000001"), "12:00:00.009");
    assert_string_equal(fmt("yyyy/m/d h:mm:ss", "45383.9999999"), "2024/4/2 0:00:00");
    assert_string_equal(fmt("h:mm", "0.99930555"), "23:59");
    /* the system long date of a ja-JP Windows */
    assert_string_equal(fmt("[$-x-sysdate]dddd, mmmm dd, yyyy", "45383"), "2024年4月1日");
    assert_string_equal(fmt("[$-F800]dddd, mmmm dd, yyyy", "45383"), "2024年4月1日");
    assert_string_equal(fmt("[$-F400]h:mm:ss AM/PM", "0.5"), "12:00:00");
}

static void iso_values_and_kinds(void **state)
{
    (void)state;
    const numfmt_result *r = render_sys("yyyy/m/d", "45383", false);
    assert_int_equal(r->kind, NUMFMT_DATE);
    assert_string_equal(r->iso, "2024-04-01");
    r = render_sys("yyyy/m/d h:mm", "45383.395833333336", false);
    assert_int_equal(r->kind, NUMFMT_DATETIME);
    assert_string_equal(r->iso, "2024-04-01T09:30:00");
    r = render_sys("h:mm", "45383.395833333336", false);
    assert_int_equal(r->kind, NUMFMT_TIME);
    assert_string_equal(r->iso, "09:30:00");
    r = render_sys("[h]:mm", "1.5", false);
    assert_int_equal(r->kind, NUMFMT_TIME);
    assert_string_equal(r->iso, ""); /* 36 hours is no time of day */
    r = render_sys("0.00", "45383", false);
    assert_int_equal(r->kind, NUMFMT_NUMBER);
    assert_string_equal(r->iso, "");
    /* a negative serial is no date: Excel fills the cell with #, we show
     * the number */
    r = render_sys("yyyy/m/d", "-1", false);
    assert_int_equal(r->kind, NUMFMT_NUMBER);
    assert_string_equal(r->text, "-1");
    r = render_sys("yyyy/m/d", "2958466", false); /* 10000-01-01 */
    assert_int_equal(r->kind, NUMFMT_NUMBER);
    r = render_sys("yyyy/m/d", "2958465", false);
    assert_string_equal(r->text, "9999/12/31");
}

static void excel_1900_leap_year_quirk(void **state)
{
    (void)state;
    const numfmt_result *r = render_sys("yyyy/m/d", "59", false);
    assert_string_equal(r->text, "1900/2/28");
    assert_string_equal(r->iso, "1900-02-28");
    r = render_sys("yyyy/m/d", "60", false);
    assert_string_equal(r->text, "1900/2/29"); /* shown as Excel shows it */
    assert_string_equal(r->iso, "");            /* no such day */
    assert_int_equal(r->kind, NUMFMT_DATE);
    r = render_sys("yyyy/m/d", "61", false);
    assert_string_equal(r->text, "1900/3/1");
    assert_string_equal(r->iso, "1900-03-01");
    r = render_sys("yyyy/m/d", "1", false);
    assert_string_equal(r->text, "1900/1/1");
    assert_string_equal(r->iso, "1900-01-01");
    r = render_sys("yyyy/m/d", "0", false);
    assert_string_equal(r->text, "1900/1/0");
    assert_string_equal(r->iso, "1899-12-31");
    /* Excel's weekdays below 61 follow its own count: 1900-01-01 is a Sunday */
    assert_string_equal(fmt("aaa", "1"), "日");
    assert_string_equal(fmt("aaa", "61"), "木");
    assert_string_equal(fmt("[$-411]ggge\"年\"m\"月\"d\"日\"", "60"), "明治33年2月29日");
}

static void date_system_1904(void **state)
{
    (void)state;
    const numfmt_result *r = render_sys("yyyy/m/d", "0", true);
    assert_string_equal(r->text, "1904/1/1");
    assert_string_equal(r->iso, "1904-01-01");
    r = render_sys("yyyy-mm-dd", "42735", true);
    assert_string_equal(r->text, "2021-01-01");
    r = render_sys("[$-411]ggge\"年\"m\"月\"d\"日\"", "43921", true);
    assert_string_equal(r->text, "令和6年4月1日");
    assert_string_equal(fmt("aaa", "0"), "土"); /* 1900 system: 1900-01-00 */
    r = render_sys("aaa", "0", true);
    assert_string_equal(r->text, "金");          /* 1904-01-01 was a Friday */
}

static void serial_from_civil(void **state)
{
    (void)state;
    assert_true(numfmt_serial_from_civil(2024, 4, 1, 0, 0, 0, false) == 45383.0);
    assert_true(numfmt_serial_from_civil(1900, 1, 1, 0, 0, 0, false) == 1.0);
    assert_true(numfmt_serial_from_civil(1900, 2, 28, 0, 0, 0, false) == 59.0);
    assert_true(numfmt_serial_from_civil(1900, 3, 1, 0, 0, 0, false) == 61.0);
    assert_true(numfmt_serial_from_civil(2021, 1, 1, 0, 0, 0, true) == 42735.0);
    assert_true(numfmt_serial_from_civil(1904, 1, 1, 12, 0, 0, true) == 0.5);
    double t = numfmt_serial_from_civil(2024, 4, 1, 9, 30, 0, false);
    assert_true(t > 45383.3958 && t < 45383.3959);
}

/* ---- native numerals ------------------------------------------------------ */

static void dbnum_numerals(void **state)
{
    (void)state;
    assert_string_equal(fmt("[DBNum1][$-411]ggge\"年\"m\"月\"d\"日\"", "45383"), "令和六年四月一日");
    assert_string_equal(fmt("[DBNum1][$-411]ggge\"年\"m\"月\"d\"日\"", "45627"),
                        "令和六年十二月一日");
    assert_string_equal(fmt("[DBNum1]yyyy\"年\"m\"月\"d\"日\"", "45391"), "二〇二四年四月九日");
    assert_string_equal(fmt("[DBNum1]m\"月\"d\"日\"", "45657"), "十二月三十一日");
    assert_string_equal(fmt("[DBNum2]m\"月\"d\"日\"", "45657"), "壱拾弐月参拾壱日");
    assert_string_equal(fmt("[DBNum3]yyyy\"年\"m\"月\"d\"日\"", "45383"), "２０２４年４月１日");
    assert_string_equal(fmt("[DBNum1]General", "1234"), "千二百三十四");
    assert_string_equal(fmt("[DBNum1]General", "123456789"), "一億二千三百四十五万六千七百八十九");
    assert_string_equal(fmt("[DBNum1]General", "10"), "十");
    assert_string_equal(fmt("[DBNum1]General", "0"), "〇");
    assert_string_equal(fmt("[DBNum2]General", "1234"), "壱阡弐百参拾四");
    assert_string_equal(fmt("[DBNum2]General", "10000"), "壱萬");
    assert_string_equal(fmt("[DBNum1]0", "1234"), "一二三四");
    assert_string_equal(fmt("[DBNum3]0", "1234"), "１２３４");
    assert_string_equal(fmt("[DBNum3]#,##0\"円\"", "1234"), "１,２３４円");
    assert_string_equal(fmt("[DBNum1]General\"円\"", "1500"), "千五百円");
}

/* ---- robustness ------------------------------------------------------------ */

static void assert_sane(const numfmt_result *r)
{
    assert_true(r->len <= NUMFMT_MAX_OUT);
    assert_int_equal(strlen(r->text), r->len);
    assert_int_equal(utf8_valid_prefix(r->text, r->len), r->len);
}

static void hostile_codes_stay_bounded(void **state)
{
    (void)state;
    static char big[20000];
    const char *fills[] = {"0", "%", ",", "\"年\"", "y", "[h]", "E+", "#", "?/", ";", "\\",
                           "_", "*", "[", "\"", "e", "g", "年"};
    const char *values[] = {"0", "1", "-1", "1e300", "-1e-300", "45383.5", "0.5", "123456789"};
    for (size_t k = 0; k < sizeof fills / sizeof fills[0]; k++) {
        size_t fl = strlen(fills[k]), n = 0;
        while (n + fl < sizeof big - 1) {
            memcpy(big + n, fills[k], fl);
            n += fl;
        }
        big[n] = '\0';
        numfmt *f = numfmt_compile(big, n);
        for (size_t v = 0; v < sizeof values / sizeof values[0]; v++) {
            numfmt_result r;
            assert_true(numfmt_render(f, values[v], strlen(values[v]), 0, false, &r));
            assert_sane(&r);
        }
        char out[64];
        assert_true(numfmt_render_text(f, "abc", 3, out, sizeof out) < sizeof out);
        numfmt_free(f);
    }
    /* unterminated quotes and brackets, empty and odd codes */
    const char *odd[] = {"",        "\"abc",   "[>=",        "[$-",   "0.0.0",   "E+",
                         "0E+",     "#/",      "/",          "?/0",   "[h",      "\\",
                         "_",       "*",       ";;;;;;;;",   "@@@",   "General;General",
                         "[DBNum9]0", "[$-ZZZZ]0", "0;[<]0", "\xe5\xb9\xb4\"\xe5", "yyyy;@;@;@;@"};
    for (size_t k = 0; k < sizeof odd / sizeof odd[0]; k++) {
        numfmt *f = numfmt_compile(odd[k], strlen(odd[k]));
        numfmt_result r;
        assert_true(numfmt_render(f, "-1234.5678", 10, 0, false, &r));
        assert_sane(&r);
        assert_true(numfmt_render(f, "45383.25", 8, 0, true, &r));
        assert_sane(&r);
        numfmt_free(f);
    }
}

static void random_codes_never_misbehave(void **state)
{
    (void)state;
    static const char *pieces[] = {"0", "#", "?", ".", ",", "%", "E+", "E-", "e", "/", "@",
                                   "\"x\"", "\\-", "_)", "*-", "[Red]", "[>=10]", "[<0]",
                                   "[h]", "[mm]", "[$-411]", "[DBNum1]", "[DBNum2]", ";",
                                   "y", "yyyy", "m", "mmm", "d", "ddd", "aaa", "h", "s", ".00",
                                   "AM/PM", "g", "ggg", "e", "General", "年", " ", "b", "bbbb"};
    static const char *values[] = {"0", "1", "-1", "0.5", "-0.0001", "45383.395833",
                                   "1e15", "-12345.678", "60", "2958465.9"};
    srand(12345);
    char code[128];
    for (int iter = 0; iter < 20000; iter++) {
        size_t n = 0;
        int parts = 1 + rand() % 10;
        for (int p = 0; p < parts; p++) {
            const char *piece = pieces[rand() % (sizeof pieces / sizeof pieces[0])];
            size_t l = strlen(piece);
            if (n + l >= sizeof code) break;
            memcpy(code + n, piece, l);
            n += l;
        }
        code[n] = '\0';
        numfmt *f = numfmt_compile(code, n);
        const char *v = values[rand() % (sizeof values / sizeof values[0])];
        numfmt_result r;
        assert_true(numfmt_render(f, v, strlen(v), 0, iter & 1, &r));
        assert_sane(&r);
        numfmt_free(f);
    }
}

static void fast_path_matches_token_walk(void **state)
{
    (void)state;
    const char *codes[] = {"0",        "#,##0",     "0.00",        "#,##0.00",     "0%",
                           "0.00%",    "\"¥\"#,##0", "#,##0_ ",    "#,##0\"円\"",  "000000",
                           "#,##0,",   "#,##0,,\"百万\"", "0.0",  "#,###0",      "00.000",
                           "0,000",    "[Red]0.00", "#,##0;\"▲\"#,##0", "0;-0;\"ゼロ\"",
                           "\"$\"#,##0.00_);(\"$\"#,##0.00)"};
    const char *values[] = {"0",       "1",         "-1",      "0.5",          "-0.5",
                            "0.004",   "0.005",     "1234567", "-1234567",     "999.995",
                            "12345678901234567890", "1E-10", "3.14159", "0.125", "99999.5",
                            "1e15",    "123456.789"};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        numfmt *f = numfmt_compile(codes[i], strlen(codes[i]));
        for (size_t j = 0; j < sizeof values / sizeof values[0]; j++) {
            numfmt_result a, b;
            numfmt_no_fast_path = false;
            assert_true(numfmt_render(f, values[j], strlen(values[j]), 0, false, &a));
            numfmt_no_fast_path = true;
            assert_true(numfmt_render(f, values[j], strlen(values[j]), 0, false, &b));
            numfmt_no_fast_path = false;
            if (strcmp(a.text, b.text) != 0)
                fail_msg("%s with %s: fast [%s], walk [%s]", codes[i], values[j], a.text, b.text);
        }
        numfmt_free(f);
    }
}

static void values_from_doubles(void **state)
{
    (void)state;
    numfmt *f = numfmt_compile("0.00", 4);
    numfmt_result r;
    assert_true(numfmt_render(f, NULL, 0, 2.675, false, &r));
    assert_string_equal(r.text, "2.68");
    assert_true(numfmt_render(f, NULL, 0, -0.125, false, &r));
    assert_string_equal(r.text, "-0.13");
    numfmt_free(f);
    f = numfmt_compile("yyyy-mm-dd", 10);
    assert_true(numfmt_render(f, NULL, 0, 45383.0, false, &r));
    assert_string_equal(r.text, "2024-04-01");
    numfmt_free(f);
    assert_true(numfmt_general(NULL, 0, 1.0 / 3.0, &r));
    assert_string_equal(r.text, "0.333333333");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(general_shows_up_to_eleven_characters),
        cmocka_unit_test(general_rejects_what_is_not_a_number),
        cmocka_unit_test(fixed_layouts_round_like_excel),
        cmocka_unit_test(percent_scaling_and_exponents),
        cmocka_unit_test(fractions),
        cmocka_unit_test(sections_conditions_and_literals),
        cmocka_unit_test(text_sections),
        cmocka_unit_test(builtin_ids_have_ja_jp_codes),
        cmocka_unit_test(japanese_builtin_dates),
        cmocka_unit_test(era_formats),
        cmocka_unit_test(date_and_time_tokens),
        cmocka_unit_test(iso_values_and_kinds),
        cmocka_unit_test(excel_1900_leap_year_quirk),
        cmocka_unit_test(date_system_1904),
        cmocka_unit_test(serial_from_civil),
        cmocka_unit_test(dbnum_numerals),
        cmocka_unit_test(hostile_codes_stay_bounded),
        cmocka_unit_test(random_codes_never_misbehave),
        cmocka_unit_test(fast_path_matches_token_walk),
        cmocka_unit_test(values_from_doubles),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

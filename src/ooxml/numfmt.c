/*
 * numfmt.c - compiling and rendering Excel number formats (see numfmt.h).
 *
 * Compiling splits the code into at most four sections at ';' (outside
 * quotes, escapes and brackets), decides per section whether it shows a
 * date (any date or time letter outside quotes and brackets, or an elapsed
 * [h]/[m]/[s]), and turns the section into tokens: literals, digit
 * placeholders 0 # ?, point, comma, %, E+/E-, fraction bar, @, General, and
 * the date/time fields. A second look over a section's tokens gives every
 * placeholder its role (integer, decimals, exponent, numerator,
 * denominator) and every comma its meaning (grouping, scaling by 1000, or a
 * literal), so rendering is one walk over the tokens.
 *
 * Numbers are decimal digit strings (nf_dec) rounded to Excel's 15
 * significant digits; the date path alone goes through a double, because a
 * serial is a day count plus a fraction of a day.
 *
 * Dates: serial 0 of the 1900 system is 1899-12-30 from serial 61 on; below
 * 61 Excel counts the fictitious 1900-02-29 (serial 60), so serials 1..59
 * are one day later (serial 1 = 1900-01-01) and serial 0 shows as
 * 1900/1/0. Serial 60 is shown as 1900/2/29 like Excel and gets no ISO
 * value, since no such day exists. The 1904 system counts from 1904-01-01.
 * Eras (g, gg, ggg; e, ee) are Japanese in every section, because polint
 * shows cells as a ja-JP Excel does; year 1 of an era is 1, and 元 only with
 * the -x-gannen locale tag, as in Excel. Only lowercase e is an era year:
 * E+ and E- are exponents, a bare E is text.
 *
 * Choices where Excel's behaviour is locale- or width-dependent, written
 * down so that tests can hold them:
 *   - General assumes a standard-width cell (11 characters, 6 significant
 *     digits in scientific notation), not the width of the actual column;
 *   - a negative number shown through a date section, or a serial past
 *     9999-12-31, is rendered with General (Excel fills the cell with #);
 *   - with explicit [conditions], the '-' is added unless the chosen
 *     condition admits only negatives ([<0]"▲"0 shows ▲5);
 *   - [DBNum1-3]: digit placeholders substitute digit by digit (一二三四,
 *     壱弐参四, full-width); General and date fields use place units
 *     (千二百三十四, 十二月), except years, which stay digit by digit
 *     (二〇二四年); [DBNum3] date fields keep plain full-width digits;
 *   - _x is one space, *x (fill) is nothing, mmm/ddd are English unless the
 *     section's locale is Japanese; aaa/aaaa are always Japanese.
 * Rendering of the common fixed layouts (#,##0, 0.00%, "¥"#,##0 ...) takes
 * a one-pass path (write_simple); the tests compare it with the general
 * token walk on many values.
 */
#include "numfmt.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"
#include "util/utf8.h"

/* ---- tokens and sections ------------------------------------------------ */

typedef enum tok_type {
    T_LIT, /* pool[off..off+len) */
    T_D0,  /* digit placeholders: 0 */
    T_DH,  /* # */
    T_DQ,  /* ? */
    T_POINT,
    T_COMMA, /* role decided by the section analysis */
    T_PERCENT,
    T_EXP,    /* E+ / E-; flag: 1 when '+' */
    T_SLASH,  /* fraction bar */
    T_FIXDEN, /* fixed denominator, value in val */
    T_AT,
    T_GENERAL,
    T_YEAR,   /* n: 2 or 4 */
    T_MONTH,  /* n: 1..5 */
    T_MINUTE, /* n: 1..2 (an m that sits next to h or s) */
    T_DAY,    /* n: 1..2 */
    T_WDAY,   /* n: 3 or 4; flag: 1 for aaa/aaaa (Japanese names) */
    T_HOUR,
    T_SECOND,
    T_SUBSEC, /* n: digits 1..3 */
    T_AMPM,   /* flag: 0 AM/PM, 1 A/P, 2 午前/午後; pool holds the code text */
    T_EL_H,   /* elapsed [h] [m] [s]; n: width */
    T_EL_M,
    T_EL_S,
    T_ERA,     /* n: 1..3 */
    T_ERAYEAR, /* n: 1..2 */
    T_BYEAR,   /* bb / bbbb: the Gregorian year in a ja-JP Excel */
} tok_type;

/* Placeholder roles and comma meanings (tok.role). */
enum {
    R_NONE = 0,
    R_INT,
    R_FRAC,
    R_EXP,
    R_NUM,
    R_DEN,
    R_COMMA_GROUP,
    R_COMMA_SCALE,
    R_COMMA_LIT,
};

typedef struct tok {
    uint8_t type;
    uint8_t n;
    uint8_t flag;
    uint8_t role;
    uint16_t off, len; /* literal text in the pool */
    uint32_t val;      /* T_FIXDEN */
} tok;

typedef enum cond_op { C_NONE, C_LT, C_LE, C_GT, C_GE, C_EQ, C_NE } cond_op;

typedef struct section {
    uint16_t first, count; /* tokens */
    uint8_t cond;
    double cond_val;
    bool date, has_dpart, has_tpart, ampm;
    bool text;    /* contains @ */
    bool general; /* contains General */
    bool lang_ja, gannen;
    uint8_t dbnum; /* 0..3 */
    uint8_t subsec;
    /* number layout */
    uint16_t ni, nf, ne, nnum, nden;
    uint16_t percent, scale;
    bool group, sci, exp_plus, int_pad, frac, frac_int;
    uint32_t fixden;
    /* literals, then #..#0..0 (grouped or not), then .0..0, then literals
     * and %: the shape of most formats, rendered by write_simple */
    bool simple;
    uint16_t min_int;   /* '0' placeholders of the integer part */
    uint16_t lead_lits; /* tokens before the first placeholder */
} section;

struct numfmt {
    section sec[4];
    int nsec;
    int text_sec; /* -1: none */
    int num[4];   /* sections that take numbers, in order */
    int nnum;
    bool has_cond;
    bool need_double; /* a condition or a date section needs the value as a double */
    tok *toks;
    int ntok, cap_tok;
    char *pool;
    int npool, cap_pool;
};

/* ---- bounded output ------------------------------------------------------ */

typedef struct nf_w {
    char *buf;
    size_t len, cap;
    uint8_t dbnum; /* digits from the number go through this table */
} nf_w;

static size_t utf8_cut(const char *s, size_t n)
{
    /* Largest prefix length <= n that does not split a character. */
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    return n;
}

static void w_put(nf_w *w, const char *s, size_t n)
{
    if (w->len + n > w->cap) {
        size_t room = w->cap - w->len;
        if (room > n) room = n;
        /* s[room] exists when room < n; cut before a continuation byte */
        room = room < n ? utf8_cut(s, room) : room;
        memcpy(w->buf + w->len, s, room);
        w->len += room;
        w->cap = w->len; /* nothing more fits after a cut */
        return;
    }
    memcpy(w->buf + w->len, s, n);
    w->len += n;
}

static void w_puts(nf_w *w, const char *s)
{
    w_put(w, s, strlen(s));
}

static void w_putc(nf_w *w, char c)
{
    if (w->len < w->cap) w->buf[w->len++] = c;
}

/* ---- native digits ([DBNum1..3]) --------------------------------------- */

static const char *const DIGITS_KANJI[10] = {"〇", "一", "二", "三", "四",
                                             "五", "六", "七", "八", "九"};
static const char *const DIGITS_DAIJI[10] = {"〇", "壱", "弐", "参", "四",
                                             "伍", "六", "七", "八", "九"};
static const char *const DIGITS_WIDE[10] = {"０", "１", "２", "３", "４",
                                            "５", "６", "７", "８", "９"};

static const char *const *digit_table(int dbnum)
{
    switch (dbnum) {
    case 1:
        return DIGITS_KANJI;
    case 2:
        return DIGITS_DAIJI;
    case 3:
        return DIGITS_WIDE;
    default:
        return NULL;
    }
}

/* One digit of the number, through the [DBNum] table of the section. */
static inline void w_digit(nf_w *w, int d)
{
    if (!w->dbnum) {
        if (w->len < w->cap) w->buf[w->len++] = (char)('0' + d);
        return;
    }
    w_puts(w, digit_table(w->dbnum)[d]);
}

/* An integer in kanji with place units (千二百三十四, 壱阡弐百参拾四,
 * １千２百３十４): what [DBNum] does to General and to date fields. */
static void w_kanji_int(nf_w *w, unsigned long long v, int dbnum)
{
    const char *const *dig = digit_table(dbnum);
    static const char *const small1[3] = {"十", "百", "千"};
    static const char *const small2[3] = {"拾", "百", "阡"};
    static const char *const big1[5] = {"", "万", "億", "兆", "京"};
    static const char *const big2[5] = {"", "萬", "億", "兆", "京"};
    const char *const *small = dbnum == 2 ? small2 : small1;
    const char *const *big = dbnum == 2 ? big2 : big1;
    if (v == 0) {
        w_puts(w, dig[0]);
        return;
    }
    int groups[5] = {0};
    int ng = 0;
    while (v > 0 && ng < 5) {
        groups[ng++] = (int)(v % 10000);
        v /= 10000;
    }
    for (int g = ng - 1; g >= 0; g--) {
        int gv = groups[g];
        if (gv == 0) continue;
        int parts[4] = {gv / 1000, gv / 100 % 10, gv / 10 % 10, gv % 10};
        for (int k = 0; k < 4; k++) {
            int d = parts[k];
            if (d == 0) continue;
            bool unit = k < 3;
            /* 十, 百, 千 stand alone for one, except in 大字 where 壱 is
             * written to keep amounts from being altered. */
            if (!(unit && d == 1 && dbnum != 2)) w_puts(w, dig[d]);
            if (unit) w_puts(w, small[2 - k]);
        }
        w_puts(w, big[g]);
    }
}

/* Decimal digits of v, at least pad of them, most significant first;
 * returns the count (tmp has room for 24). */
static int uint_digits(unsigned long long v, int pad, char tmp[24])
{
    char rev[24];
    int n = 0;
    do {
        rev[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v && n < 24);
    while (n < pad && n < 24)
        rev[n++] = '0';
    for (int i = 0; i < n; i++)
        tmp[i] = rev[n - 1 - i];
    return n;
}

/* A date field: plain or zero-padded, in the section's numerals. */
static void w_field(nf_w *w, long v, int pad, int dbnum, bool positional)
{
    if (v < 0) v = 0;
    if (dbnum && positional && pad <= 1 && dbnum != 3) {
        w_kanji_int(w, (unsigned long long)v, dbnum);
        return;
    }
    char tmp[24];
    int n = uint_digits((unsigned long long)v, pad, tmp);
    if (!dbnum) {
        w_put(w, tmp, (size_t)n);
        return;
    }
    uint8_t save = w->dbnum;
    w->dbnum = (uint8_t)dbnum;
    for (int i = 0; i < n; i++)
        w_digit(w, tmp[i] - '0');
    w->dbnum = save;
}

/* ---- decimal numbers ---------------------------------------------------- */

enum { NF_NDIG = 24, NF_PRECISION = 15, NF_MAX_EXP = 400 };

/* value = 0.d[0]d[1]...d[n-1] x 10^exp; d[0] != 0 unless n == 0 (zero);
 * no trailing zeros. */
typedef struct nf_dec {
    uint8_t d[NF_NDIG];
    int n;
    int exp;
    bool neg;
} nf_dec;

static void dec_trim(nf_dec *x)
{
    while (x->n > 0 && x->d[x->n - 1] == 0)
        x->n--;
    if (x->n == 0) x->exp = 0;
}

/* Rounds half away from zero, keeping `keep` leading digits (keep may be
 * <= 0: the value becomes 0 or one unit of the first dropped place). */
static void dec_round_at(nf_dec *x, int keep)
{
    if (x->n <= keep) return;
    if (keep < 0) {
        x->n = 0;
        x->exp = 0;
        return;
    }
    bool up = x->d[keep] >= 5;
    x->n = keep;
    if (up) {
        int i = keep - 1;
        while (i >= 0 && x->d[i] == 9)
            x->d[i--] = 0;
        if (i >= 0) {
            x->d[i]++;
        } else {
            /* 999 -> 1000: one digit more in front */
            x->d[0] = 1;
            x->n = 1;
            x->exp++;
            return;
        }
    }
    dec_trim(x);
}

static void dec_round_sig(nf_dec *x, int sig)
{
    dec_round_at(x, sig);
}

/* Rounds to `places` digits after the decimal point. */
static void dec_round_frac(nf_dec *x, int places)
{
    if (x->n == 0) return;
    long keep = (long)x->exp + places;
    if (keep >= x->n) return;
    if (keep < 0) {
        x->n = 0;
        x->exp = 0;
        return;
    }
    if (keep == 0) {
        /* the first digit is the first dropped one */
        if (x->d[0] >= 5) {
            x->d[0] = 1;
            x->n = 1;
            x->exp = 1 - places;
        } else {
            x->n = 0;
            x->exp = 0;
        }
        return;
    }
    dec_round_at(x, (int)keep);
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Strict parse of a stored number: [+-]digits[.digits][(e|E)[+-]digits],
 * surrounding blanks allowed. Runs once per numeric cell, so it is one
 * pass with no per-character bookkeeping beyond what the digits need. */
static bool dec_parse(const char *s, size_t len, nf_dec *x)
{
    x->n = 0;
    x->exp = 0;
    x->neg = false;
    size_t i = 0;
    if (len && (is_blank(s[0]) || is_blank(s[len - 1]))) {
        while (i < len && is_blank(s[i]))
            i++;
        while (len > i && is_blank(s[len - 1]))
            len--;
    }
    if (i < len && (s[i] == '+' || s[i] == '-')) x->neg = s[i++] == '-';
    size_t start = i;
    long exp = 0;
    while (i < len && s[i] == '0')
        i++; /* leading zeros */
    for (; i < len && (unsigned)(s[i] - '0') < 10; i++) {
        if (x->n < NF_NDIG) x->d[x->n++] = (uint8_t)(s[i] - '0');
        if (exp < 100000) exp++; /* digits past NF_NDIG still scale */
    }
    if (i < len && s[i] == '.') {
        i++;
        if (x->n == 0)
            for (; i < len && s[i] == '0'; i++)
                exp--; /* 0.00ddd */
        for (; i < len && (unsigned)(s[i] - '0') < 10; i++)
            if (x->n < NF_NDIG) x->d[x->n++] = (uint8_t)(s[i] - '0');
    }
    if (i == start || (i == start + 1 && s[start] == '.')) return false; /* no digits */
    if (i < len) {
        if (s[i] != 'e' && s[i] != 'E') return false;
        i++;
        bool eneg = false;
        if (i < len && (s[i] == '+' || s[i] == '-')) eneg = s[i++] == '-';
        if (i >= len) return false;
        long e = 0;
        for (; i < len; i++) {
            if ((unsigned)(s[i] - '0') >= 10) return false;
            if (e < 100000) e = e * 10 + (s[i] - '0');
        }
        exp += eneg ? -e : e;
    }
    x->exp = (int)(exp > 100000 ? 100000 : exp < -100000 ? -100000 : exp);
    dec_trim(x);
    if (x->n > 0 && x->exp > NF_MAX_EXP) return false; /* beyond any double */
    if (x->n > 0 && x->exp < -NF_MAX_EXP) {
        x->n = 0;
        x->exp = 0;
    }
    if (x->n > NF_PRECISION) dec_round_sig(x, NF_PRECISION);
    return true;
}

static bool dec_from_double(double v, nf_dec *x)
{
    if (!isfinite(v)) return false;
    char tmp[40];
    int n = snprintf(tmp, sizeof tmp, "%.17g", v);
    return dec_parse(tmp, (size_t)n, x);
}

static double dec_to_double(const nf_dec *x)
{
    static const double POW10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                     1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                     1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    if (x->n == 0) return 0.0;
    /* At most 15 digits: the mantissa is exact in a double and one
     * multiplication or division by an exact power of ten rounds once,
     * which is what strtod would return. */
    if (x->n <= NF_PRECISION) {
        uint64_t m = 0;
        for (int i = 0; i < x->n; i++)
            m = m * 10 + x->d[i];
        int e = x->exp - x->n;
        if (e >= -22 && e <= 22) {
            double r = e >= 0 ? (double)m * POW10[e] : (double)m / POW10[-e];
            return x->neg ? -r : r;
        }
    }
    char tmp[NF_NDIG + 16];
    size_t k = 0;
    if (x->neg) tmp[k++] = '-';
    tmp[k++] = '0';
    tmp[k++] = '.';
    for (int i = 0; i < x->n; i++)
        tmp[k++] = (char)('0' + x->d[i]);
    snprintf(tmp + k, sizeof tmp - k, "e%d", x->exp);
    return strtod(tmp, NULL);
}

/* Digit at decimal place `pos` counted from the first significant digit
 * (0-based); zeros outside the stored digits. */
static int dec_digit(const nf_dec *x, long pos)
{
    return (pos >= 0 && pos < x->n) ? x->d[pos] : 0;
}

/* ---- General ------------------------------------------------------------- */

/* Plain digits of x (non-negative) without exponent; trailing zeros of the
 * fraction are already gone (nf_dec has none). */
static void write_plain(nf_w *w, const nf_dec *x)
{
    if (x->n == 0) {
        w_digit(w, 0);
        return;
    }
    if (x->exp <= 0) {
        w_digit(w, 0);
        w_putc(w, '.');
        for (int i = 0; i < -x->exp && w->len < w->cap; i++)
            w_digit(w, 0);
        for (int i = 0; i < x->n; i++)
            w_digit(w, x->d[i]);
        return;
    }
    for (long i = 0; i < x->exp && w->len < w->cap; i++)
        w_digit(w, dec_digit(x, i));
    if (x->n > x->exp) {
        w_putc(w, '.');
        for (int i = x->exp; i < x->n; i++)
            w_digit(w, x->d[i]);
    }
}

static void write_sci_general(nf_w *w, nf_dec x)
{
    dec_round_sig(&x, 6);
    int e = x.exp - 1;
    w_digit(w, x.d[0]);
    if (x.n > 1) {
        w_putc(w, '.');
        for (int i = 1; i < x.n; i++)
            w_digit(w, x.d[i]);
    }
    char tmp[24];
    w_putc(w, 'E');
    w_putc(w, e < 0 ? '-' : '+');
    int n = uint_digits((unsigned long long)(e < 0 ? -e : e), 2, tmp);
    w_put(w, tmp, (size_t)n);
}

/* Excel's General in a standard-width cell: at most 11 characters besides
 * the sign; integers up to 11 digits, decimals rounded to fit, scientific
 * notation with 6 significant digits beyond that. */
static void write_general_abs(nf_w *w, nf_dec x)
{
    x.neg = false;
    if (x.n == 0) {
        w_digit(w, 0);
        return;
    }
    if (x.exp > 11) {
        write_sci_general(w, x);
        return;
    }
    if (x.exp >= 1) {
        int places = 10 - x.exp;
        dec_round_frac(&x, places > 0 ? places : 0);
        if (x.exp > 11) {
            write_sci_general(w, x);
            return;
        }
        write_plain(w, &x);
        return;
    }
    if (x.exp >= -3) {
        dec_round_frac(&x, 9);
        write_plain(w, &x);
        return;
    }
    if (-x.exp + x.n <= 9) {
        write_plain(w, &x); /* fits exactly, e.g. 0.00001234 */
        return;
    }
    write_sci_general(w, x);
}

/* General under [DBNum]: the integer part with place units. */
static void write_general_native(nf_w *w, const nf_dec *x, int dbnum)
{
    char tmp[64];
    nf_w t = {.buf = tmp, .cap = sizeof tmp - 1};
    write_general_abs(&t, *x);
    tmp[t.len] = '\0';
    const char *pt = strchr(tmp, '.');
    size_t intlen = pt ? (size_t)(pt - tmp) : t.len;
    if (strchr(tmp, 'E') || intlen > 19) {
        uint8_t save = w->dbnum;
        w->dbnum = (uint8_t)dbnum;
        for (size_t i = 0; i < t.len; i++) {
            if (tmp[i] >= '0' && tmp[i] <= '9')
                w_digit(w, tmp[i] - '0');
            else
                w_putc(w, tmp[i]);
        }
        w->dbnum = save;
        return;
    }
    unsigned long long iv = 0;
    for (size_t i = 0; i < intlen; i++)
        iv = iv * 10 + (unsigned)(tmp[i] - '0');
    w_kanji_int(w, iv, dbnum);
    if (pt) {
        w_putc(w, '.');
        uint8_t save = w->dbnum;
        w->dbnum = (uint8_t)dbnum;
        for (const char *c = pt + 1; *c; c++)
            w_digit(w, *c - '0');
        w->dbnum = save;
    }
}

static void write_general(nf_w *w, const nf_dec *x, bool sign, int dbnum)
{
    if (sign && x->neg && x->n > 0) w_putc(w, '-');
    if (dbnum)
        write_general_native(w, x, dbnum);
    else
        write_general_abs(w, *x);
}

/* ---- compiling ------------------------------------------------------------ */

static int ci_prefix(const char *s, size_t n, const char *word)
{
    size_t k = strlen(word);
    if (n < k) return 0;
    for (size_t i = 0; i < k; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        if (c != word[i]) return 0;
    }
    return (int)k;
}

static size_t u8len(const char *s, size_t n)
{
    unsigned char c = (unsigned char)s[0];
    size_t k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    return k > n ? n : k;
}

static char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

static size_t run_of(const char *s, size_t n, size_t i)
{
    char c = lower(s[i]);
    size_t k = i;
    while (k < n && lower(s[k]) == c)
        k++;
    return k - i;
}

static tok *push(numfmt *f, tok_type type, int n, int flag)
{
    if (f->ntok >= f->cap_tok) return NULL; /* cannot happen: sized by the code */
    tok *t = &f->toks[f->ntok++];
    memset(t, 0, sizeof *t);
    t->type = (uint8_t)type;
    t->n = (uint8_t)(n > 255 ? 255 : n);
    t->flag = (uint8_t)flag;
    return t;
}

static void lit(numfmt *f, section *sec, const char *s, size_t n)
{
    if (n == 0) return;
    if ((size_t)(f->cap_pool - f->npool) < n) n = (size_t)(f->cap_pool - f->npool);
    tok *prev = f->ntok > sec->first ? &f->toks[f->ntok - 1] : NULL;
    if (prev && prev->type == T_LIT && prev->off + prev->len == f->npool) {
        prev->len = (uint16_t)(prev->len + n);
    } else {
        tok *t = push(f, T_LIT, 0, 0);
        if (!t) return;
        t->off = (uint16_t)f->npool;
        t->len = (uint16_t)n;
    }
    memcpy(f->pool + f->npool, s, n);
    f->npool += (int)n;
}

/* Text kept in the pool for a non-literal token (AM/PM case). */
static void tok_text(numfmt *f, tok *t, const char *s, size_t n)
{
    if (!t || (size_t)(f->cap_pool - f->npool) < n) return;
    t->off = (uint16_t)f->npool;
    t->len = (uint16_t)n;
    memcpy(f->pool + f->npool, s, n);
    f->npool += (int)n;
}

static bool is_digit_tok(const tok *t)
{
    return t->type == T_D0 || t->type == T_DH || t->type == T_DQ;
}

/* Does this bracket content name a system date/time placeholder? */
static int bracket_system(const char *b, size_t n)
{
    if (n < 2 || b[0] != '$') return 0;
    const char *dash = memchr(b, '-', n);
    if (!dash) return 0;
    size_t rest = n - (size_t)(dash + 1 - b);
    const char *r = dash + 1;
    if (ci_prefix(r, rest, "x-sysdate") || (rest == 4 && ci_prefix(r, rest, "f800"))) return 1;
    if (ci_prefix(r, rest, "x-systime") || (rest == 4 && ci_prefix(r, rest, "f400"))) return 2;
    return 0;
}

/* A section shows a date when a date/time letter appears outside quotes,
 * escapes and brackets, or it has an elapsed-time bracket. */
static bool section_is_date(const char *s, size_t n, int *system)
{
    *system = 0;
    bool date = false;
    for (size_t i = 0; i < n;) {
        char c = s[i];
        if (c == '"') {
            size_t j = i + 1;
            while (j < n && s[j] != '"')
                j++;
            i = j < n ? j + 1 : n;
            continue;
        }
        if (c == '\\' || c == '!' || c == '_' || c == '*') {
            i += 1 + (i + 1 < n ? u8len(s + i + 1, n - i - 1) : 0);
            continue;
        }
        if (c == '[') {
            size_t j = i + 1;
            while (j < n && s[j] != ']')
                j++;
            const char *b = s + i + 1;
            size_t bl = j - i - 1;
            int sys = bracket_system(b, bl);
            if (sys) *system = sys;
            if (bl > 0) {
                char l = lower(b[0]);
                bool same = (l == 'h' || l == 'm' || l == 's');
                for (size_t k = 0; k < bl && same; k++)
                    same = lower(b[k]) == l;
                if (same) date = true;
            }
            i = j < n ? j + 1 : n;
            continue;
        }
        int g = ci_prefix(s + i, n - i, "general");
        if (g) {
            i += (size_t)g;
            continue;
        }
        char l = lower(c);
        if (l == 'y' || l == 'm' || l == 'd' || l == 'h' || l == 's' || l == 'g') date = true;
        if (c == 'e' && !(i + 1 < n && (s[i + 1] == '+' || s[i + 1] == '-'))) date = true;
        if (l == 'a' && (ci_prefix(s + i, n - i, "am/pm") || ci_prefix(s + i, n - i, "a/p") ||
                         run_of(s, n, i) >= 3))
            date = true;
        if (l == 'b' && i + 1 < n && lower(s[i + 1]) == 'b') date = true;
        if (n - i >= 13 && memcmp(s + i, "午前/午後", 13) == 0) date = true;
        i += u8len(s + i, n - i);
    }
    return date;
}

static void bracket(numfmt *f, section *sec, const char *b, size_t n)
{
    if (n == 0) return;
    char l = lower(b[0]);
    /* conditions */
    if (b[0] == '<' || b[0] == '>' || b[0] == '=') {
        size_t i = 1;
        cond_op op;
        if (b[0] == '<' && n > 1 && b[1] == '=')
            op = C_LE, i = 2;
        else if (b[0] == '<' && n > 1 && b[1] == '>')
            op = C_NE, i = 2;
        else if (b[0] == '>' && n > 1 && b[1] == '=')
            op = C_GE, i = 2;
        else if (b[0] == '<')
            op = C_LT;
        else if (b[0] == '>')
            op = C_GT;
        else
            op = C_EQ;
        char tmp[64];
        size_t k = n - i < sizeof tmp - 1 ? n - i : sizeof tmp - 1;
        memcpy(tmp, b + i, k);
        tmp[k] = '\0';
        char *end;
        double v = strtod(tmp, &end);
        if (end != tmp && isfinite(v)) {
            sec->cond = (uint8_t)op;
            sec->cond_val = v;
            f->has_cond = true;
        }
        return;
    }
    /* elapsed time */
    if (l == 'h' || l == 'm' || l == 's') {
        bool same = true;
        for (size_t k = 0; k < n && same; k++)
            same = lower(b[k]) == l;
        if (same) {
            push(f, l == 'h' ? T_EL_H : l == 'm' ? T_EL_M : T_EL_S, (int)n, 0);
            sec->has_tpart = true;
            return;
        }
    }
    int k = ci_prefix(b, n, "dbnum");
    if (k && n == 6 && b[5] >= '1' && b[5] <= '3') {
        sec->dbnum = (uint8_t)(b[5] - '0');
        return;
    }
    if (b[0] == '$') {
        /* [$SYMBOL-LOCALE]: the symbol is shown, the locale chooses names */
        const char *dash = memchr(b, '-', n);
        size_t symlen = dash ? (size_t)(dash - b - 1) : n - 1;
        lit(f, sec, b + 1, symlen);
        if (dash) {
            const char *loc = dash + 1;
            size_t ll = n - (size_t)(loc - b);
            if (ci_prefix(loc, ll, "ja")) sec->lang_ja = true;
            for (size_t i = 0; i + 8 <= ll; i++)
                if (ci_prefix(loc + i, ll - i, "x-gannen")) sec->gannen = true;
            char hex[16];
            size_t hl = ll < sizeof hex - 1 ? ll : sizeof hex - 1;
            memcpy(hex, loc, hl);
            hex[hl] = '\0';
            char *end;
            unsigned long id = strtoul(hex, &end, 16);
            if (end != hex && *end == '\0' && (id & 0xFFFF) == 0x0411) sec->lang_ja = true;
        }
        return;
    }
    /* colours ([Red], [Color10]) and anything else: not shown */
}

typedef struct tokenizer {
    numfmt *f;
    section *sec;
    const char *s;
    size_t n;
    bool seen_point;
} tokenizer;

static const tok *last_non_lit(const tokenizer *tz)
{
    for (int i = tz->f->ntok - 1; i >= tz->sec->first; i--)
        if (tz->f->toks[i].type != T_LIT) return &tz->f->toks[i];
    return NULL;
}

static size_t date_token(tokenizer *tz, size_t i)
{
    numfmt *f = tz->f;
    section *sec = tz->sec;
    const char *s = tz->s;
    size_t n = tz->n;
    char c = s[i], l = lower(c);
    size_t run = run_of(s, n, i);
    switch (l) {
    case 'y':
        push(f, T_YEAR, run <= 2 ? 2 : 4, 0);
        sec->has_dpart = true;
        return i + run;
    case 'm':
        push(f, T_MONTH, run > 5 ? 5 : (int)run, 0);
        return i + run;
    case 'd':
        if (run >= 3)
            push(f, T_WDAY, run >= 4 ? 4 : 3, 0);
        else
            push(f, T_DAY, (int)run, 0);
        sec->has_dpart = true;
        return i + run;
    case 'h':
        push(f, T_HOUR, run >= 2 ? 2 : 1, 0);
        sec->has_tpart = true;
        return i + run;
    case 's':
        push(f, T_SECOND, run >= 2 ? 2 : 1, 0);
        sec->has_tpart = true;
        return i + run;
    case 'g':
        push(f, T_ERA, run >= 3 ? 3 : (int)run, 0);
        sec->has_dpart = true;
        return i + run;
    default:
        break;
    }
    if (c == 'e' && !(i + 1 < n && (s[i + 1] == '+' || s[i + 1] == '-'))) {
        size_t r = 0;
        while (i + r < n && s[i + r] == 'e')
            r++;
        push(f, T_ERAYEAR, r >= 2 ? 2 : 1, 0);
        sec->has_dpart = true;
        return i + r;
    }
    if (l == 'a') {
        if (ci_prefix(s + i, n - i, "am/pm")) {
            tok_text(f, push(f, T_AMPM, 0, 0), s + i, 5);
            sec->ampm = sec->has_tpart = true;
            return i + 5;
        }
        if (ci_prefix(s + i, n - i, "a/p")) {
            tok_text(f, push(f, T_AMPM, 0, 1), s + i, 3);
            sec->ampm = sec->has_tpart = true;
            return i + 3;
        }
        if (run >= 3) {
            push(f, T_WDAY, run >= 4 ? 4 : 3, 1);
            sec->has_dpart = true;
            return i + run;
        }
    }
    if (l == 'b') {
        if (i + 1 < n && (s[i + 1] == '1' || s[i + 1] == '2')) return i + 2; /* calendar */
        if (run >= 2) {
            push(f, T_BYEAR, run >= 3 ? 4 : 2, 0);
            sec->has_dpart = true;
            return i + run;
        }
    }
    if (n - i >= 13 && memcmp(s + i, "午前/午後", 13) == 0) {
        push(f, T_AMPM, 0, 2);
        sec->ampm = sec->has_tpart = true;
        return i + 13;
    }
    if (c == '.' && i + 1 < n && s[i + 1] == '0') {
        const tok *prev = last_non_lit(tz);
        if (prev && (prev->type == T_SECOND || prev->type == T_EL_S)) {
            size_t z = 0;
            while (i + 1 + z < n && s[i + 1 + z] == '0')
                z++;
            int digits = z > 3 ? 3 : (int)z;
            push(f, T_SUBSEC, digits, 0);
            if (digits > sec->subsec) sec->subsec = (uint8_t)digits;
            sec->has_tpart = true;
            return i + 1 + z;
        }
    }
    size_t k = u8len(s + i, n - i);
    lit(f, sec, s + i, k);
    return i + k;
}

static size_t number_token(tokenizer *tz, size_t i)
{
    numfmt *f = tz->f;
    section *sec = tz->sec;
    const char *s = tz->s;
    size_t n = tz->n;
    char c = s[i];
    switch (c) {
    case '0':
        push(f, T_D0, 0, 0);
        return i + 1;
    case '#':
        push(f, T_DH, 0, 0);
        return i + 1;
    case '?':
        push(f, T_DQ, 0, 0);
        return i + 1;
    case '.':
        if (tz->seen_point) break;
        tz->seen_point = true;
        push(f, T_POINT, 0, 0);
        return i + 1;
    case ',':
        push(f, T_COMMA, 0, 0);
        return i + 1;
    case '%':
        push(f, T_PERCENT, 0, 0);
        sec->percent++;
        return i + 1;
    case 'E':
    case 'e':
        if (i + 1 < n && (s[i + 1] == '+' || s[i + 1] == '-')) {
            tok *t = push(f, T_EXP, 0, s[i + 1] == '+');
            tok_text(f, t, s + i, 1);
            return i + 2;
        }
        break;
    case '/': {
        const tok *prev = f->ntok > sec->first ? &f->toks[f->ntok - 1] : NULL;
        if (prev && is_digit_tok(prev) && !sec->frac) {
            push(f, T_SLASH, 0, 0);
            sec->frac = true;
            size_t j = i + 1;
            if (j < n && s[j] >= '1' && s[j] <= '9') {
                uint32_t v = 0;
                while (j < n && s[j] >= '0' && s[j] <= '9') {
                    if (v < 1000000) v = v * 10 + (uint32_t)(s[j] - '0');
                    j++;
                }
                tok *t = push(f, T_FIXDEN, 0, 0);
                if (t) t->val = v;
                sec->fixden = v;
            }
            return j;
        }
        break;
    }
    default:
        break;
    }
    size_t k = u8len(s + i, n - i);
    lit(f, sec, s + i, k);
    return i + k;
}

/* An m between h and s is a minute: after an hour field, or before a
 * seconds field (literals in between do not count). */
static void resolve_minutes(numfmt *f, section *sec)
{
    tok *t = f->toks + sec->first;
    int n = sec->count;
    for (int i = 0; i < n; i++) {
        if (t[i].type != T_MONTH || t[i].n > 2) continue;
        bool minute = false;
        for (int j = i - 1; j >= 0; j--) {
            if (t[j].type == T_LIT) continue;
            minute = t[j].type == T_HOUR || t[j].type == T_EL_H;
            break;
        }
        for (int j = i + 1; j < n && !minute; j++) {
            if (t[j].type == T_LIT) continue;
            minute = t[j].type == T_SECOND || t[j].type == T_EL_S;
            break;
        }
        if (minute) {
            t[i].type = T_MINUTE;
            sec->has_tpart = true;
        } else {
            sec->has_dpart = true;
        }
    }
    for (int i = 0; i < n; i++)
        if (t[i].type == T_MONTH) sec->has_dpart = true;
}

/* Is the section literals, #..#0..0, an optional .0..0, then literals and
 * % only (e.g. "#,##0", "0.00%", "\"¥\"#,##0_ ")? */
static void detect_simple(const tok *t, int n, section *sec)
{
    if (sec->dbnum || sec->sci || sec->general || sec->ni == 0) return;
    int i = 0;
    while (i < n && t[i].type == T_LIT)
        i++;
    sec->lead_lits = (uint16_t)i;
    bool seen_zero = false;
    for (; i < n; i++) {
        const tok *k = &t[i];
        if (k->type == T_D0 && k->role == R_INT) {
            seen_zero = true;
            sec->min_int++;
        } else if (k->type == T_DH && k->role == R_INT && !seen_zero) {
            continue;
        } else if (k->type == T_COMMA && k->role == R_COMMA_GROUP) {
            continue;
        } else {
            break;
        }
    }
    if (!seen_zero) return; /* "#,###" hides a zero integer part: the walker knows */
    if (i < n && t[i].type == T_POINT) {
        for (i++; i < n && t[i].type == T_D0 && t[i].role == R_FRAC; i++) {
        }
    }
    for (; i < n; i++) {
        const tok *k = &t[i];
        if (k->type == T_LIT || k->type == T_PERCENT ||
            (k->type == T_COMMA && k->role == R_COMMA_SCALE))
            continue;
        return;
    }
    sec->simple = true;
}

/* Gives placeholders their roles and commas their meaning. */
static void analyse_number(numfmt *f, section *sec)
{
    tok *t = f->toks + sec->first;
    int n = sec->count;
    int slash = -1;
    for (int i = 0; i < n; i++)
        if (t[i].type == T_SLASH) slash = i;
    if (slash >= 0) {
        /* numerator: the placeholder run right before the bar; integer part:
         * placeholders before that run */
        int ns = slash;
        while (ns > 0 && is_digit_tok(&t[ns - 1]))
            ns--;
        for (int i = 0; i < n; i++) {
            if (!is_digit_tok(&t[i])) continue;
            if (i < ns) {
                t[i].role = R_INT;
                sec->ni++;
                sec->frac_int = true;
                if (t[i].type != T_D0) sec->int_pad = true;
            } else if (i < slash) {
                t[i].role = R_NUM;
                sec->nnum++;
            } else {
                t[i].role = R_DEN;
                sec->nden++;
            }
        }
        for (int i = 0; i < n; i++)
            if (t[i].type == T_COMMA) t[i].role = R_COMMA_LIT;
        return;
    }
    int phase = 0; /* 0 integer, 1 decimals, 2 exponent */
    for (int i = 0; i < n; i++) {
        switch (t[i].type) {
        case T_POINT:
            if (phase == 0) phase = 1;
            break;
        case T_EXP:
            if (phase < 2) {
                phase = 2;
                sec->sci = true;
                sec->exp_plus = t[i].flag;
            } else {
                t[i].type = T_LIT; /* a second exponent is text */
                t[i].len = 1;
            }
            break;
        case T_D0:
        case T_DH:
        case T_DQ:
            if (phase == 0) {
                t[i].role = R_INT;
                sec->ni++;
                if (t[i].type != T_D0) sec->int_pad = true;
            } else if (phase == 1) {
                t[i].role = R_FRAC;
                sec->nf++;
            } else {
                t[i].role = R_EXP;
                sec->ne++;
            }
            break;
        default:
            break;
        }
    }
    /* commas: grouping between integer placeholders, scaling after the last
     * placeholder, text anywhere else */
    for (int i = 0; i < n; i++) {
        if (t[i].type != T_COMMA) continue;
        bool before = false, after_int = false, after_any = false;
        for (int j = 0; j < i; j++)
            before |= is_digit_tok(&t[j]);
        for (int j = i + 1; j < n; j++) {
            if (t[j].type == T_POINT || t[j].type == T_EXP) break;
            if (is_digit_tok(&t[j])) after_int = true;
        }
        for (int j = i + 1; j < n; j++)
            after_any |= is_digit_tok(&t[j]);
        if (before && after_int && t[i].role == R_NONE && (i == 0 || t[i - 1].type != T_POINT)) {
            bool in_int = true;
            for (int j = 0; j < i; j++)
                if (t[j].type == T_POINT || t[j].type == T_EXP) in_int = false;
            if (in_int) {
                t[i].role = R_COMMA_GROUP;
                sec->group = true;
                continue;
            }
        }
        if (before && !after_any) {
            t[i].role = R_COMMA_SCALE;
            sec->scale++;
            continue;
        }
        if (before && !after_int) {
            /* a comma right after the integer digits and before the point */
            t[i].role = R_COMMA_SCALE;
            sec->scale++;
            continue;
        }
        t[i].role = R_COMMA_LIT;
    }
    detect_simple(t, n, sec);
}

static const char JA_LONG_DATE[] = "yyyy\"年\"m\"月\"d\"日\"";
static const char JA_LONG_TIME[] = "h:mm:ss";

static void compile_section(numfmt *f, const char *s, size_t n)
{
    section *sec = &f->sec[f->nsec++];
    memset(sec, 0, sizeof *sec);
    sec->first = (uint16_t)f->ntok;
    int system;
    sec->date = section_is_date(s, n, &system);
    if (system) {
        /* The system long date/time of a ja-JP Windows replaces the rest. */
        s = system == 1 ? JA_LONG_DATE : JA_LONG_TIME;
        n = strlen(s);
        sec->date = true;
        sec->lang_ja = true;
    }
    tokenizer tz = {.f = f, .sec = sec, .s = s, .n = n};
    for (size_t i = 0; i < n;) {
        char c = s[i];
        if (c == '"') {
            size_t j = i + 1;
            while (j < n && s[j] != '"')
                j++;
            lit(f, sec, s + i + 1, j - i - 1);
            i = j < n ? j + 1 : n;
        } else if (c == '\\' || c == '!') {
            size_t k = i + 1 < n ? u8len(s + i + 1, n - i - 1) : 0;
            lit(f, sec, s + i + 1, k);
            i += 1 + k;
        } else if (c == '_') {
            size_t k = i + 1 < n ? u8len(s + i + 1, n - i - 1) : 0;
            lit(f, sec, " ", 1); /* the width of a character, e.g. _) */
            i += 1 + k;
        } else if (c == '*') {
            size_t k = i + 1 < n ? u8len(s + i + 1, n - i - 1) : 0;
            i += 1 + k; /* fill to the cell width: nothing in text */
        } else if (c == '[') {
            size_t j = i + 1;
            while (j < n && s[j] != ']')
                j++;
            bracket(f, sec, s + i + 1, j - i - 1);
            i = j < n ? j + 1 : n;
        } else if (c == '@') {
            push(f, T_AT, 0, 0);
            sec->text = true;
            i++;
        } else if ((c == 'G' || c == 'g') && ci_prefix(s + i, n - i, "general")) {
            push(f, T_GENERAL, 0, 0);
            sec->general = true;
            i += 7;
        } else if (sec->date) {
            i = date_token(&tz, i);
        } else {
            i = number_token(&tz, i);
        }
    }
    sec->count = (uint16_t)(f->ntok - sec->first);
    if (sec->date)
        resolve_minutes(f, sec);
    else
        analyse_number(f, sec);
}

numfmt *numfmt_compile(const char *code, size_t len)
{
    if (!code) len = 0;
    if (len > NUMFMT_MAX_CODE) len = utf8_cut(code, NUMFMT_MAX_CODE);
    /* Codes come from validated XML; anything else is cut at its first bad
     * byte so that no broken character can reach the output. */
    len = utf8_valid_prefix(code, len);
    numfmt *f = pl_xcalloc(1, sizeof *f);
    f->cap_tok = (int)len + 40;
    f->cap_pool = (int)len + 40;
    f->toks = pl_xcalloc((size_t)f->cap_tok, sizeof *f->toks);
    f->pool = pl_xmalloc((size_t)f->cap_pool);
    f->text_sec = -1;

    size_t start = 0;
    for (size_t i = 0; i <= len && f->nsec < 4;) {
        if (i == len || code[i] == ';') {
            compile_section(f, code + start, i - start);
            start = ++i;
            continue;
        }
        char c = code[i];
        if (c == '"') {
            i++;
            while (i < len && code[i] != '"')
                i++;
            if (i < len) i++;
        } else if (c == '[') {
            while (i < len && code[i] != ']')
                i++;
            if (i < len) i++;
        } else if (c == '\\' || c == '!' || c == '_' || c == '*') {
            i += 1 + (i + 1 < len ? u8len(code + i + 1, len - i - 1) : 0);
        } else {
            i++;
        }
    }
    if (len == 0) {
        f->nsec = 0;
        f->ntok = 0;
        compile_section(f, "General", 7);
    }

    /* Which sections take numbers and which takes text. */
    int last = f->nsec - 1;
    if (f->nsec == 4) {
        f->text_sec = 3;
    } else if (f->sec[last].text && !f->sec[last].date) {
        f->text_sec = last;
    }
    for (int i = 0; i < f->nsec && i < 3; i++)
        if (i != f->text_sec) f->num[f->nnum++] = i;
    f->need_double = f->has_cond;
    for (int i = 0; i < f->nnum; i++)
        f->need_double |= f->sec[f->num[i]].date;
    return f;
}

void numfmt_free(numfmt *f)
{
    if (!f) return;
    free(f->toks);
    free(f->pool);
    free(f);
}

bool numfmt_is_general(const numfmt *f)
{
    if (f->nnum == 0) return true;
    if (f->nnum != 1) return false;
    const section *s = &f->sec[f->num[0]];
    return s->count == 1 && f->toks[s->first].type == T_GENERAL && !s->dbnum && !s->cond;
}

bool numfmt_is_date(const numfmt *f)
{
    return f->nnum > 0 && f->sec[f->num[0]].date;
}

bool numfmt_changes_text(const numfmt *f)
{
    if (f->text_sec < 0) return false;
    const section *s = &f->sec[f->text_sec];
    return !(s->count == 1 && f->toks[s->first].type == T_AT);
}

/* ---- rendering numbers ------------------------------------------------------ */

static bool cond_holds(cond_op op, double v, double c)
{
    switch (op) {
    case C_LT:
        return v < c;
    case C_LE:
        return v <= c;
    case C_GT:
        return v > c;
    case C_GE:
        return v >= c;
    case C_EQ:
        return v == c;
    case C_NE:
        return v != c;
    default:
        return true;
    }
}

/* A condition that only negative numbers (or zero) can meet, like [<0]:
 * the section then shows its own sign, as "▲"0 does. */
static bool cond_negative_only(const section *s)
{
    return (s->cond == C_LT || s->cond == C_LE) && s->cond_val <= 0;
}

/* Picks the section for a number; *sign tells whether a '-' goes in front. */
static int choose_section(const numfmt *f, const nf_dec *x, double v, bool *sign)
{
    bool neg = x->neg && x->n > 0, zero = x->n == 0;
    *sign = false;
    if (f->nnum == 0) return -1;
    if (!f->has_cond) {
        if (f->nnum == 1) {
            *sign = neg;
            return f->num[0];
        }
        if (neg) return f->num[1];
        if (zero && f->nnum >= 3) return f->num[2];
        return f->num[0];
    }
    for (int k = 0; k < f->nnum; k++) {
        const section *s = &f->sec[f->num[k]];
        bool last = k == f->nnum - 1;
        bool match;
        if (s->cond)
            match = cond_holds((cond_op)s->cond, v, s->cond_val);
        else if (last)
            match = true;
        else if (k == 0)
            match = f->nnum >= 3 ? v > 0 : v >= 0;
        else
            match = v < 0;
        if (!match) continue;
        if (s->cond)
            *sign = neg && !cond_negative_only(s);
        else
            *sign = neg && (last || k == 0);
        return f->num[k];
    }
    return -1;
}

/* Writes the integer digits of x (value already rounded) into the integer
 * placeholders, right-aligned, with grouping. */
typedef struct int_part {
    const nf_dec *x;
    long nint; /* digits before the point (0 when the integer part is 0) */
    int ni;    /* placeholders */
    int seen;  /* placeholders written so far */
    bool group;
} int_part;

static void int_digit_at(nf_w *w, const int_part *ip, long p)
{
    /* p counts from the right, 0 = units */
    w_digit(w, dec_digit(ip->x, ip->nint - 1 - p));
    if (ip->group && p > 0 && p % 3 == 0) w_putc(w, ',');
}

static void int_placeholder(nf_w *w, int_part *ip, const tok *t)
{
    long p = ip->ni - 1 - ip->seen;
    if (ip->seen == 0) {
        /* digits beyond the placeholders go before the first one */
        for (long q = ip->nint - 1; q > p && w->len < w->cap; q--)
            int_digit_at(w, ip, q);
    }
    ip->seen++;
    if (p < ip->nint) {
        int_digit_at(w, ip, p);
    } else if (t->type == T_D0) {
        w_digit(w, 0);
        if (ip->group && p > 0 && p % 3 == 0) w_putc(w, ',');
    } else if (t->type == T_DQ) {
        w_putc(w, ' ');
    }
}

static void write_exponent(nf_w *w, const numfmt *f, const section *sec, const tok *t, int e,
                           int at)
{
    const tok *all = f->toks + sec->first;
    int count = sec->count;
    w_putc(w, t->len ? f->pool[t->off] : 'E');
    if (e < 0)
        w_putc(w, '-');
    else if (sec->exp_plus)
        w_putc(w, '+');
    int ae = e < 0 ? -e : e;
    int zeros = 0;
    for (int j = at + 1; j < count; j++)
        if (all[j].role == R_EXP && all[j].type == T_D0) zeros++;
    char tmp[24];
    int n = uint_digits((unsigned long long)ae, zeros > 6 ? 6 : zeros, tmp);
    for (int i = 0; i < n; i++)
        w_digit(w, tmp[i] - '0');
}

/* The common layouts in one pass (see detect_simple); same output as the
 * token walk in write_number, which the unit tests check. */
static void write_simple(nf_w *w, const numfmt *f, const section *sec, nf_dec x, bool sign)
{
    const tok *t = f->toks + sec->first;
    x.neg = false;
    if (x.n > 0) {
        long e = (long)x.exp + 2L * sec->percent - 3L * sec->scale;
        x.exp = (int)(e > 30000 ? 30000 : e < -30000 ? -30000 : e);
    }
    dec_round_frac(&x, sec->nf);
    if (sign) w_putc(w, '-');
    for (int i = 0; i < sec->lead_lits; i++)
        w_put(w, f->pool + t[i].off, t[i].len);
    long nint = x.n > 0 && x.exp > 0 ? x.exp : 0;
    long width = nint > sec->min_int ? nint : sec->min_int;
    for (long p = width - 1; p >= 0 && w->len < w->cap; p--) {
        w_digit(w, dec_digit(&x, nint - 1 - p));
        if (sec->group && p > 0 && p % 3 == 0) w_putc(w, ',');
    }
    if (sec->nf) {
        w_putc(w, '.');
        for (int j = 0; j < sec->nf; j++)
            w_digit(w, dec_digit(&x, (long)x.exp + j));
    }
    /* what follows the number: literals and percent signs, in order */
    int i = sec->lead_lits;
    while (i < sec->count && (t[i].type != T_LIT && t[i].type != T_PERCENT))
        i++;
    for (; i < sec->count; i++) {
        if (t[i].type == T_LIT)
            w_put(w, f->pool + t[i].off, t[i].len);
        else if (t[i].type == T_PERCENT)
            w_putc(w, '%');
    }
}

/* Exponent for a value 0.ddd x 10^X: the mantissa gets as many integer
 * digits as the code has placeholders, or, for ##0.0E+0, the exponent is a
 * multiple of the placeholder count (engineering notation). */
static long sci_exponent(const section *sec, long X)
{
    if (sec->ni > 1 && sec->int_pad) {
        long q = X - 1;
        long w = sec->ni;
        return (q >= 0 ? q / w : -((-q + w - 1) / w)) * w;
    }
    return X - (sec->ni > 0 ? sec->ni : 1);
}

/* Fixed and scientific layouts: one walk over the section's tokens. */
static void write_number(nf_w *w, const numfmt *f, const section *sec, nf_dec x, bool sign,
                         const nf_dec *orig)
{
    const tok *t = f->toks + sec->first;
    int count = sec->count;
    x.neg = false;
    if (x.n > 0) {
        long e = (long)x.exp + 2L * sec->percent - 3L * sec->scale;
        x.exp = (int)(e > 30000 ? 30000 : e < -30000 ? -30000 : e);
    }
    int e10 = 0;
    if (sec->sci && x.n > 0) {
        long X = x.exp;
        long e = sci_exponent(sec, X);
        x.exp = (int)(X - e);
        int before = x.exp;
        dec_round_frac(&x, sec->nf);
        if (x.exp != before) {
            /* 9.99 -> 10.0 moved the exponent: x is now a power of ten */
            X = x.exp + e;
            long e2 = sci_exponent(sec, X);
            x.exp = (int)(X - e2);
            e = e2;
        }
        e10 = (int)e;
    } else {
        dec_round_frac(&x, sec->nf);
    }
    if (sign) w_putc(w, '-');
    w->dbnum = sec->dbnum;
    int_part ip = {
        .x = &x, .nint = x.n > 0 && x.exp > 0 ? x.exp : 0, .ni = sec->ni, .group = sec->group};
    int last_nz = -1;
    for (int j = 0; j < sec->nf; j++)
        if (dec_digit(&x, (long)x.exp + j) != 0) last_nz = j;
    int fj = 0;
    bool int_done = sec->ni > 0;
    for (int i = 0; i < count; i++) {
        const tok *k = &t[i];
        switch (k->type) {
        case T_LIT:
            w_put(w, f->pool + k->off, k->len);
            break;
        case T_D0:
        case T_DH:
        case T_DQ:
            if (k->role == R_INT) {
                int_placeholder(w, &ip, k);
            } else if (k->role == R_FRAC) {
                if (fj <= last_nz)
                    w_digit(w, dec_digit(&x, (long)x.exp + fj));
                else if (k->type == T_D0)
                    w_digit(w, 0);
                else if (k->type == T_DQ)
                    w_putc(w, ' ');
                fj++;
            }
            break;
        case T_POINT:
            if (!int_done) {
                for (long q = ip.nint - 1; q >= 0 && w->len < w->cap; q--)
                    int_digit_at(w, &ip, q);
                int_done = true;
            }
            w_putc(w, '.');
            break;
        case T_COMMA:
            if (k->role == R_COMMA_LIT) w_putc(w, ',');
            break;
        case T_PERCENT:
            w_putc(w, '%');
            break;
        case T_EXP:
            if (sec->sci) write_exponent(w, f, sec, k, e10, i);
            break;
        case T_GENERAL: {
            nf_dec a = *orig;
            a.neg = false;
            uint8_t save = w->dbnum;
            w->dbnum = 0;
            write_general(w, &a, false, sec->dbnum);
            w->dbnum = save;
            break;
        }
        default:
            break;
        }
    }
    w->dbnum = 0;
}

/* Best p/q with q <= maxden by continued fractions (bounded loop). */
static void best_fraction(double x, long maxden, long *pn, long *pd)
{
    if (maxden < 1) maxden = 1;
    long p0 = 0, q0 = 1, p1 = 1, q1 = 0;
    double r = x;
    for (int it = 0; it < 64; it++) {
        double a = floor(r);
        if (a > 1e9) break;
        long ai = (long)a;
        long p2 = ai * p1 + p0, q2 = ai * q1 + q0;
        if (q2 > maxden) {
            if (q1 > 0) {
                long k = (maxden - q0) / q1;
                long ps = k * p1 + p0, qs = k * q1 + q0;
                if (qs > 0 &&
                    fabs(x - (double)ps / (double)qs) < fabs(x - (double)p1 / (double)q1)) {
                    p1 = ps;
                    q1 = qs;
                }
            }
            break;
        }
        p0 = p1, q0 = q1, p1 = p2, q1 = q2;
        double fr = r - a;
        if (fr < 1e-10) break;
        r = 1.0 / fr;
    }
    if (q1 <= 0) {
        p1 = (long)llround(x);
        q1 = 1;
    }
    *pn = p1;
    *pd = q1;
}

static void write_placeholder_number(nf_w *w, long v, const tok *t, int count, int role,
                                     bool left_align)
{
    char tmp[24];
    int len = uint_digits((unsigned long long)(v < 0 ? 0 : v), 1, tmp);
    int slots = 0;
    for (int i = 0; i < count; i++)
        if (t[i].role == role) slots++;
    int pad = slots > len ? slots - len : 0;
    /* numerators are right-aligned (padding first), denominators left */
    if (!left_align) {
        int seen = 0;
        for (int i = 0; i < count && seen < pad; i++) {
            if (t[i].role != role) continue;
            if (t[i].type == T_D0)
                w_digit(w, 0);
            else if (t[i].type == T_DQ)
                w_putc(w, ' ');
            seen++;
        }
    }
    for (int i = 0; i < len; i++)
        w_digit(w, tmp[i] - '0');
    if (left_align) {
        int seen = 0;
        for (int i = count - 1; i >= 0 && seen < pad; i--) {
            if (t[i].role != role) continue;
            if (t[i].type == T_D0)
                w_digit(w, 0);
            else if (t[i].type == T_DQ)
                w_putc(w, ' ');
            seen++;
        }
    }
}

static void write_fraction(nf_w *w, const numfmt *f, const section *sec, const nf_dec *x0,
                           bool sign)
{
    const tok *t = f->toks + sec->first;
    int count = sec->count;
    nf_dec x = *x0;
    x.neg = false;
    if (x.n > 0) x.exp += 2 * sec->percent - 3 * sec->scale;
    double v = dec_to_double(&x);
    if (v > 1e15) v = 1e15;
    double ip = sec->frac_int ? floor(v) : 0.0;
    double fr = v - ip;
    long num, den;
    if (sec->fixden) {
        den = (long)sec->fixden;
        num = (long)llround(fr * (double)den);
    } else {
        long maxden = 1;
        for (int i = 0; i < sec->nden && i < 6; i++)
            maxden *= 10;
        best_fraction(fr, maxden - 1, &num, &den);
    }
    if (sec->frac_int && num >= den && den > 0) {
        ip += (double)(num / den);
        num %= den;
    }
    if (sign) w_putc(w, '-');
    w->dbnum = sec->dbnum;
    bool hide_frac = sec->frac_int && num == 0;
    nf_dec idec;
    dec_from_double(ip, &idec);
    int_part part = {.x = &idec, .nint = idec.n > 0 ? idec.exp : 0, .ni = sec->ni};
    bool wrote_num = false, wrote_den = false;
    for (int i = 0; i < count; i++) {
        const tok *k = &t[i];
        switch (k->type) {
        case T_LIT:
            w_put(w, f->pool + k->off, k->len);
            break;
        case T_D0:
        case T_DH:
        case T_DQ:
            if (k->role == R_INT) {
                if (part.nint == 0 && num == 0) {
                    if (part.seen++ == part.ni - 1) w_digit(w, 0); /* zero shows as 0 */
                } else if (part.nint == 0 && num != 0 && k->type != T_D0) {
                    part.seen++;
                    if (k->type == T_DQ) w_putc(w, ' ');
                } else {
                    int_placeholder(w, &part, k);
                }
            } else if (k->role == R_NUM && !wrote_num) {
                wrote_num = true;
                if (hide_frac) {
                    for (int j = 0; j < sec->nnum; j++)
                        w_putc(w, ' ');
                } else {
                    write_placeholder_number(w, num, t, count, R_NUM, false);
                }
            } else if (k->role == R_DEN && !wrote_den) {
                wrote_den = true;
                if (hide_frac) {
                    for (int j = 0; j < sec->nden; j++)
                        w_putc(w, ' ');
                } else {
                    write_placeholder_number(w, den, t, count, R_DEN, true);
                }
            }
            break;
        case T_SLASH:
            w_putc(w, hide_frac ? ' ' : '/');
            break;
        case T_FIXDEN:
            if (hide_frac) {
                char tmp[16];
                int len = snprintf(tmp, sizeof tmp, "%u", (unsigned)k->val);
                for (int j = 0; j < len; j++)
                    w_putc(w, ' ');
            } else {
                write_placeholder_number(w, (long)k->val, t, 0, R_DEN, true);
            }
            break;
        case T_COMMA:
            if (k->role == R_COMMA_LIT) w_putc(w, ',');
            break;
        case T_PERCENT:
            w_putc(w, '%');
            break;
        default:
            break;
        }
    }
    w->dbnum = 0;
}

/* ---- dates ------------------------------------------------------------------ */

/* Days since 1970-01-01 to a proleptic Gregorian date (Hinnant's day-count
 * arithmetic on 400-year cycles). */
static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

enum {
    DAYS_1899_12_30 = -25569, /* 1900 system day 0 from serial 61 on */
    DAYS_1904_01_01 = -24107,
    MAX_SERIAL_1900 = 2958465, /* 9999-12-31 */
    MAX_SERIAL_1904 = 2957003,
};

double numfmt_serial_from_civil(int y, int m, int d, int hh, int mm, double ss, bool date1904)
{
    long days = days_from_civil(y, m, d);
    double serial;
    if (date1904) {
        serial = (double)(days - DAYS_1904_01_01);
    } else {
        serial = (double)(days - DAYS_1899_12_30);
        if (serial < 61) serial -= 1; /* Excel counts 1900-02-29 */
    }
    return serial + (hh * 3600.0 + mm * 60.0 + ss) / 86400.0;
}

typedef struct excel_date {
    int y, m, d;    /* as Excel shows it (1900-01-00 and 1900-02-29 exist) */
    int wday;       /* 0 = Sunday, Excel's own count */
    bool real;      /* y-m-d is a real calendar day */
    int ry, rm, rd; /* the real day for ISO */
} excel_date;

static void excel_day(long day, bool date1904, excel_date *out)
{
    out->real = true;
    if (date1904) {
        civil_from_days(day + DAYS_1904_01_01, &out->y, &out->m, &out->d);
        out->wday = (int)((day + 5) % 7);
    } else {
        out->wday = (int)((day + 6) % 7);
        if (day == 0) {
            out->y = 1900, out->m = 1, out->d = 0;
        } else if (day == 60) {
            out->y = 1900, out->m = 2, out->d = 29;
            out->real = false;
        } else {
            civil_from_days(day + DAYS_1899_12_30 + (day < 60 ? 1 : 0), &out->y, &out->m, &out->d);
        }
    }
    if (out->real && !date1904 && day == 0) {
        civil_from_days(DAYS_1899_12_30 + 1, &out->ry, &out->rm, &out->rd);
    } else {
        out->ry = out->y, out->rm = out->m, out->rd = out->d;
    }
}

static const struct era {
    int y, m, d;
    const char *abbr, *one, *full;
} ERAS[] = {
    {2019, 5, 1, "R", "令", "令和"},   {1989, 1, 8, "H", "平", "平成"},
    {1926, 12, 25, "S", "昭", "昭和"}, {1912, 7, 30, "T", "大", "大正"},
    {1868, 10, 23, "M", "明", "明治"},
};

static const struct era *era_of(int y, int m, int d)
{
    long key = (long)y * 10000 + m * 100 + d;
    for (size_t i = 0; i < sizeof ERAS / sizeof ERAS[0]; i++)
        if (key >= (long)ERAS[i].y * 10000 + ERAS[i].m * 100 + ERAS[i].d) return &ERAS[i];
    return &ERAS[sizeof ERAS / sizeof ERAS[0] - 1]; /* before Meiji: Excel has no such dates */
}

static const char *const MONTH_ABBR[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
static const char *const MONTH_FULL[12] = {"January",   "February", "March",    "April",
                                           "May",       "June",     "July",     "August",
                                           "September", "October",  "November", "December"};
static const char *const WDAY_ABBR[7] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
static const char *const WDAY_FULL[7] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                         "Thursday", "Friday", "Saturday"};
static const char *const WDAY_JA[7] = {"日", "月", "火", "水", "木", "金", "土"};

static char *put_digits(char *p, int v, int width)
{
    for (int i = width - 1; i >= 0; i--, v /= 10)
        p[i] = (char)('0' + v % 10);
    return p + width;
}

/* "YYYY-MM-DD" (years 1899..9999 here); returns the end, NUL-terminated. */
static char *iso_date(char *p, int y, int m, int d)
{
    p = put_digits(p, y, 4);
    *p++ = '-';
    p = put_digits(p, m, 2);
    *p++ = '-';
    p = put_digits(p, d, 2);
    *p = '\0';
    return p;
}

static char *iso_time(char *p, int h, int m, int s)
{
    p = put_digits(p, h, 2);
    *p++ = ':';
    p = put_digits(p, m, 2);
    *p++ = ':';
    p = put_digits(p, s, 2);
    *p = '\0';
    return p;
}

static bool write_date(nf_w *w, const numfmt *f, const section *sec, double serial, bool date1904,
                       numfmt_result *out)
{
    long max = date1904 ? MAX_SERIAL_1904 : MAX_SERIAL_1900;
    if (!(serial >= 0) || serial >= (double)max + 1) return false;
    int k = sec->subsec;
    long long unit = 1;
    for (int i = 0; i < k; i++)
        unit *= 10;
    long long units, secs, sub = 0;
    long day;
    if (k == 0) {
        /* the common case, with constant divisors the compiler can turn
         * into multiplications */
        units = llround(serial * 86400.0);
        day = (long)(units / 86400);
        secs = units % 86400;
    } else {
        long long per_day = 86400LL * unit;
        units = llround(serial * (double)per_day);
        day = (long)(units / per_day);
        long long rem = units % per_day;
        secs = rem / unit;
        sub = rem % unit;
    }
    int hh = (int)(secs / 3600), mi = (int)(secs / 60 % 60), ss = (int)(secs % 60);
    if (sec->has_dpart && day > max) return false;

    excel_date dt;
    excel_day(day, date1904, &dt);
    const struct era *era = era_of(dt.y, dt.m, dt.d);
    int dbn = sec->dbnum;
    bool ja = sec->lang_ja;
    const tok *t = f->toks + sec->first;
    bool elapsed_long = false;
    for (int i = 0; i < sec->count; i++) {
        const tok *tk = &t[i];
        switch (tk->type) {
        case T_LIT:
            w_put(w, f->pool + tk->off, tk->len);
            break;
        case T_YEAR:
            if (tk->n == 2)
                w_field(w, dt.y % 100, 2, dbn, false);
            else
                w_field(w, dt.y, 4, dbn, false);
            break;
        case T_BYEAR:
            w_field(w, tk->n == 2 ? dt.y % 100 : dt.y, tk->n, dbn, false);
            break;
        case T_MONTH:
            if (tk->n <= 2) {
                w_field(w, dt.m, tk->n, dbn, true);
            } else if (ja && tk->n <= 4) {
                w_field(w, dt.m, 1, dbn, true);
                w_puts(w, "月");
            } else if (tk->n == 3) {
                w_puts(w, MONTH_ABBR[dt.m - 1]);
            } else if (tk->n == 4) {
                w_puts(w, MONTH_FULL[dt.m - 1]);
            } else {
                w_put(w, MONTH_FULL[dt.m - 1], 1);
            }
            break;
        case T_DAY:
            w_field(w, dt.d, tk->n, dbn, true);
            break;
        case T_WDAY:
            if (tk->flag || ja) {
                w_puts(w, WDAY_JA[dt.wday]);
                if (tk->n == 4) w_puts(w, "曜日");
            } else {
                w_puts(w, tk->n == 4 ? WDAY_FULL[dt.wday] : WDAY_ABBR[dt.wday]);
            }
            break;
        case T_HOUR: {
            int h = hh;
            if (sec->ampm) {
                h = hh % 12;
                if (h == 0) h = 12;
            }
            w_field(w, h, tk->n, dbn, true);
            break;
        }
        case T_MINUTE:
            w_field(w, mi, tk->n, dbn, true);
            break;
        case T_SECOND:
            w_field(w, ss, tk->n, dbn, true);
            break;
        case T_SUBSEC: {
            char tmp[4] = "000";
            long long q = sub;
            for (int j = k - 1; j >= 0 && j < 3; j--, q /= 10)
                tmp[j] = (char)('0' + q % 10);
            w_putc(w, '.');
            for (int j = 0; j < tk->n && j < k; j++)
                w_digit(w, tmp[j] - '0');
            break;
        }
        case T_AMPM: {
            bool pm = hh >= 12;
            if (tk->flag == 2 || (tk->flag == 0 && ja)) {
                w_puts(w, pm ? "午後" : "午前");
            } else if (tk->flag == 0) {
                /* keeps the case written in the code: AM/PM or am/pm */
                const char *src = f->pool + tk->off;
                if (tk->len == 5) w_put(w, pm ? src + 3 : src, 2);
            } else {
                const char *src = f->pool + tk->off;
                if (tk->len == 3) w_put(w, pm ? src + 2 : src, 1);
            }
            break;
        }
        case T_EL_H: {
            long long total = units / (3600 * unit);
            if (total >= 24) elapsed_long = true;
            w_field(w, (long)total, tk->n, dbn, false);
            break;
        }
        case T_EL_M: {
            long long total = units / (60 * unit);
            if (total >= 1440) elapsed_long = true;
            w_field(w, (long)total, tk->n, dbn, false);
            break;
        }
        case T_EL_S: {
            long long total = units / unit;
            if (total >= 86400) elapsed_long = true;
            w_field(w, (long)total, tk->n, dbn, false);
            break;
        }
        case T_ERA:
            w_puts(w, tk->n == 1 ? era->abbr : tk->n == 2 ? era->one : era->full);
            break;
        case T_ERAYEAR: {
            int ey = dt.y - era->y + 1;
            if (ey == 1 && sec->gannen)
                w_puts(w, "元");
            else
                w_field(w, ey, tk->n, dbn, true);
            break;
        }
        default:
            break;
        }
    }

    out->kind = sec->has_dpart && sec->has_tpart ? NUMFMT_DATETIME
                : sec->has_dpart                 ? NUMFMT_DATE
                                                 : NUMFMT_TIME;
    out->iso[0] = '\0';
    if (out->kind == NUMFMT_TIME) {
        if (!elapsed_long) iso_time(out->iso, hh, mi, ss);
    } else if (dt.real) {
        char *p = iso_date(out->iso, dt.ry, dt.rm, dt.rd);
        if (out->kind == NUMFMT_DATETIME) {
            *p++ = 'T';
            iso_time(p, hh, mi, ss);
        }
    }
    return true;
}

/* ---- entry points -------------------------------------------------------- */

/* Set by the unit tests to compare write_simple with the token walk. */
bool numfmt_no_fast_path = false;

static void result_init(numfmt_result *out, nf_w *w)
{
    out->kind = NUMFMT_NUMBER;
    out->iso[0] = '\0';
    w->buf = out->text;
    w->len = 0;
    w->cap = NUMFMT_MAX_OUT;
    w->dbnum = 0;
}

static void result_end(numfmt_result *out, nf_w *w)
{
    out->len = w->len;
    out->text[w->len] = '\0';
}

/* A stored number that General shows exactly as written: an integer of up
 * to 10 digits, or a short decimal without trailing zeros. Most cells of a
 * ledger are like that, and they need no parsing at all. */
static bool general_verbatim(const char *s, size_t n)
{
    size_t i = 0;
    if (n > 0 && s[0] == '-') i = 1;
    size_t int_start = i;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    size_t k = i - int_start;
    if (k == 0 || k > 10 || (k > 1 && s[int_start] == '0')) return false;
    bool zero_int = k == 1 && s[int_start] == '0';
    if (i == n) return !(zero_int && int_start == 1); /* "-0" shows as 0 */
    if (s[i] != '.') return false;
    size_t f0 = ++i;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    size_t f = i - f0;
    if (i != n || f == 0 || s[n - 1] == '0') return false;
    return zero_int ? f <= 9 : k + f <= 10;
}

bool numfmt_general(const char *raw, size_t rawlen, double v, numfmt_result *out)
{
    if (raw && rawlen <= 12 && general_verbatim(raw, rawlen)) {
        memcpy(out->text, raw, rawlen);
        out->text[rawlen] = '\0';
        out->len = rawlen;
        out->kind = NUMFMT_NUMBER;
        out->iso[0] = '\0';
        return true;
    }
    nf_dec x;
    if (raw ? !dec_parse(raw, rawlen, &x) : !dec_from_double(v, &x)) return false;
    nf_w w;
    result_init(out, &w);
    write_general(&w, &x, true, 0);
    result_end(out, &w);
    return true;
}

bool numfmt_render(const numfmt *f, const char *raw, size_t rawlen, double v, bool date1904,
                   numfmt_result *out)
{
    nf_dec x;
    if (raw ? !dec_parse(raw, rawlen, &x) : !dec_from_double(v, &x)) return false;
    if (raw) v = f->need_double ? dec_to_double(&x) : 0;

    nf_w w;
    result_init(out, &w);
    bool sign;
    int si = choose_section(f, &x, v, &sign);
    if (si < 0) {
        write_general(&w, &x, true, 0);
        result_end(out, &w);
        return true;
    }
    const section *sec = &f->sec[si];
    if (sec->date) {
        /* A negative serial is no date (Excel fills the cell with #). */
        if (!(x.neg && x.n > 0) && write_date(&w, f, sec, v, date1904, out)) {
            result_end(out, &w);
            return true;
        }
        result_init(out, &w);
        write_general(&w, &x, true, 0);
        result_end(out, &w);
        return true;
    }
    if (sec->frac)
        write_fraction(&w, f, sec, &x, sign);
    else if (sec->simple && !numfmt_no_fast_path)
        write_simple(&w, f, sec, x, sign);
    else
        write_number(&w, f, sec, x, sign, &x);
    result_end(out, &w);
    return true;
}

size_t numfmt_render_text(const numfmt *f, const char *s, size_t n, char *out, size_t out_cap)
{
    if (out_cap == 0) return 0;
    nf_w w = {.buf = out, .cap = out_cap - 1};
    if (f->text_sec < 0) {
        w_put(&w, s, n);
    } else {
        const section *sec = &f->sec[f->text_sec];
        const tok *t = f->toks + sec->first;
        for (int i = 0; i < sec->count; i++) {
            if (t[i].type == T_LIT)
                w_put(&w, f->pool + t[i].off, t[i].len);
            else if (t[i].type == T_AT)
                w_put(&w, s, n);
        }
    }
    out[w.len] = '\0';
    return w.len;
}

/* ---- built-in formats ---------------------------------------------------- */

/* ECMA-376 Part 1 §18.8.30 with the ja-JP choices for the locale-dependent
 * ids (14 and 22 are yyyy/m/d; currency ids use the yen sign; 27-36 and
 * 50-58 are the Japanese date formats). */
const char *numfmt_builtin(unsigned id)
{
    static const char *const TABLE[59] = {
        [0] = "General",
        [1] = "0",
        [2] = "0.00",
        [3] = "#,##0",
        [4] = "#,##0.00",
        [5] = "\"¥\"#,##0;\"¥\"\\-#,##0",
        [6] = "\"¥\"#,##0;[Red]\"¥\"\\-#,##0",
        [7] = "\"¥\"#,##0.00;\"¥\"\\-#,##0.00",
        [8] = "\"¥\"#,##0.00;[Red]\"¥\"\\-#,##0.00",
        [9] = "0%",
        [10] = "0.00%",
        [11] = "0.00E+00",
        [12] = "# ?/?",
        [13] = "# ?\?/?\?", /* written so that no trigraph appears */
        [14] = "yyyy/m/d",
        [15] = "d-mmm-yy",
        [16] = "d-mmm",
        [17] = "mmm-yy",
        [18] = "h:mm AM/PM",
        [19] = "h:mm:ss AM/PM",
        [20] = "h:mm",
        [21] = "h:mm:ss",
        [22] = "yyyy/m/d h:mm",
        [27] = "[$-411]ge.m.d",
        [28] = "[$-411]ggge\"年\"m\"月\"d\"日\"",
        [29] = "[$-411]ggge\"年\"m\"月\"d\"日\"",
        [30] = "m/d/yy",
        [31] = "yyyy\"年\"m\"月\"d\"日\"",
        [32] = "h\"時\"mm\"分\"",
        [33] = "h\"時\"mm\"分\"ss\"秒\"",
        [34] = "yyyy\"年\"m\"月\"",
        [35] = "m\"月\"d\"日\"",
        [36] = "[$-411]ge.m.d",
        [37] = "#,##0 ;(#,##0)",
        [38] = "#,##0 ;[Red](#,##0)",
        [39] = "#,##0.00;(#,##0.00)",
        [40] = "#,##0.00;[Red](#,##0.00)",
        [41] = "_ * #,##0_ ;_ * \\-#,##0_ ;_ * \"-\"_ ;_ @_ ",
        [42] = "_ \"¥\"* #,##0_ ;_ \"¥\"* \\-#,##0_ ;_ \"¥\"* \"-\"_ ;_ @_ ",
        [43] = "_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * \"-\"??_ ;_ @_ ",
        [44] = "_ \"¥\"* #,##0.00_ ;_ \"¥\"* \\-#,##0.00_ ;_ \"¥\"* \"-\"??_ ;_ @_ ",
        [45] = "mm:ss",
        [46] = "[h]:mm:ss",
        [47] = "mm:ss.0",
        [48] = "##0.0E+0",
        [49] = "@",
        [50] = "[$-411]ge.m.d",
        [51] = "[$-411]ggge\"年\"m\"月\"d\"日\"",
        [52] = "yyyy\"年\"m\"月\"",
        [53] = "m\"月\"d\"日\"",
        [54] = "[$-411]ggge\"年\"m\"月\"d\"日\"",
        [55] = "yyyy\"年\"m\"月\"",
        [56] = "m\"月\"d\"日\"",
        [57] = "[$-411]ge.m.d",
        [58] = "[$-411]ggge\"年\"m\"月\"d\"日\"",
    };
    return id < sizeof TABLE / sizeof TABLE[0] ? TABLE[id] : NULL;
}

/*
 * numfmt.h - Excel number formats, rendered as a ja-JP Excel shows them.
 *
 * A worksheet stores numbers; what a reader sees is the number passed
 * through the cell's format code: 45383 with [$-411]ggge"年"m"月"d"日" is
 * 令和6年4月1日, 0.125 with 0.0% is 12.5%. Rules look at what a reader sees,
 * so the XLSX reader renders every cell through this engine.
 *
 * A format code is compiled once (numfmt_compile) into up to four sections
 * of tokens, and then rendered many times; the XLSX reader keeps one compiled
 * format per style. Numbers are rendered from their decimal digits, not from
 * a double: the text stored in <v> is already decimal, Excel itself shows at
 * most 15 significant digits, and scaling by % or by thousands is then just a
 * shift of the decimal point, so 2.675 with 0.00 is 2.68 as in Excel, not
 * 2.67 as printf would say.
 *
 * Hostile codes are safe: the code is cut at NUMFMT_MAX_CODE bytes, nothing
 * recurses, every loop is bounded by the code length, and output stops at
 * NUMFMT_MAX_OUT bytes (at a UTF-8 boundary).
 */
#ifndef PL_OOXML_NUMFMT_H
#define PL_OOXML_NUMFMT_H

#include <stdbool.h>
#include <stddef.h>

enum {
    NUMFMT_MAX_CODE = 1024, /* Excel allows 255 characters */
    NUMFMT_MAX_OUT = 1024,  /* bytes of rendered text */
};

typedef struct numfmt numfmt;

/* What the rendered value is. */
typedef enum numfmt_kind {
    NUMFMT_NUMBER = 0,
    NUMFMT_DATE,     /* date parts only */
    NUMFMT_DATETIME, /* date and time parts */
    NUMFMT_TIME,     /* time parts only (also elapsed [h]:mm) */
    NUMFMT_TEXT,     /* a text section (@) applied to text */
} numfmt_kind;

typedef struct numfmt_result {
    numfmt_kind kind;
    size_t len;
    char text[NUMFMT_MAX_OUT + 8];
    /* ISO 8601 of a date/time: "2024-04-01", "2024-04-01T09:30:00",
     * "09:30:00". Empty when the serial names no real day (Excel's
     * fictitious 1900-02-29, serial 60) or an elapsed time of a day or more. */
    char iso[32];
} numfmt_result;

/* The code of a built-in format id as a ja-JP Excel uses it (0 is
 * "General"); NULL for ids without a built-in code. Ids 27-36 and 50-58
 * are the Japanese date formats that files store without a formatCode. */
const char *numfmt_builtin(unsigned id);

/* Compiles a format code; never fails (unknown bracket codes are ignored,
 * anything else unrecognised is a literal). Free with numfmt_free. */
numfmt *numfmt_compile(const char *code, size_t len);
void numfmt_free(numfmt *f);

/* True when every number goes through General (e.g. "General", "@"). */
bool numfmt_is_general(const numfmt *f);
/* True when the section for positive numbers shows a date or time. */
bool numfmt_is_date(const numfmt *f);
/* True when text cells are changed by the format (a text section with
 * more than a bare @). */
bool numfmt_changes_text(const numfmt *f);

/* Renders a number. raw/rawlen is the decimal text as stored in the file
 * ("45383", "1.5E-3"); when raw is NULL, v is used. date1904 selects the
 * 1904 date system. Returns false when raw is not a number (out is then
 * unchanged). */
bool numfmt_render(const numfmt *f, const char *raw, size_t rawlen, double v, bool date1904,
                   numfmt_result *out);

/* Excel's General format for a number (f may be NULL). */
bool numfmt_general(const char *raw, size_t rawlen, double v, numfmt_result *out);

/* Renders text through the text section; writes at most NUMFMT_MAX_OUT
 * bytes plus the text itself into out (a caller buffer of out_cap bytes,
 * NUL-terminated) and returns the length. Only meaningful when
 * numfmt_changes_text() is true. */
size_t numfmt_render_text(const numfmt *f, const char *s, size_t n, char *out, size_t out_cap);

/* Tests only: when true, every fixed layout goes through the general token
 * walk instead of its one-pass fast path, so both can be compared. */
extern bool numfmt_no_fast_path;

/* Day count helpers, shared with the XLSX reader for t="d" cells. Serial
 * of a Gregorian date and time in the given date system (1900 system:
 * dates before 1900-03-01 get Excel's one-day offset). */
double numfmt_serial_from_civil(int y, int m, int d, int hh, int mm, double ss, bool date1904);

#endif

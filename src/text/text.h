/*
 * text.h - the Japanese text layer: normalisation for matching, with a map
 * back to the source, and readers for the values contracts are checked on
 * (dates, fiscal years, periods, amounts, shares, numerals).
 *
 * NORMALISATION
 * Municipal documents spell one thing many ways: ＩＤ and ID, ｻｰﾊﾞｰ and サーバ,
 * 取り扱い and 取扱い, 條例 and 条例, 「平成\n３１年」 wrapped by a PDF tool. Rules
 * match on normalised text so that one pattern finds a clause however it was
 * typed. Every normalised byte records the source bytes it came from, so
 * evidence always quotes and locates the original characters; a normalised
 * span never maps into the middle of a source character.
 *
 * Folded (each class can be switched off, see TEXT_NORM_*):
 *   width    full-width ASCII → ASCII (ＡＢＣ１２３ → ABC123, （）→ ()); half-width
 *            katakana → full width, a following ﾞ/ﾟ joined into one character
 *            (ｶﾞ → ガ, ﾊﾟ → パ); a kana followed by a combining or spacing sound
 *            mark (か + U+3099, か゛) → が; NFKC for the compatibility classes
 *            where it only removes presentation: CJK compatibility ideographs,
 *            Kangxi radicals, squared words (㍻ → 平成, ㋿ → 令和, ㌔ → キロ),
 *            enclosed CJK words (㈱ → (株)), letter-like symbols (№ → No),
 *            Latin ligatures, presentation forms. Dashes: a hyphen or dash after a
 *            katakana letter is the long vowel mark ー (サ－バ → サーバ); other
 *            hyphens, minus signs and full-width hyphens → '-'; ― and — → ―;
 *            ー between ASCII digits → '-'; ー elsewhere is kept. Wave dashes and
 *            tildes 〜 ～ 〰 ∼ → 〜 (U+301C); an ASCII '~' becomes 〜 only next to
 *            Japanese text (a URL keeps its ~). Commas ， and ',' → '、' next to
 *            Japanese text and ',' between digits or Latin words (1，000 → 1,000).
 *   space    a run of whitespace (incl. U+3000 and line breaks) disappears
 *            between Japanese characters (「令和 6 年」, 「平成\n３１年」 →
 *            平成31年) and becomes one ' ' between Latin letters, digits and
 *            ASCII punctuation (Windows\nServer → Windows Server); leading and
 *            trailing whitespace is dropped. With TEXT_NORM_KEEP_NEWLINES a run
 *            holding a line break becomes one '\n' instead.
 *   iteration ゝゞヽヾ are spelt out (いすゞ → いすず, こゝろ → こころ); 〻 → 々.
 *   kanji    old character forms → the current ones (條 → 条, 國 → 国, 證 → 証,
 *            曆 → 暦, 閱 → 閲), plus a few name variants (髙 → 高, 﨑 → 崎).
 *   variants one spelling per word for okurigana, loanword and kana/kanji
 *            variants: 取り扱い/取扱い/取扱 → 取扱, 引き渡し → 引渡, 申し込み → 申込,
 *            問い合わせ → 問合, 漏洩 → 漏えい, ウィルス → ウイルス, サーバー → サーバ,
 *            コンピューター → コンピュータ, 3ヶ月/3カ月/3箇月 → 3か月 (only after a
 *            numeral: 霞ヶ関 is kept) ... (the list is in variants.c). A canonical
 *            form is never chosen where it is another word: 組み合わせ → 組合せ,
 *            not 組合 (a union).
 *   always   zero-width, bidi-control, variation-selector and control
 *            characters are dropped (they join the source span of the character
 *            before them, so evidence quotes 葛 with its selector); invalid UTF-8
 *            bytes become U+FFFD, so the output is always valid UTF-8.
 *
 * Kept, and why:
 *   ①⑴⒈ ㈠㊀ Ⅰ: enclosed, parenthesised and Roman numerals label items and
 *            sections. NFKC would turn ① into "1" and ⑴ into "(1)", and a match
 *            could no longer tell an item label from a number in a sentence.
 *   々:      the standard way to write 各々, 人々, 佐々木; spelling it out (各各)
 *            would produce forms nobody writes, so patterns would have to.
 *   kanji numerals: 三 stays 三; turning it into 3 would make 第三者 read 第3者
 *            and 一般 read 1般. Numbers are read by the value parsers below.
 *   hiragana/katakana, upper/lower case: distinct words, or left to the
 *            pattern (PCRE2 (?i)).
 *   。:      stays 。; ． becomes '.', not 。, because it also numbers items
 *            (１．) and writes decimals (１．５).
 *   ½ ¹ ‥ … and other symbols NFKC would rewrite into several characters.
 * The price of dropping spaces between Japanese characters is that words a
 * space kept apart join (A社 会議 → A社会議 contains 社会); PDF-wrapped text
 * (「平成
３１年」) is far more common, so the join is the default.
 * Patterns must use the normalised spelling (text_normalize a literal to see
 * it): a pattern written 取り扱い can never match, because no normalised text
 * contains it. The rule engine should normalise the literal parts of patterns
 * and rule examples the same way.
 *
 * The map: for every normalised byte i, src_start[i] .. src_end[i] is the
 * source span of the character(s) that produced it. All bytes of one output
 * character share one span; a replacement that merges characters (ｶﾞ, 取り扱い
 * → 取扱) gives all its bytes the span of the whole source word. Both arrays
 * are non-decreasing, so a span maps with two look-ups.
 *
 * VALUES
 * The readers take any UTF-8 text, source or normalised: they accept full-width
 * and kanji digits, half-width kana and whitespace or line breaks between the
 * parts of a value (令和\n６年, 令和３年２月 ９日). Every span is a byte span in
 * the text passed in, so running them on source text gives evidence spans
 * directly. They are not greedy: a number is read only where a unit (年 月 日
 * 円 % 割 分の ...) makes it a value, never from a digit in the middle of
 * another number, and 三 in 第三者 yields nothing. The find functions write at
 * most cap results and return how many there are (call again with more room
 * if needed); they never allocate.
 */
#ifndef PL_TEXT_H
#define PL_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/status.h"

typedef struct text_span {
    size_t start, end; /* bytes [start, end) */
} text_span;

/* ------------------------------------------------------------------ */
/* Normalisation                                                        */
/* ------------------------------------------------------------------ */

enum text_norm_flags {
    TEXT_NORM_WIDTH = 1u << 0,     /* width, NFKC classes, sound marks, dashes, tildes, commas */
    TEXT_NORM_SPACE = 1u << 1,     /* whitespace runs dropped or collapsed */
    TEXT_NORM_ITERATION = 1u << 2, /* ゝゞヽヾ spelt out, 〻 → 々 */
    TEXT_NORM_KANJI = 1u << 3,     /* old kanji forms → current forms */
    TEXT_NORM_VARIANTS = 1u << 4,  /* one spelling per word (okurigana, loanwords) */
    TEXT_NORM_KEEP_NEWLINES = 1u << 8, /* with SPACE: a run holding a line break → '\n' */
    TEXT_NORM_DEFAULT = TEXT_NORM_WIDTH | TEXT_NORM_SPACE | TEXT_NORM_ITERATION | TEXT_NORM_KANJI |
                        TEXT_NORM_VARIANTS,
};

/* Largest input text_normalize accepts (PL_E_LIMIT beyond). Offsets are
 * 32-bit; the largest expansion (a squared word such as ㌖) is 6x. */
#define TEXT_NORM_MAX_INPUT ((size_t)64 << 20)

typedef struct text_norm {
    char *text;          /* normalised UTF-8, NUL-terminated */
    size_t len;          /* bytes in text */
    uint32_t *src_start; /* len + 1 entries; [len] = source length */
    uint32_t *src_end;   /* len + 1 entries; [len] = source length */
    size_t src_len;
    size_t cap; /* room in the three arrays, kept across calls */
} text_norm;

/* A text_norm can be reused for many texts: each call overwrites the last
 * result and keeps the allocation (one per thread is enough). */
void text_norm_init(text_norm *nm);
void text_norm_free(text_norm *nm);

/* Normalises src[0..n) with flags (TEXT_NORM_DEFAULT for matching). Fails only
 * with PL_E_LIMIT when n > TEXT_NORM_MAX_INPUT; invalid UTF-8 is repaired.
 * err may be NULL. */
pl_status text_normalize(text_norm *nm, const char *src, size_t n, unsigned flags, pl_error *err);

/* Source span of the normalised span [start, end) (clamped to len): from the
 * first source byte behind `start` to the last behind `end - 1`. An empty span
 * maps to an empty span at the source position of `start`. */
text_span text_norm_to_source(const text_norm *nm, size_t start, size_t end);

/* First normalised byte produced by source bytes at or after src_off (len if
 * none): turns a source boundary (a clause start) into a normalised one. */
size_t text_source_to_norm(const text_norm *nm, size_t src_off);

/* ------------------------------------------------------------------ */
/* Numerals                                                             */
/* ------------------------------------------------------------------ */

/* Reads the numeral at the start of s[0..n): ASCII or full-width digits with
 * thousands separators (1,234 / １，２３４); kanji digits read positionally
 * (一〇 = 10, 二〇二四 = 2024); kanji with 十 百 千 (百二十三 = 123); the formal
 * forms 壱 弐 参 拾 (壹 貳 參 萬 阡 佰 伍 ...) and 廿 (20), 卅 (30); 万 億 兆 over
 * any of these (1万2千 = 12000, 一億二千万, 23百万 = 23000000). Stops at the
 * first character that cannot continue the number: 三者 reads 3 from one
 * character, 第 reads nothing, 1.5 reads 1. Returns the bytes read, or 0 when
 * s does not start with a numeral or the value overflows int64. */
size_t text_kanji_number(const char *s, size_t n, int64_t *value);

/* ------------------------------------------------------------------ */
/* Calendar                                                             */
/* ------------------------------------------------------------------ */

typedef enum text_era {
    TEXT_ERA_NONE = 0, /* 西暦 */
    TEXT_ERA_MEIJI,    /* 明治 from 1868-01-25 (see below) */
    TEXT_ERA_TAISHO,   /* 大正 from 1912-07-30 */
    TEXT_ERA_SHOWA,    /* 昭和 from 1926-12-25 */
    TEXT_ERA_HEISEI,   /* 平成 from 1989-01-08 */
    TEXT_ERA_REIWA,    /* 令和 from 2019-05-01 */
    TEXT_ERA_COUNT
} text_era;
/* 明治 begins on 1868-01-25 (慶応4年1月1日), the day the 改元 of 1868-10-23 was
 * made retroactive to. Dates before 明治6年 (1873) were lunisolar; they are
 * converted as if Gregorian, as every converter does, and not corrected. */

typedef struct text_ymd {
    int year, month, day; /* proleptic Gregorian */
} text_ymd;

const char *text_era_name(text_era era); /* "令和"; "" for TEXT_ERA_NONE */
text_ymd text_era_start(text_era era);
/* The era in force on d and the year within it; TEXT_ERA_NONE before 明治. */
text_era text_era_of(text_ymd d, int *era_year);

int text_days_in_month(int year, int month);
bool text_ymd_valid(text_ymd d);
int text_ymd_cmp(text_ymd a, text_ymd b);
long text_ymd_to_days(text_ymd d); /* days since 1970-01-01 */
text_ymd text_ymd_from_days(long days);
text_ymd text_ymd_add_days(text_ymd d, long n);
int text_ymd_weekday(text_ymd d); /* 0 = Sunday ... 6 = Saturday */
/* "2026-03-31" into out (11 bytes); returns 10. */
size_t text_ymd_format(text_ymd d, char out[11]);
/* "令和8年3月31日" (元年 for year 1 when gannen); returns the length, or what it
 * would need when cap is too small (like snprintf). */
size_t text_ymd_format_wareki(text_ymd d, bool gannen, char *out, size_t cap);

/* ------------------------------------------------------------------ */
/* Dates                                                                */
/* ------------------------------------------------------------------ */

typedef enum text_prec {
    TEXT_PREC_YEAR = 1,  /* 令和7年 */
    TEXT_PREC_MONTH = 2, /* 令和7年4月 */
    TEXT_PREC_DAY = 3,   /* 令和7年4月1日 */
} text_prec;

enum text_date_flags {
    TEXT_DATE_GANNEN = 1u << 0,           /* year written 元 (令和元年) */
    TEXT_DATE_ABBREV = 1u << 1,           /* era as R/H/S/T/M, 令/平/..., or ㋿ ㍻ ... */
    TEXT_DATE_KANJI = 1u << 2,            /* kanji numerals (令和六年十月一日) */
    TEXT_DATE_NUMERIC = 1u << 3,          /* written with separators: 2024/4/1, R6.10.1 */
    TEXT_DATE_BEFORE_ERA = 1u << 4,       /* before the era began: 令和1年4月1日 (a common
                                             slip for 平成31年); the date is kept as written */
    TEXT_DATE_AFTER_ERA = 1u << 5,        /* after the era ended: 平成32年3月31日 (written
                                             before the era changed); kept as written */
    TEXT_DATE_BAD_DAY = 1u << 6,          /* day past the month's end (2月30日); kept */
    TEXT_DATE_WEEKDAY_MISMATCH = 1u << 7, /* the weekday written is not the date's */
};

typedef struct text_date {
    text_ymd ymd; /* Gregorian; month and day are 0 below their precision */
    text_prec prec;
    text_era era;   /* as written; TEXT_ERA_NONE for 西暦 */
    int era_year;   /* year within the era as written (元 → 1); 0 for 西暦 */
    int weekday;    /* weekday written after it, 0 (日) .. 6 (土); -1 if none */
    unsigned flags; /* TEXT_DATE_* */
    text_span span; /* the written weekday included */
} text_date;

/* Forms: 2024年4月1日, 2024/4/1, 2024-04-01, 2024.4.1, 令和6年4月1日, 令和元年5月1日,
 * 令和六年十月一日, ２０２４年, 二〇二四年, R7.4.1, H31.4.30, R6/10/1, 令和6.4.1,
 * 令6年7月20日, ㋿6年..., each optionally followed by (月) （月曜日） 月曜日;
 * partial dates 令和7年4月 (month) and 令和7年 / 2025年 (year). Not dates: 令和7年度 (a fiscal
 * year), 5年間, 3年 (no era, fewer than four digits), 4月1日 alone (no year; read inside a period
 * as its end, see below), 最大3年 (大 is not 大正), T1.2.3 (a letter-era date outside its era is a
 * section number). */
size_t text_parse_date(const char *s, size_t n, text_date *out); /* at s[0]; 0 if none */
size_t text_find_dates(const char *s, size_t n, text_date *out, size_t cap);

/* First and last day the date stands for (令和7年4月 → 04-01 .. 04-30). */
text_ymd text_date_first_day(const text_date *d);
text_ymd text_date_last_day(const text_date *d);

/* ------------------------------------------------------------------ */
/* Fiscal years (年度: April to March)                                  */
/* ------------------------------------------------------------------ */

typedef struct text_fiscal_year {
    int year;     /* Gregorian year it begins in: 令和7年度 → 2025 */
    text_era era; /* as written */
    int era_year;
    unsigned flags;       /* TEXT_DATE_GANNEN, _ABBREV, _KANJI, _AFTER_ERA (平成32年度) */
    text_ymd first, last; /* 2025-04-01, 2026-03-31 */
    text_span span;
} text_fiscal_year;

/* 令和7年度, 令和元年度, R7年度, 2025年度, 令和７年度, 平成三十一年度. 平成31年度 and
 * 令和元年度 are both 2019 and both valid. */
size_t text_parse_fiscal_year(const char *s, size_t n, text_fiscal_year *out);
size_t text_find_fiscal_years(const char *s, size_t n, text_fiscal_year *out, size_t cap);

/* ------------------------------------------------------------------ */
/* Periods                                                              */
/* ------------------------------------------------------------------ */

typedef struct text_duration {
    int years, months, days; /* weeks are counted as 7 days */
} text_duration;

typedef enum text_cmp {
    TEXT_CMP_NONE = 0,
    TEXT_CMP_WITHIN,   /* 以内: at most */
    TEXT_CMP_AT_LEAST, /* 以上 */
    TEXT_CMP_AT_MOST,  /* 以下 */
    TEXT_CMP_LESS,     /* 未満 */
    TEXT_CMP_MORE,     /* を超える, 超 */
} text_cmp;

enum text_period_has {
    TEXT_PERIOD_FROM = 1u << 0,     /* from: a written start date */
    TEXT_PERIOD_ANCHOR = 1u << 1,   /* anchor: a named start (契約締結日, 引渡しの日) */
    TEXT_PERIOD_TO = 1u << 2,       /* to: a written end date */
    TEXT_PERIOD_DURATION = 1u << 3, /* dur: a length (5年間, 60箇月) */
    TEXT_PERIOD_FISCAL = 1u << 4,   /* written as 年度 .. 年度: from/to hold the
                                       first and last day */
};

enum text_period_flags {
    TEXT_PERIOD_YEAR_INFERRED = 1u << 0, /* end written without a year and taken to be
                                            in the following year (10月1日から3月31日) */
    TEXT_PERIOD_MISMATCH = 1u << 1,      /* end date and duration both written and they
                                            disagree (…までの5年間) */
    TEXT_PERIOD_REVERSED = 1u << 2,      /* end before start */
};

typedef struct text_period {
    unsigned has;       /* TEXT_PERIOD_FROM ... */
    text_date from, to; /* valid when has says so */
    text_duration dur;  /* valid with TEXT_PERIOD_DURATION */
    text_cmp cmp;       /* 以内 / 以上 ... after the duration */
    unsigned flags;     /* TEXT_PERIOD_YEAR_INFERRED ... */
    text_span anchor;   /* the named start; empty when none */
    text_span label; /* 契約期間, 履行期間, 保存期間 ... just before; empty if none */
    text_span span;  /* from the start (date or anchor) to the end (まで included) */
} text_period;

/* Forms: 令和7年4月1日から令和12年3月31日まで, 令和7年4月1日～令和12年3月31日,
 * 平成31年4月1日から令和2年3月31日まで, 令和7年4月1日から同年9月30日まで (also 翌年,
 * an era-less 12年3月31日 and a year-less 9月30日), 令和７年度から令和９年度まで,
 * 令和7～9年度, 平成18年度から平成20年度にかけて, 令和3年4月1日から5年間,
 * 契約締結日から1年間, 引渡しの日から3年, 通知を受けた日の翌日から起算して30日以内,
 * 契約締結の日から令和8年3月31日まで; and durations on their own when they are
 * clearly a length: 5年間, 90日間, 60箇月 (60か月 ヶ月 ヵ月 カ月 ケ月), 1年6か月, 半年間,
 * 3年以内, or after a label (契約期間５年, 保存期間は5年). */
size_t text_find_periods(const char *s, size_t n, text_period *out, size_t cap);

/* A length at the start of s (after spaces) in any form text_find_periods
 * reads (5年, 60か月, 1年6か月, 90日間, 半年), for text known to be a length,
 * such as a ledger's リース期間 cell, where 「5年」 alone is not taken for a
 * year. Returns the bytes read, 0 if none. */
size_t text_parse_duration(const char *s, size_t n, text_duration *out);

enum text_count {
    TEXT_COUNT_FROM_START = 0, /* the start day is the first day (a period that
                                  begins at 0:00, as in 令和3年4月1日から) */
    TEXT_COUNT_NEXT_DAY = 1,   /* 初日不算入 (民法140条): counting starts the next day */
};

/* Last day of a period of d from start, counted as contracts and 民法143条
 * count: the period ends the day before the day corresponding to the start in
 * the last year or month, or on that month's last day when it has no such day.
 * 令和3年4月1日 + 5年 → 令和8年3月31日; 1月31日 + 1箇月 → 2月末日; d.days are
 * added after years and months. Returns false for an invalid start or a
 * negative or empty duration. */
bool text_period_end(text_ymd start, text_duration d, unsigned count, text_ymd *end);

/* A length in days for comparing with a limit when no start date is known
 * (a year is 365.2425 days, a month a twelfth of that); with a start date,
 * text_period_end gives the exact last day. */
double text_duration_days(text_duration d);

/* First and last day of p when they follow from what is written (dates, or a
 * start date plus a duration, counted from the start day). False when the
 * start is only a named anchor or a bare duration. */
bool text_period_bounds(const text_period *p, text_ymd *first, text_ymd *last);

/* ------------------------------------------------------------------ */
/* Amounts of money                                                     */
/* ------------------------------------------------------------------ */

enum text_amount_flags {
    TEXT_AMOUNT_YEN_SIGN = 1u << 0, /* ¥ or ￥ */
    TEXT_AMOUNT_KIN = 1u << 1,      /* written 金…円 */
    TEXT_AMOUNT_KANJI = 1u << 2,    /* kanji numerals (一億二千万円, 金壱萬円) */
    TEXT_AMOUNT_TAX_IN = 1u << 3, /* 税込 / 消費税込み / 消費税及び地方消費税を含む next to it */
    TEXT_AMOUNT_TAX_OUT = 1u << 4,  /* 税抜 / 税別 / 消費税を含まない next to it */
    TEXT_AMOUNT_FRACTION = 1u << 5, /* a fraction of a yen was written and dropped */
};

typedef struct text_amount {
    int64_t yen;
    unsigned flags;
    text_span span; /* the amount, 金 ¥ 円 也 included; the tax words are not */
} text_amount;

/* 1,000円, ¥1,000, 金1,234,000円, 1,234万5千円, 23百万円, 3.5億円, 一億二千万円,
 * 金壱萬円也, ￥１，０００. Not amounts: 数千円, (単位：千円), 本市一円 (throughout). */
size_t text_parse_amount(const char *s, size_t n, text_amount *out);
size_t text_find_amounts(const char *s, size_t n, text_amount *out, size_t cap);

/* ------------------------------------------------------------------ */
/* Shares (proportions)                                                 */
/* ------------------------------------------------------------------ */

typedef enum text_share_kind {
    TEXT_SHARE_PERCENT = 1, /* 30%, ３０％, 12.5パーセント */
    TEXT_SHARE_WARI,        /* 3割, 2割5分 */
    TEXT_SHARE_FRACTION,    /* 2分の1, 三分の二 */
    TEXT_SHARE_WORD,        /* 半分, 半数, 過半, 過半数 */
} text_share_kind;

enum text_share_flags {
    TEXT_SHARE_MAJORITY = 1u << 0, /* 過半(数): strictly more than value, a threshold
                                      rather than an amount */
};

typedef struct text_share {
    int64_t num, den; /* as written: 30% = 30/100, 2割5分 = 25/100, 12.5% = 125/1000 */
    double value;     /* num / den */
    text_share_kind kind;
    unsigned flags;
    text_span span;
} text_share;

/* Not shares: 十分 (enough), 十分の注意, 5分 (minutes), 自分の. */
size_t text_parse_share(const char *s, size_t n, text_share *out);
size_t text_find_shares(const char *s, size_t n, text_share *out, size_t cap);

/* ---- sentences --------------------------------------------------------------- */

/* Splits normalised text into sentences: each ends at 。 or a line break,
 * but not at a 。 inside brackets (「…の業務（以下「本業務」という。）を乙に
 * 委託し」 is one sentence) unless the bracket is never closed on that line.
 * Returns the number of sentences (at least 1) and sets *starts to a new
 * array (caller frees) of their first bytes; each runs to the next start. */
size_t text_sentences(const char *t, size_t n, uint32_t **starts);

#endif

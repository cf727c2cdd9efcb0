/*
 * normalize.c - text_normalize: one pass over the source that writes the
 * normalised text and, for every byte written, the source span behind it.
 *
 * Speed comes from doing nothing for most characters. A table built once
 * (act[], one byte per BMP code point) says what each character needs; for
 * the great majority of kanji, kana and ASCII it says "nothing", and runs of
 * such characters are copied in tight loops that only fill in the map. Only
 * characters with an action (a width form, a dash, an old kanji, the last
 * character of a variant spelling ...) take the slow path. Nothing is
 * allocated per character: the output and both map arrays grow together,
 * geometrically, and are kept across calls.
 *
 * Decisions that depend on neighbours are made with what is already written
 * (the last output character) and a one-character look-ahead into the
 * source: a dash after katakana is ー, a comma between digits stays ',', a
 * pending whitespace run becomes ' ' only between two Latin characters, a
 * sound mark rewrites the kana just written, and a variant spelling is
 * replaced when its last character arrives.
 */
#include <pthread.h>
#include <string.h>
#include <utf8proc.h>

#include "internal.h"
#include "util/mem.h"
#include "util/utf8.h"

enum act {
    A_COPY = 0,
    A_SPACE,      /* whitespace, line breaks included */
    A_DROP,       /* zero-width, bidi controls, variation selectors, controls */
    A_FULLWIDTH,  /* U+FF01..U+FF5E → ASCII */
    A_HALFKANA,   /* U+FF61..U+FF9F → full width */
    A_MARK,       /* sound marks U+3099..U+309C */
    A_ITER,       /* ゝ ゞ ヽ ヾ */
    A_ITER_KANJI, /* 〻 */
    A_KANJI,      /* old kanji form */
    A_NFKC,       /* compatibility character folded by utf8proc */
    A_DASH,       /* hyphens, dashes, minus signs, ー */
    A_TILDE,      /* 〜 ～ 〰 ∼ */
    A_COMMA,      /* ， */
    A_MASK = 0x3F,
    A_VARIANT = 0x80, /* ends a variant spelling (may combine with any action) */
};

static uint8_t act[0x10000];
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

enum { NFKC_MAX = 8 }; /* longer expansions (㌖ is 6) keep the character */

/* NFKC of one code point into out; returns the count, 0 when NFKC keeps it
 * or would produce something unsuitable (a space, a combining mark first,
 * more than NFKC_MAX characters). */
static int nfkc_char(uint32_t cp, uint32_t out[NFKC_MAX])
{
    utf8proc_int32_t buf[32];
    int bound = 0;
    utf8proc_ssize_t k = utf8proc_decompose_char((utf8proc_int32_t)cp, buf, 32,
                                                 UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT, &bound);
    if (k <= 0 || k > 32) return 0;
    k = utf8proc_normalize_utf32(buf, k, UTF8PROC_COMPOSE);
    if (k <= 0 || k > NFKC_MAX || (k == 1 && (uint32_t)buf[0] == cp)) return 0;
    if (buf[0] == ' ' || utf8proc_get_property(buf[0])->combining_class != 0) return 0;
    for (utf8proc_ssize_t i = 0; i < k; i++)
        out[i] = (uint32_t)buf[i];
    return (int)k;
}

/* Enclosed and parenthesised numbers label items: they keep their identity
 * (㈠..㈩, ㉑..㉟, ㊀..㊉, ㊱..㊿ and the numbers on squares). */
static bool is_item_label(uint32_t cp)
{
    return (cp >= 0x3220 && cp <= 0x3229) || (cp >= 0x3248 && cp <= 0x325F) ||
           (cp >= 0x3280 && cp <= 0x3289) || (cp >= 0x32B1 && cp <= 0x32BF);
}

/* The classes NFKC folds (see text.h for what each holds and why). */
static bool nfkc_class(uint32_t cp)
{
    return (cp >= 0x2E80 && cp <= 0x2FDF) ||                       /* radicals */
           (cp >= 0x3200 && cp <= 0x33FF && !is_item_label(cp)) || /* enclosed, squared */
           (cp >= 0xF900 && cp <= 0xFAFF) ||                       /* compat ideographs */
           (cp >= 0xFB00 && cp <= 0xFB06) ||                       /* Latin ligatures */
           (cp >= 0x2100 && cp <= 0x214F) ||                       /* letter-like */
           (cp >= 0xFE10 && cp <= 0xFE1F) || (cp >= 0xFE30 && cp <= 0xFE6B) || /* forms */
           (cp >= 0xFFE0 && cp <= 0xFFEE) || /* full-width signs */
           cp == 0x309F || cp == 0x30FF;     /* ゟ ヿ */
}

static bool is_dropped(uint32_t cp)
{
    return cp < 0x09 || (cp >= 0x0E && cp < 0x20) || cp == 0x7F ||
           (cp >= 0x80 && cp <= 0x9F && cp != 0x85) || cp == 0x00AD || cp == 0x034F ||
           cp == 0x061C || (cp >= 0x180B && cp <= 0x180E) || (cp >= 0x200B && cp <= 0x200F) ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2064) ||
           (cp >= 0x2066 && cp <= 0x2069) || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF;
}

static uint8_t classify(uint32_t cp)
{
    uint32_t m[NFKC_MAX];
    if (tx_is_space(cp)) return A_SPACE;
    if (is_dropped(cp)) return A_DROP;
    if (cp < 0x80) return A_COPY;
    if (tx_kanji_new_form(cp)) return A_KANJI;
    /* clang-format off */
    switch (cp) {
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE63: case 0xFF0D: case 0x30FC:
        return A_DASH;
    case 0x301C: case 0x3030: case 0x223C: case 0xFF5E:
        return A_TILDE;
    case 0xFF0C: return A_COMMA;
    case 0x3099: case 0x309A: case 0x309B: case 0x309C: return A_MARK;
    case 0x309D: case 0x309E: case 0x30FD: case 0x30FE: return A_ITER;
    case 0x303B: return A_ITER_KANJI;
    default: break;
    }
    /* clang-format on */
    if (cp >= 0xFF01 && cp <= 0xFF5E) return A_FULLWIDTH;
    if (cp >= 0xFF61 && cp <= 0xFF9F) return A_HALFKANA;
    if (nfkc_class(cp) && nfkc_char(cp, m)) return A_NFKC;
    return A_COPY;
}

static uint8_t act_of(uint32_t cp)
{
    if (cp < 0x10000) return act[cp];
    uint32_t m[NFKC_MAX];
    if ((cp >= 0xE0100 && cp <= 0xE01EF) || (cp >= 0xE0001 && cp <= 0xE007F)) return A_DROP;
    if (tx_kanji_new_form(cp)) return A_KANJI;
    if (((cp >= 0x1D400 && cp <= 0x1D7FF) || (cp >= 0x2F800 && cp <= 0x2FA1F)) && nfkc_char(cp, m))
        return A_NFKC;
    return A_COPY;
}

static void mark_variant(uint32_t cp, void *ctx)
{
    (void)ctx;
    if (cp < 0x10000) act[cp] |= A_VARIANT;
}

static void build_tables(void)
{
    tx_kanji_build();
    tx_variants_build();
    for (uint32_t cp = 0; cp < 0x10000; cp++)
        act[cp] = (cp >= 0xD800 && cp <= 0xDFFF) ? 0 : classify(cp);
    tx_variants_each_last(mark_variant, NULL);
}

void tx_tables_init(void)
{
    pthread_once(&tables_once, build_tables);
}

/* ---- output ---- */

typedef struct nstate {
    text_norm *nm;
    const char *src;
    size_t n;
    unsigned flags;
    size_t len;
    uint32_t last_cp;    /* last character written, 0 before the first */
    size_t last_at;      /* where it starts in the output */
    size_t last_src_end; /* where its source ends */
    bool ws_pending, ws_newline;
    size_t ws_start, ws_end;
} nstate;

static void reserve(nstate *st, size_t k)
{
    text_norm *nm = st->nm;
    size_t need = st->len + k + 1;
    if (need <= nm->cap) return;
    /* sized to the first request: a ledger has 100,000s of short cells,
     * and a fixed minimum per cell would cost more than the cells */
    size_t cap = nm->cap ? nm->cap : need;
    while (cap < need)
        cap *= 2;
    nm->text = pl_xrealloc(nm->text, cap);
    nm->src_start = pl_xrealloc(nm->src_start, cap * sizeof *nm->src_start);
    nm->src_end = pl_xrealloc(nm->src_end, cap * sizeof *nm->src_end);
    nm->cap = cap;
}

static void put_map(nstate *st, size_t at, size_t k, size_t ss, size_t se)
{
    uint32_t *a = st->nm->src_start + at, *b = st->nm->src_end + at;
    for (size_t j = 0; j < k; j++) {
        a[j] = (uint32_t)ss;
        b[j] = (uint32_t)se;
    }
}

/* Latin letters, digits and ASCII punctuation keep a space between them. */
static bool spaced(uint32_t cp)
{
    return cp > 0x20 && cp < 0x2000;
}

static bool japanese(uint32_t cp)
{
    return cp >= 0x2E80;
}

/* Decides what a pending whitespace run becomes before `next` is written. */
static void flush_ws(nstate *st, uint32_t next)
{
    if (!st->ws_pending) return;
    st->ws_pending = false;
    if (st->last_cp == 0) return; /* leading whitespace */
    char c = 0;
    if ((st->flags & TEXT_NORM_KEEP_NEWLINES) && st->ws_newline)
        c = '\n';
    else if (spaced(st->last_cp) && spaced(next))
        c = ' ';
    if (!c) return;
    reserve(st, 1);
    st->nm->text[st->len] = c;
    put_map(st, st->len, 1, st->ws_start, st->ws_end);
    st->last_at = st->len++;
    st->last_cp = (uint32_t)(unsigned char)c;
    st->last_src_end = st->ws_end;
}

static void try_variants(nstate *st);

static void after_write(nstate *st)
{
    if ((st->flags & TEXT_NORM_VARIANTS) && st->last_cp < 0x10000 && (act[st->last_cp] & A_VARIANT))
        try_variants(st);
}

/* Writes k bytes that stand for source [ss, se) and end in character cp. */
static void emit(nstate *st, const char *bytes, size_t k, uint32_t cp, size_t ss, size_t se)
{
    flush_ws(st, cp);
    reserve(st, k);
    memcpy(st->nm->text + st->len, bytes, k);
    put_map(st, st->len, k, ss, se);
    st->last_at = st->len;
    st->len += k;
    st->last_cp = cp;
    st->last_src_end = se;
    after_write(st);
}

static void emit_cp(nstate *st, uint32_t cp, size_t ss, size_t se)
{
    char buf[4];
    size_t k = utf8_encode(cp, buf);
    emit(st, buf, k, cp, ss, se);
}

/* The character before output offset at, or 0. */
static uint32_t out_prev(const nstate *st, size_t at, size_t *start)
{
    if (at == 0) return 0;
    size_t j = at - 1;
    while (j > 0 && ((unsigned char)st->nm->text[j] & 0xC0) == 0x80)
        j--;
    uint32_t cp = 0;
    utf8_decode(st->nm->text + j, at - j, &cp);
    if (start) *start = j;
    return cp;
}

static bool numeral_before(const nstate *st, size_t at)
{
    uint32_t cp = out_prev(st, at, NULL);
    return tx_is_digit(cp) || tx_is_kanji_numeral(cp) || cp == 0x6570 || cp == 0x4F55 ||
           cp == 0x5E7E; /* 数 何 幾 */
}

/* Replaces a variant spelling that the output now ends with. The
 * replacement stands for the whole source of what it replaces. */
static void try_variants(nstate *st)
{
    size_t count;
    const tx_variant *v = tx_variants_ending_in(st->last_cp, &count);
    char *out = st->nm->text;
    for (size_t t = 0; t < count; t++, v++) {
        if (v->from_len > st->len) continue;
        size_t at = st->len - v->from_len;
        if (memcmp(out + at, v->from, v->from_len) != 0) continue;
        if ((v->flags & TX_VAR_AFTER_NUMERAL) && !numeral_before(st, at)) continue;
        size_t ss = st->nm->src_start[at], se = st->nm->src_end[st->len - 1];
        st->len = at;
        reserve(st, v->to_len);
        out = st->nm->text;
        memcpy(out + at, v->to, v->to_len);
        put_map(st, at, v->to_len, ss, se);
        st->len = at + v->to_len;
        st->last_cp = out_prev(st, st->len, &st->last_at);
        st->last_src_end = se;
        return;
    }
}

/* The source character after position i, folded like the value readers see
 * it (full-width digits → ASCII); 0 at the end. */
static uint32_t peek(const nstate *st, size_t i)
{
    uint32_t cp;
    return tx_get(st->src, st->n, i, &cp) ? cp : 0;
}

/* ---- the actions ---- */

static void do_space(nstate *st, uint32_t cp, size_t i, size_t k)
{
    if (!st->ws_pending) {
        st->ws_pending = true;
        st->ws_newline = false;
        st->ws_start = i;
    }
    st->ws_end = i + k;
    if (cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C || cp == 0x85 || cp == 0x2028 ||
        cp == 0x2029)
        st->ws_newline = true;
}

/* A dropped character joins the source span of the character before it, so
 * that evidence quoting 葛 also quotes its variation selector. */
static void do_drop(nstate *st, size_t i, size_t k)
{
    if (st->ws_pending) {
        st->ws_end = i + k;
    } else if (st->len > 0) {
        put_map(st, st->last_at, st->len - st->last_at, st->nm->src_start[st->last_at], i + k);
        st->last_src_end = i + k;
    }
}

/* A sound mark joins the kana just written: か + ゛ → が, ｶ + ﾞ → ガ. */
static void do_mark(nstate *st, uint32_t cp, size_t i, size_t k)
{
    int mark = (cp == 0x3099 || cp == 0x309B) ? 1 : 2;
    uint32_t v = 0;
    if ((st->flags & TEXT_NORM_WIDTH) && !st->ws_pending && st->len > 0 && st->last_src_end == i)
        v = tx_kana_voiced(st->last_cp, mark);
    if (!v) { /* nothing to join: the mark itself, full width */
        emit_cp(st, cp, i, i + k);
        return;
    }
    char buf[4];
    size_t kb = utf8_encode(v, buf);
    size_t at = st->last_at, ss = st->nm->src_start[at];
    st->len = at;
    reserve(st, kb);
    memcpy(st->nm->text + at, buf, kb);
    put_map(st, at, kb, ss, i + k);
    st->len = at + kb;
    st->last_cp = v;
    st->last_src_end = i + k;
    after_write(st);
}

static void do_iteration(nstate *st, uint32_t cp, const char *raw, size_t i, size_t k)
{
    uint32_t prev = st->last_cp, out = 0;
    bool hira = cp == 0x309D || cp == 0x309E, voiced = cp == 0x309E || cp == 0x30FE;
    bool ok = hira ? tx_is_hiragana(prev) : (prev >= 0x30A1 && prev <= 0x30FA);
    if ((st->flags & TEXT_NORM_ITERATION) && ok && !st->ws_pending) {
        uint32_t base = tx_kana_unvoiced(prev);
        out = voiced ? tx_kana_voiced(base, 1) : base;
        if (!out) out = base;
    }
    if (out)
        emit_cp(st, out, i, i + k);
    else
        emit(st, raw, k, cp, i, i + k);
}

static bool katakana_before(const nstate *st)
{
    uint32_t p = st->last_cp;
    return !st->ws_pending && ((p >= 0x30A1 && p <= 0x30FA) || p == 0x30FC || p == 0x30FD ||
                               p == 0x30FE || (p >= 0x31F0 && p <= 0x31FF));
}

/* A dash after katakana is the long vowel mark (サ－バ); ー between digits
 * is a hyphen (1ー2); long dashes become ―; other hyphens '-'. */
static void do_dash(nstate *st, uint32_t cp, size_t i, size_t k)
{
    uint32_t out;
    if (katakana_before(st))
        out = 0x30FC;
    else if (cp == 0x30FC)
        out = (tx_is_digit(st->last_cp) && tx_is_digit(peek(st, i + k))) ? '-' : 0x30FC;
    else if (cp == 0x2014 || cp == 0x2015)
        out = 0x2015;
    else
        out = '-';
    emit_cp(st, out, i, i + k);
}

/* '，' and ',' are the Japanese comma 、 beside Japanese text and ',' between
 * digits (1,000) or Latin words. */
static void do_comma(nstate *st, size_t i, size_t k)
{
    uint32_t next = peek(st, i + k), prev = st->last_cp;
    bool ascii = (tx_is_digit(prev) && tx_is_digit(next)) ||
                 (spaced(prev) && (spaced(next) || next == 0 || tx_is_space(next)));
    emit_cp(st, ascii ? ',' : 0x3001, i, i + k);
}

static void do_nfkc(nstate *st, uint32_t cp, const char *raw, size_t i, size_t k)
{
    uint32_t m[NFKC_MAX];
    int c = nfkc_char(cp, m);
    if (!c) {
        emit(st, raw, k, cp, i, i + k);
        return;
    }
    for (int j = 0; j < c; j++)
        emit_cp(st, m[j], i, i + k);
}

/* One character by the slow path. */
static void slow_char(nstate *st, uint32_t cp, size_t i, size_t k)
{
    const char *raw = st->src + i;
    unsigned f = st->flags;
    bool width = f & TEXT_NORM_WIDTH;
    uint32_t h;
    switch (act_of(cp) & A_MASK) {
    case A_SPACE:
        if (f & TEXT_NORM_SPACE) {
            do_space(st, cp, i, k);
            return;
        }
        break;
    case A_DROP:
        do_drop(st, i, k);
        return;
    case A_FULLWIDTH:
        if (width) {
            emit_cp(st, cp - 0xFEE0, i, i + k);
            return;
        }
        break;
    case A_HALFKANA:
        if (!width) break;
        h = tx_halfwidth_kana(cp);
        if (h == 0x309B || h == 0x309C)
            do_mark(st, h, i, k);
        else if (h == 0x30FC)
            do_dash(st, h, i, k);
        else
            emit_cp(st, h, i, i + k);
        return;
    case A_MARK:
        do_mark(st, cp, i, k);
        return;
    case A_ITER:
        do_iteration(st, cp, raw, i, k);
        return;
    case A_ITER_KANJI:
        if (f & TEXT_NORM_ITERATION) {
            emit_cp(st, 0x3005, i, i + k);
            return;
        }
        break;
    case A_KANJI:
        if (f & TEXT_NORM_KANJI) {
            emit_cp(st, tx_kanji_new_form(cp), i, i + k);
            return;
        }
        break;
    case A_NFKC:
        if (width) {
            do_nfkc(st, cp, raw, i, k);
            return;
        }
        break;
    case A_DASH:
        if (width) {
            do_dash(st, cp, i, k);
            return;
        }
        break;
    case A_TILDE:
        if (width) {
            emit_cp(st, 0x301C, i, i + k);
            return;
        }
        break;
    case A_COMMA:
        if (width) {
            do_comma(st, i, k);
            return;
        }
        break;
    default:
        break;
    }
    emit(st, raw, k, cp, i, i + k);
}

/* ASCII characters with a rule of their own: whitespace, controls, ',' '~'. */
static bool ascii_plain(unsigned char c, unsigned flags)
{
    if (c <= 0x20 || c == 0x7F) return false;
    return !((c == ',' || c == '~') && (flags & TEXT_NORM_WIDTH));
}

static void ascii_special(nstate *st, unsigned char c, size_t i)
{
    if (c == ',') {
        do_comma(st, i, 1);
    } else if (c == '~') {
        bool jp = japanese(st->last_cp) || japanese(peek(st, i + 1));
        emit_cp(st, jp ? 0x301C : '~', i, i + 1);
    } else {
        slow_char(st, c, i, 1);
    }
}

/* Copies src[i..j) of unchanged characters; every character maps to itself. */
static void copy_run(nstate *st, size_t i, size_t j, size_t last_len)
{
    size_t k = j - i, at = st->len;
    reserve(st, k);
    memcpy(st->nm->text + at, st->src + i, k);
    uint32_t *a = st->nm->src_start + at, *b = st->nm->src_end + at;
    if (last_len == 1) {
        for (size_t t = 0; t < k; t++) {
            a[t] = (uint32_t)(i + t);
            b[t] = (uint32_t)(i + t + 1);
        }
    } else {
        for (size_t t = 0; t < k; t += 3) {
            uint32_t s0 = (uint32_t)(i + t);
            a[t] = a[t + 1] = a[t + 2] = s0;
            b[t] = b[t + 1] = b[t + 2] = s0 + 3;
        }
    }
    st->len += k;
    st->last_at = st->len - last_len;
    st->last_src_end = j;
}

static size_t ascii_run(nstate *st, size_t i)
{
    const unsigned char *s = (const unsigned char *)st->src;
    size_t j = i;
    while (j < st->n && s[j] < 0x80 && ascii_plain(s[j], st->flags))
        j++;
    if (j == i) return 0;
    flush_ws(st, s[i]);
    copy_run(st, i, j, 1);
    st->last_cp = s[j - 1];
    return j;
}

/* A run of three-byte characters that need no action (most kana and kanji). */
static size_t cjk_run(nstate *st, size_t i)
{
    const unsigned char *s = (const unsigned char *)st->src;
    size_t j = i, n = st->n;
    uint32_t c = 0, first = 0;
    while (j + 2 < n) {
        unsigned char b0 = s[j], b1 = s[j + 1], b2 = s[j + 2];
        if (b0 < 0xE0 || b0 > 0xEF || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) break;
        uint32_t d = ((uint32_t)(b0 & 0x0F) << 12) | ((uint32_t)(b1 & 0x3F) << 6) | (b2 & 0x3F);
        if (d < 0x800 || (d >= 0xD800 && d <= 0xDFFF) || act[d]) break;
        if (j == i) first = d;
        c = d;
        j += 3;
    }
    if (j == i) return 0;
    flush_ws(st, first);
    copy_run(st, i, j, 3);
    st->last_cp = c;
    return j;
}

pl_status text_normalize(text_norm *nm, const char *src, size_t n, unsigned flags, pl_error *err)
{
    tx_tables_init();
    if (n > TEXT_NORM_MAX_INPUT) {
        pl_error_set(err, PL_E_LIMIT, NULL, "text of %zu bytes is over the normalisation limit", n);
        if (err) {
            err->value = (long long)n;
            err->limit = (long long)TEXT_NORM_MAX_INPUT;
        }
        return PL_E_LIMIT;
    }
    nstate st;
    memset(&st, 0, sizeof st);
    st.nm = nm;
    st.src = src;
    st.n = n;
    st.flags = flags;
    reserve(&st, n + n / 8 + 16);
    size_t i = 0;
    while (i < n) {
        size_t j = ascii_run(&st, i);
        if (!j) j = cjk_run(&st, i);
        if (j) {
            i = j;
            continue;
        }
        unsigned char c = (unsigned char)src[i];
        if (c < 0x80) {
            ascii_special(&st, c, i);
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = utf8_decode(src + i, n - i, &cp);
        if (!k) { /* an invalid byte becomes U+FFFD */
            emit_cp(&st, 0xFFFD, i, i + 1);
            i++;
            continue;
        }
        slow_char(&st, cp, i, k);
        i += k;
    }
    nm->text[st.len] = '\0';
    nm->src_start[st.len] = nm->src_end[st.len] = (uint32_t)n;
    nm->len = st.len;
    nm->src_len = n;
    return PL_OK;
}

void text_norm_init(text_norm *nm)
{
    memset(nm, 0, sizeof *nm);
}

void text_norm_free(text_norm *nm)
{
    free(nm->text);
    free(nm->src_start);
    free(nm->src_end);
    text_norm_init(nm);
}

text_span text_norm_to_source(const text_norm *nm, size_t start, size_t end)
{
    if (!nm->text) return (text_span){0, 0};
    if (end > nm->len) end = nm->len;
    if (start > end) start = end;
    if (start == end) {
        size_t p = nm->src_start[start];
        return (text_span){p, p};
    }
    return (text_span){nm->src_start[start], nm->src_end[end - 1]};
}

size_t text_source_to_norm(const text_norm *nm, size_t src_off)
{
    size_t lo = 0, hi = nm->len;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (nm->src_end[mid] <= src_off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

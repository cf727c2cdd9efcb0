/*
 * match.c - finding one requirement in a paragraph of normalised text.
 *
 * A requirement is found when one of its <match> alternatives holds in one
 * sentence (or, with within="block", anywhere in the paragraph): every <re>
 * matches there and no <not> does. The sentence around the first <re>'s match
 * is then the place to look for a weakening: 努める where the guideline says
 * しなければならない, 必要に応じて where it says 毎年度, unless the same sentence
 * also carries the strong wording (an <unless> pattern).
 *
 * Patterns are PCRE2 with UTF and Unicode properties, run under a match and
 * depth limit so that a costly pattern makes one requirement undecided rather
 * than stalling a run. Normalised text is valid UTF-8 by construction, so the
 * UTF check is skipped.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "text/text.h"
#include "util/mem.h"
#include "util/utf8.h"

enum { GL_MATCH_LIMIT = 1000000, GL_DEPTH_LIMIT = 10000 };

struct gl_pattern {
    pcre2_code *code;
    char *source;
};

struct gl_scratch {
    pcre2_match_data *md;
    pcre2_match_context *mc;
};

/* \b and \B separate Unicode word characters: under UCP an ASCII letter next
 * to a kanji is no boundary, so they would silently miss. */
static bool has_word_boundary(const char *src)
{
    bool in_class = false;
    for (size_t i = 0; src[i]; i++) {
        if (src[i] == '\\' && src[i + 1]) {
            if (!in_class && (src[i + 1] == 'b' || src[i + 1] == 'B')) return true;
            i++;
        } else if (src[i] == '[') {
            in_class = true;
        } else if (src[i] == ']') {
            in_class = false;
        }
    }
    return false;
}

gl_pattern *gl_pattern_compile(const char *raw, char *msg, size_t msg_size)
{
    if (has_word_boundary(raw)) {
        snprintf(msg, msg_size, "\\b never matches between ASCII and Japanese under UCP; use "
                                "look-arounds such as (?<![A-Za-z0-9])SLA(?![A-Za-z0-9])");
        return NULL;
    }
    text_norm nm;
    text_norm_init(&nm);
    text_normalize(&nm, raw, strlen(raw), GL_PATTERN_FOLDING, NULL);
    int code;
    PCRE2_SIZE offset;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)nm.text, nm.len, PCRE2_UTF | PCRE2_UCP, &code,
                                   &offset, NULL);
    if (!re) {
        PCRE2_UCHAR buf[200];
        pcre2_get_error_message(code, buf, sizeof buf);
        snprintf(msg, msg_size, "%s (at byte %zu)", (const char *)buf, (size_t)offset);
        text_norm_free(&nm);
        return NULL;
    }
    /* JIT only speeds things up: the interpreter obeys the same limits */
    (void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
    gl_pattern *p = pl_xcalloc(1, sizeof *p);
    p->code = re;
    p->source = pl_xstrndup(nm.text, nm.len);
    text_norm_free(&nm);
    return p;
}

void gl_pattern_free(gl_pattern *p)
{
    if (!p) return;
    pcre2_code_free(p->code);
    free(p->source);
    free(p);
}

const char *gl_pattern_source(const gl_pattern *p)
{
    return p->source;
}

gl_scratch *gl_scratch_new(void)
{
    gl_scratch *s = pl_xcalloc(1, sizeof *s);
    s->md = pcre2_match_data_create(1, NULL);
    s->mc = pcre2_match_context_create(NULL);
    if (!s->md || !s->mc) {
        /* pcre2 allocates with malloc: treat failure like any other OOM */
        fprintf(stderr, "polint: out of memory\n");
        abort();
    }
    pcre2_set_match_limit(s->mc, GL_MATCH_LIMIT);
    pcre2_set_depth_limit(s->mc, GL_DEPTH_LIMIT);
    return s;
}

void gl_scratch_free(gl_scratch *s)
{
    if (!s) return;
    pcre2_match_data_free(s->md);
    pcre2_match_context_free(s->mc);
    free(s);
}

int gl_pattern_find(const gl_pattern *p, gl_scratch *s, const char *text, size_t len, size_t start,
                    size_t *ms, size_t *me)
{
    int rc = pcre2_match(p->code, (PCRE2_SPTR)text, len, start, PCRE2_NO_UTF_CHECK, s->md, s->mc);
    if (rc == PCRE2_ERROR_NOMATCH) return 0;
    if (rc < 0) return -1;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
    *ms = ov[0];
    *me = ov[1];
    return 1;
}

/* ---- sentences ---------------------------------------------------------- */

static bool ends_sentence(const char *t, size_t i, size_t len, size_t *w)
{
    if (t[i] == '\n') return *w = 1, true;
    if (i + 3 <= len && memcmp(t + i, "。", 3) == 0) return *w = 3, true;
    return false;
}

void gl_sentence_bounds(const char *text, size_t len, size_t start, size_t end, size_t *ss,
                        size_t *se)
{
    size_t s = 0, w = 1;
    for (size_t i = 0; i < start && i < len; i++)
        if (ends_sentence(text, i, len, &w)) s = i + w;
    /* the first end of sentence that is not inside the span */
    size_t e = len;
    for (size_t i = start; i < len; i++) {
        if (ends_sentence(text, i, len, &w) && i + w >= end) {
            e = i + w;
            break;
        }
    }
    *ss = s;
    *se = e < s ? s : e;
}

/* ---- one requirement in one block ------------------------------------------ */

/* Does p match anywhere in text[from, to)? 1, 0, or -1 undecided. */
static int find_in(const gl_pattern *p, gl_scratch *s, const char *text, size_t from, size_t to,
                   size_t *ms, size_t *me)
{
    size_t a, b;
    int r = gl_pattern_find(p, s, text, to, from, &a, &b);
    if (r == 1) {
        if (ms) *ms = a;
        if (me) *me = b;
    }
    return r;
}

/* Tries one alternative in the unit [from, to); 1 with the first pattern's
 * span, 0, or -1 undecided. */
static int try_unit(const gl_match *m, gl_scratch *s, const char *text, size_t from, size_t to,
                    size_t *ms, size_t *me)
{
    for (size_t i = 0; i < m->nre; i++) {
        size_t a = 0, b = 0;
        int r = find_in(m->re[i], s, text, from, to, &a, &b);
        if (r != 1) return r;
        if (i == 0) *ms = a, *me = b;
    }
    for (size_t i = 0; i < m->nnot; i++) {
        int r = find_in(m->not[i], s, text, from, to, NULL, NULL);
        if (r != 0) return r < 0 ? -1 : 0;
    }
    return 1;
}

static int try_match(const gl_match *m, gl_scratch *s, const char *text, size_t len, size_t *ms,
                     size_t *me)
{
    if (m->block) return try_unit(m, s, text, 0, len, ms, me);
    int undecided = 0;
    size_t from = 0, w = 1;
    for (size_t i = 0; i <= len; i++) {
        bool end = i == len || ends_sentence(text, i, len, &w);
        if (!end) continue;
        size_t to = i == len ? len : i + w;
        if (to > from) {
            int r = try_unit(m, s, text, from, to, ms, me);
            if (r == 1) return 1;
            if (r < 0) undecided = 1;
        }
        from = to;
        if (i < len) i += w - 1;
    }
    return undecided ? -1 : 0;
}

/* The first weakening in [from, to) that no <unless> cancels. */
static const gl_weak *find_weak(const guideline_detect *d, gl_scratch *s, const char *text,
                                size_t from, size_t to, size_t *ws, size_t *we)
{
    for (size_t i = 0; i < d->nweaks; i++) {
        const gl_weak *wk = d->weaks[i];
        if (find_in(wk->re, s, text, from, to, ws, we) != 1) continue;
        bool cancelled = false;
        for (size_t k = 0; k < wk->nunless && !cancelled; k++)
            cancelled = find_in(wk->unless[k], s, text, from, to, NULL, NULL) == 1;
        if (!cancelled) return wk;
    }
    return NULL;
}

void gl_detect_block(const guideline_detect *d, gl_scratch *s, const char *text, size_t len,
                     gl_hit *hit)
{
    memset(hit, 0, sizeof *hit);
    int undecided = 0;
    for (size_t i = 0; i < d->nmatches; i++) {
        size_t ms = 0, me = 0;
        int r = try_match(&d->matches[i], s, text, len, &ms, &me);
        if (r < 0) undecided = 1;
        if (r != 1) continue;
        hit->state = 1;
        hit->start = ms;
        hit->end = me;
        gl_sentence_bounds(text, len, ms, me, &hit->sent_start, &hit->sent_end);
        hit->weak = find_weak(d, s, text, hit->sent_start, hit->sent_end, &hit->weak_start,
                              &hit->weak_end);
        return;
    }
    hit->state = undecided ? -1 : 0;
}

int gl_context_match(const guideline_detect *d, gl_scratch *s, const char *text, size_t len)
{
    if (!d->context) return 1;
    return find_in(d->context, s, text, 0, len, NULL, NULL) == 1;
}

/* ---- titles ------------------------------------------------------------------ */

/* Words and marks that copies of one title add or drop. */
static const char *const TITLE_NOISE[] = {
    "及び", "並びに", "又は", "若しくは", "に関する", "における", "について", "の", "と",
    "等",   "・",     "、",   "，",       "。",       "(",        ")",        "（", "）",
    "「",   "」",     "『",   "』",       "【",       "】",       "[",        "]",  " ",
    "\t",   "\u3000", "-",    "―",
};

void gl_title_key(const char *title, sbuf *out)
{
    sbuf_reset(out);
    text_norm nm;
    text_norm_init(&nm);
    text_normalize(&nm, title, strlen(title), TEXT_NORM_DEFAULT, NULL);
    for (size_t i = 0; i < nm.len;) {
        bool skipped = false;
        for (size_t k = 0; k < sizeof TITLE_NOISE / sizeof TITLE_NOISE[0]; k++) {
            size_t n = strlen(TITLE_NOISE[k]);
            if (i + n <= nm.len && memcmp(nm.text + i, TITLE_NOISE[k], n) == 0) {
                i += n;
                skipped = true;
                break;
            }
        }
        if (skipped) continue;
        uint32_t cp;
        size_t n = utf8_decode(nm.text + i, nm.len - i, &cp);
        if (!n) n = 1;
        sbuf_append(out, nm.text + i, n);
        i += n;
    }
    text_norm_free(&nm);
}

/* Code points of s, at most cap. */
static size_t code_points(const char *s, uint32_t *out, size_t cap)
{
    size_t n = 0, len = strlen(s);
    for (size_t i = 0; i < len && n < cap;) {
        size_t k = utf8_decode(s + i, len - i, &out[n]);
        if (!k) k = 1, out[n] = 0xFFFD;
        n++;
        i += k;
    }
    return n;
}

static double similarity(const char *a, const char *b);

/* Does a title say "not" (…を取り扱わない場合, …以外)? Two titles that differ
 * only in that are different sections. */
static bool negated(const char *key)
{
    return strstr(key, "ない") || strstr(key, "以外") || strstr(key, "除く");
}

double gl_title_similarity(const char *a, const char *b)
{
    double sim = similarity(a, b);
    return negated(a) != negated(b) ? sim * 0.5 : sim;
}

static double similarity(const char *a, const char *b)
{
    enum { CAP = 128 };
    uint32_t x[CAP], y[CAP];
    size_t nx = code_points(a, x, CAP), ny = code_points(b, y, CAP);
    if (!nx || !ny) return 0;
    if (nx == ny && memcmp(x, y, nx * sizeof *x) == 0) return 1.0;
    double contain = 0;
    size_t shorter = nx < ny ? nx : ny, longer = nx < ny ? ny : nx;
    if (shorter >= 2 && (strstr(a, b) || strstr(b, a)))
        contain = 0.5 + 0.4 * (double)shorter / (double)longer;
    if (nx < 2 || ny < 2) return contain;
    /* bigram Dice, each bigram of b used at most once */
    bool used[CAP] = {false};
    size_t common = 0;
    for (size_t i = 0; i + 1 < nx; i++) {
        for (size_t j = 0; j + 1 < ny; j++) {
            if (!used[j] && x[i] == y[j] && x[i + 1] == y[j + 1]) {
                used[j] = true;
                common++;
                break;
            }
        }
    }
    double dice = 2.0 * (double)common / (double)((nx - 1) + (ny - 1));
    return dice > contain ? dice : contain;
}

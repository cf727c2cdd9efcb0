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
 * Patterns (util/pattern.h) run under a match limit, so that a costly pattern
 * makes one requirement undecided rather than stalling a run.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "text/text.h"
#include "util/mem.h"
#include "util/utf8.h"

enum { GL_MATCH_LIMIT = 1000000 };

pattern *gl_pattern_compile(const char *raw, char *msg, size_t msg_size)
{
    text_norm nm;
    text_norm_init(&nm);
    text_normalize(&nm, raw, strlen(raw), GL_PATTERN_FOLDING, NULL);
    pattern *p = pattern_compile(nm.text, msg, msg_size);
    text_norm_free(&nm);
    return p;
}

pattern_scratch *gl_scratch_new(void)
{
    pattern_scratch *s = pattern_scratch_new();
    pattern_scratch_set_match_limit(s, GL_MATCH_LIMIT);
    return s;
}

/* ---- sentences ---------------------------------------------------------- */

/* The sentences around [start, end): from the start of the one holding
 * start to the end of the one holding end. */
static void sentence_bounds(const uint32_t *starts, size_t n, size_t len, size_t start, size_t end,
                            size_t *ss, size_t *se)
{
    size_t k = 0;
    while (k + 1 < n && starts[k + 1] <= start) k++;
    *ss = starts[k];
    while (k + 1 < n && starts[k + 1] < end) k++;
    *se = k + 1 < n ? starts[k + 1] : len;
}

/* ---- one requirement in one block ------------------------------------------ */

/* Does p match anywhere in text[from, to)? 1, 0, or -1 undecided. */
static int find_in(const pattern *p, pattern_scratch *s, const char *text, size_t from, size_t to,
                   size_t *ms, size_t *me)
{
    size_t a, b;
    int r = pattern_find(p, s, text, to, from, &a, &b);
    if (r == 1) {
        if (ms) *ms = a;
        if (me) *me = b;
    }
    return r;
}

/* Tries one alternative in the unit [from, to); 1 with the first pattern's
 * span, 0, or -1 undecided. */
static int try_unit(const gl_match *m, pattern_scratch *s, const char *text, size_t from, size_t to,
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

static int try_match(const gl_match *m, pattern_scratch *s, const char *text, size_t len,
                     const uint32_t *starts, size_t nstarts, size_t *ms, size_t *me)
{
    if (m->block) return try_unit(m, s, text, 0, len, ms, me);
    int undecided = 0;
    for (size_t k = 0; k < nstarts; k++) {
        size_t to = k + 1 < nstarts ? starts[k + 1] : len;
        if (to <= starts[k]) continue;
        int r = try_unit(m, s, text, starts[k], to, ms, me);
        if (r == 1) return 1;
        if (r < 0) undecided = 1;
    }
    return undecided ? -1 : 0;
}

/* The first weakening in [from, to) that no <unless> cancels. */
static const gl_weak *find_weak(const guideline_detect *d, pattern_scratch *s, const char *text,
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

void gl_detect_block(const guideline_detect *d, pattern_scratch *s, const char *text, size_t len,
                     gl_hit *hit)
{
    memset(hit, 0, sizeof *hit);
    uint32_t *starts;
    size_t nstarts = text_sentences(text, len, &starts);
    int undecided = 0;
    for (size_t i = 0; i < d->nmatches; i++) {
        size_t ms = 0, me = 0;
        int r = try_match(&d->matches[i], s, text, len, starts, nstarts, &ms, &me);
        if (r < 0) undecided = 1;
        if (r != 1) continue;
        hit->state = 1;
        hit->start = ms;
        hit->end = me;
        sentence_bounds(starts, nstarts, len, ms, me, &hit->sent_start, &hit->sent_end);
        hit->weak = find_weak(d, s, text, hit->sent_start, hit->sent_end, &hit->weak_start,
                              &hit->weak_end);
        free(starts);
        return;
    }
    hit->state = undecided ? -1 : 0;
    free(starts);
}

int gl_context_match(const guideline_detect *d, pattern_scratch *s, const char *text, size_t len)
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

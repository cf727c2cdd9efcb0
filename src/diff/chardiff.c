/*
 * chardiff.c - the difference between two lines, character by character,
 * cleaned up to read as phrases.
 *
 * Japanese has no spaces between words, so a word diff has nothing to split
 * on and the diff is taken over code points. The shortest edit script is
 * found with Myers' O(ND) algorithm in its linear-space form: the "middle
 * snake" where a forward search from the start meets a backward search from
 * the end splits the problem in two, recursively. Diagonals are clamped to
 * the edit graph, so no step ever leaves it. Common prefixes and suffixes are
 * taken off first (most amended lines differ in one place). A search that
 * passes D_LIMIT edits without meeting gives the whole remaining span as
 * replaced: beyond that the texts have little in common and a precise script
 * would be noise anyway.
 *
 * A shortest script is not a readable one: in 「速やかに報告し」→「直ちに通知し」
 * it keeps the に in common and underlines 速やか and 報告 apart, and in a
 * rewritten sentence it keeps scattered の, を, する. The cleanup, in order:
 *
 *  1. Slide. A pure insertion or deletion whose text can shift along equal
 *     neighbours (…する|するもの…) is placed where its edges fall on the best
 *     boundaries: a cell edge or the start/end, after 、。, at brackets, before
 *     punctuation, at a change of script (kanji/kana/latin/digit); ties keep
 *     the original place.
 *  2. Dissolve. An equality between two changes is folded into one change
 *     when it is a tiny island (one or two characters, no longer than the
 *     smaller change beside it) or short next to both changes (at most half
 *     of the smaller). Equalities holding 、。, a space or a cell edge are kept:
 *     they are where phrases end. Equalities next to a change that is only a
 *     number are kept too: 令和[-6-]{+7+}年[-4-]{+5+}月 reads better than one
 *     block. Repeated until nothing changes, since each fold makes bigger
 *     changes.
 *  3. Whole tokens. A change inside a number takes in the whole number
 *     ([-2024-]{+2025+}, not 202[-4-]{+5+}); a replacement inside a run of
 *     kanji, katakana or latin letters takes in the rest of that run, up to
 *     WORD_GROW characters each way (委託[-料-]{+費+} → [-委託料-]{+委託費+}).
 *     Pure insertions stay minimal: 個人情報{+等+}. A change stopping one
 *     kana before 、。 or a closing bracket takes that kana in when it ends
 *     a verb: the ending goes with its stem (と[-する-]{+し、混在させる+}。),
 *     while a particle stays apart ([-乙-]{+受託者+}は、).
 *  4. Dissolve again, as step 3 can shorten equalities.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "util/mem.h"
#include "util/utf8.h"

#define D_LIMIT 2048 /* edits searched before giving up on a precise script */
#define WORD_GROW 4  /* characters a replacement may grow into a word each way */

/* ---- Myers ---------------------------------------------------------------- */

enum { R_EQ = 0, R_DEL = 1, R_INS = 2 };

typedef struct run {
    int kind;
    size_t len;
} run;

typedef struct myers {
    const uint32_t *a, *b;
    long *vf, *vb;
    size_t vcap;
    run *runs;
    size_t nruns, cap;
} myers;

static void push_run(myers *M, int kind, size_t len)
{
    if (!len) return;
    if (M->nruns && M->runs[M->nruns - 1].kind == kind) {
        M->runs[M->nruns - 1].len += len;
        return;
    }
    PL_GROW(M->runs, M->cap, M->nruns + 1);
    M->runs[M->nruns++] = (run){kind, len};
}

/* First k >= lo with k ≡ parity (mod 2). */
static long align_up(long lo, long parity)
{
    return ((lo - parity) & 1) ? lo + 1 : lo;
}

static long align_down(long hi, long parity)
{
    return ((hi - parity) & 1) ? hi - 1 : hi;
}

/* Finds the middle snake of a[0..n) against b[0..m) (both relative to alo,
 * blo): the snake (x0,y0)-(x1,y1) on an optimal path where the forward and
 * backward searches meet. Diagonal k holds the points with x - y = k; vf[k]
 * is the furthest x a forward path with d edits reaches on k, vb[k] the
 * least x a backward path reaches; -1 marks a diagonal not reached. */
static bool middle_snake(myers *M, size_t alo, size_t ahi, size_t blo, size_t bhi, long *x0,
                         long *y0, long *x1, long *y1)
{
    const uint32_t *a = M->a + alo, *b = M->b + blo;
    long n = (long)(ahi - alo), m = (long)(bhi - blo);
    long delta = n - m;
    bool odd = (delta & 1) != 0;
    size_t need = (size_t)(n + m + 3);
    if (need > M->vcap) {
        M->vf = pl_xrealloc(M->vf, need * sizeof *M->vf);
        M->vb = pl_xrealloc(M->vb, need * sizeof *M->vb);
        M->vcap = need;
    }
    long *vf = M->vf + m + 1, *vb = M->vb + m + 1; /* valid for k in [-m-1, n+1] */
    for (long k = -m - 1; k <= n + 1; k++)
        vf[k] = vb[k] = -1;
    long dmax = (n + m + 1) / 2;
    if (dmax > D_LIMIT) dmax = D_LIMIT;
    for (long d = 0; d <= dmax; d++) {
        long kmin = align_up(-d < -m ? -m : -d, d & 1);
        long kmax = align_down(d > n ? n : d, d & 1);
        for (long k = kmin; k <= kmax; k += 2) {
            long x;
            if (d == 0) {
                x = 0;
            } else {
                long down = vf[k + 1], right = vf[k - 1];
                bool dv = down >= 0 && down - (k + 1) < m; /* from k+1, one step down */
                bool rv = right >= 0 && right < n;         /* from k-1, one step right */
                if (dv && rv)
                    x = down > right + 1 ? down : right + 1;
                else if (dv)
                    x = down;
                else if (rv)
                    x = right + 1;
                else {
                    vf[k] = -1;
                    continue;
                }
            }
            long y = x - k, sx = x, sy = y;
            while (x < n && y < m && a[x] == b[y])
                x++, y++;
            vf[k] = x;
            if (odd && k >= delta - (d - 1) && k <= delta + (d - 1) && vb[k] >= 0 && vb[k] <= x) {
                *x0 = sx, *y0 = sy, *x1 = x, *y1 = y;
                return true;
            }
        }
        long bmin = delta - d < -m ? -m : delta - d;
        long bmax = delta + d > n ? n : delta + d;
        bmin = align_up(bmin, (delta + d) & 1);
        bmax = align_down(bmax, (delta + d) & 1);
        for (long k = bmin; k <= bmax; k += 2) {
            long x;
            if (d == 0) {
                x = n;
            } else {
                long left = vb[k + 1], up = vb[k - 1];
                bool lv = left >= 1;                   /* from k+1, one step left */
                bool uv = up >= 0 && up - (k - 1) > 0; /* from k-1, one step up */
                if (lv && uv)
                    x = left - 1 < up ? left - 1 : up;
                else if (lv)
                    x = left - 1;
                else if (uv)
                    x = up;
                else {
                    vb[k] = -1;
                    continue;
                }
            }
            long y = x - k, ex = x, ey = y;
            while (x > 0 && y > 0 && a[x - 1] == b[y - 1])
                x--, y--;
            vb[k] = x;
            if (!odd && k >= -d && k <= d && vf[k] >= 0 && vf[k] >= x) {
                *x0 = x, *y0 = y, *x1 = ex, *y1 = ey;
                return true;
            }
        }
    }
    return false;
}

static void diff_range(myers *M, size_t alo, size_t ahi, size_t blo, size_t bhi)
{
    size_t pre = 0;
    while (alo + pre < ahi && blo + pre < bhi && M->a[alo + pre] == M->b[blo + pre])
        pre++;
    push_run(M, R_EQ, pre);
    alo += pre, blo += pre;
    size_t suf = 0;
    while (ahi - suf > alo && bhi - suf > blo && M->a[ahi - 1 - suf] == M->b[bhi - 1 - suf])
        suf++;
    ahi -= suf, bhi -= suf;
    if (alo == ahi) {
        push_run(M, R_INS, bhi - blo);
    } else if (blo == bhi) {
        push_run(M, R_DEL, ahi - alo);
    } else {
        long x0, y0, x1, y1;
        if (middle_snake(M, alo, ahi, blo, bhi, &x0, &y0, &x1, &y1)) {
            diff_range(M, alo, alo + (size_t)x0, blo, blo + (size_t)y0);
            push_run(M, R_EQ, (size_t)(x1 - x0));
            diff_range(M, alo + (size_t)x1, ahi, blo + (size_t)y1, bhi);
        } else {
            push_run(M, R_DEL, ahi - alo);
            push_run(M, R_INS, bhi - blo);
        }
    }
    push_run(M, R_EQ, suf);
}

/* ---- hunks ------------------------------------------------------------------ */

typedef struct hunks {
    cd_hunk *h;
    size_t n, cap;
    const uint32_t *a, *b;
    size_t na, nb;
} hunks;

static void hunk_push(hunks *H, bool change, uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1)
{
    if (a0 == a1 && b0 == b1) return;
    if (H->n && H->h[H->n - 1].change == change) {
        H->h[H->n - 1].a1 = a1;
        H->h[H->n - 1].b1 = b1;
        return;
    }
    PL_GROW(H->h, H->cap, H->n + 1);
    H->h[H->n++] = (cd_hunk){change, a0, a1, b0, b1};
}

/* Drops empty hunks and joins neighbours of one kind. */
static void tidy(hunks *H)
{
    size_t w = 0;
    for (size_t i = 0; i < H->n; i++) {
        cd_hunk x = H->h[i];
        if (x.a0 == x.a1 && x.b0 == x.b1) continue;
        if (w && H->h[w - 1].change == x.change) {
            H->h[w - 1].a1 = x.a1;
            H->h[w - 1].b1 = x.b1;
        } else {
            H->h[w++] = x;
        }
    }
    H->n = w;
}

static uint32_t hsize(const cd_hunk *x)
{
    uint32_t la = x->a1 - x->a0, lb = x->b1 - x->b0;
    return la > lb ? la : lb;
}

/* ---- characters -------------------------------------------------------------- */

typedef enum cclass {
    C_SEP,
    C_SPACE,
    C_END,
    C_OPEN,
    C_CLOSE,
    C_PUNCT,
    C_DIGIT,
    C_LATIN,
    C_HIRA,
    C_KATA,
    C_KANJI,
    C_OTHER
} cclass;

static cclass class_of(uint32_t c)
{
    if (c == DIFF_CELL_SEP) return C_SEP;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000) return C_SPACE;
    if (c == 0x3001 || c == 0x3002 || c == 0xFF0C || c == 0xFF0E || c == 0xFF61 || c == 0xFF64)
        return C_END; /* 、。，．｡､ */
    if (c == '(' || c == '[' || c == '{' || c == 0xFF08 || c == 0x300C || c == 0x300E ||
        c == 0x3010 || c == 0x3014 || c == 0x3008 || c == 0x300A || c == 0xFF3B || c == 0xFF5B)
        return C_OPEN;
    if (c == ')' || c == ']' || c == '}' || c == 0xFF09 || c == 0x300D || c == 0x300F ||
        c == 0x3011 || c == 0x3015 || c == 0x3009 || c == 0x300B || c == 0xFF3D || c == 0xFF5D)
        return C_CLOSE;
    if ((c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19)) return C_DIGIT;
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xFF21 && c <= 0xFF3A) ||
        (c >= 0xFF41 && c <= 0xFF5A))
        return C_LATIN;
    if (c < 0x80) return C_PUNCT;
    if (c == 0x30FB) return C_PUNCT; /* ・ */
    if (c >= 0x3041 && c <= 0x309F) return C_HIRA;
    if ((c >= 0x30A0 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) ||
        (c >= 0xFF66 && c <= 0xFF9F))
        return C_KATA;
    if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
        (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF) || c == 0x3005 ||
        c == 0x3006)
        return C_KANJI;
    if ((c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF65)) return C_PUNCT;
    return C_OTHER;
}

/* How good a place for a change to begin or end, between x and y; -1 stands
 * for the start or the end of the text. */
static int boundary_score(long x, long y)
{
    if (x < 0 || y < 0) return 10;
    cclass cx = class_of((uint32_t)x), cy = class_of((uint32_t)y);
    if (cx == C_SEP || cy == C_SEP) return 10;
    if (cx == C_END || cx == C_SPACE || cy == C_SPACE) return 8;
    if (cx == C_CLOSE || cy == C_OPEN) return 6;
    if (cx == C_OPEN || cy == C_END || cy == C_CLOSE || cy == C_PUNCT || cx == C_PUNCT) return 4;
    if (cx != cy) return 2;
    return 0;
}

static long at(const uint32_t *s, size_t n, long i)
{
    return i < 0 || (size_t)i >= n ? -1 : (long)s[i];
}

/* ---- 1. slide ------------------------------------------------------------------ */

static void slide(hunks *H)
{
    for (size_t i = 0; i < H->n; i++) {
        cd_hunk *h = &H->h[i];
        if (!h->change) continue;
        bool ins = h->a0 == h->a1;
        if (!ins && h->b0 != h->b1) continue; /* a replacement stays */
        const uint32_t *s = ins ? H->b : H->a;
        size_t sn = ins ? H->nb : H->na;
        long s0 = ins ? h->b0 : h->a0, s1 = ins ? h->b1 : h->a1;
        long room_left = i > 0 ? (long)(H->h[i - 1].a1 - H->h[i - 1].a0) : 0;
        long room_right = i + 1 < H->n ? (long)(H->h[i + 1].a1 - H->h[i + 1].a0) : 0;
        long lmax = 0, rmax = 0;
        while (lmax < room_left && s[s0 - 1 - lmax] == s[s1 - 1 - lmax])
            lmax++;
        while (rmax < room_right && s[s0 + rmax] == s[s1 + rmax])
            rmax++;
        if (!lmax && !rmax) continue;
        long best = 0;
        int best_score = -1;
        for (long o = -lmax; o <= rmax; o++) {
            long st = s0 + o, en = s1 + o;
            int sc = boundary_score(at(s, sn, st - 1), at(s, sn, st)) +
                     boundary_score(at(s, sn, en - 1), at(s, sn, en));
            if (sc > best_score || (sc == best_score && labs(o) < labs(best)))
                best_score = sc, best = o;
        }
        if (!best) continue;
        h->a0 += (uint32_t)best, h->a1 += (uint32_t)best;
        h->b0 += (uint32_t)best, h->b1 += (uint32_t)best;
        if (i > 0) H->h[i - 1].a1 += (uint32_t)best, H->h[i - 1].b1 += (uint32_t)best;
        if (i + 1 < H->n) H->h[i + 1].a0 += (uint32_t)best, H->h[i + 1].b0 += (uint32_t)best;
    }
    tidy(H);
}

/* ---- 2. dissolve --------------------------------------------------------------- */

static bool only_digits(const uint32_t *s, uint32_t from, uint32_t to)
{
    for (uint32_t k = from; k < to; k++) {
        cclass c = class_of(s[k]);
        if (c != C_DIGIT && s[k] != ',' && s[k] != '.') return false;
    }
    return true;
}

static bool numeric(const hunks *H, const cd_hunk *x)
{
    if (x->a0 == x->a1 && x->b0 == x->b1) return false;
    return only_digits(H->a, x->a0, x->a1) && only_digits(H->b, x->b0, x->b1);
}

/* An equality that ends a phrase: it must stay visible. */
static bool hard_equality(const hunks *H, const cd_hunk *x)
{
    for (uint32_t k = x->a0; k < x->a1; k++) {
        cclass c = class_of(H->a[k]);
        if (c == C_SEP || c == C_END || c == C_SPACE) return true;
    }
    return false;
}

static bool dissolve(hunks *H)
{
    bool any = false, again = true;
    while (again) {
        again = false;
        for (size_t i = 1; i + 1 < H->n; i++) {
            cd_hunk *e = &H->h[i];
            if (e->change || !H->h[i - 1].change || !H->h[i + 1].change) continue;
            if (hard_equality(H, e) || numeric(H, &H->h[i - 1]) || numeric(H, &H->h[i + 1]))
                continue;
            uint32_t len = e->a1 - e->a0;
            uint32_t sp = hsize(&H->h[i - 1]), sn = hsize(&H->h[i + 1]);
            uint32_t small = sp < sn ? sp : sn;
            if (!((len <= 2 && len <= small) || 2 * len <= small)) continue;
            H->h[i - 1].a1 = H->h[i + 1].a1;
            H->h[i - 1].b1 = H->h[i + 1].b1;
            memmove(&H->h[i], &H->h[i + 2], (H->n - i - 2) * sizeof *H->h);
            H->n -= 2;
            again = any = true;
            i--;
        }
    }
    return any;
}

/* ---- 3. whole tokens ----------------------------------------------------------- */

static bool number_char(const uint32_t *s, size_t n, long i)
{
    if (i < 0 || (size_t)i >= n) return false;
    if (class_of(s[i]) == C_DIGIT) return true;
    /* a separator inside a number: 3,960,000 / 1.5 */
    return (s[i] == ',' || s[i] == '.') && i > 0 && (size_t)i + 1 < n &&
           class_of(s[i - 1]) == C_DIGIT && class_of(s[i + 1]) == C_DIGIT;
}

/* Does a side of the change begin (or end) with a character of class c? */
static bool edge_is(const hunks *H, const cd_hunk *h, bool begin, cclass c, bool number)
{
    if (h->a0 < h->a1) {
        long i = begin ? (long)h->a0 : (long)h->a1 - 1;
        if (number ? number_char(H->a, H->na, i) : class_of(H->a[i]) == c) return true;
    }
    if (h->b0 < h->b1) {
        long i = begin ? (long)h->b0 : (long)h->b1 - 1;
        if (number ? number_char(H->b, H->nb, i) : class_of(H->b[i]) == c) return true;
    }
    return false;
}

static void grow_tokens(hunks *H)
{
    for (size_t i = 0; i < H->n; i++) {
        cd_hunk *h = &H->h[i];
        if (!h->change) continue;
        bool replace = h->a0 < h->a1 && h->b0 < h->b1;
        /* leftwards, into the equality before */
        if (i > 0) {
            cd_hunk *p = &H->h[i - 1];
            bool number = p->a1 > p->a0 && number_char(H->a, H->na, (long)p->a1 - 1) &&
                          edge_is(H, h, true, C_DIGIT, true);
            cclass c = p->a1 > p->a0 ? class_of(H->a[p->a1 - 1]) : C_OTHER;
            bool word = replace && (c == C_KANJI || c == C_KATA || c == C_LATIN) &&
                        edge_is(H, h, true, c, false);
            int grown = 0;
            while (p->a1 > p->a0 &&
                   (number ? number_char(H->a, H->na, (long)p->a1 - 1)
                           : word && grown < WORD_GROW && class_of(H->a[p->a1 - 1]) == c)) {
                p->a1--, p->b1--, h->a0--, h->b0--;
                grown++;
            }
        }
        if (i + 1 < H->n) {
            cd_hunk *q = &H->h[i + 1];
            bool number = q->a1 > q->a0 && number_char(H->a, H->na, (long)q->a0) &&
                          edge_is(H, h, false, C_DIGIT, true);
            cclass c = q->a1 > q->a0 ? class_of(H->a[q->a0]) : C_OTHER;
            bool word = replace && (c == C_KANJI || c == C_KATA || c == C_LATIN) &&
                        edge_is(H, h, false, c, false);
            int grown = 0;
            while (q->a1 > q->a0 &&
                   (number ? number_char(H->a, H->na, (long)q->a0)
                           : word && grown < WORD_GROW && class_of(H->a[q->a0]) == c)) {
                q->a0++, q->b0++, h->a1++, h->b1++;
                grown++;
            }
        }
    }
    tidy(H);
}

/* Kana that end a verb or adjective (する, 従う, 書く, ない, した ...); particles
 * (は, が, を, に, の, と ...) are not among them: 乙は、 keeps its は apart. */
static bool verb_ending(uint32_t c)
{
    static const char *const endings = "るうくすつむぶぐぬいただ";
    for (const char *p = endings; *p;) {
        uint32_t e;
        size_t k = utf8_decode(p, strlen(p), &e);
        if (e == c) return true;
        p += k;
    }
    return false;
}

/* A change that stops one kana short of a phrase end takes that kana in:
 * 以上と[-す-]{+し、混在させ+}る。 reads as 以上と[-する-]{+し、混在させる+}。
 * (a verb's ending belongs with its stem). */
static void grow_endings(hunks *H)
{
    for (size_t i = 1; i < H->n; i++) {
        cd_hunk *e = &H->h[i], *c = &H->h[i - 1];
        if (e->change || !c->change || hsize(c) < 2 || e->a1 - e->a0 < 1) continue;
        if (!verb_ending(H->a[e->a0])) continue;
        long next = at(H->a, H->na, (long)e->a0 + 1);
        if (e->a1 - e->a0 > 1 && next >= 0) {
            cclass nc = class_of((uint32_t)next);
            if (nc != C_END && nc != C_CLOSE && nc != C_SEP) continue;
        }
        e->a0++, e->b0++, c->a1++, c->b1++;
    }
    tidy(H);
}

/* ---- public -------------------------------------------------------------------- */

size_t diff_chars(const uint32_t *a, size_t n, const uint32_t *b, size_t m, cd_hunk **out)
{
    myers M = {.a = a, .b = b};
    diff_range(&M, 0, n, 0, m);
    hunks H = {.a = a, .b = b, .na = n, .nb = m};
    uint32_t ai = 0, bi = 0;
    for (size_t r = 0; r < M.nruns; r++) {
        uint32_t len = (uint32_t)M.runs[r].len;
        switch (M.runs[r].kind) {
        case R_EQ:
            hunk_push(&H, false, ai, ai + len, bi, bi + len), ai += len, bi += len;
            break;
        case R_DEL:
            hunk_push(&H, true, ai, ai + len, bi, bi), ai += len;
            break;
        default:
            hunk_push(&H, true, ai, ai, bi, bi + len), bi += len;
            break;
        }
    }
    free(M.runs);
    free(M.vf);
    free(M.vb);
    slide(&H);
    dissolve(&H);
    grow_tokens(&H);
    grow_endings(&H);
    dissolve(&H);
    tidy(&H);
    *out = H.h;
    return H.n;
}

/* UTF-8 to code points, with each code point's byte offset (off[n] = len). */
static size_t decode(const char *s, size_t len, uint32_t **cp, size_t **off)
{
    *cp = pl_xmalloc((len + 1) * sizeof **cp);
    *off = pl_xmalloc((len + 1) * sizeof **off);
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        uint32_t c;
        size_t k = utf8_decode(s + i, len - i, &c);
        if (!k) c = 0xFFFD, k = 1;
        (*cp)[n] = c;
        (*off)[n++] = i;
        i += k;
    }
    (*off)[n] = len;
    return n;
}

void diff_strings_markup(const char *a, size_t an, const char *b, size_t bn, sbuf *out)
{
    uint32_t *ca, *cb;
    size_t *oa, *ob;
    size_t na = decode(a, an, &ca, &oa), nb = decode(b, bn, &cb, &ob);
    cd_hunk *h;
    size_t nh = diff_chars(ca, na, cb, nb, &h);
    for (size_t i = 0; i < nh; i++) {
        if (!h[i].change) {
            sbuf_append(out, a + oa[h[i].a0], oa[h[i].a1] - oa[h[i].a0]);
            continue;
        }
        if (h[i].a1 > h[i].a0) {
            sbuf_puts(out, "[-");
            sbuf_append(out, a + oa[h[i].a0], oa[h[i].a1] - oa[h[i].a0]);
            sbuf_puts(out, "-]");
        }
        if (h[i].b1 > h[i].b0) {
            sbuf_puts(out, "{+");
            sbuf_append(out, b + ob[h[i].b0], ob[h[i].b1] - ob[h[i].b0]);
            sbuf_puts(out, "+}");
        }
    }
    free(h);
    free(ca);
    free(cb);
    free(oa);
    free(ob);
}

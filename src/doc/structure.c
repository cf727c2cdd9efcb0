/*
 * structure.c - the clause segmenter, the document-type guess and parties.
 *
 * Labels are recognised by a small hand-written scanner (marker_parse) rather
 * than regular expressions: the decisions depend on what follows a label
 * (a separator, a caption, a particle) and on context (is an article open?),
 * and a scanner says that plainly. Numbers in labels are read by the text
 * layer (text_kanji_number), which knows full-width and kanji numerals.
 */
#include "structure.h"

#include <stdio.h>
#include <string.h>

#include "text/text.h"
#include "util/mem.h"
#include "util/sbuf.h"
#include "util/utf8.h"

/* ---- characters ---------------------------------------------------------- */

static bool has_prefix(const char *s, size_t n, const char *p)
{
    size_t k = strlen(p);
    return n >= k && memcmp(s, p, k) == 0;
}

/* Length of a separator at s (ASCII space, tab, U+3000), 0 if none. */
static size_t separator_len(const char *s, size_t n)
{
    if (n >= 1 && (s[0] == ' ' || s[0] == '\t')) return 1;
    if (has_prefix(s, n, "\u3000")) return 3;
    return 0;
}

static size_t skip_space(const char *s, size_t n)
{
    size_t i = 0, k;
    while (i < n && (k = separator_len(s + i, n - i))) i += k;
    return i;
}

static bool is_open_paren(const char *s, size_t n, size_t *len)
{
    if (n >= 1 && s[0] == '(') return *len = 1, true;
    if (has_prefix(s, n, "（")) return *len = 3, true;
    return false;
}

static bool is_close_paren(const char *s, size_t n, size_t *len)
{
    if (n >= 1 && s[0] == ')') return *len = 1, true;
    if (has_prefix(s, n, "）")) return *len = 3, true;
    return false;
}

static const char *const AIUEO[] = {
    "ア", "イ", "ウ", "エ", "オ", "カ", "キ", "ク", "ケ", "コ", "サ", "シ", "ス", "セ", "ソ",
    "タ", "チ", "ツ", "テ", "ト", "ナ", "ニ", "ヌ", "ネ", "ノ", "ハ", "ヒ", "フ", "ヘ", "ホ",
    "マ", "ミ", "ム", "メ", "モ", "ヤ", "ユ", "ヨ", "ラ", "リ", "ル", "レ", "ロ", "ワ", "ヲ", "ン"};

/* 1-based position of the katakana at s in アイウ order, 0 if none. */
static int katakana_index(const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof AIUEO / sizeof AIUEO[0]; i++)
        if (has_prefix(s, n, AIUEO[i])) return (int)i + 1;
    return 0;
}

/* A paragraph that is only a caption: （再委託） */
static bool is_caption_only(const char *s, size_t n, const char **inner, size_t *inner_len)
{
    size_t i = skip_space(s, n), ol, cl;
    if (!is_open_paren(s + i, n - i, &ol)) return false;
    size_t start = i + ol;
    size_t end = n;
    while (end > start && separator_len(s + end - 1, 1)) end--;
    /* find the closing paren at the very end */
    if (end >= 3 && has_prefix(s + end - 3, 3, "）")) cl = 3;
    else if (end >= 1 && s[end - 1] == ')') cl = 1;
    else return false;
    size_t len = end - cl - start;
    if (len == 0 || utf8_count(s + start, len) > 30) return false;
    for (size_t k = start; k < end - cl; k++)
        if (has_prefix(s + k, end - cl - k, "。") || has_prefix(s + k, end - cl - k, "（") ||
            s[k] == '(')
            return false;
    *inner = s + start;
    *inner_len = len;
    return true;
}

/* ---- markers --------------------------------------------------------------- */

typedef enum marker_class {
    M_NONE = 0,
    M_PART, M_CHAPTER, M_SECTION, M_SUBSECTION,
    M_ARTICLE,
    M_DAI_HEADING,   /* 第1 目的 */
    M_DIGIT,         /* 2, 2. */
    M_DOTTED,        /* 1.1, 1-1 */
    M_KANJI_ITEM,    /* 一 */
    M_PAREN_DIGIT,   /* (1) ⑴ 1) */
    M_PAREN_KANJI,   /* (一) */
    M_KATAKANA,      /* ア */
    M_PAREN_KATAKANA,/* (ア) */
    M_CIRCLED,       /* ① */
    M_LATIN,         /* a. a) (a) */
    M_APPENDIX,      /* 別記 別紙 別表 様式 附則 */
} marker_class;

typedef struct marker {
    marker_class cls;
    int64_t number, branch;
    int dots;           /* M_DOTTED: number of separators */
    size_t label_len;   /* bytes of the label as written */
    size_t consumed;    /* label plus the separator after it */
} marker;

/* Particles that make 第N章/第N条 a reference inside a sentence. */
static bool particle_follows(const char *s, size_t n)
{
    static const char *const particles[] = {"に", "の", "で", "を", "は", "が", "と", "へ", "及",
                                            "又", "から", "まで", "より", "並", "若"};
    for (size_t i = 0; i < sizeof particles / sizeof particles[0]; i++)
        if (has_prefix(s, n, particles[i])) return true;
    return false;
}

/* At the end of a label: a separator, the end, or (for paren forms and
 * articles) the text itself may follow. Returns bytes of separator. */
static bool ends_label(const char *s, size_t n, size_t *sep)
{
    *sep = separator_len(s, n);
    return n == 0 || *sep > 0;
}

static bool parse_dai(const char *s, size_t n, marker *m)
{
    size_t i = 3; /* 第 */
    int64_t v;
    size_t used = text_kanji_number(s + i, n - i, &v);
    if (!used) return false;
    i += used;
    static const struct {
        const char *unit;
        marker_class cls;
    } units[] = {{"編", M_PART}, {"章", M_CHAPTER}, {"節", M_SECTION}, {"款", M_SUBSECTION},
                 {"条", M_ARTICLE}};
    for (size_t u = 0; u < sizeof units / sizeof units[0]; u++) {
        if (!has_prefix(s + i, n - i, units[u].unit)) continue;
        i += 3;
        m->cls = units[u].cls;
        m->number = v;
        if (m->cls == M_ARTICLE && has_prefix(s + i, n - i, "の")) {
            int64_t b;
            size_t bu = text_kanji_number(s + i + 3, n - i - 3, &b);
            if (bu) {
                m->branch = b;
                i += 3 + bu;
            }
        }
        size_t sep, pl;
        if (ends_label(s + i, n - i, &sep)) {
        } else if (is_open_paren(s + i, n - i, &pl)) {
            sep = 0; /* 第3条（目的） */
        } else if (m->cls != M_ARTICLE && !particle_follows(s + i, n - i)) {
            sep = 0; /* 第1章総則 */
        } else {
            return false; /* 第3条に定める: a reference, not a heading */
        }
        m->label_len = i;
        m->consumed = i + sep;
        return true;
    }
    size_t sep;
    if (ends_label(s + i, n - i, &sep) && sep) {
        m->cls = M_DAI_HEADING;
        m->number = v;
        m->label_len = i;
        m->consumed = i + sep;
        return true;
    }
    return false;
}

static bool parse_appendix(const char *s, size_t n, marker *m)
{
    static const char *const words[] = {"別記", "別紙", "別表", "別添", "様式", "附則", "付則"};
    for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
        if (!has_prefix(s, n, words[w])) continue;
        /* A heading, not a sentence: short, no full stop. */
        if (utf8_count(s, n) > 40) return false;
        for (size_t k = 0; k + 3 <= n; k++)
            if (has_prefix(s + k, n - k, "。")) return false;
        size_t i = 6;
        if (has_prefix(s + i, n - i, "第")) i += 3;
        int64_t v = 0;
        i += text_kanji_number(s + i, n - i, &v);
        size_t sep, pl;
        if (!ends_label(s + i, n - i, &sep) && !is_open_paren(s + i, n - i, &pl)) return false;
        m->cls = M_APPENDIX;
        m->number = v;
        m->label_len = i;
        m->consumed = i + sep;
        return true;
    }
    return false;
}

static bool parse_paren(const char *s, size_t n, marker *m)
{
    size_t ol;
    if (!is_open_paren(s, n, &ol)) return false;
    size_t i = ol, cl;
    int64_t v;
    size_t used;
    int kata;
    if ((kata = katakana_index(s + i, n - i))) {
        m->cls = M_PAREN_KATAKANA;
        m->number = kata;
        used = 3;
    } else if ((used = text_kanji_number(s + i, n - i, &v))) {
        unsigned char c = (unsigned char)s[i];
        m->cls = (c >= '0' && c <= '9') || has_prefix(s + i, n - i, "\xEF\xBC") ? M_PAREN_DIGIT
                                                                                : M_PAREN_KANJI;
        m->number = v;
    } else if (i < n && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'))) {
        m->cls = M_LATIN;
        m->number = (s[i] | 0x20) - 'a' + 1;
        used = 1;
    } else {
        return false;
    }
    i += used;
    if (!is_close_paren(s + i, n - i, &cl)) return false;
    i += cl;
    m->label_len = i;
    m->consumed = i + separator_len(s + i, n - i);
    return true;
}

/* Parses the label at the start of s[0..n). A rendered docx label has no
 * text after it, so the end of the string counts as a separator. */
static bool marker_parse(const char *s, size_t n, marker *m)
{
    memset(m, 0, sizeof *m);
    size_t lead = skip_space(s, n);
    s += lead, n -= lead;
    bool ok = false;
    if (has_prefix(s, n, "第")) ok = parse_dai(s, n, m);
    else if (parse_appendix(s, n, m)) ok = true;
    else if (parse_paren(s, n, m)) ok = true;
    if (!ok && n >= 3) {
        /* ⑴..⒇ U+2474..2487; ①..⑳ U+2460..2473; ㉑.. U+3251.. */
        uint32_t cp;
        size_t k = utf8_decode(s, n, &cp);
        if (k && ((cp >= 0x2460 && cp <= 0x2473) || (cp >= 0x3251 && cp <= 0x325F) ||
                  (cp >= 0x2474 && cp <= 0x2487))) {
            m->cls = cp >= 0x2474 ? M_PAREN_DIGIT : M_CIRCLED;
            m->number = cp >= 0x3251   ? (int64_t)(cp - 0x3251 + 21)
                        : cp >= 0x2474 ? (int64_t)(cp - 0x2474 + 1)
                                       : (int64_t)(cp - 0x2460 + 1);
            m->label_len = k;
            m->consumed = k + separator_len(s + k, n - k);
            ok = true;
        }
    }
    if (!ok && n > 0) {
        unsigned char c = (unsigned char)s[0];
        int64_t v;
        size_t used = 0;
        bool digit = (c >= '0' && c <= '9') || has_prefix(s, n, "\xEF\xBC");
        int kata = katakana_index(s, n);
        if (kata) {
            used = 3;
            m->cls = M_KATAKANA;
            m->number = kata;
        } else if ((used = text_kanji_number(s, n, &v))) {
            m->cls = digit ? M_DIGIT : M_KANJI_ITEM;
            m->number = v;
            if (digit) {
                /* 1.2 / 1-2 / １．２: a dotted heading; 1. / １． / 1) */
                size_t i = used;
                int dots = 0;
                for (;;) {
                    size_t dl = (i < n && (s[i] == '.' || s[i] == '-')) ? 1
                                : has_prefix(s + i, n - i, "．")  ? 3
                                : has_prefix(s + i, n - i, "－")  ? 3
                                                                  : 0;
                    int64_t next;
                    size_t nu = dl ? text_kanji_number(s + i + dl, n - i - dl, &next) : 0;
                    if (!dl) break;
                    unsigned char nc = (unsigned char)s[i + dl];
                    if (!nu || !((nc >= '0' && nc <= '9') || nc == 0xEF)) {
                        i += dl; /* trailing dot: "1." */
                        break;
                    }
                    i += dl + nu;
                    dots++;
                }
                if (dots) m->cls = M_DOTTED;
                m->dots = dots;
                if (i < n && s[i] == ')') i++, m->cls = dots ? M_DOTTED : M_PAREN_DIGIT;
                else if (has_prefix(s + i, n - i, "）")) i += 3, m->cls = M_PAREN_DIGIT;
                used = i;
            }
        } else if (n >= 2 && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) &&
                   (s[1] == '.' || s[1] == ')')) {
            m->cls = M_LATIN;
            m->number = (c | 0x20) - 'a' + 1;
            used = 2;
        }
        if (m->cls != M_NONE) {
            if (m->cls == M_KATAKANA && used < n && (s[used] == '.' || has_prefix(s + used, n - used, "．")))
                used += s[used] == '.' ? 1 : 3;
            size_t sep;
            /* bare labels need a separator: 2年間, 一般, アクセス are text */
            if (!ends_label(s + used, n - used, &sep) && m->cls != M_PAREN_DIGIT) {
                m->cls = M_NONE;
            } else {
                m->label_len = used;
                m->consumed = used + sep;
                ok = true;
            }
        }
    }
    if (ok) {
        m->consumed += lead;
        m->label_len += 0;
    }
    return ok && m->cls != M_NONE;
}

/* ---- the clause stack -------------------------------------------------- */

enum { RANK_APPENDIX = 5 };

typedef struct builder {
    doc_structure *s;
    const doc_document *d;
    int *stack;
    size_t depth, cap;
    size_t pending_caption; /* block index + 1 of a caption waiting for its article */
    const char *caption_text;
    size_t caption_len;
} builder;

static bool article_open(const builder *b)
{
    for (size_t i = 0; i < b->depth; i++)
        if (b->s->clauses[b->stack[i]].kind == DOC_CLAUSE_ARTICLE) return true;
    return false;
}

static doc_clause *innermost(const builder *b, doc_clause_kind kind)
{
    for (size_t i = b->depth; i-- > 0;)
        if (b->s->clauses[b->stack[i]].kind == kind) return &b->s->clauses[b->stack[i]];
    return NULL;
}

static int rank_of(const builder *b, const marker *m, int outline)
{
    switch (m->cls) {
    case M_PART: return 10;
    case M_CHAPTER: return 20;
    case M_SECTION: return 30;
    case M_SUBSECTION: return 40;
    case M_DAI_HEADING: return 50;
    case M_ARTICLE: return 60;
    case M_DIGIT: return article_open(b) ? 70 : 55;
    case M_DOTTED: return 55 + 2 * m->dots;
    case M_KANJI_ITEM: return 80;
    case M_PAREN_DIGIT: return 85;
    case M_PAREN_KANJI: return 86;
    case M_KATAKANA: return 90;
    case M_PAREN_KATAKANA: return 92;
    case M_CIRCLED: return 94;
    case M_LATIN: return 96;
    case M_APPENDIX: return RANK_APPENDIX;
    case M_NONE: break;
    }
    return 44 + 2 * outline; /* a heading style without a label */
}

static doc_clause_kind kind_of(const builder *b, const marker *m)
{
    switch (m->cls) {
    case M_PART:
    case M_CHAPTER:
    case M_SECTION:
    case M_SUBSECTION: return DOC_CLAUSE_CHAPTER;
    case M_ARTICLE: return DOC_CLAUSE_ARTICLE;
    case M_APPENDIX: return DOC_CLAUSE_APPENDIX;
    case M_DIGIT: return article_open(b) ? DOC_CLAUSE_PARAGRAPH : DOC_CLAUSE_HEADING;
    case M_KANJI_ITEM: return article_open(b) ? DOC_CLAUSE_ITEM : DOC_CLAUSE_HEADING;
    case M_PAREN_DIGIT:
    case M_PAREN_KANJI:
        /* (1) under an article is an item (号) unless 一 items are open */
        if (!article_open(b)) return DOC_CLAUSE_HEADING;
        return innermost(b, DOC_CLAUSE_ITEM) ? DOC_CLAUSE_SUBITEM : DOC_CLAUSE_ITEM;
    case M_KATAKANA:
    case M_PAREN_KATAKANA:
    case M_CIRCLED:
    case M_LATIN: return article_open(b) ? DOC_CLAUSE_SUBITEM : DOC_CLAUSE_HEADING;
    default: return DOC_CLAUSE_HEADING;
    }
}

static void close_to_rank(builder *b, int rank)
{
    while (b->depth && b->s->clauses[b->stack[b->depth - 1]].rank >= rank) b->depth--;
}

static int new_clause(builder *b, doc_clause_kind kind, int rank, size_t block)
{
    doc_structure *s = b->s;
    close_to_rank(b, rank);
    PL_GROW(s->clauses, s->cap, s->nclauses + 1);
    int idx = (int)s->nclauses++;
    doc_clause *c = &s->clauses[idx];
    memset(c, 0, sizeof *c);
    c->kind = kind;
    c->rank = rank;
    c->parent = b->depth ? b->stack[b->depth - 1] : -1;
    c->first_block = c->last_block = block;
    PL_GROW(b->stack, b->cap, b->depth + 1);
    b->stack[b->depth++] = idx;
    return idx;
}

static const char *keep(doc_structure *s, const char *p, size_t n)
{
    /* labels and captions: trimmed of surrounding spaces */
    while (n && separator_len(p, n)) {
        size_t k = separator_len(p, n);
        p += k, n -= k;
    }
    while (n && (p[n - 1] == ' ' || p[n - 1] == '\t')) n--;
    while (n >= 3 && has_prefix(p + n - 3, 3, "\u3000")) n -= 3;
    return arena_strndup(&s->mem, p, n);
}

/* A heading's title: the rest of the paragraph when it is short. */
static const char *heading_title(doc_structure *s, const char *p, size_t n)
{
    size_t i = skip_space(p, n);
    if (n - i == 0 || utf8_count(p + i, n - i) > 40) return NULL;
    for (size_t k = i; k + 3 <= n; k++)
        if (has_prefix(p + k, n - k, "。")) return NULL;
    return keep(s, p + i, n - i);
}

static bool is_structural_channel(doc_channel ch)
{
    return ch == DOC_CH_BODY;
}

static bool is_attached_channel(doc_channel ch)
{
    return ch == DOC_CH_TABLE || ch == DOC_CH_TEXTBOX || ch == DOC_CH_DELETED;
}

static void extend(builder *b, size_t block)
{
    for (size_t i = 0; i < b->depth; i++) {
        doc_clause *c = &b->s->clauses[b->stack[i]];
        if (block > c->last_block) c->last_block = block;
    }
}

static void segment_block(builder *b, size_t i)
{
    doc_structure *s = b->s;
    const doc_block *blk = &b->d->blocks[i];
    s->block_clause[i] = -1;
    if (is_attached_channel(blk->channel)) {
        if (b->depth) {
            s->block_clause[i] = b->stack[b->depth - 1];
            extend(b, i);
        }
        return;
    }
    if (!is_structural_channel(blk->channel)) return;

    const char *text = blk->text;
    size_t n = blk->len;
    marker m = {0};
    bool from_label = false;
    if (blk->label && marker_parse(blk->label, strlen(blk->label), &m)) {
        from_label = true;
    } else if (!marker_parse(text, n, &m)) {
        m.cls = M_NONE;
    }
    size_t pending = b->pending_caption;
    b->pending_caption = 0;

    /* A numbered paragraph must continue its article's count; anything else
     * (「3 前項の…」 after 第1項) is ordinary text. */
    if (m.cls == M_DIGIT && article_open(b) && !from_label) {
        doc_clause *art = innermost(b, DOC_CLAUSE_ARTICLE);
        int64_t expect = art->paragraphs ? art->paragraphs + 1 : 2;
        bool explicit_first = art->paragraphs == 0 && m.number == 1 && art->first_block + 1 >= i;
        if (m.number != expect && !explicit_first) m.cls = M_NONE;
    }
    if (m.cls == M_NONE) {
        const char *inner;
        size_t inner_len;
        if (is_caption_only(text, n, &inner, &inner_len)) {
            b->pending_caption = i + 1;
            b->caption_text = inner;
            b->caption_len = inner_len;
        } else if (blk->outline && blk->outline <= 9) {
            int idx = new_clause(b, DOC_CLAUSE_HEADING, rank_of(b, &m, blk->outline), i);
            s->clauses[idx].caption = heading_title(s, text, n);
        }
        if (b->depth) {
            s->block_clause[i] = b->stack[b->depth - 1];
            extend(b, i);
        }
        return;
    }

    /* close what this label ends before judging its kind: the previous
     * (1) must not make this (2) look like a sub-item */
    int rank = rank_of(b, &m, blk->outline);
    close_to_rank(b, rank);
    int idx = new_clause(b, kind_of(b, &m), rank, i);
    doc_clause *c = &s->clauses[idx];
    c->number = m.number;
    c->branch = m.branch;
    const char *rest = text;
    size_t rest_n = n;
    if (from_label) {
        c->label = keep(s, blk->label, strlen(blk->label));
    } else {
        size_t lead = skip_space(text, n);
        c->label = keep(s, text + lead, m.label_len);
        rest = text + m.consumed;
        rest_n = n - m.consumed;
    }
    if (c->kind == DOC_CLAUSE_PARAGRAPH) {
        doc_clause *art = innermost(b, DOC_CLAUSE_ARTICLE);
        art->paragraphs = art->paragraphs ? art->paragraphs + 1 : (int)(m.number == 1 ? 1 : 2);
    }
    if (c->kind == DOC_CLAUSE_ARTICLE) {
        size_t ol, cl;
        size_t j = skip_space(rest, rest_n);
        if (pending) {
            c->caption = keep(s, b->caption_text, b->caption_len);
            c->first_block = pending - 1;
            s->block_clause[pending - 1] = idx;
        } else if (is_open_paren(rest + j, rest_n - j, &ol)) {
            size_t k = j + ol;
            while (k < rest_n && !is_close_paren(rest + k, rest_n - k, &cl)) k++;
            if (k < rest_n && utf8_count(rest + j + ol, k - j - ol) <= 30)
                c->caption = keep(s, rest + j + ol, k - j - ol);
        }
    } else if (c->kind == DOC_CLAUSE_CHAPTER || c->kind == DOC_CLAUSE_APPENDIX ||
               c->kind == DOC_CLAUSE_HEADING) {
        c->caption = heading_title(s, rest, rest_n);
    }
    s->block_clause[i] = idx;
    extend(b, i);
}

/* ---- paths ---------------------------------------------------------------- */

static void component(const doc_structure *s, const doc_clause *c, sbuf *out)
{
    switch (c->kind) {
    case DOC_CLAUSE_ARTICLE:
        sbuf_printf(out, "第%lld条", (long long)c->number);
        if (c->branch) sbuf_printf(out, "の%lld", (long long)c->branch);
        break;
    case DOC_CLAUSE_PARAGRAPH: sbuf_printf(out, "第%lld項", (long long)c->number); break;
    case DOC_CLAUSE_ITEM:
        /* an item right under an article that has paragraphs is in 第1項 */
        if (c->parent >= 0 && s->clauses[c->parent].kind == DOC_CLAUSE_ARTICLE &&
            s->clauses[c->parent].paragraphs > 0)
            sbuf_puts(out, "第1項");
        sbuf_printf(out, "第%lld号", (long long)c->number);
        break;
    case DOC_CLAUSE_APPENDIX:
    case DOC_CLAUSE_CHAPTER:
        sbuf_puts(out, c->label ? c->label : "");
        sbuf_putc(out, ' ');
        break;
    case DOC_CLAUSE_SUBITEM:
    case DOC_CLAUSE_HEADING:
        if (c->label) {
            /* labels as cited: full-width digits and parentheses folded */
            text_norm nm;
            text_norm_init(&nm);
            text_normalize(&nm, c->label, strlen(c->label), TEXT_NORM_WIDTH | TEXT_NORM_SPACE,
                           NULL);
            const char *l = nm.text;
            size_t len = nm.len;
            if (len && (l[len - 1] == '.' || l[len - 1] == ')') && l[0] != '(') len--;
            /* 第８ › ２ is 「第8 2」, not 「第82」 */
            if (len && out->len && l[0] >= '0' && l[0] <= '9' && out->data[out->len - 1] >= '0' &&
                out->data[out->len - 1] <= '9')
                sbuf_putc(out, ' ');
            sbuf_append(out, l, len);
            text_norm_free(&nm);
        }
        break;
    }
}

/* 1.2 / １．２ / 1-2: a label that already spells out its parent headings. */
static bool is_dotted_label(const char *l)
{
    if (!l) return false;
    for (size_t i = 0; l[i]; i++) {
        bool sep = l[i] == '.' || l[i] == '-' || has_prefix(l + i, strlen(l + i), "．");
        if (sep && i > 0 && l[i + (l[i] == '.' || l[i] == '-' ? 1 : 3)] != '\0') return true;
    }
    return false;
}

static bool has_article_below(const doc_structure *s, int idx)
{
    for (size_t i = 0; i < s->nclauses; i++) {
        int p = (int)i;
        if (s->clauses[i].kind != DOC_CLAUSE_ARTICLE) continue;
        while (p >= 0 && p != idx) p = s->clauses[p].parent;
        if (p == idx) return true;
    }
    return false;
}

static void build_paths(doc_structure *s)
{
    sbuf path = SBUF_INIT;
    int chain[64];
    for (size_t i = 0; i < s->nclauses; i++) {
        int n = 0;
        for (int p = (int)i; p >= 0 && n < 64; p = s->clauses[p].parent) chain[n++] = p;
        sbuf_reset(&path);
        bool in_article = false;
        size_t headings_start = (size_t)-1; /* where heading components begin */
        for (int k = n - 1; k >= 0; k--) {
            const doc_clause *c = &s->clauses[chain[k]];
            if (c->kind == DOC_CLAUSE_ARTICLE) in_article = true;
            if (c->kind == DOC_CLAUSE_HEADING && !in_article) {
                if (headings_start == (size_t)-1) headings_start = path.len;
                else if (is_dotted_label(c->label)) sbuf_truncate(&path, headings_start);
            }
            /* chapters name the place only where no article does */
            if (c->kind == DOC_CLAUSE_CHAPTER && k > 0 && has_article_below(s, chain[k]))
                continue;
            if (c->kind == DOC_CLAUSE_HEADING && in_article) continue;
            component(s, c, &path);
        }
        while (path.len && path.data[path.len - 1] == ' ') sbuf_truncate(&path, path.len - 1);
        doc_clause *c = &s->clauses[i];
        c->path = arena_strdup(&s->mem, sbuf_cstr(&path));
        if (c->kind == DOC_CLAUSE_ARTICLE && c->paragraphs > 0) {
            sbuf_puts(&path, "第1項");
            c->path_first = arena_strdup(&s->mem, sbuf_cstr(&path));
        } else {
            c->path_first = c->path;
        }
    }
    sbuf_free(&path);
}

/* ---- parties --------------------------------------------------------------- */

static doc_party_role role_of(const char *name, const char *entity)
{
    static const char *const client[] = {"甲", "委託者", "発注者", "委託元", "本市", "本町", "本村"};
    static const char *const contractor[] = {"乙", "受託者", "受注者", "委託先", "受託事業者"};
    for (size_t i = 0; i < sizeof client / sizeof client[0]; i++)
        if (strcmp(name, client[i]) == 0) return DOC_PARTY_CLIENT;
    for (size_t i = 0; i < sizeof contractor / sizeof contractor[0]; i++)
        if (strcmp(name, contractor[i]) == 0) return DOC_PARTY_CONTRACTOR;
    if (entity) {
        static const char *const public_body[] = {"市", "町", "村", "区", "県", "都", "府",
                                                  "市長", "町長", "村長", "知事", "広域連合"};
        size_t n = strlen(entity);
        for (size_t i = 0; i < sizeof public_body / sizeof public_body[0]; i++) {
            size_t k = strlen(public_body[i]);
            if (n >= k && strcmp(entity + n - k, public_body[i]) == 0) return DOC_PARTY_CLIENT;
        }
        if (strstr(entity, "株式会社") || strstr(entity, "有限会社") || strstr(entity, "法人"))
            return DOC_PARTY_CONTRACTOR;
    }
    return DOC_PARTY_UNKNOWN;
}

/* 「…（以下「甲」という。）」: the defined name, and the entity written just
 * before the parenthesis, back to the previous clause boundary. */
static void find_parties(doc_structure *s, const doc_document *d)
{
    text_norm nm;
    text_norm_init(&nm);
    size_t scanned = 0;
    for (size_t i = 0; i < d->nblocks && scanned < 60; i++) {
        const doc_block *b = &d->blocks[i];
        if (b->channel != DOC_CH_BODY && b->channel != DOC_CH_TABLE) continue;
        scanned++;
        text_normalize(&nm, b->text, b->len, TEXT_NORM_DEFAULT, NULL);
        const char *t = nm.text;
        for (const char *p = t; (p = strstr(p, "以下")) != NULL; p += 6) {
            const char *q = p + 6;
            if (has_prefix(q, strlen(q), "単に")) q += 6;
            if (!has_prefix(q, strlen(q), "「")) continue;
            const char *name = q + 3;
            const char *close = strstr(name, "」");
            if (!close || close - name > 30 || close == name) continue;
            const char *after = close + 3;
            if (!has_prefix(after, strlen(after), "という") &&
                !has_prefix(after, strlen(after), "と称する") &&
                !has_prefix(after, strlen(after), "といい"))
                continue;
            /* entity: back from "(以下" over the previous boundary */
            const char *open = p;
            if (open > t && open[-1] == '(') open--;
            else if (open - t >= 3 && has_prefix(open - 3, 3, "（")) open -= 3;
            const char *start = t;
            static const char *const bounds[] = {"。", "、", ")と", "）と", "」", "は"};
            for (size_t k = 0; k < sizeof bounds / sizeof bounds[0]; k++) {
                size_t bl = strlen(bounds[k]);
                for (const char *x = open - bl; x >= start; x--) {
                    if (memcmp(x, bounds[k], bl) == 0) {
                        start = x + bl;
                        break;
                    }
                }
            }
            char name_buf[128], entity_buf[256];
            snprintf(name_buf, sizeof name_buf, "%.*s", (int)(close - name), name);
            size_t elen = (size_t)(open - start);
            snprintf(entity_buf, sizeof entity_buf, "%.*s", (int)(elen < 255 ? elen : 255), start);
            doc_party_role role = role_of(name_buf, elen ? entity_buf : NULL);
            /* 「以下「本業務」という」 defines a term, not a party */
            static const char *const others[] = {"丙", "丁", "戊"};
            bool is_party = role != DOC_PARTY_UNKNOWN;
            for (size_t k = 0; k < 3 && !is_party; k++) is_party = strcmp(name_buf, others[k]) == 0;
            if (!is_party) continue;
            bool seen = false;
            for (size_t k = 0; k < s->nparties; k++)
                if (strcmp(s->parties[k].name, name_buf) == 0) seen = true;
            if (seen) continue;
            PL_GROW(s->parties, s->cap_parties, s->nparties + 1);
            doc_party *party = &s->parties[s->nparties++];
            party->name = arena_strdup(&s->mem, name_buf);
            party->entity = elen ? arena_strdup(&s->mem, entity_buf) : NULL;
            party->role = role;
            party->block = i;
        }
    }
    text_norm_free(&nm);
}

/* ---- document type --------------------------------------------------------- */

typedef struct type_word {
    const char *word;
    doc_type type;
} type_word;

/* Title words, most specific first: 特記仕様書 is a specification, 個人情報
 * 取扱特記事項 special provisions, 契約書 a contract. */
static const type_word TITLE_WORDS[] = {
    {"特記仕様書", DOC_TYPE_SPEC},
    {"仕様書", DOC_TYPE_SPEC},
    {"特記事項", DOC_TYPE_SPECIAL},
    {"契約書", DOC_TYPE_CONTRACT},
    {"契約約款", DOC_TYPE_CONTRACT},
    {"覚書", DOC_TYPE_CONTRACT},
    {"協定書", DOC_TYPE_CONTRACT},
    {"情報セキュリティポリシー", DOC_TYPE_POLICY},
    {"セキュリティポリシー", DOC_TYPE_POLICY},
    {"基本方針", DOC_TYPE_POLICY},
    {"対策基準", DOC_TYPE_POLICY},
    {"実施手順", DOC_TYPE_POLICY},
    {"規程", DOC_TYPE_POLICY},
    {"要綱", DOC_TYPE_POLICY},
    {"台帳", DOC_TYPE_LEDGER},
    {"管理簿", DOC_TYPE_LEDGER},
    {"一覧", DOC_TYPE_LEDGER},
};

static doc_type title_type(const char *t, const char **word)
{
    for (size_t i = 0; i < sizeof TITLE_WORDS / sizeof TITLE_WORDS[0]; i++) {
        if (strstr(t, TITLE_WORDS[i].word)) {
            *word = TITLE_WORDS[i].word;
            return TITLE_WORDS[i].type;
        }
    }
    return DOC_TYPE_UNKNOWN;
}

static void set_type(doc_structure *s, doc_type t, const char *basis, const char *evidence)
{
    s->type = t;
    s->type_basis = basis;
    s->type_evidence = evidence ? arena_strdup(&s->mem, evidence) : NULL;
}

static size_t count_occurrences(const char *hay, const char *needle)
{
    size_t n = 0, k = strlen(needle);
    for (const char *p = hay; (p = strstr(p, needle)); p += k) n++;
    return n;
}

static void guess_type(doc_structure *s, const doc_document *d)
{
    if (d->info.format == DOC_FMT_XLSX) {
        set_type(s, DOC_TYPE_LEDGER, "spreadsheet", NULL);
        return;
    }
    text_norm nm;
    text_norm_init(&nm);
    /* The title: one of the first short body paragraphs without a label. */
    size_t seen = 0;
    for (size_t i = 0; i < d->nblocks && seen < 6; i++) {
        const doc_block *b = &d->blocks[i];
        if (b->channel != DOC_CH_BODY || b->len == 0) continue;
        seen++;
        if (utf8_count(b->text, b->len) > 40) continue;
        text_normalize(&nm, b->text, b->len, TEXT_NORM_DEFAULT, NULL);
        const char *word;
        doc_type t = title_type(nm.text, &word);
        if (t != DOC_TYPE_UNKNOWN) {
            set_type(s, t, "title", nm.text);
            text_norm_free(&nm);
            return;
        }
    }
    for (size_t i = 0; i < d->nblocks; i++) {
        const doc_block *b = &d->blocks[i];
        if (b->kind == DOC_BLOCK_PROPERTY && b->ref && strcmp(b->ref, "dc:title") == 0) {
            text_normalize(&nm, b->text, b->len, TEXT_NORM_DEFAULT, NULL);
            const char *word;
            doc_type t = title_type(nm.text, &word);
            if (t != DOC_TYPE_UNKNOWN) {
                set_type(s, t, "title", nm.text);
                text_norm_free(&nm);
                return;
            }
        }
    }
    if (d->info.path) {
        const char *base = strrchr(d->info.path, '/');
        base = base ? base + 1 : d->info.path;
        text_normalize(&nm, base, strlen(base), TEXT_NORM_DEFAULT, NULL);
        const char *word;
        doc_type t = title_type(nm.text, &word);
        if (t != DOC_TYPE_UNKNOWN) {
            set_type(s, t, "filename", base);
            text_norm_free(&nm);
            return;
        }
    }
    text_norm_free(&nm);
    bool client = false, contractor = false;
    for (size_t i = 0; i < s->nparties; i++) {
        client |= s->parties[i].role == DOC_PARTY_CLIENT;
        contractor |= s->parties[i].role == DOC_PARTY_CONTRACTOR;
    }
    if (client && contractor) {
        set_type(s, DOC_TYPE_CONTRACT, "parties", NULL);
        return;
    }
    /* Vocabulary over the whole body. */
    sbuf all = SBUF_INIT;
    for (size_t i = 0; i < d->nblocks && all.len < (1u << 20); i++)
        if (d->blocks[i].channel == DOC_CH_BODY || d->blocks[i].channel == DOC_CH_TABLE)
            sbuf_append(&all, d->blocks[i].text, d->blocks[i].len);
    const char *t = sbuf_cstr(&all);
    size_t contract = count_occurrences(t, "甲") + count_occurrences(t, "乙") +
                      2 * count_occurrences(t, "受託者") + 2 * count_occurrences(t, "受注者");
    size_t spec = 3 * count_occurrences(t, "仕様") + count_occurrences(t, "業務内容") +
                  count_occurrences(t, "履行期間") + count_occurrences(t, "納品");
    size_t policy = 2 * count_occurrences(t, "職員") + 3 * count_occurrences(t, "情報セキュリティ") +
                    count_occurrences(t, "CISO");
    sbuf_free(&all);
    size_t best = contract > spec ? contract : spec;
    best = policy > best ? policy : best;
    if (best < 6) {
        set_type(s, DOC_TYPE_UNKNOWN, "none", NULL);
        return;
    }
    set_type(s, best == contract ? DOC_TYPE_CONTRACT : best == spec ? DOC_TYPE_SPEC : DOC_TYPE_POLICY,
             "vocabulary", NULL);
}

/* ---- public ------------------------------------------------------------------- */

void doc_structure_build(doc_structure *s, const doc_document *d, doc_type forced)
{
    memset(s, 0, sizeof *s);
    arena_init(&s->mem);
    s->nblocks = d->nblocks;
    s->block_clause = pl_xmalloc((d->nblocks + 1) * sizeof *s->block_clause);
    builder b = {.s = s, .d = d};
    for (size_t i = 0; i < d->nblocks; i++) segment_block(&b, i);
    free(b.stack);
    build_paths(s);
    find_parties(s, d);
    if (forced != DOC_TYPE_UNKNOWN)
        set_type(s, forced, "given", NULL);
    else
        guess_type(s, d);
}

void doc_structure_free(doc_structure *s)
{
    free(s->clauses);
    free(s->block_clause);
    free(s->parties);
    arena_free(&s->mem);
    memset(s, 0, sizeof *s);
}

const doc_clause *doc_structure_clause(const doc_structure *s, size_t block)
{
    if (block >= s->nblocks || s->block_clause[block] < 0) return NULL;
    return &s->clauses[s->block_clause[block]];
}

const char *doc_structure_path(const doc_structure *s, size_t block)
{
    const doc_clause *c = doc_structure_clause(s, block);
    if (!c) return "";
    return c->kind == DOC_CLAUSE_ARTICLE ? c->path_first : c->path;
}

const doc_clause *doc_structure_article(const doc_structure *s, size_t block)
{
    const doc_clause *c = doc_structure_clause(s, block);
    const doc_clause *best = c;
    for (; c; c = c->parent >= 0 ? &s->clauses[c->parent] : NULL) {
        if (c->kind == DOC_CLAUSE_ARTICLE) return c;
        if (c->kind == DOC_CLAUSE_HEADING) best = c; /* the outermost heading */
    }
    return best;
}

const doc_clause *doc_structure_appendix(const doc_structure *s, size_t block)
{
    for (const doc_clause *c = doc_structure_clause(s, block); c;
         c = c->parent >= 0 ? &s->clauses[c->parent] : NULL)
        if (c->kind == DOC_CLAUSE_APPENDIX) return c;
    return NULL;
}

const char *doc_clause_kind_name(doc_clause_kind k)
{
    static const char *const names[] = {"chapter", "article", "paragraph", "item",
                                        "subitem", "heading", "appendix"};
    return k <= DOC_CLAUSE_APPENDIX ? names[k] : "unknown";
}

const char *doc_party_role_name(doc_party_role r)
{
    return r == DOC_PARTY_CLIENT ? "client" : r == DOC_PARTY_CONTRACTOR ? "contractor" : "unknown";
}

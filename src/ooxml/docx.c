/*
 * docx.c - the DOCX reader: WordprocessingML stories to doc_blocks.
 *
 * One SAX pass per story part, in reading order: the main document, then
 * headers and footers (found through the main part's relationships and the
 * sections' reference types), footnotes, endnotes and comments. Styles and
 * numbering are read first into tables (docx_styles.c, docx_numbering.c).
 *
 * How a pass works. Every start tag is classified once, in the context of
 * its parent, into a small code (X_P, X_RPR, X_REV ...) that is pushed on an
 * element stack; the end tag pops the code, so no name is compared twice.
 * Property elements are read only where they belong (w:vanish under a run's
 * w:rPr, w:numId under the paragraph's w:numPr), and subtrees that carry no
 * current content (w:rPrChange, w:pPrChange, note separators, sdt
 * properties) are skipped by a counter without being looked at.
 *
 * A paragraph is built in a reusable frame: the text in view, the text kept
 * out of the view (deleted text in the accepted view, inserted text in the
 * rejected view; emitted right after the paragraph on DOC_CH_DELETED), and
 * marks. Marks come in two kinds:
 *   - attributes of the text as it is appended (tracked change, hidden,
 *     placeholder, hyperlink): extended while adjacent pieces share them, so
 *     Word's arbitrary run splits never show;
 *   - spans closed when their element ends (field result, comment range,
 *     ruby base); a span still open at the end of a paragraph is cut there
 *     and continues in the next one.
 * Text boxes are paragraphs inside a paragraph (w:txbxContent under a
 * drawing in a run), so frames form a stack by nesting level; a nested
 * paragraph is queued in a slot reserved at its start tag and the queue is
 * emitted after the anchoring top-level paragraph, in XML order, once. A
 * paragraph whose mark is out of the view (a deleted paragraph mark when
 * changes are accepted) is not emitted: its frame is carried into the next
 * paragraph at the same level, which is how Word joins the two.
 *
 * Memory is one paragraph's worth: frames, stacks and buffers grow as needed
 * and are reused; nothing is allocated per run. Text, marks and queued text
 * boxes all count against limits.max_text_bytes, so a hostile part fails
 * with PL_E_LIMIT before it can make us hold more than that.
 *
 * Choices worth knowing:
 *   - A joined paragraph (deleted mark, drop cap) is located at the first of
 *     the joined w:p, and takes style and numbering from the last, whose
 *     mark survives; a numbered paragraph out of the view takes no number.
 *   - Text boxes of the main story are DOC_CH_TEXTBOX; those in headers,
 *     footers, notes and comments keep their story's channel.
 *   - Paragraph indexes count the w:p we see: those in the mc:Choice or
 *     mc:Fallback branch that xmlstream.c drops are not counted.
 *   - DOC_CH_DELETED holds what the chosen view leaves out:
 *     deletions when changes are accepted, insertions when rejected.
 *   - A legacy FORMCHECKBOX field, which caches no result, reads as ☒/☐.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docx_internal.h"
#include "util/mem.h"
#include "util/utf8.h"

enum {
    NO_INFO = UINT32_MAX,
    MAX_SPAN = 1000,     /* grid columns a cell or gridBefore may claim */
    MAX_FIELDS = 4096,   /* open fields; Word nests a handful */
    MAX_RANGES = 65536,  /* open comment ranges */
    MAX_HDRREFS = 4096,  /* distinct header/footer references */
    SLOT_OVERHEAD = 256, /* bytes a queued text-box paragraph costs besides its text */
};

/* Revision flags of text or of a paragraph mark. */
enum { REV_INS = 1, REV_DEL = 2, REV_MOVE_FROM = 4, REV_MOVE_TO = 8 };

static const doc_mark_kind REV_MARK[4] = {DOC_MARK_INSERTED, DOC_MARK_DELETED, DOC_MARK_MOVED_FROM,
                                          DOC_MARK_MOVED_TO};

/* What an element means where it is; see the header comment. */
typedef enum dx_elem {
    X_OTHER = 0, /* transparent: its children are read (smartTag, drawing ...) */
    X_SKIP,      /* never pushed: the subtree is skipped */
    X_STORY,     /* w:body, w:hdr, w:ftr */
    X_NOTE,      /* w:footnote, w:endnote (not a separator) */
    X_COMMENT,
    X_P,
    X_PPR,
    X_PPR_RPR, /* the paragraph mark's run properties */
    X_NUMPR,
    X_SECTPR,
    X_R, /* w:r and m:r */
    X_RPR,
    X_TEXT, /* w:t, w:delText, w:instrText, w:delInstrText, m:t */
    X_REV,  /* w:ins, w:del, w:moveFrom, w:moveTo around content */
    X_HYPERLINK,
    X_FLDSIMPLE,
    X_SDT,
    X_SDTPR,
    X_SDTCONTENT,
    X_SDTCONTENT_PH, /* content still showing its placeholder */
    X_RUBY,
    X_RT,
    X_RUBYBASE,
    X_TBL,
    X_TR,
    X_TRPR,
    X_TC,
    X_TCPR,
    X_TXBX,
    X_FLDCHAR, /* a field's begin, whose w:ffData may describe a check box */
    X_FFDATA,
    X_CHECKBOX,
} dx_elem;

typedef enum dx_capture { CAP_NONE = 0, CAP_TEXT, CAP_DELTEXT, CAP_INSTR, CAP_DELINSTR } dx_capture;

typedef struct dx_mark {
    uint32_t start, end;
    uint32_t info; /* offset in the frame's pool, NO_INFO for none */
    uint8_t kind;
} dx_mark;

/* A text under construction and its marks. */
typedef struct dx_text {
    sbuf s;
    dx_mark *marks;
    size_t nmarks, cap;
    int32_t last[DOC_MARK_COUNT];   /* latest attribute mark per kind, -1 */
    uint32_t token[DOC_MARK_COUNT]; /* which span produced it */
} dx_text;

/* One paragraph being read, reused for every paragraph at its level. */
typedef struct dx_para {
    dx_text main, side;
    sbuf pool;           /* NUL-separated mark infos of both texts */
    sbuf style;          /* w:pStyle */
    int32_t style_index; /* in the styles table; -2 until looked up */
    int32_t num_id;
    int8_t ilvl, outline;
    uint8_t mark_rev; /* revision of this paragraph's mark */
    bool carry;       /* mark out of view: joins the next paragraph */
    bool joined;      /* holds text of a paragraph that was joined to it */
    bool suppressed;  /* in a merged-away table cell */
    bool drop_cap;    /* a drop-cap frame: Word draws it into the next paragraph */
    int32_t slot;     /* queue slot of a nested paragraph, -1 at level 0 */
    doc_channel channel;
    doc_location loc;
    /* the run being read */
    sbuf rstyle;
    char rfont[32]; /* w:rFonts, kept only when it is a symbol font */
    int8_t r_vanish;
    bool r_known, r_hidden;
    /* ruby */
    bool in_rt;
    uint32_t ruby_base;
    sbuf reading;
} dx_para;

/* Containers that give text an attribute: revisions, hyperlinks,
 * placeholders. info is an offset in span_pool. */
typedef enum { SPAN_REV, SPAN_LINK, SPAN_PLACEHOLDER } span_kind;
typedef struct dx_span {
    uint8_t kind;
    uint8_t rev;
    uint32_t token;
    uint32_t info;
    size_t pool_mark; /* span_pool length before this span */
} dx_span;

typedef struct dx_attrs { /* the spans in force, recomputed on push/pop */
    uint8_t rev;
    int32_t rev_span[4];
    int32_t link;
    bool placeholder;
} dx_attrs;

typedef enum { FLD_CODE, FLD_RESULT } fld_state;
typedef struct dx_field {
    sbuf instr;
    uint8_t state;
    bool simple;
    int8_t checkbox;  /* legacy form check box: -1 none, 0 clear, 1 checked */
    bool checked_set; /* w:checked seen: it wins over w:default */
    int32_t level;    /* paragraph level where its result is read */
    uint32_t start;
} dx_field;

typedef struct dx_range { /* an open comment range */
    char id[32];
    int32_t level;
    uint32_t start;
    bool emitted;
} dx_range;

typedef struct dx_table {
    uint32_t index, row, next_col, col, span;
    bool continue_cell;
} dx_table;

typedef struct dx_story { /* the part's story, or a text box inside it */
    doc_channel channel;
    size_t table_base, field_base, span_base, range_base;
} dx_story;

typedef struct dx_slot { /* a finished nested paragraph waiting for its anchor */
    doc_block b[2];
    uint8_t n;
} dx_slot;

typedef struct dx_hdrref {
    bool footer;
    char type[16];
    char rid[64];
} dx_hdrref;

typedef struct dx {
    pkg *pk;
    const ooxml_options *opt;
    doc_info *info;
    const doc_sink *sink;
    pl_error *err;
    xs_parser *xp;
    bool stopped;
    uint64_t max_text;
    docx_styles styles;
    docx_numbering numbering;

    /* the part being read */
    const char *part;
    pkg_rels rels;
    doc_channel channel;
    bool is_main;
    sbuf ref, author; /* note/comment id and author */
    uint32_t npara, ntables;

    uint8_t *stack;
    size_t depth, cap_stack;
    size_t skip;
    dx_capture capture;

    dx_para **paras;
    size_t nopen, nparas, cap_paras; /* open paragraphs; frames allocated */

    dx_span *spans;
    size_t nspans, cap_spans;
    sbuf span_pool;
    uint32_t next_token;
    dx_attrs attrs;

    dx_field *fields;
    size_t nfields, cap_fields, init_fields;

    dx_range *ranges;
    size_t nranges, cap_ranges;
    char (*range_ids)[32];
    size_t nrange_ids, cap_range_ids;

    dx_table *tables;
    size_t ntab, cap_tab;
    int suppress; /* inside vMerge/hMerge continuation cells */

    dx_story *stories;
    size_t nstories, cap_stories;

    bool *sdt_ph; /* placeholder flag per open w:sdt */
    size_t nsdt, cap_sdt;

    dx_slot *slots;
    size_t nslots, cap_slots;
    arena slot_mem;
    uint64_t slot_bytes;

    dx_hdrref *hdrrefs;
    size_t nhdrrefs, cap_hdrrefs;

    /* emission scratch */
    sbuf label;
    struct sort_item *sort_buf;
    size_t cap_sort;
    doc_mark *out_marks;
    size_t cap_out_marks;
} dx;

/* ---- small helpers -------------------------------------------------------- */

static uint8_t parent_elem(const dx *d)
{
    return d->depth ? d->stack[d->depth - 1] : X_OTHER;
}

static dx_para *cur_para(dx *d)
{
    return d->nopen ? d->paras[d->nopen - 1] : NULL;
}

static dx_story *cur_story(dx *d)
{
    return &d->stories[d->nstories - 1];
}

static bool is_eq(const char *v, size_t len, const char *lit)
{
    return v && strlen(lit) == len && memcmp(v, lit, len) == 0;
}

/* Stops the part with PL_E_LIMIT before a buffer outgrows the text cap. */
static bool over_limit(dx *d, uint64_t have, size_t more)
{
    if (have + more <= d->max_text) return false;
    if (!d->stopped) {
        xs_abort(d->xp, PL_E_LIMIT, "text of one paragraph");
        d->err->value = (long long)(have + more);
        d->err->limit = (long long)d->max_text;
        d->stopped = true;
    }
    return true;
}

static bool in_view(const dx *d, uint8_t rev)
{
    switch (d->opt->tracked) {
    case DOC_TRACKED_REJECT:
        return !(rev & (REV_INS | REV_MOVE_TO));
    case DOC_TRACKED_ALL:
        return true;
    case DOC_TRACKED_ACCEPT:
        break;
    }
    return !(rev & (REV_DEL | REV_MOVE_FROM));
}

/* ---- marks ------------------------------------------------------------------ */

static uint32_t pool_add(dx_para *f, const char *s, size_t n)
{
    uint32_t off = (uint32_t)f->pool.len;
    sbuf_append(&f->pool, s, n);
    sbuf_putc(&f->pool, '\0');
    return off;
}

/* Adds a mark, its info copied into the frame's pool. Marks and infos count
 * against the text cap too: a paragraph of a million empty references must
 * not cost more memory than its text would. */
static bool add_mark(dx *d, dx_para *f, dx_text *t, doc_mark_kind kind, uint32_t start,
                     uint32_t end, const char *info, size_t len)
{
    uint64_t cost =
        (uint64_t)(f->main.nmarks + f->side.nmarks + 1) * sizeof(dx_mark) + f->pool.len + len;
    if (over_limit(d, cost, 0)) return false;
    uint32_t off = info ? pool_add(f, info, len) : NO_INFO;
    PL_GROW(t->marks, t->cap, t->nmarks + 1);
    t->marks[t->nmarks++] = (dx_mark){start, end, off, (uint8_t)kind};
    return true;
}

/* Extends the previous mark of this kind when the new piece continues it
 * with the same meaning; otherwise starts a new mark. */
static void attr_mark(dx *d, dx_para *f, dx_text *t, doc_mark_kind kind, uint32_t token,
                      const char *info, uint32_t start, uint32_t end)
{
    int32_t i = t->last[kind];
    if (i >= 0 && t->marks[i].end == start) {
        dx_mark *m = &t->marks[i];
        bool same = t->token[kind] == token;
        if (!same) {
            const char *old = m->info == NO_INFO ? NULL : f->pool.data + m->info;
            same = (!old && !info) || (old && info && strcmp(old, info) == 0);
        }
        if (same) {
            m->end = end;
            t->token[kind] = token;
            return;
        }
    }
    if (!add_mark(d, f, t, kind, start, end, info, info ? strlen(info) : 0)) return;
    t->last[kind] = (int32_t)(t->nmarks - 1);
    t->token[kind] = token;
}

static void text_reset(dx_text *t)
{
    sbuf_reset(&t->s);
    t->nmarks = 0;
    for (int k = 0; k < DOC_MARK_COUNT; k++)
        t->last[k] = -1;
}

static void text_free(dx_text *t)
{
    sbuf_free(&t->s);
    free(t->marks);
}

/* ---- spans (attributes in force) ------------------------------------------- */

static void recompute_attrs(dx *d)
{
    dx_attrs *a = &d->attrs;
    memset(a, 0, sizeof *a);
    a->link = -1;
    for (int i = 0; i < 4; i++)
        a->rev_span[i] = -1;
    for (size_t i = cur_story(d)->span_base; i < d->nspans; i++) {
        const dx_span *s = &d->spans[i];
        if (s->kind == SPAN_REV) {
            a->rev |= s->rev;
            for (int k = 0; k < 4; k++)
                if (s->rev & (1u << k)) a->rev_span[k] = (int32_t)i;
        } else if (s->kind == SPAN_LINK) {
            a->link = (int32_t)i;
        } else {
            a->placeholder = true;
        }
    }
}

static void span_push(dx *d, span_kind kind, uint8_t rev, const char *info, size_t len)
{
    PL_GROW(d->spans, d->cap_spans, d->nspans + 1);
    dx_span *s = &d->spans[d->nspans++];
    s->kind = (uint8_t)kind;
    s->rev = rev;
    s->token = ++d->next_token;
    s->pool_mark = d->span_pool.len;
    s->info = NO_INFO;
    if (info) {
        s->info = (uint32_t)d->span_pool.len;
        sbuf_append(&d->span_pool, info, len);
        sbuf_putc(&d->span_pool, '\0');
    }
    recompute_attrs(d);
}

static void span_pop(dx *d)
{
    if (!d->nspans) return;
    d->nspans--;
    sbuf_truncate(&d->span_pool, d->spans[d->nspans].pool_mark);
    recompute_attrs(d);
}

static const char *span_info(const dx *d, int32_t i)
{
    if (i < 0 || d->spans[i].info == NO_INFO) return NULL;
    return d->span_pool.data + d->spans[i].info;
}

/* ---- runs -------------------------------------------------------------------- */

static void run_start(dx_para *f)
{
    sbuf_reset(&f->rstyle);
    f->rfont[0] = '\0';
    f->r_vanish = -1;
    f->r_known = false;
}

/* The paragraph's style in the table (-1: none or unknown), looked up once
 * per paragraph rather than once per run. */
static int32_t para_style(dx *d, dx_para *f)
{
    if (f->style_index == -2)
        f->style_index =
            f->style.len ? docx_styles_find(&d->styles, f->style.data, f->style.len) : -1;
    return f->style_index;
}

static bool run_hidden(dx *d, dx_para *f)
{
    if (f->r_vanish >= 0) return f->r_vanish;
    const docx_styles *st = &d->styles;
    if (!st->n) return false;
    if (f->rstyle.len) {
        int32_t i = docx_styles_find(st, f->rstyle.data, f->rstyle.len);
        if (i >= 0 && st->items[i].eff_vanish >= 0) return st->items[i].eff_vanish;
    }
    int32_t p = f->style.len ? para_style(d, f) : st->default_para;
    if (p >= 0 && st->items[p].eff_vanish >= 0) return st->items[p].eff_vanish;
    return st->default_vanish == 1;
}

/* The innermost field whose instruction is being read: text under it is
 * code, not shown. */
static dx_field *code_field(dx *d)
{
    for (size_t i = d->nfields; i-- > cur_story(d)->field_base;)
        if (d->fields[i].state == FLD_CODE) return &d->fields[i];
    return NULL;
}

static void apply_attrs(dx *d, dx_para *f, dx_text *t, uint8_t rev, uint32_t start, uint32_t end)
{
    const dx_attrs *a = &d->attrs;
    for (int k = 0; rev && k < 4; k++) {
        if (!(rev & (1u << k))) continue;
        int32_t si = a->rev_span[k];
        attr_mark(d, f, t, REV_MARK[k], si >= 0 ? d->spans[si].token : 0, span_info(d, si), start,
                  end);
    }
    if (a->placeholder) attr_mark(d, f, t, DOC_MARK_PLACEHOLDER, 0, NULL, start, end);
    if (a->link >= 0)
        attr_mark(d, f, t, DOC_MARK_HYPERLINK, d->spans[a->link].token, span_info(d, a->link),
                  start, end);
    if (!f->r_known) {
        f->r_known = true;
        f->r_hidden = run_hidden(d, f);
        if (f->r_hidden) d->info->hidden_runs++;
    }
    if (f->r_hidden) attr_mark(d, f, t, DOC_MARK_HIDDEN, 0, NULL, start, end);
}

/* Appends content of the current run where the view puts it. Returns the
 * text it went to (and the offset) when it is paragraph text, else NULL. */
static dx_text *put_text(dx *d, const char *s, size_t n, uint8_t extra_rev, uint32_t *at)
{
    dx_para *f = cur_para(d);
    if (!f || !n || d->stopped) return NULL;
    uint8_t rev = d->attrs.rev | extra_rev;
    bool shown = in_view(d, rev);
    if (f->in_rt) { /* ruby reading: an annotation, never inline */
        if (shown && !over_limit(d, f->reading.len, n)) sbuf_append(&f->reading, s, n);
        return NULL;
    }
    dx_field *code = code_field(d);
    if (code) { /* a nested field's result inside another field's code */
        if (shown && !over_limit(d, code->instr.len, n)) sbuf_append(&code->instr, s, n);
        return NULL;
    }
    dx_text *t = shown ? &f->main : &f->side;
    if (over_limit(d, (uint64_t)f->main.s.len + f->side.s.len, n)) return NULL;
    uint32_t start = (uint32_t)t->s.len;
    sbuf_append(&t->s, s, n);
    apply_attrs(d, f, t, rev, start, start + (uint32_t)n);
    if (at) *at = start;
    return t;
}

/* Remembers a run's font only when it is a symbol font: then its private-use
 * characters (U+F020..U+F0FF) are glyph indices that need mapping. */
static void run_font(dx_para *f, const xs_attr *at, int n)
{
    char font[32];
    if (!xs_attr_str(at, n, XS_NS_W, "ascii", font, sizeof font) &&
        !xs_attr_str(at, n, XS_NS_W, "hAnsi", font, sizeof font))
        return;
    /* every run names its fonts: rule out the ordinary ones cheaply */
    char c = (char)(font[0] | 0x20);
    if ((c == 's' || c == 'w') && docx_is_symbol_font(font))
        memcpy(f->rfont, font, sizeof font);
    else
        f->rfont[0] = '\0';
}

static void put_pua_symbol(dx *d, const char *font, uint32_t pua);

/* Text of a run set in a symbol font: private-use glyph codes are mapped
 * like w:sym; everything else passes through unchanged. */
static void put_symbol_font_text(dx *d, const char *font, const char *s, size_t n,
                                 uint8_t extra_rev)
{
    size_t run = 0;
    for (size_t i = 0; i + 2 < n; i++) {
        const unsigned char *u = (const unsigned char *)s + i;
        /* U+F020..U+F0FF is EF 80 A0 .. EF 83 BF */
        if (u[0] != 0xEF || u[1] < 0x80 || u[1] > 0x83 || (u[1] == 0x80 && u[2] < 0xA0)) continue;
        put_text(d, s + run, i - run, extra_rev, NULL);
        uint32_t pua = 0xF000 | ((uint32_t)(u[1] & 0x3) << 6) | (u[2] & 0x3F);
        uint32_t cp = docx_symbol_to_unicode(font, pua);
        char buf[4];
        if (cp)
            put_text(d, buf, utf8_encode(cp, buf), extra_rev, NULL);
        else
            put_pua_symbol(d, font, pua);
        i += 2;
        run = i + 1;
    }
    put_text(d, s + run, n - run, extra_rev, NULL);
}

static void put_cp(dx *d, uint32_t cp)
{
    char buf[4];
    size_t n = utf8_encode(cp, buf);
    if (n) put_text(d, buf, n, 0, NULL);
}

/* w:sym: a glyph of a symbol font. Mapped to Unicode when we know it, else
 * the private-use character is kept, marked and reported. */
static void put_symbol(dx *d, const xs_attr *at, int n)
{
    char font[64] = "", hex[16] = "";
    xs_attr_str(at, n, XS_NS_W, "font", font, sizeof font);
    if (!xs_attr_str(at, n, XS_NS_W, "char", hex, sizeof hex)) return;
    char *end;
    unsigned long code = strtoul(hex, &end, 16);
    if (end == hex || code > 0x10FFFF) return;
    bool symbolic = code <= 0xFF || (code >= 0xF000 && code <= 0xF0FF);
    if (!symbolic) {
        put_cp(d, (uint32_t)code);
        return;
    }
    uint32_t cp = docx_symbol_to_unicode(font, (uint32_t)code);
    if (cp) {
        put_cp(d, cp);
        return;
    }
    if (code <= 0xFF && !docx_is_symbol_font(font)) { /* an ordinary font: plain text */
        put_cp(d, (uint32_t)code);
        return;
    }
    put_pua_symbol(d, font, code <= 0xFF ? (uint32_t)code + 0xF000 : (uint32_t)code);
}

/* A symbol-font glyph with no Unicode mapping: the private-use character is
 * kept, marked and reported once per part. */
static void put_pua_symbol(dx *d, const char *font, uint32_t pua)
{
    char buf[4];
    size_t len = utf8_encode(pua, buf);
    uint32_t start;
    dx_text *t = put_text(d, buf, len, 0, &start);
    char info[96];
    snprintf(info, sizeof info, "%s:%04X", font[0] ? font : "?", (unsigned)pua);
    if (t) {
        dx_para *f = cur_para(d);
        add_mark(d, f, t, DOC_MARK_SYMBOL, start, start + (uint32_t)len, info, strlen(info));
    }
    doc_info_warn(d->info, "SYMBOL", d->part, "%s has no Unicode mapping; kept as U+%04X", info,
                  (unsigned)pua);
}

/* A zero-width mark at the current end of the shown text (note and comment
 * references). */
static void point_mark(dx *d, doc_mark_kind kind, const char *info, size_t len)
{
    dx_para *f = cur_para(d);
    if (!f || f->in_rt || code_field(d) || !in_view(d, d->attrs.rev)) return;
    uint32_t at = (uint32_t)f->main.s.len;
    add_mark(d, f, &f->main, kind, at, at, info, len);
}

/* ---- fields ------------------------------------------------------------------ */

static int32_t para_level(const dx *d)
{
    return (int32_t)d->nopen - 1;
}

static dx_field *field_push(dx *d, fld_state state, bool simple)
{
    if (d->nfields >= MAX_FIELDS) { /* absurd nesting: reuse the innermost */
        dx_field *fl = &d->fields[d->nfields - 1];
        fl->state = (uint8_t)state;
        fl->simple = simple;
        return fl;
    }
    PL_GROW(d->fields, d->cap_fields, d->nfields + 1);
    if (d->nfields == d->init_fields) sbuf_init(&d->fields[d->init_fields++].instr);
    dx_field *fl = &d->fields[d->nfields++];
    sbuf_reset(&fl->instr);
    fl->state = (uint8_t)state;
    fl->simple = simple;
    fl->checkbox = -1;
    fl->level = para_level(d);
    dx_para *f = cur_para(d);
    fl->start = f ? (uint32_t)f->main.s.len : 0;
    return fl;
}

/* Closes the part of a field result that lies in the current paragraph. */
static void field_close(dx *d, dx_field *fl)
{
    if (fl->state != FLD_RESULT || fl->level != para_level(d)) return;
    dx_para *f = cur_para(d);
    if (!f || f->main.s.len <= fl->start) return;
    const char *s = sbuf_cstr(&fl->instr);
    size_t n = fl->instr.len;
    while (n && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
        n--;
    add_mark(d, f, &f->main, DOC_MARK_FIELD, fl->start, (uint32_t)f->main.s.len, s, n);
}

/* A legacy check box (FORMCHECKBOX) caches no result: Word draws the box
 * from w:ffData, so the box becomes the field's result here. */
static void form_checkbox(dx *d, dx_field *fl)
{
    dx_para *f = cur_para(d);
    if (!f) return;
    if (fl->state == FLD_RESULT && fl->level == para_level(d) && f->main.s.len > fl->start)
        return; /* a result was cached after all */
    fl->state = FLD_RESULT;
    fl->level = para_level(d);
    fl->start = (uint32_t)f->main.s.len;
    put_cp(d, fl->checkbox ? 0x2612 : 0x2610); /* ☒ ☐ */
}

static void field_char(dx *d, const xs_attr *at, int n)
{
    size_t len;
    const char *type = xs_attr_get(at, n, XS_NS_W, "fldCharType", &len);
    size_t base = cur_story(d)->field_base;
    if (is_eq(type, len, "begin")) {
        field_push(d, FLD_CODE, false);
    } else if (is_eq(type, len, "separate")) {
        for (size_t i = d->nfields; i-- > base;) {
            dx_field *fl = &d->fields[i];
            if (fl->simple || fl->state != FLD_CODE) continue;
            fl->state = FLD_RESULT;
            fl->level = para_level(d);
            dx_para *f = cur_para(d);
            fl->start = f ? (uint32_t)f->main.s.len : 0;
            break;
        }
    } else if (is_eq(type, len, "end")) {
        /* the innermost complex field ends (a stray end is ignored) */
        for (size_t i = d->nfields; i-- > base;) {
            dx_field *fl = &d->fields[i];
            if (fl->simple) continue;
            if (fl->checkbox >= 0) form_checkbox(d, fl);
            field_close(d, &d->fields[i]);
            d->nfields = i;
            break;
        }
    }
}

static void field_simple_end(dx *d)
{
    for (size_t i = d->nfields; i-- > cur_story(d)->field_base;) {
        if (!d->fields[i].simple) continue;
        field_close(d, &d->fields[i]);
        d->nfields = i;
        return;
    }
}

/* ---- comment ranges ------------------------------------------------------------ */

static void copy_id(char dst[32], const xs_attr *at, int n)
{
    dst[0] = '\0';
    xs_attr_str(at, n, XS_NS_W, "id", dst, 32);
}

static void range_start(dx *d, const xs_attr *at, int n)
{
    if (d->nranges >= MAX_RANGES) return;
    PL_GROW(d->ranges, d->cap_ranges, d->nranges + 1);
    dx_range *r = &d->ranges[d->nranges++];
    copy_id(r->id, at, n);
    dx_para *f = cur_para(d);
    /* Between paragraphs the range begins with the next paragraph here. */
    r->level = f ? para_level(d) : (int32_t)d->nopen;
    r->start = f ? (uint32_t)f->main.s.len : 0;
    r->emitted = false;
    if (d->nrange_ids < MAX_RANGES) {
        PL_GROW(d->range_ids, d->cap_range_ids, d->nrange_ids + 1);
        memcpy(d->range_ids[d->nrange_ids++], r->id, 32);
    }
}

static void range_end(dx *d, const xs_attr *at, int n)
{
    char id[32];
    copy_id(id, at, n);
    for (size_t i = d->nranges; i-- > cur_story(d)->range_base;) {
        dx_range *r = &d->ranges[i];
        if (strcmp(r->id, id) != 0) continue;
        dx_para *f = cur_para(d);
        if (f && r->level == para_level(d) && (f->main.s.len > r->start || !r->emitted))
            add_mark(d, f, &f->main, DOC_MARK_COMMENT, r->start, (uint32_t)f->main.s.len, r->id,
                     strlen(r->id));
        memmove(r, r + 1, (d->nranges - i - 1) * sizeof *r);
        d->nranges--;
        return;
    }
}

/* A reference whose comment has a range is already marked by the range. */
static void comment_reference(dx *d, const xs_attr *at, int n)
{
    char id[32];
    copy_id(id, at, n);
    for (size_t i = 0; i < d->nrange_ids; i++)
        if (strcmp(d->range_ids[i], id) == 0) return;
    point_mark(d, DOC_MARK_COMMENT, id, strlen(id));
}

/* ---- paragraphs ------------------------------------------------------------------ */

static void para_props_reset(dx_para *f)
{
    sbuf_reset(&f->style);
    f->style_index = -2;
    f->num_id = -1;
    f->ilvl = -1;
    f->outline = -1;
    f->mark_rev = 0;
    f->drop_cap = false;
    f->in_rt = false;
    sbuf_reset(&f->reading);
    run_start(f);
}

static void para_reset(dx_para *f)
{
    text_reset(&f->main);
    text_reset(&f->side);
    sbuf_reset(&f->pool);
    f->carry = false;
    f->joined = false;
    f->suppressed = false;
    f->slot = -1;
    para_props_reset(f);
}

static dx_para *para_frame(dx *d, size_t level)
{
    if (level >= d->nparas) {
        PL_GROW(d->paras, d->cap_paras, level + 1);
        for (; d->nparas <= level; d->nparas++) {
            dx_para *f = pl_xcalloc(1, sizeof *f);
            para_reset(f);
            d->paras[d->nparas] = f;
        }
    }
    return d->paras[level];
}

static void para_free(dx_para *f)
{
    text_free(&f->main);
    text_free(&f->side);
    sbuf_free(&f->pool);
    sbuf_free(&f->style);
    sbuf_free(&f->rstyle);
    sbuf_free(&f->reading);
    free(f);
}

static doc_channel para_channel(dx *d)
{
    const dx_story *s = cur_story(d);
    if (s->channel == DOC_CH_BODY && d->ntab > s->table_base) return DOC_CH_TABLE;
    return s->channel;
}

static void para_start(dx *d)
{
    d->npara++;
    d->info->paragraphs++;
    size_t level = d->nopen;
    dx_para *f = para_frame(d, level);
    d->nopen++;
    if (f->carry) {
        f->carry = false; /* the joined text continues here */
    } else {
        para_reset(f);
        f->channel = para_channel(d);
        f->suppressed = d->suppress > 0;
        f->loc = (doc_location){.part = d->part, .paragraph = d->npara};
        const dx_story *s = cur_story(d);
        if (d->ntab > s->table_base) {
            const dx_table *t = &d->tables[d->ntab - 1];
            f->loc.table = t->index;
            f->loc.row = t->row;
            f->loc.col = t->col;
            f->loc.table_depth = (uint16_t)(d->ntab - s->table_base);
        }
        if (level > 0 && !f->suppressed) { /* reserve the text box's place in the queue */
            PL_GROW(d->slots, d->cap_slots, d->nslots + 1);
            d->slots[d->nslots].n = 0;
            f->slot = (int32_t)d->nslots++;
        }
    }
    para_props_reset(f);
}

static void emit_block(dx *d, const doc_block *b)
{
    if (d->stopped) return;
    if (!d->sink->block(d->sink->ctx, b)) {
        d->stopped = true;
        xs_abort(d->xp, PL_OK, NULL);
    }
}

typedef struct sort_item {
    doc_mark m;
    uint32_t order;
} sort_item;

static int mark_cmp(const void *a, const void *b)
{
    const sort_item *x = a, *y = b;
    if (x->m.start != y->m.start) return x->m.start < y->m.start ? -1 : 1;
    if (x->m.end != y->m.end) return x->m.end > y->m.end ? -1 : 1;
    return x->order < y->order ? -1 : (x->order > y->order);
}

/* Marks in text order, infos resolved to pointers into the frame's pool. */
static const doc_mark *build_marks(dx *d, const dx_para *f, const dx_text *t)
{
    if (!t->nmarks) return NULL;
    PL_GROW(d->sort_buf, d->cap_sort, t->nmarks);
    PL_GROW(d->out_marks, d->cap_out_marks, t->nmarks);
    sort_item *items = d->sort_buf;
    for (size_t i = 0; i < t->nmarks; i++) {
        const dx_mark *m = &t->marks[i];
        items[i].m = (doc_mark){(doc_mark_kind)m->kind, m->start, m->end,
                                m->info == NO_INFO ? NULL : f->pool.data + m->info};
        items[i].order = (uint32_t)i;
    }
    qsort(items, t->nmarks, sizeof *items, mark_cmp);
    doc_mark *out = d->out_marks;
    for (size_t i = 0; i < t->nmarks; i++)
        out[i] = items[i].m;
    return out;
}

static bool covers_all(const doc_block *b, doc_mark_kind kind)
{
    if (!b->len) return false;
    for (uint32_t i = 0; i < b->nmarks; i++)
        if (b->marks[i].kind == kind && b->marks[i].start == 0 && b->marks[i].end == b->len)
            return true;
    return false;
}

static bool has_tracked_mark(const doc_block *b)
{
    for (uint32_t i = 0; i < b->nmarks; i++)
        if (b->marks[i].kind <= DOC_MARK_MOVED_FROM) return true;
    return false;
}

/* Numbering, heading level and style of a finished paragraph. */
static void para_structure(dx *d, dx_para *f, doc_block *b)
{
    const docx_styles *st = &d->styles;
    int32_t si = para_style(d, f);
    /* inheritance comes from the named style, or the default one if none */
    const docx_style *ps = NULL;
    if (si >= 0)
        ps = &st->items[si];
    else if (!f->style.len && st->default_para >= 0)
        ps = &st->items[st->default_para];
    if (f->style.len) {
        b->style = f->style.data;
        if (si >= 0) b->style_name = st->items[si].name;
    }

    int32_t num_id = f->num_id >= 0 ? f->num_id : ps ? ps->eff_num_id : -1;
    int ilvl = f->ilvl;
    if (ilvl < 0 && ps) ilvl = ps->eff_ilvl;
    if (ilvl < 0 && f->num_id < 0 && ps && num_id > 0)
        ilvl = docx_numbering_level_for_style(&d->numbering, num_id, ps->id);
    if (ilvl < 0) ilvl = 0;
    numbering_result nr;
    if (num_id > 0 && !f->suppressed &&
        docx_numbering_next(&d->numbering, num_id, ilvl, &nr, &d->label)) {
        b->label = nr.has_label && d->label.len ? d->label.data : NULL;
        b->label_suffix = nr.suffix;
        b->list_id = (uint32_t)num_id;
        b->list_level = (uint8_t)(nr.level + 1);
        b->list_value = nr.value;
        b->list_format = nr.format;
    }

    int outline = f->outline >= 0 ? f->outline : ps ? ps->eff_outline : -1;
    if (outline >= 0 && outline <= 8) {
        b->outline = (uint8_t)(outline + 1);
    } else if (outline < 0) {
        /* no outline level anywhere: fall back on the style's name */
        int32_t k = ps ? (int32_t)(ps - st->items) : -1;
        for (int steps = 0; k >= 0 && steps < 64 && !b->outline; steps++) {
            b->outline = (uint8_t)st->items[k].name_heading;
            k = st->items[k].based_on;
        }
    }
    if (b->outline) b->flags |= DOC_F_HEADING;
}

/* Copies a block into the slot arena: its strings die with the frame. */
static void slot_store(dx *d, int32_t slot, const doc_block *b)
{
    dx_slot *s = &d->slots[slot];
    if (s->n >= 2) return;
    d->slot_bytes += b->len + SLOT_OVERHEAD + (uint64_t)b->nmarks * sizeof(doc_mark);
    if (over_limit(d, d->slot_bytes, 0)) return;
    doc_block *c = &s->b[s->n++];
    arena *a = &d->slot_mem;
    *c = *b;
    c->text = arena_strndup(a, b->text, b->len);
    c->label = b->label ? arena_strdup(a, b->label) : NULL;
    c->style = b->style ? arena_strdup(a, b->style) : NULL;
    c->ref = b->ref ? arena_strdup(a, b->ref) : NULL;
    c->author = b->author ? arena_strdup(a, b->author) : NULL;
    if (b->nmarks) {
        doc_mark *m = arena_alloc(a, b->nmarks * sizeof *m);
        for (uint32_t i = 0; i < b->nmarks; i++) {
            m[i] = b->marks[i];
            m[i].info = b->marks[i].info ? arena_strdup(a, b->marks[i].info) : NULL;
        }
        c->marks = m;
    }
}

static void slots_flush(dx *d)
{
    for (size_t i = 0; i < d->nslots && !d->stopped; i++)
        for (uint8_t k = 0; k < d->slots[i].n; k++)
            emit_block(d, &d->slots[i].b[k]);
    if (d->nslots) {
        d->nslots = 0;
        d->slot_bytes = 0;
        arena_free(&d->slot_mem);
        arena_init(&d->slot_mem);
    }
}

static void deliver(dx *d, dx_para *f, const doc_block *b)
{
    if (f->slot >= 0)
        slot_store(d, f->slot, b);
    else
        emit_block(d, b);
}

/* Emits the frame at the current nesting level and resets it. */
static void para_emit(dx *d, dx_para *f)
{
    int32_t level = para_level(d) + 1; /* the frame is no longer open */
    if (f->suppressed) {
        para_reset(f);
        return;
    }
    /* cut spans that continue into the next paragraph */
    d->nopen++; /* field_close/range checks compare against the open level */
    for (size_t i = cur_story(d)->field_base; i < d->nfields; i++) {
        dx_field *fl = &d->fields[i];
        if (fl->level != level) continue;
        field_close(d, fl);
        fl->start = 0;
    }
    for (size_t i = cur_story(d)->range_base; i < d->nranges; i++) {
        dx_range *r = &d->ranges[i];
        if (r->level != level) continue;
        if (f->main.s.len > r->start) {
            add_mark(d, f, &f->main, DOC_MARK_COMMENT, r->start, (uint32_t)f->main.s.len, r->id,
                     strlen(r->id));
            r->emitted = true;
        }
        r->start = 0;
    }
    d->nopen--;

    doc_block b = {.kind = DOC_BLOCK_PARAGRAPH, .channel = f->channel, .loc = f->loc};
    b.text = sbuf_cstr(&f->main.s);
    b.len = (uint32_t)f->main.s.len;
    b.ref = d->ref.len ? d->ref.data : NULL;
    b.author = d->author.len ? d->author.data : NULL;
    para_structure(d, f, &b);
    b.marks = build_marks(d, f, &f->main);
    b.nmarks = (uint32_t)f->main.nmarks;
    if (covers_all(&b, DOC_MARK_HIDDEN)) b.flags |= DOC_F_HIDDEN;
    if (covers_all(&b, DOC_MARK_PLACEHOLDER)) b.flags |= DOC_F_PLACEHOLDER;
    if (f->mark_rev || f->joined || f->side.s.len || has_tracked_mark(&b)) b.flags |= DOC_F_TRACKED;
    if (b.len || b.label) deliver(d, f, &b);

    if (f->side.s.len && !d->stopped) {
        doc_block s = {.kind = DOC_BLOCK_PARAGRAPH, .channel = DOC_CH_DELETED, .loc = f->loc};
        s.text = f->side.s.data;
        s.len = (uint32_t)f->side.s.len;
        s.ref = b.ref;
        s.author = b.author;
        s.style = b.style;
        s.style_name = b.style_name;
        s.flags = DOC_F_TRACKED;
        s.marks = build_marks(d, f, &f->side);
        s.nmarks = (uint32_t)f->side.nmarks;
        if (covers_all(&s, DOC_MARK_HIDDEN)) s.flags |= DOC_F_HIDDEN;
        deliver(d, f, &s);
    }
    /* a nested paragraph that gave nothing hands its slot back (slots are
     * reserved in start-tag order, so an empty one is the last) */
    if (f->slot >= 0 && (size_t)f->slot == d->nslots - 1 && d->slots[f->slot].n == 0) d->nslots--;
    para_reset(f);
    if (level == 0) slots_flush(d);
}

static void para_end(dx *d)
{
    if (!d->nopen) return;
    dx_para *f = d->paras[--d->nopen];
    bool mark_out_of_view = d->opt->tracked != DOC_TRACKED_ALL && !in_view(d, f->mark_rev);
    if ((mark_out_of_view || f->drop_cap) && !f->suppressed) {
        f->carry = true; /* joins the next paragraph, as the view shows it */
        f->joined |= mark_out_of_view;
        return;
    }
    para_emit(d, f);
}

/* A joined paragraph with nothing left to join (a table, a cell end, the end
 * of the story follows) is emitted as it is. */
static void flush_carry(dx *d)
{
    if (d->nopen < d->nparas && d->paras[d->nopen]->carry) para_emit(d, d->paras[d->nopen]);
}

/* ---- stories, tables, text boxes ------------------------------------------------ */

static void story_push(dx *d, doc_channel ch)
{
    PL_GROW(d->stories, d->cap_stories, d->nstories + 1);
    d->stories[d->nstories++] = (dx_story){ch, d->ntab, d->nfields, d->nspans, d->nranges};
    recompute_attrs(d);
}

static void story_pop(dx *d)
{
    flush_carry(d);
    if (d->nstories <= 1) return;
    const dx_story *s = cur_story(d);
    d->ntab = s->table_base;
    d->nfields = s->field_base;
    d->nranges = s->range_base;
    while (d->nspans > s->span_base)
        span_pop(d);
    d->nstories--;
    recompute_attrs(d);
}

static void table_start(dx *d)
{
    flush_carry(d);
    d->ntables++;
    d->info->tables++;
    PL_GROW(d->tables, d->cap_tab, d->ntab + 1);
    d->tables[d->ntab++] = (dx_table){.index = d->ntables};
}

static dx_table *cur_table(dx *d)
{
    return d->ntab > cur_story(d)->table_base ? &d->tables[d->ntab - 1] : NULL;
}

static uint32_t span_value(const xs_attr *at, int n)
{
    long long v = xs_attr_int(at, n, XS_NS_W, "val", 1);
    return v < 1 ? 1 : v > MAX_SPAN ? MAX_SPAN : (uint32_t)v;
}

/* vMerge / hMerge: no val or "continue" continues the cell above/before. */
static void merge_cell(dx *d, const xs_attr *at, int n)
{
    dx_table *t = cur_table(d);
    size_t len;
    const char *v = xs_attr_get(at, n, XS_NS_W, "val", &len);
    if (!t || t->continue_cell || (v && !is_eq(v, len, "continue"))) return;
    t->continue_cell = true;
    d->suppress++;
}

/* ---- element classification ------------------------------------------------- */

static uint8_t rev_flag(const char *name)
{
    switch (name[0]) {
    case 'i':
        return strcmp(name, "ins") == 0 ? REV_INS : 0;
    case 'd':
        return strcmp(name, "del") == 0 ? REV_DEL : 0;
    case 'm':
        if (strcmp(name, "moveFrom") == 0) return REV_MOVE_FROM;
        if (strcmp(name, "moveTo") == 0) return REV_MOVE_TO;
        return 0;
    default:
        return 0;
    }
}

static void count_revision(dx *d, uint8_t flag)
{
    if (flag == REV_INS)
        d->info->insertions++;
    else if (flag == REV_DEL)
        d->info->deletions++;
    else
        d->info->moves++;
}

static void set_str_attr(sbuf *dst, const xs_attr *at, int n, const char *name)
{
    size_t len;
    const char *v = xs_attr_get(at, n, XS_NS_W, name, &len);
    sbuf_reset(dst);
    if (v) sbuf_append(dst, v, len);
}

/* Children of property elements: only a few matter, nothing is descended. */
static dx_elem in_properties(dx *d, uint8_t up, xs_ns ns, const char *name, const xs_attr *at,
                             int n)
{
    if (ns != XS_NS_W) return X_SKIP;
    dx_para *f = cur_para(d);
    switch (up) {
    case X_RPR:
        if (!f) return X_SKIP;
        /* the hottest spot: every run's w:rFonts, w:sz, w:szCs ... land here */
        if (name[0] == 'r') {
            if (strcmp(name, "rFonts") == 0)
                run_font(f, at, n);
            else if (strcmp(name, "rStyle") == 0)
                set_str_attr(&f->rstyle, at, n, "val");
        } else if (name[0] == 'v' && strcmp(name, "vanish") == 0) {
            f->r_vanish = xs_attr_bool(at, n, XS_NS_W, "val", true);
        }
        return X_SKIP;
    case X_PPR:
        if (!f) return X_SKIP;
        switch (name[0]) {
        case 'p':
            if (strcmp(name, "pStyle") == 0) set_str_attr(&f->style, at, n, "val");
            return X_SKIP;
        case 'n':
            return strcmp(name, "numPr") == 0 ? X_NUMPR : X_SKIP;
        case 'o':
            if (strcmp(name, "outlineLvl") == 0)
                f->outline = (int8_t)xs_attr_int(at, n, XS_NS_W, "val", 9);
            return X_SKIP;
        case 'r':
            return strcmp(name, "rPr") == 0 ? X_PPR_RPR : X_SKIP;
        case 's':
            return strcmp(name, "sectPr") == 0 && d->is_main ? X_SECTPR : X_SKIP;
        case 'f':
            if (strcmp(name, "framePr") == 0) {
                size_t len;
                const char *v = xs_attr_get(at, n, XS_NS_W, "dropCap", &len);
                f->drop_cap = v && (is_eq(v, len, "drop") || is_eq(v, len, "margin"));
            }
            return X_SKIP;
        default:
            return X_SKIP;
        }
    case X_PPR_RPR: {
        uint8_t flag = rev_flag(name);
        if (flag && f) {
            f->mark_rev |= flag;
            count_revision(d, flag);
        }
        return X_SKIP;
    }
    case X_NUMPR:
        if (!f) return X_SKIP;
        if (strcmp(name, "ilvl") == 0) {
            long long v = xs_attr_int(at, n, XS_NS_W, "val", 0);
            f->ilvl = (int8_t)(v < 0 || v > 8 ? 0 : v);
        } else if (strcmp(name, "numId") == 0) {
            long long v = xs_attr_int(at, n, XS_NS_W, "val", 0);
            f->num_id = (int32_t)(v < 0 || v > 0x7FFFFFFF ? 0 : v);
        }
        return X_SKIP;
    case X_TRPR:
        if (strcmp(name, "gridBefore") == 0) {
            dx_table *t = cur_table(d);
            long long v = xs_attr_int(at, n, XS_NS_W, "val", 0);
            if (t && v > 0) t->next_col += v > MAX_SPAN ? MAX_SPAN : (uint32_t)v;
        } else {
            uint8_t flag = rev_flag(name);
            if (flag) count_revision(d, flag);
        }
        return X_SKIP;
    case X_TCPR:
        if (strcmp(name, "gridSpan") == 0) {
            dx_table *t = cur_table(d);
            if (t) t->span = span_value(at, n);
        } else if (strcmp(name, "vMerge") == 0 || strcmp(name, "hMerge") == 0) {
            merge_cell(d, at, n);
        }
        return X_SKIP;
    case X_SDTPR:
        if (strcmp(name, "showingPlcHdr") == 0 && d->nsdt)
            d->sdt_ph[d->nsdt - 1] = xs_attr_bool(at, n, XS_NS_W, "val", true);
        return X_SKIP;
    case X_FLDCHAR:
        return strcmp(name, "ffData") == 0 ? X_FFDATA : X_SKIP;
    case X_FFDATA:
        if (strcmp(name, "checkBox") != 0 || !d->nfields) return X_SKIP;
        d->fields[d->nfields - 1].checkbox = 0; /* unchecked unless said */
        d->fields[d->nfields - 1].checked_set = false;
        return X_CHECKBOX;
    case X_CHECKBOX:
        if (d->nfields) {
            /* w:checked (the state) wins over w:default (the initial state) */
            dx_field *fl = &d->fields[d->nfields - 1];
            bool checked = strcmp(name, "checked") == 0;
            if (checked || (strcmp(name, "default") == 0 && !fl->checked_set)) {
                fl->checkbox = xs_attr_bool(at, n, XS_NS_W, "val", true);
                fl->checked_set |= checked;
            }
        }
        return X_SKIP;
    case X_SECTPR: {
        bool header = strcmp(name, "headerReference") == 0;
        if ((header || strcmp(name, "footerReference") == 0) && d->nhdrrefs < MAX_HDRREFS) {
            PL_GROW(d->hdrrefs, d->cap_hdrrefs, d->nhdrrefs + 1);
            dx_hdrref *h = &d->hdrrefs[d->nhdrrefs];
            h->footer = !header;
            if (!xs_attr_str(at, n, XS_NS_W, "type", h->type, sizeof h->type))
                strcpy(h->type, "default");
            if (!xs_attr_str(at, n, XS_NS_R, "id", h->rid, sizeof h->rid)) return X_SKIP;
            bool seen = false; /* every section repeats its references */
            for (size_t i = 0; i < d->nhdrrefs && !seen; i++)
                seen = d->hdrrefs[i].footer == h->footer && strcmp(d->hdrrefs[i].rid, h->rid) == 0;
            if (!seen) d->nhdrrefs++;
        }
        return X_SKIP;
    }
    default:
        return X_SKIP;
    }
}

static void hyperlink_start(dx *d, const xs_attr *at, int n)
{
    char rid[256];
    size_t alen;
    const char *anchor = xs_attr_get(at, n, XS_NS_W, "anchor", &alen);
    sbuf target = SBUF_INIT;
    if (xs_attr_str(at, n, XS_NS_R, "id", rid, sizeof rid)) {
        const pkg_rel *r = pkg_rels_by_id(&d->rels, rid);
        if (r) sbuf_puts(&target, r->target); /* a URL: metadata, never opened */
    }
    if (anchor) {
        sbuf_putc(&target, '#');
        sbuf_append(&target, anchor, alen);
    }
    span_push(d, SPAN_LINK, 0, target.len ? target.data : NULL, target.len);
    sbuf_free(&target);
}

static void warn_part_ref(dx *d, const char *code, const char *what, const xs_attr *at, int n)
{
    char rid[256] = "";
    xs_attr_str(at, n, XS_NS_R, "id", rid, sizeof rid);
    const pkg_rel *r = pkg_rels_by_id(&d->rels, rid);
    const char *target = r ? r->target : rid;
    const char *ct = r && !r->external ? pkg_content_type(d->pk, r->target) : NULL;
    doc_info_warn(d->info, code, d->part, "%s %s%s%s%s not read: its content is not extracted",
                  what, target, ct ? " (" : "", ct ? ct : "", ct ? ")" : "");
}

static dx_elem note_start(dx *d, const xs_attr *at, int n, bool footnote)
{
    size_t len;
    const char *type = xs_attr_get(at, n, XS_NS_W, "type", &len);
    if (type && !is_eq(type, len, "normal")) return X_SKIP; /* separators, notices */
    set_str_attr(&d->ref, at, n, "id");
    if (footnote)
        d->info->footnotes++;
    else
        d->info->endnotes++;
    return X_NOTE;
}

static dx_elem classify_w(dx *d, uint8_t up, const char *name, const xs_attr *at, int n)
{
    dx_para *f = cur_para(d);
    bool in_run = up == X_R;
    switch (name[0]) {
    case 'a':
        if (strcmp(name, "altChunk") == 0) warn_part_ref(d, "ALTCHUNK", "altChunk", at, n);
        return X_SKIP; /* altChunk, annotationRef */
    case 'b':
        if (strcmp(name, "br") == 0) {
            size_t len;
            const char *type = xs_attr_get(at, n, XS_NS_W, "type", &len);
            if (in_run && (!type || is_eq(type, len, "textWrapping")))
                put_text(d, "\n", 1, 0, NULL);
            return X_SKIP;
        }
        if (strcmp(name, "body") == 0) return X_STORY;
        return strncmp(name, "bookmark", 8) == 0 ? X_SKIP : X_OTHER;
    case 'c':
        if (strcmp(name, "cr") == 0) {
            if (in_run) put_text(d, "\n", 1, 0, NULL);
            return X_SKIP;
        }
        if (strcmp(name, "commentRangeStart") == 0) {
            range_start(d, at, n);
            return X_SKIP;
        }
        if (strcmp(name, "commentRangeEnd") == 0) {
            range_end(d, at, n);
            return X_SKIP;
        }
        if (strcmp(name, "commentReference") == 0) {
            if (in_run) comment_reference(d, at, n);
            return X_SKIP;
        }
        if (strcmp(name, "comment") == 0) {
            set_str_attr(&d->ref, at, n, "id");
            set_str_attr(&d->author, at, n, "author");
            d->info->comments++;
            return X_COMMENT;
        }
        if (strcmp(name, "customXml") == 0 || strcmp(name, "comments") == 0) return X_OTHER;
        return X_SKIP; /* customXmlPr, continuationSeparator, customXml*RangeStart ... */
    case 'd':
        if (strcmp(name, "delText") == 0 && in_run) {
            d->capture = CAP_DELTEXT;
            return X_TEXT;
        }
        if (strcmp(name, "delInstrText") == 0 && in_run) {
            d->capture = CAP_DELINSTR;
            return X_TEXT;
        }
        if (strcmp(name, "del") == 0) break; /* a revision: below */
        if (strcmp(name, "drawing") == 0 || strcmp(name, "dir") == 0 ||
            strcmp(name, "document") == 0)
            return X_OTHER;
        return X_SKIP;
    case 'e':
        if (strcmp(name, "endnote") == 0) return note_start(d, at, n, false);
        if (strcmp(name, "endnoteReference") == 0) {
            size_t len;
            const char *id = xs_attr_get(at, n, XS_NS_W, "id", &len);
            if (in_run && id) point_mark(d, DOC_MARK_NOTE_REF, id, len);
            return X_SKIP;
        }
        return strcmp(name, "endnotes") == 0 ? X_OTHER : X_SKIP;
    case 'f':
        if (strcmp(name, "fldChar") == 0) {
            if (!in_run) return X_SKIP;
            size_t nfields = d->nfields;
            field_char(d, at, n);
            return d->nfields > nfields ? X_FLDCHAR : X_SKIP; /* a begin: read w:ffData */
        }
        if (strcmp(name, "fldSimple") == 0) {
            dx_field *fl = field_push(d, FLD_RESULT, true);
            size_t len;
            const char *instr = xs_attr_get(at, n, XS_NS_W, "instr", &len);
            if (instr) sbuf_append(&fl->instr, instr, len);
            return X_FLDSIMPLE;
        }
        if (strcmp(name, "footnote") == 0) return note_start(d, at, n, true);
        if (strcmp(name, "footnoteReference") == 0) {
            size_t len;
            const char *id = xs_attr_get(at, n, XS_NS_W, "id", &len);
            if (in_run && id) point_mark(d, DOC_MARK_NOTE_REF, id, len);
            return X_SKIP;
        }
        if (strcmp(name, "ftr") == 0) return X_STORY;
        return strcmp(name, "footnotes") == 0 ? X_OTHER : X_SKIP;
    case 'h':
        if (strcmp(name, "hyperlink") == 0) {
            hyperlink_start(d, at, n);
            return X_HYPERLINK;
        }
        return strcmp(name, "hdr") == 0 ? X_STORY : X_SKIP;
    case 'i':
        if (strcmp(name, "instrText") == 0 && in_run) {
            d->capture = CAP_INSTR;
            return X_TEXT;
        }
        if (strcmp(name, "ins") == 0) break;
        return X_SKIP;
    case 'm':
        if (strcmp(name, "moveFrom") == 0 || strcmp(name, "moveTo") == 0) break;
        return X_SKIP;
    case 'n':
        if (strcmp(name, "noBreakHyphen") == 0 && in_run) put_cp(d, 0x2011);
        return X_SKIP;
    case 'o':
        return strcmp(name, "object") == 0 ? X_OTHER : X_SKIP;
    case 'p':
        if (strcmp(name, "p") == 0) {
            para_start(d);
            return X_P;
        }
        if (strcmp(name, "pPr") == 0) return up == X_P ? X_PPR : X_SKIP;
        if (strcmp(name, "ptab") == 0 && in_run) put_text(d, "\t", 1, 0, NULL);
        return strcmp(name, "pict") == 0 ? X_OTHER : X_SKIP;
    case 'r':
        if (name[1] == '\0') {
            if (f) run_start(f);
            return X_R;
        }
        if (strcmp(name, "rPr") == 0) {
            if (in_run) return X_RPR;
            return up == X_PPR ? X_PPR_RPR : X_SKIP;
        }
        if (strcmp(name, "ruby") == 0) {
            if (f) {
                f->ruby_base = (uint32_t)f->main.s.len;
                sbuf_reset(&f->reading);
            }
            return X_RUBY;
        }
        if (strcmp(name, "rt") == 0 && up == X_RUBY) {
            if (f) {
                f->in_rt = true;
                sbuf_reset(&f->reading);
            }
            return X_RT;
        }
        if (strcmp(name, "rubyBase") == 0 && up == X_RUBY) {
            if (f) f->ruby_base = (uint32_t)f->main.s.len;
            return X_RUBYBASE;
        }
        return X_SKIP; /* rPrChange, rubyPr */
    case 's':
        if (strcmp(name, "sdt") == 0) {
            PL_GROW(d->sdt_ph, d->cap_sdt, d->nsdt + 1);
            d->sdt_ph[d->nsdt++] = false;
            return X_SDT;
        }
        if (strcmp(name, "sdtContent") == 0 && up == X_SDT) {
            if (d->nsdt && d->sdt_ph[d->nsdt - 1]) {
                span_push(d, SPAN_PLACEHOLDER, 0, NULL, 0);
                return X_SDTCONTENT_PH;
            }
            return X_SDTCONTENT;
        }
        if (strcmp(name, "sdtPr") == 0) return up == X_SDT ? X_SDTPR : X_SKIP;
        if (strcmp(name, "sym") == 0) {
            if (in_run) put_symbol(d, at, n);
            return X_SKIP;
        }
        if (strcmp(name, "softHyphen") == 0) {
            if (in_run) put_cp(d, 0x00AD);
            return X_SKIP;
        }
        if (strcmp(name, "sectPr") == 0) return d->is_main ? X_SECTPR : X_SKIP;
        if (strcmp(name, "smartTag") == 0) return X_OTHER;
        if (strcmp(name, "subDoc") == 0) warn_part_ref(d, "SUBDOC", "subDoc", at, n);
        return X_SKIP;
    case 't':
        switch (name[1]) {
        case '\0':
            if (!in_run) return X_SKIP;
            d->capture = CAP_TEXT;
            return X_TEXT;
        case 'a':
            if (strcmp(name, "tab") == 0 && in_run) put_text(d, "\t", 1, 0, NULL);
            return X_SKIP;
        case 'b':
            if (strcmp(name, "tbl") == 0) {
                table_start(d);
                return X_TBL;
            }
            return X_SKIP; /* tblPr, tblGrid, tblPrEx */
        case 'r':
            if (name[2] == '\0') {
                dx_table *t = cur_table(d);
                if (t) {
                    t->row++;
                    t->next_col = 1;
                }
                return X_TR;
            }
            return strcmp(name, "trPr") == 0 && up == X_TR ? X_TRPR : X_SKIP;
        case 'c':
            if (name[2] == '\0') {
                dx_table *t = cur_table(d);
                if (t) {
                    t->col = t->next_col;
                    t->span = 1;
                    t->continue_cell = false;
                }
                return X_TC;
            }
            return strcmp(name, "tcPr") == 0 && up == X_TC ? X_TCPR : X_SKIP;
        case 'x':
            if (strcmp(name, "txbxContent") == 0) {
                doc_channel base = d->stories[0].channel;
                story_push(d, base == DOC_CH_BODY ? DOC_CH_TEXTBOX : base);
                return X_TXBX;
            }
            return X_SKIP;
        default:
            return X_SKIP;
        }
    default:
        return X_SKIP; /* lastRenderedPageBreak, proofErr, permStart, ... */
    }

    /* w:ins, w:del, w:moveFrom, w:moveTo around content */
    uint8_t flag = rev_flag(name);
    count_revision(d, flag);
    size_t len;
    const char *author = xs_attr_get(at, n, XS_NS_W, "author", &len);
    span_push(d, SPAN_REV, flag, author, author ? len : 0);
    return X_REV;
}

static void dx_start(xs_parser *p, void *ctx, xs_ns ns, const char *name, const xs_attr *at, int n)
{
    dx *d = ctx;
    d->xp = p;
    if (d->skip) {
        d->skip++;
        /* paragraph indexes count every w:p, even in a skipped separator */
        if (ns == XS_NS_W && name[0] == 'p' && name[1] == '\0') {
            d->npara++;
            d->info->paragraphs++;
        }
        return;
    }
    uint8_t up = parent_elem(d);
    dx_elem e;
    if ((up >= X_PPR && up <= X_SECTPR) || up == X_RPR || up == X_TRPR || up == X_TCPR ||
        up == X_SDTPR || up >= X_FLDCHAR)
        e = in_properties(d, up, ns, name, at, n);
    else if (ns == XS_NS_W)
        e = classify_w(d, up, name, at, n);
    else if (ns == XS_NS_M && name[0] == 'r' && name[1] == '\0') {
        dx_para *f = cur_para(d);
        if (f) run_start(f);
        e = X_R;
    } else if (ns == XS_NS_M && name[0] == 't' && name[1] == '\0' && up == X_R) {
        d->capture = CAP_TEXT;
        e = X_TEXT;
    } else {
        e = X_OTHER; /* drawing and VML wrappers lead to w:txbxContent */
    }
    if (e == X_SKIP) {
        d->skip = 1;
        return;
    }
    if (d->depth == d->cap_stack) PL_GROW(d->stack, d->cap_stack, d->depth + 1);
    d->stack[d->depth++] = (uint8_t)e;
}

static void dx_end(xs_parser *p, void *ctx, xs_ns ns, const char *name)
{
    (void)ns, (void)name;
    dx *d = ctx;
    d->xp = p;
    if (d->skip) {
        d->skip--;
        return;
    }
    if (!d->depth) return;
    dx_para *f;
    switch ((dx_elem)d->stack[--d->depth]) {
    case X_TEXT:
        d->capture = CAP_NONE;
        break;
    case X_P:
        para_end(d);
        break;
    case X_REV:
    case X_HYPERLINK:
    case X_SDTCONTENT_PH:
        span_pop(d);
        break;
    case X_FLDSIMPLE:
        field_simple_end(d);
        break;
    case X_SDT:
        if (d->nsdt) d->nsdt--;
        break;
    case X_RT:
        if ((f = cur_para(d))) f->in_rt = false;
        break;
    case X_RUBY:
        if ((f = cur_para(d)) && f->main.s.len > f->ruby_base && f->reading.len)
            add_mark(d, f, &f->main, DOC_MARK_RUBY, f->ruby_base, (uint32_t)f->main.s.len,
                     f->reading.data, f->reading.len);
        break;
    case X_TC: {
        flush_carry(d);
        dx_table *t = cur_table(d);
        if (t) {
            if (t->continue_cell) {
                t->continue_cell = false;
                d->suppress--;
            }
            t->next_col += t->span;
        }
        break;
    }
    case X_TBL:
        flush_carry(d);
        if (cur_table(d)) d->ntab--;
        break;
    case X_TXBX:
        story_pop(d);
        break;
    case X_STORY:
    case X_NOTE:
    case X_COMMENT:
        flush_carry(d);
        slots_flush(d);
        d->nranges = cur_story(d)->range_base;
        d->nfields = cur_story(d)->field_base;
        if (d->stack[d->depth] != X_STORY) {
            sbuf_reset(&d->ref);
            sbuf_reset(&d->author);
        }
        break;
    default:
        break;
    }
}

static void dx_text_cb(xs_parser *p, void *ctx, const char *s, size_t n)
{
    dx *d = ctx;
    if (d->capture == CAP_NONE || d->stopped) return;
    d->xp = p;
    if (d->capture == CAP_TEXT || d->capture == CAP_DELTEXT) {
        uint8_t extra = d->capture == CAP_DELTEXT ? REV_DEL : 0;
        dx_para *f = cur_para(d);
        if (f && f->rfont[0])
            put_symbol_font_text(d, f->rfont, s, n, extra);
        else
            put_text(d, s, n, extra, NULL);
        return;
    }
    /* instruction text: for the innermost field still reading its code */
    uint8_t rev = d->attrs.rev | (d->capture == CAP_DELINSTR ? REV_DEL : 0);
    dx_field *fl = code_field(d);
    if (fl && in_view(d, rev) && !over_limit(d, fl->instr.len, n)) sbuf_append(&fl->instr, s, n);
}

/* ---- parts ---------------------------------------------------------------------- */

static void part_reset(dx *d)
{
    d->npara = d->ntables = 0;
    d->depth = d->skip = 0;
    d->capture = CAP_NONE;
    d->nopen = 0;
    for (size_t i = 0; i < d->nparas; i++)
        para_reset(d->paras[i]);
    d->nspans = 0;
    sbuf_reset(&d->span_pool);
    d->nfields = d->nranges = d->nrange_ids = 0;
    d->ntab = 0;
    d->suppress = 0;
    d->nsdt = 0;
    d->nstories = 0;
    sbuf_reset(&d->ref);
    sbuf_reset(&d->author);
    docx_numbering_reset(&d->numbering);
}

/* Reads one story part. ref names a header/footer kind. */
static pl_status read_story(dx *d, const char *part, doc_channel ch, const char *ref, bool is_main)
{
    pl_status s = PL_OK;
    part_reset(d);
    d->part = doc_info_intern(d->info, part);
    d->channel = ch;
    d->is_main = is_main;
    story_push(d, ch);
    if (!is_main) s = pkg_read_rels(d->pk, part, &d->rels, d->err);
    if (s == PL_OK) {
        if (ref) sbuf_puts(&d->ref, ref);
        xs_handler h = {.ctx = d, .start = dx_start, .end = dx_end, .text = dx_text_cb};
        s = xs_parse_part(d->pk, part, &h, d->err);
        /* a part cut short by the sink still owes its queued text boxes */
        if (s == PL_OK && !d->stopped) slots_flush(d);
    }
    if (!is_main) pkg_rels_free(&d->rels);
    slots_flush(d);
    return s;
}

static bool usable(const dx *d, const pkg_rel *r)
{
    return r && !r->external && !r->escapes && pkg_has_part(d->pk, r->target);
}

/* Headers or footers: the parts the sections reference, each once, in the
 * order of reference; then any the sections forgot. */
static pl_status read_headers(dx *d, const pkg_rels *main_rels, bool footer)
{
    const char *type = footer ? "footer" : "header";
    doc_channel ch = footer ? DOC_CH_FOOTER : DOC_CH_HEADER;
    const char **done = pl_xcalloc(main_rels->n + 1, sizeof *done);
    size_t ndone = 0;
    pl_status s = PL_OK;
    for (size_t pass = 0; pass < 2 && s == PL_OK && !d->stopped; pass++) {
        size_t count = pass == 0 ? d->nhdrrefs : main_rels->n;
        for (size_t i = 0; i < count && s == PL_OK && !d->stopped; i++) {
            const pkg_rel *r;
            const char *ref = NULL;
            if (pass == 0) {
                const dx_hdrref *h = &d->hdrrefs[i];
                if (h->footer != footer) continue;
                r = pkg_rels_by_id(main_rels, h->rid);
                ref = h->type;
            } else {
                r = &main_rels->items[i];
            }
            if (!usable(d, r) || strcmp(r->type, type) != 0) continue;
            bool seen = false;
            for (size_t k = 0; k < ndone && !seen; k++)
                seen = strcmp(done[k], r->target) == 0;
            if (seen) continue;
            done[ndone++] = r->target;
            s = read_story(d, r->target, ch, ref, false);
        }
    }
    free(done);
    return s;
}

static pl_status read_related(dx *d, const pkg_rels *rels, const char *type, doc_channel ch)
{
    const pkg_rel *r = pkg_rels_by_type(rels, type);
    if (!usable(d, r) || d->stopped) return PL_OK;
    return read_story(d, r->target, ch, NULL, false);
}

static void dx_free(dx *d)
{
    docx_styles_free(&d->styles);
    docx_numbering_free(&d->numbering);
    sbuf_free(&d->ref);
    sbuf_free(&d->author);
    free(d->stack);
    for (size_t i = 0; i < d->nparas; i++)
        para_free(d->paras[i]);
    free(d->paras);
    free(d->spans);
    sbuf_free(&d->span_pool);
    for (size_t i = 0; i < d->init_fields; i++)
        sbuf_free(&d->fields[i].instr);
    free(d->fields);
    free(d->ranges);
    free(d->range_ids);
    free(d->tables);
    free(d->stories);
    free(d->sdt_ph);
    free(d->slots);
    arena_free(&d->slot_mem);
    free(d->hdrrefs);
    sbuf_free(&d->label);
    free(d->sort_buf);
    free(d->out_marks);
}

pl_status docx_read(pkg *pk, const char *main_part, const ooxml_options *opt, doc_info *info,
                    const doc_sink *sink, pl_error *err)
{
    dx d;
    memset(&d, 0, sizeof d);
    d.pk = pk;
    d.opt = opt;
    d.info = info;
    d.sink = sink;
    d.err = err;
    d.max_text = opt->limits.max_text_bytes;
    docx_styles_init(&d.styles);
    docx_numbering_init(&d.numbering, &d.styles);
    arena_init(&d.slot_mem);

    pkg_rels rels;
    pl_status s = pkg_read_rels(pk, main_part, &rels, err);
    if (s != PL_OK) {
        dx_free(&d);
        return s;
    }
    const pkg_rel *r = pkg_rels_by_type(&rels, "styles");
    if (usable(&d, r)) s = docx_styles_read(pk, r->target, &d.styles, err);
    r = pkg_rels_by_type(&rels, "numbering");
    if (s == PL_OK && usable(&d, r)) s = docx_numbering_read(pk, r->target, &d.numbering, err);

    if (s == PL_OK) {
        d.rels = rels;
        s = read_story(&d, main_part, DOC_CH_BODY, NULL, true);
        d.rels = (pkg_rels){0};
    }
    if (s == PL_OK) s = read_headers(&d, &rels, false);
    if (s == PL_OK) s = read_headers(&d, &rels, true);
    if (s == PL_OK) s = read_related(&d, &rels, "footnotes", DOC_CH_FOOTNOTE);
    if (s == PL_OK) s = read_related(&d, &rels, "endnotes", DOC_CH_ENDNOTE);
    if (s == PL_OK) s = read_related(&d, &rels, "comments", DOC_CH_COMMENT);
    pkg_rels_free(&rels);
    dx_free(&d);
    return s;
}

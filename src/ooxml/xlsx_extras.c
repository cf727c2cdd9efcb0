/*
 * xlsx_extras.c - the text of a sheet that is not in its cells.
 *
 * Reviewers leave notes in cell comments, offices print 部外秘 in page
 * headers, and forms put instructions in text boxes. Each goes to its own
 * channel so that rules can tell a note from the sheet's content:
 *   - comments (xl/commentsN.xml via the sheet's rels) and threaded
 *     comments (xl/threadedComments/..., authors from xl/persons) become
 *     DOC_CH_COMMENT blocks located at their cell. Excel also writes a
 *     legacy placeholder comment for every threaded one ("[Threaded
 *     comment] Your version of Excel ..."), so a legacy comment on a cell
 *     that has a threaded comment is skipped;
 *   - <headerFooter> (collected by xlsx_sheet.c) loses its &-codes (page
 *     numbers, dates, file and sheet names, fonts, sizes, colours) and keeps
 *     its text; the left, centre and right parts are joined by a space;
 *   - drawing shapes with text (xdr:sp/xdr:txBody, via sheet -> drawing
 *     rels) become DOC_CH_TEXTBOX blocks, paragraphs joined by '\n'.
 * All of them are emitted after the sheet's cells.
 */
#include <string.h>

#include "util/mem.h"
#include "xlsx_internal.h"

/* ---- header and footer ---------------------------------------------------- */

static const char *const HF_NAMES[6] = {"oddHeader", "evenHeader", "firstHeader",
                                        "oddFooter", "evenFooter", "firstFooter"};
static const char *const HF_REFS[3] = {"default", "even", "first"};

void xlsx_hf_init(xlsx_hf *hf)
{
    for (int i = 0; i < 6; i++)
        sbuf_init(&hf->text[i]);
    hf->cur = -1;
}

void xlsx_hf_free(xlsx_hf *hf)
{
    for (int i = 0; i < 6; i++)
        sbuf_free(&hf->text[i]);
}

int xlsx_hf_kind(const char *name)
{
    if (name[0] != 'o' && name[0] != 'e' && name[0] != 'f') return -1;
    for (int i = 0; i < 6; i++)
        if (strcmp(name, HF_NAMES[i]) == 0) return i;
    return -1;
}

static bool is_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Drops the &-codes of a header/footer string; sections become words. */
static void hf_strip(const char *s, size_t n, sbuf *out)
{
    sbuf_reset(out);
    bool need_space = false;
    for (size_t i = 0; i < n;) {
        if (s[i] != '&') {
            if (need_space && out->len) sbuf_putc(out, ' ');
            need_space = false;
            size_t j = i;
            while (j < n && s[j] != '&')
                j++;
            sbuf_append(out, s + i, j - i);
            i = j;
            continue;
        }
        if (i + 1 >= n) break;
        char c = s[i + 1];
        i += 2;
        switch (c) {
        case '&':
            if (need_space && out->len) sbuf_putc(out, ' ');
            need_space = false;
            sbuf_putc(out, '&');
            break;
        case 'L':
        case 'C':
        case 'R':
            need_space = true;
            break;
        case '"': /* &"font,style" */
            while (i < n && s[i] != '"')
                i++;
            if (i < n) i++;
            break;
        case 'K': /* &KRRGGBB or &KTTSNNN: six characters of colour */
            for (int k = 0; k < 6 && i < n && (is_hex(s[i]) || s[i] == '+' || s[i] == '-'); k++)
                i++;
            break;
        default:
            if (c >= '0' && c <= '9') {
                while (i < n && s[i] >= '0' && s[i] <= '9')
                    i++; /* font size */
            }
            /* P N D T F A Z G (fields) and B I U E S X Y O H (styles): gone */
            break;
        }
    }
    /* trim the spaces a code may have left at either end */
    while (out->len && out->data[out->len - 1] == ' ')
        out->len--;
    if (out->data) out->data[out->len] = '\0';
}

static pl_status emit_header_footer(xlsx_book *bk, const xlsx_sheet_ref *sh, xlsx_hf *hf)
{
    sbuf text = SBUF_INIT;
    for (int i = 0; i < 6 && !bk->stopped; i++) {
        if (!hf->text[i].len) continue;
        hf_strip(hf->text[i].data, hf->text[i].len, &text);
        const char *t = sbuf_cstr(&text);
        size_t skip = 0;
        while (t[skip] == ' ')
            skip++;
        if (!t[skip]) continue;
        doc_block b = {.kind = DOC_BLOCK_PARAGRAPH,
                       .channel = i < 3 ? DOC_CH_HEADER : DOC_CH_FOOTER,
                       .loc = {.part = sh->part, .sheet = sh->name},
                       .flags = sh->flags,
                       .text = t + skip,
                       .len = (uint32_t)(text.len - skip),
                       .ref = HF_REFS[i % 3]};
        xlsx_emit(bk, &b);
    }
    sbuf_free(&text);
    return PL_OK;
}

/* ---- comments ------------------------------------------------------------- */

typedef struct cell_pos {
    uint32_t row, col;
} cell_pos;

typedef struct comments_ctx {
    xlsx_book *bk;
    const xlsx_sheet_ref *sh;
    const char *part;
    bool threaded;
    /* legacy */
    char **authors;
    size_t nauthors, cap_authors;
    bool in_author;
    /* the comment being read */
    bool in_comment, in_t, in_text;
    int rph;
    size_t t_start;
    char ref[32];
    long long author_id;
    char person[80];
    sbuf text;
    /* threaded comments' cells, to skip their legacy placeholders */
    cell_pos *covered;
    size_t ncovered, cap_covered;
    const cell_pos *skip;
    size_t nskip;
} comments_ctx;

static const char *person_name(xlsx_book *bk, const char *id);

static bool covered(const comments_ctx *c, uint32_t row, uint32_t col)
{
    for (size_t i = 0; i < c->nskip; i++)
        if (c->skip[i].row == row && c->skip[i].col == col) return true;
    return false;
}

static void comment_emit(xs_parser *p, comments_ctx *c)
{
    uint32_t row = 0, col = 0;
    if (!xlsx_parse_ref(c->ref, strlen(c->ref), &row, &col)) return;
    if (c->threaded) {
        PL_GROW(c->covered, c->cap_covered, c->ncovered + 1);
        c->covered[c->ncovered++] = (cell_pos){row, col};
    } else if (covered(c, row, col)) {
        return;
    }
    const char *author = NULL;
    if (c->threaded)
        author = person_name(c->bk, c->person);
    else if (c->author_id >= 0 && (size_t)c->author_id < c->nauthors)
        author = c->authors[c->author_id];
    doc_block b = {.kind = DOC_BLOCK_CELL,
                   .channel = DOC_CH_COMMENT,
                   .loc = {.part = c->part, .sheet = c->sh->name, .row = row, .col = col},
                   .flags = c->sh->flags,
                   .text = sbuf_cstr(&c->text),
                   .len = (uint32_t)c->text.len,
                   .value_type = DOC_VAL_STRING,
                   .ref = c->ref,
                   .author = author && *author ? author : NULL};
    c->bk->info->comments++;
    if (!xlsx_emit(c->bk, &b)) xs_abort(p, PL_OK, NULL);
}

static void comments_start(xs_parser *p, void *ctx, xs_ns ns, const char *name, const xs_attr *at,
                           int n)
{
    (void)p;
    comments_ctx *c = ctx;
    if (c->threaded) {
        if (strcmp(name, "threadedComment") == 0) {
            c->in_comment = true;
            sbuf_reset(&c->text);
            if (!xlsx_attr_copy(at, n, XS_NS_OTHER, "ref", c->ref, sizeof c->ref)) c->ref[0] = 0;
            if (!xlsx_attr_copy(at, n, XS_NS_OTHER, "personId", c->person, sizeof c->person))
                c->person[0] = 0;
        } else if (c->in_comment && strcmp(name, "text") == 0) {
            c->in_text = c->in_t = true; /* plain text, no runs */
            c->t_start = c->text.len;
        }
        return;
    }
    if (ns != XS_NS_S) return;
    if (strcmp(name, "author") == 0) {
        c->in_author = true;
        sbuf_reset(&c->text);
        c->t_start = 0;
    } else if (strcmp(name, "comment") == 0) {
        c->in_comment = true;
        c->rph = 0;
        sbuf_reset(&c->text);
        if (!xlsx_attr_copy(at, n, XS_NS_OTHER, "ref", c->ref, sizeof c->ref)) c->ref[0] = 0;
        c->author_id = xs_attr_int(at, n, XS_NS_OTHER, "authorId", -1);
    } else if (c->in_comment && strcmp(name, "rPh") == 0) {
        c->rph++;
    } else if (c->in_comment && c->rph == 0 && strcmp(name, "t") == 0) {
        c->in_t = true;
        c->t_start = c->text.len;
    }
}

static void comments_end(xs_parser *p, void *ctx, xs_ns ns, const char *name)
{
    comments_ctx *c = ctx;
    if (c->threaded) {
        if (c->in_t && strcmp(name, "text") == 0) {
            c->in_t = c->in_text = false;
            size_t k = xlsx_unescape(c->text.data + c->t_start, c->text.len - c->t_start);
            sbuf_truncate(&c->text, c->t_start + k);
        } else if (c->in_comment && strcmp(name, "threadedComment") == 0) {
            c->in_comment = false;
            comment_emit(p, c);
        }
        return;
    }
    if (ns != XS_NS_S) return;
    if (c->in_author && strcmp(name, "author") == 0) {
        c->in_author = false;
        PL_GROW(c->authors, c->cap_authors, c->nauthors + 1);
        c->authors[c->nauthors++] = pl_xstrdup(sbuf_cstr(&c->text));
    } else if (c->in_t && strcmp(name, "t") == 0) {
        c->in_t = false;
        size_t k = xlsx_unescape(c->text.data + c->t_start, c->text.len - c->t_start);
        sbuf_truncate(&c->text, c->t_start + k);
    } else if (c->rph > 0 && strcmp(name, "rPh") == 0) {
        c->rph--;
    } else if (c->in_comment && strcmp(name, "comment") == 0) {
        c->in_comment = false;
        comment_emit(p, c);
    }
}

static void comments_text(xs_parser *p, void *ctx, const char *s, size_t n)
{
    (void)p;
    comments_ctx *c = ctx;
    if (c->in_t || c->in_author) sbuf_append(&c->text, s, n);
}

static bool rel_usable(xlsx_book *bk, const pkg_rel *r)
{
    return r && !r->external && !r->escapes && pkg_has_part(bk->pk, r->target);
}

static pl_status read_comments(xlsx_book *bk, const xlsx_sheet_ref *sh, const pkg_rels *rels)
{
    comments_ctx c = {.bk = bk, .sh = sh};
    sbuf_init(&c.text);
    pl_status s = PL_OK;
    /* threaded first: their cells silence the legacy placeholders */
    for (int pass = 0; pass < 2 && s == PL_OK; pass++) {
        c.threaded = pass == 0;
        if (!c.threaded) {
            c.skip = c.covered;
            c.nskip = c.ncovered;
        }
        const char *type = c.threaded ? "threadedComment" : "comments";
        for (size_t i = 0; i < rels->n && s == PL_OK && !bk->stopped; i++) {
            const pkg_rel *r = &rels->items[i];
            if (strcmp(r->type, type) != 0 || !rel_usable(bk, r)) continue;
            c.part = doc_info_intern(bk->info, r->target);
            xs_handler h = {
                .ctx = &c, .start = comments_start, .end = comments_end, .text = comments_text};
            s = xs_parse_part(bk->pk, r->target, &h, bk->err);
            c.in_comment = c.in_t = c.in_author = false;
        }
    }
    for (size_t i = 0; i < c.nauthors; i++)
        free(c.authors[i]);
    free(c.authors);
    free(c.covered);
    sbuf_free(&c.text);
    return s;
}

/* ---- persons of threaded comments ------------------------------------------ */

typedef struct persons_ctx {
    xlsx_book *bk;
    size_t cap;
} persons_ctx;

static void persons_start(xs_parser *p, void *ctx, xs_ns ns, const char *name, const xs_attr *at,
                          int n)
{
    (void)p, (void)ns;
    persons_ctx *c = ctx;
    if (strcmp(name, "person") != 0) return;
    char id[80], dn[256];
    if (!xlsx_attr_copy(at, n, XS_NS_OTHER, "id", id, sizeof id)) return;
    if (!xlsx_attr_copy(at, n, XS_NS_OTHER, "displayName", dn, sizeof dn)) dn[0] = 0;
    xlsx_book *bk = c->bk;
    PL_GROW(bk->people, c->cap, bk->npeople + 1);
    bk->people[bk->npeople].id = pl_xstrdup(id);
    bk->people[bk->npeople].name = pl_xstrdup(dn);
    bk->npeople++;
}

static const char *person_name(xlsx_book *bk, const char *id)
{
    if (!bk->people_loaded) {
        bk->people_loaded = true;
        if (bk->persons) {
            /* a broken persons part only costs the author names */
            pl_error perr;
            pl_error_clear(&perr);
            persons_ctx c = {.bk = bk};
            xs_handler h = {.ctx = &c, .start = persons_start};
            if (xs_parse_part(bk->pk, bk->persons, &h, &perr) != PL_OK)
                doc_info_warn(bk->info, "PERSONS", bk->persons, "%s", perr.detail);
        }
    }
    for (size_t i = 0; i < bk->npeople; i++)
        if (strcmp(bk->people[i].id, id) == 0) return bk->people[i].name;
    return NULL;
}

/* ---- drawings ---------------------------------------------------------- */

typedef struct drawing_ctx {
    xlsx_book *bk;
    const xlsx_sheet_ref *sh;
    const char *part;
    int sp; /* depth inside xdr:sp */
    bool in_body, in_t;
    int paras;       /* a:p seen in this shape's body */
    uint32_t shapes; /* shapes with text so far */
    char name[128];
    sbuf text;
} drawing_ctx;

static void drawing_start(xs_parser *p, void *ctx, xs_ns ns, const char *name, const xs_attr *at,
                          int n)
{
    (void)p;
    drawing_ctx *c = ctx;
    if (ns == XS_NS_XDR) {
        if (strcmp(name, "sp") == 0) {
            if (c->sp++ == 0) {
                sbuf_reset(&c->text);
                c->paras = 0;
                c->name[0] = 0;
            }
        } else if (c->sp && strcmp(name, "cNvPr") == 0) {
            if (!xlsx_attr_copy(at, n, XS_NS_OTHER, "name", c->name, sizeof c->name))
                c->name[0] = 0;
        } else if (c->sp && strcmp(name, "txBody") == 0) {
            c->in_body = true;
        }
        return;
    }
    if (ns != XS_NS_A || !c->in_body) return;
    if (strcmp(name, "p") == 0) {
        if (c->paras++ > 0) sbuf_putc(&c->text, '\n');
    } else if (strcmp(name, "t") == 0) {
        c->in_t = true;
    } else if (strcmp(name, "br") == 0) {
        sbuf_putc(&c->text, '\n');
    }
}

static void drawing_end(xs_parser *p, void *ctx, xs_ns ns, const char *name)
{
    drawing_ctx *c = ctx;
    if (ns == XS_NS_A && strcmp(name, "t") == 0) {
        c->in_t = false;
        return;
    }
    if (ns != XS_NS_XDR) return;
    if (strcmp(name, "txBody") == 0) {
        c->in_body = false;
    } else if (c->sp && strcmp(name, "sp") == 0 && --c->sp == 0) {
        /* empty trailing paragraphs are layout, not text */
        while (c->text.len && c->text.data[c->text.len - 1] == '\n')
            c->text.len--;
        if (!c->text.len) return;
        c->text.data[c->text.len] = '\0';
        doc_block b = {.kind = DOC_BLOCK_PARAGRAPH,
                       .channel = DOC_CH_TEXTBOX,
                       .loc = {.part = c->part, .sheet = c->sh->name, .paragraph = ++c->shapes},
                       .flags = c->sh->flags,
                       .text = c->text.data,
                       .len = (uint32_t)c->text.len,
                       .ref = c->name[0] ? c->name : NULL};
        if (!xlsx_emit(c->bk, &b)) xs_abort(p, PL_OK, NULL);
    }
}

static void drawing_text(xs_parser *p, void *ctx, const char *s, size_t n)
{
    (void)p;
    drawing_ctx *c = ctx;
    if (c->in_t && c->sp) sbuf_append(&c->text, s, n);
}

static pl_status read_drawings(xlsx_book *bk, const xlsx_sheet_ref *sh, const pkg_rels *rels)
{
    pl_status s = PL_OK;
    for (size_t i = 0; i < rels->n && s == PL_OK && !bk->stopped; i++) {
        const pkg_rel *r = &rels->items[i];
        if (strcmp(r->type, "drawing") != 0 || !rel_usable(bk, r)) continue;
        drawing_ctx c = {.bk = bk, .sh = sh, .part = doc_info_intern(bk->info, r->target)};
        sbuf_init(&c.text);
        xs_handler h = {
            .ctx = &c, .start = drawing_start, .end = drawing_end, .text = drawing_text};
        s = xs_parse_part(bk->pk, r->target, &h, bk->err);
        sbuf_free(&c.text);
    }
    return s;
}

pl_status xlsx_extras_emit(xlsx_book *bk, const xlsx_sheet_ref *sh, const pkg_rels *rels,
                           xlsx_hf *hf)
{
    pl_status s = read_comments(bk, sh, rels);
    if (s == PL_OK && !bk->stopped) s = emit_header_footer(bk, sh, hf);
    if (s == PL_OK && !bk->stopped) s = read_drawings(bk, sh, rels);
    return s;
}

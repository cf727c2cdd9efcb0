/*
 * render.c - what the outputs share: how an entry is titled, which entries
 * are shown, and a walk over one side of a line pair that turns operations
 * into runs of changed and unchanged text. The side-by-side outputs (HTML,
 * DOCX) only draw runs; they never look at operations themselves.
 */
#include <string.h>

#include "internal.h"
#include "util/utf8.h"

const diff_version *diff_side_version(const diff_result *r, bool old_side)
{
    return old_side ? &r->old : &r->new;
}

const diff_unit *diff_entry_unit(const diff_result *r, const diff_entry *e, bool old_side)
{
    if (old_side) return e->old_count ? &r->old.units[e->old_first] : NULL;
    return e->new_count ? &r->new.units[e->new_first] : NULL;
}

bool diff_entry_shown(const diff_entry *e)
{
    return e->status != DIFF_UNCHANGED;
}

/* The first characters of a text, for units that have no name. */
static void excerpt(const char *s, size_t n, size_t max_chars, sbuf *out)
{
    size_t i = 0, chars = 0;
    while (i < n && chars < max_chars) {
        uint32_t c;
        size_t k = utf8_decode(s + i, n - i, &c);
        if (!k) k = 1;
        if (c == '\t' || c == '\n')
            sbuf_putc(out, ' ');
        else
            sbuf_append(out, s + i, k);
        i += k;
        chars++;
    }
    if (i < n) sbuf_puts(out, "…");
}

void diff_unit_title(const diff_version *v, const diff_unit *u, sbuf *out)
{
    switch (u->kind) {
    case DIFF_UNIT_ARTICLE:
        sbuf_puts(out, u->path);
        if (u->caption) sbuf_printf(out, "（%s）", u->caption);
        return;
    case DIFF_UNIT_CHAPTER:
    case DIFF_UNIT_APPENDIX:
    case DIFF_UNIT_HEADING:
        if (u->path[0]) {
            sbuf_puts(out, u->path);
            if (u->caption) sbuf_printf(out, " %s", u->caption);
            return;
        }
        break;
    case DIFF_UNIT_TABLE:
        if (u->path[0]) {
            sbuf_puts(out, u->path);
            return;
        }
        break;
    case DIFF_UNIT_PARAGRAPH:
        break;
    }
    const diff_line *l = &v->lines[u->first_line];
    if (l->label) sbuf_printf(out, "%s ", l->label);
    excerpt(l->text, l->len, 20, out);
}

static void group_title(const diff_version *v, uint32_t first, uint32_t count, sbuf *out)
{
    for (uint32_t k = 0; k < count; k++) {
        if (k) sbuf_puts(out, "・");
        diff_unit_title(v, &v->units[first + k], out);
    }
}

/* How the old unit is called where the new one is called otherwise: its
 * number alone when the caption stayed (第4条), else its whole title. */
static void former_name(const diff_result *r, const diff_entry *e, sbuf *out)
{
    const diff_unit *o = &r->old.units[e->old_first], *n = &r->new.units[e->new_first];
    bool same_caption = (!o->caption && !n->caption) ||
                        (o->caption && n->caption && strcmp(o->caption, n->caption) == 0);
    if (e->old_count == 1 && o->kind == DIFF_UNIT_ARTICLE && same_caption)
        sbuf_puts(out, o->path);
    else
        group_title(&r->old, e->old_first, e->old_count, out);
}

void diff_entry_title(const diff_result *r, const diff_entry *e, pl_lang lang, sbuf *out)
{
    if (!e->new_count) {
        group_title(&r->old, e->old_first, e->old_count, out);
        return;
    }
    group_title(&r->new, e->new_first, e->new_count, out);
    if (!e->old_count) return;
    sbuf nt = SBUF_INIT, ot = SBUF_INIT;
    group_title(&r->new, e->new_first, e->new_count, &nt);
    group_title(&r->old, e->old_first, e->old_count, &ot);
    if (strcmp(sbuf_cstr(&nt), sbuf_cstr(&ot)) != 0) {
        sbuf_reset(&ot);
        former_name(r, e, &ot);
        sbuf_printf(out, lang == PL_LANG_EN ? " (was %s)" : "（改正前 %s）", sbuf_cstr(&ot));
    }
    sbuf_free(&nt);
    sbuf_free(&ot);
}

void diff_entry_former(const diff_result *r, const diff_entry *e, sbuf *out)
{
    if (!e->old_count || !e->new_count) return;
    sbuf nt = SBUF_INIT, ot = SBUF_INIT;
    group_title(&r->new, e->new_first, e->new_count, &nt);
    group_title(&r->old, e->old_first, e->old_count, &ot);
    if (strcmp(sbuf_cstr(&nt), sbuf_cstr(&ot)) != 0) former_name(r, e, out);
    sbuf_free(&nt);
    sbuf_free(&ot);
}

/* ---- one side of a line pair ---------------------------------------------------- */

void diff_walk_side(const diff_result *r, const diff_line_pair *p, bool old_side,
                    const diff_side_walker *w)
{
    const diff_version *v = diff_side_version(r, old_side);
    uint32_t first = old_side ? p->old_first : p->new_first;
    uint32_t count = old_side ? p->old_count : p->new_count;
    bool whole = p->status == DIFF_INSERTED || p->status == DIFF_DELETED;
    if (p->nops == 0) {
        /* same text (unchanged or renumbered), or a line on one side only */
        for (uint32_t l = first; l < first + count; l++) {
            const diff_line *line = &v->lines[l];
            w->line_start(w->ctx, line, whole || (l == first && p->label_changed));
            if (line->len) w->run(w->ctx, line->text, line->len, whole);
            w->line_end(w->ctx, line);
        }
        return;
    }
    const diff_op *ops = r->ops + p->first_op;
    uint32_t k = 0;
    for (uint32_t l = first; l < first + count; l++) {
        const diff_line *line = &v->lines[l];
        /* the first line's label as aligned; the others of a split or merge
         * are new or gone with their labels */
        w->line_start(w->ctx, line, l == first ? p->label_changed : true);
        for (; k < p->nops; k++) {
            const diff_op *op = &ops[k];
            int32_t ol = old_side ? op->old_line : op->new_line;
            if (op->kind == (old_side ? DIFF_OP_INSERT : DIFF_OP_DELETE)) continue;
            if (ol != (int32_t)l) break;
            uint32_t s = old_side ? op->old_start : op->new_start;
            uint32_t e = old_side ? op->old_end : op->new_end;
            if (e > s) w->run(w->ctx, line->text + s, e - s, op->kind != DIFF_OP_EQUAL);
        }
        w->line_end(w->ctx, line);
    }
}

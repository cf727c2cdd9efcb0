/*
 * text.c - the diff for a terminal or a pipe.
 *
 * One heading per changed unit (its title, status and former title), then
 * its lines with the changes inline, the way `git diff --word-diff` shows
 * them: 乙は、[-甲の承諾-]{+甲の書面による承諾+}を得て. On a terminal the
 * markers give way to colour (red struck-through deletions, green underlined
 * insertions); NO_COLOR and pipes get the markers. A unit that was only
 * renumbered gets its heading alone: that is its whole change. Unchanged
 * lines inside a changed unit are folded into "…" unless --all is given.
 * Line breaks inside a paragraph show as ↵ and table cells are separated by
 * " | ", so every line of the document stays one line of output.
 */
#include <string.h>

#include "internal.h"

#define RED "\033[31;9m"
#define GREEN "\033[32;4m"
#define BOLD "\033[1m"
#define DIM "\033[2m"
#define RESET "\033[0m"

typedef struct tw {
    const diff_result *r;
    const diff_render *o;
    sbuf *out;
} tw;

/* Text of a document flattened onto one output line. */
static void flat(sbuf *out, const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        const char *rep = s[i] == '\t' ? " | " : s[i] == '\n' ? "↵" : s[i] == '\r' ? "" : NULL;
        if (!rep) continue;
        sbuf_append(out, s + run, i - run);
        sbuf_puts(out, rep);
        run = i + 1;
    }
    sbuf_append(out, s + run, n - run);
}

static void marked(tw *t, const char *s, size_t n, diff_op_kind kind)
{
    if (!n) return;
    bool c = t->o->color;
    if (kind == DIFF_OP_DELETE)
        sbuf_puts(t->out, c ? RED : "[-");
    else if (kind == DIFF_OP_INSERT)
        sbuf_puts(t->out, c ? GREEN : "{+");
    flat(t->out, s, n);
    if (kind == DIFF_OP_DELETE)
        sbuf_puts(t->out, c ? RESET : "-]");
    else if (kind == DIFF_OP_INSERT)
        sbuf_puts(t->out, c ? RESET : "+}");
}

static void marked_str(tw *t, const char *s, diff_op_kind kind)
{
    marked(t, s, strlen(s), kind);
}

/* A whole line, as one side has it. */
static void whole_line(tw *t, const diff_line *l, diff_op_kind kind)
{
    sbuf_puts(t->out, "  ");
    if (kind != DIFF_OP_EQUAL)
        sbuf_puts(t->out, t->o->color ? (kind == DIFF_OP_DELETE ? RED : GREEN)
                                      : (kind == DIFF_OP_DELETE ? "[-" : "{+"));
    if (l->label) {
        sbuf_puts(t->out, l->label);
        if (l->len) sbuf_puts(t->out, DIFF_LABEL_SEP);
    }
    flat(t->out, l->text, l->len);
    if (kind != DIFF_OP_EQUAL)
        sbuf_puts(t->out, t->o->color ? RESET : (kind == DIFF_OP_DELETE ? "-]" : "+}"));
    sbuf_putc(t->out, '\n');
}

static void label_change(tw *t, const diff_line *ol, const diff_line *nl)
{
    if (ol && ol->label) marked_str(t, ol->label, DIFF_OP_DELETE);
    if (nl && nl->label) marked_str(t, nl->label, DIFF_OP_INSERT);
    if (((ol && ol->label) || (nl && nl->label)) && ((ol && ol->len) || (nl && nl->len)))
        sbuf_puts(t->out, DIFF_LABEL_SEP);
}

/* A line pair with operations, inline: the new side's line structure, the
 * old side's removed text in place. */
static void inline_pair(tw *t, const diff_line_pair *p)
{
    const diff_version *vo = &t->r->old, *vn = &t->r->new;
    const diff_line *ol = &vo->lines[p->old_first], *nl = &vn->lines[p->new_first];
    sbuf_puts(t->out, "  ");
    if (p->label_changed)
        label_change(t, ol, nl);
    else if (nl->label)
        sbuf_printf(t->out, "%s" DIFF_LABEL_SEP, nl->label);
    int32_t cur_new = (int32_t)p->new_first, cur_old = (int32_t)p->old_first;
    const diff_op *ops = t->r->ops + p->first_op;
    for (uint32_t k = 0; k < p->nops; k++) {
        const diff_op *op = &ops[k];
        if (op->new_line >= 0 && op->new_line != cur_new) {
            /* the next line of a split: a line of its own, label new */
            cur_new = op->new_line;
            sbuf_puts(t->out, "\n  ");
            const diff_line *l = &vn->lines[cur_new];
            if (l->label) {
                marked_str(t, l->label, DIFF_OP_INSERT);
                sbuf_puts(t->out, DIFF_LABEL_SEP);
            }
        }
        if (op->old_line >= 0 && op->old_line != cur_old) {
            /* the next line of a merge: its label is gone */
            cur_old = op->old_line;
            const diff_line *l = &vo->lines[cur_old];
            if (l->label) marked_str(t, l->label, DIFF_OP_DELETE);
        }
        if (op->kind == DIFF_OP_DELETE)
            marked(t, vo->lines[op->old_line].text + op->old_start, op->old_end - op->old_start,
                   DIFF_OP_DELETE);
        else
            marked(t, vn->lines[op->new_line].text + op->new_start, op->new_end - op->new_start,
                   op->kind);
    }
    if (p->status == DIFF_MOVED || p->status == DIFF_SPLIT || p->status == DIFF_MERGED)
        sbuf_printf(t->out, t->o->color ? DIM "  〔%s〕" RESET : "  〔%s〕",
                    diff_status_label(p->status, t->o->lang));
    sbuf_putc(t->out, '\n');
}

static void write_pair(tw *t, const diff_line_pair *p)
{
    const diff_version *vo = &t->r->old, *vn = &t->r->new;
    switch (p->status) {
    case DIFF_INSERTED:
        for (uint32_t l = 0; l < p->new_count; l++)
            whole_line(t, &vn->lines[p->new_first + l], DIFF_OP_INSERT);
        return;
    case DIFF_DELETED:
        for (uint32_t l = 0; l < p->old_count; l++)
            whole_line(t, &vo->lines[p->old_first + l], DIFF_OP_DELETE);
        return;
    case DIFF_UNCHANGED:
        whole_line(t, &vn->lines[p->new_first], DIFF_OP_EQUAL);
        return;
    default:
        break;
    }
    if (p->nops == 0) {
        /* renumbered (or moved, split, merged without a text change) */
        sbuf_puts(t->out, "  ");
        const diff_line *nl = &vn->lines[p->new_first];
        if (p->label_changed)
            label_change(t, &vo->lines[p->old_first], nl);
        else if (nl->label)
            sbuf_printf(t->out, "%s" DIFF_LABEL_SEP, nl->label);
        flat(t->out, nl->text, nl->len);
        if (p->status == DIFF_MOVED)
            sbuf_printf(t->out, "  〔%s〕", diff_status_label(p->status, t->o->lang));
        sbuf_putc(t->out, '\n');
        return;
    }
    inline_pair(t, p);
}

static void write_entry(tw *t, const diff_entry *e)
{
    const diff_result *r = t->r;
    pl_lang lang = t->o->lang;
    sbuf title = SBUF_INIT;
    diff_entry_title(r, e, lang, &title);
    sbuf_putc(t->out, '\n');
    if (t->o->color) sbuf_puts(t->out, BOLD);
    sbuf_printf(t->out, "■ %s 〔%s", sbuf_cstr(&title), diff_status_label(e->status, lang));
    if (e->status != DIFF_RENUMBERED && e->renumbered)
        sbuf_printf(t->out, lang == PL_LANG_EN ? ", renumbered" : "・番号の変更");
    if (e->status == DIFF_MOVED && e->text_changed)
        sbuf_printf(t->out, lang == PL_LANG_EN ? ", changed" : "・変更");
    sbuf_puts(t->out, "〕");
    if (t->o->color) sbuf_puts(t->out, RESET);
    sbuf_putc(t->out, '\n');
    sbuf_free(&title);
    /* a renumbered unit: the heading says it all */
    if (e->status == DIFF_RENUMBERED && e->renumbered && !t->o->all) return;
    if (e->status == DIFF_UNCHANGED && !t->o->all) return;
    bool folded = false;
    for (uint32_t k = 0; k < e->npairs; k++) {
        const diff_line_pair *p = &r->pairs[e->first_pair + k];
        if (p->status == DIFF_UNCHANGED && !t->o->all && e->status != DIFF_UNCHANGED) {
            if (!folded) sbuf_puts(t->out, "  …\n");
            folded = true;
            continue;
        }
        folded = false;
        write_pair(t, p);
    }
}

static void summary(const diff_result *r, pl_lang lang, sbuf *out)
{
    static const diff_status order[] = {DIFF_CHANGED, DIFF_RENUMBERED, DIFF_MOVED,  DIFF_SPLIT,
                                        DIFF_MERGED,  DIFF_INSERTED,   DIFF_DELETED};
    bool any = false;
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        size_t n = r->count[order[i]];
        if (!n) continue;
        if (lang == PL_LANG_EN)
            sbuf_printf(out, "%s%zu %s", any ? ", " : "", n, diff_status_label(order[i], lang));
        else
            sbuf_printf(out, "%s%s %zu件", any ? "、" : "", diff_status_label(order[i], lang), n);
        any = true;
    }
    if (!any) sbuf_puts(out, lang == PL_LANG_EN ? "no differences" : "相違はありません");
}

void diff_write_text(const diff_result *r, const diff_render *o, sbuf *out)
{
    tw t = {r, o, out};
    bool en = o->lang == PL_LANG_EN;
    if (o->color) sbuf_puts(out, BOLD);
    sbuf_printf(out, "%s %s\n", en ? "--- old:" : "--- 改正前:", o->old_name ? o->old_name : "");
    sbuf_printf(out, "%s %s\n", en ? "+++ new:" : "+++ 改正後:", o->new_name ? o->new_name : "");
    if (o->color) sbuf_puts(out, RESET);
    summary(r, o->lang, out);
    sbuf_putc(out, '\n');
    for (size_t i = 0; i < r->nentries; i++) {
        const diff_entry *e = &r->entries[i];
        if (diff_entry_shown(e) || o->all) write_entry(&t, e);
    }
}

/*
 * test_diff_util.h - what the diff tests use to state results exactly: an
 * entry list as "status:old>new" lines, and a unit's changed lines written
 * with [-deleted-]{+inserted+} markers.
 */
#ifndef TEST_DIFF_UTIL_H
#define TEST_DIFF_UTIL_H

#include <stdio.h>
#include <string.h>

#include "diff/diff.h"

/* "status:old>new" per entry, one per line; paths joined with + */
static inline const char *signature(const diff_result *r)
{
    static char buf[16384];
    sbuf s = SBUF_INIT;
    for (size_t i = 0; i < r->nentries; i++) {
        const diff_entry *e = &r->entries[i];
        sbuf_printf(&s, "%s:", diff_status_name(e->status));
        for (uint32_t k = 0; k < e->old_count; k++)
            sbuf_printf(&s, "%s%s", k ? "+" : "", r->old.units[e->old_first + k].path);
        sbuf_putc(&s, '>');
        for (uint32_t k = 0; k < e->new_count; k++)
            sbuf_printf(&s, "%s%s", k ? "+" : "", r->new.units[e->new_first + k].path);
        sbuf_putc(&s, '\n');
    }
    snprintf(buf, sizeof buf, "%s", sbuf_cstr(&s));
    sbuf_free(&s);
    return buf;
}

/* A line pair written with markers, the new side's labels; lines of a split
 * joined by " / ". */
static inline const char *pair_markup(const diff_result *r, const diff_line_pair *p)
{
    static char buf[4096];
    sbuf s = SBUF_INIT;
    const diff_line *ol = p->old_count ? &r->old.lines[p->old_first] : NULL;
    const diff_line *nl = p->new_count ? &r->new.lines[p->new_first] : NULL;
    if (p->label_changed) {
        if (ol && ol->label) sbuf_printf(&s, "[-%s-]", ol->label);
        if (nl && nl->label) sbuf_printf(&s, "{+%s+}", nl->label);
        sbuf_putc(&s, ' ');
    } else if (nl ? nl->label != NULL : ol && ol->label) {
        sbuf_printf(&s, "%s ", nl ? nl->label : ol->label);
    }
    if (!p->nops) {
        const diff_line *l = nl ? nl : ol;
        sbuf_append(&s, l->text, l->len);
    }
    int32_t cur = nl ? (int32_t)p->new_first : -1;
    for (uint32_t k = 0; k < p->nops; k++) {
        const diff_op *op = &r->ops[p->first_op + k];
        if (op->new_line >= 0 && op->new_line != cur) {
            cur = op->new_line;
            const diff_line *l = &r->new.lines[cur];
            sbuf_printf(&s, " / %s%s", l->label ? l->label : "", l->label ? " " : "");
        }
        if (op->kind == DIFF_OP_DELETE)
            sbuf_printf(&s, "[-%.*s-]", (int)(op->old_end - op->old_start),
                        r->old.lines[op->old_line].text + op->old_start);
        else if (op->kind == DIFF_OP_INSERT)
            sbuf_printf(&s, "{+%.*s+}", (int)(op->new_end - op->new_start),
                        r->new.lines[op->new_line].text + op->new_start);
        else
            sbuf_printf(&s, "%.*s", (int)(op->new_end - op->new_start),
                        r->new.lines[op->new_line].text + op->new_start);
    }
    snprintf(buf, sizeof buf, "%s", sbuf_cstr(&s));
    sbuf_free(&s);
    return buf;
}

/* The line pairs of entry i that are not unchanged: "status|markup" lines. */
static inline const char *changes(const diff_result *r, size_t i)
{
    static char buf[8192];
    sbuf s = SBUF_INIT;
    const diff_entry *e = &r->entries[i];
    for (uint32_t k = 0; k < e->npairs; k++) {
        const diff_line_pair *p = &r->pairs[e->first_pair + k];
        if (p->status == DIFF_UNCHANGED) continue;
        sbuf_printf(&s, "%s|%s\n", diff_status_name(p->status), pair_markup(r, p));
    }
    snprintf(buf, sizeof buf, "%s", sbuf_cstr(&s));
    sbuf_free(&s);
    return buf;
}

#endif

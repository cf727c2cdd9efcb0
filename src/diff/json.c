/*
 * json.c - the comparison for other programs (schema in docs/diff-output.md).
 *
 * Every unit of both versions appears once, in reading order, unchanged ones
 * included, so a consumer can rebuild either document's clause list from the
 * output. Each entry carries both sides as arrays (empty for an insertion or
 * deletion, several for a split or merge), its lines with their own status,
 * and for changed lines the operations, each with its text and its position
 * in the line (code points, as Python and JavaScript index strings).
 */
#include <math.h>
#include <string.h>

#include "internal.h"

/* Code points in s[0..byte). */
static long long cp_offset(const char *s, size_t byte)
{
    long long n = 0;
    for (size_t i = 0; i < byte; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) n++;
    return n;
}

static void write_doc(jw *w, const diff_version *v, const char *name)
{
    const doc_info *info = &v->doc->info;
    jw_object_begin(w);
    jw_kv_string(w, "path", name ? name : info->path ? info->path : "");
    if (info->sha256[0]) jw_kv_string(w, "sha256", info->sha256);
    jw_kv_string(w, "format",
                 info->format == DOC_FMT_UNKNOWN ? "text" : doc_format_name(info->format));
    jw_kv_int(w, "units", (long long)v->nunits);
    jw_kv_int(w, "lines", (long long)v->nlines);
    jw_object_end(w);
}

static void write_units(jw *w, const diff_version *v, uint32_t first, uint32_t count)
{
    jw_array_begin(w);
    for (uint32_t k = 0; k < count; k++) {
        const diff_unit *u = &v->units[first + k];
        jw_object_begin(w);
        jw_kv_int(w, "index", first + k);
        jw_kv_string(w, "kind", diff_unit_kind_name(u->kind));
        jw_kv_string(w, "clause", u->path);
        if (u->label) jw_kv_string(w, "label", u->label);
        if (u->caption) jw_kv_string(w, "caption", u->caption);
        jw_key(w, "blocks");
        jw_array_begin(w);
        jw_int(w, u->first_block);
        jw_int(w, u->last_block);
        jw_array_end(w);
        jw_object_end(w);
    }
    jw_array_end(w);
}

static void write_lines(jw *w, const diff_version *v, uint32_t first, uint32_t count)
{
    jw_array_begin(w);
    for (uint32_t k = 0; k < count; k++) {
        const diff_line *l = &v->lines[first + k];
        jw_object_begin(w);
        jw_kv_int(w, "block", l->block);
        if (l->table_row) jw_kv_bool(w, "table_row", true);
        if (l->label) jw_kv_string(w, "label", l->label);
        jw_key(w, "text");
        jw_stringn(w, l->text, l->len);
        jw_object_end(w);
    }
    jw_array_end(w);
}

static void write_span(jw *w, const char *key, const diff_version *v, uint32_t first, int32_t line,
                       uint32_t start, uint32_t end)
{
    const diff_line *l = &v->lines[line];
    jw_key(w, key);
    jw_object_begin(w);
    jw_kv_int(w, "line", (long long)((uint32_t)line - first));
    jw_kv_int(w, "start", cp_offset(l->text, start));
    jw_kv_int(w, "end", cp_offset(l->text, end));
    jw_object_end(w);
}

static void write_ops(jw *w, const diff_result *r, const diff_line_pair *p)
{
    static const char *const names[] = {"equal", "delete", "insert"};
    jw_key(w, "ops");
    jw_array_begin(w);
    for (uint32_t k = 0; k < p->nops; k++) {
        const diff_op *op = &r->ops[p->first_op + k];
        jw_object_begin(w);
        jw_kv_string(w, "op", names[op->kind]);
        if (op->kind == DIFF_OP_DELETE) {
            jw_key(w, "text");
            jw_stringn(w, r->old.lines[op->old_line].text + op->old_start,
                       op->old_end - op->old_start);
        } else {
            jw_key(w, "text");
            jw_stringn(w, r->new.lines[op->new_line].text + op->new_start,
                       op->new_end - op->new_start);
        }
        if (op->old_line >= 0)
            write_span(w, "old", &r->old, p->old_first, op->old_line, op->old_start, op->old_end);
        if (op->new_line >= 0)
            write_span(w, "new", &r->new, p->new_first, op->new_line, op->new_start, op->new_end);
        jw_object_end(w);
    }
    jw_array_end(w);
}

static void write_entry(jw *w, const diff_result *r, const diff_entry *e)
{
    jw_object_begin(w);
    jw_kv_string(w, "status", diff_status_name(e->status));
    const diff_unit *u = diff_entry_unit(r, e, false);
    if (!u) u = diff_entry_unit(r, e, true);
    jw_kv_string(w, "kind", diff_unit_kind_name(u->kind));
    jw_kv_bool(w, "renumbered", e->renumbered);
    jw_kv_bool(w, "moved", e->moved);
    jw_kv_bool(w, "text_changed", e->text_changed);
    if (e->old_count && e->new_count) {
        jw_key(w, "similarity");
        jw_double(w, round(e->similarity * 1000.0) / 1000.0);
    }
    jw_key(w, "old");
    write_units(w, &r->old, e->old_first, e->old_count);
    jw_key(w, "new");
    write_units(w, &r->new, e->new_first, e->new_count);
    jw_key(w, "lines");
    jw_array_begin(w);
    for (uint32_t k = 0; k < e->npairs; k++) {
        const diff_line_pair *p = &r->pairs[e->first_pair + k];
        jw_object_begin(w);
        jw_kv_string(w, "status", diff_status_name(p->status));
        if (p->label_changed) jw_kv_bool(w, "label_changed", true);
        jw_key(w, "old");
        write_lines(w, &r->old, p->old_first, p->old_count);
        jw_key(w, "new");
        write_lines(w, &r->new, p->new_first, p->new_count);
        if (p->nops) write_ops(w, r, p);
        jw_object_end(w);
    }
    jw_array_end(w);
    jw_object_end(w);
}

void diff_write_json(const diff_result *r, const diff_render *o, jw *w)
{
    jw_object_begin(w);
    jw_kv_int(w, "schema", 1);
    jw_key(w, "tool");
    jw_object_begin(w);
    jw_kv_string(w, "name", "polint");
    if (o->tool_version) jw_kv_string(w, "version", o->tool_version);
    jw_object_end(w);
    jw_key(w, "old");
    write_doc(w, &r->old, o->old_name);
    jw_key(w, "new");
    write_doc(w, &r->new, o->new_name);
    jw_key(w, "summary");
    jw_object_begin(w);
    jw_kv_int(w, "entries", (long long)r->nentries);
    jw_kv_bool(w, "differs", diff_result_differs(r));
    for (int s = 0; s < DIFF_STATUS_COUNT; s++)
        jw_kv_int(w, diff_status_name((diff_status)s), (long long)r->count[s]);
    jw_object_end(w);
    jw_key(w, "clauses");
    jw_array_begin(w);
    for (size_t i = 0; i < r->nentries; i++)
        write_entry(w, r, &r->entries[i]);
    jw_array_end(w);
    jw_object_end(w);
}

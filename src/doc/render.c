#include "render.h"

#include <string.h>

#include "util/utf8.h"

void doc_location_write_json(jw *w, const doc_location *loc, doc_block_kind kind)
{
    jw_object_begin(w);
    if (loc->part) jw_kv_string(w, "part", loc->part);
    if (loc->sheet) jw_kv_string(w, "sheet", loc->sheet);
    if (kind == DOC_BLOCK_CELL) {
        char col[8];
        doc_column_letters(loc->col, col);
        char cell[24];
        snprintf(cell, sizeof cell, "%s%u", col, loc->row);
        jw_kv_string(w, "cell", cell);
        jw_kv_int(w, "row", loc->row);
        jw_kv_int(w, "col", loc->col);
    } else {
        if (loc->paragraph) jw_kv_int(w, "paragraph", loc->paragraph);
        if (loc->table) {
            jw_kv_int(w, "table", loc->table);
            jw_kv_int(w, "row", loc->row);
            jw_kv_int(w, "col", loc->col);
            if (loc->table_depth > 1) jw_kv_int(w, "table_depth", loc->table_depth);
        }
    }
    jw_object_end(w);
}

void doc_location_format(const doc_location *loc, doc_block_kind kind, sbuf *out)
{
    if (kind == DOC_BLOCK_CELL) {
        char col[8];
        doc_column_letters(loc->col, col);
        sbuf_printf(out, "%s!%s%u", loc->sheet ? loc->sheet : "?", col, loc->row);
        return;
    }
    sbuf_puts(out, loc->part ? loc->part : "?");
    if (loc->paragraph) sbuf_printf(out, " ¶%u", loc->paragraph);
    if (loc->table) sbuf_printf(out, " table %u r%uc%u", loc->table, loc->row, loc->col);
}

static void write_flags(jw *w, uint32_t flags)
{
    static const struct {
        uint32_t bit;
        const char *name;
    } names[] = {
        {DOC_F_HIDDEN, "hidden"},           {DOC_F_HEADING, "heading"},
        {DOC_F_SHEET_HIDDEN, "sheet-hidden"}, {DOC_F_ROW_HIDDEN, "row-hidden"},
        {DOC_F_COL_HIDDEN, "col-hidden"},   {DOC_F_FORMULA, "formula"},
        {DOC_F_NO_CACHED, "no-cached-value"}, {DOC_F_MERGED, "merged"},
        {DOC_F_PLACEHOLDER, "placeholder"}, {DOC_F_TRACKED, "tracked"},
    };
    if (!flags) return;
    jw_key(w, "flags");
    jw_array_begin(w);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (flags & names[i].bit) jw_string(w, names[i].name);
    jw_array_end(w);
}

void doc_block_write_json(jw *w, const doc_block *b, size_t index, const char *clause)
{
    jw_object_begin(w);
    jw_kv_int(w, "index", (long long)index);
    jw_kv_string(w, "kind", b->kind == DOC_BLOCK_CELL       ? "cell"
                            : b->kind == DOC_BLOCK_PROPERTY ? "property"
                                                            : "paragraph");
    jw_kv_string(w, "channel", doc_channel_name(b->channel));
    jw_key(w, "location");
    doc_location_write_json(w, &b->loc, b->kind);
    if (clause && *clause) jw_kv_string(w, "clause", clause);
    if (b->ref) jw_kv_string(w, "ref", b->ref);
    if (b->author) jw_kv_string(w, "author", b->author);
    if (b->label) jw_kv_string(w, "label", b->label);
    jw_key(w, "text");
    jw_stringn(w, b->text, b->len);
    if (b->list_level) {
        jw_key(w, "list");
        jw_object_begin(w);
        jw_kv_int(w, "id", b->list_id);
        jw_kv_int(w, "level", b->list_level);
        jw_kv_int(w, "value", b->list_value);
        if (b->list_format) jw_kv_string(w, "format", b->list_format);
        jw_object_end(w);
    }
    if (b->style) jw_kv_string(w, "style", b->style);
    if (b->style_name) jw_kv_string(w, "style_name", b->style_name);
    if (b->outline) jw_kv_int(w, "outline", b->outline);
    if (b->kind == DOC_BLOCK_CELL) {
        jw_kv_string(w, "type", doc_value_type_name(b->value_type));
        if (b->iso) jw_kv_string(w, "value", b->iso);
        if (b->raw) jw_kv_string(w, "raw", b->raw);
        if (b->number_format) jw_kv_string(w, "format", b->number_format);
    }
    write_flags(w, b->flags);
    if (b->nmarks) {
        jw_key(w, "marks");
        jw_array_begin(w);
        for (uint32_t i = 0; i < b->nmarks; i++) {
            const doc_mark *m = &b->marks[i];
            jw_object_begin(w);
            jw_kv_string(w, "kind", doc_mark_name(m->kind));
            uint32_t s = m->start <= b->len ? m->start : b->len;
            uint32_t e = m->end <= b->len ? m->end : b->len;
            jw_kv_int(w, "start", (long long)utf8_count(b->text, s));
            jw_kv_int(w, "end", (long long)utf8_count(b->text, e));
            if (m->info) jw_kv_string(w, "info", m->info);
            jw_object_end(w);
        }
        jw_array_end(w);
    }
    jw_object_end(w);
}

void doc_block_display_text(const doc_block *b, sbuf *out)
{
    if (b->label) {
        sbuf_puts(out, b->label);
        if (b->label_suffix) sbuf_putc(out, ' ');
    }
    sbuf_append(out, b->text, b->len);
}

/* ---- plain text ---------------------------------------------------------- */

void doc_text_printer_init(doc_text_printer *p, FILE *out)
{
    memset(p, 0, sizeof *p);
    p->out = out;
}

static void flush_row(doc_text_printer *p)
{
    if (!p->in_row) return;
    fwrite(p->line.data, 1, p->line.len, p->out);
    fputc('\n', p->out);
    sbuf_reset(&p->line);
    p->in_row = false;
}

/* Newlines inside a cell or paragraph would break the one-line-per-row
 * shape; they are shown as the visible "↵". */
static void append_flat(sbuf *out, const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n' || s[i] == '\r') {
            sbuf_append(out, s + run, i - run);
            sbuf_puts(out, "↵");
            run = i + 1;
        }
    }
    sbuf_append(out, s + run, n - run);
}

static bool print_block(void *ctx, const doc_block *b)
{
    doc_text_printer *p = ctx;
    bool rowish = (b->kind == DOC_BLOCK_CELL) || (b->loc.table && b->loc.table_depth <= 1);
    if (rowish) {
        bool same = p->in_row && p->row_part == b->loc.part && p->row_sheet == b->loc.sheet &&
                    p->row_table == b->loc.table && p->row == b->loc.row;
        if (!same) {
            flush_row(p);
            if (b->kind == DOC_BLOCK_CELL && b->loc.sheet != p->sheet) {
                fprintf(p->out, "## %s\n", b->loc.sheet ? b->loc.sheet : "");
                p->sheet = b->loc.sheet;
            }
            p->in_row = true;
            p->row_part = b->loc.part;
            p->row_sheet = b->loc.sheet;
            p->row_table = b->loc.table;
            p->row = b->loc.row;
            p->last_col = 1;
            if (b->channel != DOC_CH_TABLE && b->channel != DOC_CH_CELL)
                sbuf_printf(&p->line, "[%s] ", doc_channel_name(b->channel));
        } else if (b->loc.col == p->last_col) {
            sbuf_putc(&p->line, ' '); /* another paragraph of the same cell */
        }
        for (; p->last_col < b->loc.col; p->last_col++) sbuf_putc(&p->line, '\t');
        sbuf tmp = SBUF_INIT;
        doc_block_display_text(b, &tmp);
        append_flat(&p->line, tmp.data ? tmp.data : "", tmp.len);
        sbuf_free(&tmp);
        return true;
    }
    flush_row(p);
    sbuf line = SBUF_INIT;
    if (b->channel != DOC_CH_BODY && b->channel != DOC_CH_TABLE)
        sbuf_printf(&line, "[%s] ", doc_channel_name(b->channel));
    if (b->flags & DOC_F_HIDDEN) sbuf_puts(&line, "[hidden] ");
    if (b->kind == DOC_BLOCK_PROPERTY && b->ref) sbuf_printf(&line, "%s: ", b->ref);
    sbuf tmp = SBUF_INIT;
    doc_block_display_text(b, &tmp);
    append_flat(&line, tmp.data ? tmp.data : "", tmp.len);
    sbuf_free(&tmp);
    sbuf_putc(&line, '\n');
    fwrite(line.data, 1, line.len, p->out);
    sbuf_free(&line);
    return true;
}

doc_sink doc_text_printer_sink(doc_text_printer *p)
{
    return (doc_sink){.ctx = p, .block = print_block};
}

void doc_text_printer_finish(doc_text_printer *p)
{
    flush_row(p);
    sbuf_free(&p->line);
}

/* ---- structure ------------------------------------------------------------- */

void doc_structure_write_json(jw *w, const doc_structure *s)
{
    jw_object_begin(w);
    jw_kv_string(w, "type", doc_type_name(s->type));
    jw_kv_string(w, "type_basis", s->type_basis);
    if (s->type_evidence) jw_kv_string(w, "type_evidence", s->type_evidence);
    jw_key(w, "parties");
    jw_array_begin(w);
    for (size_t i = 0; i < s->nparties; i++) {
        const doc_party *p = &s->parties[i];
        jw_object_begin(w);
        jw_kv_string(w, "name", p->name);
        if (p->entity) jw_kv_string(w, "entity", p->entity);
        jw_kv_string(w, "role", doc_party_role_name(p->role));
        jw_kv_int(w, "block", (long long)p->block);
        jw_object_end(w);
    }
    jw_array_end(w);
    jw_key(w, "clauses");
    jw_array_begin(w);
    for (size_t i = 0; i < s->nclauses; i++) {
        const doc_clause *c = &s->clauses[i];
        jw_object_begin(w);
        jw_kv_int(w, "index", (long long)i);
        jw_kv_string(w, "kind", doc_clause_kind_name(c->kind));
        jw_kv_string(w, "path", c->path);
        if (c->label) jw_kv_string(w, "label", c->label);
        if (c->caption) jw_kv_string(w, "caption", c->caption);
        if (c->number) jw_kv_int(w, "number", c->number);
        if (c->branch) jw_kv_int(w, "branch", c->branch);
        if (c->parent >= 0) jw_kv_int(w, "parent", c->parent);
        jw_kv_int(w, "first_block", (long long)c->first_block);
        jw_kv_int(w, "last_block", (long long)c->last_block);
        jw_object_end(w);
    }
    jw_array_end(w);
    jw_object_end(w);
}

static const char *type_label(doc_type t, pl_lang lang)
{
    switch (t) {
    case DOC_TYPE_CONTRACT: return pl_tr(lang, "契約書", "contract");
    case DOC_TYPE_SPECIAL: return pl_tr(lang, "特記事項", "special provisions");
    case DOC_TYPE_SPEC: return pl_tr(lang, "仕様書", "specification");
    case DOC_TYPE_POLICY: return pl_tr(lang, "ポリシー・規程", "policy");
    case DOC_TYPE_LEDGER: return pl_tr(lang, "台帳", "ledger");
    default: return pl_tr(lang, "不明", "unknown");
    }
}

static const char *basis_label(const char *basis, pl_lang lang)
{
    static const struct {
        const char *key, *ja, *en;
    } names[] = {
        {"given", "指定", "given"},          {"title", "表題", "title"},
        {"filename", "ファイル名", "file name"}, {"parties", "当事者の定義", "defined parties"},
        {"vocabulary", "用語", "vocabulary"}, {"spreadsheet", "表計算ファイル", "spreadsheet"},
        {"none", "手掛かりなし", "no evidence"},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(basis, names[i].key) == 0) return pl_tr(lang, names[i].ja, names[i].en);
    return basis;
}

void doc_structure_print(FILE *out, const doc_document *d, const doc_structure *s, pl_lang lang)
{
    bool ja = lang == PL_LANG_JA;
    fprintf(out, "%s%s (%s%s%s%s)\n", ja ? "種類: " : "type: ", type_label(s->type, lang),
            basis_label(s->type_basis, lang), s->type_evidence ? (ja ? "「" : " \"") : "",
            s->type_evidence ? s->type_evidence : "", s->type_evidence ? (ja ? "」" : "\"") : "");
    for (size_t i = 0; i < s->nparties; i++) {
        const doc_party *p = &s->parties[i];
        fprintf(out, "%s%s = %s (%s)\n", ja ? "当事者: " : "party: ", p->name,
                p->entity ? p->entity : "?",
                p->role == DOC_PARTY_CLIENT       ? pl_tr(lang, "発注側", "client")
                : p->role == DOC_PARTY_CONTRACTOR ? pl_tr(lang, "受注側", "contractor")
                                                  : pl_tr(lang, "不明", "unknown"));
    }
    for (size_t i = 0; i < s->nclauses; i++) {
        const doc_clause *c = &s->clauses[i];
        int depth = 0;
        for (int p = c->parent; p >= 0; p = s->clauses[p].parent) depth++;
        for (int k = 0; k < depth; k++) fputs("  ", out);
        fputs(*c->path ? c->path : (c->label ? c->label : "-"), out);
        if (c->caption) fprintf(out, ja ? "（%s）" : " (%s)", c->caption);
        const doc_block *b = &d->blocks[c->first_block];
        sbuf where = SBUF_INIT;
        doc_location_format(&b->loc, b->kind, &where);
        fprintf(out, "    [%s]\n", sbuf_cstr(&where));
        sbuf_free(&where);
    }
}

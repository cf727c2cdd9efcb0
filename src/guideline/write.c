/*
 * write.c - what `polint guideline` prints: the editions, one edition's
 * outline and requirements, the differences between two editions, and the
 * adoption gap of a local policy; as text for people (Japanese or English)
 * and as JSON for tools (docs/guideline.md).
 *
 * Every fact is printed with its confidence, [V] [S] or [R], so that an
 * unverified statement never reads as an established one.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "util/escape.h"
#include "util/mem.h"
#include "util/utf8.h"

static void date_text(const guideline_edition *e, char out[11])
{
    if (e->precision == TEXT_PREC_DAY) text_ymd_format(e->date, out);
    else snprintf(out, 11, "%04d-%02d", e->date.year % 10000, e->date.month % 100);
}

static const char *label(const guideline_edition *e, pl_lang lang)
{
    return pl_tr(lang, e->label_ja, e->label_en);
}

static const char *kind_label(const char *kind, pl_lang lang)
{
    if (strcmp(kind, "initial") == 0) return pl_tr(lang, "策定", "first issue");
    if (strcmp(kind, "partial") == 0) return pl_tr(lang, "一部改定", "partial revision");
    if (strcmp(kind, "full") == 0) return pl_tr(lang, "全部改定", "full revision");
    return pl_tr(lang, "改定", "revision");
}

static void jw_sources(jw *w, const char *key, const char *list)
{
    jw_key(w, key);
    jw_array_begin(w);
    const char *p = list ? list : "";
    while (*p) {
        while (*p == ' ') p++;
        const char *e = p;
        while (*e && *e != ' ') e++;
        if (e > p) jw_stringn(w, p, (size_t)(e - p));
        p = e;
    }
    jw_array_end(w);
}

static void jw_opt(jw *w, const char *key, const char *s)
{
    jw_key(w, key);
    if (s) jw_string(w, s);
    else jw_null(w);
}

/* s followed by spaces up to width columns (CJK characters take two). */
static void pad(sbuf *out, const char *s, int width)
{
    sbuf_puts(out, s);
    int cols = 0;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        if (!k) k = 1, cp = '?';
        cols += cp >= 0x1100 ? 2 : 1;
        i += k;
    }
    for (int i = 0; i < 2 || cols < width; i++, cols++) sbuf_putc(out, ' ');
}

/* "8.2 情報システムに関する業務委託" */
static void section_line(const guideline_section *s, pl_lang lang, sbuf *out)
{
    sbuf_printf(out, "%s %s", s->number, pl_tr(lang, s->title_ja, s->title_en));
}

static const char *part_label(guideline_part p, pl_lang lang)
{
    return p == GUIDELINE_PART_BASIC ? pl_tr(lang, "基本方針", "Basic policy")
                                     : pl_tr(lang, "対策基準", "Security standards");
}

/* ---- list -------------------------------------------------------------------- */

void guideline_write_list_text(const guideline_set *g, pl_lang lang, sbuf *out)
{
    for (size_t i = 0; i < guideline_count(g); i++) {
        const guideline_edition *e = guideline_at(g, i);
        char date[11];
        date_text(e, date);
        sbuf_printf(out, "%-7s %-10s [%s] %s — %s\n", e->id, date,
                    guideline_confidence_name(e->confidence), label(e, lang),
                    pl_tr(lang, e->summary_ja, e->summary_en));
    }
}

static void edition_json(jw *w, const guideline_edition *e)
{
    char date[11];
    date_text(e, date);
    jw_kv_string(w, "id", e->id);
    jw_kv_string(w, "label_ja", e->label_ja);
    jw_kv_string(w, "label_en", e->label_en);
    jw_kv_string(w, "date", date);
    jw_kv_string(w, "precision", e->precision == TEXT_PREC_DAY ? "day" : "month");
    jw_kv_string(w, "kind", e->kind);
    jw_kv_string(w, "confidence", guideline_confidence_name(e->confidence));
    jw_sources(w, "sources", e->source);
    jw_kv_string(w, "summary_ja", e->summary_ja);
    jw_kv_string(w, "summary_en", e->summary_en);
    jw_opt(w, "note", e->note);
}

void guideline_write_list_json(const guideline_set *g, jw *w)
{
    jw_object_begin(w);
    jw_kv_int(w, "schema", 1);
    jw_key(w, "editions");
    jw_array_begin(w);
    for (size_t i = 0; i < guideline_count(g); i++) {
        const guideline_edition *e = guideline_at(g, i);
        jw_object_begin(w);
        edition_json(w, e);
        jw_kv_int(w, "sections", (long long)e->nsections);
        jw_kv_int(w, "items", (long long)e->nitems);
        jw_object_end(w);
    }
    jw_array_end(w);
    jw_object_end(w);
}

/* ---- show ---------------------------------------------------------------------- */

static void item_text(const guideline_item *it, const char *indent, pl_lang lang, sbuf *out)
{
    sbuf_printf(out, "%s- %s  %s  [%s]", indent, it->id, guideline_level_label(it->level, lang),
                guideline_confidence_name(it->confidence));
    sbuf_printf(out, lang == PL_LANG_JA ? "  %s から（時期 [%s]）" : "  since %s (dating [%s])",
                it->since->id, guideline_confidence_name(it->dating));
    if (it->edition != it->since)
        sbuf_printf(out, lang == PL_LANG_JA ? "、%s で改定" : ", revised in %s", it->edition->id);
    sbuf_printf(out, "\n%s  %s\n", indent, pl_tr(lang, it->statement_ja, it->statement_en));
    sbuf_printf(out, "%s  %s %s\n", indent, pl_tr(lang, "出典:", "sources:"), it->source);
    if (it->note) sbuf_printf(out, "%s  %s %s\n", indent, pl_tr(lang, "注記:", "note:"), it->note);
}

/* Is key one of the keys of a source="..." list? */
static bool list_has(const char *list, const char *key)
{
    size_t k = strlen(key);
    for (const char *p = list; p && (p = strstr(p, key)); p += k) {
        bool start = p == list || p[-1] == ' ';
        bool end = p[k] == '\0' || p[k] == ' ' || p[k] == ':';
        if (start && end) return true;
    }
    return false;
}

static bool uses_source(const guideline_edition *e, const char *key)
{
    if (list_has(e->source, key)) return true;
    for (size_t i = 0; i < e->nsections; i++)
        if (list_has(e->sections[i].source, key)) return true;
    for (size_t i = 0; i < e->nitems; i++)
        if (list_has(e->items[i]->source, key)) return true;
    for (size_t i = 0; i < e->nremovals; i++)
        if (list_has(e->removals[i].source, key)) return true;
    return false;
}

void guideline_write_show_text(const guideline_set *g, const guideline_edition *e, pl_lang lang,
                               sbuf *out)
{
    char date[11];
    date_text(e, date);
    sbuf_printf(out, "%s (%s)\n", label(e, lang), e->id);
    sbuf_printf(out, lang == PL_LANG_JA ? "  日付: %s [%s]  種別: %s\n" : "  date: %s [%s]  kind: %s\n",
                date, guideline_confidence_name(e->confidence), kind_label(e->kind, lang));
    sbuf_printf(out, "  %s %s\n", pl_tr(lang, "出典:", "sources:"), e->source);
    sbuf_printf(out, "  %s %s\n", pl_tr(lang, "概要:", "summary:"), pl_tr(lang, e->summary_ja, e->summary_en));
    if (e->note) sbuf_printf(out, "  %s %s\n", pl_tr(lang, "注記:", "note:"), e->note);
    sbuf_printf(out, lang == PL_LANG_JA ? "  節 %zu、要件 %zu\n" : "  %zu sections, %zu requirements\n",
                e->nsections, e->nitems);
    int part = -1;
    for (size_t i = 0; i < e->nsections; i++) {
        const guideline_section *s = &e->sections[i];
        if ((int)s->part != part) {
            part = (int)s->part;
            sbuf_printf(out, "\n%s\n", part_label(s->part, lang));
        }
        char indent[16];
        snprintf(indent, sizeof indent, "%*s", 2 * s->depth, "");
        sbuf_puts(out, indent);
        section_line(s, lang, out);
        sbuf_printf(out, "  [%s %s]\n", guideline_confidence_name(s->confidence), s->source);
        if (s->note) sbuf_printf(out, "%s  %s %s\n", indent, pl_tr(lang, "注記:", "note:"), s->note);
        snprintf(indent, sizeof indent, "%*s", 2 * s->depth + 2, "");
        for (size_t k = 0; k < e->nitems; k++)
            if (strcmp(e->items[k]->section, s->id) == 0) item_text(e->items[k], indent, lang, out);
    }
    if (e->nremovals) {
        sbuf_printf(out, "\n%s\n", pl_tr(lang, "この版で削られた節", "Sections this edition dropped"));
        for (size_t i = 0; i < e->nremovals; i++)
            sbuf_printf(out, "  %s  [%s %s]%s%s\n", e->removals[i].id,
                        guideline_confidence_name(e->removals[i].confidence), e->removals[i].source,
                        e->removals[i].note ? "  " : "", e->removals[i].note ? e->removals[i].note : "");
    }
    sbuf_printf(out, "\n%s\n", pl_tr(lang, "出典一覧", "Sources"));
    for (size_t i = 0; i < guideline_source_count(g); i++) {
        const guideline_source *src = guideline_source_at(g, i);
        if (!uses_source(e, src->key)) continue;
        sbuf_printf(out, "  %-20s %s%s%s\n", src->key, src->text, src->url ? "  " : "",
                    src->url ? src->url : "");
    }
}

static void section_json(jw *w, const guideline_edition *e, const guideline_section *s)
{
    jw_object_begin(w);
    jw_kv_string(w, "id", s->id);
    jw_kv_string(w, "part", guideline_part_name(s->part));
    jw_kv_string(w, "number", s->number);
    jw_kv_int(w, "depth", s->depth);
    jw_opt(w, "parent", s->parent >= 0 ? e->sections[s->parent].id : NULL);
    jw_kv_string(w, "title_ja", s->title_ja);
    jw_kv_string(w, "title_en", s->title_en);
    jw_key(w, "aliases");
    jw_array_begin(w);
    for (size_t i = 0; i < s->naliases; i++) jw_string(w, s->aliases[i]);
    jw_array_end(w);
    jw_kv_string(w, "confidence", guideline_confidence_name(s->confidence));
    jw_sources(w, "sources", s->source);
    jw_opt(w, "note", s->note);
    jw_object_end(w);
}

static void item_json(jw *w, const guideline_item *it)
{
    jw_object_begin(w);
    jw_kv_string(w, "id", it->id);
    jw_kv_string(w, "section", it->section);
    jw_kv_string(w, "level", guideline_level_name(it->level));
    jw_kv_string(w, "statement_ja", it->statement_ja);
    jw_kv_string(w, "statement_en", it->statement_en);
    jw_kv_string(w, "confidence", guideline_confidence_name(it->confidence));
    jw_kv_string(w, "dating", guideline_confidence_name(it->dating));
    jw_kv_string(w, "since", it->since->id);
    jw_kv_string(w, "edition", it->edition->id);
    jw_sources(w, "sources", it->source);
    jw_opt(w, "note", it->note);
    jw_object_end(w);
}

void guideline_write_show_json(const guideline_set *g, const guideline_edition *e, jw *w)
{
    jw_object_begin(w);
    jw_kv_int(w, "schema", 1);
    jw_key(w, "edition");
    jw_object_begin(w);
    edition_json(w, e);
    jw_object_end(w);
    jw_key(w, "sections");
    jw_array_begin(w);
    for (size_t i = 0; i < e->nsections; i++) section_json(w, e, &e->sections[i]);
    jw_array_end(w);
    jw_key(w, "items");
    jw_array_begin(w);
    for (size_t i = 0; i < e->nitems; i++) item_json(w, e->items[i]);
    jw_array_end(w);
    jw_key(w, "removed_sections");
    jw_array_begin(w);
    for (size_t i = 0; i < e->nremovals; i++) {
        jw_object_begin(w);
        jw_kv_string(w, "id", e->removals[i].id);
        jw_kv_string(w, "confidence", guideline_confidence_name(e->removals[i].confidence));
        jw_sources(w, "sources", e->removals[i].source);
        jw_opt(w, "note", e->removals[i].note);
        jw_object_end(w);
    }
    jw_array_end(w);
    jw_key(w, "sources");
    jw_array_begin(w);
    for (size_t i = 0; i < guideline_source_count(g); i++) {
        const guideline_source *src = guideline_source_at(g, i);
        if (!uses_source(e, src->key)) continue;
        jw_object_begin(w);
        jw_kv_string(w, "key", src->key);
        jw_kv_string(w, "kind", src->kind);
        jw_opt(w, "url", src->url);
        jw_kv_string(w, "text", src->text);
        jw_object_end(w);
    }
    jw_array_end(w);
    jw_object_end(w);
}

/* ---- diff ------------------------------------------------------------------------ */

static const char *const CHANGE_NAMES[] = {"added", "removed", "renamed", "moved",
                                           "reworded", "releveled", "revised"};

static void change_names_json(jw *w, unsigned what)
{
    jw_key(w, "change");
    jw_array_begin(w);
    for (unsigned i = 0; i < 7; i++)
        if (what & (1u << i)) jw_string(w, CHANGE_NAMES[i]);
    jw_array_end(w);
}

static const char *change_label(unsigned what, pl_lang lang, bool item)
{
    if (what & GUIDELINE_ADDED) return pl_tr(lang, "追加", "added");
    if (what & GUIDELINE_REMOVED) return item ? pl_tr(lang, "廃止", "withdrawn") : pl_tr(lang, "削除", "removed");
    if (!item && (what & GUIDELINE_RENAMED) && (what & GUIDELINE_MOVED))
        return pl_tr(lang, "名称変更・移動", "renamed and moved");
    if (what & GUIDELINE_RENAMED) return pl_tr(lang, "名称変更", "renamed");
    if (what & GUIDELINE_MOVED) return pl_tr(lang, "移動", "moved");
    if (what & GUIDELINE_REWORDED) return pl_tr(lang, "文言変更", "reworded");
    if (what & GUIDELINE_RELEVELED) return pl_tr(lang, "区分変更", "level changed");
    return pl_tr(lang, "改訂", "revised");
}

void guideline_write_diff_text(const guideline_diff *d, pl_lang lang, sbuf *out)
{
    sbuf_printf(out, "%s (%s) → %s (%s)\n", label(d->from, lang), d->from->id, label(d->to, lang),
                d->to->id);
    sbuf_printf(out, "\n%s\n", pl_tr(lang, "節の変更", "Sections"));
    if (!d->nsections) sbuf_printf(out, "  %s\n", pl_tr(lang, "なし", "none"));
    for (size_t i = 0; i < d->nsections; i++) {
        const guideline_section_change *c = &d->sections[i];
        char mark = c->what & GUIDELINE_ADDED ? '+' : c->what & GUIDELINE_REMOVED ? '-' : '~';
        sbuf_printf(out, "  %c %s  ", mark, change_label(c->what, lang, false));
        if (c->what & GUIDELINE_ADDED) {
            section_line(c->to, lang, out);
        } else if (c->what & GUIDELINE_REMOVED) {
            section_line(c->from, lang, out);
        } else {
            section_line(c->from, lang, out);
            sbuf_puts(out, " → ");
            if (c->what & GUIDELINE_RENAMED) section_line(c->to, lang, out);
            else sbuf_puts(out, c->to->number);
        }
        /* both sides' confidence: a rename is only as sure as the older title */
        if (c->from && c->to)
            sbuf_printf(out, "  [%s→%s %s]", guideline_confidence_name(c->from->confidence),
                        guideline_confidence_name(c->to->confidence), c->to->source);
        else if (c->to)
            sbuf_printf(out, "  [%s %s]", guideline_confidence_name(c->to->confidence), c->to->source);
        else if (c->removal)
            sbuf_printf(out, "  [%s %s]", guideline_confidence_name(c->removal->confidence),
                        c->removal->source);
        sbuf_printf(out, "  (%s)\n", (c->to ? c->to : c->from)->id);
    }
    sbuf_printf(out, "\n%s\n", pl_tr(lang, "要件の変更", "Requirements"));
    if (!d->nitems) sbuf_printf(out, "  %s\n", pl_tr(lang, "なし", "none"));
    for (size_t i = 0; i < d->nitems; i++) {
        const guideline_item_change *c = &d->items[i];
        const guideline_item *it = c->to ? c->to : c->from;
        char mark = c->what & GUIDELINE_ADDED ? '+' : c->what & GUIDELINE_REMOVED ? '-' : '~';
        sbuf_printf(out, "  %c %s  %s  %s  [%s]", mark, change_label(c->what, lang, true), it->id,
                    guideline_level_label(it->level, lang), guideline_confidence_name(it->confidence));
        if (c->to) {
            sbuf_printf(out, lang == PL_LANG_JA ? "  %s（時期 [%s]）" : "  %s (dating [%s])",
                        c->to->edition->id, guideline_confidence_name(c->to->dating));
            if (c->from && (c->what & GUIDELINE_MOVED))
                sbuf_printf(out, "  %s → %s", c->from->section, c->to->section);
        } else if (c->withdrawal) {
            sbuf_printf(out, "  [%s %s]", guideline_confidence_name(c->withdrawal->confidence),
                        c->withdrawal->source);
        }
        sbuf_printf(out, "\n      %s\n", pl_tr(lang, it->statement_ja, it->statement_en));
    }
}

static void side_json(jw *w, const char *key, const guideline_section *s)
{
    jw_key(w, key);
    if (!s) {
        jw_null(w);
        return;
    }
    jw_object_begin(w);
    jw_kv_string(w, "number", s->number);
    jw_kv_string(w, "title_ja", s->title_ja);
    jw_kv_string(w, "title_en", s->title_en);
    jw_kv_string(w, "confidence", guideline_confidence_name(s->confidence));
    jw_sources(w, "sources", s->source);
    jw_object_end(w);
}

static void item_side_json(jw *w, const char *key, const guideline_item *it)
{
    jw_key(w, key);
    if (!it) {
        jw_null(w);
        return;
    }
    jw_object_begin(w);
    jw_kv_string(w, "section", it->section);
    jw_kv_string(w, "level", guideline_level_name(it->level));
    jw_kv_string(w, "statement_ja", it->statement_ja);
    jw_kv_string(w, "statement_en", it->statement_en);
    jw_kv_string(w, "edition", it->edition->id);
    jw_kv_string(w, "confidence", guideline_confidence_name(it->confidence));
    jw_kv_string(w, "dating", guideline_confidence_name(it->dating));
    jw_sources(w, "sources", it->source);
    jw_object_end(w);
}

static void evidence_json(jw *w, const guideline_removal *r)
{
    jw_key(w, "evidence");
    if (!r) {
        jw_null(w);
        return;
    }
    jw_object_begin(w);
    jw_kv_string(w, "confidence", guideline_confidence_name(r->confidence));
    jw_sources(w, "sources", r->source);
    jw_opt(w, "note", r->note);
    jw_object_end(w);
}

void guideline_write_diff_json(const guideline_diff *d, jw *w)
{
    jw_object_begin(w);
    jw_kv_int(w, "schema", 1);
    jw_kv_string(w, "from", d->from->id);
    jw_kv_string(w, "to", d->to->id);
    jw_key(w, "sections");
    jw_array_begin(w);
    for (size_t i = 0; i < d->nsections; i++) {
        const guideline_section_change *c = &d->sections[i];
        jw_object_begin(w);
        jw_kv_string(w, "id", (c->to ? c->to : c->from)->id);
        change_names_json(w, c->what);
        side_json(w, "from", c->from);
        side_json(w, "to", c->to);
        if (c->what & GUIDELINE_REMOVED) evidence_json(w, c->removal);
        jw_object_end(w);
    }
    jw_array_end(w);
    jw_key(w, "items");
    jw_array_begin(w);
    for (size_t i = 0; i < d->nitems; i++) {
        const guideline_item_change *c = &d->items[i];
        jw_object_begin(w);
        jw_kv_string(w, "id", (c->to ? c->to : c->from)->id);
        change_names_json(w, c->what);
        item_side_json(w, "from", c->from);
        item_side_json(w, "to", c->to);
        if (c->what & GUIDELINE_REMOVED) evidence_json(w, c->withdrawal);
        jw_object_end(w);
    }
    jw_array_end(w);
    jw_object_end(w);
}

/* ---- coverage ------------------------------------------------------------------------ */

static const char *status_label(const guideline_finding *f, pl_lang lang)
{
    switch (f->status) {
    case GUIDELINE_PRESENT: return pl_tr(lang, "充足", "present");
    case GUIDELINE_WEAKENED: return pl_tr(lang, "弱い表現", "weakened");
    case GUIDELINE_MISSING:
        return f->item->level == GUIDELINE_CONDITIONAL ? pl_tr(lang, "言及なし", "not mentioned")
                                                       : pl_tr(lang, "欠落", "missing");
    default: return pl_tr(lang, "判定不能", "undecided");
    }
}

static const char *where_label(guideline_where w, pl_lang lang)
{
    switch (w) {
    case GUIDELINE_IN_SECTION: return pl_tr(lang, "対応する節", "in the matching section");
    case GUIDELINE_IN_PARENT: return pl_tr(lang, "上位の節", "in the parent section");
    default: return pl_tr(lang, "対応する節の外", "outside the matching section");
    }
}

static const guideline_section_match *match_of(const guideline_coverage *c, const char *id)
{
    for (size_t i = 0; i < c->nsections; i++)
        if (strcmp(c->sections[i].section->id, id) == 0) return &c->sections[i];
    return NULL;
}

/* Sections worth a line in the text report: with --since, those added or
 * changed after it; else every 対策基準 chapter and every unmatched section. */
static bool section_worth(const guideline_coverage *c, const guideline_diff *d, size_t i)
{
    const guideline_section *s = c->sections[i].section;
    if (c->since) {
        for (size_t k = 0; k < d->nsections; k++)
            if (d->sections[k].to == s) return true;
        return false;
    }
    return s->part == GUIDELINE_PART_STANDARD && (s->depth == 1 || c->sections[i].clause < 0);
}

void guideline_coverage_write_text(const guideline_coverage *c, pl_lang lang, sbuf *out)
{
    bool ja = lang == PL_LANG_JA;
    const guideline_edition *e = c->edition;
    sbuf_printf(out, "%s %s\n", pl_tr(lang, "文書:", "document:"), c->path);
    sbuf_printf(out, "%s %s (%s)", pl_tr(lang, "ガイドライン:", "guideline:"), label(e, lang), e->id);
    if (c->since)
        sbuf_printf(out, ja ? "  — %s (%s) より後の変更のみ" : "  — only changes after %s (%s)",
                    label(c->since, lang), c->since->id);
    sbuf_putc(out, '\n');
    if (c->declared)
        sbuf_printf(out, ja ? "準拠の表明: %s (%s)%s%s\n" : "declares it follows: %s (%s)%s%s\n",
                    label(c->declared, lang), c->declared->id, *c->declared_clause ? "  " : "",
                    c->declared_clause);
    size_t matched = 0;
    for (size_t i = 0; i < c->nsections; i++) matched += c->sections[i].clause >= 0;
    if (ja) sbuf_printf(out, "\n節の対応: %zu 節中 %zu 節", c->nsections, matched);
    else sbuf_printf(out, "\nsections matched: %zu of %zu", matched, c->nsections);
    if (c->shift_known && c->shift)
        sbuf_printf(out, ja ? "（章番号のずれ %+d）" : " (chapter numbers shifted by %+d)", c->shift);
    sbuf_putc(out, '\n');
    for (size_t i = 0; i < c->nlocal_only; i++)
        sbuf_printf(out, ja ? "  独自の章等: %s %s\n" : "  local only: %s %s\n", c->local_only_path[i],
                    c->local_only_title[i]);
    guideline_diff d = {0};
    if (c->since) guideline_diff_build(c->since, e, &d);
    for (size_t i = 0; i < c->nsections; i++) {
        if (!section_worth(c, &d, i)) continue;
        const guideline_section_match *m = &c->sections[i];
        sbuf_puts(out, "  ");
        section_line(m->section, lang, out);
        sbuf_printf(out, " [%s]", guideline_confidence_name(m->section->confidence));
        if (m->clause >= 0)
            sbuf_printf(out, " → %s %s (%s %.2f)\n", m->clause_path, m->clause_title, m->basis, m->score);
        else
            sbuf_printf(out, " → %s\n", pl_tr(lang, "対応する節なし", "no matching clause"));
    }
    if (c->since) guideline_diff_free(&d);
    sbuf_printf(out, ja ? "\n要件 %zu 件: 充足 %zu、弱い表現 %zu、欠落 %zu" :
                          "\n%zu requirements: %zu present, %zu weakened, %zu missing",
                c->nfindings, c->present, c->weakened, c->missing);
    if (c->not_mentioned)
        sbuf_printf(out, ja ? "、言及なし（選択時のみ） %zu" : ", %zu options not mentioned", c->not_mentioned);
    if (c->undecided) sbuf_printf(out, ja ? "、判定不能 %zu" : ", %zu undecided", c->undecided);
    sbuf_printf(out, ja ? "（必須要件の不足 %zu）\n" : " (%zu gaps in required items)\n", c->gaps);
    for (size_t i = 0; i < c->nfindings; i++) {
        const guideline_finding *f = &c->findings[i];
        const guideline_item *it = f->item;
        const guideline_section_match *m = match_of(c, it->section);
        sbuf_putc(out, '\n');
        pad(out, status_label(f, lang), 10);
        sbuf_printf(out, "%s  %s  %s  [%s]", m ? m->section->number : "", it->id,
                    guideline_level_label(it->level, lang), guideline_confidence_name(it->confidence));
        sbuf_printf(out, ja ? "  %s（時期 [%s]）\n" : "  %s (dating [%s])\n", it->edition->id,
                    guideline_confidence_name(it->dating));
        sbuf_printf(out, "          %s\n", pl_tr(lang, it->statement_ja, it->statement_en));
        if (f->status == GUIDELINE_PRESENT || f->status == GUIDELINE_WEAKENED) {
            sbuf_printf(out, "          %s%s「%s」\n", f->clause, *f->clause ? " " : "", f->quote);
            if (f->where != GUIDELINE_IN_SECTION)
                sbuf_printf(out, "          (%s)\n", where_label(f->where, lang));
        }
        if (f->weak_text)
            sbuf_printf(out, ja ? "          弱い表現: 「%s」 — %s\n" : "          weakened by \"%s\": %s\n",
                        f->weak_text, pl_tr(lang, f->weak_label_ja, f->weak_label_en));
    }
}

static void finding_json(jw *w, const guideline_coverage *c, const guideline_finding *f, pl_lang lang)
{
    const guideline_item *it = f->item;
    const guideline_section_match *m = match_of(c, it->section);
    jw_object_begin(w);
    jw_kv_string(w, "id", it->id);
    jw_kv_string(w, "section", it->section);
    jw_kv_string(w, "number", m ? m->section->number : "");
    jw_kv_string(w, "level", guideline_level_name(it->level));
    jw_kv_string(w, "status", guideline_status_name(f->status));
    jw_kv_string(w, "statement", pl_tr(lang, it->statement_ja, it->statement_en));
    jw_kv_string(w, "since", it->since->id);
    jw_kv_string(w, "edition", it->edition->id);
    jw_kv_string(w, "confidence", guideline_confidence_name(it->confidence));
    jw_kv_string(w, "dating", guideline_confidence_name(it->dating));
    jw_sources(w, "sources", it->source);
    jw_key(w, "evidence");
    if (f->status == GUIDELINE_PRESENT || f->status == GUIDELINE_WEAKENED) {
        jw_object_begin(w);
        jw_kv_string(w, "clause", f->clause);
        jw_kv_string(w, "where", f->where == GUIDELINE_IN_SECTION  ? "section"
                                 : f->where == GUIDELINE_IN_PARENT ? "parent"
                                                                   : "elsewhere");
        jw_key(w, "location");
        jw_object_begin(w);
        if (f->loc.part) jw_kv_string(w, "part", f->loc.part);
        if (f->loc.paragraph) jw_kv_int(w, "paragraph", f->loc.paragraph);
        if (f->loc.table) {
            jw_kv_int(w, "table", f->loc.table);
            jw_kv_int(w, "row", f->loc.row);
            jw_kv_int(w, "col", f->loc.col);
        }
        jw_object_end(w);
        jw_kv_int(w, "block", (long long)f->block);
        jw_kv_string(w, "quote", f->quote);
        jw_object_end(w);
    } else {
        jw_null(w);
    }
    jw_key(w, "weakening");
    if (f->weak_text) {
        jw_object_begin(w);
        jw_kv_string(w, "text", f->weak_text);
        jw_kv_string(w, "label", pl_tr(lang, f->weak_label_ja, f->weak_label_en));
        jw_object_end(w);
    } else {
        jw_null(w);
    }
    jw_object_end(w);
}

void guideline_coverage_write_json(const guideline_coverage *c, pl_lang lang, jw *w)
{
    jw_object_begin(w);
    jw_kv_string(w, "path", c->path);
    if (c->sha256 && *c->sha256) jw_kv_string(w, "sha256", c->sha256);
    jw_kv_string(w, "edition", c->edition->id);
    jw_opt(w, "since", c->since ? c->since->id : NULL);
    jw_key(w, "declared");
    if (c->declared) {
        jw_object_begin(w);
        jw_kv_string(w, "edition", c->declared->id);
        jw_kv_string(w, "clause", c->declared_clause);
        jw_object_end(w);
    } else {
        jw_null(w);
    }
    jw_key(w, "shift");
    if (c->shift_known) jw_int(w, c->shift);
    else jw_null(w);
    jw_key(w, "sections");
    jw_array_begin(w);
    for (size_t i = 0; i < c->nsections; i++) {
        const guideline_section_match *m = &c->sections[i];
        jw_object_begin(w);
        jw_kv_string(w, "id", m->section->id);
        jw_kv_string(w, "part", guideline_part_name(m->section->part));
        jw_kv_string(w, "number", m->section->number);
        jw_kv_string(w, "title", pl_tr(lang, m->section->title_ja, m->section->title_en));
        jw_key(w, "match");
        if (m->clause >= 0) {
            jw_object_begin(w);
            jw_kv_string(w, "clause", m->clause_path);
            jw_kv_string(w, "title", m->clause_title);
            jw_kv_string(w, "basis", m->basis);
            jw_key(w, "score");
            jw_double(w, (double)(long)(m->score * 100 + 0.5) / 100);
            jw_object_end(w);
        } else {
            jw_null(w);
        }
        jw_object_end(w);
    }
    jw_array_end(w);
    jw_key(w, "local_only");
    jw_array_begin(w);
    for (size_t i = 0; i < c->nlocal_only; i++) {
        jw_object_begin(w);
        jw_kv_string(w, "clause", c->local_only_path[i]);
        jw_kv_string(w, "title", c->local_only_title[i]);
        jw_object_end(w);
    }
    jw_array_end(w);
    jw_key(w, "items");
    jw_array_begin(w);
    for (size_t i = 0; i < c->nfindings; i++) finding_json(w, c, &c->findings[i], lang);
    jw_array_end(w);
    jw_key(w, "summary");
    jw_object_begin(w);
    jw_kv_int(w, "items", (long long)c->nfindings);
    jw_kv_int(w, "present", (long long)c->present);
    jw_kv_int(w, "weakened", (long long)c->weakened);
    jw_kv_int(w, "missing", (long long)c->missing);
    jw_kv_int(w, "not_mentioned", (long long)c->not_mentioned);
    jw_kv_int(w, "undecided", (long long)c->undecided);
    jw_kv_int(w, "gaps", (long long)c->gaps);
    jw_object_end(w);
    jw_object_end(w);
}

static void h(sbuf *out, const char *s)
{
    escape_xml_str(out, s ? s : "");
}

void guideline_coverage_write_html(const guideline_coverage *c, pl_lang lang, sbuf *out)
{
    bool ja = lang == PL_LANG_JA;
    const guideline_edition *e = c->edition;
    sbuf_printf(out, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">\n<title>",
                ja ? "ja" : "en");
    h(out, pl_tr(lang, "ガイドラインとの差", "Adoption gap"));
    sbuf_puts(out, " — ");
    h(out, c->path);
    sbuf_puts(out, "</title>\n<style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse;"
                   "width:100%}td,th{border:1px solid #bbb;padding:.3em .5em;vertical-align:top;text-align:left}"
                   ".present{background:#e8f5e9}.weakened{background:#fff8e1}.missing{background:#ffebee}"
                   ".undecided{background:#eceff1}.conf{color:#555;font-size:.85em}q{quotes:\"「\" \"」\"}"
                   "</style></head><body>\n<h1>");
    h(out, pl_tr(lang, "ガイドラインとの差", "Adoption gap"));
    sbuf_puts(out, "</h1>\n<p>");
    h(out, c->path);
    sbuf_puts(out, "<br>");
    h(out, label(e, lang));
    sbuf_printf(out, " (%s)", e->id);
    if (c->since) {
        sbuf_puts(out, " — ");
        h(out, pl_tr(lang, "次の版より後の変更のみ: ", "only changes after "));
        h(out, label(c->since, lang));
    }
    if (c->declared) {
        sbuf_puts(out, "<br>");
        h(out, pl_tr(lang, "準拠の表明: ", "declares it follows: "));
        h(out, label(c->declared, lang));
        sbuf_puts(out, " ");
        h(out, c->declared_clause);
    }
    sbuf_printf(out, ja ? "</p>\n<p>要件 %zu 件: 充足 %zu、弱い表現 %zu、欠落 %zu</p>\n" :
                          "</p>\n<p>%zu requirements: %zu present, %zu weakened, %zu missing</p>\n",
                c->nfindings, c->present, c->weakened, c->missing);
    sbuf_puts(out, "<table>\n<tr><th>");
    h(out, pl_tr(lang, "判定", "status"));
    sbuf_puts(out, "</th><th>");
    h(out, pl_tr(lang, "節", "section"));
    sbuf_puts(out, "</th><th>");
    h(out, pl_tr(lang, "要件", "requirement"));
    sbuf_puts(out, "</th><th>");
    h(out, pl_tr(lang, "該当箇所", "where found"));
    sbuf_puts(out, "</th></tr>\n");
    for (size_t i = 0; i < c->nfindings; i++) {
        const guideline_finding *f = &c->findings[i];
        const guideline_item *it = f->item;
        const guideline_section_match *m = match_of(c, it->section);
        sbuf_printf(out, "<tr class=\"%s\"><td>", guideline_status_name(f->status));
        h(out, status_label(f, lang));
        sbuf_puts(out, "</td><td>");
        if (m) {
            h(out, m->section->number);
            sbuf_puts(out, " ");
            h(out, pl_tr(lang, m->section->title_ja, m->section->title_en));
        }
        sbuf_puts(out, "</td><td>");
        h(out, pl_tr(lang, it->statement_ja, it->statement_en));
        sbuf_printf(out, "<br><span class=\"conf\">%s · ", it->id);
        h(out, guideline_level_label(it->level, lang));
        sbuf_printf(out, " · [%s] · %s [%s]</span></td><td>", guideline_confidence_name(it->confidence),
                    it->edition->id, guideline_confidence_name(it->dating));
        if (f->quote) {
            h(out, f->clause);
            sbuf_puts(out, " <q>");
            h(out, f->quote);
            sbuf_puts(out, "</q>");
            if (f->weak_text) {
                sbuf_puts(out, "<br>");
                h(out, pl_tr(lang, f->weak_label_ja, f->weak_label_en));
            }
        }
        sbuf_puts(out, "</td></tr>\n");
    }
    sbuf_puts(out, "</table>\n</body></html>\n");
}

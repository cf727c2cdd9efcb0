/*
 * examples.c - `polint rules test`: every rule proves itself on its own
 * examples, through the same segmenter and engine that check real documents.
 */
#include <string.h>

#include "engine.h"
#include "util/mem.h"

static int first_bit(uint32_t mask)
{
    for (int i = 0; i < 32; i++)
        if (mask & (1u << i)) return i;
    return -1;
}

static void build_example(doc_document *d, const rule_example *ex)
{
    doc_document_init(d);
    d->info.format = DOC_FMT_DOCX;
    const char *part = doc_info_intern(&d->info, "example");
    doc_sink sink = doc_document_sink(d);
    for (size_t i = 0; i < ex->nblocks; i++) {
        const struct rule_example_block *eb = &ex->blocks[i];
        int ch = first_bit(eb->channels);
        doc_block b = {.kind = DOC_BLOCK_PARAGRAPH, .channel = ch < 0 ? DOC_CH_BODY : ch};
        b.loc.part = part;
        b.loc.paragraph = (uint32_t)i + 1;
        b.text = eb->text;
        b.len = (uint32_t)strlen(eb->text);
        b.label = eb->label;
        if (eb->label) b.label_suffix = ' ', b.list_level = 1;
        if (eb->sheet) {
            d->info.format = DOC_FMT_XLSX;
            b.kind = DOC_BLOCK_CELL;
            b.loc.paragraph = 0;
            b.loc.sheet = doc_info_intern(&d->info, eb->sheet);
            b.value_type = DOC_VAL_STRING;
        } else if (eb->table) {
            b.loc.table = eb->table;
            b.loc.table_depth = 1;
        }
        b.loc.row = eb->row;
        b.loc.col = eb->col;
        if (b.channel == DOC_CH_DELETED) b.flags |= DOC_F_TRACKED;
        sink.block(sink.ctx, &b);
    }
}

static bool parse_as_of(const char *s, text_ymd *out)
{
    if (!s || strlen(s) != 10) return false;
    out->year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    out->month = (s[5] - '0') * 10 + (s[6] - '0');
    out->day = (s[8] - '0') * 10 + (s[9] - '0');
    return text_ymd_valid(*out);
}

static size_t test_rule(const rules_context *ctx, const rules_rule *r, rules_worker *w,
                        pl_lang lang, sbuf *report, size_t *total)
{
    size_t failed = 0;
    for (size_t i = 0; i < r->nexamples; i++) {
        const rule_example *ex = &r->examples[i];
        (*total)++;
        doc_document d;
        build_example(&d, ex);
        int type = first_bit(ex->type ? ex->type : (r->napplies ? r->applies[0].types : 0));
        doc_structure st;
        doc_structure_build(&st, &d, type > 0 ? (doc_type)type : DOC_TYPE_UNKNOWN);
        rules_member m = {&d, &st};
        rules_subject subj = {&m, 1, false};
        rules_context c = *ctx;
        text_ymd as_of;
        if (parse_as_of(ex->as_of, &as_of)) c.as_of = as_of;
        rules_results res;
        rules_results_init(&res);
        engine_evaluate_rule(&c, &subj, w, r, &res);
        const char *got = rules_state_name(res.items[0].state);
        if (strcmp(got, ex->expect) != 0) {
            failed++;
            sbuf msg = SBUF_INIT;
            rules_result_message(&res.items[0], lang, &msg);
            sbuf_printf(report, "%s:%d: %s: %s %s, %s %s — %s\n", r->file, ex->line, r->id,
                        lang == PL_LANG_JA ? "例の期待" : "example expects", ex->expect,
                        lang == PL_LANG_JA ? "結果" : "got", got, sbuf_cstr(&msg));
            sbuf_free(&msg);
        }
        rules_results_free(&res);
        doc_structure_free(&st);
        doc_document_free(&d);
    }
    return failed;
}

size_t rules_test_examples(const rules_context *ctx, const char *rule_id, pl_lang lang,
                           sbuf *report, size_t *total)
{
    rules_worker *w = rules_worker_new();
    size_t failed = 0;
    *total = 0;
    for (size_t p = 0; p < ctx->set->npacks; p++)
        for (size_t k = 0; k < ctx->set->packs[p]->nrules; k++) {
            const rules_rule *r = &ctx->set->packs[p]->rules[k];
            if (rule_id && strcmp(rule_id, r->id) != 0) continue;
            failed += test_rule(ctx, r, w, lang, report, total);
        }
    rules_worker_free(w);
    return failed;
}

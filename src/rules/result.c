/*
 * result.c - results in words: the message of a rule's result and a note per
 * evidence item, in Japanese or English.
 */
#include <string.h>

#include "engine.h"

static void list(sbuf *out, const char *const *items, size_t n, bool ja)
{
    for (size_t i = 0; i < n; i++) {
        if (i) sbuf_puts(out, ja ? "、" : ", ");
        sbuf_puts(out, items[i] ? items[i] : "?");
    }
}

static void ymd(sbuf *out, text_ymd d)
{
    char buf[11];
    text_ymd_format(d, buf);
    sbuf_puts(out, buf);
}

void rules_result_message(const rules_result *r, pl_lang lang, sbuf *out)
{
    bool ja = lang == PL_LANG_JA;
    const rules_rule *rule = r->rule;
    switch (r->state) {
    case RULES_PASS:
        sbuf_puts(out, rules_rule_title(rule, lang));
        sbuf_puts(out, ja ? "：適合" : ": satisfied");
        break;
    case RULES_NOTAPPLICABLE:
        sbuf_puts(out, rules_rule_title(rule, lang));
        sbuf_puts(out, ja ? "：対象外" : ": not applicable");
        break;
    case RULES_STATE_ERROR:
        sbuf_puts(out, rules_rule_title(rule, lang));
        sbuf_puts(out, ja ? "：判定できません" : ": could not be decided");
        break;
    case RULES_FAIL: sbuf_puts(out, rules_rule_message(rule, lang)); break;
    }
    if (r->nmissing) {
        sbuf_puts(out, ja ? "（見つからない項目: " : " (missing: ");
        list(out, ja ? r->missing_ja : r->missing_en, r->nmissing, ja);
        sbuf_puts(out, ja ? "）" : ")");
    }
    /* the products that broke the rule, by name */
    size_t shown = 0;
    const char *named[3];
    for (size_t i = 0; i < r->nevidence && r->state == RULES_FAIL; i++) {
        const rules_evidence *e = &r->evidence[i];
        if (e->kind != EVIDENCE_VIOLATION || !e->product || e->date.year == 0) continue;
        bool again = false; /* one product named in many places is named once */
        for (size_t k = 0; k < shown && k < 3; k++) again |= strcmp(named[k], e->product) == 0;
        if (again) continue;
        if (shown == 3) {
            sbuf_puts(out, ja ? " ほか" : " and more");
            break;
        }
        sbuf_puts(out, shown ? (ja ? "、" : "; ") : (ja ? "：" : ": "));
        sbuf_puts(out, e->product);
        sbuf_puts(out, ja ? "（サポート終了 " : " (support ends ");
        ymd(out, e->date);
        sbuf_puts(out, ja ? "）" : ")");
        named[shown++] = e->product;
    }
    if (r->edition) {
        sbuf_puts(out, ja ? "（" : " (");
        sbuf_puts(out, ja ? (r->edition_inferred ? "改正日から見て最新でも " : "準拠: ")
                          : (r->edition_inferred ? "by its revision date at best " : "follows "));
        sbuf_puts(out, ja ? r->edition->label_ja : r->edition->label_en);
        for (size_t i = 0; i < r->neditions_since; i++) {
            const rules_edition *e = &r->editions_since[i];
            sbuf_puts(out, i ? (ja ? "；" : "; ") : (ja ? "。その後の版: " : "; since then: "));
            sbuf_puts(out, ja ? e->label_ja : e->label_en);
            const char *sum = ja ? e->summary_ja : e->summary_en;
            if (sum && *sum) sbuf_printf(out, ja ? "（%s）" : " (%s)", sum);
        }
        sbuf_puts(out, ja ? "）" : ")");
    }
    if ((r->state != RULES_FAIL || !r->nevidence) && r->detail_ja) {
        sbuf_puts(out, ja ? " — " : " - ");
        sbuf_puts(out, ja ? r->detail_ja : r->detail_en);
    }
    if (r->state == RULES_FAIL && !r->nevidence) {
        sbuf_printf(out, ja ? "（検査した段落・セル: %u）" : " (searched %u paragraphs or cells)",
                    r->searched_blocks);
    }
}

void rules_evidence_note(const rules_evidence *e, pl_lang lang, sbuf *out)
{
    bool ja = lang == PL_LANG_JA;
    const char *about = ja ? e->about_ja : e->about_en;
    switch (e->kind) {
    case EVIDENCE_FOUND:
        sbuf_puts(out, ja ? "該当箇所" : "found");
        break;
    case EVIDENCE_VIOLATION:
        if (e->product && e->date.year) {
            sbuf_printf(out, "%s: ", e->product);
            sbuf_puts(out, ja ? "サポート終了 " : "support ends ");
            ymd(out, e->date);
            sbuf_puts(out, ja ? "（基準日 " : " (before ");
            ymd(out, e->limit_date);
            sbuf_puts(out, ja ? " より前）" : ")");
        } else if (e->limit) {
            sbuf_printf(out, ja ? "値 %g（上限 %g）" : "value %g (limit %g)", e->value, e->limit);
        } else {
            sbuf_puts(out, ja ? "違反" : "violation");
        }
        break;
    case EVIDENCE_MENTION: sbuf_puts(out, ja ? "言及箇所" : "mentioned"); break;
    case EVIDENCE_PRODUCT:
        sbuf_printf(out, "%s: ", e->product ? e->product : "?");
        if (e->date.year == RULES_NO_END.year) {
            sbuf_puts(out, ja ? "サポート終了の告知なし" : "no announced end of support");
        } else {
            sbuf_puts(out, ja ? "サポート期限 " : "supported until ");
            ymd(out, e->date);
        }
        break;
    case EVIDENCE_UNDECIDED:
        sbuf_printf(out, ja ? "%s: バージョン不明" : "%s: version not stated",
                    e->product ? e->product : "?");
        break;
    case EVIDENCE_VALUE:
        if (e->date.year) {
            sbuf_puts(out, ja ? "期間の終わり " : "term ends ");
            ymd(out, e->date);
        } else {
            sbuf_printf(out, ja ? "値 %g（上限 %g）" : "value %g (limit %g)", e->value, e->limit);
        }
        break;
    case EVIDENCE_FILE: sbuf_puts(out, ja ? "該当箇所" : "here"); break;
    }
    if (about) sbuf_printf(out, ja ? "（%s）" : " (%s)", about);
}

/*
 * variants.c - one spelling per word.
 *
 * Contracts and policies write the same word several ways: okurigana (取り扱い
 * 取扱い 取扱), kana or kanji (あらかじめ 予め), a long vowel or none (サーバー
 * サーバ), small or large kana (ウィルス ウイルス), counters (3ヶ月 3カ月 3箇月).
 * The normaliser rewrites each to one canonical spelling so that a pattern
 * written once finds them all.
 *
 * How the canonical form is chosen:
 *   - okurigana: the noun with every okurigana dropped (取扱, 引渡, 申込,
 *     手続, 問合), the form 公用文 uses for compound nouns. Verbs follow because
 *     the stem is rewritten (取り扱う → 取扱う);
 *   - kana or kanji: the 公用文 form (及び 又は 並びに 若しくは ただし あらかじめ
 *     おおむね 漏えい 改ざん ぜい弱);
 *   - loanwords: JIS Z 8301 style without the final ー (サーバ ユーザ データ
 *     コンピュータ), ウイルス and インタフェース as in JIS and 公用文;
 *   - never a canonical form that is another word: 組み合わせ → 組合せ, not 組合
 *     (a union); 一致して must not produce いたし, so 致す is left alone; 行ない
 *     is left alone because 銀行ないし would turn into 銀行いし.
 *
 * Matching happens as the normaliser writes its output: after a character that
 * ends some entry, the entries ending in it are compared with the tail of the
 * output and the first (longest) match is replaced. So entries are written in
 * normalised form, and a stem entry (取り扱 → 取扱) fires before a longer
 * entry could see the original (取り扱い), which is why the list needs only
 * 取り扱 and 取扱い to cover 取り扱い, 取扱い, 取り扱う.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "util/utf8.h"

#define N TX_VAR_AFTER_NUMERAL

/* clang-format off */
static const struct {
    const char *from, *to;
    unsigned char flags;
} data[] = {
    /* okurigana: stems, then the noun ending */
    {"取り扱", "取扱", 0}, {"取扱い", "取扱", 0},
    {"引き渡", "引渡", 0}, {"引渡し", "引渡", 0},
    {"申し込", "申込", 0}, {"申込み", "申込", 0},
    {"手続き", "手続", 0},
    {"問い合", "問合", 0}, {"問合わせ", "問合", 0}, {"問合せ", "問合", 0},
    {"打ち合", "打合", 0}, {"打合わせ", "打合", 0}, {"打合せ", "打合", 0},
    {"申し合", "申合", 0}, {"申合わせ", "申合", 0}, {"申合せ", "申合", 0},
    {"話し合", "話合", 0}, {"話合い", "話合", 0},
    {"取り消", "取消", 0}, {"取消し", "取消", 0},
    {"貼り付", "貼付", 0}, {"貼付け", "貼付", 0},
    {"受け付", "受付", 0}, {"受付け", "受付", 0},
    {"取り付", "取付", 0}, {"取付け", "取付", 0},
    {"備え付", "備付", 0}, {"備付け", "備付", 0},
    {"据え付", "据付", 0}, {"据付け", "据付", 0},
    {"立ち入", "立入", 0}, {"立入り", "立入", 0},
    {"立ち会", "立会", 0}, {"立会い", "立会", 0},
    {"書き換", "書換", 0}, {"書換え", "書換", 0},
    {"差し替", "差替", 0}, {"差替え", "差替", 0},
    {"入れ替", "入替", 0}, {"入替え", "入替", 0},
    {"切り替", "切替", 0}, {"切替え", "切替", 0},
    {"取り替", "取替", 0}, {"取替え", "取替", 0},
    {"振り替", "振替", 0}, {"振替え", "振替", 0},
    {"割り当", "割当", 0}, {"割当て", "割当", 0},
    {"見積も", "見積", 0}, {"見積り", "見積", 0},
    {"支払い", "支払", 0},
    {"払い込", "払込", 0}, {"払込み", "払込", 0},
    {"振り込", "振込", 0}, {"振込み", "振込", 0},
    {"払い戻", "払戻", 0}, {"払戻し", "払戻", 0},
    {"取り組", "取組", 0}, {"取組み", "取組", 0},
    {"取り決", "取決", 0}, {"取決め", "取決", 0},
    {"引き継", "引継", 0}, {"引継ぎ", "引継", 0},
    {"書き込", "書込", 0}, {"書込み", "書込", 0},
    {"読み取", "読取", 0}, {"読取り", "読取", 0},
    {"持ち出", "持出", 0}, {"持出し", "持出", 0},
    {"持ち込", "持込", 0}, {"持込み", "持込", 0},
    {"取り出", "取出", 0}, {"取出し", "取出", 0},
    {"取り外", "取外", 0}, {"取外し", "取外", 0},
    {"取り下", "取下", 0}, {"取下げ", "取下", 0},
    {"貸し出", "貸出", 0}, {"貸出し", "貸出", 0},
    {"締め切", "締切", 0}, {"締切り", "締切", 0},
    {"繰り越", "繰越", 0}, {"繰越し", "繰越", 0},
    {"受け渡", "受渡", 0}, {"受渡し", "受渡", 0},
    {"差し押", "差押", 0}, {"差押さえ", "差押", 0}, {"差押え", "差押", 0},
    {"届け出", "届出", 0},
    {"申し出", "申出", 0},
    {"申し立", "申立", 0}, {"申立て", "申立", 0},
    {"組み合わせ", "組合せ", 0}, {"組合わせ", "組合せ", 0}, {"組み合せ", "組合せ", 0},
    {"行なう", "行う", 0}, {"行なわ", "行わ", 0}, {"行なっ", "行っ", 0}, {"行なえ", "行え", 0},
    {"基く", "基づく", 0}, {"基き", "基づき", 0},

    /* kana or kanji */
    {"漏洩", "漏えい", 0}, {"漏泄", "漏えい", 0},
    {"改竄", "改ざん", 0}, {"隠蔽", "隠ぺい", 0}, {"脆弱", "ぜい弱", 0}, {"捏造", "ねつ造", 0},
    {"補填", "補てん", 0}, {"充填", "充てん", 0}, {"順守", "遵守", 0},
    {"添附", "添付", 0}, {"附属", "付属", 0}, {"附帯", "付帯", 0}, {"寄附", "寄付", 0},
    {"個所", "箇所", 0},
    {"予め", "あらかじめ", 0}, {"および", "及び", 0}, {"または", "又は", 0},
    {"ならびに", "並びに", 0}, {"もしくは", "若しくは", 0}, {"但し", "ただし", 0},
    {"すべて", "全て", 0}, {"且つ", "かつ", 0}, {"於いて", "おいて", 0}, {"於て", "おいて", 0},
    {"したがって", "従って", 0}, {"すみやかに", "速やかに", 0}, {"ただちに", "直ちに", 0},
    {"概ね", "おおむね", 0}, {"すでに", "既に", 0}, {"下さい", "ください", 0},
    {"出来る", "できる", 0}, {"出来な", "できな", 0}, {"出来ま", "できま", 0},
    {"出来ず", "できず", 0}, {"亘って", "わたって", 0}, {"亙って", "わたって", 0},
    {"亘り", "わたり", 0}, {"の通り", "のとおり", 0},

    /* loanwords */
    {"ウィルス", "ウイルス", 0}, {"ヴィールス", "ウイルス", 0},
    {"サーバー", "サーバ", 0}, {"ユーザー", "ユーザ", 0}, {"コンピューター", "コンピュータ", 0},
    {"データー", "データ", 0}, {"プリンター", "プリンタ", 0}, {"フォルダー", "フォルダ", 0},
    {"ブラウザー", "ブラウザ", 0}, {"ルーター", "ルータ", 0}, {"エディター", "エディタ", 0},
    {"スキャナー", "スキャナ", 0}, {"ドライバー", "ドライバ", 0},
    {"パラメーター", "パラメータ", 0}, {"プロバイダー", "プロバイダ", 0},
    {"ベンダー", "ベンダ", 0}, {"コントローラー", "コントローラ", 0}, {"メンバー", "メンバ", 0},
    {"マネジャ", "マネージャ", 0}, {"マネージャー", "マネージャ", 0},
    {"ヘッダー", "ヘッダ", 0}, {"フッター", "フッタ", 0}, {"レイヤー", "レイヤ", 0},
    {"カテゴリー", "カテゴリ", 0}, {"ディレクトリー", "ディレクトリ", 0},
    {"ライブラリー", "ライブラリ", 0}, {"リポジトリー", "リポジトリ", 0},
    {"メモリー", "メモリ", 0}, {"エントリー", "エントリ", 0}, {"バッテリー", "バッテリ", 0},
    {"リティー", "リティ", 0}, {"プロパティー", "プロパティ", 0},
    {"コミュニティー", "コミュニティ", 0},
    {"インターフェース", "インタフェース", 0}, {"インターフェイス", "インタフェース", 0},
    {"インタフェイス", "インタフェース", 0},
    {"ファイヤーウォール", "ファイアウォール", 0}, {"ファイアーウォール", "ファイアウォール", 0},
    {"ファイヤウォール", "ファイアウォール", 0},
    {"ディスプレー", "ディスプレイ", 0}, {"ウエア", "ウェア", 0}, {"ウエブ", "ウェブ", 0},

    /* counters, only after a numeral: 霞ヶ関 and 龍ケ崎 keep their ヶ/ケ */
    {"ヶ月", "か月", N}, {"ヵ月", "か月", N}, {"カ月", "か月", N}, {"ケ月", "か月", N},
    {"箇月", "か月", N}, {"个月", "か月", N},
    {"ヶ年", "か年", N}, {"ヵ年", "か年", N}, {"カ年", "か年", N}, {"ケ年", "か年", N},
    {"箇年", "か年", N},
    {"ヶ所", "箇所", N}, {"ヵ所", "箇所", N}, {"カ所", "箇所", N}, {"ケ所", "箇所", N},
    {"か所", "箇所", N},
    {"ヶ国", "か国", N}, {"ヵ国", "か国", N}, {"カ国", "か国", N}, {"ケ国", "か国", N},
    {"箇国", "か国", N},
};

#undef N
/* clang-format on */

enum { N_VARIANTS = sizeof data / sizeof data[0] };
static tx_variant index_[N_VARIANTS];

static uint32_t last_cp(const char *s, size_t n)
{
    size_t i = n;
    while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
        i--;
    uint32_t cp = 0;
    if (i > 0) utf8_decode(s + i - 1, n - i + 1, &cp);
    return cp;
}

/* Sorted by last code point, longest first within one. */
static int by_last(const void *a, const void *b)
{
    const tx_variant *x = a, *y = b;
    if (x->last != y->last) return x->last < y->last ? -1 : 1;
    return (int)y->from_len - (int)x->from_len;
}

void tx_variants_build(void)
{
    for (size_t i = 0; i < N_VARIANTS; i++) {
        tx_variant *v = &index_[i];
        v->from = data[i].from;
        v->to = data[i].to;
        v->from_len = (unsigned char)strlen(v->from);
        v->to_len = (unsigned char)strlen(v->to);
        v->flags = data[i].flags;
        v->last = last_cp(v->from, v->from_len);
    }
    qsort(index_, N_VARIANTS, sizeof index_[0], by_last);
}

const tx_variant *tx_variants_ending_in(uint32_t cp, size_t *count)
{
    size_t lo = 0, hi = N_VARIANTS;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (index_[mid].last < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t end = lo;
    while (end < N_VARIANTS && index_[end].last == cp)
        end++;
    *count = end - lo;
    return end > lo ? &index_[lo] : NULL;
}

void tx_variants_each_last(void (*fn)(uint32_t cp, void *ctx), void *ctx)
{
    for (size_t i = 0; i < N_VARIANTS; i++)
        fn(index_[i].last, ctx);
}

size_t tx_variant_count(void)
{
    return N_VARIANTS;
}

const tx_variant *tx_variant_at(size_t i)
{
    tx_tables_init();
    return i < N_VARIANTS ? &index_[i] : NULL;
}

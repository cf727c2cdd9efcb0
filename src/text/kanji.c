/*
 * kanji.c - old character forms (旧字体) and their current forms (新字体).
 *
 * Municipal texts keep old forms in quoted laws, ordinances from before 1946,
 * names of places and organisations and scanned documents: 條例, 國, 號, 證明,
 * 舊, 區長, 縣. The table maps each old form to the form of the 常用漢字表 (or the
 * 人名用漢字 form for names), one character to one character, and never onto
 * a character that is itself an old form, so one look-up is enough. A few
 * name variants that are not 旧字体 but are typed for them are included
 * (髙 → 高, 﨑 → 崎, 嶋 → 島, 𠮷 → 吉). 棄 is the current form and stays.
 * Compatibility ideographs (U+F900..U+FAFF, e.g. 神 U+FA19) are left to NFKC
 * in normalize.c; 﨑 is here because NFKC keeps it.
 *
 * The pairs are a string so that they can be read and checked by eye; they
 * are decoded and sorted once (tx_tables_init).
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "util/utf8.h"

/* old form, current form, old form, current form ... */
static const char pairs[] =
    "亞亜惡悪壓圧圍囲爲為醫医壹壱稻稲飮飲隱隠營営榮栄衞衛驛駅圓円鹽塩緣縁艷艶奧奥應応"
    "歐欧毆殴櫻桜假仮價価畫画會会囘回壞壊懷懐繪絵槪概擴拡殼殻覺覚學学嶽岳樂楽渴渇罐缶"
    "卷巻陷陥勸勧寬寛關関歡歓觀観巖巌顏顔歸帰氣気龜亀僞偽戲戯犧犠舊旧據拠擧挙峽峡挾挟"
    "狹狭曉暁區区驅駆勳勲徑径莖茎惠恵揭掲溪渓經経繼継螢蛍輕軽鷄鶏藝芸擊撃缺欠儉倹劍剣"
    "圈圏檢検權権獻献縣県險険顯顕驗験嚴厳效効廣広恆恒鑛鉱號号國国黑黒碎砕濟済齋斎劑剤"
    "册冊雜雑參参慘惨棧桟蠶蚕贊賛殘残絲糸齒歯兒児辭辞濕湿實実舍舎寫写釋釈壽寿收収從従"
    "澁渋獸獣縱縦肅粛處処緖緒敍叙將将燒焼稱称涉渉證証奬奨條条狀状乘乗淨浄剩剰疊畳孃嬢"
    "讓譲釀醸觸触囑嘱眞真寢寝愼慎盡尽粹粋醉酔穗穂隨随髓髄樞枢數数瀨瀬聲声靜静齊斉攝摂"
    "竊窃專専戰戦淺浅潛潜纖繊踐践錢銭禪禅雙双壯壮搜捜插挿爭争總総聰聡莊荘裝装騷騒增増"
    "藏蔵臟臓卽即屬属續続墮堕體体對対帶帯滯滞臺台瀧滝擇択澤沢單単擔担膽胆團団彈弾斷断"
    "癡痴遲遅晝昼蟲虫鑄鋳廳庁聽聴敕勅鎭鎮遞逓鐵鉄轉転點点傳伝黨党盜盗燈灯當当鬪闘鬭闘"
    "德徳獨独讀読屆届繩縄貳弐惱悩腦脳霸覇廢廃拜拝賣売麥麦發発髮髪拔抜蠻蛮祕秘濱浜濵浜"
    "甁瓶拂払佛仏竝並變変邊辺邉辺辨弁瓣弁辯弁舖舗步歩寶宝豐豊襃褒沒没飜翻每毎萬万滿満"
    "默黙彌弥譯訳藥薬與与豫予餘余譽誉搖揺樣様謠謡來来賴頼亂乱覽覧龍竜兩両獵猟綠緑淚涙"
    "壘塁勵励禮礼隸隷靈霊齡齢戀恋爐炉勞労樓楼郞郎錄録灣湾曆暦歷歴卻却姊姉尙尚巢巣徵徴"
    "戶戸敎教晚晩歲歳淸清溫温瘦痩硏研稅税絕絶虛虚蟬蝉鄕郷醬醤鍊錬閱閲靑青黃黄內内吳呉"
    "圖図髙高﨑崎嶋島𠮷吉";

typedef struct kanji_pair {
    uint32_t old_form, new_form;
} kanji_pair;

enum { MAX_PAIRS = 400 };
static kanji_pair table[MAX_PAIRS];
static size_t table_len;

static int by_old(const void *a, const void *b)
{
    uint32_t x = ((const kanji_pair *)a)->old_form, y = ((const kanji_pair *)b)->old_form;
    return (x > y) - (x < y);
}

void tx_kanji_build(void)
{
    size_t i = 0, n = sizeof pairs - 1;
    table_len = 0;
    while (i < n && table_len < MAX_PAIRS) {
        uint32_t a, b;
        size_t ka = utf8_decode(pairs + i, n - i, &a);
        size_t kb = ka ? utf8_decode(pairs + i + ka, n - i - ka, &b) : 0;
        if (!ka || !kb) break; /* cannot happen: the string is checked by a test */
        table[table_len++] = (kanji_pair){a, b};
        i += ka + kb;
    }
    qsort(table, table_len, sizeof table[0], by_old);
}

uint32_t tx_kanji_new_form(uint32_t cp)
{
    size_t lo = 0, hi = table_len;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (table[mid].old_form < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < table_len && table[lo].old_form == cp ? table[lo].new_form : 0;
}

size_t tx_kanji_table_size(void)
{
    tx_tables_init();
    return table_len;
}

void tx_kanji_table_pair(size_t i, uint32_t *old_form, uint32_t *new_form)
{
    tx_tables_init();
    *old_form = i < table_len ? table[i].old_form : 0;
    *new_form = i < table_len ? table[i].new_form : 0;
}

#include "status.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

typedef struct status_text {
    const char *name; /* stable id for JSON and scripts */
    const char *ja;
    const char *en;
} status_text;

static const status_text TEXTS[PL_STATUS_COUNT] = {
    [PL_OK] = {"OK", "正常", "ok"},
    [PL_E_IO] = {"IO", "ファイルを開けない、または読めません", "cannot open or read the file"},
    [PL_E_EMPTY] = {"EMPTY", "空のファイルです（0バイト）", "the file is empty (0 bytes)"},
    [PL_E_FILE_TOO_LARGE] = {"FILE_TOO_LARGE", "ファイルが大きすぎます",
                             "the file is larger than the input limit"},
    [PL_E_NOT_DOCUMENT] = {"NOT_DOCUMENT", "Word/Excel 文書（DOCX/XLSX）ではありません",
                           "not a Word or Excel document (DOCX/XLSX)"},
    [PL_E_ENCRYPTED] = {"ENCRYPTED",
                        "パスワードで保護（暗号化）されています。保護を解除してから検査してください",
                        "the file is password-protected (encrypted); remove the protection and "
                        "check it again"},
    [PL_E_LEGACY_DOC] = {"LEGACY_DOC",
                         "旧形式の Word 文書（.doc）です。DOCX 形式で保存し直してください",
                         "legacy Word 97-2003 document (.doc); save it as DOCX"},
    [PL_E_LEGACY_XLS] = {"LEGACY_XLS",
                         "旧形式の Excel ブック（.xls）です。XLSX 形式で保存し直してください",
                         "legacy Excel 97-2003 workbook (.xls); save it as XLSX"},
    [PL_E_LEGACY_OTHER] = {"LEGACY_OTHER", "旧形式（OLE 複合ファイル）の文書で、読み取れません",
                           "legacy compound (OLE) file that polint cannot read"},
    [PL_E_ODF] = {"ODF", "OpenDocument 形式（.odt/.ods）です。DOCX/XLSX 形式で保存し直してください",
                  "OpenDocument file (.odt/.ods); save it as DOCX or XLSX"},
    [PL_E_UNSUPPORTED_TYPE] = {"UNSUPPORTED_TYPE", "対応していない種類の Office 文書です",
                               "unsupported kind of Office document"},
    [PL_E_ZIP_CORRUPT] = {"ZIP_CORRUPT", "ファイルが壊れているか途中で切れています（ZIP 構造の異常）",
                          "the file is damaged or truncated (broken zip structure)"},
    [PL_E_ZIP_UNSUPPORTED] = {"ZIP_UNSUPPORTED",
                              "ZIP の暗号化または未対応の圧縮方式が使われています",
                              "zip encryption or an unsupported compression method is used"},
    [PL_E_ZIP_DUPLICATE] = {"ZIP_DUPLICATE", "同じ名前の部品が重複しています",
                            "two parts have the same name"},
    [PL_E_TOO_MANY_ENTRIES] = {"TOO_MANY_ENTRIES", "部品の数が上限を超えています",
                               "the package has more entries than the limit"},
    [PL_E_PART_TOO_LARGE] = {"PART_TOO_LARGE", "部品の展開後サイズが上限を超えています",
                             "a part inflates beyond the size limit"},
    [PL_E_PACKAGE_TOO_LARGE] = {"PACKAGE_TOO_LARGE", "展開後の合計サイズが上限を超えています",
                                "the package inflates beyond the total size limit"},
    [PL_E_RATIO] = {"COMPRESSION_RATIO",
                    "圧縮率が異常に高い部品があります（ZIP 爆弾の疑い）",
                    "a part has an abnormal compression ratio (possible zip bomb)"},
    [PL_E_SIZE_MISMATCH] = {"ZIP_SIZE_MISMATCH", "部品の実際のサイズが記録されたサイズと異なります",
                            "a part inflates past its declared size"},
    [PL_E_MISSING_PART] = {"MISSING_PART", "必要な部品が見つかりません", "a required part is missing"},
    [PL_E_DTD] = {"DTD_FORBIDDEN", "XML に DOCTYPE（DTD）宣言があります（OOXML では禁止）",
                  "the XML contains a DOCTYPE (DTDs are forbidden in OOXML)"},
    [PL_E_TOO_DEEP] = {"TOO_DEEP", "XML 要素の入れ子が深すぎます",
                       "XML elements are nested too deeply"},
    [PL_E_XML] = {"XML_MALFORMED", "XML の構文が正しくありません", "malformed XML"},
    [PL_E_ENCODING] = {"XML_ENCODING", "XML の文字コードが UTF-8/UTF-16 ではありません",
                       "the XML encoding is not UTF-8 or UTF-16"},
    [PL_E_UTF8] = {"INVALID_UTF8", "不正な UTF-8 のバイト列があります",
                   "invalid UTF-8 byte sequence"},
    [PL_E_LIMIT] = {"LIMIT", "安全のための上限を超えました", "a safety limit was exceeded"},
    [PL_E_PACK] = {"INVALID_PACK", "ルールパックまたは設定ファイルに誤りがあります",
                   "invalid rule pack or configuration file"},
    [PL_E_USAGE] = {"USAGE", "コマンドの使い方が正しくありません", "usage error"},
    [PL_E_NOMEM] = {"NOMEM", "メモリが足りません", "out of memory"},
    [PL_E_INTERNAL] = {"INTERNAL", "内部エラー", "internal error"},
};

void pl_error_clear(pl_error *err)
{
    if (!err) return;
    memset(err, 0, sizeof *err);
    err->offset = err->value = err->limit = -1;
}

pl_status pl_error_set(pl_error *err, pl_status status, const char *part, const char *fmt, ...)
{
    if (!err) return status;
    /* Keep the first error: later ones are usually consequences of it. */
    if (err->status != PL_OK) return err->status;
    err->status = status;
    if (part) snprintf(err->part, sizeof err->part, "%s", part);
    if (fmt) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->detail, sizeof err->detail, fmt, ap);
        va_end(ap);
    }
    return status;
}

const char *pl_status_name(pl_status status)
{
    if (status < 0 || status >= PL_STATUS_COUNT) return "UNKNOWN";
    return TEXTS[status].name;
}

void pl_error_format(const pl_error *err, pl_lang lang, sbuf *out)
{
    pl_status s = err->status;
    if (s < 0 || s >= PL_STATUS_COUNT) s = PL_E_INTERNAL;
    sbuf_puts(out, pl_tr(lang, TEXTS[s].ja, TEXTS[s].en));
    bool ja = lang == PL_LANG_JA;
    if (err->part[0] && s == PL_E_PACK) {
        /* compiler style, so editors can jump to the line */
        sbuf_printf(out, ja ? "（%s:%ld）" : " (%s:%ld)", err->part, err->line);
    } else if (err->part[0]) {
        sbuf_puts(out, ja ? "（部品 " : " (part ");
        sbuf_puts(out, err->part);
        if (err->line > 0)
            sbuf_printf(out, ja ? " %ld行 %ld列" : ", line %ld column %ld", err->line, err->column);
        else if (err->offset >= 0)
            sbuf_printf(out, ja ? " %lldバイト目" : ", byte %lld", err->offset);
        sbuf_puts(out, ja ? "）" : ")");
    } else if (err->offset >= 0) {
        sbuf_printf(out, ja ? "（%lldバイト目）" : " (at byte %lld)", err->offset);
    }
    if (s == PL_E_SIZE_MISMATCH && err->limit >= 0) {
        /* the "limit" of a size mismatch is what the headers declared */
        sbuf_printf(out, ja ? "：%lld バイト以上（記録は %lld バイト）" : ": at least %lld bytes (declared %lld)",
                    err->value, err->limit);
    } else if (err->limit >= 0) {
        if (err->value >= 0)
            sbuf_printf(out, ja ? "：%lld（上限 %lld）" : ": %lld (limit %lld)", err->value,
                        err->limit);
        else
            sbuf_printf(out, ja ? "：上限 %lld" : ": limit %lld", err->limit);
    }
    if (err->detail[0]) {
        sbuf_puts(out, ja ? " — " : " - ");
        sbuf_puts(out, err->detail);
    }
}

/*
 * docx.c - the 新旧対照表 as a Word document, to paste into a 決裁.
 *
 * One two-column table, 改正後 | 改正前 as amendment tables have them, the
 * header row repeated on every page; one row per changed unit, each cell
 * holding that side's paragraphs with the changed parts underlined (傍線).
 * Units only renumbered read 「第４条　（略）」 with the number underlined; a
 * new unit has （新設） opposite, a removed one （削る）; runs of unchanged
 * units become one （略） row. A4 landscape, Mincho.
 *
 * The WordprocessingML package is written here, part by part, and zipped in
 * memory with libzip: content types, relationships, document, styles,
 * settings and the core/app properties. Only elements that Word, LibreOffice
 * and polint's own reader all know are used, and every part is a fixed
 * template filled with escaped text, so the output is well-formed whatever
 * the documents contain. Entry dates are fixed, so the same comparison gives
 * the same bytes.
 */
#include <string.h>
#include <zip.h>

#include "internal.h"
#include "util/escape.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define PR_NS "http://schemas.openxmlformats.org/package/2006/relationships"
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

/* A4 landscape in twentieths of a point, 20 mm margins: two columns of 7285. */
#define PAGE_W 16838
#define PAGE_H 11906
#define MARGIN 1134
#define COL_W ((PAGE_W - 2 * MARGIN) / 2)

typedef struct dw {
    const diff_result *r;
    const diff_render *o;
    sbuf *out;
} dw;

/* ---- runs and paragraphs ------------------------------------------------------ */

static void run(sbuf *out, const char *s, size_t n, bool underline)
{
    sbuf_puts(out, "<w:r>");
    if (underline) sbuf_puts(out, "<w:rPr><w:u w:val=\"single\"/></w:rPr>");
    sbuf_puts(out, "<w:t xml:space=\"preserve\">");
    size_t from = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && s[i] != '\t' && s[i] != '\n') continue;
        escape_xml(out, s + from, i - from);
        if (i < n && s[i] == '\t')
            sbuf_puts(out, " ｜ ");
        else if (i < n)
            sbuf_puts(out, "</w:t><w:br/><w:t xml:space=\"preserve\">");
        from = i + 1;
    }
    sbuf_puts(out, "</w:t></w:r>");
}

static void para_begin(sbuf *out)
{
    sbuf_puts(out, "<w:p><w:pPr><w:spacing w:after=\"0\"/><w:ind w:left=\"210\" w:hanging=\"210\"/>"
                   "</w:pPr>");
}

static void para_end(sbuf *out)
{
    sbuf_puts(out, "</w:p>");
}

static void note_para(sbuf *out, const char *s)
{
    para_begin(out);
    run(out, s, strlen(s), false);
    para_end(out);
}

static void w_line_start(void *ctx, const diff_line *line, bool label_changed)
{
    dw *d = ctx;
    para_begin(d->out);
    if (line->label) {
        run(d->out, line->label, strlen(line->label), label_changed);
        if (line->len) run(d->out, DIFF_LABEL_SEP, strlen(DIFF_LABEL_SEP), false);
    }
}

static void w_run(void *ctx, const char *s, size_t n, bool changed)
{
    run(((dw *)ctx)->out, s, n, changed);
}

static void w_line_end(void *ctx, const diff_line *line)
{
    (void)line;
    para_end(((dw *)ctx)->out);
}

/* ---- cells and rows ------------------------------------------------------------- */

static void cell_begin(sbuf *out)
{
    sbuf_printf(out, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/></w:tcPr>", COL_W);
}

/* The lines of one side of an entry, or note when that side has none. */
static void side_cell(dw *d, const diff_entry *e, bool old_side, const char *note)
{
    cell_begin(d->out);
    size_t before = d->out->len;
    uint32_t count = old_side ? e->old_count : e->new_count;
    if (count) {
        diff_side_walker w = {d, w_line_start, w_run, w_line_end};
        for (uint32_t k = 0; k < e->npairs; k++) {
            const diff_line_pair *p = &d->r->pairs[e->first_pair + k];
            if (old_side ? p->old_count : p->new_count) diff_walk_side(d->r, p, old_side, &w);
        }
    } else if (note) {
        note_para(d->out, note);
    }
    if (d->out->len == before) sbuf_puts(d->out, "<w:p/>"); /* a cell needs a paragraph */
    sbuf_puts(d->out, "</w:tc>");
}

static void abbreviated_cell(dw *d, const diff_unit *u)
{
    cell_begin(d->out);
    if (u->caption && u->kind == DIFF_UNIT_ARTICLE) {
        para_begin(d->out);
        sbuf_puts(d->out, "<w:r><w:t xml:space=\"preserve\">（");
        escape_xml_str(d->out, u->caption);
        sbuf_puts(d->out, "）</w:t></w:r>");
        para_end(d->out);
    }
    para_begin(d->out);
    const char *label = u->label ? u->label : u->path;
    run(d->out, label, strlen(label), true);
    run(d->out, DIFF_LABEL_SEP "（略）", strlen(DIFF_LABEL_SEP "（略）"), false);
    para_end(d->out);
    sbuf_puts(d->out, "</w:tc>");
}

static void entry_row(dw *d, const diff_entry *e)
{
    const diff_result *r = d->r;
    bool en = d->o->lang == PL_LANG_EN;
    sbuf_puts(d->out, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
    if (e->status == DIFF_RENUMBERED && e->renumbered && !d->o->all) {
        abbreviated_cell(d, &r->new.units[e->new_first]);
        abbreviated_cell(d, &r->old.units[e->old_first]);
    } else {
        side_cell(d, e, false, en ? "(removed)" : "（削る）");
        side_cell(d, e, true, en ? "(new)" : "（新設）");
    }
    sbuf_puts(d->out, "</w:tr>");
}

static void plain_row(dw *d, const char *left, const char *right, bool header)
{
    sbuf_puts(d->out, "<w:tr>");
    if (header) sbuf_puts(d->out, "<w:trPr><w:tblHeader/></w:trPr>");
    const char *texts[2] = {left, right};
    for (int k = 0; k < 2; k++) {
        sbuf_printf(d->out, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>%s</w:tcPr>", COL_W,
                    header ? "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E7E6E6\"/>" : "");
        sbuf_puts(d->out,
                  "<w:p><w:pPr><w:spacing w:after=\"0\"/><w:jc w:val=\"center\"/></w:pPr><w:r>");
        if (header) sbuf_puts(d->out, "<w:rPr><w:b/></w:rPr>");
        sbuf_puts(d->out, "<w:t>");
        escape_xml_str(d->out, texts[k]);
        sbuf_puts(d->out, "</w:t></w:r></w:p></w:tc>");
    }
    sbuf_puts(d->out, "</w:tr>");
}

static void document_xml(const diff_result *r, const diff_render *o, sbuf *out)
{
    bool en = o->lang == PL_LANG_EN;
    dw d = {r, o, out};
    sbuf_puts(out, XML_DECL "<w:document xmlns:w=\"" W_NS "\" xmlns:r=\"" R_NS "\"><w:body>");
    sbuf_puts(out,
              "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val=\"28\"/>"
              "</w:rPr><w:t>新旧対照表</w:t></w:r></w:p>");
    sbuf_puts(out,
              "<w:p><w:pPr><w:jc w:val=\"right\"/></w:pPr><w:r><w:rPr><w:sz w:val=\"18\"/></w:rPr>"
              "<w:t xml:space=\"preserve\">");
    sbuf_puts(out, en ? "New: " : "改正後：");
    escape_xml_str(out, o->new_name ? o->new_name : r->new.doc->info.path);
    sbuf_puts(out, en ? "　Old: " : "　改正前：");
    escape_xml_str(out, o->old_name ? o->old_name : r->old.doc->info.path);
    sbuf_puts(out, "</w:t></w:r></w:p>");

    sbuf_printf(out,
                "<w:tbl><w:tblPr><w:tblW w:w=\"%d\" w:type=\"dxa\"/><w:tblBorders>"
                "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar>"
                "<w:left w:w=\"85\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/>"
                "</w:tblCellMar><w:tblLook w:val=\"0000\"/></w:tblPr>"
                "<w:tblGrid><w:gridCol w:w=\"%d\"/><w:gridCol w:w=\"%d\"/></w:tblGrid>",
                2 * COL_W, COL_W, COL_W);
    plain_row(&d, en ? "New (改正後)" : "改正後", en ? "Old (改正前)" : "改正前", true);
    bool omitting = false;
    size_t rows = 0;
    for (size_t i = 0; i < r->nentries; i++) {
        const diff_entry *e = &r->entries[i];
        if (!o->all && !diff_entry_shown(e)) {
            omitting = true;
            continue;
        }
        if (omitting) plain_row(&d, "（略）", "（略）", false), rows++;
        omitting = false;
        entry_row(&d, e);
        rows++;
    }
    if (omitting || rows == 0) plain_row(&d, "（略）", "（略）", false);
    sbuf_puts(out, "</w:tbl>");
    sbuf_printf(out,
                "<w:p><w:pPr><w:spacing w:before=\"120\"/></w:pPr><w:r><w:rPr><w:sz w:val=\"18\"/>"
                "</w:rPr><w:t>%s</w:t></w:r></w:p>",
                en ? "Underlined: the parts that change (傍線部分は改正部分)."
                   : "備考　表中の傍線を付した部分は改正部分である。");
    sbuf_printf(
        out,
        "<w:sectPr><w:pgSz w:w=\"%d\" w:h=\"%d\" w:orient=\"landscape\"/>"
        "<w:pgMar w:top=\"%d\" w:right=\"%d\" w:bottom=\"%d\" w:left=\"%d\" w:header=\"567\" "
        "w:footer=\"567\" w:gutter=\"0\"/><w:cols w:space=\"425\"/>"
        "<w:docGrid w:type=\"lines\" w:linePitch=\"360\"/></w:sectPr>",
        PAGE_W, PAGE_H, MARGIN, MARGIN, MARGIN, MARGIN);
    sbuf_puts(out, "</w:body></w:document>");
}

/* ---- the other parts ------------------------------------------------------------ */

static const char CONTENT_TYPES[] = XML_DECL
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" "
    "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-"
    "officedocument.wordprocessingml.document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-"
    "officedocument.wordprocessingml.styles+xml\"/>"
    "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-"
    "officedocument.wordprocessingml.settings+xml\"/>"
    "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-"
    "package.core-properties+xml\"/>"
    "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-"
    "officedocument.extended-properties+xml\"/>"
    "</Types>";

static const char PACKAGE_RELS[] = XML_DECL
    "<Relationships xmlns=\"" PR_NS "\">"
    "<Relationship Id=\"rId1\" Type=\"" R_NS "/officeDocument\" Target=\"word/document.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/"
    "metadata/core-properties\" Target=\"docProps/core.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"" R_NS "/extended-properties\" Target=\"docProps/app.xml\"/>"
    "</Relationships>";

static const char DOCUMENT_RELS[] =
    XML_DECL "<Relationships xmlns=\"" PR_NS "\">"
             "<Relationship Id=\"rId1\" Type=\"" R_NS "/styles\" Target=\"styles.xml\"/>"
             "<Relationship Id=\"rId2\" Type=\"" R_NS "/settings\" Target=\"settings.xml\"/>"
             "</Relationships>";

static const char STYLES[] = XML_DECL
    "<w:styles xmlns:w=\"" W_NS "\">"
    "<w:docDefaults><w:rPrDefault><w:rPr>"
    "<w:rFonts w:ascii=\"Century\" w:eastAsia=\"ＭＳ 明朝\" w:hAnsi=\"Century\" w:cs=\"Times New "
    "Roman\"/>"
    "<w:kern w:val=\"2\"/><w:sz w:val=\"21\"/><w:szCs w:val=\"22\"/>"
    "<w:lang w:val=\"en-US\" w:eastAsia=\"ja-JP\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
    "<w:pPrDefault><w:pPr><w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults>"
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"a\"><w:name w:val=\"Normal\"/>"
    "<w:qFormat/><w:pPr><w:widowControl w:val=\"0\"/></w:pPr></w:style>"
    "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"a1\"><w:name w:val=\"Normal Table\"/>"
    "<w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" "
    "w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" "
    "w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
    "</w:tblCellMar></w:tblPr></w:style>"
    "</w:styles>";

static const char SETTINGS[] = XML_DECL
    "<w:settings xmlns:w=\"" W_NS "\"><w:zoom w:percent=\"100\"/>"
    "<w:defaultTabStop w:val=\"840\"/><w:characterSpacingControl w:val=\"compressPunctuation\"/>"
    "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/"
    "office/word\" w:val=\"15\"/></w:compat></w:settings>";

static void core_xml(const diff_render *o, sbuf *out)
{
    sbuf_puts(
        out, XML_DECL
        "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/"
        "core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\""
        "http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        "<dc:title>新旧対照表</dc:title><dc:creator>polint</dc:creator><dc:description>");
    escape_xml_str(out, o->old_name);
    sbuf_puts(out, " → ");
    escape_xml_str(out, o->new_name);
    sbuf_puts(out, "</dc:description></cp:coreProperties>");
}

/* AppVersion must look like NN.NNNN, so polint's own version is not put there. */
static const char APP[] = XML_DECL
    "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "extended-properties\"><Application>polint</Application><AppVersion>1.0000</AppVersion>"
    "</Properties>";

/* ---- zip ----------------------------------------------------------------------- */

static pl_status zip_failed(pl_error *err, zip_t *z, const char *what)
{
    return pl_error_set(err, PL_E_INTERNAL, NULL, "%s: %s", what, z ? zip_strerror(z) : "libzip");
}

pl_status diff_write_docx(const diff_result *r, const diff_render *o, sbuf *out, pl_error *err)
{
    sbuf doc = SBUF_INIT, core = SBUF_INIT;
    document_xml(r, o, &doc);
    core_xml(o, &core);
    struct {
        const char *name;
        const char *data;
        size_t len;
    } parts[] = {
        {"[Content_Types].xml", CONTENT_TYPES, sizeof CONTENT_TYPES - 1},
        {"_rels/.rels", PACKAGE_RELS, sizeof PACKAGE_RELS - 1},
        {"word/document.xml", sbuf_cstr(&doc), doc.len},
        {"word/_rels/document.xml.rels", DOCUMENT_RELS, sizeof DOCUMENT_RELS - 1},
        {"word/styles.xml", STYLES, sizeof STYLES - 1},
        {"word/settings.xml", SETTINGS, sizeof SETTINGS - 1},
        {"docProps/core.xml", sbuf_cstr(&core), core.len},
        {"docProps/app.xml", APP, sizeof APP - 1},
    };
    pl_status st = PL_OK;
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *mem = zip_source_buffer_create(NULL, 0, 0, &ze);
    zip_t *z = NULL;
    if (!mem) {
        st = pl_error_set(err, PL_E_INTERNAL, NULL, "zip buffer: %s", zip_error_strerror(&ze));
        goto done;
    }
    zip_source_keep(mem); /* still ours after zip_close, to read the bytes back */
    z = zip_open_from_source(mem, ZIP_TRUNCATE, &ze);
    if (!z) {
        st = pl_error_set(err, PL_E_INTERNAL, NULL, "zip open: %s", zip_error_strerror(&ze));
        goto done;
    }
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        zip_source_t *s = zip_source_buffer(z, parts[i].data, parts[i].len, 0);
        zip_int64_t idx = s ? zip_file_add(z, parts[i].name, s, ZIP_FL_ENC_UTF_8) : -1;
        if (idx < 0) {
            if (s) zip_source_free(s);
            st = zip_failed(err, z, parts[i].name);
            goto done;
        }
        zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_DEFLATE, 0);
        zip_file_set_mtime(z, (zip_uint64_t)idx, 315964800, 0); /* 1980-01-06: fixed bytes */
    }
    if (zip_close(z) < 0) {
        st = zip_failed(err, z, "zip close");
        zip_discard(z);
        z = NULL;
        goto done;
    }
    z = NULL;
    zip_stat_t zs;
    if (zip_source_stat(mem, &zs) < 0 || zip_source_open(mem) < 0) {
        st = pl_error_set(err, PL_E_INTERNAL, NULL, "zip read back");
        goto done;
    }
    sbuf_reserve(out, (size_t)zs.size);
    char buf[8192];
    zip_int64_t got;
    while ((got = zip_source_read(mem, buf, sizeof buf)) > 0)
        sbuf_append(out, buf, (size_t)got);
    zip_source_close(mem);
    if (got < 0) st = pl_error_set(err, PL_E_INTERNAL, NULL, "zip read back");
done:
    if (z) zip_discard(z);
    if (mem) zip_source_free(mem);
    sbuf_free(&doc);
    sbuf_free(&core);
    return st;
}

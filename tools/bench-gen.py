#!/usr/bin/python3
"""Generates the benchmark corpus for `make bench` (nothing is downloaded).

Documents are shaped like the real thing, because XML shape decides parsing
cost: Word-style WordprocessingML with rsid-split runs, run properties on
every run, automatic 第%1条 numbering and tables; LibreOffice-style
SpreadsheetML with shared strings and era date formats.

  contracts/  400 contract-sized DOCX (about 200-300 KB of XML each)
  ledgers/    asset ledgers of 500 to 20,000 rows
  large/      three multi-MB DOCX (thousands of articles)

usage: bench-gen.py OUTDIR
"""
import os
import random
import sys
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"

WORDS = ("甲 乙 委託 業務 個人情報 適正 取扱い 必要 措置 報告 安全管理 権限 再委託 書面 承諾 "
         "監査 記録 保存 廃棄 媒体 持出し 暗号化 認証 規程 遵守 違反 損害賠償 責任 解除 通知 期限 "
         "秘密 保持 返還 消去 従事者 教育 事故 発生 直ちに 速やかに 契約 期間 満了 終了 場合 "
         "ただし あらかじめ 承認 得て 行う ものとする しなければならない 前項 規定 次の各号").split()
PARTICLES = "はがをにでとのへも、"


def sentence(rng):
    parts = []
    for _ in range(rng.randint(6, 14)):
        parts.append(rng.choice(WORDS))
        parts.append(rng.choice(PARTICLES))
    return "".join(parts) + "。"


def rsid(rng):
    return "00%06X" % rng.randint(0, 0xFFFFFF)


def run(rng, text):
    return ('<w:r w:rsidR="%s"><w:rPr><w:rFonts w:ascii="ＭＳ 明朝" w:eastAsia="ＭＳ 明朝" '
            'w:hAnsi="ＭＳ 明朝" w:hint="eastAsia"/><w:sz w:val="21"/><w:szCs w:val="21"/>'
            '</w:rPr><w:t xml:space="preserve">%s</w:t></w:r>' % (rsid(rng), text))


def paragraph(rng, text, num=None):
    ppr = '<w:pPr><w:pStyle w:val="a3"/>'
    if num:
        ppr += '<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="1"/></w:numPr>' % num
    ppr += '<w:ind w:left="210" w:hanging="210"/></w:pPr>'
    # Word splits text into runs at edit boundaries: 2-5 runs per paragraph.
    cuts = sorted(rng.sample(range(1, max(2, len(text))), min(rng.randint(1, 4), len(text) - 1)))
    pieces = [text[a:b] for a, b in zip([0] + cuts, cuts + [len(text)])]
    return ('<w:p w:rsidR="%s" w:rsidRDefault="%s">%s%s</w:p>'
            % (rsid(rng), rsid(rng), ppr, "".join(run(rng, p) for p in pieces)))


def table(rng, rows, cols):
    out = ['<w:tbl><w:tblPr><w:tblStyle w:val="a5"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
           '<w:tblGrid>' + '<w:gridCol w:w="2000"/>' * cols + '</w:tblGrid>']
    for _ in range(rows):
        out.append('<w:tr>')
        for _ in range(cols):
            out.append('<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>%s</w:tc>'
                       % paragraph(rng, rng.choice(WORDS) + rng.choice(WORDS)))
        out.append('</w:tr>')
    out.append('</w:tbl>')
    return "".join(out)


NUMBERING = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="%s">'
             '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>'
             '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimalFullWidth"/>'
             '<w:lvlText w:val="第%%1条"/><w:lvlJc w:val="left"/></w:lvl>'
             '<w:lvl w:ilvl="1"><w:start w:val="2"/><w:numFmt w:val="decimalFullWidth"/>'
             '<w:lvlText w:val="%%2"/><w:lvlJc w:val="left"/></w:lvl>'
             '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimalFullWidth"/>'
             '<w:lvlText w:val="（%%3）"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>'
             '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>' % W)


def styles():
    # Word's styles.xml is large: latent styles and many definitions.
    latent = "".join('<w:lsdException w:name="style %d" w:uiPriority="%d"/>' % (i, i)
                     for i in range(300))
    defs = "".join('<w:style w:type="paragraph" w:styleId="s%d"><w:name w:val="style %d"/>'
                   '<w:basedOn w:val="a"/><w:rPr><w:sz w:val="21"/></w:rPr></w:style>' % (i, i)
                   for i in range(60))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="%s">'
            '<w:latentStyles>%s</w:latentStyles><w:style w:type="paragraph" w:default="1" '
            'w:styleId="a"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" '
            'w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr>'
            '</w:style>%s</w:styles>' % (W, latent, defs))


STYLES = None


def write_docx(path, body):
    global STYLES
    if STYLES is None:
        STYLES = styles()
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="%s" '
           'xmlns:r="%s"><w:body>%s<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>'
           '</w:body></w:document>' % (W, R, body))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="%s">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                   '</Types>' % CT)
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="%s"><Relationship Id="rId1" '
                   'Type="%s/officeDocument" Target="word/document.xml"/></Relationships>' % (PKG, R))
        z.writestr("word/_rels/document.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="%s">'
                   '<Relationship Id="rId1" Type="%s/styles" Target="styles.xml"/>'
                   '<Relationship Id="rId2" Type="%s/numbering" Target="numbering.xml"/>'
                   '</Relationships>' % (PKG, R, R))
        z.writestr("word/document.xml", doc)
        z.writestr("word/styles.xml", STYLES)
        z.writestr("word/numbering.xml", NUMBERING)


def contract_body(rng, articles):
    out = [paragraph(rng, "業務委託契約書")]
    for _ in range(articles):
        out.append(paragraph(rng, "（" + rng.choice(WORDS) + "）"))
        out.append(paragraph(rng, sentence(rng), num=0))
        for _ in range(rng.randint(1, 4)):
            out.append(paragraph(rng, sentence(rng) + sentence(rng), num=1))
        if rng.random() < 0.3:
            for _ in range(rng.randint(2, 5)):
                out.append(paragraph(rng, sentence(rng), num=2))
        if rng.random() < 0.05:
            out.append(table(rng, rng.randint(3, 8), rng.randint(2, 5)))
    return "".join(out)


def write_xlsx(path, rows, rng):
    oses = ["Windows 7 Professional", "Windows 10 Pro", "Windows 11 Pro", "Windows Server 2012 R2",
            "Red Hat Enterprise Linux 7", "Windows XP", "Ｗｉｎｄｏｗｓ　１０"]
    places = ["本庁舎2階 情報政策課", "第二庁舎 税務課", "保健センター", "市民課窓口", "図書館"]
    strings, index = [], {}

    def sst(s):
        if s not in index:
            index[s] = len(strings)
            strings.append(s)
        return index[s]

    header = ["管理番号", "機器名", "OS", "取得日", "リース期間（月）", "設置場所", "インターネット接続", "備考"]
    out = ['<row r="1">' + "".join('<c r="%s1" t="s"><v>%d</v></c>' % (chr(65 + i), sst(h))
                                   for i, h in enumerate(header)) + '</row>']
    for r in range(2, rows + 2):
        serial = rng.randint(40000, 46000)
        cells = [
            '<c r="A%d" t="s"><v>%d</v></c>' % (r, sst("PC-%05d" % r)),
            '<c r="B%d" t="s"><v>%d</v></c>' % (r, sst("端末%d号機" % (r % 300))),
            '<c r="C%d" t="s"><v>%d</v></c>' % (r, sst(rng.choice(oses))),
            '<c r="D%d" s="1"><v>%d</v></c>' % (r, serial),
            '<c r="E%d"><v>%d</v></c>' % (r, rng.choice([36, 48, 60, 72])),
            '<c r="F%d" t="s"><v>%d</v></c>' % (r, sst(rng.choice(places))),
            '<c r="G%d" t="s"><v>%d</v></c>' % (r, sst(rng.choice(["有", "無"]))),
            '<c r="H%d" t="s"><v>%d</v></c>' % (r, sst(rng.choice(["", "更新予定", "スタンドアロン"]) or "-")),
        ]
        out.append('<row r="%d">%s</row>' % (r, "".join(cells)))
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="%s">'
             '<sheetData>%s</sheetData></worksheet>' % (S, "".join(out)))
    shared = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="%s" count="%d" '
              'uniqueCount="%d">%s</sst>' % (S, len(strings), len(strings),
                                            "".join("<si><t>%s</t></si>" % s for s in strings)))
    styles_xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="%s">'
                  '<numFmts count="1"><numFmt numFmtId="176" formatCode="[$-411]ggge&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>'
                  '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="176" applyNumberFormat="1"/></cellXfs>'
                  '</styleSheet>' % S)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="%s">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   '</Types>' % CT)
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="%s"><Relationship Id="rId1" '
                   'Type="%s/officeDocument" Target="xl/workbook.xml"/></Relationships>' % (PKG, R))
        z.writestr("xl/workbook.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="%s" xmlns:r="%s"><sheets>'
                   '<sheet name="機器台帳" sheetId="1" r:id="rId1"/></sheets></workbook>' % (S, R))
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="%s">'
                   '<Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/>'
                   '<Relationship Id="rId2" Type="%s/sharedStrings" Target="sharedStrings.xml"/>'
                   '<Relationship Id="rId3" Type="%s/styles" Target="styles.xml"/>'
                   '</Relationships>' % (PKG, R, R, R))
        z.writestr("xl/worksheets/sheet1.xml", sheet)
        z.writestr("xl/sharedStrings.xml", shared)
        z.writestr("xl/styles.xml", styles_xml)


def main():
    out = sys.argv[1]
    rng = random.Random(20261122)
    for sub in ("contracts", "ledgers", "large"):
        os.makedirs(os.path.join(out, sub), exist_ok=True)
    for i in range(400):
        write_docx(os.path.join(out, "contracts", "contract-%03d.docx" % i),
                   contract_body(rng, rng.randint(25, 45)))
    for i, rows in enumerate([500, 1000, 2000, 5000, 10000, 20000]):
        write_xlsx(os.path.join(out, "ledgers", "ledger-%02d-%05d.xlsx" % (i, rows)), rows, rng)
    for i, articles in enumerate([2000, 4000, 8000]):
        write_docx(os.path.join(out, "large", "large-%d.docx" % i), contract_body(rng, articles))


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Writes tanmatsu-chintaishaku-shiyosho.docx with python-docx (Debian 0.8.11).

A procurement specification for leased office PCs: Windows 10 Pro and
Office 2019 on a 5-year lease from 令和3年4月1日 (to 令和8年3月31日).
Usage: tanmatsu-chintaishaku-shiyosho.py OUT.docx
"""
import datetime
import sys

import docx
from docx.oxml.ns import qn


def east_asian_font(style, name):
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), name)


def main(out):
    d = docx.Document()
    for name, font in (("Normal", "ＭＳ 明朝"), ("Title", "ＭＳ ゴシック"), ("Heading 1", "ＭＳ ゴシック")):
        east_asian_font(d.styles[name], font)
    d.add_heading("庁内端末賃貸借仕様書", level=0)
    d.add_heading("１　件名", level=1)
    d.add_paragraph("　庁内端末賃貸借")
    d.add_heading("２　賃貸借期間", level=1)
    d.add_paragraph("　令和３年４月１日から令和８年３月３１日まで（５年間）")
    d.add_heading("３　賃貸借物品", level=1)
    rows = [
        ("品名", "数量", "仕様"),
        ("デスクトップ型端末", "３５０台", "OS：Windows 10 Pro（64ビット版）"),
        ("", "", "Microsoft Office Professional 2019"),
        ("ノート型端末", "５０台", "OS：Windows 10 Pro（64ビット版）"),
    ]
    t = d.add_table(rows=len(rows), cols=3)
    t.style = "Table Grid"
    for r, values in enumerate(rows):
        for c, v in enumerate(values):
            if v:
                t.cell(r, c).text = v
    t.cell(1, 0).merge(t.cell(2, 0))
    t.cell(1, 1).merge(t.cell(2, 1))
    d.add_heading("４　機能要件", level=1)
    for text in (
        "端末へのログオンは利用者ごとのIDとパスワードによる認証とし、パスワードは８文字以上とすること。",
        "利用者ごとにファイル及びフォルダへのアクセス権限を設定できること。",
        "端末の記憶装置は暗号化すること。",
        "ウイルス対策ソフトウェアを導入し、パターンファイルを自動で更新すること。",
    ):
        d.add_paragraph(text, style="List Number")
    d.add_heading("５　作業上の留意事項", level=1)
    d.add_paragraph("　受注者は、本業務の履行に当たり知り得た情報を第三者に漏らしてはならない。"
                    "賃貸借期間の満了後も同様とする。")
    d.add_paragraph("　受注者は、賃貸借期間の満了後、端末を撤去する前に記憶装置内のデータを復元不可能な方法で"
                    "消去し、消去証明書を発注者に提出すること。")
    d.add_paragraph("　なお、インターネットに接続しない端末についても、前項までの要件を満たすものとする。")
    sec = d.sections[0]
    sec.header.paragraphs[0].text = "若葉市総務部情報政策課"
    cp = d.core_properties
    cp.title = "庁内端末賃貸借仕様書"
    cp.author = "情報政策課"
    cp.last_modified_by = "情報政策課"
    cp.created = cp.modified = datetime.datetime(2020, 11, 20, 9, 0, 0)
    d.save(out)


if __name__ == "__main__":
    main(sys.argv[1])

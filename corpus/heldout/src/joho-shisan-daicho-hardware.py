#!/usr/bin/python3
"""Writes joho-shisan-daicho-hardware.xlsx with openpyxl (Debian 3.0.9; inline strings).

Held-out ledger: 東雲市 情報資産管理台帳（ハードウェア）. A title row and a blank row
above the header; the OS column is headed OS名, the start 導入日, the term
使用期間（月） in months. Dates as serials (西暦 and era formats) and as text
(令和２年１０月１日, H28.2.1, full-width ２０２３/４/１, R4.10.1). Windows 8.1 on a
standalone PC and Ubuntu 20.04 LTS (standard support ended 2025-05-31; ESM is a paid
extension) are past support; Windows 10 Enterprise LTSC 2021 is supported today but not
to the end of its 60 months; Windows 11 Pro without a release is the current line.
Usage: joho-shisan-daicho-hardware.py OUT.xlsx
"""
import datetime
import sys

import openpyxl

ERA = '[$-411]ggge"年"m"月"d"日"'
YMD = "yyyy/m/d"


def main(out):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "ハードウェア"
    ws.append(["情報資産管理台帳（ハードウェア）　令和８年１０月１日現在"])
    ws.append([])
    ws.append(["資産番号", "資産名", "設置場所", "OS名", "導入日", "使用期間（月）", "ネットワーク", "備考"])
    rows = [
        ("HW-0101", "住民窓口端末", "市民課", "Windows 11 Pro", (datetime.date(2024, 4, 1), YMD), 60, "LGWAN接続系", None),
        ("HW-0102", "財務会計サーバ", "本庁舎サーバ室", "Windows Server 2019 Standard", "令和２年１０月１日", 84, "LGWAN接続系", None),
        ("HW-0103", "GIS閲覧端末", "都市計画課", "Windows 8.1 Pro", "H28.2.1", 60, "スタンドアロン", "インターネット接続なし。更新予定なし"),
        ("HW-0104", "観光案内Webサーバ", "外部データセンター", "Ubuntu 20.04 LTS", (datetime.date(2021, 7, 1), ERA), 60, "インターネット接続系", "ESM未契約"),
        ("HW-0105", "文書管理DBサーバ", "本庁舎サーバ室", "Oracle Linux 8", "２０２３/４/１", 72, "LGWAN接続系", None),
        ("HW-0106", "庁内LAN共用端末", "総務課", "Windows 10 Enterprise LTSC 2021", "R4.10.1", 60, "LGWAN接続系", None),
        ("HW-0107", "複合機", "各課", None, (datetime.date(2022, 9, 1), YMD), 60, "LGWAN接続系", "OSなし"),
    ]
    for row in rows:
        values = list(row)
        fmt = None
        if isinstance(values[4], tuple):
            values[4], fmt = values[4]
        ws.append(values)
        if fmt:
            ws.cell(row=ws.max_row, column=5).number_format = fmt
    wb.properties.title = "情報資産管理台帳（ハードウェア）"
    wb.properties.creator = "総務部情報政策課"
    wb.properties.created = wb.properties.modified = datetime.datetime(2026, 10, 1, 9, 0, 0)
    wb.save(out)


if __name__ == "__main__":
    main(sys.argv[1])

#!/usr/bin/python3
"""Writes kiki-daicho-hoikuka.xlsx with openpyxl (Debian 3.0.9; inline strings).

保育課 機器台帳: every OS named is supported on 2026-11-22 and stays supported until the end
of its lease (two rows end within weeks of the support end: Ubuntu 22.04 LTS and Windows 11
Enterprise 25H2). Era-formatted date serials, text dates, terms in months or years.
Usage: kiki-daicho-hoikuka.py OUT.xlsx
"""
import datetime
import sys

import openpyxl
from openpyxl.styles import Font

ERA = '[$-411]ggge"年"m"月"d"日"'


def main(out):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "機器台帳"
    ws.append(["若葉市健康福祉部保育課　機器台帳（令和８年１０月１日現在）"])
    ws["A1"].font = Font(bold=True)
    ws.append(["管理番号", "機器名", "設置場所", "OS", "取得区分", "リース開始日", "リース期間", "インターネット接続", "備考"])
    rows = [
        ("HK-01", "保育課事務用端末（８台）", "保育課", "Windows 10 Enterprise LTSC 2021", "リース",
         datetime.date(2022, 4, 1), "４８か月", "無", "LGWAN接続系"),
        ("HK-02", "保育管理ファイルサーバ", "本庁舎サーバ室", "Windows Server 2022 Standard", "リース",
         datetime.date(2023, 7, 1), "60箇月", "無", ""),
        ("HK-03", "入所申込受付サーバ", "データセンター", "Ubuntu 22.04 LTS", "リース",
         "令和6年4月1日", "3年", "有", "電子申請連携"),
        ("HK-04", "登降園管理サーバ", "データセンター", "Red Hat Enterprise Linux 9.4", "リース",
         "R5.10.1", "60か月", "有", ""),
        ("HK-05", "複合機", "保育課", "－", "リース", datetime.date(2023, 7, 1), "60箇月", "無", "OSなし（組込み）"),
        ("HK-06", "園務用ノート端末（１５台）", "市立保育園５園", "Windows 11 Enterprise 25H2", "リース",
         datetime.date(2025, 10, 1), "３６か月", "有", "令和７年度更新"),
    ]
    for row in rows:
        ws.append(list(row))
        if isinstance(row[5], datetime.date):
            ws.cell(row=ws.max_row, column=6).number_format = ERA
    for col, width in zip("ABCDEFGHI", (10, 26, 16, 30, 10, 18, 10, 10, 18)):
        ws.column_dimensions[col].width = width
    wb.properties.title = "機器台帳（保育課）"
    wb.properties.creator = "保育課"
    wb.properties.created = wb.properties.modified = datetime.datetime(2026, 10, 1, 9, 0, 0)
    wb.save(out)


if __name__ == "__main__":
    main(sys.argv[1])

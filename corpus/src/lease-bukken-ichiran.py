#!/usr/bin/python3
"""Writes lease-bukken-ichiran.xlsx with openpyxl (Debian 3.0.9; inline strings).

A lease ledger: lease start as a date serial with an era format, the term in
months or years as text, OS names as people type them.
Usage: lease-bukken-ichiran.py OUT.xlsx
"""
import datetime
import sys

import openpyxl

ERA = '[$-411]ggge"年"m"月"d"日"'


def main(out):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "リース物件一覧"
    ws.append(["物件番号", "物件名", "OS", "リース開始日", "リース期間", "設置場所", "インターネット接続", "担当課"])
    rows = [
        ("L-001", "窓口受付端末", "Windows 8.1 Pro", datetime.date(2015, 10, 1), "１０年", "市民課", "無", "市民課"),
        ("L-002", "住民情報端末", "Windows 10 Enterprise LTSC 2019", datetime.date(2020, 11, 2), "60箇月", "本庁舎２階", "無", "情報政策課"),
        ("L-003", "ファイルサーバ", "Windows Server 2016", datetime.date(2022, 4, 1), "７年", "サーバ室", "無", "情報政策課"),
        ("L-004", "施設予約サーバ", "CentOS 7", "H30.4.1", "60箇月", "データセンター", "有", "文化振興課"),
        ("L-005", "電子申請端末", "Windows 11 Pro", datetime.date(2024, 4, 1), "５年", "企画課", "有", "企画課"),
    ]
    for row in rows:
        ws.append(list(row))
        if isinstance(row[3], datetime.date):
            ws.cell(row=ws.max_row, column=4).number_format = ERA
    wb.properties.title = "リース物件一覧"
    wb.properties.creator = "財政課"
    wb.properties.created = wb.properties.modified = datetime.datetime(2024, 5, 7, 9, 0, 0)
    wb.save(out)


if __name__ == "__main__":
    main(sys.argv[1])

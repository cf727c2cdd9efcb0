#!/usr/bin/python3
"""Writes kiki-daicho-shisho.xlsx with openpyxl (Debian 3.0.9; inline strings).

支所 機器台帳 typed by hand over the years: OS names as people write them (Windows10 Pro,
full-width Ｗｉｎｄｏｗｓ　１０, WindowsXP, Windows 7 SP1, Red Hat Enterprise Linux 8,
Windows Server 2012 R2), dates as text (令和元年, R3.4.1, full-width digits, a western
date with slashes) next to a date serial, terms as text, and スタンドアロン / インターネット
接続 無 columns that must not excuse anything.
Usage: kiki-daicho-shisho.py OUT.xlsx
"""
import datetime
import sys

import openpyxl

ERA = '[$-411]ggge"年"m"月"d"日"'


def main(out):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "東支所"
    ws.append(["No.", "機器名称", "OS", "取得日", "使用期間", "インターネット接続", "運用形態", "所管"])
    rows = [
        (1, "住民票等発行端末", "Windows10 Pro", "令和元年10月1日", "５年", "無", "LGWAN接続", "東支所"),
        (2, "窓口受付端末", "Ｗｉｎｄｏｗｓ　１０", "R3.4.1", "60か月", "無", "LGWAN接続", "東支所"),
        (3, "証明書自動交付機制御端末", "Windows 7 SP1", "平成２７年４月１日", "５年", "無", "スタンドアロン", "東支所"),
        (4, "旧戸籍検索端末", "WindowsXP", "H21.3.2", "60箇月", "無", "スタンドアロン", "東支所"),
        (5, "支所業務サーバ", "Red Hat Enterprise Linux 8", "２０２２/４/１", "７年", "無", "LGWAN接続", "情報政策課"),
        (6, "支所ファイルサーバ", "Windows Server 2012 R2", datetime.date(2019, 4, 1), "5年", "無", "LGWAN接続", "情報政策課"),
    ]
    for row in rows:
        ws.append(list(row))
        if isinstance(row[3], datetime.date):
            ws.cell(row=ws.max_row, column=4).number_format = ERA
    ws.append([])
    ws.append(["※ スタンドアロン端末はネットワークに接続していないため、OSの更新は不要として運用している。"])
    wb.properties.title = "機器台帳（東支所）"
    wb.properties.creator = "東支所"
    wb.properties.created = wb.properties.modified = datetime.datetime(2026, 4, 10, 9, 0, 0)
    wb.save(out)


if __name__ == "__main__":
    main(sys.argv[1])

#!/usr/bin/python3
"""Writes tanmatsu-lease-fumei.xlsx with openpyxl (Debian 3.0.9; inline strings).

端末リース一覧 in which one row names only "Windows" (the version was never recorded):
its support cannot be decided. The other rows are supported through their leases.
Usage: tanmatsu-lease-fumei.py OUT.xlsx
"""
import datetime
import sys

import openpyxl

ERA = '[$-411]ggge"年"m"月"d"日"'


def main(out):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "端末リース"
    ws.append(["番号", "物件名", "OS", "リース開始日", "リース期間", "台数", "設置場所"])
    rows = [
        ("T-01", "観光案内端末", "Windows（バージョン不明）", datetime.date(2024, 7, 1), "60か月", 6, "観光案内所"),
        ("T-02", "施設管理サーバ", "Windows Server 2025 Standard", datetime.date(2025, 4, 1), "5年", 1, "本庁舎サーバ室"),
        ("T-03", "オープンデータ公開サーバ", "Ubuntu 24.04 LTS", datetime.date(2024, 10, 1), "48か月", 1, "データセンター"),
    ]
    for row in rows:
        ws.append(list(row))
        ws.cell(row=ws.max_row, column=4).number_format = ERA
    wb.properties.title = "端末リース一覧（商工観光課）"
    wb.properties.creator = "商工観光課"
    wb.properties.created = wb.properties.modified = datetime.datetime(2026, 5, 12, 9, 0, 0)
    wb.save(out)


if __name__ == "__main__":
    main(sys.argv[1])

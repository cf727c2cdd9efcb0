#!/usr/bin/python3
"""Writes kaitori-kiki-ichiran.xlsx with openpyxl (Debian 3.0.9; inline strings).

リース満了後に買い取って使い続けている機器の一覧: each lease ended before the OS's support
did (so no lease outlived its OS), but CentOS 6 and Windows Server 2008 R2 are still in
use today. Start and end dates as serials (yyyy"年"m"月"d"日" and ge.m.d without a locale
prefix), no term column.
Usage: kaitori-kiki-ichiran.py OUT.xlsx
"""
import datetime
import sys

import openpyxl

SEIREKI = 'yyyy"年"m"月"d"日"'
RYAKU = 'ge.m.d'


def main(out):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "買取物件"
    ws.append(["物件番号", "物件名", "OS", "リース開始日", "リース終了日", "現在の状況", "所管課"])
    rows = [
        ("K-101", "下水道台帳システムサーバ", "CentOS 6.10", datetime.date(2015, 4, 1), datetime.date(2020, 3, 31),
         "リース満了後に買取り、使用継続", "下水道課"),
        ("K-102", "公営住宅管理サーバ", "Windows Server 2008 R2 SP1", datetime.date(2014, 4, 1),
         datetime.date(2019, 3, 31), "リース満了後に買取り、使用継続", "住宅課"),
        ("K-103", "防災情報配信サーバ", "Windows Server 2022 Standard", datetime.date(2023, 4, 3),
         datetime.date(2028, 3, 31), "リース中", "危機管理課"),
    ]
    for row in rows:
        ws.append(list(row))
        r = ws.max_row
        ws.cell(row=r, column=4).number_format = SEIREKI
        ws.cell(row=r, column=5).number_format = RYAKU
    wb.properties.title = "買取物件一覧"
    wb.properties.creator = "財政課"
    wb.properties.created = wb.properties.modified = datetime.datetime(2026, 6, 1, 9, 0, 0)
    wb.save(out)


if __name__ == "__main__":
    main(sys.argv[1])

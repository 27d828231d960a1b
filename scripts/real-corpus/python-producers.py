"""Writes the table of data.json with openpyxl and XlsxWriter (Debian's python3-openpyxl and
python3-xlsxwriter), each in the ways it naturally writes. Run by scripts/make-real-corpus.sh.
Usage: python3 python-producers.py <out folder>"""
import datetime
import json
import os
import sys

import openpyxl
import xlsxwriter
from openpyxl.worksheet.table import Table, TableStyleInfo

OUT = sys.argv[1]
HERE = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(HERE, "data.json"), encoding="utf-8") as f:
    DATA = json.load(f)
WRITTEN = []
FIXED = datetime.datetime(2026, 1, 5, 8, 0, 0)


def date_of(v):
    return datetime.datetime.strptime(v["date"], "%Y-%m-%d")


def done(file, producer, features, expect=None):
    entry = {"file": file, "producer": producer, "features": features}
    if expect:
        entry["expect"] = expect
    WRITTEN.append(entry)


def sheets():
    return [(DATA["weightsSheet"], DATA["weights"]), (DATA["customersSheet"], DATA["customers"])]


def openpyxl_files():
    producer = "openpyxl %s" % openpyxl.__version__

    def value(v, formulas):
        if isinstance(v, dict) and "date" in v:
            return date_of(v)
        if isinstance(v, dict):
            return "=" + v["formula"] if formulas else v["value"]
        return v

    # 1. The usual Workbook: shared strings, styles, dates with a number format; 积分 as numbers.
    # 2. The same with formulas: openpyxl never calculates, so <f> has no cached <v>.
    for name, formulas in (("openpyxl.xlsx", False), ("openpyxl-formulas.xlsx", True)):
        wb = openpyxl.Workbook()
        wb.properties.created = FIXED
        wb.properties.modified = FIXED
        wb.remove(wb.active)
        for title, rows in sheets():
            ws = wb.create_sheet(title)
            for row in rows:
                ws.append([value(v, formulas) for v in row])
            for cell in ws["H"][1:]:
                cell.number_format = "yyyy-mm-dd"
        wb.save(os.path.join(OUT, name))
    done("openpyxl.xlsx", producer, "Workbook.save: inline strings (t=\"inlineStr\"), no sharedStrings part, numbers with t=\"n\", dates with a number format, docProps, 积分 as numbers")
    done("openpyxl-formulas.xlsx", producer, "积分 as formulas: openpyxl writes <f> without a cached <v>", {"problems": ["not-a-number"]})

    # 3. write_only mode, customers as an Excel table named 客户 on sheet Data, weights as table 权重.
    wb = openpyxl.Workbook(write_only=True)
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    for title, rows in sheets():
        ws = wb.create_sheet("Setup" if title == DATA["weightsSheet"] else "Data")
        for row in rows:
            ws.append([value(v, False) for v in row])
        last = openpyxl.utils.get_column_letter(len(rows[0]))
        table = Table(displayName=title, ref="A1:%s%d" % (last, len(rows)))
        table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium9", showRowStripes=True)
        # In write-only mode openpyxl does not read the header row back: name the columns as its docs say.
        table._initialise_columns()
        for column, header in zip(table.tableColumns, rows[0]):
            column.name = header
        ws.add_table(table)
    wb.save(os.path.join(OUT, "openpyxl-write-only-tables.xlsx"))
    done("openpyxl-write-only-tables.xlsx", producer, "write_only mode, inline strings; Excel tables named 权重 and 客户 on sheets Setup and Data")


def xlsxwriter_files():
    producer = "XlsxWriter %s" % xlsxwriter.__version__

    def write(name, options, tables=False):
        wb = xlsxwriter.Workbook(os.path.join(OUT, name), options)
        wb.set_properties({"created": FIXED})
        dates = wb.add_format({"num_format": "yyyy-mm-dd"})
        bold = wb.add_format({"bold": True})
        for title, rows in sheets():
            ws = wb.add_worksheet(("Setup" if title == DATA["weightsSheet"] else "Data") if tables else title)
            for r, row in enumerate(rows):
                for c, v in enumerate(row):
                    if tables and r == 0:
                        continue
                    if v is None:
                        continue
                    if isinstance(v, dict) and "date" in v:
                        ws.write_datetime(r, c, date_of(v), dates)
                    elif isinstance(v, dict):
                        ws.write_formula(r, c, "=" + v["formula"], None, v["value"])
                    elif r == 0:
                        ws.write_string(r, c, v, bold)
                    elif isinstance(v, str):
                        ws.write_string(r, c, v)
                    else:
                        ws.write_number(r, c, v)
            if tables:
                ws.add_table(0, 0, len(rows) - 1, len(rows[0]) - 1, {"name": title, "columns": [{"header": h} for h in rows[0]]})
            ws.freeze_panes(1, 0)
        wb.close()

    write("xlsxwriter.xlsx", {})
    done("xlsxwriter.xlsx", producer, "shared strings, formulas with cached values, dates with a number format, bold header, frozen pane")
    write("xlsxwriter-constant-memory.xlsx", {"constant_memory": True})
    done("xlsxwriter-constant-memory.xlsx", producer, "constant_memory mode: rows streamed, strings inline (t=\"inlineStr\")")
    write("xlsxwriter-tables.xlsx", {}, tables=True)
    done("xlsxwriter-tables.xlsx", producer, "Excel tables named 权重 and 客户 on sheets Setup and Data (table parts)")


os.makedirs(OUT, exist_ok=True)
openpyxl_files()
xlsxwriter_files()
with open(os.path.join(OUT, "python-producers.json"), "w", encoding="utf-8") as f:
    json.dump(WRITTEN, f, ensure_ascii=False, indent=2)

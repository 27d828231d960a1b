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
        ws = wb.create_sheet("Setup" if title == DATA["weightsSheet"] else "Q4 客户's data")
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
    done("openpyxl-write-only-tables.xlsx", producer, "write_only mode, inline strings; Excel tables named 权重 and 客户 on sheets Setup and Q4 客户's data (a name formulas must quote)")


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


def xlsxwriter_features():
    """What an analyst's workbook from XlsxWriter carries besides data: a chart on the customer sheet,
    comments (VML), merged cells, data validation, conditional formats, hyperlinks, an autofilter,
    defined names, rich strings, hidden columns and frozen panes."""
    name = "xlsxwriter-features.xlsx"
    wb = xlsxwriter.Workbook(os.path.join(OUT, name))
    wb.set_properties({"created": FIXED})
    dates = wb.add_format({"num_format": "yyyy-mm-dd"})
    bold = wb.add_format({"bold": True})
    red = wb.add_format({"font_color": "red"})
    ws = wb.add_worksheet(DATA["weightsSheet"])
    for r, row in enumerate(DATA["weights"]):
        ws.write_row(r, 0, row, bold if r == 0 else None)
    ws.data_validation(1, 2, 3, 2, {"validate": "list", "source": ["正向", "负向"]})
    ws.merge_range("E1:G1", "权重合计应为 1", bold)
    ws.write_formula("E2", "=SUM(B2:B4)", None, 1)
    customers = DATA["customers"]
    ws = wb.add_worksheet(DATA["customersSheet"])
    for r, row in enumerate(customers):
        for c, v in enumerate(row):
            if v is None:
                continue
            if isinstance(v, dict) and "date" in v:
                ws.write_datetime(r, c, date_of(v), dates)
            elif isinstance(v, dict):
                ws.write_formula(r, c, "=" + v["formula"], None, v["value"])
            elif r == 0:
                ws.write_string(r, c, v, bold)
            elif c == 1 and " " in v:
                first, rest = v.split(" ", 1)
                ws.write_rich_string(r, c, bold, first, " " + rest)
            elif c == 0 and r == 1:
                ws.write_url(r, c, "https://example.com/customers/C001", string=v)
            elif isinstance(v, str):
                ws.write_string(r, c, v)
            else:
                ws.write_number(r, c, v)
    last = len(customers) - 1
    ws.write_comment("D3", "文本格式的数字：38,500")
    ws.write_comment("G5", "投诉次数缺失")
    ws.conditional_format(1, 3, last, 3, {"type": "data_bar"})
    ws.conditional_format(1, 6, last, 6, {"type": "cell", "criteria": ">=", "value": 5, "format": red})
    ws.autofilter(0, 0, last, len(customers[0]) - 1)
    ws.freeze_panes(1, 1)
    ws.set_column(4, 4, None, None, {"hidden": True})
    wb.define_name("销售额区域", "=%s!$D$2:$D$%d" % (DATA["customersSheet"], last + 1))
    chart = wb.add_chart({"type": "column"})
    chart.add_series({"name": "销售额", "categories": [DATA["customersSheet"], 1, 1, last, 1], "values": [DATA["customersSheet"], 1, 3, last, 3]})
    ws.insert_chart("K2", chart)
    wb.close()
    done(name, "XlsxWriter %s" % xlsxwriter.__version__, "a column chart on the customer sheet (drawing, chart part), comments (VML drawing), merged cells, data validation, conditional formats (data bar with x14 extension), a hyperlink, an autofilter, a defined name, rich strings, a hidden column, frozen panes")


def openpyxl_features():
    """openpyxl: comments, merged cells, data validation, conditional formats, a hyperlink, an
    autofilter, a defined name, a chart on the customer sheet, column widths, print titles."""
    from openpyxl.chart import BarChart, Reference
    from openpyxl.comments import Comment
    from openpyxl.formatting.rule import CellIsRule, ColorScaleRule
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.workbook.defined_name import DefinedName

    wb = openpyxl.Workbook()
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.remove(wb.active)
    ws = wb.create_sheet(DATA["weightsSheet"])
    for row in DATA["weights"]:
        ws.append(row)
    dv = DataValidation(type="list", formula1='"正向,负向"', allow_blank=True)
    ws.add_data_validation(dv)
    dv.add("C2:C4")
    ws.merge_cells("E1:G1")
    ws["E1"] = "权重合计应为 1"
    customers = DATA["customers"]
    ws = wb.create_sheet(DATA["customersSheet"])
    for row in customers:
        ws.append([date_of(v) if isinstance(v, dict) and "date" in v else v["value"] if isinstance(v, dict) else v for v in row])
    for cell in ws["H"][1:]:
        cell.number_format = "yyyy-mm-dd"
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    last = len(customers)
    ws["D3"].comment = Comment("文本格式的数字：38,500", "corpus")
    ws["A2"].hyperlink = "https://example.com/customers/C001"
    ws.conditional_formatting.add("D2:D%d" % last, ColorScaleRule(start_type="min", start_color="F8696B", end_type="max", end_color="63BE7B"))
    ws.conditional_formatting.add("G2:G%d" % last, CellIsRule(operator="greaterThanOrEqual", formula=["5"], font=Font(color="9C0006")))
    ws.auto_filter.ref = "A1:I%d" % last
    ws.freeze_panes = "B2"
    ws.column_dimensions["B"].width = 16
    ws.print_title_rows = "1:1"
    wb.defined_names.append(DefinedName("销售额区域", attr_text="%s!$D$2:$D$%d" % (DATA["customersSheet"], last)))
    chart = BarChart()
    chart.title = "销售额"
    chart.add_data(Reference(ws, min_col=4, min_row=1, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=2, min_row=2, max_row=last))
    ws.add_chart(chart, "K2")
    name = "openpyxl-features.xlsx"
    wb.save(os.path.join(OUT, name))
    done(name, "openpyxl %s" % openpyxl.__version__, "a bar chart on the customer sheet, a comment (VML and comments part), merged cells, data validation, a colour scale and a cell rule, a hyperlink, an autofilter, a defined name, print titles, frozen panes, fills")


def xlsxwriter_array_formulas():
    """积分 as one dynamic array formula spilling down F2:F9 (cm="1", xl/metadata.xml), with the
    spilled values cached; an Excel-365 function (_xlfn.), a legacy array formula (t="array"), an
    error value and booleans in columns that are not indicators."""
    name = "xlsxwriter-dynamic-arrays.xlsx"
    wb = xlsxwriter.Workbook(os.path.join(OUT, name))
    wb.set_properties({"created": FIXED})
    dates = wb.add_format({"num_format": "yyyy-mm-dd"})
    customers = DATA["customers"]
    last = len(customers)
    for title, rows in sheets():
        ws = wb.add_worksheet(title)
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                if v is None or (isinstance(v, dict) and "formula" in v):
                    continue
                if isinstance(v, dict):
                    ws.write_datetime(r, c, date_of(v), dates)
                else:
                    ws.write(r, c, v)
        if title != DATA["customersSheet"]:
            continue
        ws.write_dynamic_array_formula("F2:F%d" % last, "=E2:E%d*10" % last, None, 400)
        # XlsxWriter caches one value for the anchor; the spilled cells carry their own values as Excel saves them.
        for r, row in enumerate(rows[2:], start=2):
            ws.write_number(r, 5, row[5]["value"])
        ws.write_string(0, 9, "活跃")
        ws.write_string(0, 10, "人均")
        ws.write_string(0, 11, "销售排名")
        ws.write_string(0, 12, "查找")
        for r in range(1, last):
            ws.write_boolean(r, 9, r % 2 == 1)
        ws.write_formula("K2", "=1/0", None, "#DIV/0!")
        ws.write_array_formula("L2:L%d" % last, "{=RANK(D2:D%d,D2:D%d)}" % (last, last), None, 1)
        ws.write_formula("M2", "=_xlfn.XLOOKUP(\"C003\",A2:A%d,B2:B%d)" % (last, last), None, "Acme Ltd")
    wb.close()
    done(name, "XlsxWriter %s" % xlsxwriter.__version__, "积分 as a dynamic array formula (cm=\"1\", xl/metadata.xml), a legacy array formula (t=\"array\"), an _xlfn. function, a #DIV/0! error value and booleans outside the indicators")


os.makedirs(OUT, exist_ok=True)
xlsxwriter_array_formulas()
openpyxl_files()
openpyxl_features()
xlsxwriter_files()
xlsxwriter_features()
with open(os.path.join(OUT, "python-producers.json"), "w", encoding="utf-8") as f:
    json.dump(WRITTEN, f, ensure_ascii=False, indent=2)

#!/usr/bin/env bash
# Writes test/files/real/: the same customer and weight tables (scripts/real-corpus/data.json: a Chinese
# sheet name and headers, IDs, names, text numbers, a blank indicator, dates, a formula with its value)
# written by real programs, each in the ways it naturally writes, and test/files/real/manifest.json
# naming the producer and version of each file. Not run by the tests: the programs are not in CI.
# test/xlsx/corpus.test.ts grades every file as the manifest says.
#
# What it needs (Debian 12, no network but the npm registry and Debian's packages):
#   apt-get install -y libreoffice-calc-nogui gnumeric python3-openpyxl python3-xlsxwriter
#   npm packages exceljs, xlsx@0.18.5 (the last SheetJS on the npm registry), excel4node and
#   write-excel-file, installed into a scratch folder ($TOOLS, default /tmp/realtools), not the project:
#     mkdir -p /tmp/realtools && cd /tmp/realtools && npm init -y && npm install exceljs xlsx@0.18.5 excel4node write-excel-file
# Usage: bash scripts/make-real-corpus.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
HERE="$ROOT/scripts/real-corpus"
OUT="$ROOT/test/files/real"
TOOLS="${TOOLS:-/tmp/realtools}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT" "$WORK/out"

# npm producers (ExcelJS, SheetJS, excel4node, write-excel-file).
NODE_PATH="$TOOLS/node_modules" node "$HERE/node-producers.js" "$WORK/out"
# Python producers (openpyxl, XlsxWriter): Debian's python3, where the python3-* packages are.
/usr/bin/python3 "$HERE/python-producers.py" "$WORK/out"

# LibreOffice: the tables as a flat ODS file, opened and saved by Calc with each .xlsx filter; and as
# a zipped .ods (LibreOffice's own) saved by Calc, and read by Gnumeric.
node "$HERE/fods.js" "$WORK/tables.fods"
lo() { soffice "-env:UserInstallation=file://$WORK/profile" --headless --norestore "$@" >/dev/null 2>&1; }
mkdir -p "$WORK/lo1" "$WORK/lo2"
lo --convert-to "xlsx:Calc MS Excel 2007 XML" --outdir "$WORK/lo1" "$WORK/tables.fods"
mv "$WORK/lo1/tables.xlsx" "$WORK/out/libreoffice-calc.xlsx"
lo --convert-to "xlsx:Calc Office Open XML" --outdir "$WORK/lo2" "$WORK/tables.fods"
mv "$WORK/lo2/tables.xlsx" "$WORK/out/libreoffice-calc-ooxml.xlsx"
lo --convert-to "xlsm:Calc MS Excel 2007 VBA XML" --outdir "$WORK/lo1" "$WORK/tables.fods"
mv "$WORK/lo1/tables.xlsm" "$WORK/out/libreoffice-calc.xlsm"
lo --convert-to "xltx:Calc MS Excel 2007 XML Template" --outdir "$WORK/lo1" "$WORK/tables.fods"
mv "$WORK/lo1/tables.xltx" "$WORK/out/libreoffice-calc.xltx"
lo --convert-to ods --outdir "$WORK" "$WORK/tables.fods"

# Gnumeric's ssconvert from the .ods, with both of its .xlsx exporters.
ssconvert --export-type=Gnumeric_Excel:xlsx2 "$WORK/tables.ods" "$WORK/out/gnumeric-xlsx2.xlsx" >/dev/null 2>&1
ssconvert --export-type=Gnumeric_Excel:xlsx "$WORK/tables.ods" "$WORK/out/gnumeric-xlsx.xlsx" >/dev/null 2>&1

# Round trips: an analyst's XlsxWriter workbook (chart, comments, conditional formats, validation...)
# opened and saved again by LibreOffice and by Gnumeric, which write those features their own way.
mkdir -p "$WORK/lo3"
lo --convert-to "xlsx:Calc MS Excel 2007 XML" --outdir "$WORK/lo3" "$WORK/out/xlsxwriter-features.xlsx"
mv "$WORK/lo3/xlsxwriter-features.xlsx" "$WORK/out/libreoffice-resaved-features.xlsx"
ssconvert --export-type=Gnumeric_Excel:xlsx2 "$WORK/out/xlsxwriter-features.xlsx" "$WORK/out/gnumeric-resaved-features.xlsx" >/dev/null 2>&1

LO_VERSION="$(soffice --version | awk '{print $2}')"
GNUMERIC_VERSION="$(ssconvert --version | sed -n "s/^ssconvert version '\(.*\)'/\1/p")"
rm -f "$OUT"/*.xlsx "$OUT"/*.xlsm "$OUT"/*.xltx
cp "$WORK"/out/*.xlsx "$WORK"/out/*.xlsm "$WORK"/out/*.xltx "$OUT/"
LO_VERSION="$LO_VERSION" GNUMERIC_VERSION="$GNUMERIC_VERSION" node "$HERE/manifest.js" "$WORK/out" "$OUT/manifest.json"
ls -l "$OUT"

#!/usr/bin/env bash
# The coding-sheet round trip from the command line: plancmp codes exports plancmp's codes
# as a CSV sheet (Excel BOM), a researcher corrects one code and marks the sheet human, and
# plancmp agreement re-imports it and counts exactly that disagreement; the gold sheet vs
# plancmp's own codes prints kappa per theme.
# Usage: check_codes.sh PLANCMP_PROGRAM SOURCE_DIR WORK_DIR
set -uo pipefail
plancmp=$1
root=$2
work=$3
rm -rf "$work" && mkdir -p "$work"
status=0
fail() { echo "FAIL: $*"; status=1; }
cd "$root" || exit 1

"$plancmp" codes seeds/003_53900fa8173cc0f4.txt --format csv --excel -o "$work/codes.csv" || fail "codes exited $?"
head -c 3 "$work/codes.csv" | od -An -tx1 | grep -q "ef bb bf" || fail "codes.csv lacks the Excel BOM"
head -1 "$work/codes.csv" | grep -q "source,id,text_start,variable,theme,code,evidence,coder,kind" || fail "header"
grep -q "ip_related,ip_related,1," "$work/codes.csv" || fail "no IP unit coded"

# Correct the first value-chain row that says 0 into 1, and mark the sheet human.
/usr/bin/python3 - "$work/codes.csv" "$work/corrected.csv" <<'PY' || fail "editing the sheet"
import csv, sys
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f))
header, done = rows[0], False
for row in rows[1:]:
    if not row:
        continue
    row[header.index("kind")] = "human"
    if not done and row[header.index("variable")] == "value_chain" and row[header.index("code")] == "0":
        row[header.index("code")] = "1"
        done = True
with open(sys.argv[2], "w", encoding="utf-8-sig", newline="") as f:
    csv.writer(f).writerows(rows)
PY
grep -q ",human" "$work/corrected.csv" || fail "the edit did not mark the sheet human"

"$plancmp" agreement "$work/corrected.csv" "$work/codes.csv" --format csv -o "$work/agreement.csv" \
  || fail "agreement exited $?"
# Exactly one value-chain code differs: pooled value_chain has one "only" count.
grep -q '^value_chain,(all),' "$work/agreement.csv" || fail "no pooled value_chain row"
grep '^value_chain,(all),' "$work/agreement.csv" | awk -F, '$5 != 1 || $6 != 0 {bad=1} END {exit bad}' \
  || fail "expected exactly one added value-chain code: $(grep '^value_chain,(all),' "$work/agreement.csv")"
grep -q '^ip_related,ip_related,.*,1\.000,1\.000,' "$work/agreement.csv" || fail "ip_related should agree fully"

# The corrected (human) sheet drives coverage and tools × chain, labelled as human codes.
"$plancmp" coverage seeds/003_53900fa8173cc0f4.txt --codes "$work/corrected.csv" --view counts >"$work/human.out" \
  || fail "coverage --codes exited $?"
grep -q "human codes: plancmp" "$work/human.out" || fail "coverage --codes does not name the human coder: $(head -3 "$work/human.out")"
"$plancmp" coverage seeds/003_53900fa8173cc0f4.txt --view counts >"$work/auto.out"
diff -q "$work/human.out" "$work/auto.out" >/dev/null && fail "human codes changed nothing in coverage"
"$plancmp" coverage seeds/003_53900fa8173cc0f4.txt --codes "$work/corrected.csv" --matrix tools-by-chain >"$work/human_matrix.out" \
  || fail "coverage --codes --matrix exited $?"

# The same round trip through an Excel workbook: export, correct one code in the sheet's
# XML (what Excel writes on saving), re-import, recompute.
"$plancmp" codes seeds/003_53900fa8173cc0f4.txt --format xlsx -o "$work/codes.xlsx" || fail "codes --format xlsx exited $?"
"$plancmp" agreement "$work/codes.xlsx" "$work/codes.csv" --format csv -o "$work/same.csv" \
  || fail "agreement on the xlsx sheet exited $?"
grep '^value_chain,(all),' "$work/same.csv" | awk -F, '$5 != 0 || $6 != 0 {bad=1} END {exit bad}' \
  || fail "the xlsx sheet read back differs from the CSV: $(grep '^value_chain,(all),' "$work/same.csv")"
/usr/bin/python3 - "$work/codes.xlsx" "$work/corrected.xlsx" <<'PY' || fail "editing the workbook"
import re, sys, zipfile
src = zipfile.ZipFile(sys.argv[1])
shared = src.read("xl/sharedStrings.xml").decode()
strings = re.findall(r"<si>(.*?)</si>", shared)
vc = strings.index("<t>value_chain</t>")
shared = shared.replace("<t>automatic</t>", "<t>human</t>")
sheet = None
for name in sorted(n for n in src.namelist() if n.startswith("xl/worksheets/sheet")):
    xml = src.read(name).decode()
    if "<t>source</t>" in shared and 'r="F2"' in xml:
        sheet = name
done = False
def flip(m):
    global done
    row = m.group(0)
    if not done and re.search(r'<c r="D\d+" t="s"><v>%d</v></c>' % vc, row) and re.search(r'<c r="F\d+"[^>]*><v>0</v>', row):
        done = True
        return re.sub(r'(<c r="F\d+"[^>]*><v>)0(</v>)', r"\g<1>1\g<2>", row)
    return row
xml = re.sub(r"<row [^>]*>.*?</row>", flip, src.read(sheet).decode())
assert done, "no value_chain row with code 0"
with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as out:
    for item in src.infolist():
        data = src.read(item.filename)
        if item.filename == "xl/sharedStrings.xml":
            data = shared.encode()
        elif item.filename == sheet:
            data = xml.encode()
        out.writestr(item, data)
PY
"$plancmp" agreement "$work/corrected.xlsx" "$work/codes.csv" --format csv -o "$work/agreement_xlsx.csv" \
  || fail "agreement on the corrected workbook exited $?"
grep '^value_chain,(all),' "$work/agreement_xlsx.csv" | awk -F, '$5 != 1 || $6 != 0 {bad=1} END {exit bad}' \
  || fail "expected one added value-chain code from the workbook: $(grep '^value_chain,(all),' "$work/agreement_xlsx.csv")"
"$plancmp" coverage seeds/003_53900fa8173cc0f4.txt --codes "$work/corrected.xlsx" --view counts >"$work/human_xlsx.out" \
  || fail "coverage --codes corrected.xlsx exited $?"
grep -q "human codes: plancmp" "$work/human_xlsx.out" || fail "coverage --codes xlsx is not labelled human"
diff -q "$work/human_xlsx.out" "$work/human.out" >/dev/null || fail "the workbook and the CSV correction give different coverage"
# PMC and the report from the corrected workbook: labelled as the coder's codes.
"$plancmp" pmc seeds/003_53900fa8173cc0f4.txt --codes "$work/corrected.xlsx" --detail >"$work/pmc_human.out" \
  || fail "pmc --codes exited $?"
grep -q "PMC index: first-level variables (human codes: plancmp)" "$work/pmc_human.out" \
  || fail "pmc --codes is not labelled human: $(head -2 "$work/pmc_human.out")"
grep -q "(human codes: plancmp)" "$work/pmc_human.out" || fail "PMC evidence does not name the human codes"
"$plancmp" pmc seeds/003_53900fa8173cc0f4.txt >"$work/pmc_auto.out"
grep -q "human codes" "$work/pmc_auto.out" && fail "automatic PMC is labelled human"
"$plancmp" report seeds/003_53900fa8173cc0f4.txt --codes "$work/corrected.xlsx" --no-graphviz -o "$work/report.html" \
  || fail "report --codes exited $?"
grep -q "ip_value_chain (human codes: plancmp)" "$work/report.html" || fail "report coverage is not labelled human"
grep -q "PMC index: first-level variables (human codes: plancmp)" "$work/report.html" || fail "report PMC is not labelled human"
printf 'not a zip' >"$work/bad.xlsx"
"$plancmp" agreement "$work/bad.xlsx" "$work/codes.csv" >/dev/null 2>"$work/badx.err"
[ $? -eq 1 ] || fail "a damaged workbook should exit 1"
grep -q "bad.xlsx" "$work/badx.err" && grep -q "xlsx" "$work/badx.err" || fail "damaged workbook message: $(cat "$work/badx.err")"

# A sheet that is not one: an error naming the file and line.
printf 'source,id,variable,theme,code\nseeds/x,1,value_chain,creation,2\n' >"$work/bad.csv"
"$plancmp" agreement "$work/bad.csv" "$work/codes.csv" >"$work/bad.out" 2>"$work/bad.err"
[ $? -eq 1 ] || fail "a bad sheet should exit 1"
grep -q "bad.csv" "$work/bad.err" && grep -q "code must be 0 or 1" "$work/bad.err" || fail "bad sheet message: $(cat "$work/bad.err")"

# plancmp against the human gold: the table with kappa per stage and tool type.
"$plancmp" agreement tests/data/gold/coding/A.json auto --format csv -o "$work/gold.csv" || fail "gold agreement exited $?"
for theme in creation utilization protection management services supply environment demand; do
  grep -q ",$theme," "$work/gold.csv" || fail "gold agreement lacks $theme"
done
exit $status

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

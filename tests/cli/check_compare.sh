#!/usr/bin/env bash
# plancmp compare from the outside: with no files (the bundled seeds), with files, in every
# format, with -o, and its exit statuses (0 ok, 1 bad input, 2 usage).
# Usage: check_compare.sh PLANCMP_PROGRAM SEEDS_DIR WORK_DIR
set -uo pipefail
plancmp=$1
seeds=$2
work=$3
rm -rf "$work" && mkdir -p "$work"
status=0
fail() { echo "FAIL: $*"; status=1; }

# expect STATUS NAME ARGS...: runs plancmp compare ARGS, stdout to $work/NAME.out.
expect() {
  local want=$1 name=$2; shift 2
  "$plancmp" compare "$@" >"$work/$name.out" 2>"$work/$name.err"
  local got=$?
  [ "$got" -eq "$want" ] || fail "$name: exit status $got, expected $want ($(head -c 300 "$work/$name.err"))"
}
has() {  # has NAME TEXT: the output of NAME contains TEXT
  grep -qF -- "$2" "$work/$1.out" || fail "$1: output lacks '$2'"
}
lacks() {
  ! grep -qF -- "$2" "$work/$1.out" || fail "$1: output has '$2'"
}

# No files: the five bundled seeds, every table.
expect 0 seeds --quiet
for text in "**Plans**" "**Plan × plan similarity: mean best match**" "**Coverage: ip_value_chain — share of measures**" \
            "**Coverage: policy_tools — share of measures**" "**Policy tools × value chain: all 5 plans**" \
            "**Quantitative targets**" "**Gaps of 宁波市 2020**" "**Gaps of 衡水市 2022**" "**Gaps of 甘肅省 2020**" \
            "**Gaps of 武汉市某区 2024**" "**Gaps of 宁波市 2017**" "**宁波市 2017 → 宁波市 2020**" \
            "| carried " "| agency_renamed " "seeds/000_edee8db098a98e76.txt"; do
  has seeds "$text"
done

# Files: only those plans; CSV tables separated by an empty CRLF record.
expect 0 files "$seeds/001_e9d616c0cc0faf37.txt" "$seeds/002_e22083f13b5790bb.txt" --format csv --threads 2
has files "衡水市 2022"
has files "甘肅省 2020"
lacks files "宁波市"
lacks files "Changes between editions"
grep -q "^change,old,new," "$work/files.out" && fail "files: two jurisdictions, yet an edition diff"
grep -q $'^\r$' "$work/files.out" || fail "files: CSV tables are not separated by an empty record"

# JSON: one array of tables whose evidence cells carry their source and span.
expect 0 json "$seeds/000_edee8db098a98e76.txt" "$seeds/004_b234aa7c753f2ac8.txt" --format json
/usr/bin/python3 - "$work/json.out" <<'PY' || fail "json: not the expected array of tables"
import json, sys
tables = json.load(open(sys.argv[1], encoding="utf-8"))
captions = [t["caption"] for t in tables]
assert captions[0] == "Plans", captions
assert "宁波市 2017 → 宁波市 2020" in captions, captions
diff = tables[captions.index("宁波市 2017 → 宁波市 2020")]
spans = [c for row in diff["rows"] for c in row if isinstance(c, dict) and "span" in c]
assert spans and all(len(c["span"]) == 2 and c["span"][0] < c["span"][1] for c in spans)
PY

# LaTeX and HTML; -o writes the file and nothing to stdout; --no-gaps / --no-editions.
expect 0 latex "$seeds/001_e9d616c0cc0faf37.txt" "$seeds/002_e22083f13b5790bb.txt" --format latex --no-gaps
has latex '\toprule'
lacks latex 'Gaps of'
expect 0 html "$seeds/000_edee8db098a98e76.txt" "$seeds/004_b234aa7c753f2ac8.txt" --format html --no-editions \
  -o "$work/compare.html"
[ -s "$work/compare.html" ] && grep -q "<table" "$work/compare.html" || fail "html: -o file missing or without tables"
[ ! -s "$work/html.out" ] || fail "html: -o also wrote to stdout"
grep -qF "<caption>宁波市 2017 → 宁波市 2020</caption>" "$work/compare.html" &&
  fail "html: --no-editions still printed the diff"

# Bad input (bytes that are no text in any encoding): exit 1, the file and byte named.
# Usage errors (a path that does not exist, a bad option or value): exit 2.
printf '知识产权\xff\xfe\x81\x20\x80\n' >"$work/bad.txt"
expect 1 bad "$work/bad.txt"
grep -qF "bad.txt: byte 12:" "$work/bad.err" || fail "bad: the error does not name the file and byte"
expect 2 missing "$work/no-such-plan.txt"
grep -qF "no-such-plan.txt" "$work/missing.err" || fail "missing: the error does not name the file"
expect 2 format --format yaml
expect 2 threshold --threshold 2
expect 2 option --no-such-option

[ $status -eq 0 ] && echo "ok: plancmp compare (seeds, files, csv/json/latex/html, -o, exit statuses 0/1/2)"
exit $status

#!/usr/bin/env bash
# Renders the seeds' HTML report in headless Chromium and checks that it is really a page:
# the screenshot is not blank, the main sections are in the DOM, the console has no errors.
# Usage: check_report.sh PLANCMP_PROGRAM WORK_DIR. Exit 77 (ctest: skipped) without chromium.
set -euo pipefail
plancmp=$1
work=$2

browser=""
for b in chromium chromium-browser; do
  if command -v "$b" >/dev/null 2>&1; then browser=$(command -v "$b"); break; fi
done
if [ -z "$browser" ]; then
  echo "SKIPPED: chromium is not installed (apt-get install chromium, or scripts/setup-deps)"
  exit 77
fi

rm -rf "$work" && mkdir -p "$work"
"$plancmp" report -o "$work/report.html" --quiet
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
       --disable-background-networking --disable-component-update --disable-sync
       --disable-default-apps --disable-extensions --hide-scrollbars)

run() {  # fresh profile per run; output of the browser itself to $work/<name>.log
  local name=$1; shift
  local profile
  profile=$(mktemp -d "$work/profile.XXXXXX")
  timeout 120 "$browser" "${flags[@]}" --user-data-dir="$profile" "$@" 2>"$work/$name.log"
}

url="file://$work/report.html"
run screenshot --window-size=1280,2400 --screenshot="$work/report.png" --enable-logging=stderr --v=0 "$url" \
  >/dev/null || true
run dom --dump-dom "$url" >"$work/dom.html"

status=0
if [ ! -s "$work/report.png" ]; then
  echo "FAIL: no screenshot written; see $work/screenshot.log"; status=1
else
  # Not blank: a rendered page of tables and figures has many distinct colours.
  colours=$(/usr/bin/python3 - "$work/report.png" <<'PY'
import sys, zlib, struct
data = open(sys.argv[1], 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n'
pos, idat, w, h, ct = 8, b'', 0, 0, 0
while pos < len(data):
    n, kind = struct.unpack('>I4s', data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b'IHDR':
        w, h, depth, ct = struct.unpack('>IIBB', body[:10])
    elif kind == b'IDAT':
        idat += body
    pos += 12 + n
raw = zlib.decompress(idat)
bpp = {2: 3, 6: 4}.get(ct, 1)
stride = w * bpp + 1
# Sample raw scanline bytes (filter bytes aside): distinct byte triples are a fair proxy.
seen = set()
for y in range(0, h, 7):
    row = raw[y * stride + 1:(y + 1) * stride]
    for x in range(0, len(row) - 3, bpp * 5):
        seen.add(row[x:x + 3])
print(len(seen))
PY
)
  echo "screenshot: $(stat -c %s "$work/report.png") bytes, ~$colours distinct samples"
  if [ "$colours" -lt 20 ]; then echo "FAIL: the screenshot looks blank"; status=1; fi
fi

for id in overview coverage tools-by-chain pmc targets agencies similarity alignment reuse gaps editions sources; do
  if ! grep -q "<section id=\"$id\">" "$work/dom.html"; then
    echo "FAIL: section #$id missing from the rendered DOM"; status=1
  fi
done

# Source excerpts mark the exact evidence bytes.
if ! grep -q '<div class="source" id="src-[^"]*"><span class="loc">[^<]*</span>[^<]*<mark>' "$work/dom.html"; then
  echo "FAIL: no source excerpt marks its evidence span"; status=1
fi

# Console messages are logged as `CONSOLE(...)` / `Uncaught` lines at --v=0.
if grep -E "CONSOLE|Uncaught|ERROR:.*(console|javascript)" "$work/screenshot.log" | grep -v "^$" >"$work/console.txt"; then
  echo "FAIL: console errors:"; cat "$work/console.txt"; status=1
fi
# At any width (800, 1400, 2000 px): the page is no wider than the window (wide tables
# scroll inside their own box), and a screenshot at each width. A copy of the report with a
# probe script measures the layout and writes it into the DOM that --dump-dom prints.
/usr/bin/python3 - "$work/report.html" "$work/probe.html" <<'PY'
import sys
html = open(sys.argv[1], encoding="utf-8").read()
probe = """<script>
addEventListener('load', () => {
  const root = document.documentElement;
  const boxes = [...document.querySelectorAll('.scroll')];
  const scrolling = boxes.filter(b => b.scrollWidth > b.clientWidth + 1).length;
  const escaping = boxes.filter(b => b.getBoundingClientRect().right > innerWidth + 1).length;
  const details = document.querySelectorAll('td details').length;
  const p = document.createElement('pre');
  p.id = 'probe';
  p.textContent = `page=${root.scrollWidth} window=${innerWidth} boxes=${boxes.length} scrolling=${scrolling} escaping=${escaping} details=${details}`;
  document.body.append(p);
});
</script>"""
open(sys.argv[2], "w", encoding="utf-8").write(html.replace("</body>", probe + "</body>"))
PY
for width in 800 1400 2000; do
  run "shot$width" --window-size=$width,1600 --screenshot="$work/report-$width.png" "$url" >/dev/null || true
  [ -s "$work/report-$width.png" ] || { echo "FAIL: no screenshot at $width px"; status=1; }
  run "probe$width" --window-size=$width,1600 --virtual-time-budget=5000 --dump-dom "file://$work/probe.html" \
    >"$work/probe-$width.html" || true
  line=$(grep -o 'page=[0-9]* window=[0-9]* boxes=[0-9]* scrolling=[0-9]* escaping=[0-9]* details=[0-9]*' \
         "$work/probe-$width.html" || true)
  echo "$width px: $line"
  if [ -z "$line" ]; then echo "FAIL: the layout probe did not run at $width px"; status=1; continue; fi
  read -r page window boxes scrolling escaping details <<<"$(echo "$line" | sed 's/[a-z]*=//g')"
  [ "$page" -le "$window" ] || { echo "FAIL: at $width px the page is $page px wide"; status=1; }
  [ "$escaping" -eq 0 ] || { echo "FAIL: at $width px $escaping table boxes reach past the window"; status=1; }
  [ "$boxes" -gt 20 ] || { echo "FAIL: tables are not in scrolling boxes"; status=1; }
  [ "$details" -gt 0 ] || { echo "FAIL: no evidence excerpt with its full text on demand"; status=1; }
  if [ "$width" -eq 800 ] && [ "$scrolling" -eq 0 ]; then
    echo "FAIL: at 800 px no wide table scrolls in its box"; status=1
  fi
done

[ $status -eq 0 ] && echo "ok: screenshot not blank, 12 sections present, no console errors, fits 800/1400/2000 px"
exit $status

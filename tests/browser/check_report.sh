#!/usr/bin/env bash
# Renders the seeds' HTML report in headless Chromium and checks that it is really a page:
# the screenshot is not blank, the main sections are in the DOM, the console has no errors.
# Usage: check_report.sh PLANCMP_PROGRAM WORK_DIR [SEEDS_DIR CORPUS_DIR]. Exit 77 (ctest: skipped) without chromium.
set -euo pipefail
plancmp=$1
work=$2
seeds=${3:-}
corpus=${4:-}

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

# Each browser start costs seconds, so one run takes the screenshot, prints the DOM and logs
# the console together.
url="file://$work/report.html"
run screenshot --window-size=1280,2400 --screenshot="$work/report.png" --enable-logging=stderr --v=0 \
  --dump-dom "$url" >"$work/dom.html" || true

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
# At any width (800, 1400, 2000 px), on the seeds' report and (with the corpus) on one of 15
# plans: a screenshot, and a copy of the report with a probe script that uses the page as a
# reader would and writes what it found into the DOM that --dump-dom prints:
# - the page is no wider than the window; wide tables scroll inside their own box;
# - a click on a numeric column header sorts the rows by value (again: the other way);
# - typing into a table's filter box hides the rows without the text, and says how many;
# - an evidence excerpt opened shows its whole text (longer than the excerpt);
# - heatmaps carry a colour legend, missing values marked "no value";
# - each network drawing fits its box and the window, has labels and a legend, and shows
#   only the strongest ties when a plan has many.
probe_report() {  # probe_report REPORT.html NAME
  local report=$1 name=$2
  /usr/bin/python3 - "$report" "$work/$name-probe.html" <<'PY'
import sys
html = open(sys.argv[1], encoding="utf-8").read()
probe = r"""<script>
addEventListener('load', () => {
  const root = document.documentElement, out = {};
  const boxes = [...document.querySelectorAll('.scroll')];
  out.page = root.scrollWidth; out.window = innerWidth; out.boxes = boxes.length;
  out.scrolling = boxes.filter(b => b.scrollWidth > b.clientWidth + 1).length;
  out.escaping = boxes.filter(b => b.getBoundingClientRect().right > innerWidth + 1).length;
  out.details = document.querySelectorAll('td details').length;
  // Sorting: the first table with a numeric column of at least 4 distinct values.
  out.sorted = 0;
  for (const t of document.querySelectorAll('.scroll table')) {
    const rows = [...t.tBodies[0].rows];
    const c = [...t.tHead.rows[0].cells].findIndex((th, i) =>
      new Set(rows.map(r => r.cells[i] && r.cells[i].classList.contains('num') ? r.cells[i].textContent : '')).size >= 4);
    if (c < 0) continue;
    const values = () => [...t.tBodies[0].rows].map(r => parseFloat(r.cells[c].textContent)).filter(v => !isNaN(v));
    const th = t.tHead.rows[0].cells[c];
    th.click();
    const up = values(), asc = up.every((v, i) => i === 0 || up[i - 1] <= v);
    th.click();
    const down = values(), desc = down.every((v, i) => i === 0 || down[i - 1] >= v);
    out.sorted = asc && desc && th.getAttribute('aria-sort') === 'descending' && up[0] < down[0] ? 1 : -1;
    break;
  }
  // Filtering: the first filter box, with the text of a cell of the table's last row.
  const f = document.querySelector('.filter input');
  out.filtered = 0;
  if (f) {
    const table = f.parentElement.nextElementSibling.querySelector('table');
    const rows = [...table.tBodies[0].rows];
    f.value = rows[rows.length - 1].cells[0].textContent.trim();
    f.dispatchEvent(new Event('input'));
    const shown = rows.filter(r => !r.hidden).length;
    out.filtered = shown > 0 && shown < rows.length && /of \d+ rows/.test(f.nextElementSibling.textContent) ? 1 : -1;
    f.value = ''; f.dispatchEvent(new Event('input'));
  }
  // Heatmaps: a legend, and missing values marked.
  out.nomark = [...document.querySelectorAll('svg title')].filter(x => x.textContent.includes('no value')).length;
  // Networks.
  const nets = [...document.querySelectorAll('figure.network')];
  out.networks = nets.length;
  out.netbad = nets.filter(fig => {
    const svg = fig.querySelector('svg').getBoundingClientRect(), box = fig.getBoundingClientRect();
    const labels = fig.querySelectorAll('g.node text').length, edges = fig.querySelectorAll('g.edge').length;
    const legend = fig.querySelector('figcaption.legend');
    return svg.right > innerWidth + 1 || svg.width > box.width + 1 || svg.height < 50 || labels === 0 || !legend ||
           edges > 40 || (edges === 40 && !/strongest/.test(legend.textContent));
  }).length;
  // Evidence on demand: open one excerpt; the toggle event fills in the whole text.
  const d = document.querySelector('details[data-src]');
  if (d) d.open = true;
  setTimeout(() => {
    const full = d && d.querySelector('.full');
    out.fulltext = full && full.textContent.length > d.querySelector('summary').textContent.length ? 1 : 0;
    const p = document.createElement('pre');
    p.id = 'probe';
    p.textContent = 'probe ' + Object.entries(out).map(([k, v]) => k + '=' + v).join(' ');
    document.body.append(p);
  }, 100);
});
</script>"""
open(sys.argv[2], "w", encoding="utf-8").write(html.replace("</body>", probe + "</body>"))
PY
  for width in 800 1400 2000; do
    # One browser run: the screenshot and the DOM the probe wrote into.
    run "$name-probe$width" --window-size=$width,1600 --virtual-time-budget=10000 \
      --screenshot="$work/$name-$width.png" --dump-dom "file://$work/$name-probe.html" >"$work/$name-probe-$width.html" || true
    [ -s "$work/$name-$width.png" ] || { echo "FAIL: $name: no screenshot at $width px"; status=1; }
    line=$(grep -o 'probe page=[^<]*' "$work/$name-probe-$width.html" || true)
    echo "$name $width px: $line"
    if [ -z "$line" ]; then echo "FAIL: $name: the probe did not run at $width px"; status=1; continue; fi
    declare -A v=()
    for kv in ${line#probe }; do v[${kv%%=*}]=${kv#*=}; done
    [ "${v[page]}" -le "${v[window]}" ] || { echo "FAIL: $name: at $width px the page is ${v[page]} px wide"; status=1; }
    [ "${v[escaping]}" -eq 0 ] || { echo "FAIL: $name: at $width px ${v[escaping]} table boxes reach past the window"; status=1; }
    [ "${v[boxes]}" -gt 20 ] || { echo "FAIL: $name: tables are not in scrolling boxes"; status=1; }
    [ "${v[details]}" -gt 0 ] || { echo "FAIL: $name: no evidence excerpt with its full text on demand"; status=1; }
    [ "${v[fulltext]}" -eq 1 ] || { echo "FAIL: $name: an opened excerpt did not show its whole text"; status=1; }
    [ "${v[sorted]}" -eq 1 ] || { echo "FAIL: $name: a click on a numeric header did not sort ($width px)"; status=1; }
    [ "${v[filtered]}" -eq 1 ] || { echo "FAIL: $name: the filter box did not filter ($width px)"; status=1; }
    [ "${v[nomark]}" -gt 0 ] || { echo "FAIL: $name: no missing value marked in a heatmap"; status=1; }
    [ "${v[networks]}" -gt 0 ] || { echo "FAIL: $name: no network drawing (Graphviz missing?)"; status=1; }
    [ "${v[netbad]}" -eq 0 ] || { echo "FAIL: $name: ${v[netbad]} network drawings clipped, unlabelled or without legend"; status=1; }
    if [ "$width" -eq 800 ] && [ "${v[scrolling]}" -eq 0 ]; then
      echo "FAIL: $name: at 800 px no wide table scrolls in its box"; status=1
    fi
    unset v
  done
}
probe_report "$work/report.html" report

# Fifteen plans (the seeds and ten corpus documents): the page grows with the findings,
# not with the sources — at most 3,000,000 bytes — and reads as well as the seeds' one.
if [ -n "$corpus" ] && [ -d "$corpus" ]; then
  docs=()
  for d in jinan-2021-science-innovation-measures jinan-2024-ai-action miit-2021-smart-manufacturing-14fyp \
           miit-2023-elderly-digital-tech ndrc-2020-big-data-center-opinions qingdao-2023-ai-park-policies \
           qingdao-2024-marine-ai-cluster shandong-2019-digital-shandong shandong-2021-digital-shandong \
           shandong-2024-ai-industry; do docs+=("$corpus/$d.txt"); done
  "$plancmp" report "$seeds"/0*.txt "${docs[@]}" -o "$work/report15.html" --quiet
  size=$(stat -c %s "$work/report15.html")
  echo "15 plans: $size bytes"
  [ "$size" -le 3000000 ] || { echo "FAIL: the report of 15 plans is $size bytes (at most 3,000,000)"; status=1; }
  probe_report "$work/report15.html" report15
else
  echo "note: no corpus at '$corpus'; the 15-plan size and layout checks were not run"
fi

[ $status -eq 0 ] && echo "ok: screenshot not blank, 12 sections present, no console errors; at 800/1400/2000 px it fits, sorts, filters, opens evidence, marks missing values, draws readable networks"
exit $status

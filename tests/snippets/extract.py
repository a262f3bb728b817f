#!/usr/bin/env python3
"""Extracts every ```cpp block of README.md and docs/*.md into OUT_DIR/NAME_LINE.cpp.

Usage: extract.py SOURCE_DIR OUT_DIR

A block preceded by the line `<!-- snippet: skip (why) -->` is a fragment and is left out.
A block without `int main` becomes the body of main(); its #include lines stay at the top.
A block without any #include is a fragment of the library's API: it gets
<plancmp/plancmp.hpp>, <fmt/format.h>, <iostream> and `using namespace plancmp`; a block with #include lines gets only those, so a missing include
(fmt, iostream) fails the build as it would fail a reader.
"""
import pathlib
import re
import sys

source, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
for old in out.glob("*.cpp"):
    old.unlink()
files = [source / "README.md", *sorted((source / "docs").glob("*.md"))]
count = skipped = 0
for md in files:
    lines = md.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        if lines[i].strip() != "```cpp":
            i += 1
            continue
        start = i
        j = i + 1
        while j < len(lines) and lines[j].strip() != "```":
            j += 1
        body = lines[i + 1:j]
        i = j + 1
        k = start - 1
        while k >= 0 and not lines[k].strip():
            k -= 1
        if k >= 0 and lines[k].strip().startswith("<!-- snippet: skip"):
            skipped += 1
            continue
        includes = [line for line in body if line.startswith("#include")]
        rest = [line for line in body if not line.startswith("#include")]
        if not includes:
            includes = ["#include <plancmp/plancmp.hpp>", "#include <fmt/format.h>", "#include <iostream>",
                        "using namespace plancmp;"]
        if any(re.match(r"\s*int\s+main\s*\(", line) for line in rest):
            text = includes + rest
        else:
            text = includes + ["", "int main() {"] + ["  " + line for line in rest] + ["  return 0;", "}"]
        name = re.sub(r"[^A-Za-z0-9]+", "_", md.stem) + f"_{start + 1}.cpp"
        header = f"// {md.relative_to(source)}:{start + 1} (extracted by tests/snippets/extract.py)"
        (out / name).write_text("\n".join([header, *text]) + "\n", encoding="utf-8")
        count += 1
print(f"extract.py: {count} snippets, {skipped} marked as fragments")
if count == 0:
    sys.exit("extract.py: no ```cpp snippet found")

#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Fails when a text file of the source tree still carries a merge-conflict marker.

A `<<<<<<< ` / `>>>>>>> ` line left by a merge compiles in Markdown, JSON comments and
CHANGELOG.md without complaint; this check names the file and line. `=======` alone is
not looked for: Markdown uses it to underline headings.

    no_merge_markers.py SOURCE_DIR
"""
import os
import sys

TEXT = {".cpp", ".hpp", ".h", ".py", ".md", ".txt", ".json", ".cmake", ".sh", ".toml", ".cfg", ".in", ".yml", ".yaml"}
SKIP_DIRS = {".git", "node_modules", "__pycache__"}


def main(root: str) -> int:
    found = 0
    for directory, dirs, files in os.walk(root):
        # Build trees (build/, build-asan/, …) and hidden folders hold generated files.
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith((".", "build")))
        for name in sorted(files):
            if os.path.splitext(name)[1] not in TEXT and name not in {"CMakeLists.txt", "CHANGELOG.md"}:
                continue
            path = os.path.join(directory, name)
            try:
                with open(path, encoding="utf-8", errors="replace") as f:
                    for number, line in enumerate(f, 1):
                        if line.startswith(("<<<<<<< ", ">>>>>>> ")) or line.rstrip("\n") in {"<<<<<<<", ">>>>>>>"}:
                            print(f"{os.path.relpath(path, root)}:{number}: merge-conflict marker: {line.rstrip()}")
                            found += 1
            except OSError as error:
                print(f"{path}: cannot read ({error})")
                found += 1
    if found == 0:
        print("no merge-conflict markers")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))

#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""CLI tests of plancmp similar, matrix, reuse and align on the seeds (issue 7).

    check_similarity_cli.py PLANCMP SEEDS_DIR CASE

Known answers: Ningbo 2020 五.(十八) and Ningbo 2017 三.(一).3 are each other's top match
(cosine 0.688); the passage they share comes back with its exact byte spans in both files;
every format renders; bad arguments exit 2; an unreadable (damaged) file exits 1 with
`file: message` on standard error.
"""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile

plancmp, seeds, case = sys.argv[1], sys.argv[2], sys.argv[3]
NINGBO_2020 = f"{seeds}/000_edee8db098a98e76.txt"
NINGBO_2017 = f"{seeds}/004_b234aa7c753f2ac8.txt"
PAIR = [NINGBO_2020, NINGBO_2017]
FORMATS = ["md", "csv", "json", "latex", "html"]


def run(*args, code=0):
    r = subprocess.run([plancmp, *args, "--threads", "2"], capture_output=True, timeout=600)
    if r.returncode != code:
        sys.exit(f"plancmp {' '.join(args)}: exit {r.returncode}, expected {code}\n{r.stderr.decode()}")
    return r.stdout.decode(), r.stderr.decode()


def check(ok, what):
    if not ok:
        sys.exit(f"FAILED: {what}")


def tables(text):
    d = json.loads(text)
    return d if isinstance(d, list) else [d]


def value(cell):
    return cell["value"] if isinstance(cell, dict) else cell


def file_bytes(cell):
    with open(cell["source"], "rb") as f:
        data = f.read()
    begin, end = cell["span"]
    return data[begin:end].decode()


def similar_known():
    out, _ = run("similar", *PAIR, "--top-k", "1", "--format", "csv")
    rows = {(r["plan"], r["unit"]): r for r in csv.DictReader(io.StringIO(out))}
    a = rows[("宁波市 2020", "五.(十八)")]
    b = rows[("宁波市 2017", "三.(一).3")]
    check(a["similar_unit"] == "三.(一).3" and a["similar_plan"] == "宁波市 2017", f"top match of 五.(十八): {a}")
    check(b["similar_unit"] == "五.(十八)" and b["similar_plan"] == "宁波市 2020", f"top match of 三.(一).3: {b}")
    check(a["score"] == "0.688" and b["score"] == "0.688", f"cosine {a['score']} {b['score']}")
    # The unit cells point at the measures' bytes.
    for t in tables(run("similar", *PAIR, "--top-k", "1", "--format", "json")[0]):
        for r in t["rows"]:
            if value(r[1]) == "五.(十八)":
                check("十八" in file_bytes(r[1])[:12], f"span of 五.(十八): {file_bytes(r[1])[:20]!r}")
    # Bounded mode (pruned with prefix and norm bounds) is exact: recall 1 against exact mode.
    out, _ = run("similar", *PAIR, "--mode", "bounded", "--threshold", "0.3", "--recall", "--format", "md")
    check("recall against exact mode: 1.0000" in out, "bounded --threshold 0.3 --recall reports recall 1")
    # LSH (Jaccard of 2–3-gram sets ≥ 0.2) finds the other reused passage's measures.
    out, _ = run("similar", *PAIR, "--mode", "lsh", "--threshold", "0.2", "--format", "csv")
    lsh = {(r["unit"], r["similar_unit"], r["score"]) for r in csv.DictReader(io.StringIO(out))}
    check(lsh == {("四.(十三)", "三.(一).1.(2)", "0.289")}, f"lsh pairs: {lsh}")


def reuse_known():
    out, _ = run("reuse", *PAIR, "--format", "json")
    found = False
    for t in tables(out):
        for r in t["rows"]:
            a, b = r[5], r[6]
            # Every passage is the bytes its span covers, in both files.
            check(file_bytes(a) == a["value"], f"span of passage in A: {a}")
            check(file_bytes(b) == b["value"], f"span of passage in B: {b}")
            if value(r[0]) == "五.(十八)" and value(r[1]) == "三.(一).3" and a["span"] == [12662, 12912]:
                check(b["span"] == [5852, 6081], f"span in Ningbo 2017: {b['span']}")
                check(a["value"].startswith("加强《企业知识产权管理规范》"), a["value"])
                found = True
            # Boilerplate never counts as reuse.
            check("按职责分工负责" not in a["value"], f"boilerplate in {a['value']}")
    check(found, "the 五.(十八) ↔ 三.(一).3 passage with its spans")


def align_known():
    out, _ = run("align", *PAIR, "--method", "ngrams", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    pair = [r for r in rows if r["measure_a"] == "五.(十八)"]
    check(pair and pair[0]["measure_b"] == "三.(一).3" and pair[0]["similarity"] == "0.688", f"align: {pair}")
    check(pair[0]["kind"] == "one-to-one", pair[0]["kind"])
    # The default, by substance: the same pair, graded same, with its signals.
    out, _ = run("align", *PAIR, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    pair = [r for r in rows if r["measure_a"] == "五.(十八)" and r["kind"] == "one-to-one"]
    check(pair and pair[0]["measure_b"] == "三.(一).3" and pair[0]["grade"] == "same", f"align: {pair}")
    check(pair[0]["evidence"].startswith("chars "), pair[0]["evidence"])
    # Two hand alignments of the seed editions (--second): the second reader against the first.
    gold = os.path.join(os.path.dirname(__file__), "..", "data", "gold")
    pair_file = "004_b234aa7c753f2ac8__000_edee8db098a98e76.json"
    out, _ = run("align", "--gold", os.path.join(gold, "alignment", pair_file), "--second",
                 os.path.join(gold, "alignment-second", pair_file), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    check(len(rows) == 1 and rows[0]["annotators"] == "G vs A", f"align --second: {rows}")
    check(rows[0]["links_first"] == "28" and rows[0]["links_second"] == "31", f"align --second: {rows}")
    check(rows[0]["recall"] == "1.000" and rows[0]["f1"] == "0.949", f"align --second: {rows}")
    _, err = run("align", "--gold", os.path.join(gold, "alignment", pair_file), "--second",
                 os.path.join(gold, "alignment-second", "shandong-2024-ai-industry__jinan-2024-ai-action.json"),
                 code=2)
    check("no --gold file aligns corpus/shandong-2024-ai-industry.txt with corpus/jinan-2024-ai-action.txt" in err, err)


def matrix_metrics():
    for metric in ["text", "assignment", "theme", "agency", "structure"]:
        t = tables(run("matrix", "--metric", metric, "--format", "json")[0])
        check(len(t) == 1, f"{metric}: one table")
        rows = t[0]["rows"]
        check(len(rows) == 5, f"{metric}: five plans")
        score = [[None if value(c) == "n/a" else float(value(c)) for c in r[1:]] for r in rows]
        for i in range(5):
            for j in range(5):
                check((score[i][j] is None) == (score[j][i] is None), f"{metric} n/a symmetric at {i},{j}")
                if score[i][j] is not None:
                    check(abs(score[i][j] - score[j][i]) < 1e-3, f"{metric} symmetric at {i},{j}")
        if metric == "agency":  # Ningbo 2020 names no agency: its row is n/a, not 0
            check(all(s is None for s in score[0]), f"agency row of Ningbo 2020: {score[0]}")
        else:
            check(all(abs(score[i][i] - 1) < 1e-3 for i in range(5)), f"{metric} diagonal {score}")
    out, _ = run("matrix", "--metric", "theme", "--scheme", "policy_tools", "--format", "csv")
    check("theme profile cosine (policy_tools)" in out or "宁波市 2020,1.000" in out, out[:200])
    check(len(tables(run("matrix", "--format", "json")[0])) == 5, "--metric all: five tables")


def formats():
    for fmt in FORMATS:
        for args in (["similar", *PAIR, "--top-k", "2"], ["matrix", *PAIR], ["reuse", *PAIR], ["align", *PAIR]):
            out, _ = run(*args, "--format", fmt)
            check(len(out) > 100, f"{args[0]} --format {fmt}: output")
            if fmt == "json":
                tables(out)
    out, _ = run("similar", *PAIR, "--format", "csv", "--excel")
    check(out.startswith("\ufeff"), "--excel BOM")


def bad_arguments():
    for args in (["similar", "--mode", "fast"], ["similar", "--top-k", "0"], ["similar", "--threshold", "2"],
                 ["similar", "--features", "bytes"], ["similar", "--bogus"], ["matrix", "--metric", "colour"],
                 ["matrix", "--metric", "text", "--scheme", "policy_tools"], ["reuse", "--candidates", "some"],
                 ["reuse", "--min-identity", "1.5"], ["align", "--threshold", "-1"], ["align", NINGBO_2020]):
        _, err = run(*args, code=2)
        check(err.startswith(f"plancmp {args[0]}: "), f"{args}: usage message {err!r}")
    _, err = run("matrix", "--metric", "theme", "--scheme", "no_such_scheme", code=2)
    check("no_such_scheme" in err, err)


def unreadable():
    with tempfile.TemporaryDirectory() as tmp:
        damaged = f"{tmp}/damaged.pdf"
        with open(damaged, "wb") as f:
            f.write(b"%PDF-1.4 truncated")
        for cmd in ("similar", "matrix", "reuse", "align"):
            # One file is too few plans (usage); beside a plan it is skipped, leaving too few.
            _, err = run(cmd, damaged, code=2)
            check("give 2 plans or more" in err, f"{cmd}: {err!r}")
            _, err = run(cmd, damaged, NINGBO_2020, code=1)
            check(f"plancmp: skipped: {damaged}: not a readable PDF" in err, f"{cmd}: {err!r}")
            check("1 of 2 files skipped" in err, f"{cmd}: {err!r}")
        # A path that does not exist is a usage error (exit 2), naming the path.
        _, err = run("similar", f"{tmp}/missing.txt", code=2)
        check(f"{tmp}/missing.txt: no such file" in err, err)


{"similar_known": similar_known, "reuse_known": reuse_known, "align_known": align_known,
 "matrix_metrics": matrix_metrics, "formats": formats, "bad_arguments": bad_arguments,
 "unreadable": unreadable}[case]()

#!/usr/bin/env python3
"""Outputs a researcher loads as they come (issue 22), checked through the program.

Usage: check_outputs.py PLANCMP SEEDS_DIR CASE

  parse_json   parse --json gives one object for one file and one array for several;
               --jsonl one plan per line; -o takes any number of inputs
  conventions  too few plans is a usage error (2); a missing file among several is
               skipped with a summary and exit 1; a file that is not a plan fails unless
               --keep-going; --encoding forces the encoding and the decode error names it
  tables       targets --long carries byte spans that point at the target; --excel keeps
               1/8 as text; one plan label in parse, targets and compare; deadlines
               counted as dated / recurring / ongoing
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
HENGSHUI = f"{seeds}/001_e9d616c0cc0faf37.txt"
DISTRICT = f"{seeds}/003_53900fa8173cc0f4.txt"
NINGBO_2017 = f"{seeds}/004_b234aa7c753f2ac8.txt"


def run(*args, code=0):
    r = subprocess.run([plancmp, *args, "--threads", "2"], capture_output=True, timeout=600)
    if r.returncode != code:
        sys.exit(f"plancmp {' '.join(args)}: exit {r.returncode}, expected {code}\n{r.stderr.decode()}")
    return r.stdout.decode(), r.stderr.decode()


def check(ok, what):
    if not ok:
        sys.exit(f"FAILED: {what}")


def parse_json():
    one, _ = run("parse", NINGBO_2020, "--json")
    check(json.loads(one)["schema"] == "plancmp.plan/1", "one file: one plan object")
    several, _ = run("parse", NINGBO_2020, HENGSHUI, "--json")
    plans = json.loads(several)
    check(isinstance(plans, list) and len(plans) == 2, "two files: an array of two plans")
    check([p["source"]["path"] for p in plans] == [NINGBO_2020, HENGSHUI], "array in file order")
    seeds_json, _ = run("parse", "--json")
    check(len(json.loads(seeds_json)) == 5, "no file: the five seeds as an array")
    lines, _ = run("parse", seeds, "--jsonl")
    rows = [json.loads(line) for line in lines.splitlines()]
    check(len(rows) == 5 and all(r["schema"] == "plancmp.plan/1" for r in rows), "--jsonl: one plan per line")
    with tempfile.TemporaryDirectory() as tmp:
        run("parse", NINGBO_2020, HENGSHUI, DISTRICT, "--json", "-o", f"{tmp}/plans.json")
        with open(f"{tmp}/plans.json", encoding="utf-8") as f:
            check(len(json.load(f)) == 3, "-o with three inputs")
        run("parse", NINGBO_2020, HENGSHUI, "--graph", "dot", "-o", f"{tmp}/graphs")
        check(sorted(os.listdir(f"{tmp}/graphs")) ==
              ["001_000_edee8db098a98e76.dot", "002_001_e9d616c0cc0faf37.dot"], "--graph: one file per plan")


def conventions():
    with tempfile.TemporaryDirectory() as tmp:
        # Too few plans for a command that compares plans with each other: usage error.
        for cmd in ("reuse", "align", "similar", "matrix"):
            _, err = run(cmd, NINGBO_2020, code=2)
            check("give 2 plans or more" in err, f"{cmd} with one file: {err!r}")
        # A missing file among several: reported, skipped, summary, exit 1; the rest is done.
        missing = f"{tmp}/missing.txt"
        out, err = run("parse", NINGBO_2020, missing, HENGSHUI, "--format", "csv", code=1)
        check(f"plancmp: skipped: {missing}: no such file" in err, err)
        check(err.rstrip().endswith(f"plancmp: 1 of 3 files skipped: {missing}"), err)
        check(len(list(csv.reader(io.StringIO(out)))) == 3, "the two readable plans are in the table")
        # Not a plan: an empty file, a README renamed .txt.
        empty = f"{tmp}/empty.txt"
        open(empty, "wb").close()
        readme = f"{tmp}/readme.txt"
        with open(readme, "w", encoding="utf-8") as f:
            f.write("# Project\n\nBuild with `make`, then run the tests.\n\nSee the docs for more.\n")
        for path, why in ((empty, "empty file"), (readme, "no section, measure or goal found")):
            _, err = run("parse", path, code=1)
            check(f"{path}: not a plan ({why}); pass --keep-going" in err, err)
            _, err = run("parse", path, "--keep-going")
            check(f"plancmp: warning: {path}: not a plan ({why})" in err, err)
        _, err = run("compare", NINGBO_2020, readme, HENGSHUI, "--no-gaps", code=1)
        check("1 of 3 files skipped" in err, err)
        # --encoding: forced, and named by the decode error.
        gbk = f"{tmp}/gbk.txt"
        with open(NINGBO_2020, encoding="utf-8") as f, open(gbk, "wb") as g:
            g.write(f.read().encode("gb18030"))
        out, _ = run("parse", gbk, "--encoding", "gbk", "--format", "csv")
        check("关于全面加强知识产权工作的实施意见" in out, "GBK read with --encoding gbk")
        _, err = run("parse", gbk, "--encoding", "utf-8", code=1)
        check("declared encoding (utf-8)" in err and "--encoding" in err, err)
        _, err = run("parse", gbk, "--encoding", "latin-9", code=2)
        check("unknown encoding 'latin-9'" in err, err)


def tables():
    out, _ = run("targets", "--long", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    check(rows and "begin" in rows[0] and "end" in rows[0], "begin and end columns")
    for r in rows:
        with open(f"{seeds}/{os.path.basename(r['file'])}", "rb") as f:
            text = f.read()[int(r["begin"]):int(r["end"])].decode("utf-8")
        # The span covers the printed target, or its value cell in an indicator table.
        check(r["unit"] in text or any(ch.isdigit() for ch in text), f"span of {r}: {text!r}")
    # --excel: agency coverage cells like 1/8 stay text in Excel.
    out, _ = run("coverage", "--by", "agencies", "--format", "csv", "--excel")
    check('"=""1/' in out and ",1/" not in out, "1/8 written as =\"1/8\" for Excel")
    # One label everywhere: the district is 武汉市某区 2024 in parse, targets and compare.
    parse_out, _ = run("parse", "--format", "json")
    labels = [row[1] for row in json.loads(parse_out)["rows"]]
    targets_out, _ = run("targets", "--format", "json")
    compare_out, _ = run("compare", "--no-gaps", "--no-editions", "--format", "json")
    compare_labels = [value(row[0]) for row in json.loads(compare_out)[0]["rows"]]
    check(labels[3] == "武汉市某区 2024", labels)
    check(json.loads(targets_out)["columns"][2:] == labels, "targets columns are the plan labels")
    check(compare_labels == labels, f"{compare_labels} vs {labels}")
    # Deadlines: dated / recurring / ongoing.
    table = json.loads(parse_out)
    cols = table["columns"]
    district = table["rows"][3]
    due = {c: district[cols.index(c)] for c in ("dated", "recurring", "ongoing")}
    check(due["ongoing"] > due["dated"] > 0 and sum(due.values()) == district[cols.index("measures")], due)


def value(cell):
    return cell["value"] if isinstance(cell, dict) else cell


{"parse_json": parse_json, "conventions": conventions, "tables": tables}[case]()

"""Workbooks and tidy tables from the program (issue 22): every sheet of `--format xlsx`
reads with pandas.read_excel (openpyxl) and every file of a `--format csv -o DIR`
directory with pandas.read_csv, with numbers typed as numbers.

Runs on its own from ctest as python.outputs (`python3 -m pytest --noconftest
tests/python/test_outputs.py`, PLANCMP_CLI set), which is why scripts/test's pytest stage
leaves it out; `pytest tests/python` runs it too. It needs the program, pandas and
openpyxl, not the Python module.
"""

import os
import pathlib
import subprocess

import pytest

pd = pytest.importorskip("pandas")
pytest.importorskip("openpyxl")

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
DISTRICT = str(SEEDS / "003_53900fa8173cc0f4.txt")
OTHERS = [str(SEEDS / n) for n in ("001_e9d616c0cc0faf37.txt", "002_e22083f13b5790bb.txt")]

# CSV prints reals with the table's decimals (2 or more); a workbook keeps the double.
CSV_TOLERANCE = 0.0051

# The commands of the issue, each with arguments that give several tables where it can.
COMMANDS = {
    "compare": ["compare"],
    "gaps": ["gaps", DISTRICT, "--against", *OTHERS],
    "coverage": ["coverage", "--view", "all"],
    "targets": ["targets", "--long"],
    "agencies": ["agencies", "--table", "all"],
    "similar": ["similar", "--top-k", "2"],
}


@pytest.fixture(scope="module")
def program():
    path = os.environ.get("PLANCMP_CLI") or str(ROOT / "build" / "bin" / "plancmp")
    if not os.access(path, os.X_OK):
        pytest.skip(f"the plancmp program is not built at {path} (set PLANCMP_CLI)")
    return path


def run(program, args, tmp_path):
    r = subprocess.run([program, *args, "--threads", "2", "--quiet"], capture_output=True, cwd=tmp_path,
                       timeout=900)
    assert r.returncode == 0, r.stderr.decode()
    return r


def json_tables(program, args, tmp_path):
    """The same tables as JSON (the typed model): a list of {caption, columns, rows, notes}."""
    import json

    out = json.loads(run(program, [*args, "--format", "json"], tmp_path).stdout)
    return out if isinstance(out, list) else [out]


def value(cell):
    return cell["value"] if isinstance(cell, dict) else cell


def same_types(frame, table, what, tolerance=1e-9):
    """Numbers in the table are numbers in the frame, text is text: a column whose cells
    are all numbers (or empty) reads as a numeric dtype, and the values agree."""
    assert len(frame) == len(table["rows"]), what
    for c, column in enumerate(table["columns"]):
        cells = [value(row[c]) for row in table["rows"]]
        present = [v for v in cells if v is not None and v != ""]
        if present and all(isinstance(v, (int, float)) for v in present):
            assert pd.api.types.is_numeric_dtype(frame.iloc[:, c]), f"{what}: {column} is {frame.iloc[:, c].dtype}"
            for got, want in zip(frame.iloc[:, c], cells):
                assert (pd.isna(got) and want is None) or abs(got - want) <= tolerance, f"{what}: {column}: {got} != {want}"
        elif present and all(isinstance(v, str) for v in present):
            texts = [v for v in frame.iloc[:, c] if not pd.isna(v)]
            assert len(texts) == len(present), f"{what}: {column}: empty cells"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_workbook_every_sheet_reads_with_types(program, tmp_path, command):
    book = tmp_path / f"{command}.xlsx"
    run(program, [*COMMANDS[command], "--format", "xlsx", "-o", str(book)], tmp_path)
    tables = json_tables(program, COMMANDS[command], tmp_path)
    contents = pd.read_excel(book, sheet_name="contents")
    assert list(contents["caption"]) == [t["caption"] for t in tables]
    assert list(contents.columns) == ["sheet", "caption", "rows", "columns", "notes"]
    assert len(contents) >= 1 and contents["rows"].dtype.kind == "i"
    sheets = pd.read_excel(book, sheet_name=None, header=None)
    assert list(sheets) == ["contents", *map(str, contents["sheet"])], "one sheet per table, in order"
    for (_, entry), table in zip(contents.iterrows(), tables):
        raw = sheets[str(entry["sheet"])]
        assert raw.iloc[0, 0] == entry["caption"], "the caption in the first row"
        frame = pd.read_excel(book, sheet_name=str(entry["sheet"]), header=1, nrows=int(entry["rows"]))
        assert len(frame) == entry["rows"] and len(frame.columns) == entry["columns"]
        same_types(frame, table, f"{command}/{entry['sheet']}")
        if isinstance(entry["notes"], str):
            assert raw.iloc[int(entry["rows"]) + 3, 0] == entry["notes"].split("\n")[0], "notes under the table"


def test_workbook_types_and_frozen_headers(program, tmp_path):
    from openpyxl import load_workbook

    book = tmp_path / "compare.xlsx"
    run(program, ["compare", "--no-gaps", "--format", "xlsx", "-o", str(book)], tmp_path)
    wb = load_workbook(book)
    plans = wb[wb.sheetnames[1]]
    assert plans.freeze_panes == "A3", "caption and headers stay in view"
    similarity = pd.read_excel(book, sheet_name=wb.sheetnames[2], header=1, nrows=5)
    assert similarity.columns[0] == "plan"
    assert all(pd.api.types.is_float_dtype(similarity[c]) for c in similarity.columns[1:])
    assert similarity.iloc[0, 1] == pytest.approx(1.0, abs=1e-3)  # the full double, not the printed 1.000
    plans_frame = pd.read_excel(book, sheet_name=wb.sheetnames[1], header=1, nrows=5)
    assert plans_frame["measures"].dtype.kind == "i"
    assert "武汉市某区 2024" in set(plans_frame["plan"])


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_csv_directory_reads_table_by_table(program, tmp_path, command):
    out = tmp_path / f"{command}-tables"
    run(program, [*COMMANDS[command], "--format", "csv", "-o", str(out)], tmp_path)
    tables = json_tables(program, COMMANDS[command], tmp_path)
    if out.is_file():  # one table: one CSV file
        assert len(tables) == 1
        same_types(pd.read_csv(out), tables[0], command, CSV_TOLERANCE)
        return
    index = pd.read_csv(out / "index.csv")
    assert list(index.columns) == ["file", "caption", "rows", "columns", "notes"]
    assert sorted(os.listdir(out)) == sorted([*index["file"], "index.csv"])
    assert list(index["caption"]) == [t["caption"] for t in tables]
    for (_, entry), table in zip(index.iterrows(), tables):
        frame = pd.read_csv(out / entry["file"])
        assert frame.shape == (entry["rows"], entry["columns"]), entry["file"]
        same_types(frame, table, f"{command}/{entry['file']}", CSV_TOLERANCE)


def test_csv_directory_types(program, tmp_path):
    out = tmp_path / "compare"
    run(program, ["compare", "--no-gaps", "--format", "csv", "-o", str(out)], tmp_path)
    index = pd.read_csv(out / "index.csv")
    assert index["file"].iloc[0] == "01_plans.csv"
    plans = pd.read_csv(out / "01_plans.csv")
    assert plans["measures"].dtype.kind == "i"
    similarity = pd.read_csv(out / index["file"].iloc[1])
    assert all(pd.api.types.is_float_dtype(similarity[c]) for c in similarity.columns[1:])


def test_package_writes_workbooks_and_csv_directories(tmp_path):
    plancmp = pytest.importorskip("plancmp")
    if not hasattr(plancmp, "write_xlsx"):
        pytest.skip("the plancmp package is not the one of this tree")
    plans = plancmp.seeds()[:2]
    tables = [plancmp.agency_functions(plans), plancmp.pmc_table(plancmp.pmc(plans))]
    book = tmp_path / "t.xlsx"
    plancmp.write_xlsx(tables, str(book))
    contents = pd.read_excel(book, sheet_name="contents")
    assert list(contents["caption"]) == [t.caption for t in tables]
    assert tables[0].to_xlsx()[:2] == b"PK"
    files = plancmp.write_csv_directory(tables, str(tmp_path / "csv"))
    assert files[-1] == "index.csv" and len(files) == 3
    with pytest.raises(plancmp.UsageError):
        tables[0].render("xlsx")

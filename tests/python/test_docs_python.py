"""docs/python.md's study walkthrough runs as written (from the repository root)."""

import os
import re

import pytest

from conftest import ROOT

pytest.importorskip("pandas")
pytest.importorskip("networkx")


def walkthrough():
    text = (ROOT / "docs" / "python.md").read_text(encoding="utf-8")
    study = text.split("<!-- study:begin -->")[1].split("<!-- study:end -->")[0]
    return "\n".join(re.findall(r"```python\n(.*?)```", study, flags=re.S))


def test_python_md_study_runs(tmp_path, monkeypatch):
    if not (ROOT.parent / "shared" / "corpus" / "docs").is_dir():
        pytest.skip("the shared corpus is not at ../shared/corpus/docs")
    monkeypatch.chdir(ROOT)
    code = walkthrough().replace('savefig("coverage.png")', f'savefig({str(tmp_path / "coverage.png")!r})')
    import warnings
    scope = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the Dask dashboard's optional dependencies
        exec(compile(code, "docs/python.md", "exec"), scope)
    plans, keys = scope["plans"], scope["keys"]
    assert len(plans) == 15 and len(set(keys)) == 15
    assert scope["per_plan"].sum() == len(scope["measures"])
    assert str(scope["targets"]["year"].dtype) == "Int64"
    assert list(scope["similarity"].columns) == keys
    assert scope["shares"].index.is_unique and set(scope["shares"].index) == set(keys)
    assert scope["counts"]["carried"] > 0 and scope["changes"]["old_text"].notna().any()
    assert "PMC" in scope["pmc"].index and scope["pmc"].columns.is_unique
    assert set(scope["best"]["plan"]) <= set(keys)
    assert all(isinstance(n, str) for n in scope["network"].nodes)
    if scope["font"] is not None:
        assert (tmp_path / "coverage.png").stat().st_size > 10_000
        assert "CJK" in scope["font"] or "Hei" in scope["font"] or "Han" in scope["font"]

"""The Python examples (examples/python/*.py) run and print their key facts."""

import os
import subprocess
import sys

import pytest

import plancmp

from conftest import ROOT

EXAMPLES = ROOT / "examples" / "python"

KEY_FACTS = {
    "01_parse_plan.py": ["衡水市 (city), issued 2022-04-26", "衡政办字〔2022〕27号", "measures: 35",
                         "the first lead agency as printed in the file: 市市场监督管理局"],
    "02_compare_jurisdictions.py": ["Plan × plan similarity", "0.197", "heatmap written:"],
    "03_reuse_between_plans.py": ["宁波市 2020 ↔ 宁波市 2017", "五.(十八) ↔ 三.(一).3", "三.(一).3"],
    "04_agency_network.py": ["衡水市 2022:", "市市场监督管理局: leads", "plan graph:"],
    "05_custom_coding_scheme.py": ["innovation_actors", "企业 enterprises", "a broken scheme is refused: SchemaError"],
}


@pytest.mark.parametrize("name", sorted(KEY_FACTS))
def test_example_runs(name, tmp_path):
    args = [sys.executable, str(EXAMPLES / name)]
    if name.startswith("02_"):
        args.append(str(tmp_path / "heatmap.svg"))
    # The plancmp this test imports (installed, or a build tree on PYTHONPATH).
    package_root = os.path.dirname(os.path.dirname(plancmp.__file__))
    path = os.pathsep.join([package_root] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p])
    env = dict(os.environ, MPLCONFIGDIR=str(tmp_path), PYTHONPATH=path)
    done = subprocess.run(args, capture_output=True, text=True, cwd=tmp_path, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    for fact in KEY_FACTS[name]:
        assert fact in done.stdout, f"{name}: '{fact}' missing from\n{done.stdout}"
    if name.startswith("02_"):
        assert (tmp_path / "heatmap.svg").read_text().lstrip().startswith("<?xml")

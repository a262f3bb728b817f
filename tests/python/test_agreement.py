"""Agreement statistics and coding sheets from Python, checked against scikit-learn."""

import json
import math
import random
import subprocess

import pytest

import plancmp
from conftest import ROOT, SEEDS

GOLD = ROOT / "tests" / "data" / "gold" / "coding"


def test_kappa_matches_sklearn():
    sklearn_metrics = pytest.importorskip("sklearn.metrics")
    rng = random.Random(20)
    for _ in range(100):
        n = rng.randint(2, 40)
        a = [rng.random() < 0.4 for _ in range(n)]
        b = [x if rng.random() < 0.8 else not x for x in a]
        k = plancmp.cohen_kappa(a, b)
        if len(set(a)) == 1 and len(set(b)) == 1 and a[0] == b[0]:
            assert math.isnan(k)
            continue
        assert k == pytest.approx(sklearn_metrics.cohen_kappa_score(a, b))


def test_alpha_by_hand():
    a = [1, 1, 0, 0, 1, 0, 1, 0, 0, 0]
    b = [1, 0, 0, 0, 1, 0, 1, 1, 0, 0]
    assert plancmp.krippendorff_alpha([x == 1 for x in a], [x == 1 for x in b]) == pytest.approx(1 - 38 / 96)


def test_agreement_against_the_gold_and_between_people():
    table = plancmp.agreement(GOLD / "A.json", "auto", seeds_dir=SEEDS)
    df = plancmp.table_to_pandas(table)
    ip = df[df["variable"] == "ip_related"].iloc[0]
    assert ip["precision"] >= 0.95
    assert set(df["theme"]) >= {"creation", "utilization", "protection", "management", "services",
                                "supply", "environment", "demand", "(all)"}
    people = plancmp.table_to_pandas(plancmp.agreement(GOLD / "A.json", GOLD / "B.json"))
    assert (people["units"] > 0).all()


def test_coding_sheet_round_trip(seed, tmp_path):
    """Export plancmp's codes, correct one unit by hand, re-import: the correction shows."""
    plan = seed("003_53900fa8173cc0f4.txt")
    sheet = json.loads(plancmp._core.code_plan_json(plan, "seeds/003_53900fa8173cc0f4.txt"))
    assert sheet["automatic"] is True
    first = sheet["units"][0]
    assert first["evidence"], "automatic codes carry evidence"
    corrected = json.loads(json.dumps(sheet))
    corrected["coder"] = "human"
    corrected["automatic"] = False
    corrected["units"][0]["ip_related"] = not first["ip_related"]
    corrected["units"][0]["value_chain"] = [] if first["ip_related"] else ["management"]
    path = tmp_path / "corrected.json"
    path.write_text(json.dumps(corrected, ensure_ascii=False), encoding="utf-8")
    df = plancmp.table_to_pandas(plancmp.agreement(path, sheet))
    ip = df[df["variable"] == "ip_related"].iloc[0]
    assert ip["both"] + ip["neither"] == len(sheet["units"]) - 1


def test_learned_coder_reports_cross_validated_f1_and_suggestions():
    sheet = json.loads((GOLD / "A.json").read_text(encoding="utf-8"))
    # Learn from the Ningbo 2020 and Hengshui units only, suggest among the other seeds.
    keep = {"seeds/000_edee8db098a98e76.txt", "seeds/001_e9d616c0cc0faf37.txt"}
    sheet["units"] = [u for u in sheet["units"] if u["source"] in keep]
    quality, suggestions = plancmp.learn(sheet, ["seeds/004_b234aa7c753f2ac8.txt"], folds=3, suggest=5,
                                         seeds_dir=SEEDS)
    q = plancmp.table_to_pandas(quality)
    assert set(q["theme"]) >= {"ip_related", "protection", "supply"}
    assert (q["positives"] >= 0).all()
    s = plancmp.table_to_pandas(suggestions)
    assert len(s) == 5 and (s["source"] == "seeds/004_b234aa7c753f2ac8.txt").all()
    assert list(s["uncertainty"]) == sorted(s["uncertainty"], reverse=True)
    again = plancmp.table_to_pandas(plancmp.learn(sheet, ["seeds/004_b234aa7c753f2ac8.txt"], folds=3, suggest=5,
                                                  seeds_dir=SEEDS)[1])
    assert again.equals(s)  # deterministic


def test_human_codes_drive_pmc_from_an_excel_sheet(seed, cli, tmp_path):
    """Export plancmp's codes as xlsx (the CLI), read the workbook back from Python, and let
    a person's codes drive PMC: the results say whose codes they are."""
    plan = seed("003_53900fa8173cc0f4.txt")
    xlsx = tmp_path / "codes.xlsx"
    subprocess.run([cli, "codes", str(SEEDS / "003_53900fa8173cc0f4.txt"), "--format", "xlsx",
                    "-o", str(xlsx)], check=True)
    sheet = plancmp.read_coding_sheet(xlsx)
    assert sheet["automatic"] is True and len(sheet["units"]) == len(plan.measures)
    human = dict(sheet, coder="H", automatic=False)
    human["units"] = [dict(u, value_chain=[], evidence=[]) for u in sheet["units"]]
    [auto] = plancmp.pmc([plan])
    [mine] = plancmp.pmc_from_codes([plan], human)
    assert auto.codes == "" and mine.codes == "human codes: H"
    # No stage coded by the person: the value-chain variable scores 0, not the tagger's 1.
    assert mine.pmc < auto.pmc
    assert "(human codes: H)" in plancmp.pmc_table([mine]).caption

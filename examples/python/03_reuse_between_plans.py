#!/usr/bin/python3
"""Passages Ningbo's 2020 plan reuses from its 2017 plan, with the bytes of both files.

    python 03_reuse_between_plans.py [PLAN_A PLAN_B]
"""
import sys

import plancmp

if len(sys.argv) == 3:
    a, b = plancmp.parse(sys.argv[1]), plancmp.parse(sys.argv[2])
else:
    seeds = plancmp.seeds()
    a, b = seeds[0], seeds[4]
report = plancmp.reuse(a, b)
print(f"{a.label} ↔ {b.label}: {len(report)} reused passages ({report.candidate_pairs} measure pairs aligned)")
for p in report.passages[:5]:
    print(f"  {p.id_a} ↔ {p.id_b}: {p.length} characters, identity {p.identity:.2f}, "
          f"bytes {p.span_a.begin}-{p.span_a.end} / {p.span_b.begin}-{p.span_b.end}")
    print(f"    {p.text_a[:60]}")
best = plancmp.similar([a, b], top_k=1).to_pandas()
print(best[best["unit"] == "五.(十八)"][["plan", "unit", "similar_plan", "similar_unit", "score"]].to_string(index=False))
df = report.to_table().to_pandas()
print(f"as a DataFrame: {df.shape[0]} rows, columns {list(df.columns)}")

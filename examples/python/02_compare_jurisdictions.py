#!/usr/bin/python3
"""The four-jurisdiction comparison (Ningbo 2020, Hengshui, Gansu, the Wuhan district) as
pandas DataFrames, and the text-similarity heatmap drawn with matplotlib.

    python 02_compare_jurisdictions.py [HEATMAP.png|.svg]   (default: a temporary folder)
"""
import os
import sys
import tempfile

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

import plancmp  # noqa: E402

seeds = plancmp.seeds()
plans = [seeds[0], seeds[1], seeds[2], seeds[3]]  # Ningbo 2020, Hengshui, Gansu, district
labels = [p.label for p in plans]

similarity = plancmp.plan_matrix(plans, "text")
matrix = pd.DataFrame(similarity.score, index=labels, columns=labels)
coverage = plancmp.coverage(plans, "ip_value_chain")
shares = pd.DataFrame(coverage.shares, index=coverage.plans, columns=coverage.themes).T
tools = plancmp.tools_by_chain(plans).to_table().to_pandas()
pmc = plancmp.pmc_table(plancmp.pmc(plans)).to_pandas()

pd.set_option("display.width", 160)
print("Plan × plan similarity (mean best match):")
print(matrix.round(3).to_string())
print("\nShare of measures per value-chain stage:")
print(shares.round(3).to_string())
print(f"\nPolicy tools × value chain, all four plans: {tools.shape[0]} rows × {tools.shape[1]} columns")
print(f"PMC table: {pmc.shape[0]} rows")

path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(tempfile.mkdtemp(), "similarity.png")
fig, ax = plt.subplots(figsize=(5, 4))
image = ax.imshow(similarity.score, vmin=0, vmax=1, cmap="viridis")
ax.set_xticks(range(len(plans)), [f"P{i + 1}" for i in range(len(plans))])
ax.set_yticks(range(len(plans)), [f"P{i + 1}" for i in range(len(plans))])
for i in range(len(plans)):
    for j in range(len(plans)):
        value = similarity.score[i, j]
        ax.text(j, i, f"{value:.2f}", ha="center", va="center", color="k" if value > 0.5 else "w", fontsize=8)
fig.colorbar(image, ax=ax, label="mean best match")
ax.set_title("Text similarity of four IP plans")
fig.tight_layout()
fig.savefig(path)
print("\n" + "\n".join(f"P{i + 1} = {p.path}" for i, p in enumerate(plans)))
print(f"heatmap written: {path} ({os.path.getsize(path)} bytes)")

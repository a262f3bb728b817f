"""A deterministic synthetic corpus of plans built from the bundled seeds, for tests and
benchmarks at scale (the Python counterpart of bench/synthetic_corpus.hpp).

Each plan is a task section of numbered items; an item is two to four sentences drawn from
the seeds' measures, with a share of their Han characters replaced, so plans share phrasing
the way real plans do; every tenth item is copied from an earlier plan (planted reuse).
"""

from __future__ import annotations

import random
from typing import List

from . import _core

_PUNCTUATION = set("。，、；：（）《》“”")


def _sentences() -> List[str]:
    out = []
    for plan in _core.seeds():
        for m in plan.measures:
            text = m.text.replace(m.clause, "") if m.clause else m.text
            for s in "".join(text.split()).split("。")[1:]:  # the first holds the number
                if len(s) >= 8:
                    out.append(s)
    return out


def synthetic_texts(plans: int, measures_per_plan: int = 40, seed: int = 20260601,
                    rate: float = 0.15) -> List[str]:
    """The plans' texts (UTF-8 str), same arguments, same texts."""
    rng = random.Random(seed)
    sentences = _sentences()
    alphabet = sorted({c for s in sentences for c in s if "\u4e00" <= c <= "\u9fff"})
    items: List[List[str]] = []
    texts = []
    for k in range(plans):
        lines = [f"第{k + 1}号知识产权工作推进计划", "一、重点任务"]
        for i in range(measures_per_plan):
            if items and i % 10 == 9:
                body = rng.choice(items)
            else:
                chosen = [rng.choice(sentences) for _ in range(rng.randint(2, 4))]
                body = "".join(
                    "".join(rng.choice(alphabet) if c not in _PUNCTUATION and rng.random() < rate else c
                            for c in s) + "。" for s in chosen)
                items.append(body)
            lines.append(f"{i + 1}.{body}")
        texts.append("\n".join(lines) + "\n")
    return texts


def synthetic_plans(plans: int, measures_per_plan: int = 40, seed: int = 20260601) -> List["_core.Plan"]:
    """The synthetic texts parsed, named ``synthetic/NNNN.txt``."""
    return [_core.parse_bytes(t.encode("utf-8"), f"synthetic/{k:04d}.txt")
            for k, t in enumerate(synthetic_texts(plans, measures_per_plan, seed))]

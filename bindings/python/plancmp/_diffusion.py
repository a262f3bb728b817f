"""Glue between plancmp.diffusion's result and pandas and networkx (docs/diffusion.md)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Dict

from ._interop import _require, table_to_pandas

if TYPE_CHECKING:  # pragma: no cover
    from . import _core


def diffusion_to_networkx(result: "_core.DiffusionResult"):
    """The plan diffusion network as a ``networkx.DiGraph``: nodes "p0", "p1", … with label,
    level, place, province, issued, measures, originality and influence; edges with weight
    (borrowed measures), copied, adapted and relation. Read from the result's GraphML."""
    nx = _require("networkx", "python3-networkx")
    return nx.parse_graphml(result.to_graphml())


def diffusion_tables(result: "_core.DiffusionResult") -> Dict[str, "object"]:
    """The result's tables as pandas DataFrames: attributions (borrowed measures), edges
    and plans."""
    return {
        "attributions": table_to_pandas(result.attributions_table()),
        "edges": table_to_pandas(result.edges_table()),
        "plans": table_to_pandas(result.plans_table()),
    }

"""Plots of plancmp frames with matplotlib (Debian's python3-matplotlib), Chinese labels
included: :func:`use_cjk_font` picks an installed font that has Chinese glyphs, so labels
such as 宁波市 draw as text instead of empty boxes.

    >>> import plancmp.plotting as pp
    >>> pp.use_cjk_font()                  # 'Noto Sans CJK SC' on Debian with fonts-noto-cjk
    >>> fig = pp.heatmap(matrix_frame, title="similarity")
    >>> fig.savefig("similarity.png")
"""

from __future__ import annotations

from typing import Optional, Sequence

from ._interop import _require

__all__ = ["CJK_FONTS", "use_cjk_font", "heatmap"]

#: Font families tried in order; the first one installed is used.
CJK_FONTS: Sequence[str] = (
    "Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC", "Source Han Sans CN",
    "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "AR PL UMing CN", "AR PL UKai CN",
    "Droid Sans Fallback", "SimHei", "Microsoft YaHei", "PingFang SC", "Heiti SC",
)


def use_cjk_font(candidates: Sequence[str] = CJK_FONTS) -> Optional[str]:
    """Makes matplotlib draw with the first installed font of ``candidates`` (Chinese
    glyphs), keeping its default font as a fallback for Latin text. Returns the family, or
    None when no candidate is installed (Chinese then draws as boxes; install
    fonts-noto-cjk)."""
    matplotlib = _require("matplotlib", "python3-matplotlib")
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    for family in candidates:
        if family in installed:
            current = list(matplotlib.rcParams["font.sans-serif"])
            matplotlib.rcParams["font.family"] = "sans-serif"
            matplotlib.rcParams["font.sans-serif"] = [family] + [f for f in current if f != family]
            matplotlib.rcParams["axes.unicode_minus"] = False
            return family
    return None


def heatmap(frame, *, title: str = "", cmap: str = "viridis", annotate: bool = True, ax=None):
    """A heatmap of a wide DataFrame (rows × columns, numbers; NaN drawn blank) with its
    index and column labels, a colour bar fitted to the data, and values written in the
    cells when ``annotate``. Returns the matplotlib Figure."""
    _require("matplotlib", "python3-matplotlib")
    import matplotlib.pyplot as plt
    import numpy as np

    use_cjk_font()
    values = frame.to_numpy(dtype=float)
    if ax is None:
        fig, ax = plt.subplots(figsize=(1.2 + 0.9 * values.shape[1], 1.0 + 0.45 * values.shape[0]))
    else:
        fig = ax.figure
    masked = np.ma.masked_invalid(values)
    image = ax.imshow(masked, cmap=cmap, aspect="auto")
    ax.set_xticks(range(values.shape[1]))
    ax.set_xticklabels([str(c) for c in frame.columns], rotation=45, ha="right")
    ax.set_yticks(range(values.shape[0]))
    ax.set_yticklabels([str(i) for i in frame.index])
    if annotate and values.size <= 400:
        for (i, j), v in np.ndenumerate(values):
            if v == v:
                ax.text(j, i, f"{v:.2f}", ha="center", va="center", fontsize=7, color="white")
    fig.colorbar(image, ax=ax)
    if title:
        ax.set_title(title)
    fig.tight_layout()
    return fig

"""PNG plots for researchers: confusion matrix and learning curve (matplotlib, no display)."""
from __future__ import annotations

from pathlib import Path

from nianbao.evaluate.metrics import Example, confusion


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def plot_confusion(examples: list[Example], path: str | Path, title: str = "") -> Path:
    """Gold label (rows) against predicted label (columns); "O" = missed / spurious."""
    pairs = confusion(examples)
    names = sorted({g for g, _ in pairs} | {p for _, p in pairs} - {"O"}) + ["O"]
    names = list(dict.fromkeys(n for n in names))
    index = {n: i for i, n in enumerate(names)}
    grid = [[0] * len(names) for _ in names]
    for (g, p), n in pairs.items():
        grid[index[g]][index[p]] += n
    plt = _pyplot()
    size = max(6.0, 0.32 * len(names) + 2)
    fig, ax = plt.subplots(figsize=(size, size))
    ax.imshow(grid, cmap="Blues")
    ax.set_xticks(range(len(names)), names, rotation=90, fontsize=7)
    ax.set_yticks(range(len(names)), names, fontsize=7)
    for i, row in enumerate(grid):
        for j, n in enumerate(row):
            if n:
                ax.text(j, i, str(n), ha="center", va="center", fontsize=6,
                        color="white" if n > max(map(max, grid)) / 2 else "black")
    ax.set_xlabel("predicted")
    ax.set_ylabel("gold")
    ax.set_title(title)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return Path(path)


def plot_learning_curve(series: dict[str, list[tuple[int, float]]], path: str | Path, xlabel: str,
                        ylabel: str = "value-level micro F1 (cross-validated)", doublings: bool = False) -> Path:
    """One line a system; `doublings`: sizes on a log-2 axis and F1 on the range the points span, so
    that the gain per doubling of the data reads as a slope."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(6, 4))
    for name, points in series.items():
        xs, ys = zip(*points)
        ax.plot(xs, ys, marker="o", label=name)
        if doublings:
            for x, y in points:
                ax.annotate(f"{y:.3f}", (x, y), textcoords="offset points", xytext=(0, 6), ha="center", fontsize=8)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if doublings:
        ax.set_xscale("log", base=2)
        ax.set_xticks(sorted({x for points in series.values() for x, _ in points}))
        ax.get_xaxis().set_major_formatter(lambda x, _: f"{x:g}")
        ax.margins(y=0.25)
    else:
        ax.set_ylim(0, 1)
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return Path(path)

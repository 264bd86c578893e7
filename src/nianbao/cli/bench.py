"""`nianbao bench`: reports per second and peak memory, as ratios to the fastest."""
from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path

import click


@click.command()
@click.argument("inputs", nargs=-1)
@click.option("--systems", default=None,
              help="Comma-separated subset: read (the format converters alone), rules, crf, whole, windows, onnx, "
                   "optimised, check (default: all).")
@click.option("--repeat", type=int, default=3, show_default=True, help="Timed passes over the documents.")
@click.option("--batch", "batch", is_flag=True, help="Measure the batch job: 1 and 2 workers and Ray.")
@click.option("--scale", default=None,
              help="With --batch: sizes of generated corpora (500,2000,10000): rate, main-process peak RSS, "
                   "database KB per report, re-run time.")
@click.option("--review", "review", default=None,
              help="Sizes (2000,10000) of databases of copies of the INPUT reports (default: corpus/samples): the "
                   "review app's listing and summary page, and the --html export's time and peak RSS.")
@click.option("--extractor", type=click.Choice(["model", "rules", "crf", "none"]), default="model", show_default=True,
              help="Fact extractor of the batch benchmarks.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default="evaluate", show_default=True)
def command(inputs, systems, repeat, batch, scale, review, extractor, out_dir):
    """Measure on INPUT files/folders (default: the seeds and the real corpus in ../shared)."""
    from nianbao.batch.inputs import expand_inputs
    from nianbao.bench import measure, measure_batch, ratio_table, system_keys

    if review:
        _review(review, list(inputs) or [_checkout("corpus", "samples")], Path(out_dir))
        return
    if scale:
        if not batch:
            raise click.BadParameter("--scale measures the batch job: add --batch", param_hint="--scale")
        _scale(scale, extractor, Path(out_dir))
        return
    if not inputs:
        inputs = [str(_checkout("..", "shared", "seeds")), str(_checkout("..", "shared", "corpus", "real"))]
    paths, missing = expand_inputs(list(inputs))
    for item, problem in missing:
        raise click.ClickException(f"{item}: {problem}")
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    if batch:
        rows = measure_batch(list(inputs), extractor=extractor)
        table = ratio_table(rows, lambda r: f"{r.engine}, {r.workers} worker(s)", lambda r: r.reports_per_second,
                            [("reports", lambda r: r.reports), ("peak MB / worker", lambda r: r.peak_rss_mb_per_worker)])
        name = "bench_batch"
    else:
        try:
            chosen = system_keys(systems)
        except ValueError as err:
            raise click.BadParameter(str(err), param_hint="--systems") from None
        rows = measure(paths, chosen, repeat)
        load = lambda r: "included" if r.load_seconds is None else r.load_seconds  # noqa: E731
        table = ratio_table(rows, lambda r: r.system, lambda r: r.reports_per_second,
                            [("peak MB", lambda r: r.peak_rss_mb), ("load s", load)])
        name = "bench"
    header = f"{len(paths)} documents, " + ("batch job" if batch else f"{repeat} timed passes after a warm-up") + "\n\n"
    (Path(out_dir) / f"{name}.md").write_text(header + table, encoding="utf-8")
    (Path(out_dir) / f"{name}.json").write_text(json.dumps([asdict(r) for r in rows], indent=1), encoding="utf-8")
    click.echo(header + table)


def _sizes(text: str, option: str) -> list[int]:
    try:
        sizes = sorted({int(s) for s in text.split(",") if s.strip()})
    except ValueError:
        raise click.BadParameter(f"{text!r}: give sizes as 500,2000,10000", param_hint=option) from None
    if not sizes or sizes[0] < 1:
        raise click.BadParameter(f"{text!r}: give sizes as 500,2000,10000", param_hint=option)
    return sizes


def _checkout(*parts: str) -> Path:
    """A folder of the source checkout that a default input names; a clear error where nianbao
    runs from an installed copy without it."""
    path = (Path(__file__).resolve().parents[3] / Path(*parts)).resolve()
    if not path.exists():
        raise click.ClickException(f"{path}: no such folder (the default inputs are read from the source "
                                   "checkout); name the input files or folders")
    return path


def _review(review: str, samples: list[str | Path], out_dir: Path) -> None:
    from nianbao.bench import measure_review, review_table

    rows = [measure_review(n, samples) for n in _sizes(review, "--review")]
    out_dir.mkdir(parents=True, exist_ok=True)
    named = ", ".join(os.path.relpath(s) for s in samples)
    text = (f"The review app and `nianbao batch --html` over databases of copies of {named} (rules extractor, "
            "each copy its own report; a review on every 7th FAIL/UNCERTAIN finding)\n\n" + review_table(rows))
    (out_dir / "bench_review.md").write_text(text, encoding="utf-8")
    (out_dir / "bench_review.json").write_text(json.dumps([asdict(r) for r in rows], indent=1), encoding="utf-8")
    click.echo(text)


def _scale(scale: str, extractor: str, out_dir: Path) -> None:
    from nianbao.bench import measure_scale, plot_scale, scale_table

    sizes = _sizes(scale, "--scale")
    rows = measure_scale(sizes, extractor=extractor)
    out_dir.mkdir(parents=True, exist_ok=True)
    header = (f"`nianbao batch` on generated reports (nianbao.synth, seed 123), extractor {extractor}, local engine, "
              "a fresh database per size; the re-run is the whole command over the same inputs (all skipped)\n\n")
    text = header + scale_table(rows)
    (out_dir / "bench_scale.md").write_text(text, encoding="utf-8")
    (out_dir / "bench_scale.json").write_text(json.dumps([asdict(r) for r in rows], indent=1), encoding="utf-8")
    plot_scale(rows, out_dir / "bench_scale.png")
    click.echo(text + f"\nplot -> {out_dir / 'bench_scale.png'}")

"""`nianbao evaluate`: cross-validated accuracy of the model and both baselines."""
from __future__ import annotations

import click


@click.command()
@click.option("--gold", "gold_dir", type=click.Path(file_okay=False, exists=True), default=None,
              help="An annotation folder (default: annotation/gold, the real gold corpus).")
@click.option("--systems", default="rules,crf,model", show_default=True, help="Comma-separated: rules, crf, model.")
@click.option("--folds", type=int, default=4, show_default=True, help="Cross-validation folds over documents.")
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default="evaluate", show_default=True)
@click.option("--learning-curve", "curve", default="", help="Generated-report counts for the CRF learning curve, e.g. 0,30,60,120.")
@click.option("--real-curve", "real_curve", default="",
              help="Real training documents per fold for a learning curve of the trained systems chosen, e.g. 0,3,6,9.")
@click.option("--issuers", "issuers", is_flag=True,
              help="Score issuer and year read from each page against MANIFEST's issuer and year columns instead.")
@click.option("--chrome", "chrome", is_flag=True,
              help="Count facts taken from page chrome on MANIFEST's pages, per system in --systems, instead.")
@click.option("--manifest", type=click.Path(dir_okay=False), default="corpus/real-pages/MANIFEST.tsv",
              show_default=True, help="With --issuers/--chrome: the page manifest (pages: $NIANBAO_REAL_PAGES/<sha256>.txt).")
def command(gold_dir, systems, folds, seed, out_dir, curve, real_curve, issuers, chrome, manifest):
    """Per-label precision/recall/F1 (strict and value-level) with bootstrap intervals,
    confusion matrices and a learning curve, written to OUT (results.md, results.json, PNGs).
    With --issuers: issuer accuracy (right / named in the text / invented) and year accuracy."""
    from pathlib import Path

    if issuers or chrome:
        from nianbao.evaluate.issuers import chrome_summary, score_issuers

        if not Path(manifest).is_file():
            raise click.ClickException(f"{manifest}: no such manifest")
        if issuers:
            click.echo(score_issuers(manifest).summary())
        if chrome:
            click.echo(chrome_summary(manifest, [s.strip() for s in systems.split(",") if s.strip()]))
        return
    from nianbao.evaluate.data import load_gold_docs
    from nianbao.evaluate.plots import plot_learning_curve
    from nianbao.evaluate.runner import SYSTEMS, learning_curve, real_learning_curve, run_evaluation

    docs = load_gold_docs(gold_dir)
    chosen = [SYSTEMS[name.strip()]() for name in systems.split(",") if name.strip()]
    results = run_evaluation(docs, chosen, folds, seed, out_dir, progress=lambda m: click.echo(m, err=True))
    click.echo((Path(out_dir) / "results.md").read_text(encoding="utf-8"))
    if curve:
        points = learning_curve(docs, [int(x) for x in curve.split(",")], folds, seed)
        path = plot_learning_curve({"crf": points}, Path(out_dir) / "learning_curve.png",
                                   "generated reports added to each fold's training documents")
        click.echo("learning curve: " + ", ".join(f"{n}: {f:.3f}" for n, f in points) + f" -> {path}")
    if real_curve:
        sizes = [int(x) for x in real_curve.split(",")]
        series = {}
        for system in chosen:
            if system.name == "rules":
                continue  # nothing to train
            click.echo(f"real-document learning curve: {system.name} at {sizes}", err=True)
            series[system.name] = real_learning_curve(docs, system, sizes, folds, seed)
            click.echo(f"{system.name}: " + ", ".join(f"{n}: {f:.3f}" for n, f in series[system.name]))
        if series:
            path = plot_learning_curve(series, Path(out_dir) / "learning_curve_real.png",
                                       "real annotated documents each fold trains on")
            click.echo(f"real-document learning curve -> {path}")
    click.echo(f"results -> {out_dir}/results.json ({len(results['systems'])} systems)")

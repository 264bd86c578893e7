"""`nianbao evaluate`: cross-validated accuracy of the model and both baselines; with
``--real-pages``, accuracy on the held-out real pages; ``--issuers`` and ``--cells`` score the
issuer/year and the table cells read from real pages."""
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
              help="Real training documents per fold for a learning curve of the trained systems chosen, e.g. 0,3,6,9; "
                   "with --real-pages: documents fitted on (a seeded order, each size holding the smaller ones), "
                   "each size scored on the held-out split (OUT/real_pages_<split>_curve.json, .md and .png).")
@click.option("--real-pages", "real_pages", default="",
              help="Score on the held-out real pages instead: the split to test on (test), systems fitted on "
                   "the gold corpus plus the real pages of --train-splits.")
@click.option("--train-splits", default="train,dev", show_default=True,
              help="Real-page splits the systems are fitted on with --real-pages or --held-out-pages.")
@click.option("--held-out-pages", "held_out", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Score the pages a FILE lists (a page id a line, as add-pages prints them; pages of "
                   "--train-splits only), fitting the systems on the gold corpus and the other pages of "
                   "--train-splits: a check on pages no rule or recipe was chosen on, before a model is "
                   "trained on them. Writes OUT/held_out_pages.md and .json.")
@click.option("--shipped-model", "shipped", type=click.Path(exists=True, file_okay=False), default=None,
              help="With --real-pages or --held-out-pages: score this trained tagger folder as it is (e.g. models/default, trained "
                   "on the gold corpus and the train and dev pages) instead of fitting the model here.")
@click.option("--model-config", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Training config whose fine-tuning recipe the model system uses (default: the shipped model's).")
@click.option("--issuers", "issuers", is_flag=True,
              help="Score issuer and year read from each page against MANIFEST's issuer and year columns instead.")
@click.option("--chrome", "chrome", is_flag=True,
              help="Count facts taken from page chrome on MANIFEST's pages, per system in --systems, instead.")
@click.option("--manifest", type=click.Path(dir_okay=False), default="corpus/real-pages/MANIFEST.tsv",
              show_default=True, help="With --issuers/--chrome: the page manifest (pages: $NIANBAO_REAL_PAGES/<sha256>.txt); "
                                      "with --cells: each page's split (--real-pages SPLITS keeps those splits); with "
                                      "--held-out-pages: the pages' splits; with --real-pages: the pages scored and "
                                      "fitted on (a copy without the pages the cache lacks fits on the rest).")
@click.option("--cells", "cells", is_flag=True,
              help="Score table cells (and gold findings) on real pages instead: writes OUT/cells.md and cells.json.")
@click.option("--cell-gold", "cell_gold", type=click.Path(file_okay=False), default=None,
              help="Cell gold folder for --cells (default: annotation/real-pages-cells).")
@click.option("--pages", "pages", type=click.Path(file_okay=False), default=None,
              help="Cached page texts <sha256>.txt for --cells (default: $NIANBAO_REAL_PAGES or "
                   "~/.cache/nianbao/real-pages).")
@click.option("--agreement", "agreement", is_flag=True,
              help="Score the second, independent annotation pass (annotation/real-pages-second) against the "
                   "first (annotation/real-pages) instead: writes OUT/agreement.md and agreement.json.")
@click.option("--extractor", default="model", show_default=True,
              type=click.Choice(["model", "rules", "crf", "none"]),
              help="Fact extractor for gold text.* findings under --cells.")
def command(gold_dir, systems, folds, seed, out_dir, curve, real_curve, real_pages, train_splits, held_out, shipped,
            model_config,
            issuers, chrome, manifest, cells, cell_gold, pages, agreement, extractor):
    """Per-label precision/recall/F1 (strict and value-level) with bootstrap intervals,
    confusion matrices and a learning curve, written to OUT (results.md, results.json, PNGs).
    With --real-pages: the same on the held-out real pages. With --issuers: issuer accuracy
    (right / named in the text / invented) and year accuracy. With --cells: cell accuracy
    overall, per printed shape and per table, on the real pages that have cell gold."""
    from pathlib import Path

    from click.core import ParameterSource

    listed = manifest if Path(manifest).is_file() else None  # None: the default manifest
    typed = click.get_current_context().get_parameter_source("manifest") is not ParameterSource.DEFAULT
    if listed is None and (typed or issuers or chrome):  # a mistyped path is not the default
        raise click.ClickException(f"{manifest}: no such manifest")
    if issuers or chrome:
        from nianbao.evaluate.issuers import chrome_summary, score_issuers

        if issuers:
            click.echo(score_issuers(manifest).summary())
        if chrome:
            click.echo(chrome_summary(manifest, [s.strip() for s in systems.split(",") if s.strip()]))
        return
    if agreement:
        _agreement(Path(out_dir))
        return
    if cells:
        splits = tuple(s.strip() for s in real_pages.split(",") if s.strip())
        _cells(cell_gold, pages, extractor, Path(out_dir), listed, splits)
        return
    from nianbao.errors import NianbaoError
    from nianbao.evaluate.data import held_out_pages, load_gold_docs, load_page_docs, read_page_ids
    from nianbao.evaluate.plots import plot_learning_curve
    from nianbao.evaluate.runner import SYSTEMS, learning_curve, real_learning_curve, run_evaluation, run_heldout

    fit_splits = tuple(s.strip() for s in train_splits.split(",") if s.strip())
    if held_out:  # a page list that names a test page is refused before anything is read or fitted
        try:
            test, rest = held_out_pages(read_page_ids(held_out), fit_splits, listed)
        except NianbaoError as err:
            raise click.ClickException(str(err)) from None
    docs = load_gold_docs(gold_dir)
    chosen = [SYSTEMS[name.strip()]() for name in systems.split(",") if name.strip()]
    for system in chosen:
        if system.name == "model" and model_config:
            system.config = model_config
    if shipped:
        from nianbao.evaluate.runner import ShippedModel

        chosen = [ShippedModel(shipped) if s.name == "model" else s for s in chosen]
    if real_pages or held_out:
        if held_out:
            train, name = docs + rest, "held_out_pages"
        else:
            train = docs + _scored(lambda: load_page_docs(fit_splits, listed))
            test = _scored(lambda: load_page_docs((real_pages,), listed))
            if not test:
                raise click.ClickException(f"no annotated real pages in the {real_pages!r} split")
            name = f"real_pages_{real_pages}"
        if real_curve:
            _heldout_curve(train, test, chosen, [int(x) for x in real_curve.split(",")], seed, Path(out_dir), name)
            return
        run_heldout(train, test, chosen, out_dir, name=name, progress=lambda m: click.echo(m, err=True))
        click.echo((Path(out_dir) / f"{name}.md").read_text(encoding="utf-8"))
        return
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


def _agreement(out) -> None:
    from nianbao.evaluate.agreement import agreement_markdown, second_pass_agreement

    result = _scored(second_pass_agreement)
    _write_results(out, "agreement", agreement_markdown(result), result, result["pages"])


def _cells(gold_dir, pages, extractor, out, manifest, splits) -> None:
    from nianbao.evaluate.cells import cells_markdown, evaluate_cells

    results = _scored(lambda: evaluate_cells(gold_dir, pages, extractor, manifest, splits))
    _write_results(out, "cells", cells_markdown(results), results, results["pages"])
    if results["errors"]:
        raise click.exceptions.Exit(1)


def _scored(score):
    """`score()`, a bad input file reported as a click error that names it."""
    from nianbao.errors import NianbaoError

    try:
        return score()
    except NianbaoError as err:
        raise click.ClickException(str(err)) from None


def _write_results(out, name: str, markdown: str, results: dict, pages: int) -> None:
    """OUT/<name>.md and OUT/<name>.json, the table echoed."""
    import json

    out.mkdir(parents=True, exist_ok=True)
    (out / f"{name}.md").write_text(markdown, encoding="utf-8")
    (out / f"{name}.json").write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    click.echo(markdown)
    click.echo(f"results -> {out}/{name}.json ({pages} pages)")


def _heldout_curve(train, test, chosen, sizes, seed, out_dir, name) -> None:
    """The held-out learning curve of each trained system chosen (not the rules, not a shipped model)."""
    from nianbao.evaluate.runner import ShippedModel, run_heldout_curve

    trained = [s for s in chosen if s.name != "rules" and not isinstance(s, ShippedModel)]
    if not trained:
        raise click.ClickException("--real-curve needs a system to fit (crf or model, without --shipped-model)")
    click.echo(run_heldout_curve(train, test, trained, sizes, seed, out_dir, name,
                                 progress=lambda m: click.echo(m, err=True)))

"""`nianbao batch INPUT... --db results.sqlite`: a resumable batch job into SQLite."""
from __future__ import annotations

import os
import sys

import click

from nianbao.batch import BatchOptions, export_csv, export_html, export_jsonl, run_batch
from nianbao.pipeline import CheckOptions


@click.command()
@click.argument("inputs", nargs=-1)
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False), help="SQLite results database.")
@click.option("--workers", type=int, default=None, help="Worker processes (default: one per core).")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True)
@click.option("--ray-address", default=None, help="Ray cluster to join ('auto', 'ray://host:10001'); default: local Ray.")
@click.option("--force", is_flag=True, help="Redo documents already in the database.")
@click.option("--extractor", type=click.Choice(["model", "rules", "crf", "none"]), default="model", show_default=True)
@click.option("--model", "model_dir", type=click.Path(file_okay=False), default=None)
@click.option("--jsonl", type=click.Path(dir_okay=False), help="Also export every report as JSON Lines.")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False), help="Also export all findings as CSV.")
@click.option("--html", "html_dir", type=click.Path(file_okay=False), help="Also write evidence pages and a summary page.")
@click.option("--relink", is_flag=True,
              help="Recompute every report's issuer key and cross-year findings (after nianbao's issuer matching changed).")
def command(inputs, db_path, workers, engine, ray_address, force, extractor, model_dir, jsonl, csv_path, html_dir,
            relink):
    """Check every report under INPUT (files, folders, @list files) into a database.

    Re-running skips documents already stored; with no INPUT, only the exports run."""
    from nianbao.errors import NianbaoError

    try:
        _command(inputs, db_path, workers, engine, ray_address, force, extractor, model_dir, jsonl, csv_path, html_dir,
                 relink)
    except NianbaoError as err:  # e.g. a database of another layout
        raise click.ClickException(str(err)) from None


def _command(inputs, db_path, workers, engine, ray_address, force, extractor, model_dir, jsonl, csv_path, html_dir,
             relink):
    summary = None
    if inputs:
        options = BatchOptions(check=CheckOptions(extractor=extractor, model_dir=model_dir),
                               workers=workers or max(1, os.cpu_count() or 1), engine=engine,
                               ray_address=ray_address, force=force)
        summary = _run_with_progress(list(inputs), db_path, options)
        for source, problem in summary.errors:
            click.echo(f"Error: {source}: {problem}", err=True)
        click.echo(f"{summary.ok} succeeded, {summary.failed} failed, {summary.skipped} skipped "
                   f"({summary.seconds:.1f} s, {summary.reports_per_second:.2f} reports/s) -> {db_path}")
    if relink:
        from nianbao.batch import db, links

        con = db.connect(db_path)
        try:
            click.echo(f"cross-year findings recomputed for {links.relink_all(con)} reports")
        finally:
            con.close()
    if jsonl:
        click.echo(f"{export_jsonl(db_path, jsonl)} reports -> {jsonl}")
    if csv_path:
        click.echo(f"findings of {export_csv(db_path, csv_path)} reports -> {csv_path}")
    if html_dir:
        click.echo(f"summary page -> {export_html(db_path, html_dir)}")
    sys.exit(1 if summary is not None and summary.failed else 0)


def _run_with_progress(inputs, db_path, options):
    from tqdm import tqdm

    bar = None

    def progress(event, result):
        nonlocal bar
        if event.startswith("start:"):
            bar = tqdm(total=int(event.split(":")[1]), unit="report", desc="nianbao batch", file=sys.stderr,
                       dynamic_ncols=True)
        elif event == "doc" and bar is not None:
            bar.update(1)
            if result is not None and result.error:
                bar.set_postfix_str("failed: " + result.source[-40:])

    try:
        return run_batch(inputs, db_path, options, progress)
    finally:
        if bar is not None:
            bar.close()

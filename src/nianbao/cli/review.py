"""`nianbao review export --db results.sqlite --out letters/`: the confirmed errors per issuer."""
from __future__ import annotations

import sys

import click


@click.group()
def command() -> None:
    """Reviews of findings (made in `nianbao serve`)."""


@command.command()
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False), help="SQLite results database.")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Folder for the files.")
def export(db_path, out_dir):
    """Write the confirmed errors of each issuer: <issuer>.csv and a printable <issuer>.html letter."""
    from nianbao.review.export import export_confirmed
    from nianbao.review.store import ReviewError

    try:
        result = export_confirmed(db_path, out_dir)
    except ReviewError as err:
        click.echo(f"Error: {err}", err=True)
        sys.exit(1)
    click.echo(f"{result.errors} confirmed errors of {len(result.issuers)} issuers -> {out_dir}")
    if result.changed:
        click.echo(f"{result.changed} confirmed findings whose evidence changed since review were left out; "
                   "review them again in `nianbao serve`", err=True)

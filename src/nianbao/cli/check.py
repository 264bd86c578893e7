"""`nianbao check FILE...`: read reports and print their sections, tables, facts and findings."""
from __future__ import annotations

import json
import sys

import click

from nianbao.errors import NianbaoError
from nianbao.pipeline import CheckOptions, check_paths
from nianbao.summary import summary_lines


@click.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per report (JSON Lines for several files).")
@click.option("--with-text", is_flag=True, help="Include the normalised text that all offsets point into.")
@click.option("--extractor", type=click.Choice(["model", "rules", "crf", "none"]), default="model", show_default=True,
              help="How narrative facts are tagged.")
@click.option("--model", "model_dir", type=click.Path(file_okay=False), default=None,
              help="A trained tagger folder (default: the shipped model).")
def command(files, as_json, with_text, extractor, model_dir):
    """Check one or more reports (txt, html, md, docx, pdf)."""
    failed = 0
    for result in check_paths(files, CheckOptions(extractor=extractor, model_dir=model_dir)):
        if isinstance(result, NianbaoError):
            failed += 1
            click.echo(f"Error: {result}", err=True)
            continue
        if as_json:
            click.echo(json.dumps(result.to_dict(with_text=with_text), ensure_ascii=False))
        else:
            click.echo("\n".join(summary_lines(result)) + "\n")
    sys.exit(1 if failed else 0)

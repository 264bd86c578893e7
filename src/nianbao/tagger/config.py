"""The training config (configs/tagger.yaml): one commented file per trained model, saved
resolved next to the weights.  Nothing about a model lives only in code defaults: every
field below is written in the YAML and read back from the model folder."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from nianbao.tagger.data import WindowConfig
from nianbao.tagger.prior import NAME as PRIOR


@dataclass
class StageConfig:
    """One training stage: which layers learn, how long, how fast."""

    max_steps: int = 600
    batch_size: int = 16
    lr: float = 1e-4
    head_lr: float = 1e-3
    warmup_steps: int = 30
    weight_decay: float = 0.01
    train_layers: list[int] | None = None  # None: every encoder layer (word embeddings always frozen)
    eval_every: int = 100
    patience: int = 3  # evaluations without dev improvement before stopping
    max_minutes: float | None = None
    gold_weight: int = 1  # how many times each real gold window is repeated per epoch


@dataclass
class TaggerConfig:
    seed: int = 13
    base_model: str | None = None  # None: the converted e5 base in the cache (nianbao setup)
    layers: int = 4
    prior: str | None = None  # "rules": the rules baseline's tags as an input feature (nianbao.tagger.prior)
    prior_dropout: float = 0.0  # share of training windows whose prior is blanked
    window: WindowConfig = field(default_factory=WindowConfig)
    synthetic_reports: int = 300
    synthetic_seed: int = 2026
    dev_fraction: float = 0.15  # of the synthetic reports, split by document
    use_gold: bool = True
    real_pages: list[str] = field(default_factory=list)  # real-page splits trained on too (train, dev)
    pretrain: StageConfig = field(default_factory=StageConfig)
    finetune: StageConfig = field(default_factory=lambda: StageConfig(max_steps=120, lr=5e-5, train_layers=[3]))
    threads: int | None = None
    members: int = 1  # fine-tuned members (seeds seed, seed+1, …) whose tag log-probabilities are averaged

    def __post_init__(self) -> None:
        if self.members < 1:
            raise ValueError(f"members must be 1 or more, not {self.members!r}")
        if self.prior not in (None, PRIOR):
            raise ValueError(f"prior must be null or {PRIOR!r}, not {self.prior!r}")
        if not 0.0 <= self.prior_dropout < 1.0:
            raise ValueError(f"prior_dropout must be in [0, 1), not {self.prior_dropout!r}")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "TaggerConfig":
        d = dict(d)
        unknown = set(d) - {f.name for f in fields(cls)}
        if unknown:
            raise ValueError(f"unknown config keys: {', '.join(sorted(unknown))}")
        if "window" in d:
            d["window"] = WindowConfig(**d["window"])
        for stage in ("pretrain", "finetune"):
            if stage in d:
                d[stage] = StageConfig(**d[stage])
        return cls(**d)


def load_config(path: str | Path) -> TaggerConfig:
    import yaml

    return TaggerConfig.from_dict(yaml.safe_load(Path(path).read_text("utf-8")) or {})


def dump_config(config: TaggerConfig) -> str:
    import yaml

    return yaml.safe_dump(config.to_dict(), allow_unicode=True, sort_keys=False)

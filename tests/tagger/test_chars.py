"""One token per character, for any encoder vocabulary (no torch)."""
import json

from nianbao.tagger.chars import load_vocab


def write_unigram(folder, pieces):
    (folder / "tokenizer.json").write_text(json.dumps({"model": {"type": "Unigram", "vocab": [[p, 0.0] for p in pieces]}}))
    (folder / "tokenizer_config.json").write_text(json.dumps({"bos_token": "<s>", "eos_token": "</s>", "pad_token": "<pad>",
                                                               "unk_token": "<unk>", "cls_token": "<s>", "sep_token": "</s>"}))


def test_full_width_digits_map_to_their_ascii_pieces(tmp_path):
    write_unigram(tmp_path, ["<s>", "<pad>", "</s>", "<unk>", "9", "8", "件", "\u2581"])
    v = load_vocab(tmp_path)
    assert v.encode("９8件") == [4, 5, 6]
    assert (v.cls_id, v.sep_id, v.pad_id, v.unk_id) == (0, 2, 1, 3)


def test_one_id_per_character_even_for_spaces_and_unknowns(tmp_path):
    write_unigram(tmp_path, ["<s>", "<pad>", "</s>", "<unk>", "\u2581", "件"])
    v = load_vocab(tmp_path)
    text = "件 \t龘件"
    assert v.encode(text) == [5, 4, 4, 3, 5]
    assert v.unknown_rate(text) == 1 / 3


def test_a_bert_wordpiece_vocab_works_too(tmp_path):
    (tmp_path / "vocab.txt").write_text("[PAD]\n[UNK]\n[CLS]\n[SEP]\n收\n到\n9\n")
    v = load_vocab(tmp_path)
    assert v.encode("收到9") == [4, 5, 6]
    assert (v.cls_id, v.sep_id, v.pad_id, v.unk_id) == (2, 3, 0, 1)

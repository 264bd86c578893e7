"""End to end: train a tiny tagger for a few steps, save it, rebuild it, predict (slow: loads torch)."""
import json

import pytest

from nianbao.tagger.config import StageConfig, TaggerConfig
from nianbao.tagger.data import WindowConfig

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    from nianbao.tagger.corpus import synthetic_docs
    from nianbao.tagger.train import train

    out = tmp_path_factory.mktemp("tagger") / "model"
    config = TaggerConfig(
        layers=1, synthetic_reports=4, dev_fraction=0.25, use_gold=False, threads=1, prior="rules", prior_dropout=0.5,
        window=WindowConfig(left=12, right=4, zero_right=12, max_len=32),
        pretrain=StageConfig(max_steps=4, batch_size=4, warmup_steps=1, eval_every=2, patience=5),
        finetune=StageConfig(max_steps=2, batch_size=4, warmup_steps=1, train_layers=[0], eval_every=0))
    docs = synthetic_docs(4, seed=7)
    metrics = train(config, out, synthetic=docs, gold=[])
    return out, metrics, config, docs


def test_training_writes_the_artefact_card_and_log(trained):
    out, metrics, _, _ = trained
    assert metrics["pretrain"]["steps"] >= 2 and metrics["finetune"]["steps"] == 2
    for folder in (out, out / "pretrained"):
        assert {"tagger.safetensors", "tagger.json", "config.yaml", "MODEL_CARD.md"} <= {p.name for p in folder.iterdir()}
    log = [json.loads(line) for line in (out / "train_log.jsonl").read_text().splitlines()]
    assert any("dev" in r for r in log) and log[-1]["event"] == "final_metrics"
    meta = json.loads((out / "tagger.json").read_text())
    assert meta["parent"] == "pretrained" and meta["layers"] == 1 and meta["prior"] == "rules"
    assert "word_embeddings" not in (out / "pretrained" / "tagger.safetensors").read_bytes().decode("latin-1")


def test_the_rebuilt_model_predicts_exactly_what_the_trained_one_did(trained, tmp_path):
    import torch

    from nianbao.tagger.export import load_tagger
    from nianbao.tagger.data import encode_batch
    from nianbao.tagger.model import tensors
    from nianbao.tagger.prior import prior_tags
    from nianbao.tagger.train import finetune

    out, _, config, docs = trained
    model, vocab, _, _ = load_tagger(out / "pretrained")
    target = tmp_path / "again"
    finetune(config, out / "pretrained", target, gold=[], synthetic=docs, model=model)  # trains `model` in place
    rebuilt, _, scheme, window = load_tagger(target)
    pieces = [docs[0].text[i:i + 30] for i in range(0, 300, 30)]
    priors = [prior_tags(p, [], scheme) for p in pieces]
    ids, mask, _, prior = tensors(*encode_batch(vocab, pieces, None, priors))
    with torch.inference_mode():
        trained_logits, rebuilt_logits = model(ids, mask, prior), rebuilt(ids, mask, prior)
        assert torch.equal(trained_logits, rebuilt_logits)  # base + fp16 artefact = the trained model, bit for bit
        assert not torch.equal(trained_logits, load_tagger(out / "pretrained")[0](ids, mask, prior))
        assert rebuilt.prior.weight.abs().sum() > 0  # the prior embedding learned and was shipped
    assert window.max_len == 32 and len(scheme) == 2 * len(scheme.labels) + 1


def test_model_extractor_returns_facts_with_offsets_into_the_text(trained):
    from nianbao.tagger.predict import ModelExtractor

    out, _, _, docs = trained
    texts = [d.text for d in docs[:2]]
    for mode in ("windows", "whole"):
        facts = ModelExtractor(out, mode=mode, threads=1).extract_texts(texts)
        assert len(facts) == 2
        for text, fs in zip(texts, facts):
            assert all(text[f.start:f.end] == f.text and f.extractor == "model" for f in fs)


def test_the_onnx_path_reads_the_prior_and_agrees_with_torch(trained):
    from nianbao.tagger.predict import ModelExtractor

    out, _, _, docs = trained
    texts = [d.text for d in docs[:2]]
    torch_facts = ModelExtractor(out, backend="torch", threads=1).extract_texts(texts)
    onnx = ModelExtractor(out, backend="onnx", threads=1)
    assert onnx.model.use_prior
    onnx_facts = onnx.extract_texts(texts)
    assert [[(f.start, f.end, f.label) for f in fs] for fs in onnx_facts] == \
        [[(f.start, f.end, f.label) for f in fs] for fs in torch_facts]


def test_a_fold_fine_tunes_the_synthetic_only_model_without_its_test_documents(trained):
    from nianbao.tagger.train import train_fold

    out, _, config, docs = trained
    extractor = train_fold(docs[:2], config=config, base_dir=out / "pretrained", synthetic=docs[:2])
    (facts,) = extractor.extract_texts([docs[3].text])
    assert all(docs[3].text[f.start:f.end] == f.text for f in facts)


def test_members_fine_tuned_with_their_own_seeds_are_read_as_one_model(trained, tmp_path):
    import dataclasses

    import numpy as np

    from nianbao.tagger.data import encode_batch
    from nianbao.tagger.export import load_tagger, read_meta
    from nianbao.tagger.model import Ensemble
    from nianbao.tagger.predict import ModelExtractor
    from nianbao.tagger.prior import prior_tags
    from nianbao.tagger.train import finetune, span_scores, split_documents

    out, _, config, docs = trained
    target = tmp_path / "three"
    metrics = finetune(dataclasses.replace(config, members=3), out / "pretrained", target, gold=[], synthetic=docs)
    assert read_meta(target)["members"] == ["members/1", "members/2"]
    assert [m["seed"] for m in metrics["finetune"]["members"]] == [config.seed, config.seed + 1, config.seed + 2]
    member = target / "members" / "2"
    assert (member / read_meta(member)["parent"]).resolve() == (target / "pretrained").resolve()  # the one parent
    ensemble, vocab, scheme, _ = load_tagger(target)
    assert isinstance(ensemble, Ensemble) and len(ensemble.members) == 3
    _, held_out = split_documents(docs, config.dev_fraction, config.seed)  # scored in training as it was saved
    assert metrics["finetune"]["synthetic_dev"] == span_scores(ensemble, vocab, scheme, config, held_out)
    pieces = [docs[0].text[i:i + 30] for i in range(0, 300, 30)]
    ids, mask, _, prior = encode_batch(vocab, pieces, None, [prior_tags(p, [], scheme) for p in pieces])
    each = [m.logits(ids, mask, prior) for m in ensemble.members]
    assert not np.allclose(each[0], each[1])  # another seed, another model
    log_probs = [e - e.max(-1, keepdims=True) - np.log(np.exp(e - e.max(-1, keepdims=True)).sum(-1, keepdims=True))
                 for e in each]
    np.testing.assert_allclose(ensemble.logits(ids, mask, prior), np.mean(log_probs, 0), atol=1e-5)
    texts = [d.text for d in docs[:2]]
    torch_facts = ModelExtractor(target, backend="torch", threads=1).extract_texts(texts)
    onnx_facts = ModelExtractor(target, backend="onnx", threads=1).extract_texts(texts)
    assert [[(f.start, f.end, f.label) for f in fs] for fs in onnx_facts] == \
        [[(f.start, f.end, f.label) for f in fs] for fs in torch_facts]


def test_a_damaged_member_stops_the_model_from_loading(trained, tmp_path):
    import dataclasses

    from nianbao.tagger.export import ModelNotReady, model_parts
    from nianbao.tagger.train import finetune

    out, _, config, docs = trained
    target = tmp_path / "two"
    finetune(dataclasses.replace(config, members=2), out / "pretrained", target, gold=[], synthetic=docs)
    weights = target / "members" / "1" / "tagger.safetensors"
    data = bytearray(weights.read_bytes())
    data[len(data) // 2] ^= 0xFF
    weights.write_bytes(bytes(data))
    with pytest.raises(ModelNotReady, match="members/1"):
        model_parts(target)


def test_a_model_fine_tuned_from_a_stage_elsewhere_still_loads_after_its_folder_is_moved(trained, tmp_path):
    import shutil

    from nianbao.tagger.export import read_meta
    from nianbao.tagger.predict import ModelExtractor
    from nianbao.tagger.train import finetune

    out, _, config, docs = trained
    target = tmp_path / "elsewhere" / "model"
    finetune(config, out / "pretrained", target, gold=[], synthetic=docs)
    assert read_meta(target)["parent"] == "pretrained"  # the stage it started from, copied in
    assert (target / "pretrained" / "tagger.safetensors").read_bytes() == \
        (out / "pretrained" / "tagger.safetensors").read_bytes()
    moved = shutil.move(target, tmp_path / "moved")
    (facts,) = ModelExtractor(moved, backend="torch", threads=1).extract_texts([docs[0].text])
    assert all(docs[0].text[f.start:f.end] == f.text for f in facts)


def test_the_card_names_the_data_as_read_before_any_member_trains(trained, tmp_path, monkeypatch):
    """A manifest edited while the members train (hours on a CPU) must not be the one the card names."""
    import nianbao.tagger.train as training

    out, _, config, docs = trained
    order = []
    real_summary, real_member = training.data_summary, training._fine_tune_member
    monkeypatch.setattr(training, "data_summary", lambda *a: order.append("data summary") or real_summary(*a))
    monkeypatch.setattr(training, "_fine_tune_member", lambda *a, **k: order.append("member") or real_member(*a, **k))
    training.finetune(config, out / "pretrained", tmp_path / "model", gold=[], synthetic=docs)
    assert order == ["data summary", "member"]

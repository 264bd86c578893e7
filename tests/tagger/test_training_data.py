"""What the tagger is trained on: the real pages of the manifest it is given, named on its card."""
import hashlib

from click.testing import CliRunner

from nianbao.cli.train import command as train_command
from nianbao.tagger.card import _real_pages_line
from nianbao.tagger.config import TaggerConfig
from nianbao.tagger.train import data_summary, manifest_named, training_gold


def _without(manifest, doc, out):
    """A copy of `manifest` without the row of page `doc` (a page the cache lacks)."""
    lines = manifest.read_text("utf-8").splitlines(keepends=True)
    out.write_text("".join(line for line in lines if not line.split("\t")[2].startswith(doc)), "utf-8")
    return out


def test_training_reads_the_train_and_dev_pages_of_the_manifest_it_is_given(pages, tmp_path, monkeypatch):
    (a, b, c, d), manifest, gold_dir = pages
    monkeypatch.setattr("nianbao.annotation.realpages.PAGE_GOLD_DIR", gold_dir)
    config = TaggerConfig(use_gold=False, real_pages=["train", "dev"])
    assert {doc.doc_id for doc in training_gold(config, manifest)} == {a, b, c}
    copy = _without(manifest, b, tmp_path / "copy.tsv")
    assert {doc.doc_id for doc in training_gold(config, copy)} == {a, c}


def test_the_card_names_the_manifest_copy_by_the_pages_it_leaves_out_its_rows_and_its_hash(pages, tmp_path,
                                                                                            monkeypatch):
    (a, b, _, _), manifest, gold_dir = pages
    monkeypatch.setattr("nianbao.annotation.realpages.PAGE_GOLD_DIR", gold_dir)
    monkeypatch.setattr("nianbao.annotation.realpages.MANIFEST", manifest)  # the repository's manifest, here
    config = TaggerConfig(use_gold=False, real_pages=["train", "dev"])
    copy = _without(manifest, b, tmp_path / "copy.tsv")
    summary = data_summary([], training_gold(config, copy), config, copy)["real_pages"]
    sha = hashlib.sha256(copy.read_bytes()).hexdigest()
    left_out = next(line.split("\t")[2] for line in manifest.read_text("utf-8").splitlines()[1:]
                    if line.split("\t")[2].startswith(b))[:16]
    named = f"a copy of {manifest} without the row of {left_out}"
    assert summary == {"splits": ["train", "dev"], "manifest": named, "rows": 2, "manifest_sha256": sha}
    assert _real_pages_line(summary) == (f"- real pages: the train and dev split(s) of {named} (2 rows; "
                                         f"sha256 `{sha}`), never its test split")
    fewer = _without(copy, a, tmp_path / "fewer.tsv")  # two pages left out, named in order
    assert manifest_named(fewer).startswith(f"a copy of {manifest} without the rows of ")
    assert manifest_named(manifest) == str(manifest)  # the manifest itself, not a copy
    own = tmp_path / "own.tsv"  # a row of its own: another file, named by its path
    own.write_text(copy.read_text("utf-8") + manifest.read_text("utf-8").splitlines(keepends=True)[-1].replace(
        manifest.read_text("utf-8").splitlines()[-1].split("\t")[2], "f" * 64), "utf-8")
    assert manifest_named(own) == str(own)


def test_a_manifest_that_does_not_exist_is_refused_by_name(tmp_path):
    result = CliRunner().invoke(train_command, ["--manifest", str(tmp_path / "MANFEST.tsv"),
                                                "--out", str(tmp_path / "model")])
    assert result.exit_code == 2 and "MANFEST.tsv" in result.output and "does not exist" in result.output
    assert not (tmp_path / "model").exists()

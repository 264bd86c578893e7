"""`nianbao evaluate --real-pages`: the pages of the manifest it is given, and a page the cache lacks."""
import json

from click.testing import CliRunner

from nianbao.annotation.realpages import load_manifest, page_path, pages_dir
from nianbao.cli.evaluate import command as evaluate


def _evaluate(manifest, out):
    return CliRunner().invoke(evaluate, ["--real-pages", "test", "--systems", "rules", "--manifest", str(manifest),
                                         "--out", str(out)])


def test_the_test_pages_of_the_manifest_given_are_scored_and_its_other_pages_fitted_on(pages, tmp_path, monkeypatch):
    (a, b, c, d), manifest, gold_dir = pages
    monkeypatch.setattr("nianbao.annotation.realpages.PAGE_GOLD_DIR", gold_dir)
    result = _evaluate(manifest, tmp_path / "out")
    assert result.exit_code == 0, result.output
    scored = json.loads((tmp_path / "out" / "real_pages_test.json").read_text("utf-8"))
    assert scored["set"] == [d] and {a, b, c} <= set(scored["train"])
    assert scored["systems"]["rules"]["value"]["micro"]["f1"] == 1.0


def test_a_page_the_cache_lacks_is_named_in_a_clear_error(pages, tmp_path, monkeypatch):
    (_, b, _, _), manifest, gold_dir = pages
    monkeypatch.setattr("nianbao.annotation.realpages.PAGE_GOLD_DIR", gold_dir)
    (entry,) = [e for e in load_manifest(manifest) if e.doc == b]
    page_path(entry.sha256, pages_dir()).unlink()
    result = _evaluate(manifest, tmp_path / "out")
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert "Error: " in result.output and entry.sha256 in result.output and "not in the cache" in result.output


def test_a_manifest_path_that_does_not_exist_is_refused_not_replaced_by_the_default(tmp_path):
    for flags in (["--real-pages", "test"], ["--cells"], ["--held-out-pages", str(tmp_path / "ids.txt")]):
        (tmp_path / "ids.txt").write_text("0000000000000000\n", encoding="utf-8")
        result = CliRunner().invoke(evaluate, [*flags, "--manifest", str(tmp_path / "MANFEST.tsv"),
                                               "--out", str(tmp_path / "out")])
        assert result.exit_code == 1 and "MANFEST.tsv: no such manifest" in result.output, (flags, result.output)
        assert not (tmp_path / "out").exists()


def test_a_held_out_learning_curve_writes_one_point_a_size_and_refuses_nothing_to_fit(pages, tmp_path, monkeypatch):
    from nianbao.evaluate import runner

    _, manifest, gold_dir = pages
    monkeypatch.setattr("nianbao.annotation.realpages.PAGE_GOLD_DIR", gold_dir)

    class ReadsOnceFittedOnTwo:
        """Reads as the rules read, once fitted on two documents or more; reads nothing before."""

        name = "crf"

        def fit(self, train):
            rules = runner.RulesSystem().fit(train)
            return type("Fitted", (), {"extract": lambda _, reports: rules.extract(reports) if len(train) >= 2
                                       else [[] for _ in reports]})()

    monkeypatch.setitem(runner.SYSTEMS, "crf", ReadsOnceFittedOnTwo)
    out = tmp_path / "out"
    args = ["--real-pages", "test", "--manifest", str(manifest), "--out", str(out), "--real-curve", "1,2"]
    result = CliRunner().invoke(evaluate, [*args, "--systems", "rules,crf"])
    assert result.exit_code == 0, result.output
    curve = json.loads((out / "real_pages_test_curve.json").read_text("utf-8"))
    assert list(curve) == ["crf"] and [(p["documents"], p["f1"]) for p in curve["crf"]] == [(1, 0.0), (2, 1.0)]
    assert (out / "real_pages_test_curve.png").stat().st_size > 0 and "| crf | 2 |" in result.output
    refused = CliRunner().invoke(evaluate, [*args, "--systems", "rules"])
    assert refused.exit_code == 1 and "--real-curve needs a system to fit" in refused.output

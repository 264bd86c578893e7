"""Pages held out of the fitting splits: scored by systems fitted on the other pages, never a test page."""
import pytest
from click.testing import CliRunner

from nianbao.cli.evaluate import command as evaluate
from nianbao.errors import InputError
from nianbao.evaluate.data import held_out_pages, read_page_ids


def test_the_listed_pages_are_scored_and_the_others_fitted_on(pages):
    (a, b, c, d), manifest, gold_dir = pages
    held, rest = held_out_pages({b, c}, ("train", "dev"), manifest, gold_dir)
    assert sorted(x.doc for x in held) == sorted([b, c]) and [x.doc for x in rest] == [a]
    (page_b,) = [x for x in held if x.doc == b]
    assert [(f.label, f.value) for f in page_b.gold] == [("INFO_PUBLISHED", 52), ("APP_RECEIVED", 4)]


def test_a_test_page_or_an_unknown_page_is_refused_with_the_reason(pages):
    (_, _, _, d), manifest, gold_dir = pages
    with pytest.raises(InputError, match=f"page {d} is in the test split, not in train, dev"):
        held_out_pages({d}, ("train", "dev"), manifest, gold_dir)
    with pytest.raises(InputError, match="no page 'ffffffffffffffff' in the manifest"):
        held_out_pages({"ffffffffffffffff"}, ("train", "dev"), manifest, gold_dir)


def test_a_page_list_reads_the_first_word_of_each_line(tmp_path):
    listing = tmp_path / "new.txt"
    listing.write_text("# added on one day\n0123456789abcdef train\n\nfedcba9876543210 dev township\n", "utf-8")
    assert read_page_ids(listing) == {"0123456789abcdef", "fedcba9876543210"}
    listing.write_text("# nothing\n", "utf-8")
    with pytest.raises(InputError, match="lists no page"):
        read_page_ids(listing)


def test_the_command_refuses_a_test_page_before_fitting_anything(pages, tmp_path):
    (_, _, _, d), manifest, _ = pages
    listing = tmp_path / "new.txt"
    listing.write_text(f"{d} test\n", "utf-8")
    result = CliRunner().invoke(evaluate, ["--held-out-pages", str(listing), "--systems", "rules",
                                           "--manifest", str(manifest), "--out", str(tmp_path / "out")])
    assert result.exit_code != 0 and "in the test split" in result.output

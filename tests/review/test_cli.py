"""The thin commands: `nianbao review export`, `nianbao batch --csv` with reviews, and
`nianbao annotate push --from-reviews` refusing what it cannot do."""
from __future__ import annotations

import csv

from click.testing import CliRunner

from nianbao.cli import main
from tests.review.reports import check_into, write_report
from tests.review.test_store import fails, save


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_review_export_writes_a_csv_and_a_letter_per_issuer(tmp_path):
    path = write_report(tmp_path)
    db_path = tmp_path / "r.sqlite"
    check_into(db_path, path)
    save(db_path, fails(db_path)["text.APP_RECEIVED"], "confirmed")
    done = run("review", "export", "--db", db_path, "--out", tmp_path / "letters")
    assert done.exit_code == 0, done.output
    assert done.output.strip() == f"1 confirmed errors of 1 issuers -> {tmp_path / 'letters'}"
    assert sorted(p.name for p in (tmp_path / "letters").iterdir()) == ["青禾县白鹭镇人民政府.csv", "青禾县白鹭镇人民政府.html"]


def test_review_export_of_a_missing_database_is_one_error_line_and_writes_nothing(tmp_path):
    done = run("review", "export", "--db", tmp_path / "nope.sqlite", "--out", tmp_path / "letters")
    assert done.exit_code == 1
    assert done.output.startswith(f"Error: {tmp_path / 'nope.sqlite'}: no such results database")
    assert list(tmp_path.iterdir()) == []


def test_batch_csv_export_carries_the_reviews(tmp_path):
    path = write_report(tmp_path)
    db_path = tmp_path / "r.sqlite"
    check_into(db_path, path)
    save(db_path, fails(db_path)["t3.col_sum.carried_forward"], "dismissed", reason="rule_not_applicable")
    done = run("batch", "--db", db_path, "--csv", tmp_path / "f.csv")
    assert done.exit_code == 0, done.output
    with open(tmp_path / "f.csv", encoding="utf-8-sig", newline="") as f:
        (row,) = [r for r in csv.DictReader(f) if r["rule"] == "t3.col_sum.carried_forward"]
    assert (row["review"], row["review_reason"]) == ("dismissed", "rule_not_applicable")


def test_annotate_push_needs_files_or_reviews_from_a_database(tmp_path):
    done = run("annotate", "push", "--url", "http://127.0.0.1:9", "--token", "t")
    assert done.exit_code == 1 and "give report FILES to push, or --from-reviews" in done.output
    done = run("annotate", "push", "--from-reviews", "--url", "http://127.0.0.1:9", "--token", "t")
    assert done.exit_code == 1 and "--from-reviews takes --db" in done.output
    done = run("annotate", "push", "--from-reviews", "--db", tmp_path / "nope.sqlite", "--url", "http://127.0.0.1:9",
               "--token", "t")
    assert done.exit_code == 1 and "no such results database" in done.output
    assert list(tmp_path.iterdir()) == []

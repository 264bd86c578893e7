"""`nianbao bench`: throughput measured over the same documents, shown as ratios."""
from pathlib import Path

from nianbao.bench import BenchResult, measure_in_this_process, ratio_table
from tests.conftest import real_path, seed_path


def test_the_rules_system_is_timed_end_to_end_over_every_pass():
    paths = [str(seed_path("002")), str(real_path("pt2021"))]
    result = measure_in_this_process("rules", paths, repeat=2)
    assert result.reports == 4
    assert result.reports_per_second > 0
    assert abs(result.reports_per_second - 4 / result.seconds) <= 0.05 * result.reports_per_second


def test_ratios_are_relative_to_the_fastest_system():
    rows = [BenchResult("a", 10, 5.0, 2.0, 0.1, 50.0), BenchResult("b", 10, 1.0, 8.0, 0.1, 60.0)]
    table = ratio_table(rows, lambda r: r.system, lambda r: r.reports_per_second, [("peak MB", lambda r: r.peak_rss_mb)])
    assert "| a | 2.00 | 0.250 | 50.0 |" in table and "| b | 8.00 | 1.000 | 60.0 |" in table


def test_systems_are_chosen_by_short_keys_even_those_whose_names_hold_commas():
    from nianbao.bench import SYSTEMS, system_keys

    assert system_keys("windows, optimised") == ["windows", "optimised"]
    assert SYSTEMS["optimised"][0] == "model (windows, int8 onnxruntime)"
    assert system_keys(None) == list(SYSTEMS)


def test_an_unknown_system_is_named_in_the_error():
    import pytest

    from nianbao.bench import system_keys

    with pytest.raises(ValueError, match="unknown system\\(s\\) model \\(windows.*choose from read, rules, crf, whole"):
        system_keys("model (windows, optimised)")


def test_the_whole_check_command_is_timed_from_process_start_to_exit():
    from nianbao.bench import measure_command

    paths = [str(seed_path("002")), str(seed_path("004"))]
    result = measure_command(paths, repeat=1)
    assert result.reports == 2 and result.load_seconds is None  # the model load is inside `seconds`
    assert result.seconds > 0.2 and abs(result.reports_per_second - 2 / result.seconds) < 0.02
    assert result.peak_rss_mb > 50  # the child's own peak, not this process's


def test_a_check_command_that_fails_is_reported_with_its_error_not_timed(monkeypatch):
    import pytest

    from nianbao.bench import measure_command

    monkeypatch.setenv("NIANBAO_MODEL", "/nonexistent/model")
    failed = "(?s)`nianbao check` failed:.*nonexistent/model: not a trained tagger folder"
    with pytest.raises(RuntimeError, match=failed):
        measure_command([str(seed_path("002"))], repeat=1)


def test_the_batch_scale_bench_measures_each_size_in_a_fresh_database(tmp_path):
    from nianbao.bench import measure_scale, plot_scale, scale_table

    rows = measure_scale([6, 12], extractor="rules", workers=1, work_dir=tmp_path)
    assert [r.reports for r in rows] == [6, 12]
    for r in rows:
        assert r.reports_per_second > 0 and abs(r.reports_per_second - r.reports / r.seconds) < 0.05 * r.reports_per_second
        assert 20 < r.main_peak_rss_mb < 2000
        assert 5 < r.db_kb_per_report < 200
        assert r.rerun_seconds > 0
        assert r.cpu_ms_per_report >= r.main_cpu_ms_per_report > 0
    table = scale_table(rows)
    assert table.splitlines()[2].startswith("| 6 | ") and "| 1.000 |" in table.splitlines()[2]
    png = plot_scale(rows, tmp_path / "scale.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_review_bench_lists_the_copied_reports_and_streams_their_pages(tmp_path):
    from nianbao.bench import measure_review, review_table
    from tests.conftest import REPO

    (result,) = [measure_review(12, [REPO / "corpus" / "samples"], work_dir=tmp_path)]
    assert result.reports == 12
    assert result.reviewable > 0 and result.list_seconds >= 0 and result.html_peak_rss_mb > 0
    assert "| 12 |" in review_table([result])


def test_a_copied_database_holds_distinct_reports_keyed_as_their_reports_say(tmp_path):
    from nianbao.bench import copied_database
    from nianbao.review import store
    from tests.conftest import REPO

    db_path = copied_database([REPO / "corpus" / "samples"], 12, tmp_path / "r.sqlite")
    con = store.open_db(db_path)
    listed = store.findings(con, reviewable=True)
    ids = [d for (d,) in con.execute("SELECT doc_id FROM documents")]
    from_reports = [r for d in ids for r in store.findings(con, d) if r.reviewable]
    con.close()
    assert len(set(ids)) == 12 and len(listed) == len(from_reports)
    key = lambda r: (r.doc_id, r.idx, r.evidence_sha256, r.locus)  # noqa: E731
    assert sorted(map(key, listed)) == sorted(map(key, from_reports))
    assert all(r.locus.startswith('["copy') for r in listed)


def test_the_review_bench_copies_the_reports_it_is_given(tmp_path):
    from click.testing import CliRunner

    from nianbao.cli import main
    from tests.conftest import REPO

    sample = REPO / "corpus" / "samples" / "yongan-2022.txt"
    result = CliRunner().invoke(main, ["bench", "--review", "5", str(sample), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "bench_review.md").read_text("utf-8")
    assert "yongan-2022.txt" in text and "corpus/samples " not in text
    assert "| 5 |" in text


def test_the_read_row_times_the_format_converters_alone():
    """Reading a PDF, a docx and a text page to their text, with no sections, tables or facts."""
    samples = Path(__file__).resolve().parents[1] / "corpus" / "samples"
    paths = [str(real_path("hongze2024")), str(samples / "nanzhang-2024.docx"), str(real_path("pt2021"))]
    result = measure_in_this_process("read", paths, repeat=1)
    assert result.system == "reading the files (ingest only)" and result.reports == 3
    assert result.load_seconds is not None  # the converters' libraries, apart (0.0 once imported)
    assert abs(result.reports_per_second - 3 / result.seconds) < 0.05 * result.reports_per_second

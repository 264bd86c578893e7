import pytest

from nianbao.errors import NianbaoError
from nianbao.facts.extractors import EXTRACTORS, NarrativeOnly, get_extractor
from nianbao.report import Fact, Report, Table

TEXT = "共收到政府信息公开申请98件。\n收到申请\t98\n全年办结98件。"


def report_with_table() -> Report:
    start = TEXT.index("收到申请\t")
    return Report(doc_id="x", source="x.txt", format="txt", text=TEXT,
                  tables={"t3": Table(id="t3", start=start, end=TEXT.index("全年"))})


def test_unknown_extractor_names_the_choices():
    with pytest.raises(NianbaoError, match="rules, crf, model"):
        get_extractor("regex")


def test_rules_extractor_is_registered_and_batched():
    reports = [report_with_table(), Report(doc_id="y", source="y.txt", format="txt", text="未收到政府信息公开申请。")]
    facts = get_extractor("rules").extract(reports)
    assert [[(f.label, f.text, f.start) for f in fs] for fs in facts] == [
        [("APP_RECEIVED", "98件", 11), ("APP_PROCESSED", "98件", TEXT.index("98件。", 20))],
        [("APP_RECEIVED", "未", 0)],
    ]


def test_registry_drops_facts_inside_tables_and_sorts_whatever_the_extractor_returns():
    class Sloppy:
        version = "v0"

        def extract(self, reports):
            at, late = TEXT.index("98\n"), TEXT.index("98件。", 20)
            return [[Fact("APP_PROCESSED", "98件", late, late + 3, 98, "件", "exact"),
                     Fact("APP_RECEIVED", "98", at, at + 2, 98, None, "exact"),
                     Fact("APP_RECEIVED", "98件", 11, 14, 98, "件", "exact")]]

    wrapped = NarrativeOnly(Sloppy())
    (facts,) = wrapped.extract([report_with_table()])
    assert [f.start for f in facts] == [11, TEXT.index("98件。", 20)]
    assert wrapped.version == "v0"


def test_every_registered_path_names_a_module_and_class():
    assert set(EXTRACTORS) == {"rules", "crf", "model"}
    assert all(path.count(":") == 1 for path in EXTRACTORS.values())

"""Annotated real pages of the tests' own, in a page cache and manifest of their own."""
import pytest

from nianbao.annotation.gold import GoldDoc
from nianbao.annotation.place import ListedFact, place_facts
from nianbao.annotation.write import write_gold


def _page(town: str, published: int) -> str:
    return (f"{town}人民政府2024年政府信息公开工作年度报告\n一、总体情况\n全年主动公开政府信息{published}条。"
            f"全年收到政府信息公开申请{published % 7 + 1}件，均已按时答复。")


@pytest.fixture
def pages(page_corpus, tmp_path):
    """Four annotated pages: two train, one dev, one test; returns their ids, the manifest and the gold folder."""
    towns = (("甲镇", 41, "train"), ("乙镇", 52, "train"), ("丙镇", 63, "dev"), ("丁镇", 74, "test"))
    texts = [_page(town, published) for town, published, _ in towns]
    manifest, rows = page_corpus([(text, dict(source=f"https://www.example.invalid/{town}", query="q",
                                              issuer=f"{town}人民政府", year=2024, level="township", split=split))
                                  for text, (town, _, split) in zip(texts, towns, strict=True)])
    gold_dir = tmp_path / "gold"
    for row, text, (_, published, _) in zip(rows, texts, towns, strict=True):
        spans = place_facts([ListedFact(f"{published}条", "INFO_PUBLISHED", left="政府信息"),
                             ListedFact(f"{published % 7 + 1}件", "APP_RECEIVED", left="申请")], text)
        write_gold(GoldDoc(row.doc, f"real-pages:{row.sha256}", text, spans, catalogue_version="1.2"),
                   gold_dir / f"{row.doc}.json")
    return [r.doc for r in rows], manifest, gold_dir

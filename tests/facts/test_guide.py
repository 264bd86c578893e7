from nianbao.facts.catalogue import catalogue
from nianbao.facts.guide import GUIDE_PATH, render_guide


def test_committed_guide_matches_a_fresh_generation():
    assert GUIDE_PATH.read_text("utf-8") == render_guide(), "run `python -m nianbao.facts.guide`"


def test_guide_lists_every_label_with_its_chinese_name_and_cells():
    guide = render_guide()
    for info in catalogue().values():
        row = next(line for line in guide.splitlines() if line.startswith(f"| `{info.label}` |"))
        assert info.zh in row
        for reading in info.cells:
            assert all(f"`{cell}`" in row for cell in reading)

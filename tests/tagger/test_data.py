"""Windows and BIO alignment (no torch, no model)."""
from nianbao.tagger.data import (HEADING_BREAK, IGNORE, Doc, GoldSpan, TagScheme, Window, WindowConfig, data_hash,
                                 gold_coverage, heading_finder, merge_windows, tile_windows, window_labels)

TEXT = "2020年，我办收到4例信息公开申请，与往年相比数量增加了3例，暂未收到行政复议和行政诉讼事项。"
SCHEME = TagScheme(["APP_RECEIVED", "REVIEW_CASES", "LITIGATION_CASES"])


def tags_of(doc, window):
    return [SCHEME.names[t] if t != IGNORE else "IGN" for t in window_labels(doc, window, SCHEME)]


def test_a_span_inside_the_window_is_b_then_i_and_the_rest_is_o():
    start = TEXT.index("4例")
    doc = Doc("d", TEXT, (GoldSpan(start, start + 2, "APP_RECEIVED"),))
    w = Window(0, start - 3, start + 5, start, start + 2)
    assert tags_of(doc, w) == ["O", "O", "O", "B-APP_RECEIVED", "I-APP_RECEIVED", "O", "O", "O"]


def test_a_span_cut_by_the_window_edge_is_ignored_not_o():
    start = TEXT.index("4例")
    doc = Doc("d", TEXT, (GoldSpan(start, start + 2, "APP_RECEIVED"),))
    w = Window(0, start - 3, start + 1, start - 3, start + 1)
    assert tags_of(doc, w) == ["O", "O", "O", "IGN"]


def test_a_cue_with_two_labels_trains_on_the_first_in_catalogue_order():
    cue = TEXT.index("未")
    doc = Doc("d", TEXT, (GoldSpan(cue, cue + 1, "LITIGATION_CASES"), GoldSpan(cue, cue + 1, "REVIEW_CASES")))
    w = Window(0, cue, cue + 3, cue, cue + 1)
    assert tags_of(doc, w) == ["B-REVIEW_CASES", "O", "O"]


def test_nearby_mentions_share_one_window_and_far_ones_do_not():
    text = "收到申请98件，办结98件" + "。" * 200 + "培训2次"
    a, b, c = text.index("98件"), text.index("98件", 6), text.index("2次")
    windows = merge_windows(len(text), [(a, a + 3), (b, b + 3), (c, c + 2)], config=WindowConfig(left=8, right=4, max_len=40))
    assert [(w.start, w.end) for w in windows] == [(0, b + 3 + 4), (c - 8, len(text))]


def test_windows_never_reach_into_a_table_region():
    text = "共收到申请98件。\n表\t98\t0\n办结98件"
    table = (text.index("表"), text.index("办结"))
    mentions = [(text.index("98件"), text.index("98件") + 3), (text.rindex("98件"), text.rindex("98件") + 3),
                (text.index("\t98") + 1, text.index("\t98") + 3)]
    windows = merge_windows(len(text), mentions, [table], WindowConfig(left=24, right=8, max_len=64))
    assert all(w.end <= table[0] or w.start >= table[1] for w in windows)
    assert len(windows) == 2


def test_cores_of_overlapping_windows_tile_without_gaps_or_overlap():
    text = "".join(f"第{i}项收到{i}件，" for i in range(40))
    mentions = [(m, m + 2) for m in range(len(text)) if text.startswith("到", m - 1) and text[m].isdigit()]
    windows = merge_windows(len(text), mentions, config=WindowConfig(left=10, right=4, max_len=30))
    assert len(windows) > 3
    for prev, nxt in zip(windows, windows[1:]):
        if nxt.start < prev.end:
            assert prev.core_end == nxt.core_start
    for s, _ in mentions:  # every mention is owned by exactly one window
        assert sum(w.core_start <= s < w.core_end for w in windows) == 1


def test_a_qualifier_before_the_number_stays_in_the_numbers_window():
    text = "关注量" + "啊" * 30 + "粉丝近45.9万"
    s = text.index("45.9万")
    windows = merge_windows(len(text), [(3, 4), (s, s + 5)], config=WindowConfig(left=30, right=4, max_len=40))
    owner = [w for w in windows if w.core_start <= s - 1 < w.core_end]
    assert len(owner) == 1 and owner[0].start <= s - 1 and s + 5 <= owner[0].end


def test_a_zero_cue_reads_further_right_than_a_number():
    text = "啊" * 10 + "未发生因政府信息公开申请而被提起行政复议的情况" + "啊" * 40
    cue = text.index("未")
    cfg = WindowConfig(left=4, right=2, zero_right=20, max_len=64)
    (w,) = merge_windows(len(text), [(cue, cue + 1, True)], config=cfg)
    assert w.end == cue + 1 + 20


def test_whole_narrative_tiles_cover_every_character_once():
    windows = tile_windows(500, [(100, 200)], WindowConfig(left=10, right=5, max_len=60))
    owned = sorted(i for w in windows for i in range(w.core_start, w.core_end))
    assert owned == list(range(100)) + list(range(200, 500))
    assert all(w.end - w.start <= 60 for w in windows)


def test_gold_coverage_counts_spans_outside_every_window():
    doc = Doc("d", TEXT, (GoldSpan(TEXT.index("4例"), TEXT.index("4例") + 2, "APP_RECEIVED"),))
    assert gold_coverage([doc], []) == (0, 1)
    s = TEXT.index("4例")
    assert gold_coverage([doc], [Window(0, s - 5, s + 5, s, s + 2)]) == (1, 1)


def test_data_hash_changes_with_a_label_and_not_with_document_order():
    a = Doc("a", "收到98件", (GoldSpan(2, 5, "APP_RECEIVED"),))
    b = Doc("b", "办结98件", (GoldSpan(2, 5, "APP_PROCESSED"),))
    assert data_hash([a, b]) == data_hash([b, a])
    assert data_hash([a, b]) != data_hash([a, Doc("b", "办结98件", (GoldSpan(2, 5, "APP_RECEIVED"),))])


def test_a_window_reads_the_title_of_the_heading_it_sits_under_cut_to_the_configured_length():
    text = "（一）主动公开情况\n全年公开信息76条。\n（二）依申请公开\n收到申请3件。"
    config = WindowConfig(left=4, right=2, max_len=20, heading=4)
    first, second = merge_windows(len(text), [(text.index("76条"), text.index("76条") + 3),
                                              (text.index("3件"), text.index("3件") + 2)], config=config)
    context = heading_finder(text, [], config)
    assert context(first) == "主动公开" + HEADING_BREAK
    assert context(second) == "依申请公" + HEADING_BREAK
    assert heading_finder(text, [], WindowConfig(heading=0))(second) == ""
    assert context(Window(0, 0, 5, 0, 5)) == ""  # nothing before the first heading

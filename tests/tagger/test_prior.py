"""The rules prior: the rules baseline's reading of each character, in the model's tag scheme (no torch)."""
from nianbao.facts.catalogue import labels
from nianbao.tagger.data import TagScheme
from nianbao.tagger.prior import prior_tags

TEXT = "2020年，我办收到4例信息公开申请，与往年相比数量增加了3例，暂未收到行政复议和行政诉讼事项。"
SCHEME = TagScheme(labels())


def names(tags):
    return [SCHEME.names[t] for t in tags]


def test_a_count_the_rules_read_is_b_then_i_and_everything_else_is_o():
    tags = names(prior_tags(TEXT, [], SCHEME))
    start = TEXT.index("4例")
    assert tags[start:start + 2] == ["B-APP_RECEIVED", "I-APP_RECEIVED"]
    assert tags[TEXT.index("3例")] == "O"  # a difference from last year: no fact, no prior
    assert len(tags) == len(TEXT)


def test_a_zero_cue_with_two_readings_takes_the_first_label_in_catalogue_order():
    cue = TEXT.index("未")
    first = min(("REVIEW_CASES", "LITIGATION_CASES"), key=labels().index)
    assert names(prior_tags(TEXT, [], SCHEME))[cue] == f"B-{first}"


def test_nothing_inside_an_excluded_region_gets_a_prior():
    start = TEXT.index("4例")
    tags = prior_tags(TEXT, [(start - 3, start + 3)], SCHEME)
    assert not any(tags[start - 3:start + 3])

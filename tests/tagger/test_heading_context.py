"""The heading context read before each window: context only, never labelled or decoded."""
import numpy as np

from nianbao.facts.catalogue import labels
from nianbao.tagger.chars import CharVocab
from nianbao.tagger.config import TaggerConfig
from nianbao.tagger.data import HEADING_BREAK, IGNORE, Doc, GoldSpan, TagScheme, WindowConfig
from nianbao.tagger.predict import tag_texts

TEXT = ("（一）主动公开情况\n全年公开施工许可证76条、排水许可证5条。\n"
        "（二）依申请公开\n本年度共收到政府信息公开申请12件，办结12件。\n")
SCHEME = TagScheme(labels())
VOCAB = CharVocab({ch: i + 4 for i, ch in enumerate(sorted(set(TEXT + HEADING_BREAK)))}, 0, 1, 2, 3)


class EchoPrior:
    """A stand-in model whose logits are its prior input: it tags exactly what the rules prior says."""

    use_prior = True

    def logits(self, ids, mask, prior):
        return np.eye(len(SCHEME), dtype=np.float32)[prior] * 10


def test_training_items_read_the_heading_first_and_learn_nothing_from_it():
    from nianbao.tagger.train import items_for

    start = TEXT.index("12件")
    doc = Doc("d", TEXT, (GoldSpan(start, start + 3, "APP_RECEIVED"),))
    config = TaggerConfig(prior="rules", window=WindowConfig(left=6, right=2, max_len=30, heading=5))
    item = next(i for i in items_for([doc], SCHEME, config) if "12件" in i.text)
    context = "依申请公开" + HEADING_BREAK
    assert item.text.startswith(context)
    assert item.labels[:len(context)] == [IGNORE] * len(context)
    assert item.prior[:len(context)] == [0] * len(context)
    b = item.text.index("12件")
    assert [SCHEME.names[t] for t in item.labels[b:b + 3]] == ["B-APP_RECEIVED", "I-APP_RECEIVED", "I-APP_RECEIVED"]


def test_facts_keep_their_offsets_into_the_report_when_a_heading_is_read_before_the_window():
    plain, with_heading = (tag_texts(EchoPrior(), VOCAB, SCHEME, WindowConfig(left=6, right=2, max_len=30, heading=h),
                                     [TEXT], [[]])[0] for h in (0, 8))
    assert [(f.start, f.end, f.label) for f in with_heading] == [(f.start, f.end, f.label) for f in plain]
    assert {TEXT[f.start:f.end] for f in plain} >= {"12件"}

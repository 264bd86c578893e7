from xml.etree import ElementTree

from nianbao.facts import catalogue
from nianbao.labelstudio.config import FROM_NAME, TO_NAME, family_colours, label_config


def test_config_has_one_label_per_catalogue_label_with_its_chinese_name():
    root = ElementTree.fromstring(label_config())
    labels = root.find(f"Labels[@name='{FROM_NAME}']")
    assert labels.get("toName") == TO_NAME
    values = [label.get("value") for label in labels.findall("Label")]
    assert values == catalogue.labels()
    hints = {label.get("value"): label.get("hint") for label in labels.findall("Label")}
    assert hints["APP_RECEIVED"].startswith("收到申请")
    assert hints["NPC_SUGGESTIONS"].startswith(catalogue.catalogue()["NPC_SUGGESTIONS"].zh)


def test_config_tags_the_task_text_character_by_character():
    text = ElementTree.fromstring(label_config()).find(f"Text[@name='{TO_NAME}']")
    assert text.get("value") == "$text"
    assert text.get("granularity") == "symbol"


def test_labels_of_one_family_share_a_hue_and_families_differ():
    import colorsys

    def hue(colour):
        r, g, b = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
        return round(colorsys.rgb_to_hls(r, g, b)[0], 2)

    colours = family_colours()
    info = catalogue.catalogue()
    by_family = {}
    for label, colour in colours.items():
        by_family.setdefault(info[label].family, set()).add(hue(colour))
    assert all(len(hues) == 1 for hues in by_family.values())
    assert len({next(iter(h)) for h in by_family.values()}) == len(by_family)
    assert len(set(colours.values())) == len(colours)  # each label still tells apart

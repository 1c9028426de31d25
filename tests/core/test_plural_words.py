"""A count reads as English and Chinese say it: "1 file", "3 files", never "1 file(s)" or "1 pictures"."""

import re
import xml.etree.ElementTree as ET

import pytest

from desktop_app.core.data.dataset import health_report, scan_dataset
from desktop_app.core.i18n import catalogue_path, set_language, tr


@pytest.fixture
def english():
    set_language("en")
    yield
    set_language("en")


def test_a_message_with_a_count_takes_the_form_for_that_count(english):
    assert tr("Skipped %n file(s):", "", 1) == "Skipped 1 file:"
    assert tr("Skipped %n file(s):", "", 3) == "Skipped 3 files:"
    assert tr("Skipped %n file(s):", "", 0) == "Skipped 0 files:"
    assert (tr("'{name}' has only %n image(s); {enough} or more per class work much better.", "", 1, name="cat",
               enough=10) == "'cat' has only 1 image; 10 or more per class work much better.")
    set_language("zh_CN")
    assert tr("Skipped %n file(s):", "", 1) == "跳过了 1 个文件："


def test_every_message_about_a_count_has_its_singular_and_plural_in_english():
    messages = ET.parse(catalogue_path("zh_CN")).getroot().iter("message")
    counted = [m.findtext("source") or "" for m in messages if re.search(r"\w\(s\)|\(es\)", m.findtext("source") or "")]
    assert counted, "the check looks at real messages"
    english = {m.findtext("source"): [f.text or "" for f in m.iter("numerusform")]
               for m in ET.parse(catalogue_path("en")).getroot().iter("message")}
    for source in counted:
        forms = english.get(source)
        assert forms and len(forms) == 2 and not any("(s)" in f for f in forms), source
        assert "%n" in source, f"a count written into the words, not passed as the count: {source}"


def test_the_health_check_says_one_image_not_one_images(english, tmp_path):
    from helpers import copy_hotdog_photos

    root = copy_hotdog_photos(tmp_path, 3)
    (root / "hotdog" / "broken.jpg").write_bytes(b"not a picture")
    report = health_report(scan_dataset(root))
    assert any(p.startswith("1 file could not be used and was skipped") for p in report.problems), report.problems

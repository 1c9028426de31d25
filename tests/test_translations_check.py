"""The translation check also catches words pyside6-lupdate cannot see: tr() inside an f-string."""

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "translations.py"


def test_tr_inside_an_f_string_is_reported_and_the_sources_have_none():
    spec = importlib.util.spec_from_file_location("translations", SCRIPT)
    translations = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(translations)
    hidden = translations.HIDDEN_TR
    assert hidden.search('print(f"{tr(\'class\'):<10}")') and hidden.search('f"<h2>{ self.tr("Learning") }</h2>"')
    assert not hidden.search('tr("Saved {path}.", path=p)') and not hidden.search('f"{percent(x)}"')
    assert translations.hidden_from_lupdate() == []

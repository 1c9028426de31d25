"""The user's language for every word the app writes: the window, the command line, the report and the charts.

One catalogue per language, in Qt's format: desktop_app/resources/translations/finetune_studio_<language>.ts, which
`python scripts/translations.py update` refreshes from the sources with pyside6-lupdate. The window
loads its compiled .qm through QTranslator; the core (which knows nothing of Qt) reads the messages of its
own bare `tr()` calls, lupdate's context "", straight from the .ts.

A message is a whole sentence with named fields (`tr("Saved {path}.", path=p)`), never assembled from
fragments, so a translation may put the fields in any order. A message about a count takes it as Qt's
numerus argument (`tr("%n file(s) skipped", "", n)`); English, too, has a catalogue, holding only the
singular and plural forms of those messages (lupdate -pluralonly).
"""

import functools
import os
import xml.etree.ElementTree as ET

from .paths import RESOURCES_DIR

ENGLISH = "en"
LANGUAGES = {ENGLISH: "English", "zh_CN": "简体中文"}
TRANSLATIONS_DIR = RESOURCES_DIR / "translations"
# Set by set_language, so the training process (spawned, so it starts afresh) speaks the window's language.
LANGUAGE_VARIABLE = "FINETUNE_STUDIO_LANGUAGE"

_language: str | None = None


def catalogue_path(language: str, suffix: str = ".ts"):
    return TRANSLATIONS_DIR / f"finetune_studio_{language}{suffix}"


def system_language() -> str:
    """The language the environment asks for, as POSIX programs read it (LC_ALL, LC_MESSAGES, LANG)."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return supported(value)
    return ENGLISH


def supported(locale_name: str) -> str:
    """The language we have for a locale name such as zh_CN.UTF-8, zh-Hans or en_GB (English otherwise)."""
    return "zh_CN" if locale_name.lower().startswith("zh") else ENGLISH


def language() -> str:
    global _language
    if _language is None:
        _language = os.environ.get(LANGUAGE_VARIABLE) or system_language()
        if _language not in LANGUAGES:
            _language = ENGLISH
    return _language


def set_language(code: str) -> None:
    global _language
    _language = code if code in LANGUAGES else ENGLISH
    os.environ[LANGUAGE_VARIABLE] = _language


def tr(text: str, disambiguation: str | None = None, n: int | None = None, /, **fields) -> str:
    """`text` in the user's language, with its {fields} filled in.

    With a count `n` (Qt's convention, which lupdate reads: `tr("%n file(s) skipped", "", n)`), the form for
    that count, with %n replaced by it: English says "1 file" and "2 files" from its own catalogue, Chinese
    has one form. `disambiguation` is Qt's too; no message of ours needs one."""
    translated = _catalogue(language()).get(text, text)
    if isinstance(translated, list):  # the plural forms of a message with a count
        translated = translated[min(0 if n == 1 else 1, len(translated) - 1)]
    if n is not None:
        translated = translated.replace("%n", str(n))
    return translated.format(**fields) if fields else translated


def sentences(parts) -> str:
    """Whole sentences one after another: a space after a Latin full stop, none after a Chinese one (。)."""
    text = ""
    for part in parts:
        text += part if not text or text.endswith(("。", "！", "？", "）")) else " " + part
    return text


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 (the name pyside6-lupdate looks for)
    """Marks a constant for translation where it is defined; tr() translates it where it is shown."""
    return text


@functools.cache
def _catalogue(code: str) -> dict[str, str | list[str]]:
    """The core's messages (lupdate's context "") of one catalogue; English's holds only plural forms."""
    path = catalogue_path(code)
    if not path.is_file():
        return {}
    messages: dict[str, str | list[str]] = {}
    for context in ET.parse(path).getroot().iter("context"):
        if (context.findtext("name") or "") != "":
            continue  # the window's messages: Qt translates those
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            forms = [form.text or "" for form in translation.iter("numerusform")]
            translated: str | list[str] = forms or translation.text or ""
            if translated and all(forms):  # an untranslated plural form keeps the message in English
                messages[message.findtext("source", "")] = translated
    return messages

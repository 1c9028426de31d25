"""Keep the translations complete.

    python scripts/translations.py update   # sources -> .ts (pyside6-lupdate), then .ts -> .qm (pyside6-lrelease)
    python scripts/translations.py check    # fails on any user-visible string without a translation

One catalogue per language in desktop_app/resources/translations/ holds every string the window, the command line,
the report and the charts show (see desktop_app/core/i18n.py). Translate with Qt Linguist
(pyside6-linguist), then run `update`. `check` runs in the test command, so an untranslated string
fails CI rather than reaching a user in English.
"""

import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop_app.core.i18n import ENGLISH, LANGUAGES, catalogue_path  # noqa: E402

SOURCES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop_app").rglob("*.py"))
# Fields a translation must keep: {name}, {0}, {0:.1%}; Qt's %v and %m; HTML tags.
FIELDS = re.compile(r"\{[^{}]*\}|%[vm]|</?(?:a|b|br|code|h2|p|tt)\b[^>]*>")


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent)) or shutil.which(f"pyside6-{name}")
    if not found:
        sys.exit(f"pyside6-{name} not found: install the project first (python3 scripts/bootstrap.py test).")
    return found


def lupdate(ts: Path, language: str) -> None:
    # English needs only the singular and plural forms of the messages about a count ("%n file(s)").
    only_plurals = ["-pluralonly"] if language == ENGLISH else []
    subprocess.run([tool("lupdate"), *SOURCES, "-locations", "none", "-no-obsolete", *only_plurals,
                    "-target-language", language, "-ts", str(ts)], cwd=ROOT, check=True, capture_output=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT, check=True)


def problems(ts: Path) -> list[str]:
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        where = context.findtext("name") or "core"
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None or translation.get("type") == "unfinished":
                found.append(f"[{where}] not translated: {source!r}")
                continue
            texts = [form.text for form in translation.iter("numerusform")] or [translation.text]
            if not all(texts):
                found.append(f"[{where}] not translated: {source!r}")
            found += [f"[{where}] fields differ: {source!r} -> {text!r}" for text in texts
                      if text and sorted(FIELDS.findall(source)) != sorted(FIELDS.findall(text))]
    return found


HIDDEN_TR = re.compile(r"\{\s*(?:self\.)?tr\(")


def hidden_from_lupdate() -> list[str]:
    """tr() called inside an f-string: pyside6-lupdate never sees it, so its words would stay English."""
    return [f"{source}:{n}: tr() inside an f-string is never extracted; put the words in a variable first"
            for source in SOURCES
            for n, line in enumerate((ROOT / source).read_text(encoding="utf-8").splitlines(), 1)
            if HIDDEN_TR.search(line)]


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    failures = [] if command == "update" else hidden_from_lupdate()
    for language in LANGUAGES:
        ts, qm = catalogue_path(language), catalogue_path(language, ".qm")
        if command == "update":
            lupdate(ts, language)
            lrelease(ts, qm)
            print(f"{ts.name}: {len(problems(ts))} message(s) still to translate")
            continue
        with tempfile.TemporaryDirectory() as scratch:
            current = Path(scratch) / ts.name
            shutil.copy(ts, current)
            lupdate(current, language)  # what the sources say today, with the catalogue's translations
            failures += [f"{language}: {p}" for p in problems(current)]
            compiled = Path(scratch) / qm.name
            lrelease(ts, compiled)
            if not qm.is_file() or compiled.read_bytes() != qm.read_bytes():
                failures.append(f"{language}: {qm.name} is older than {ts.name}")
    if failures:
        print("\n".join(failures), file=sys.stderr)
        print(f"{len(failures)} problem(s): translate with pyside6-linguist, then run "
              "python scripts/translations.py update", file=sys.stderr)
        return 1
    if command == "check":
        print("Translations: every user-visible string is translated.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

#!/usr/bin/env python3
"""Bring the German translation up to date (``make translations``).

1. Walk ``mandant_desktop/`` with ``ast`` and write ``mandant_desktop/ui/error_catalog.py``: one
   ``QT_TRANSLATE_NOOP("errors", …)`` per message template of a DomainError-family constructor
   call, and one ``QT_TRANSLATE_NOOP("fields", …)`` per input name that fills a ``{field}``
   placeholder, so that lupdate sees strings that live outside the UI.
2. Run ``pyside6-lupdate`` over the package into ``translations/mandant_desktop_de.ts`` (existing
   translations are kept; strings that vanished are dropped; no source locations, so that the file
   only changes when a text changes).
3. Fill in the German texts of ``tools/translations_de.py`` (the maintained dictionary; an entry
   there wins over the .ts), then let lupdate write the file once more in its canonical layout.
4. Run ``pyside6-lrelease`` into ``translations/mandant_desktop_de.qm``.

Exits 1 and lists them when entries are left without a German text. ``--check`` changes nothing
and exits 1 when the catalogue is stale or an entry is unfinished.
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "mandant_desktop"
CATALOG_PATH = PACKAGE / "ui" / "error_catalog.py"
TS_PATH = ROOT / "translations" / "mandant_desktop_de.ts"
QM_PATH = ROOT / "translations" / "mandant_desktop_de.qm"
DICTIONARY_PATH = ROOT / "tools" / "translations_de.py"
LANGUAGE = "de_DE"

ERRORS_CONTEXT = "errors"
FIELDS_CONTEXT = "fields"
ROOT_ERROR = "DomainError"


# --------------------------------------------------------------------------------- 1. the catalogue


@dataclass(frozen=True)
class Catalog:
    templates: tuple[str, ...]
    fields: tuple[str, ...]


def _python_files(package: Path) -> list[Path]:
    return sorted(p for p in package.rglob("*.py") if p != CATALOG_PATH and "__pycache__" not in p.parts)


def _name_of(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _error_family(trees: Iterable[ast.Module]) -> set[str]:
    """Names of DomainError and every class that derives from it, across the whole package."""
    bases: dict[str, set[str]] = {}
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases.setdefault(node.name, set()).update(filter(None, (_name_of(b) for b in node.bases)))
    family = {ROOT_ERROR}
    grew = True
    while grew:
        grew = False
        for name, parents in bases.items():
            if name not in family and parents & family:
                family.add(name)
                grew = True
    return family


def _module_constants(tree: ast.Module) -> dict[str, str]:
    """Module-level ``NAME = "literal"`` assignments (a template kept in a constant)."""
    constants: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    constants[target.id] = node.value.value
    return constants


def _literal(node: ast.expr, constants: dict[str, str]) -> str | None:
    # Implicitly concatenated literals are already one Constant in the tree.
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    return None


def _calls(tree: ast.Module) -> Iterator[ast.Call]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            yield node


def collect_catalog(package: Path = PACKAGE) -> Catalog:
    trees = [ast.parse(path.read_text(encoding="utf-8"), filename=str(path)) for path in _python_files(package)]
    family = _error_family(trees)
    templates: set[str] = set()
    fields: set[str] = set()
    for tree in trees:
        constants = _module_constants(tree)
        for call in _calls(tree):
            name = _name_of(call.func)
            if name in family:
                template = _literal(call.args[0], constants) if call.args else None
                if template:
                    templates.add(template)
                    if "{field}" in template:
                        fields.update(_field_keywords(call))
            else:
                # A helper such as clean_name(value, field="first name") passes an input's name on
                # to a template with a {field} placeholder.
                fields.update(_field_keywords(call))
    return Catalog(templates=tuple(sorted(templates)), fields=tuple(sorted(fields)))


def _field_keywords(call: ast.Call) -> Iterator[str]:
    for keyword in call.keywords:
        if keyword.arg == "field" and isinstance(keyword.value, ast.Constant) and isinstance(keyword.value.value, str):
            yield keyword.value.value


def render_catalog(catalog: Catalog) -> str:
    def entries(context: str, texts: tuple[str, ...]) -> str:
        # JSON string syntax is valid Python and uses double quotes, which lupdate reads reliably.
        return "".join(
            f"    QT_TRANSLATE_NOOP({json.dumps(context)}, {json.dumps(t, ensure_ascii=False)}),\n" for t in texts
        )

    return (
        '"""Generated by tools/update_translations.py; do not edit. Run `make translations` instead.\n'
        "\n"
        'The message templates of every DomainError raised in mandant_desktop (context "errors") and the\n'
        'names of inputs that fill a {field} placeholder (context "fields"), for lupdate to extract.\n'
        '"""\n'
        "\n"
        "from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP\n"
        "\n"
        "ERROR_TEMPLATES = (\n" + entries(ERRORS_CONTEXT, catalog.templates) + ")\n"
        "\n"
        "FIELD_NAMES = (\n" + entries(FIELDS_CONTEXT, catalog.fields) + ")\n"
    )


# ------------------------------------------------------------------------------ 2.-4. Qt Linguist


def qt_tool(name: str) -> str:
    """``pyside6-lupdate``/``pyside6-lrelease`` of this interpreter's environment, else from PATH."""
    here = Path(sys.executable).parent
    for candidate in (here / name, here / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found; install PySide6 (pip install -e '.[test]')")
    return found


def source_files(package: Path = PACKAGE) -> list[str]:
    return [str(path.relative_to(ROOT)) for path in sorted(package.rglob("*.py")) if "__pycache__" not in path.parts]


def run_lupdate(ts_path: Path = TS_PATH, *, package: Path = PACKAGE) -> None:
    ts_path.parent.mkdir(parents=True, exist_ok=True)
    command = [
        qt_tool("pyside6-lupdate"),
        *source_files(package),
        "-locations",
        "none",
        "-no-obsolete",
        "-target-language",
        LANGUAGE,
        "-source-language",
        "en",
        "-silent",
        "-ts",
        str(ts_path),
    ]
    subprocess.run(command, check=True, cwd=ROOT)
    drop_extracted_comments(ts_path)


def drop_extracted_comments(ts_path: Path) -> None:
    """lupdate takes any ``#:`` comment near a tr() call for a note to translators; ours are attribute
    docs ("the ConnectionProfile of a row") that would only mislead. This project writes none."""
    text = ts_path.read_text(encoding="utf-8")
    cleaned = re.sub(r"\n\s*<extracomment>.*?</extracomment>", "", text, flags=re.DOTALL)
    if cleaned != text:
        ts_path.write_text(cleaned, encoding="utf-8")


def run_lrelease(ts_path: Path = TS_PATH, qm_path: Path = QM_PATH) -> None:
    subprocess.run([qt_tool("pyside6-lrelease"), "-silent", str(ts_path), "-qm", str(qm_path)], check=True, cwd=ROOT)


@dataclass(frozen=True)
class Entry:
    context: str
    source: str
    translation: str
    finished: bool
    #: a message with a count (``tr(text, None, n)``): its German singular and plural, in Qt's order
    forms: tuple[str, ...] = ()


def read_entries(ts_path: Path = TS_PATH) -> list[Entry]:
    tree = ET.parse(ts_path)
    entries: list[Entry] = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            numerus = translation.iter("numerusform") if translation is not None else iter(())
            forms = tuple((form.text or "") for form in numerus)
            if message.get("numerus") == "yes":
                text = forms[-1] if forms else ""
                done = bool(forms) and all(forms)
            else:
                text = (translation.text or "") if translation is not None else ""
                done = bool(text)
            entries.append(
                Entry(
                    context=name,
                    source=message.findtext("source") or "",
                    translation=text,
                    finished=kind != "unfinished" and done,
                    forms=forms,
                )
            )
    return entries


def unfinished(ts_path: Path = TS_PATH) -> list[Entry]:
    return [entry for entry in read_entries(ts_path) if not entry.finished]


def load_dictionary(path: Path = DICTIONARY_PATH) -> ModuleType:
    spec = importlib.util.spec_from_file_location("translations_de", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fill(
    ts_path: Path,
    by_source: dict[str, str | tuple[str, ...]],
    by_context: dict[tuple[str, str], str | tuple[str, ...]],
) -> int:
    """Write the dictionary's German texts into ``ts_path``; returns how many entries it set."""
    tree = ET.parse(ts_path)
    count = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            german = by_context.get((name, source), by_source.get(source))
            translation = message.find("translation")
            if german is None or translation is None:
                continue
            if message.get("numerus") == "yes":
                # German has two forms, "1 Rolle" and "2 Rollen"; one text serves both where they are alike
                forms = (german, german) if isinstance(german, str) else german
                translation.text = None
                for form in list(translation):
                    translation.remove(form)
                for form_text in forms:
                    ET.SubElement(translation, "numerusform").text = form_text
            else:
                if not isinstance(german, str):
                    raise ValueError(f"{source!r} takes no count; give it one German text, not {german!r}")
                translation.text = german
            translation.attrib.pop("type", None)
            count += 1
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts_path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return count


# ----------------------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 when something is stale")
    args = parser.parse_args(argv)

    catalog_text = render_catalog(collect_catalog())
    if args.check:
        problems = []
        if not CATALOG_PATH.exists() or CATALOG_PATH.read_text(encoding="utf-8") != catalog_text:
            problems.append(f"{CATALOG_PATH.relative_to(ROOT)} is stale")
        problems += [f"unfinished: [{e.context}] {e.source!r}" for e in unfinished()]
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0

    CATALOG_PATH.write_text(catalog_text, encoding="utf-8")
    run_lupdate()
    dictionary = load_dictionary()
    fill(TS_PATH, dictionary.TRANSLATIONS, dictionary.CONTEXT_TRANSLATIONS)
    run_lupdate()  # lupdate's own layout, so that the file diffs cleanly
    run_lrelease()
    missing = unfinished()
    total = len(read_entries())
    print(f"{TS_PATH.relative_to(ROOT)}: {total} entries, {len(missing)} without a German text")
    for entry in missing:
        print(f"  [{entry.context}] {entry.source!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())

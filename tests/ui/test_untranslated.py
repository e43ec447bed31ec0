"""No user-visible text is set from a bare string literal (SPEC E1): every text call gets ``tr()``,
``translate()`` or a variable, never ``"Save"`` itself. A static scan of ``mandant_desktop/ui``."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import mandant_desktop.ui as ui_package

#: calls whose first argument is shown to the user
TEXT_CALLS = {
    "setText",
    "setWindowTitle",
    "setToolTip",
    "setWhatsThis",
    "setStatusTip",
    "setPlaceholderText",
    "setTitle",
    "setTabText",
    "addTab",
    "setAccessibleName",
    "setAccessibleDescription",
    "showMessage",
    "setLabelText",
    "setHorizontalHeaderLabels",
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
}
#: literals that are the same in every language: names of languages (each in itself), the product
ALLOWED = {"Deutsch", "English", "Mandant Desktop", "Mandant Desktop — ", "—", "…", "−", "+", "×", "✕"}


def _literal_texts(call: ast.Call) -> list[str]:
    name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
    if name not in TEXT_CALLS:
        return []
    found = []
    for arg in call.args[:2] if name in {"addTab", "setTabText", "QAction"} else call.args[:1]:
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            text = arg.value.strip()
            if any(ch.isalpha() for ch in text) and text not in ALLOWED and not text.startswith("<"):
                found.append(text)
    return found


def test_no_text_is_set_from_a_bare_literal() -> None:
    root = Path(ui_package.__file__).parent
    offenders = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                offenders.extend(f"{path.relative_to(root)}:{node.lineno}: {text!r}" for text in _literal_texts(node))
    assert not offenders, "texts without tr():\n" + "\n".join(offenders)


def test_the_scan_catches_a_bare_literal_and_lets_tr_pass() -> None:
    source = 'label.setText("Save")\nlabel.setText(self.tr("Save"))\nQPushButton("&OK", self)\nx.setToolTip(name)'
    calls = [node for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Call)]
    assert sorted(text for call in calls for text in _literal_texts(call)) == ["&OK", "Save"]


def test_counts_in_texts_are_formatted_for_the_locale() -> None:
    """E1: a count put into a translated text goes through ``formats.number_text`` ("10.000 Benutzer" in
    German, "10,000" in English), never through ``str()`` or Python's locale-less ``:n``, which showed
    "10000 Benutzer" and "Kunden: 100000" on the large demo."""
    root = Path(ui_package.__file__).parent
    raw = re.compile(r'\.replace\(\s*"%n",\s*str\(|:n\}"|\.format\(count=len\(')
    offenders = [
        f"{path.relative_to(root)}:{number}: {line.strip()}"
        for path in sorted(root.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if raw.search(line)
    ]
    assert not offenders, "counts formatted without the locale:\n" + "\n".join(offenders)


def _unextracted_translations(tree: ast.AST) -> list[tuple[int, str]]:
    """``translate(CONTEXT, "text")``: a literal text under a context that is not a literal."""
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "translate"):
            continue
        if len(node.args) < 2:
            continue
        context, text = node.args[0], node.args[1]
        literal_text = isinstance(text, ast.Constant) and isinstance(text.value, str)
        literal_context = isinstance(context, ast.Constant) and isinstance(context.value, str)
        if literal_text and not literal_context:
            found.append((node.lineno, text.value))  # type: ignore[union-attr]
    return found


def test_every_translated_literal_has_a_literal_context() -> None:
    """E1: pyside6-lupdate only extracts ``translate("Context", "text")`` when both are literals. The
    customer export passed its context as a constant name, so "Export customers" and "Excel workbook
    (*.xlsx)" never reached the .ts and the German save dialog said them in English."""
    root = Path(ui_package.__file__).parent.parent
    offenders = [
        f"{path.relative_to(root)}:{line}: {text!r}"
        for path in sorted(root.rglob("*.py"))
        for line, text in _unextracted_translations(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert not offenders, "translate() with a literal text but no literal context:\n" + "\n".join(offenders)


def test_the_context_scan_catches_a_named_context() -> None:
    source = 'Q.translate(CONTEXT, "Save")\nQ.translate("Page", "Save")\nQ.translate(CONTEXT, text)'
    assert _unextracted_translations(ast.parse(source)) == [(1, "Save")]

#!/usr/bin/env bash
# Builds the standalone Linux bundle dist/mandant-desktop/ (SPEC E6); `make bundle` runs this.
#
# Its own venv (build/bundle-venv), independent of .venv and of CI: the application is installed
# into it as a plain, non-editable package with the pinned PyInstaller of the `bundle` extra, so the
# bundle holds exactly what a user's `pip install .` would get.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
VENV=build/bundle-venv
DIST=dist
WORK=build/pyinstaller

started=$(date +%s)
if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
    "$VENV/bin/python" -m pip install --disable-pip-version-check -q --upgrade pip setuptools wheel
fi
# Non-editable: PyInstaller then collects the installed package with its data, not this checkout.
"$VENV/bin/python" -m pip install --disable-pip-version-check -q '.[bundle]'
"$VENV/bin/python" -m pip install --disable-pip-version-check -q --force-reinstall --no-deps .

"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$WORK" packaging/mandant_desktop.spec

bundle="$DIST/mandant-desktop"
# The command line is the same executable under another name (see packaging/launch.py).
ln -sf mandant-desktop "$bundle/mandant-admin"
# What the install script puts into the XDG directories travels with the bundle.
mkdir -p "$bundle/share"
cp packaging/linux/de.mandant_desktop.MandantDesktop.desktop \
    packaging/linux/de.mandant_desktop.MandantDesktop.metainfo.xml "$bundle/share/"
cp resources/icons/app.svg "$bundle/share/de.mandant_desktop.MandantDesktop.svg"
cp packaging/linux/install.sh "$bundle/install.sh"

echo "bundle: $bundle ($(du -sh "$bundle" | cut -f1)), built in $(( $(date +%s) - started )) s"

#!/usr/bin/env bash
# Smoke test of a built bundle (SPEC E6): starts it offscreen on a temporary SQLite database and
# user directories, never touching the user's own. `make bundle-smoke`; tests/test_bundle.py runs it.
#
#   packaging/smoke.sh [BUNDLE_DIR]         default dist/mandant-desktop
#   SMOKE_SCREENSHOT=out.png packaging/smoke.sh   keeps the screenshot it takes
#
# Checks, in order: the command line answers (--version); the migrations inside the bundle build a
# database (db upgrade, db check); the German translation, the icons and Qt's own German strings are
# inside; the GUI opens the demo database (created and filled on the way) and renders the tenants
# page in German to a PNG.
set -euo pipefail

bundle="${1:-dist/mandant-desktop}"
[ -x "$bundle/mandant-desktop" ] || { echo "smoke: no bundle at $bundle (run: make bundle)" >&2; exit 2; }
scratch="$(mktemp -d -t mandant-smoke-XXXXXX)"
trap 'rm -rf "$scratch"' EXIT
shot="${SMOKE_SCREENSHOT:-$scratch/tenants-de.png}"

export XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" XDG_CACHE_HOME="$scratch/cache"
export PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring QT_QPA_PLATFORM=offscreen
unset MANDANT_DB_URL MANDANT_USER MANDANT_PASSWORD
db="sqlite:///$scratch/smoke.sqlite"

step() { printf 'smoke: %s\n' "$*"; }

step "version: $("$bundle/mandant-admin" --version)"
"$bundle/mandant-admin" db upgrade --db "$db" >/dev/null
check="$("$bundle/mandant-admin" db check --db "$db" --json)"
step "db check: $(printf "%s" "$check" | tr -d "\n " | cut -c1-160)"
# "current": the database is at the newest revision that the bundle's own migrations know
case "$check" in
    *'"state": "current"'*) ;;
    *) echo "smoke: the bundled migrations did not bring the database to their newest revision" >&2; exit 1 ;;
esac
for inside in mandant_desktop/translations/mandant_desktop_de.qm mandant_desktop/resources/icons/app.svg \
    PySide6/Qt/translations/qtbase_de.qm PySide6/Qt/plugins/platforms/libqoffscreen.so; do
    [ -f "$bundle/_internal/$inside" ] || { echo "smoke: missing in the bundle: $inside" >&2; exit 1; }
done
step "translations, icons and the offscreen platform are inside"

started=$(date +%s%N)
"$bundle/mandant-desktop" --demo --lang de --page tenants --screenshot "$shot"
elapsed=$(( ($(date +%s%N) - started) / 1000000 ))
size=$(stat -c %s "$shot")
[ "$size" -gt 20000 ] || { echo "smoke: the screenshot $shot is suspiciously small ($size bytes)" >&2; exit 1; }
step "demo database created and the tenants page rendered in ${elapsed} ms: $shot ($size bytes)"
step "ok"

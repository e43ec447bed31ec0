#!/usr/bin/env bash
# Installs the bundle for the current user: the desktop file, the metainfo and the icon into the XDG
# directories, and links mandant-desktop / mandant-admin into ~/.local/bin (SPEC E6).
#
#   ./install.sh              from an unpacked bundle (dist/mandant-desktop/install.sh)
#   ./install.sh --uninstall  removes what it installed; the bundle folder itself stays
#
# PREFIX (default ~/.local, i.e. $XDG_DATA_HOME's parent) and BINDIR may be set; for all users run
# it as root with PREFIX=/usr/local. The Exec line of the desktop file is rewritten to the bundle's
# absolute path, so the menu entry works without ~/.local/bin on PATH.
set -euo pipefail

APP_ID=de.mandant_desktop.MandantDesktop
here="$(cd "$(dirname "$0")" && pwd)"
share_src="$here/share"
[ -d "$share_src" ] || share_src="$here"   # run from packaging/linux in a checkout: files lie beside
if [ -n "${PREFIX:-}" ]; then
    data_home="$PREFIX/share"
else
    data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
    PREFIX="$(dirname "$data_home")"
fi
bindir="${BINDIR:-$PREFIX/bin}"
apps="$data_home/applications"
icons="$data_home/icons/hicolor/scalable/apps"
metainfo="$data_home/metainfo"

refresh_caches() {
    command -v update-desktop-database >/dev/null && update-desktop-database -q "$apps" || true
    command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data_home/icons/hicolor" || true
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$apps/$APP_ID.desktop" "$icons/$APP_ID.svg" "$metainfo/$APP_ID.metainfo.xml"
    for name in mandant-desktop mandant-admin; do
        # only our own links, never a mandant-desktop installed by pip
        if [ -L "$bindir/$name" ]; then rm -f "$bindir/$name"; fi
    done
    refresh_caches
    echo "removed $APP_ID from $data_home"
    exit 0
fi

icon_src="$share_src/$APP_ID.svg"
[ -f "$icon_src" ] || icon_src="$here/../../resources/icons/app.svg"
mkdir -p "$apps" "$icons" "$metainfo"
install -m 644 "$icon_src" "$icons/$APP_ID.svg"
install -m 644 "$share_src/$APP_ID.metainfo.xml" "$metainfo/$APP_ID.metainfo.xml"
exec_line="mandant-desktop"
if [ -x "$here/mandant-desktop" ]; then
    exec_line="\"$here/mandant-desktop\""
    mkdir -p "$bindir"
    ln -sfn "$here/mandant-desktop" "$bindir/mandant-desktop"
    ln -sfn "$here/mandant-desktop" "$bindir/mandant-admin"
fi
sed "s|^Exec=.*|Exec=$exec_line|" "$share_src/$APP_ID.desktop" >"$apps/$APP_ID.desktop"
chmod 644 "$apps/$APP_ID.desktop"
refresh_caches
echo "installed $APP_ID into $data_home (menu entry, icon, metainfo)"

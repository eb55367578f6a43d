#!/usr/bin/env bash
# Installs a built RetroTimer bundle for one user (or, with --prefix /usr/local as root, for
# everyone): the program folder, a `retrotimer` command, the menu entry, the icons and the
# AppStream metainfo. Run it again to update; --uninstall removes exactly what it installed.
# Usage: packaging/linux/install.sh [--prefix DIR] [--uninstall] [BUNDLE_FOLDER]
#        (default prefix ~/.local, default bundle dist/retrotimer from `make dist`)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
app_id=org.retrotimer.RetroTimer

prefix=${HOME:?}/.local
uninstall=false
bundle=dist/retrotimer
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) prefix=${2:?--prefix needs a folder}; shift 2 ;;
        --uninstall) uninstall=true; shift ;;
        -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "install.sh: unknown option $1" >&2; exit 2 ;;
        *) bundle=$1; shift ;;
    esac
done

program_dir=$prefix/lib/retrotimer
command_link=$prefix/bin/retrotimer
desktop_file=$prefix/share/applications/$app_id.desktop
metainfo_file=$prefix/share/metainfo/$app_id.metainfo.xml
icons=$prefix/share/icons/hicolor

refresh_caches() {
    # Menus and icon themes notice new files sooner with these; neither is required.
    command -v update-desktop-database >/dev/null 2>&1 \
        && update-desktop-database -q "$prefix/share/applications" 2>/dev/null || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 \
        && gtk-update-icon-cache -q -t "$icons" 2>/dev/null || true
}

if $uninstall; then
    rm -rf "$program_dir"
    rm -f "$command_link" "$desktop_file" "$metainfo_file"
    find "$icons" -path "*/apps/$app_id.*" -delete 2>/dev/null || true
    refresh_caches
    echo "RetroTimer removed from $prefix (your settings, templates and history stay)."
    exit 0
fi

if [ ! -x "$bundle/retrotimer" ]; then
    echo "install.sh: no program in $bundle; build it first with: make dist" >&2
    exit 1
fi
bundle=$(cd "$bundle" && pwd)

mkdir -p "$prefix/lib" "$prefix/bin" "$(dirname "$desktop_file")" "$(dirname "$metainfo_file")"
# Copy beside the old folder, then swap, so a failed copy leaves the old version working.
rm -rf "$program_dir.new"
cp -a "$bundle" "$program_dir.new"
rm -rf "$program_dir"
mv "$program_dir.new" "$program_dir"
ln -sfn "$program_dir/retrotimer" "$command_link"

# The menu starts the installed program by its full path: ~/.local/bin is not always on the
# PATH of a desktop session.
sed "s|^Exec=retrotimer|Exec=$program_dir/retrotimer|" "$here/$app_id.desktop" >"$desktop_file"
cp "$here/$app_id.metainfo.xml" "$metainfo_file"
(cd "$here/icons/hicolor" && find . -path "*/apps/$app_id.*" -type f) | while read -r icon; do
    mkdir -p "$icons/$(dirname "$icon")"
    cp "$here/icons/hicolor/$icon" "$icons/$icon"
done
refresh_caches
echo "RetroTimer installed in $program_dir; start it from the menu or with: $command_link"

#!/usr/bin/env bash
# Add Filiform to the Linux desktop's application menu (this user only):
#   ~/.local/share/applications/filiform.desktop
#   ~/.local/share/icons/hicolor/{scalable,256x256}/apps/filiform.{svg,png}
#
# Usage: bash scripts/install_desktop_entry.sh [PROGRAM]
# PROGRAM is what the menu entry starts. Without it: dist/filiform/filiform
# (the standalone build) if it exists, else `filiform-gui` found on PATH
# (a pip install). `--uninstall` removes the entry and the icons again.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
entry="$data/applications/filiform.desktop"
svg="$data/icons/hicolor/scalable/apps/filiform.svg"
png="$data/icons/hicolor/256x256/apps/filiform.png"

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$entry" "$svg" "$png"
  echo "Removed the Filiform menu entry."
  exit 0
fi

program="${1:-}"
if [ -z "$program" ]; then
  if [ -x "$here/dist/filiform/filiform" ]; then
    program="$here/dist/filiform/filiform"
  elif command -v filiform-gui >/dev/null; then
    program="$(command -v filiform-gui)"
  else
    echo "No Filiform program found: build it (bash scripts/build_standalone.sh)," \
      "install it (pip install .), or name it: $0 /path/to/filiform" >&2
    exit 1
  fi
fi
if [ ! -x "$program" ]; then
  echo "$program is not a program that can be run." >&2
  exit 1
fi
program="$(cd "$(dirname "$program")" && pwd)/$(basename "$program")"

mkdir -p "$(dirname "$entry")" "$(dirname "$svg")" "$(dirname "$png")"
cp "$here/resources/icons/filiform.svg" "$svg"
cp "$here/resources/icons/filiform.png" "$png"
# Exec takes the program's absolute path, quoted (a desktop has no venv on PATH).
escaped=${program//\\/\\\\}
escaped=${escaped//\"/\\\"}
sed "s|^Exec=.*|Exec=\"$escaped\"|" "$here/resources/desktop/filiform.desktop" >"$entry"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
echo "Installed $entry (starts $program)."

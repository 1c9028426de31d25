#!/bin/sh
# Add FineTune Studio to the Linux application menu (and desktop, if there is one).
set -e
repo=$(cd "$(dirname "$0")/.." && pwd)
target="${XDG_DATA_HOME:-$HOME/.local/share}/applications/finetune-studio.desktop"
mkdir -p "$(dirname "$target")"
sed "s|REPO|$repo|g" "$repo/resources/launchers/finetune-studio.desktop" > "$target"
chmod +x "$target"
[ -d "$HOME/Desktop" ] && cp "$target" "$HOME/Desktop/" || true
echo "Installed $target"

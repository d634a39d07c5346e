#!/usr/bin/env bash
# Make sure the system libraries Qt needs are present (and, with "test", what the
# end-to-end tests need: a real X server, a window manager, xdotool, OCR).
# As root on Debian/Ubuntu we install them; otherwise we name the exact command.
set -euo pipefail
QT_DEBS="libegl1 libgl1 libfontconfig1 libfreetype6 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3 \
libglib2.0-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 \
libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 fonts-dejavu-core"
E2E_DEBS="xvfb xauth x11-utils xdotool openbox tesseract-ocr tesseract-ocr-eng"
WANT="$QT_DEBS"
what="system libraries for Qt"
if [ "${1:-}" = "test" ]; then
  WANT="$QT_DEBS $E2E_DEBS"
  what="system libraries for Qt and the end-to-end tests"
fi

command -v dpkg-query >/dev/null 2>&1 || exit 0   # not Debian-like: nothing we can check
missing=""
for p in $WANT; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing $what:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
  echo "Tend needs some $what. Please run:" >&2
  echo "  sudo apt-get install -y$missing" >&2
  exit 1
fi

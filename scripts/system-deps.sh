#!/bin/sh
# The system packages the tests need (Debian): the browsers they drive (Chromium, Firefox ESR,
# WebKitGTK's WebKitWebDriver + MiniBrowser on Xvfb), a Japanese and an emoji font for the pages
# they render, and pdftotext. `npm test` runs this first (`pretest`), and so does `.ci/run`.
# All present: silent. Missing, as root with apt-get: installs them. Otherwise it stops at once,
# naming the one command that installs them. No tool downloads a browser of its own.
set -eu

MINIBROWSER=${MINIBROWSER:-/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser}
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v firefox-esr >/dev/null 2>&1 || missing="$missing firefox-esr"
{ command -v WebKitWebDriver >/dev/null 2>&1 && [ -x "$MINIBROWSER" ]; } || missing="$missing webkit2gtk-driver"
command -v Xvfb >/dev/null 2>&1 || missing="$missing xvfb"
dpkg -s fonts-ipafont-gothic >/dev/null 2>&1 || missing="$missing fonts-ipafont-gothic"
dpkg -s fonts-noto-color-emoji >/dev/null 2>&1 || missing="$missing fonts-noto-color-emoji"
command -v pdftotext >/dev/null 2>&1 || missing="$missing poppler-utils"
[ -z "$missing" ] && exit 0

command="apt-get update && apt-get install -y$missing"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: installing:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y $missing
else
  echo "system-deps: missing system packages:$missing" >&2
  echo "system-deps: install them (Debian, as root), then run the tests again:" >&2
  echo "  sudo sh -c '$command'" >&2
  exit 1
fi

#!/usr/bin/env bash
# Installs the Debian packages a purpose needs, only those missing, so `make run` and
# `make test` work on a fresh Debian 12 / Ubuntu machine.
#   run:   what PySide6 needs to open a window or render offscreen, and a Japanese font
#          (plus python3-venv, for the Makefile's venv: stock Debian's Python lacks ensurepip)
#   test:  run + the real servers and clients the tests start (Dovecot, Postfix, dnsmasq,
#          nftables, Thunderbird, NSIS, Xvfb) and the tools they use (ps)
#   windows: test + what builds and checks the Windows installer under Wine (wine64 and the
#          32-bit wine32, since NSIS installers are 32-bit; mingw-w64 for the Wine prefix's
#          shims; osslsigncode to verify python.org's signatures; unzip)
set -euo pipefail
purpose=${1:-run}
run_pkgs=(libglib2.0-0 libegl1 libgl1 libfontconfig1 libfreetype6 libdbus-1-3 libxkbcommon0
  libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1
  libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0 fonts-ipafont-gothic xvfb xauth)
test_pkgs=(dovecot-imapd dovecot-pop3d postfix dnsmasq-base nftables openssl iproute2 mmdebstrap
  thunderbird thunderbird-l10n-ja xdotool nsis binutils poppler-utils procps)
# Only to build the venv: kept out of run_pkgs, which lists what the bundle may rely on
# (tests/packaging checks it).
test_pkgs+=(libwin-hivex-perl)  # for the tests: hivex's parser re-reads the .reg files
test_pkgs+=(imagemagick)  # make hub-screenshots: `import` saves Thunderbird's hub screens
setup_pkgs=(python3-venv)
windows_pkgs=(wine wine64 wine32:i386 gcc-mingw-w64-x86-64-win32 osslsigncode unzip xdotool
  imagemagick locales)
pkgs=("${run_pkgs[@]}" "${setup_pkgs[@]}")
[ "$purpose" = test ] && pkgs+=("${test_pkgs[@]}")
[ "$purpose" = windows ] && pkgs+=("${test_pkgs[@]}" "${windows_pkgs[@]}")

# Wine takes the Windows locale from the Unix one: the Japanese Windows under test needs it.
japanese_locale() {
  locale -a 2>/dev/null | grep -qix 'ja_JP.utf8' && return 0
  local SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO localedef -i ja_JP -f UTF-8 ja_JP.UTF-8
}

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  [ "$purpose" != windows ] || japanese_locale
  exit 0
fi

echo "Installing Debian packages: ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
# Servers are installed for the tests only: forbid starting them as system services.
policy=/usr/sbin/policy-rc.d
added_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null
  $SUDO chmod +x "$policy"
  added_policy=1
fi
trap '[ $added_policy = 1 ] && $SUDO rm -f "$policy"' EXIT
export DEBIAN_FRONTEND=noninteractive
# wine32 is an i386 package.
if [[ " ${missing[*]} " == *":i386 "* ]] && ! dpkg --print-foreign-architectures | grep -qx i386; then
  $SUDO dpkg --add-architecture i386
fi
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
[ "$purpose" != windows ] || japanese_locale

#!/usr/bin/env bash
# Installs (idempotently) the Debian packages the tests and the real-window smoke test need:
# Xvfb, Mesa's software GL/Vulkan, the X libraries winit loads at run time, xdotool and
# imagemagick for the smoke test, and a CJK font so Chinese and Japanese text renders.
set -euo pipefail
pkgs=(xvfb xauth libgl1 libglx-mesa0 libgl1-mesa-dri libegl1 libegl-mesa0 libvulkan1
      mesa-vulkan-drivers libx11-6 libx11-xcb1 libxcursor1 libxrandr2 libxi6
      libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 fontconfig libdbus-1-3
      xdotool imagemagick fonts-noto-cjk)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then echo "install-test-deps: all present"; exit 0; fi
echo "install-test-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-test-deps: done"

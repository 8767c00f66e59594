#!/usr/bin/env bash
# Installs, from Debian 12's packages, whatever Timoneiro needs to build,
# run and test that this machine lacks. Idempotent; needs root (or sudo).
set -euo pipefail

packages=(
  cmake ninja-build g++ ccache pkg-config
  qt6-base-dev qt6-httpserver-dev qt6-websockets-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
  libgrpc++-dev libprotobuf-dev protobuf-compiler protobuf-compiler-grpc zlib1g-dev
  containerd runc containernetworking-plugins iproute2 iptables busybox-static curl
  libyaml-cpp-dev libsqlite3-dev sqlite3 libssl-dev openssl
  clang libclang-rt-14-dev
  xvfb xauth x11-utils appstream polkitd
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: everything is installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: run as root to install: ${missing[*]}" >&2; exit 1; }
  SUDO="sudo"
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"

if ! command -v kubectl >/dev/null; then
  echo "install-deps: note: kubectl is not on PATH; the end-to-end tests need it (v1.32 at /usr/bin/kubectl)." >&2
fi

#!/usr/bin/env bash
# The README's two commands:
#   installers/setup.sh launch   install what is missing, build, start Timoneiro
#   installers/setup.sh test     install what is missing, build, run every test
set -euo pipefail
cd "$(dirname "$0")/.."
top=$PWD
build=${TIMONEIRO_BUILD_DIR:-$top/build}

bash installers/install-deps.sh
# ccache keyed on paths relative to the checkout, so any clone of the project
# on this machine reuses what another one compiled (2-core builds).
export CCACHE_BASEDIR="$top" CCACHE_NOHASHDIR=true CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-20G}
export CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime
cmake -S "$top" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"$(nproc)"

case "${1:-}" in
  launch)
    shift
    # The desktop app (it starts the local cluster); with no display, the
    # cluster's core alone, with the kubectl line to use it.
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
      exec "$build/app/timoneiro" "$@"
    fi
    echo "setup: no display; starting timoneirod alone (the desktop app needs one)" >&2
    # (timoneirod starts containerd nodes when this machine can run them,
    # simulated nodes otherwise, and says which.)
    exec "$build/app/timoneirod" "$@"
    ;;
  test)
    # CTest prints its closing line ("100% tests passed, 0 tests failed out of N").
    ctest --test-dir "$build" --output-on-failure -j2 --timeout 900
    # The fuzzers: a clang build of core/ with libFuzzer, ASan and UBSan,
    # each target run for a bounded time (FUZZ_SECONDS).
    fuzz=${TIMONEIRO_FUZZ_BUILD_DIR:-$top/build-fuzz}
    CXX=clang++ cmake -S "$top" -B "$fuzz" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTIMONEIRO_FUZZ=ON \
      -DFUZZ_SECONDS="${FUZZ_SECONDS:-20}" >/dev/null
    cmake --build "$fuzz" -j"$(nproc)"
    ctest --test-dir "$fuzz" --output-on-failure -j2
    ;;
  *)
    echo "usage: installers/setup.sh launch|test" >&2
    exit 2
    ;;
esac

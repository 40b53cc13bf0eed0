#!/usr/bin/env bash
# The installed package works for users: installs this build into a scratch
# prefix, then builds and runs a consumer (consumer/) against it through
# find_package(evq) and through pkg-config.
#
# usage: run_package_test.sh BUILD_DIR SOURCE_DIR LIBDIR CC CXX [FLAGS]
# FLAGS (e.g. the sanitizer flags the libraries were built with) go to the
# consumers' compile and link lines.
set -euo pipefail
build=$1 src=$2 libdir=$3 cc=$4 cxx=$5 flags=${6:-}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/evq-package.XXXXXX")
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

fail() { echo "FAIL: $*" >&2; exit 1; }

echo "== cmake --install into $prefix"
cmake --install "$build" --prefix "$prefix" >/dev/null
for f in include/evq.h include/evq/corpus.h include/evq/store.h include/evq/export.h \
         "$libdir/libevq_engine.a" "$libdir/libevq_importers.a" "$libdir/libevq_c.a" \
         "$libdir/cmake/evq/evqConfig.cmake" "$libdir/cmake/evq/evqConfigVersion.cmake" \
         "$libdir/pkgconfig/evq.pc"; do
  [ -e "$prefix/$f" ] || fail "not installed: $f"
done
for lib in engine importers c; do
  so=$(readlink -f "$prefix/$libdir/libevq_$lib.so")
  soname=$(objdump -p "$so" | awk '/SONAME/ {print $2}')
  case $soname in libevq_$lib.so.[0-9]*) ;; *) fail "libevq_$lib.so: soname '$soname'" ;; esac
  [ -e "$prefix/$libdir/$soname" ] || fail "no $soname symlink"
done
# Hidden visibility: the API is exported, the internals (SQLite layer, term
# index) are not.
nm -DC --defined-only "$prefix/$libdir/libevq_engine.so" > "$work/engine.syms"
grep -q 'evq::Store::Open' "$work/engine.syms" || fail "evq::Store::Open not exported"
grep -q 'evq::Analyze' "$work/engine.syms" || fail "evq::Analyze not exported"
if grep -q 'evq::store::' "$work/engine.syms"; then fail "internals exported: $(grep -m3 'evq::store::' "$work/engine.syms")"; fi
nm -D --defined-only "$prefix/$libdir/libevq_c.so" | grep -q ' T evq_open$' || fail "evq_open not exported"

check_output() {  # FILE: the consumer's output
  grep -q 'lumbago-quick-relief.txt \[unbacked\]' "$1" || fail "no unbacked lumbago claim in output"
  grep -Eq '^[1-9][0-9]* unbacked claims about back pain in 9 files$' "$1" || fail "bad summary: $(tail -1 "$1")"
  tail -1 "$1"
}

echo "== find_package(evq)"
cmake -S "$here/consumer" -B "$work/cmake" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$flags" \
  -DCMAKE_BUILD_TYPE=Release >"$work/cmake.log" 2>&1 || { cat "$work/cmake.log"; fail "configure"; }
cmake --build "$work/cmake" >"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "build"; }
"$work/cmake/unbacked_back_pain" "$work/cmake.db" "$src/corpus/sample" >"$work/out1.txt"
check_output "$work/out1.txt"

echo "== pkg-config evq"
export PKG_CONFIG_PATH=$prefix/$libdir/pkgconfig
[ "$(pkg-config --modversion evq)" = "$(sed -n 's/^#define EVQ_VERSION "\(.*\)"/\1/p' "$src/c_api/include/evq.h")" ] ||
  fail "pkg-config --modversion evq: $(pkg-config --modversion evq)"
# shellcheck disable=SC2046,SC2086
"$cxx" -std=c++20 $flags "$here/consumer/main.cc" $(pkg-config --cflags --libs evq) -o "$work/pc_consumer"
LD_LIBRARY_PATH=$prefix/$libdir "$work/pc_consumer" "$work/pc.db" "$src/corpus/sample" >"$work/out2.txt"
check_output "$work/out2.txt"
cmp -s "$work/out1.txt" "$work/out2.txt" || fail "the two consumers disagree"
# shellcheck disable=SC2046,SC2086
"$cc" -std=c11 $flags "$here/consumer/version.c" $(pkg-config --cflags --libs evq) -o "$work/pc_version"
LD_LIBRARY_PATH=$prefix/$libdir "$work/pc_version"
echo "package test: ok"

#!/usr/bin/env bash
# Unpack benchmark: a Debian bookworm minbase root filesystem as squashfs (gzip and xz), unpacked by
# `unsquashfs -d` and by iotcop in the same run. Everything it builds is cached under .bench/ (gitignored).
#   bench/unpack/run.sh            # 5 runs per tool
#   RUNS=3 bench/unpack/run.sh     # fewer runs
#   OURS='IOTCOP_WORKERS=2 node bin/iotcop.js unpack {img} -o {out} -q' bench/unpack/run.sh   # another command
set -euo pipefail
cd "$(dirname "$0")/../.."
BENCH_DIR=${BENCH_DIR:-.bench}
export BENCH_DIR
mkdir -p "$BENCH_DIR"

for tool in debootstrap mksquashfs unsquashfs /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install debootstrap squashfs-tools time)" >&2; exit 2; }
done

npm run --silent build

if [ ! -f "$BENCH_DIR/rootfs/etc/debian_version" ]; then
  echo "building the Debian minbase rootfs (needs root and the Debian mirror)..." >&2
  rm -rf "$BENCH_DIR/rootfs"
  debootstrap --variant=minbase bookworm "$BENCH_DIR/rootfs" >"$BENCH_DIR/debootstrap.log" 2>&1
fi

images=()
for comp in gzip xz; do
  img="$BENCH_DIR/rootfs-$comp.sqfs"
  [ -f "$img" ] || mksquashfs "$BENCH_DIR/rootfs" "$img" -noappend -quiet -comp "$comp" >/dev/null
  images+=("$img")
done

node bench/unpack/compare.mjs "${images[@]}"

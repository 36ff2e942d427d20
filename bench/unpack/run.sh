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

command -v /usr/bin/time >/dev/null || { echo "missing /usr/bin/time (apt-get install time)" >&2; exit 2; }
npm run --silent build
mapfile -t images < <(bench/lib/debian-minbase.sh gzip xz)
node bench/unpack/compare.mjs "${images[@]}"

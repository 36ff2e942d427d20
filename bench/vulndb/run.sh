#!/usr/bin/env bash
# SBOM + vulnerability matching benchmark: the Debian bookworm minbase image (bench/lib/debian-minbase.sh, shared
# with bench/assess-firmware) against >= 100,000 generated advisories imported with `iotcop vulndb import`.
#   bench/vulndb/run.sh                 # 3 runs, 120,000 advisories
#   RUNS=5 COUNT=200000 bench/vulndb/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
npm run --silent build
mapfile -t images < <(bench/lib/debian-minbase.sh gzip)
node bench/vulndb/bench.mjs "${images[0]}" "${BENCH_DIR:-.bench}/rootfs/var/lib/dpkg/status"

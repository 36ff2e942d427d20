#!/usr/bin/env bash
# Firmware assessment benchmark: the Debian bookworm minbase root filesystem as a squashfs image, extracted by
# `unsquashfs -d` and assessed whole by `iotcop assess` (unpack + every firmware check + verdicts), side by side
# in one run. The image is built once and cached under .bench/ (bench/lib/debian-minbase.sh).
#   bench/assess-firmware/run.sh           # 5 runs each
#   RUNS=3 bench/assess-firmware/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v unsquashfs >/dev/null || { echo "missing unsquashfs (apt-get install squashfs-tools)" >&2; exit 2; }
npm run --silent build
mapfile -t images < <(bench/lib/debian-minbase.sh gzip)
node bench/assess-firmware/compare.mjs "${images[@]}"

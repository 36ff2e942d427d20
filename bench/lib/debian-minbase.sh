#!/usr/bin/env bash
# Shared bench helper: builds (once) a Debian bookworm minbase root filesystem under $BENCH_DIR/rootfs and
# squashfs images of it, and prints the image paths. Needs root, debootstrap, mksquashfs and the Debian mirror.
#   bench/lib/debian-minbase.sh [gzip|xz ...]     (default: gzip)
set -euo pipefail
cd "$(dirname "$0")/../.."
BENCH_DIR=${BENCH_DIR:-.bench}
mkdir -p "$BENCH_DIR"
for tool in debootstrap mksquashfs unsquashfs; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install debootstrap squashfs-tools)" >&2; exit 2; }
done
comps=("$@")
[ ${#comps[@]} -gt 0 ] || comps=(gzip)
missing=0
for comp in "${comps[@]}"; do [ -f "$BENCH_DIR/rootfs-$comp.sqfs" ] || missing=1; done
if [ "$missing" = 1 ] && [ ! -f "$BENCH_DIR/rootfs/etc/debian_version" ]; then
  echo "building the Debian minbase rootfs (needs root and the Debian mirror)..." >&2
  rm -rf "$BENCH_DIR/rootfs"
  debootstrap --variant=minbase bookworm "$BENCH_DIR/rootfs" >"$BENCH_DIR/debootstrap.log" 2>&1
fi
for comp in "${comps[@]}"; do
  img="$BENCH_DIR/rootfs-$comp.sqfs"
  [ -f "$img" ] || mksquashfs "$BENCH_DIR/rootfs" "$img" -noappend -quiet -comp "$comp" >/dev/null
  echo "$img"
done

#!/usr/bin/env bash
# Installs what scripts/run.sh and scripts/test.sh need and a fresh machine may lack:
#   postgres  - Debian's PostgreSQL server binaries (the scripts run their own cluster)
#   chromium  - Debian's Chromium, for the browser tests (Playwright never downloads a browser here)
#   media     - ffmpeg/ffprobe (video metadata and keyframes) and poppler-utils (a PDF's first page),
#               which the evidence attachments use
#   node      - Node.js and npm, for the S3-compatible test server (s3rver) the storage tests start
#   wrk       - the HTTP load generator scripts/bench.sh uses
# Usage: scripts/install-prerequisites.sh [postgres] [chromium] [media] [node] [wrk]   (no argument: postgres, chromium, media)
set -euo pipefail

wanted=("$@")
[ ${#wanted[@]} -gt 0 ] || wanted=(postgres chromium media)

missing=()
for item in "${wanted[@]}"; do
  case "$item" in
    postgres) ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql postgresql-contrib) ;;
    chromium) [ -x /usr/bin/chromium ] || missing+=(chromium fonts-noto-cjk fonts-dejavu-core) ;;
    media)
      command -v ffprobe >/dev/null 2>&1 || missing+=(ffmpeg)
      command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
      ;;
    node) command -v npm >/dev/null 2>&1 || missing+=(nodejs npm) ;;
    wrk) command -v wrk >/dev/null 2>&1 || missing+=(wrk) ;;
    *) echo "unknown prerequisite: $item" >&2; exit 2 ;;
  esac
done

[ ${#missing[@]} -gt 0 ] || exit 0

if [ "$(id -u)" != 0 ]; then
  echo "Missing packages: ${missing[*]}. Install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi

echo "Installing ${missing[*]} (apt-get)..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# Debian's postgresql package creates and starts a default cluster; ours run on their own ports.
if printf '%s\n' "${missing[@]}" | grep -qx postgresql; then
  pg_ctlcluster --help >/dev/null 2>&1 && for cluster in /etc/postgresql/*/main; do
    [ -d "$cluster" ] && pg_ctlcluster "$(basename "$(dirname "$cluster")")" main stop 2>/dev/null || true
  done
fi

#!/usr/bin/env bash
# Installs what ClipGeneration needs on a fresh Debian machine that has only the .NET SDK and node.
# Sourced by ./test.sh and ./clipgen; each function does nothing when its tool is already there.

_clipgen_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

_as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

_apt_updated=0
_apt_install() {
  if [[ $_apt_updated -eq 0 ]]; then
    _as_root apt-get update -qq >&2
    _apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive _as_root apt-get install -y -qq --no-install-recommends "$@" >&2
}

# ffmpeg and ffprobe (Debian's 5.1.x).
ensure_ffmpeg() {
  if command -v ffmpeg >/dev/null 2>&1 && command -v ffprobe >/dev/null 2>&1; then return 0; fi
  echo "Installing ffmpeg with apt (first run only, 2-3 minutes)..." >&2
  _apt_install ffmpeg
}

# Chromium for the dashboard's browser test.
ensure_chromium() {
  if [[ -x /usr/bin/chromium ]]; then return 0; fi
  echo "Installing chromium with apt (first run only)..." >&2
  _apt_install chromium
}

# The npm test servers (s3rver, dynalite) and playwright-core, pinned in tools/package-lock.json.
ensure_node_tools() {
  local tools="$_clipgen_root/tools"
  if [[ -f "$tools/node_modules/.package-lock.json" && "$tools/node_modules/.package-lock.json" -nt "$tools/package-lock.json" ]]; then
    return 0
  fi
  echo "Installing the npm test servers into tools/node_modules..." >&2
  (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error >&2)
}

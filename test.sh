#!/usr/bin/env bash
# Runs every test of ClipGeneration, as CI does. Installs what the tests need when it is missing
# (ffmpeg, chromium, the npm test servers), checks formatting, builds, runs the whole suite, and ends
# with one line "N passed, N failed[, N skipped]" computed from the test results.
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Hls]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
# shellcheck source=scripts/prerequisites.sh
source scripts/prerequisites.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

ensure_ffmpeg
ensure_chromium
ensure_node_tools

solution=ClipGeneration.Local.slnf
echo "== restore" >&2
dotnet restore "$solution" -v quiet
echo "== format (dotnet format --verify-no-changes)" >&2
dotnet format "$solution" --verify-no-changes --no-restore -v quiet
echo "== build" >&2
dotnet build "$solution" -c Release --no-restore -nologo -v quiet
touch ClipGeneration.Host/bin/Release/.clipgen-stamp

results="$root/TestResults"
rm -rf "$results"
echo "== test" >&2
set +e
dotnet test "$solution" -c Release --no-build --nologo \
  --logger "trx;LogFileName=results.trx" --logger "console;verbosity=normal" \
  --results-directory "$results" "$@"
test_exit=$?
set -e

trx=$(find "$results" -name '*.trx' | head -n 1)
if [[ -z "$trx" ]]; then
  echo "0 passed, 1 failed (no test results were written; dotnet test exited $test_exit)"
  exit 1
fi
counter() { grep -o "<Counters [^>]*" "$trx" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
passed=$(counter passed); failed=$(counter failed); total=$(counter total); executed=$(counter executed)
errors=$(counter error); timeout=$(counter timeout); aborted=$(counter aborted)
failed=$((failed + errors + timeout + aborted))
skipped=$((total - executed))
summary="$passed passed, $failed failed"
if [[ $skipped -gt 0 ]]; then summary="$summary, $skipped skipped"; fi
echo "$summary"
if [[ $failed -gt 0 || $test_exit -ne 0 ]]; then exit 1; fi

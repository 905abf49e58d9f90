#!/usr/bin/env bash
# Benchmark commands: ./bench.sh NAME (e.g. ./bench.sh playlist). Builds Release once, then runs the named
# benchmark, which prints its figures. Speed targets live here, never in unit tests.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
if [[ $# -lt 1 ]]; then
  echo "usage: ./bench.sh NAME [args...]   (names: playlist, media, engine)" >&2
  exit 2
fi
dotnet build "$root/ClipGeneration.Benchmarks/ClipGeneration.Benchmarks.csproj" -c Release -nologo -v quiet >&2
exec dotnet "$root/ClipGeneration.Benchmarks/bin/Release/net10.0/ClipGeneration.Benchmarks.dll" "$@"

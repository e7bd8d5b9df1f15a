#!/usr/bin/env bash
# Ingest benchmark: rows/s and peak memory of `./spendlens ingest` on a generated hourly Parquet
# export, and in the same run the time DuckDB alone takes to scan the same files and compute the same
# totals (bench/RawScan.java). Results go to docs/benchmarks.md by hand, with the machine and date.
#
#   bench/ingest-benchmark.sh [ROWS] [WORK_DIR]      (defaults: 10000000, /tmp/spendlens-bench)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows="${1:-10000000}"
work="${2:-/tmp/spendlens-bench}"
export_dir="$work/export-$rows"
mkdir -p "$work"

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
if [[ ! -d "$export_dir/spendlens-demo/data" ]]; then
  echo "== generating 12 months, about $rows line items (hourly, Parquet)"
  "$root/spendlens" generate --out "$export_dir" --months 12 --rows "$rows" --granularity HOURLY --format parquet
fi

echo "== reference: DuckDB alone over the same files"
java -cp "$root/spendlens-cli/target/lib/*" "$root/bench/RawScan.java" "$export_dir/spendlens-demo"

echo "== spendlens ingest (fresh store)"
rm -rf "$work/store"
log="$work/ingest-time.txt"
/usr/bin/time -v "$root/spendlens" ingest "$export_dir/spendlens-demo" --db "$work/store/bench.duckdb" --verbose 2> >(tee "$work/ingest-err.txt" >&2) | tee "$work/ingest-out.txt"
grep -E "Maximum resident set size|Elapsed \(wall clock\)" "$work/ingest-err.txt" || true

#!/usr/bin/env bash
# Ingest benchmark: rows/s and peak memory of `./spendlens ingest` on a generated hourly Parquet
# export, against the time DuckDB alone takes to scan the same files and compute the same totals
# (bench/RawScan.java). Reference and ingest runs alternate, so both see the same machine; medians
# are reported. Record the output in docs/benchmarks.md with the machine and date. The ingest runs with
# --no-alerts: what reacts to new data (anomaly detection, budget checks) is timed on its own below.
#
#   bench/ingest-benchmark.sh [ROWS] [WORK_DIR] [RUNS]     (defaults: 10000000, /tmp/spendlens-bench, 3)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows="${1:-10000000}"
work="${2:-/tmp/spendlens-bench}"
runs="${3:-3}"
export_dir="$work/export-$rows"
mkdir -p "$work"

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
if [[ ! -d "$export_dir/spendlens-demo/data" ]]; then
  echo "== generating 12 months, about $rows line items (hourly, Parquet)"
  "$root/spendlens" generate --out "$export_dir" --months 12 --rows "$rows" --granularity HOURLY --format parquet
fi
"$root/spendlens" --version >/dev/null  # builds the CLI when needed, outside the timings

peak() {  # max RSS in KiB of a command, from /proc while it runs (works without GNU time)
  "$@" & local pid=$! max=0 rss
  while kill -0 "$pid" 2>/dev/null; do
    rss=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    (( rss > max )) && max=$rss
    sleep 0.2
  done
  wait "$pid"
  echo "$max" > "$work/peak-kib"
}

for run in $(seq 1 "$runs"); do
  echo "== run $run: reference (DuckDB alone over the same files)"
  java -cp "$root/spendlens-cli/target/lib/*" "$root/bench/RawScan.java" "$export_dir/spendlens-demo" 0 1GB 1 | tee -a "$work/reference.txt"
  echo "== run $run: spendlens ingest into a fresh store"
  rm -rf "$work/store"
  started=$(date +%s.%N)
  peak java ${SPENDLENS_JAVA_OPTS:--Xmx1g} -jar "$root/spendlens-cli/target/spendlens-cli.jar" ingest "$export_dir/spendlens-demo" \
      --db "$work/store/bench.duckdb" --verbose --no-alerts > "$work/ingest-out-$run.txt" 2> "$work/ingest-err-$run.txt"
  ended=$(date +%s.%N)
  grep -E "^Ingested" "$work/ingest-out-$run.txt"
  printf "ingest wall %.1f s (JVM start included), peak RSS %.0f MiB\n" "$(echo "$ended - $started" | bc)" "$(echo "$(cat "$work/peak-kib") / 1024" | bc)" \
      | tee -a "$work/ingest.txt"
done
echo "== what an ingest without --no-alerts does next: anomaly detection on every monitor, over the last store"
started=$(date +%s.%N)
java ${SPENDLENS_JAVA_OPTS:--Xmx1g} -jar "$root/spendlens-cli/target/spendlens-cli.jar" anomalies detect --db "$work/store/bench.duckdb" > "$work/detect-out.txt" 2>&1
ended=$(date +%s.%N)
grep -E "^Looked at" "$work/detect-out.txt" || true
printf "detect wall %.1f s (JVM start included)\n" "$(echo "$ended - $started" | bc)"
echo "== medians over $runs runs"
grep "same totals" "$work/reference.txt" | tail -n "$runs" | sed -E 's/.*median ([0-9.]+) s.*/\1/' | sort -n | awk '{a[NR]=$1} END {print "reference, same totals: " a[int((NR+1)/2)] " s"}'
tail -n "$runs" "$work/ingest.txt" | sed -E 's/ingest wall ([0-9.]+) s.*/\1/' | sort -n | awk '{a[NR]=$1} END {print "ingest wall: " a[int((NR+1)/2)] " s"}'
tail -n "$runs" "$work/ingest.txt" | sed -E 's/.*peak RSS ([0-9]+) MiB/\1/' | sort -n | tail -1 | awk '{print "peak RSS (max over runs): " $1 " MiB"}'

#!/usr/bin/env bash
# The Spark benchmark of issue 12 (README "Scanning on Spark"): the single-machine scanner and the Spark job on the
# same rows, as CSV and as Parquet, in one run, then the ratios the targets name.
#   1. local[1] passes in a JVM pinned to ONE core (taskset), so that the JIT compiler and the collector cannot lend
#      it the second core: the per-core figure that scaling is measured against;
#   2. the scanner (CSV and one Parquet file) and local[2] passes on both cores.
# Usage (from anywhere): outbound-spark/bench/run.sh [MIB (default 1024)] [--unpinned]
#   --unpinned: run local[1] unpinned as well
# Unattended: builds (offline Maven), generates the files once under outbound-spark/target/bench (1 GiB CSV, its
# Parquet forms: about 2.5 GB of disk), runs every pass and prints the table and the ratios. Each pass prints MB/s
# (of the CSV's bytes for every input: the same rows), the bytes read from disk per second, CPU seconds, MB per
# CPU-second and the load average before and after. On a machine shared with other work only the CPU-second figures
# and ratios compare.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
mib="${1:-1024}"
unpinned="${2:-}"
cd "$root"
command -v taskset >/dev/null || { echo "taskset is missing (Debian util-linux)" >&2; exit 2; }
mvn -B -q -o -pl outbound-spark -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
    -Dmdep.includeScope=test
results="$(mktemp)"
trap 'rm -f "$results"' EXIT
bench() {
  "$@" java -Xmx4g --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
      --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED \
      -cp "outbound-spark/target/test-classes:outbound-spark/target/classes:$(cat outbound-spark/target/cp.txt)" \
      cn.outbound.scan.bench.SparkScanBenchmark "$mib" "$passes" >"$results.out" 2>&1 \
    || { cat "$results.out" >&2; echo "the benchmark failed (above)" >&2; exit 1; }
  grep '^|\|^file\|^writing\|^converting' "$results.out" || true
  grep '^result ' "$results.out" >>"$results" || true
  rm -f "$results.out"
}
start=$(date +%s)
echo "## $(date -u +%FT%TZ), $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "### local[1] pinned to one core (taskset -c 0)"
passes="csv1,parquet1" bench taskset -c 0
if [ "$unpinned" = "--unpinned" ]; then
  echo "### local[1] unpinned (not used in the ratios)"
  passes="csv1,parquet1" bench env | sed 's/^result /unpinned /'
fi
echo "### both cores"
passes="scanner-csv,scanner-parquet,csv2,parquet2" bench env
echo "### ratios (targets: local[2] / scanner >= 0.50, local[2] / local[1] >= 1.60)"
awk '
  $1 == "result" { mbs[$2] = $3; cpu[$2] = $4 }
  function r(a, b) { return (b > 0) ? sprintf("%.2f", a / b) : "n/a" }
  END {
    printf "| ratio | by MB/s (wall) | by MB per CPU-second |\n|---|---|---|\n"
    printf "| Spark local[2] CSV / scanner CSV | **%s** | %s |\n", r(mbs["csv2"], mbs["scanner-csv"]), r(cpu["csv2"], cpu["scanner-csv"])
    printf "| Spark local[2] Parquet / scanner CSV | **%s** | %s |\n", r(mbs["parquet2"], mbs["scanner-csv"]), r(cpu["parquet2"], cpu["scanner-csv"])
    printf "| Spark local[2] Parquet / scanner Parquet | %s | %s |\n", r(mbs["parquet2"], mbs["scanner-parquet"]), r(cpu["parquet2"], cpu["scanner-parquet"])
    printf "| CSV local[2] / local[1] (scaling) | **%s** | %s |\n", r(mbs["csv2"], mbs["csv1"]), r(cpu["csv2"], cpu["csv1"])
    printf "| Parquet local[2] / local[1] (scaling) | **%s** | %s |\n", r(mbs["parquet2"], mbs["parquet1"]), r(cpu["parquet2"], cpu["parquet1"])
  }' "$results"
echo "(scaling by MB per CPU-second is the CPU cost per MB of local[2] against local[1]: 1.00 means a second core adds"
echo " no overhead, so the wall-clock scaling can reach 2x on an otherwise idle machine)"
echo "## done in $(( $(date +%s) - start )) s, load: $(cut -d' ' -f1-3 /proc/loadavg)"

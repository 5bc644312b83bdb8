#!/usr/bin/env bash
# The Spark benchmark of issue 12 (README "Scanning on Spark"): the single-machine scanner and the Spark job on the
# same rows, as CSV and as Parquet, in one run.
#   1. local[1] passes in a JVM pinned to ONE core (taskset), so that the JIT compiler and the collector cannot lend
#      it the second core: the per-core figure that scaling is measured against;
#   2. the scanner (CSV and one Parquet file) and local[2] passes on both cores.
# Usage: outbound-spark/bench/run.sh [MIB (default 1024)] [--unpinned]  (--unpinned: run local[1] unpinned as well)
# The file is generated once under outbound-spark/target/bench; each pass prints MB/s (of the CSV's bytes for every
# input), CPU seconds, MB per CPU-second and the load average before and after.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
mib="${1:-1024}"
unpinned="${2:-}"
cd "$root"
mvn -q -o -pl outbound-spark -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
    -Dmdep.includeScope=test
command -v taskset >/dev/null || { echo "taskset is missing (Debian util-linux)" >&2; exit 2; }
bench() {
  "$@" java -Xmx4g --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
      --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED \
      -cp "outbound-spark/target/test-classes:outbound-spark/target/classes:$(cat outbound-spark/target/cp.txt)" \
      cn.outbound.scan.bench.SparkScanBenchmark "$mib" "$passes" 2>&1 | grep '^|\|^file\|^writing\|^converting'
}
echo "## $(date -u +%FT%TZ), $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "### local[1] pinned to one core (taskset -c 0)"
passes="csv1,parquet1" bench taskset -c 0
if [ "$unpinned" = "--unpinned" ]; then
  echo "### local[1] unpinned"
  passes="csv1,parquet1" bench env
fi
echo "### both cores"
passes="scanner-csv,scanner-parquet,csv2,parquet2" bench env

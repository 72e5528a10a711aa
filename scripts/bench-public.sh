#!/usr/bin/env bash
# Public pages under a crowd (issue 11): wrk against every public GET a release-time crowd hits, at 64 and 512
# connections (and the hall JSON at 100 and 1,000), on the packaged jar with a fresh database on the PostgreSQL at
# 127.0.0.1:5432 (or the embedded one when that does not answer). Prints req/s, p99, non-2xx and socket errors.
#   scripts/bench-public.sh [seconds per run=10] [port=18080]
# Set BENCH_NO_BUILD=1 to reuse target/onestop-*.jar; BENCH_KEEP=1 to leave the instance running afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-10}
port=${2:-18080}
base=http://127.0.0.1:$port
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk"; exit 2; }
[ -n "${BENCH_NO_BUILD:-}" ] || mvn -B -q package -DskipTests
jar=$(ls target/onestop-*.jar | grep -v plain | head -1)
ulimit -n 20000 2>/dev/null || true

data=$(mktemp -d)
database=
pid=
cleanup() {
  if [ -n "$pid" ] && [ -z "${BENCH_KEEP:-}" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  if [ -n "$database" ] && [ -z "${BENCH_KEEP:-}" ]; then dropdb -h 127.0.0.1 -U postgres --if-exists "$database" || true; fi
  [ -n "${BENCH_KEEP:-}" ] || rm -rf "$data"
}
trap cleanup EXIT
if pg_isready -q -h 127.0.0.1 -p 5432; then
  database=onestop_public_$$
  createdb -h 127.0.0.1 -U postgres "$database"
  export ONESTOP_DB_URL=jdbc:postgresql://127.0.0.1:5432/$database
fi
ONESTOP_DATA_DIR=$data java -Xmx1g -jar "$jar" --server.port=$port > "$data/app.log" 2>&1 &
pid=$!
for _ in $(seq 1 180); do curl -sf -o /dev/null "$base/actuator/health/readiness" && break; sleep 1; done
curl -sf -o /dev/null "$base/actuator/health/readiness" || { tail -50 "$data/app.log"; exit 1; }
echo "OneStop pid $pid on $base (data $data${database:+, database $database})"

run() { # connections path
  local out rps p99 non2xx sock n
  out=$(wrk -t2 -c"$1" -d"${secs}s" --timeout 30s --latency "$base$2" 2>&1 || true)
  rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
  p99=$(echo "$out" | awk '/ 99%/{print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/{print $5}')
  sock=$(echo "$out" | grep 'Socket errors' | sed 's/Socket errors: //' || true)
  n=$(echo "$out" | awk '/requests in/{print $1}')
  printf '| `%s` | %s | %s | %s | %s | %s |\n' "$2" "$1" "${rps:-?}" "${p99:-?}" "${n:-0}" "non-2xx ${non2xx:-0}; ${sock:-no socket errors}"
}
# warm-up
for p in / "/search?q=%E8%BA%AB%E4%BB%BD%E8%AF%81" /services/PS-ID-001 /halls/HALL-CITY/board /api/v1/halls/HALL-CITY; do
  wrk -t2 -c16 -d3s "$base$p" >/dev/null 2>&1 || true
done
day=$(date -d tomorrow +%F)
echo "| endpoint | connections | req/s | p99 | requests | errors |"
echo "|---|---:|---:|---:|---:|---|"
for c in 100 1000; do run $c /api/v1/halls/HALL-CITY; done
for c in 64 512; do
  for p in / "/search?q=%E8%BA%AB%E4%BB%BD%E8%AF%81" /services/PS-ID-001 /halls/HALL-CITY/board \
      "/api/v1/halls/HALL-CITY/slots?serviceCode=PS-ID-001&date=$day" "/api/v1/services?size=20"; do
    run $c "$p"
  done
done
after=$(curl -s -o /dev/null -w '%{http_code} in %{time_total}s' --max-time 30 "$base/api/v1/halls/HALL-CITY")
echo "after the floods: GET /api/v1/halls/HALL-CITY → $after"
echo "ERROR lines in the log: $(grep -c ' ERROR ' "$data/app.log" || true)"

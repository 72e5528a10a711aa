#!/usr/bin/env bash
# Throughput of application submissions (issue 4), all on the embedded PostgreSQL, fresh data folders:
#  1. HTTP: starts the packaged jar (port 18340) and drives POST /api/v1/applications (wang.fang,
#     CA-ELD-001, a new Idempotency-Key each time) with SubmissionLoad at each concurrency level;
#     then restarts it with pg_stat_statements loaded and counts the statements of 200 submissions.
#  2. In-process: InProcessSubmissions starts the application in its own JVM and compares bare Flowable
#     (RuntimeService.startProcessInstanceByKey, same process and variables) with Submissions.submit.
# Usage: scripts/bench-submissions.sh [levels=1,4,16] [warm-up s=10] [measure s=20]
#   ONESTOP_BENCH_ONLY=in-process skips the HTTP part; ONESTOP_BENCH_PORT (default 18340) is the jar's port.
set -euo pipefail
cd "$(dirname "$0")/.."
levels=${1:-1,4,16}
warmup=${2:-10}
measure=${3:-20}
port=${ONESTOP_BENCH_PORT:-18340}

mvn -o -B -q package -DskipTests
jar=$(ls target/onestop-*.jar | grep -v plain | head -1)
# The application's own libraries, from the jar just built (works offline, unlike resolving the
# dependency plugin); the benchmark needs nothing from the test scope.
rm -rf target/bench-lib && mkdir -p target/bench-lib && (cd target/bench-lib && unzip -q "../$(basename "$jar")" 'BOOT-INF/lib/*')
# Compiled apart from src/test: component scanning would otherwise pick up the tests' configuration.
rm -rf target/bench-classes
javac -proc:none -d target/bench-classes -cp "target/classes:target/bench-lib/BOOT-INF/lib/*" \
  src/bench/java/org/onestop/application/{ClosedLoop,SubmissionLoad,InProcessSubmissions}.java
cp="target/bench-classes:target/classes:target/bench-lib/BOOT-INF/lib/*"
data=$(mktemp -d)
pid=

start() {
  ONESTOP_DATA_DIR=$data java -jar "$jar" --server.port=$port --onestop.demo.history.enabled=false > "$data/app-$1.log" 2>&1 &
  pid=$!
  until curl -fs "http://localhost:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 $pid 2>/dev/null || { echo "OneStop exited; see $data/app-$1.log"; exit 1; }
    sleep 0.5
  done
}
stop() { kill $pid; wait $pid 2>/dev/null || true; }
trap '[ -n "$pid" ] && kill $pid 2>/dev/null || true' EXIT

if [ "${ONESTOP_BENCH_ONLY:-}" != in-process ]; then
echo "== HTTP against the running jar ($(nproc) cores; the load generator shares them) — $(uptime)"
start load
java -cp target/bench-classes org.onestop.application.SubmissionLoad "http://localhost:$port" wang.fang demo12345 \
  "$levels" "$warmup" "$measure"
stop

echo; echo "== Statements per HTTP submission (pg_stat_statements, 200 sequential submissions)"
printf "\nshared_preload_libraries = 'pg_stat_statements'\n" >> "$data/pg/postgresql.auto.conf"
start count
pgport=$(sed -n 4p "$data/pg/postmaster.pid")
sql() { psql -h localhost -p "$pgport" -U postgres -d postgres -qAtX -c "$1"; }
sql "create extension if not exists pg_stat_statements"
token=$(curl -fs -H 'Content-Type: application/json' -d '{"username":"wang.fang","password":"demo12345"}' \
  "http://localhost:$port/api/v1/auth/login" | sed -E 's/.*"token":"([^"]+)".*/\1/')
submit() {
  curl -fs -o /dev/null -H "Authorization: Bearer $token" -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
    -H 'Content-Type: application/json' -d '{"serviceCode":"CA-ELD-001","fields":{}}' "http://localhost:$port/api/v1/applications"
}
for i in $(seq 20); do submit; done
sleep 2
sql "select pg_stat_statements_reset()" > /dev/null
for i in $(seq 200); do submit; done
sleep 2
own="query not like '%pg_stat_statements%'"
sql "select 'per submission: ' || round(sum(calls) / 200.0, 1) || ' statements, ' || round(sum(rows) / 200.0, 1)
  || ' rows, ' || round(sum(total_exec_time)::numeric / 200, 2) || ' ms executing' from pg_stat_statements where $own"
sql "select round(calls / 200.0, 2), regexp_replace(left(query, 140), '\s+', ' ', 'g') from pg_stat_statements
  where $own and calls >= 100 and query not like '%ACT_%' order by calls desc"
stop
fi
rm -rf "$data"

echo; echo "== In-process: bare Flowable and Submissions.submit — $(uptime)"
java -cp "$cp" org.onestop.application.InProcessSubmissions "$levels" "$warmup" "$measure"

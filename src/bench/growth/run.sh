#!/usr/bin/env bash
# Target 6 of issue 18, a grown database: the same measurements on OneStop's packaged jar started on a fresh
# empty database and on growth_bench (1,000,000 applications, 10,000,000 audit entries, 100,000 open staff
# tasks, 1,000,000 appointments), one after the other in one run, same settings, same generators.
#   src/bench/growth/run.sh [seconds per wrk run, default 10]
# Grows growth_bench first when it is not grown yet (generate.sh). Markdown to stdout and target/growth-bench.md.
# Ports 18361 (empty) and 18362 (grown). FLASH=0 skips the booking flash crowd.
set -euo pipefail
cd "$(dirname "$0")/../../.."
secs=${1:-10}
export ONESTOP_AUDIT_KEY=growth-bench-audit-key-0123456789abcdef
jar=target/onestop-0.1.0-SNAPSHOT.jar
[ -f "$jar" ] || mvn -o -q -B -DskipTests package
driver=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)
out=target/growth-bench.md
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

start() { # database port -> pid
  mkdir -p "target/growth-data/$1"
  ONESTOP_DATA_DIR="target/growth-data/$1" ONESTOP_DB_URL="jdbc:postgresql://127.0.0.1:5432/$1" ONESTOP_DB_USER=postgres \
    java -jar "$jar" --server.port="$2" --onestop.demo.history.enabled=false > "target/growth-$1.log" 2>&1 &
  pids+=($!)
}
ready() {
  until curl -fs "http://localhost:$1/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do sleep 2; done
}
token() { curl -fs -H 'Content-Type: application/json' -d "{\"username\":\"$2\",\"password\":\"demo12345\"}" \
  "http://localhost:$1/api/v1/auth/login" | sed -E 's/.*"token":"([^"]+)".*/\1/'; }
submit() { # port: two applications in review, the template generate.sql clones
  local t; t=$(token "$1" wang.fang)
  for i in 1 2; do
    curl -fs -o /dev/null -H "Authorization: Bearer $t" -H "Idempotency-Key: growth-$i" -H 'Content-Type: application/json' \
      -d '{"serviceCode":"CA-ELD-001","fields":{}}' "http://localhost:$1/api/v1/applications"
  done
}

grown=$(psql -h 127.0.0.1 -U postgres -d growth_bench -Atc "SELECT count(*) FROM application WHERE reference LIKE 'GB-%'" 2>/dev/null || echo 0)
if [ "$grown" != 1000000 ] || [ "$(psql -h 127.0.0.1 -U postgres -d growth_bench -Atc 'SELECT count(*) FROM audit_entry')" -lt 10000000 ]; then
  psql -h 127.0.0.1 -U postgres -lqt | cut -d'|' -f1 | grep -qw growth_bench || createdb -h 127.0.0.1 -U postgres growth_bench
  start growth_bench 18362; ready 18362; submit 18362; sleep 3; cleanup; wait || true; pids=()
  src/bench/growth/generate.sh growth_bench
fi
dropdb -h 127.0.0.1 -U postgres --if-exists c18_growth_empty; createdb -h 127.0.0.1 -U postgres c18_growth_empty
rm -rf target/growth-data/c18_growth_empty
start c18_growth_empty 18361; start growth_bench 18362
ready 18361; ready 18362
submit 18361

session() { # port username -> "Cookie: ONESTOP_SESSION=…", signed in through the sign-in page as a clerk would be
  local jar; jar=$(mktemp)
  local csrf; csrf=$(curl -fs -c "$jar" "http://localhost:$1/sign-in" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed -E 's/.*value="([^"]*)"/\1/')
  curl -fs -b "$jar" -c "$jar" -o /dev/null --data-urlencode "username=$2" --data-urlencode "password=demo12345" \
    --data-urlencode "_csrf=$csrf" "http://localhost:$1/sign-in"
  echo "Cookie: ONESTOP_SESSION=$(awk '$6 == "ONESTOP_SESSION" {print $7}' "$jar")"; rm -f "$jar"
}
latency() { # url header -> "p50 p99 req/s errors"; redirects count as errors (a page that sends to sign-in)
  wrk -t2 -c16 -d"${secs}s" --latency -H "$2" "$1" | awk '
    /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Requests\/sec/ {rps=$2} /Non-2xx/ {err=$NF}
    END {printf "%s %s %s %s", p50, p99, rps, (err==""?0:err)}'
}
throughput() { wrk -t2 -c64 -d"${secs}s" "$1" | awk '/Requests\/sec/ {rps=$2} /Non-2xx/ {err=$NF} END {printf "%s %s", rps, (err==""?0:err)}'; }
verify_ms() { # port token [query]
  curl -fs -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $2" "http://localhost:$1/api/v1/audit/verify$3" \
    | awk '{printf "%.0f", $1 * 1000}'
}

declare -A r
for side in empty grown; do
  port=$([ $side = empty ] && echo 18361 || echo 18362)
  reviewer=$(token $port reviewer.civil); auditor=$(token $port auditor)
  # warm-up
  clerk=$(session $port reviewer.civil)
  wrk -t2 -c16 -d3s -H "Authorization: Bearer $reviewer" "http://localhost:$port/api/v1/staff/tasks" > /dev/null
  wrk -t2 -c16 -d3s -H "$clerk" "http://localhost:$port/staff/tasks" > /dev/null
  wrk -t2 -c64 -d3s "http://localhost:$port/api/v1/services?size=20" > /dev/null
  wrk -t2 -c64 -d3s "http://localhost:$port/services/PS-ID-001" > /dev/null
  r[$side.total]=$(curl -fs -H "Authorization: Bearer $reviewer" "http://localhost:$port/api/v1/staff/tasks" | sed -E 's/.*"total":([0-9]+).*/\1/')
  r[$side.api]=$(latency "http://localhost:$port/api/v1/staff/tasks" "Authorization: Bearer $reviewer")
  r[$side.page]=$(latency "http://localhost:$port/staff/tasks" "$clerk")
  r[$side.services]=$(throughput "http://localhost:$port/api/v1/services?size=20")
  r[$side.matter]=$(throughput "http://localhost:$port/services/PS-ID-001")
  r[$side.verify_first]=$(verify_ms $port "$auditor" "")
  r[$side.verify_next]=$(for i in 1 2 3 4 5; do verify_ms $port "$auditor" ""; echo; done | sort -n | sed -n 3p)
  r[$side.verify_full]=$(verify_ms $port "$auditor" "?full=true")
  r[$side.entries]=$(psql -h 127.0.0.1 -U postgres -d "$([ $side = empty ] && echo c18_growth_empty || echo growth_bench)" -Atc "SELECT count(*) FROM audit_entry")
  if [ "${FLASH:-1}" = 1 ]; then
    rm -rf target/bench-classes
    javac -proc:none -d target/bench-classes src/bench/java/org/onestop/appointment/{Crowd,CrowdHttp,CrowdSocket,CrowdDatabase,CpuMeter,FlashCrowd}.java
    db=$([ $side = empty ] && echo c18_growth_empty || echo growth_bench)
    java -cp "target/bench-classes:$driver" org.onestop.appointment.FlashCrowd "http://localhost:$port" \
      "jdbc:postgresql://127.0.0.1:5432/$db?user=postgres" 2000 20000 500 64 1 2000 20 > "target/growth-flash-$side.txt" 2>&1 || true
    # attempts/s of the last "OneStop HTTP" row of FlashCrowd's table
    r[$side.flash]=$(grep -E '^\| [0-9]+ \| OneStop HTTP \|' "target/growth-flash-$side.txt" | tail -1 | cut -d'|' -f4 | tr -d ' ')
  fi
done

col() { echo "${r[$1]}" | cut -d' ' -f"$2"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 > 0) printf "%.2f", a / b; else print "—" }'; }
{
  echo "### Empty vs grown database — $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "Command: \`src/bench/growth/run.sh $secs\` (wrk ${secs}s per line after a 3 s warm-up; inbox at 16 connections as reviewer.civil, catalog at 64)."
  echo "Grown: ${r[grown.entries]} audit entries, inbox total ${r[grown.total]} (empty: ${r[empty.total]})."
  echo
  echo "| measurement | empty | grown | grown / empty |"
  echo "|---|---:|---:|---:|"
  for k in api page; do
    name=$([ $k = api ] && echo 'GET /api/v1/staff/tasks' || echo 'GET /staff/tasks (page)')
    echo "| $name p50 | $(col empty.$k 1) | $(col grown.$k 1) | |"
    echo "| $name p99 | $(col empty.$k 2) | $(col grown.$k 2) | |"
    echo "| $name req/s (non-2xx) | $(col empty.$k 3) ($(col empty.$k 4)) | $(col grown.$k 3) ($(col grown.$k 4)) | $(ratio "$(col grown.$k 3)" "$(col empty.$k 3)") |"
  done
  echo "| GET /api/v1/services?size=20 req/s (non-2xx) | $(col empty.services 1) ($(col empty.services 2)) | $(col grown.services 1) ($(col grown.services 2)) | $(ratio "$(col grown.services 1)" "$(col empty.services 1)") |"
  echo "| GET /services/PS-ID-001 req/s (non-2xx) | $(col empty.matter 1) ($(col empty.matter 2)) | $(col grown.matter 1) ($(col grown.matter 2)) | $(ratio "$(col grown.matter 1)" "$(col empty.matter 1)") |"
  echo "| GET /api/v1/audit/verify, first call (ms) | ${r[empty.verify_first]} | ${r[grown.verify_first]} | |"
  echo "| GET /api/v1/audit/verify, next calls, median of 5 (ms) | ${r[empty.verify_next]} | ${r[grown.verify_next]} | |"
  echo "| GET /api/v1/audit/verify?full=true (ms) | ${r[empty.verify_full]} | ${r[grown.verify_full]} | |"
  [ "${FLASH:-1}" = 1 ] && echo "| booking flash crowd, OneStop HTTP attempts/s (2,000 citizens, 20,000 attempts, 500 places) | ${r[empty.flash]:-} | ${r[grown.flash]:-} | $(ratio "${r[grown.flash]:-0}" "${r[empty.flash]:-0}") |"
} | tee "$out"

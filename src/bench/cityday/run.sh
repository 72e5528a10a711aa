#!/usr/bin/env bash
# A city's day (issue 18, target 5): a mixed workload with a plausible day's shares, offered at rising rates,
# against OneStop's packaged jar on the external PostgreSQL at 127.0.0.1:5432; one node at 64 and 512 connections,
# then two nodes on the same database. Reports per step the achieved rate, p50/p99, errors, expected refusals and
# CPU per process (from /proc), and the highest rate held with p99 < 200 ms and 0 errors. Then the database's
# share per write: rows and WAL per submission and per booking (pg_stat_database, pg_current_wal_lsn deltas).
#  - JAR: the packaged jar to run (default: builds this checkout's).
#  - DB: database name (default c18_cityday; dropped and created afresh). PORT1/PORT2: the two nodes' ports.
#  - RATES: offered rates (req/s, the whole generator) to step through; STEP: seconds per step; WARMUP: seconds.
#  - CITIZENS: load-test citizens, each with its own token and conversation.
#  - STAGES: which parts to run (default "one two writes": one node, two nodes, rows and WAL per write).
# Markdown to stdout and target/cityday-bench.md.
# Usage: src/bench/cityday/run.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
here=src/bench/cityday
db=${DB:-c18_cityday}
port1=${PORT1:-18350}
port2=${PORT2:-18351}
rates=${RATES:-25 50 100 150 200 300 400 600 800 1000}
step=${STEP:-20}
warmup=${WARMUP:-30}
citizens=${CITIZENS:-300}
stages=" ${STAGES:-one two writes} "
pg=(-h 127.0.0.1 -U postgres)
work=target/cityday
mkdir -p "$work"
report=target/cityday-bench.md
: > "$report"
out() { echo "$*" | tee -a "$report"; }

jar=${JAR:-}
if [ -z "$jar" ]; then
  mvn -o -B -q -DskipTests package
  jar=$(ls target/onestop-*.jar | grep -v plain | head -1)
fi

data1=$(mktemp -d)
data2=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  rm -rf "$data1" "$data2"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

dropdb "${pg[@]}" --if-exists "$db"
createdb "${pg[@]}" "$db"
# Retried for two minutes: a server shared with other work may have no connection slot left for a while
# (max_connections).
sql() {
  local i
  for i in $(seq 60); do
    psql "${pg[@]}" -d "$db" -qAtX -c "$1" 2> "$work/psql.err" && return 0
    grep -q "too many clients" "$work/psql.err" || { cat "$work/psql.err" >&2; return 1; }
    sleep 2
  done
  cat "$work/psql.err" >&2
  return 1
}

start() { # port data-dir -> pid in $started
  ONESTOP_DATA_DIR=$2 ONESTOP_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db ONESTOP_DB_USER=postgres \
    java -jar "$jar" --server.port="$1" --onestop.demo.history.enabled=false > "$2/app.log" 2>&1 &
  started=$!
  pids+=("$started")
  until curl -fs "http://127.0.0.1:$1/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$started" 2>/dev/null || { tail -40 "$2/app.log"; echo "OneStop exited"; exit 1; }
    sleep 1
  done
}

# CPU ticks (user + system) of a process, and of this database's PostgreSQL backends (the nodes' pooled
# connections, which live through a step; the server's shared background work — WAL writer, checkpointer — is
# not in it, and other databases on the same server are not either).
cpu_of() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
cpu_pg() {
  local t=0
  for p in $(sql "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"); do
    t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo $t
}
hz=$(getconf CLK_TCK)

# Gives the day's places back between steps, so that every step books into the same room (the flash crowd's
# reset): only what load-test citizens booked.
reset_bookings() {
  sql "DELETE FROM appointment WHERE citizen LIKE 'load.citizen.%';
       UPDATE appointment_slot s SET booked = (SELECT count(*) FROM appointment a WHERE a.slot_id = s.id
         AND a.status = 'BOOKED') WHERE s.day IN ($(sed -n 's/^day \(.*\)/'"'"'\1'"'"'/p' "$work/data.txt" | paste -sd,));
       DELETE FROM appointment_citizen_day WHERE citizen LIKE 'load.citizen.%';" > /dev/null
}

# One wrk process: rate conns threads port out-file
wrk_run() {
  CITYDAY_DATA=$work/data.txt CITYDAY_RATE=$1 CITYDAY_THREADS=$3 CITYDAY_OUT=$5 \
    wrk -t"$3" -c"$2" -d"${step}s" --timeout 10s -s "$here/cityday.lua" "http://127.0.0.1:$4" > "$5.wrk" 2> "$5.err" &
  echo $!
}

# One step: label rate conns ports... ; the rate and connections are split evenly across the ports' wrk processes.
step_run() {
  local label=$1 rate=$2 conns=$3; shift 3
  local n=$#
  local threads=$((n == 1 ? 2 : 1))
  reset_bookings
  local java_before=() pg_before wrk_pids=() i=0
  for p in "${node_pids[@]}"; do java_before+=("$(cpu_of "$p")"); done
  pg_before=$(cpu_pg)
  local t0=$(date +%s.%N)
  for port in "$@"; do
    wrk_pids+=("$(wrk_run $((rate / n)) $((conns / n)) $threads "$port" "$work/step-$i")")
    i=$((i + 1))
  done
  # wrk runs in the background of a command substitution, so it is no child to wait for: poll until it is gone,
  # reading its CPU on the way (the last reading before it exits).
  local wrk_cpu=0 alive=1
  declare -A last
  while [ $alive = 1 ]; do
    alive=0
    for w in "${wrk_pids[@]}"; do
      if kill -0 "$w" 2>/dev/null; then alive=1; last[$w]=$(cpu_of "$w"); fi
    done
    sleep 0.5
  done
  for w in "${wrk_pids[@]}"; do wrk_cpu=$((wrk_cpu + ${last[$w]:-0})); done
  local t1=$(date +%s.%N)
  local secs=$(echo "$t1 - $t0" | bc)
  local java_cpu=() j=0
  for p in "${node_pids[@]}"; do java_cpu+=("$(echo "scale=2; ($(cpu_of "$p") - ${java_before[$j]}) / $hz / $secs" | bc)"); j=$((j + 1)); done
  local pg_cpu=$(echo "scale=2; ($(cpu_pg) - $pg_before) / $hz / $secs" | bc)
  local wrk_share=$(echo "scale=2; $wrk_cpu / $hz / $secs" | bc)
  # Combine the wrk processes: requests and errors add up; p50/p99 are the worst of the processes' (each
  # process drives its own node with half the traffic, so the worst is the honest bound).
  python3 - "$label" "$rate" "$conns" "$pg_cpu" "$wrk_share" "${java_cpu[*]}" "$work"/step-{0..9} <<'EOF' | tee -a "$report"
import os, sys
label, rate, conns, pg_cpu, wrk_cpu, java_cpu = sys.argv[1:7]
req = dur = err = exp = sock = 0; p50 = p99 = 0; statuses = {}
for f in sys.argv[7:]:
    if not os.path.exists(f):
        continue
    lines = open(f).read().split("\n")
    head = dict(kv.split("=") for kv in lines[0].split())
    req += int(head["requests"]); dur = max(dur, int(head["duration_us"]))
    p50 = max(p50, int(head["p50_us"])); p99 = max(p99, int(head["p99_us"]))
    err += int(head["errors"]); exp += int(head["expected"]); sock += int(head["socket_errors"])
    for line in lines[1:]:
        if line.startswith("status="):
            kv = dict(x.split("=") for x in line.split())
            statuses[kv["status"]] = statuses.get(kv["status"], 0) + int(kv["count"])
    os.remove(f)
achieved = req / (dur / 1e6)
# CPU per request: what a capacity plan scales from, and far steadier than latency on a shared machine.
java_ms = sum(float(x) for x in java_cpu.split()) * 1000 / achieved if achieved else 0
pg_ms = float(pg_cpu) * 1000 / achieved if achieved else 0
held = p99 < 200_000 and err == 0 and sock == 0 and achieved >= 0.95 * int(rate)
detail = ", ".join(f"{k}×{v}" for k, v in sorted(statuses.items()))
print(f"| {label} | {conns} | {rate} | {achieved:.0f} | {p50 / 1000:.1f} | {p99 / 1000:.1f} | {err + sock}"
      f"{' (' + detail + ')' if detail else ''}{' socket ' + str(sock) if sock else ''} | {exp} | "
      f"{' + '.join(java_cpu.split())} | {pg_cpu} | {wrk_cpu} | {java_ms:.1f} | {pg_ms:.1f} | {'yes' if held else 'no'} |")
open(os.environ.get("CITYDAY_HELD", "/dev/null"), "a").write(f"{label} {conns} {rate} {achieved:.0f} {int(held)}\n")
EOF
}

# Steps the offered rate up until a step is not held twice in a row; prints the best held.
search() { # label conns ports...
  local label=$1 conns=$2; shift 2
  local misses=0
  export CITYDAY_HELD=$work/held.txt
  : > "$CITYDAY_HELD"
  for rate in $rates; do
    step_run "$label" "$rate" "$conns" "$@"
    if [ "$(tail -1 "$CITYDAY_HELD" | awk '{print $5}')" = 1 ]; then misses=0; else misses=$((misses + 1)); fi
    [ $misses -ge 2 ] && break
  done
  best=$(awk '$5 == 1 {print $4}' "$CITYDAY_HELD" | sort -n | tail -1)
  best=${best:-none}
}

header() {
  out ""
  out "| nodes | connections | offered req/s | achieved req/s | p50 ms | p99 ms | errors | expected 409 | OneStop CPU (cores) | PostgreSQL CPU (cores) | wrk CPU (cores) | OneStop CPU ms/req | PostgreSQL CPU ms/req | held |"
  out "|---|---:|---:|---:|---:|---:|---|---:|---|---:|---:|---:|---:|---|"
}

out "## A city's day — $(date -u +%F) $(nproc) cores, $(uptime | sed 's/.*load/load/')"
out ""
out "Shares (per mille): search page 100, search API 100, services list 80, matter page 120, life-event page 70, home 80"
out "(catalog 55 %); /api/v1/me 50, own applications 40, appointments 30, complaints 30 (status 15 %); assistant message 100;"
out "slots 30, booking 20 (5 %); submission 20 (2 %); staff inbox 80, case file 50 (13 %). ${step} s per step after ${warmup} s warm-up."

start "$port1" "$data1"
node1=$started
python3 "$here/prepare.py" "http://127.0.0.1:$port1" "$work/data.txt" "$citizens" 2>&1 | tee -a "$report" >&2
node_pids=("$node1")

best64=- best512=- best2=-
header
if [[ $stages == *" one "* ]]; then
  # Warm-up (not counted): the JIT and the pools, at a rate both cores carry.
  (step=$warmup report=/dev/null; step_run warm-up 50 64 "$port1" > /dev/null)
  search 1 64 "$port1"
  best64=$best
  search 1 512 "$port1"
  best512=$best
fi
if [[ $stages == *" two "* ]]; then
  start "$port2" "$data2"
  node_pids=("$node1" "$started")
  (step=$warmup report=/dev/null; step_run warm-up 50 64 "$port1" "$port2" > /dev/null)
  search 2 64 "$port1" "$port2"
  best2=$best
fi
out ""
out "Highest rate held (p99 < 200 ms, 0 errors, ≥ 95 % of the offered rate achieved): one node, 64 connections: **$best64 req/s**;"
out "one node, 512 connections: **$best512 req/s**; two nodes on one database, 64 connections: **$best2 req/s**."
[[ $stages == *" writes "* ]] || exit 0

# The database's share of a write: rows and WAL per submission and per booking, 100 of each, one at a time.
# WAL is the server's (anyone else writing to it at the same time is counted too): read it as an upper bound.
out ""
out "| write (100, sequential) | rows inserted | rows updated | commits | WAL bytes | per write: rows | per write: WAL KiB |"
out "|---|---:|---:|---:|---:|---:|---:|"
# (awk, not sed | head: under pipefail, head closing the pipe early made this line end the script)
token=$(awk '/^citizen / {print $2; exit}' "$work/data.txt")
measure() { # label command...
  local label=$1; shift
  local before after
  before=$(sql "SELECT tup_inserted, tup_updated, xact_commit, pg_current_wal_lsn() FROM pg_stat_database WHERE datname = current_database()")
  for i in $(seq 100); do "$@" "$i" || true; done
  sleep 1 # pg_stat_database is reported by backends at the end of their transactions, with a short delay
  after=$(sql "SELECT tup_inserted, tup_updated, xact_commit, pg_current_wal_lsn() FROM pg_stat_database WHERE datname = current_database()")
  python3 - "$label" "$before" "$after" <<'EOF' | tee -a "$report"
import sys, subprocess
label, b, a = sys.argv[1], sys.argv[2].split("|"), sys.argv[3].split("|")
lsn = lambda s: (int(s.split("/")[0], 16) << 32) + int(s.split("/")[1], 16)
ins, upd, com = (int(a[i]) - int(b[i]) for i in range(3))
wal = lsn(a[3]) - lsn(b[3])
print(f"| {label} | {ins} | {upd} | {com} | {wal} | {(ins + upd) / 100:.1f} | {wal / 100 / 1024:.1f} |")
EOF
}
submit() {
  curl -fs -o /dev/null -H "Authorization: Bearer $token" -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
    -H 'Content-Type: application/json' -d '{"serviceCode":"CA-ELD-001","fields":{},"explanation":"materials at the counter (city-day benchmark)"}' "http://127.0.0.1:$port1/api/v1/applications"
}
mapfile -t tokens < <(sed -n 's/^citizen \([^ ]*\) .*/\1/p' "$work/data.txt" | head -100)
mapfile -t slots < <(sed -n 's/^slot //p' "$work/data.txt")
book() {
  curl -s -o /dev/null -H "Authorization: Bearer ${tokens[$(($1 - 1))]}" -H 'Content-Type: application/json' \
    -d "{\"slotId\":${slots[$(($1 % ${#slots[@]}))]},\"serviceCode\":\"PS-ID-001\"}" "http://127.0.0.1:$port1/api/v1/appointments"
}
reset_bookings
measure "submission (POST /api/v1/applications)" submit
measure "booking (POST /api/v1/appointments)" book
out ""
out "Command: \`src/bench/cityday/run.sh\` (RATES='$rates' STEP=$step WARMUP=$warmup CITIZENS=$citizens); jar $(basename "$jar")."

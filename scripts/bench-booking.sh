#!/usr/bin/env bash
# Flash-crowd booking (issue 5): 2,000 load-test citizens, 20,000 attempts at 500 places released at once,
# 64 connections; OneStop over HTTP against the like-for-like reference (issue 18: src/bench/reference, plain Spring
# MVC + JdbcTemplate running Booking.book's statements in one transaction, over HTTP on the same sockets) and the
# same statement sequence over plain JDBC (the physical limit), same database.
#  - Database: a fresh database on the PostgreSQL at 127.0.0.1:5432 (ONESTOP_DB_URL, as in production), dropped
#    afterwards; if that server does not answer, the embedded PostgreSQL, reached at the port it reports.
#  - Builds and starts the reference jar on port 18331 against the same database once OneStop has migrated it,
#    and stops it at the end.
#  - Starts the packaged jar on port 18330 with a temporary ONESTOP_DATA_DIR, runs FlashCrowd
#    (src/bench/java/org/onestop/appointment), stops the jar and removes what it made.
#  - Each round also runs an "HTTP floor" phase (GET /api/v1/me with the same tokens: no database work) and every
#    phase reports CPU ms per attempt for OneStop's JVM, PostgreSQL and the generator (from /proc; Linux only).
#  - FLASH_JFR=1 also records a JFR profile of OneStop (kept, path printed).
# Usage: scripts/bench-booking.sh [citizens=2000] [attempts=20000] [places=500] [threads=64] [rounds=2] [warm-up=5000]
#        [reference connections=20]
set -euo pipefail
cd "$(dirname "$0")/.."
port=18330
reference_port=18331
args=("${1:-2000}" "${2:-20000}" "${3:-500}" "${4:-64}" "${5:-2}" "${6:-5000}" "${7:-20}")

mvn -o -B -q package -DskipTests
(cd src/bench/reference && mvn -o -B -q package -DskipTests)
jar=$(ls target/onestop-*.jar | grep -v plain | head -1)
# The generator's only dependency, the PostgreSQL driver, taken from the packaged jar (the dependency plugin is
# not available offline).
rm -rf target/bench-lib
unzip -q -o -j "$jar" 'BOOT-INF/lib/postgresql-*.jar' -d target/bench-lib
driver=$(ls target/bench-lib/postgresql-*.jar | head -1)
# Compiled apart from src/test and Maven's test classpath: only the JDK and the PostgreSQL driver are needed.
rm -rf target/bench-classes
javac -proc:none -d target/bench-classes src/bench/java/org/onestop/appointment/{Crowd,CrowdHttp,CrowdSocket,CrowdDatabase,CpuMeter,FlashCrowd}.java

data=$(mktemp -d)
database=
pid=
reference_pid=
cleanup() {
  if [ -n "$reference_pid" ]; then kill "$reference_pid" 2>/dev/null || true; wait "$reference_pid" 2>/dev/null || true; fi
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  if [ -n "$database" ]; then dropdb -h 127.0.0.1 -U postgres --if-exists "$database" || true; fi
  rm -rf "$data"
}
trap cleanup EXIT

if pg_isready -q -h 127.0.0.1 -p 5432; then
  database=c18_booking_flash_$$
  createdb -h 127.0.0.1 -U postgres "$database"
  export ONESTOP_DB_URL=jdbc:postgresql://127.0.0.1:5432/$database
  jdbc="$ONESTOP_DB_URL?user=postgres"
else
  echo "127.0.0.1:5432 does not answer: using the embedded PostgreSQL"
fi
jfr=()
if [ "${FLASH_JFR:-0}" = 1 ]; then
  jfr=("-XX:FlightRecorderOptions:stackdepth=256" "-XX:StartFlightRecording=filename=target/flash-crowd.jfr,settings=profile")
  echo "JFR recording to target/flash-crowd.jfr"
fi
ONESTOP_DATA_DIR=$data java "${jfr[@]}" -jar "$jar" --server.port=$port > "$data/app.log" 2>&1 &
pid=$!
until curl -fs "http://localhost:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
  kill -0 $pid 2>/dev/null || { cat "$data/app.log" | tail -40; echo "OneStop exited"; exit 1; }
  sleep 0.5
done
if [ -z "$database" ]; then
  jdbc="jdbc:postgresql://localhost:$(sed -n 4p "$data/pg/postmaster.pid")/postgres?user=postgres"
fi
# The reference reads and writes the database OneStop has just migrated; it creates nothing.
REFERENCE_DB_URL="${jdbc%%\?*}" REFERENCE_DB_USER=postgres REFERENCE_PORT=$reference_port \
  java -jar src/bench/reference/target/onestop-reference.jar > "$data/reference.log" 2>&1 &
reference_pid=$!
until curl -fs "http://localhost:$reference_port/ping" 2>/dev/null | grep -q ok; do
  kill -0 $reference_pid 2>/dev/null || { tail -40 "$data/reference.log"; echo "reference exited"; exit 1; }
  sleep 0.5
done

echo "== $(nproc) cores, shared by OneStop, PostgreSQL and the load generator — $(uptime)"
ONESTOP_PID=$pid REFERENCE_PID=$reference_pid REFERENCE_URL="http://localhost:$reference_port" java -cp "target/bench-classes:$driver" org.onestop.appointment.FlashCrowd "http://localhost:$port" "$jdbc" "${args[@]}"
echo "== done — $(uptime)"

#!/usr/bin/env bash
# kill -9 of OneStop on its default embedded database, then a normal start on the same data folder (issue 11):
# writes a notice as the demo editor, kills the JVM with SIGKILL (its PostgreSQL lives on), starts again and reads
# the notice back. Prints the leftover server's pid, the restart time and whether the notice survived.
# Usage: scripts/measure-kill9.sh [port]   (builds the jar first if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$(ls target/onestop-*.jar 2>/dev/null | grep -v plain | head -1 || true)
if [ -z "$jar" ]; then mvn -B -q package -DskipTests; jar=$(ls target/onestop-*.jar | head -1); fi
port=${1:-18095}
data=$(mktemp -d)
base="http://127.0.0.1:$port"

start() {
  local label=$1 t0
  t0=$(date +%s.%N)
  env -u ONESTOP_DB_URL ONESTOP_DATA_DIR="$data" java -jar "$jar" --server.port="$port" > "$data/$label.log" 2>&1 &
  app=$!
  until curl -fs "$base/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 $app 2>/dev/null || { echo "$label: OneStop exited; see $data/$label.log"; tail -5 "$data/$label.log"; exit 1; }
    sleep 0.2
  done
  printf '%s: start to healthy %.1f s\n' "$label" "$(echo "$(date +%s.%N) - $t0" | bc)"
}

start first
token=$(curl -fs -H 'Content-Type: application/json' -d '{"username":"editor","password":"demo12345"}' \
  "$base/api/v1/auth/login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
title="kill -9 survivor $(date +%s)"
id=$(curl -fs -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d "{\"title\":\"$title\",\"summary\":\"s\",\"body\":\"b\",\"status\":\"PUBLISHED\"}" \
  "$base/api/v1/notices" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
echo "wrote notice $id: $title"

kill -9 $app; wait $app 2>/dev/null || true
leftover=$(head -1 "$data/pg/postmaster.pid")
echo "killed the JVM with SIGKILL; PostgreSQL pid $leftover still running: $(kill -0 "$leftover" 2>/dev/null && echo yes || echo no)"

start second
grep -h "LeftoverServer" "$data/second.log" | sed 's/^.*LeftoverServer *: */  log: /'
echo "leftover pid $leftover still running after the restart: $(kill -0 "$leftover" 2>/dev/null && echo yes || echo no)"
if curl -fs "$base/api/v1/notices/$id" | grep -q "$title"; then echo "notice $id read back after restart: intact"; else echo "notice $id MISSING"; fi
kill $app; wait $app 2>/dev/null || true
echo "(data and logs in $data)"

#!/usr/bin/env bash
# Measures OneStop's start to healthy on the embedded database (cold: empty data folder; warm: restart on
# the same folder) and the heap in use once started (before and after a full GC).
# Usage: scripts/measure-startup.sh   (builds the jar first if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$(ls target/onestop-*.jar 2>/dev/null | grep -v plain | head -1 || true)
if [ -z "$jar" ]; then mvn -B -q package -DskipTests; jar=$(ls target/onestop-*.jar | head -1); fi
data=$(mktemp -d)
port=18080

run() {
  local label=$1
  local start=$(date +%s.%N)
  ONESTOP_DATA_DIR=$data java -jar "$jar" --server.port=$port > "$data/$label.log" 2>&1 &
  local pid=$!
  until curl -fs "http://localhost:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 $pid 2>/dev/null || { echo "$label: OneStop exited; see $data/$label.log"; exit 1; }
    sleep 0.1
  done
  local end=$(date +%s.%N)
  printf '%s start to healthy: %.1f s\n' "$label" "$(echo "$end - $start" | bc)"
  sleep 2
  local used=$(jcmd $pid GC.heap_info | awk '/garbage-first heap/ {print $(NF-0)}')
  echo "$label heap after start: $(jcmd $pid GC.heap_info | grep -m1 'garbage-first heap' | sed 's/^ *//')"
  jcmd $pid GC.run > /dev/null
  echo "$label heap after full GC: $(jcmd $pid GC.heap_info | grep -m1 'garbage-first heap' | sed 's/^ *//')"
  kill $pid; wait $pid 2>/dev/null || true
}

run cold
run warm
rm -rf "$data"

#!/usr/bin/env bash
# The request floor (issue 18): OneStop's cheapest requests against a bare Spring Boot /ping (src/bench/reference),
# driven by the same wrk in the same run, alternating endpoint by endpoint so that both sides share the noise.
#
#   mvn -o -q -B -DskipTests package                                   # target/onestop-*.jar
#   (cd src/bench/reference && mvn -o -q -B -DskipTests package)       # the reference
#   src/bench/floor/run.sh
#
# Settings (environment): PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), BENCH_DB (c18_floor, created when
# missing), PORT (18320) and REF_PORT (18321), or ONESTOP_URL / REFERENCE_URL to use applications already running;
# THREADS (2), CONNECTIONS (64), DURATION (8s), ROUNDS (3), JAVA_OPTS (e.g. -XX:StartFlightRecording=...).
# Reported: the last round (warm-up is the rounds before it), as a Markdown table on stdout.
set -euo pipefail
cd "$(dirname "$0")/../../.."
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
BENCH_DB=${BENCH_DB:-c18_floor}
PORT=${PORT:-18320}
REF_PORT=${REF_PORT:-18321}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-64}
DURATION=${DURATION:-8s}
ROUNDS=${ROUNDS:-3}
JAR=${JAR:-$(ls target/onestop-*.jar 2>/dev/null | grep -v original | head -1 || true)}
REF_JAR=src/bench/reference/target/onestop-reference.jar
say() { echo "run.sh: $*" >&2; }
command -v wrk >/dev/null || { say "wrk is not installed"; exit 2; }

DATA_DIR=$(mktemp -d)
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; rm -rf "$DATA_DIR"' EXIT

wait_for() {
	for _ in $(seq 1 300); do
		curl -fs -o /dev/null "$1" && return 0
		sleep 1
	done
	say "$1 did not answer within 300 s"
	exit 1
}

if [ -z "${ONESTOP_URL:-}" ]; then
	[ -n "$JAR" ] || { say "no target/onestop-*.jar: run 'mvn -o -q -B -DskipTests package' first"; exit 2; }
	if [ "$(psql -d postgres -XAtq -c "SELECT count(*) FROM pg_database WHERE datname = '$BENCH_DB'")" = 0 ]; then
		psql -d postgres -Xq -c "CREATE DATABASE \"$BENCH_DB\""
	fi
	say "starting OneStop on $PORT (log: $DATA_DIR/onestop.log)"
	# shellcheck disable=SC2086
	ONESTOP_DATA_DIR=$DATA_DIR ONESTOP_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" ONESTOP_DB_USER=$PGUSER \
		java ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --onestop.demo.history.enabled=false \
		>"$DATA_DIR/onestop.log" 2>&1 &
	PIDS+=($!)
	ONESTOP_URL=http://127.0.0.1:$PORT
fi
if [ -z "${REFERENCE_URL:-}" ]; then
	[ -f "$REF_JAR" ] || { say "no $REF_JAR: build src/bench/reference first"; exit 2; }
	say "starting the reference on $REF_PORT"
	REFERENCE_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" REFERENCE_PORT=$REF_PORT \
		java -jar "$REF_JAR" >"$DATA_DIR/reference.log" 2>&1 &
	PIDS+=($!)
	REFERENCE_URL=http://127.0.0.1:$REF_PORT
fi
wait_for "$REFERENCE_URL/ping"
wait_for "$ONESTOP_URL/actuator/health"

# A demo citizen's bearer token (README: every demo password is demo12345); remembered by ApiTokens like an app's.
TOKEN=$(curl -fs -H 'Content-Type: application/json' -d '{"username":"li.na","password":"demo12345"}' \
	"$ONESTOP_URL/api/v1/auth/login" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
[ -n "$TOKEN" ] || { say "no token for li.na"; exit 1; }

# Each line: label, URL, extra wrk arguments.
ENDPOINTS=(
	"ping|$REFERENCE_URL/ping|"
	"me|$ONESTOP_URL/api/v1/me|-H Authorization:Bearer$TOKEN"
	"ping|$REFERENCE_URL/ping|"
	"notices|$ONESTOP_URL/notices|"
	"ping|$REFERENCE_URL/ping|"
	"home|$ONESTOP_URL/|"
)
rate() { sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p'; }
declare -A LAST
for round in $(seq 1 "$ROUNDS"); do
	i=0
	for line in "${ENDPOINTS[@]}"; do
		IFS='|' read -r label url extra <<<"$line"
		if [ -n "$extra" ]; then
			r=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -H "Authorization: Bearer $TOKEN" "$url" | rate)
		else
			r=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" "$url" | rate)
		fi
		say "round $round: $label $r req/s"
		LAST[$i]=$r
		i=$((i + 1))
	done
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "| endpoint | OneStop req/s | bare /ping req/s (just before) | ratio |"
echo "|---|---:|---:|---:|"
echo "| \`GET /api/v1/me\` (bearer token) | ${LAST[1]} | ${LAST[0]} | $(ratio "${LAST[1]}" "${LAST[0]}") |"
echo "| \`GET /notices\` (anonymous page) | ${LAST[3]} | ${LAST[2]} | $(ratio "${LAST[3]}" "${LAST[2]}") |"
echo "| \`GET /\` (anonymous home page) | ${LAST[5]} | ${LAST[4]} | $(ratio "${LAST[5]}" "${LAST[4]}") |"

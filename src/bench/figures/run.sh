#!/usr/bin/env bash
# The /figures benchmark (issue 17): the packaged jar on a database holding 1,000,000 applications and 5,000,000
# ratings, its first figures refresh timed, then wrk on the public page (both languages) and the open data.
#
#   mvn -o -q -B -DskipTests package      # once, for target/onestop-*.jar
#   src/bench/figures/run.sh
#
# Settings (environment): PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), BENCH_DB (figures_bench, created here
# when missing and filled by generate.sh when empty), PORT (18190), DURATION (20s), CONNECTIONS (16),
# REFRESH_TIMEOUT (3600 s), JAR (target/onestop-*.jar). The scale: see generate.sh (APPLICATIONS, TICKETS, CONVERSATIONS, RATINGS).
# Unattended: every step prints what it does; the result is a Markdown table on stdout and in target/figures-bench.md.
set -euo pipefail
cd "$(dirname "$0")/../../.."
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
BENCH_DB=${BENCH_DB:-figures_bench}
PORT=${PORT:-18190}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-16}
REFRESH_TIMEOUT=${REFRESH_TIMEOUT:-3600}
JAR=${JAR:-$(ls target/onestop-*.jar 2>/dev/null | grep -v original | head -1 || true)}
DB_URL="postgresql://$PGUSER@$PGHOST:$PGPORT/$BENCH_DB"
say() { echo "run.sh: $*" >&2; }

[ -n "$JAR" ] || { say "no target/onestop-*.jar: run 'mvn -o -q -B -DskipTests package' first"; exit 2; }
command -v wrk >/dev/null || { say "wrk is not installed"; exit 2; }

if [ "$(psql -d postgres -XAtq -c "SELECT count(*) FROM pg_database WHERE datname = '$BENCH_DB'")" = 0 ]; then
	say "creating database $BENCH_DB"
	psql -d postgres -Xq -c "CREATE DATABASE \"$BENCH_DB\""
fi

DATA_DIR=$(mktemp -d)
APP_PID=
stop_app() {
	if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
		kill "$APP_PID"
		wait "$APP_PID" 2>/dev/null || true
	fi
	APP_PID=
}
trap 'stop_app; rm -rf "$DATA_DIR"' EXIT

start_app() {
	say "starting $JAR on port $PORT (log: $DATA_DIR/app.log)"
	# The bench brings its own history (generate.sh): the demo one stays off.
	ONESTOP_DATA_DIR=$DATA_DIR ONESTOP_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" ONESTOP_DB_USER=$PGUSER \
		java -jar "$JAR" --server.port="$PORT" --onestop.demo.history.enabled=false >>"$DATA_DIR/app.log" 2>&1 &
	APP_PID=$!
	for _ in $(seq 1 600); do
		if curl -fs -o /dev/null "http://127.0.0.1:$PORT/actuator/health"; then
			return 0
		fi
		kill -0 "$APP_PID" 2>/dev/null || { say "the application stopped; last lines of its log:"; tail -30 "$DATA_DIR/app.log" >&2; exit 1; }
		sleep 1
	done
	say "the application did not start within 600 s"
	exit 1
}

# 1. Migrated by OneStop (and the demo city loaded), then filled at the benchmark's scale.
if [ "$(psql -d "$BENCH_DB" -XAtq -c "SELECT to_regclass('application') IS NOT NULL")" != t ]; then
	start_app
	stop_app
fi
if [ "$(psql -d "$BENCH_DB" -XAtq -c "SELECT EXISTS (SELECT 1 FROM application WHERE id = '17a00000-0000-4000-8000-000000000001')")" != t ]; then
	src/bench/figures/generate.sh "$DB_URL" >&2
fi

# 2. The first refresh: figures are computed in the background from the base rows; timed from the start of the jar
# until every source has refreshed and holds no lease, twice in a row.
if [ "$(psql -d "$BENCH_DB" -XAtq -c "SELECT to_regclass('insight_source') IS NOT NULL")" = t ]; then
	psql -d "$BENCH_DB" -Xq -c "DELETE FROM insight_figure" -c "DELETE FROM insight_source"
fi
refresh_started=$(date +%s)
start_app
refresh_seconds=
stable=0
while [ $(( $(date +%s) - refresh_started )) -lt "$REFRESH_TIMEOUT" ]; do
	state=$(psql -d "$BENCH_DB" -XAtq -c "
		SELECT count(*) || ' ' || count(*) FILTER (WHERE refreshed_through IS NULL OR lease_until > now())
		FROM insight_source" 2>/dev/null || echo "0 0")
	read -r sources pending <<<"$state"
	if [ "$sources" -gt 0 ] && [ "$pending" = 0 ]; then
		stable=$((stable + 1))
		if [ "$stable" -ge 2 ]; then
			refresh_seconds=$(( $(date +%s) - refresh_started ))
			break
		fi
	else
		stable=0
	fi
	sleep 2
done
if [ -z "$refresh_seconds" ]; then
	say "no finished refresh in insight_source within ${REFRESH_TIMEOUT} s (is the refresh merged?); measuring anyway"
	refresh_seconds="— (not seen)"
else
	say "first refresh done ${refresh_seconds} s after the start of the jar ($sources sources)"
fi
figures=$(psql -d "$BENCH_DB" -XAtq -c "SELECT count(*) FROM insight_figure" 2>/dev/null || echo 0)

# 3. wrk, after a warm-up, on the page in both languages and on the open data for last month.
MONTH=$(TZ=Asia/Shanghai date -d "$(TZ=Asia/Shanghai date +%Y-%m-01) -1 month" +%Y-%m)
BASE="http://127.0.0.1:$PORT"
out=target/figures-bench.md
mkdir -p target
{
	echo "| URL | status | p50 | p99 | req/s |"
	echo "|---|---|---|---|---|"
} >"$out"
for path in "/figures" "/figures?lang=en" "/api/v1/figures/matters?month=$MONTH"; do
	status=$(curl -s -o /dev/null -w '%{http_code}' "$BASE$path")
	say "warming up $path (answers $status)"
	wrk -t2 -c"$CONNECTIONS" -d5s "$BASE$path" >/dev/null
	say "measuring $path: wrk -t2 -c$CONNECTIONS -d$DURATION --latency"
	result=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$BASE$path")
	echo "$result" >&2
	p50=$(echo "$result" | awk '$1 == "50%" { print $2 }')
	p99=$(echo "$result" | awk '$1 == "99%" { print $2 }')
	rps=$(echo "$result" | awk '/Requests\/sec/ { print $2 }')
	non2xx=$(echo "$result" | awk '/Non-2xx/ { print " (" $NF " non-2xx)" }')
	echo "| \`$path\` | $status$non2xx | $p50 | $p99 | $rps |" >>"$out"
done
{
	echo
	echo "Rows: $(psql -d "$BENCH_DB" -XAtq -c "SELECT (SELECT count(*) FROM application) || ' applications, ' || (SELECT count(*) FROM rating) || ' ratings, ' || (SELECT count(*) FROM queue_ticket) || ' tickets'"); $figures stored figures; first refresh: $refresh_seconds s."
} >>"$out"
cat "$out"

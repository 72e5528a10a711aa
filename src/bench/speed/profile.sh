#!/usr/bin/env bash
# Where OneStop's time goes under one endpoint (issue 18): OneStop's jar on a fresh database, recorded with JFR's
# "profile" settings and full stacks while wrk drives the endpoint, then the top self and total frames.
#
#   src/bench/speed/profile.sh /api/v1/me 20s
#   src/bench/speed/profile.sh /api/v1/me,/ 20s      # several endpoints, one after the other, in the same JVM
#
# Paths matching AUTH_PATHS (default ^/api/v1/me) carry a demo citizen's bearer token. Settings (environment):
# PGHOST, PGPORT, PGUSER as run.sh, BENCH_DB (speed_profile, dropped on exit), PORT (18302), WARMUP (10s),
# CONNECTIONS (64), THREADS (2), TOP (15), JAR (target/onestop-*.jar, built when missing), CITIZEN, PASSWORD.
# Result: Markdown on stdout and in target/speed-profile.md; the recordings stay in target/speed-profile-*.jfr.
set -euo pipefail
cd "$(dirname "$0")/../../.."
[ $# -ge 1 ] || { echo "usage: $0 PATH[,PATH...] [DURATION]" >&2; exit 2; }
IFS=',' read -r -a PATHS <<<"$1"
DURATION=${2:-20s}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
BENCH_DB=${BENCH_DB:-speed_profile}
PORT=${PORT:-18302}
WARMUP=${WARMUP:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
TOP=${TOP:-15}
AUTH_PATHS=${AUTH_PATHS:-^/api/v1/me}
CITIZEN=${CITIZEN:-li.na}
PASSWORD=${PASSWORD:-demo12345}
DATA_DIR=$(mktemp -d)
source src/bench/speed/lib.sh

JAR=${JAR:-$(ls target/onestop-*.jar 2>/dev/null | grep -v original | head -1 || true)}
if [ -z "$JAR" ]; then
	say "building OneStop's jar"
	mvn -o -q -B -DskipTests package >&2
	JAR=$(ls target/onestop-*.jar | grep -v original | head -1)
fi
trap 'stop_all; drop_database; rm -rf "$DATA_DIR"' EXIT
fresh_database
# Deep stacks: Spring's filter chain alone is more than JFR's default 64 frames.
start_onestop "$PORT" -XX:FlightRecorderOptions:stackdepth=2048
mkdir -p target
{
	for path in "${PATHS[@]}"; do
		header=
		if [[ $path =~ $AUTH_PATHS ]]; then
			header="Authorization: Bearer $(sign_in "$PORT" "$CITIZEN" "$PASSWORD")"
		fi
		url=http://127.0.0.1:$PORT$(percent_encode "$path")
		args=(-t"$THREADS" -c"$CONNECTIONS" --latency)
		[ -n "$header" ] && args+=(-H "$header")
		say "[$path] warm-up $WARMUP"
		wrk "${args[@]}" -d"$WARMUP" "$url" >/dev/null
		file=$PWD/target/speed-profile-$(tr -c 'A-Za-z0-9' '_' <<<"$path" | sed 's/_*$//').jfr
		jcmd "$ONESTOP_PID" JFR.start name=speed settings=profile filename="$file" >/dev/null
		say "[$path] recording $DURATION"
		rps=$(wrk "${args[@]}" -d"$DURATION" "$url" | awk '/^Requests\/sec:/ {print $2}')
		jcmd "$ONESTOP_PID" JFR.stop name=speed >/dev/null
		echo "### \`GET $path\` ($rps req/s while recorded, \`wrk ${args[*]/#Authorization*/Authorization: Bearer …} -d$DURATION\`)"
		echo
		python3 src/bench/speed/jfr-top.py "$file" "$TOP"
		echo
	done
} | tee target/speed-profile.md

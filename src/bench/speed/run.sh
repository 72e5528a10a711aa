#!/usr/bin/env bash
# Like for like (issue 18, targets 1 and 2): OneStop's packaged jar and the plain Spring Boot reference
# (src/bench/reference) on ONE fresh database, driven by the same wrk in the same run, alternating sides.
#
#   src/bench/speed/run.sh                       # builds both jars, ~15 min with the defaults
#   DURATION=3s WARMUP=2s ROUNDS=1 src/bench/speed/run.sh   # a quick look
#
# Pairs: target 1 (catalog reads) against the reference's GET /services (DB read + JSON, no cache); target 2 (the
# request floor) against the reference's bare GET /ping. Each pair: WARMUP on each side, then ROUNDS rounds of
# `wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency`, OneStop then the reference; the last round is the result.
# Around every wrk run, the CPU of each process (OneStop JVM, reference JVM, the PostgreSQL backends of the bench
# database, wrk) from /proc/<pid>/stat deltas, as milliseconds per request: on 2 cores that says where time goes.
#
# Settings (environment): PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), BENCH_DB (speed_bench, dropped and
# created here, dropped on exit), PORTS ("18300 18301": OneStop, reference), DURATION (12s), WARMUP (5s),
# CONNECTIONS (64), THREADS (2), ROUNDS (3), JAR (built when not given), REFERENCE_JAR (built when not given),
# POOL (20: both sides' database pool, as OneStop's default), CITIZEN (li.na) and PASSWORD (demo12345) for the
# bearer token, ONLY (a regex on the pair labels, to run fewer).
# Unattended: progress on stderr; the Markdown result on stdout and in target/speed-bench.md.
set -euo pipefail
cd "$(dirname "$0")/../../.."
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
BENCH_DB=${BENCH_DB:-speed_bench}
read -r ONESTOP_PORT REFERENCE_PORT <<<"${PORTS:-18300 18301}"
DURATION=${DURATION:-12s}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
ROUNDS=${ROUNDS:-3}
CITIZEN=${CITIZEN:-li.na}
PASSWORD=${PASSWORD:-demo12345}
ONLY=${ONLY:-.}
DATA_DIR=$(mktemp -d)
source src/bench/speed/lib.sh

command -v wrk >/dev/null || { say "wrk is not installed"; exit 2; }
if [ -z "${JAR:-}" ]; then
	say "building OneStop's jar (mvn -o -q -B -DskipTests package)"
	mvn -o -q -B -DskipTests package >&2
	JAR=$(ls target/onestop-*.jar | grep -v original | head -1)
fi
if [ -z "${REFERENCE_JAR:-}" ]; then
	say "building the reference's jar"
	(cd src/bench/reference && mvn -o -q -B -DskipTests package >&2)
	REFERENCE_JAR=src/bench/reference/target/onestop-reference.jar
fi

trap 'stop_all; drop_database; rm -rf "$DATA_DIR"' EXIT
fresh_database
start_onestop "$ONESTOP_PORT"
start_reference "$REFERENCE_PORT"
ONESTOP=http://127.0.0.1:$ONESTOP_PORT
REFERENCE=http://127.0.0.1:$REFERENCE_PORT

# target | label | OneStop path | reference path | "token" when OneStop's side carries the bearer token
PAIRS=(
	"1|services list|/api/v1/services?size=20|/services?size=20|"
	"1|services search|/api/v1/services?q=身份证|/services?q=身份证|"
	"1|matter page|/services/PS-ID-001|/services?size=20|"
	"1|search page|/search?q=身份证|/services?size=20|"
	"1|life-event page|/life-events/baby|/services?size=20|"
	"1|home page|/|/services?size=20|"
	"1b|services list, vs a bare read|/api/v1/services?size=20|/services/bare?size=20|"
	"1b|services search, vs a bare read|/api/v1/services?q=身份证|/services/bare?size=20|"
	"1b|matter page, vs a bare read|/services/PS-ID-001|/services/bare?size=20|"
	"1b|search page, vs a bare read|/search?q=身份证|/services/bare?size=20|"
	"1b|life-event page, vs a bare read|/life-events/baby|/services/bare?size=20|"
	"1b|home page, vs a bare read|/|/services/bare?size=20|"
	"2|me (bearer token)|/api/v1/me|/ping|token"
	"2|notices page (anonymous)|/notices|/ping|"
	"2|home page (anonymous)|/|/ping|"
	"2|static CSS|/css/onestop.css|/ping|"
)

# measure URL [HEADER]: one wrk run; sets RESULT to "req/s p50 p99 errors requests os_ms ref_ms pg_ms wrk_ms".
measure() {
	local url=$1 header=${2:-} out pg before_os before_ref before_pg before_wrk rps p50 p99 requests non2xx sockerr
	local args=(-t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency)
	[ -n "$header" ] && args+=(-H "$header")
	out=$DATA_DIR/wrk.out
	pg=$(postgres_pids)
	before_os=$(cpu_ticks "$ONESTOP_PID")
	before_ref=$(cpu_ticks "$REFERENCE_PID")
	# shellcheck disable=SC2086
	before_pg=$(cpu_ticks $pg)
	before_wrk=$(children_ticks)
	wrk "${args[@]}" "$url" >"$out"
	local d_wrk=$(($(children_ticks) - before_wrk))
	local d_os=$(($(cpu_ticks "$ONESTOP_PID") - before_os))
	local d_ref=$(($(cpu_ticks "$REFERENCE_PID") - before_ref))
	# shellcheck disable=SC2086
	local d_pg=$(($(cpu_ticks $pg) - before_pg))
	rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
	requests=$(awk '/requests in/ {print $1}' "$out")
	p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")")
	p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")
	non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$out")
	sockerr=$(awk -F'[ ,]+' '/Socket errors:/ {print $4 + $6 + $8 + $10}' "$out")
	local per=$((requests > 0 ? requests : 1))
	RESULT="$rps $p50 $p99 $((${non2xx:-0} + ${sockerr:-0})) $requests"
	for d in $d_os $d_ref $d_pg $d_wrk; do
		RESULT+=" $(awk -v d="$d" -v n="$per" -v hz="$CLK_TCK" 'BEGIN {printf "%.3f", d * 1000 / hz / n}')"
	done
}

declare -A R
declare -a DONE
for pair in "${PAIRS[@]}"; do
	IFS='|' read -r target label os_path ref_path auth <<<"$pair"
	[[ $label =~ $ONLY ]] || continue
	header=
	if [ "$auth" = token ]; then
		header="Authorization: Bearer $(sign_in "$ONESTOP_PORT" "$CITIZEN" "$PASSWORD")"
	fi
	os_url=$ONESTOP$(percent_encode "$os_path")
	ref_url=$REFERENCE$(percent_encode "$ref_path")
	code=$(curl -s -o /dev/null -w '%{http_code}' ${header:+-H "$header"} "$os_url")
	[ "$code" = 200 ] || say "WARNING: OneStop answers $code to $os_path"
	code=$(curl -s -o /dev/null -w '%{http_code}' "$ref_url")
	[ "$code" = 200 ] || say "WARNING: the reference answers $code to $ref_path"
	say "[$label] warm-up $WARMUP each side"
	DURATION=$WARMUP measure "$os_url" "$header"
	DURATION=$WARMUP measure "$ref_url"
	for round in $(seq 1 "$ROUNDS"); do
		measure "$os_url" "$header"
		R[$label,$round,os]=$RESULT
		measure "$ref_url"
		R[$label,$round,ref]=$RESULT
		say "[$label] round $round: OneStop ${R[$label,$round,os]%% *} req/s, reference ${R[$label,$round,ref]%% *} req/s"
	done
	DONE+=("$target|$label|$os_path|$ref_path")
done

row() { # row LABEL ROUND: the table cells of one pair in one round
	local os=(${R[$1,$2,os]}) ref=(${R[$1,$2,ref]})
	local ratio
	ratio=$(awk -v a="${os[0]}" -v b="${ref[0]}" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}')
	printf '%s | %.0f | %s | %s | %s | %.0f | %s | %s | %s | **%s**' "${os[4]}" "${os[0]}" "${os[1]}" "${os[2]}" "${os[3]}" \
		"${ref[0]}" "${ref[1]}" "${ref[2]}" "${ref[3]}" "$ratio" | cut -d'|' -f2-
}

report() {
	local cmd="wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency"
	echo "Like for like, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, OneStop $(basename "$JAR") and the reference on one"
	echo "fresh database; each side \`$cmd\` after $WARMUP of warm-up, alternating; round $ROUNDS of $ROUNDS."
	echo "Latencies in ms; errors = non-2xx/3xx + socket errors."
	echo
	echo "| target | OneStop endpoint | OneStop req/s | p50 | p99 | errors | reference | ref req/s | p50 | p99 | errors | ratio |"
	echo "|---|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|"
	local entry target label os_path ref_path round
	for entry in "${DONE[@]}"; do
		IFS='|' read -r target label os_path ref_path <<<"$entry"
		echo "| $target | \`GET $os_path\` ($label) | $(row "$label" "$ROUNDS" | cut -d'|' -f1-4) | \`GET $ref_path\` | $(row "$label" "$ROUNDS" | cut -d'|' -f5-) |"
	done
	echo
	echo "CPU per request (ms, from /proc/<pid>/stat around round $ROUNDS; PostgreSQL = the backends of $BENCH_DB):"
	echo
	echo "| endpoint | side | OneStop JVM | reference JVM | PostgreSQL | wrk | total |"
	echo "|---|---|---:|---:|---:|---:|---:|"
	for entry in "${DONE[@]}"; do
		IFS='|' read -r target label os_path ref_path <<<"$entry"
		for side in os ref; do
			local v=(${R[$label,$ROUNDS,$side]})
			local path=$os_path name=OneStop
			[ "$side" = ref ] && path=$ref_path name=reference
			echo "| \`$path\` ($label) | $name | ${v[5]} | ${v[6]} | ${v[7]} | ${v[8]} | $(awk -v a="${v[5]}" -v b="${v[6]}" -v c="${v[7]}" -v d="${v[8]}" 'BEGIN {printf "%.3f", a + b + c + d}') |"
		done
	done
	echo
	echo "All rounds (req/s OneStop / reference = ratio; p99 ms OneStop / reference):"
	echo
	printf '| endpoint |'
	for round in $(seq 1 "$ROUNDS"); do printf ' round %s |' "$round"; done
	echo
	printf '|---|'
	for round in $(seq 1 "$ROUNDS"); do printf -- '---|'; done
	echo
	for entry in "${DONE[@]}"; do
		IFS='|' read -r target label os_path ref_path <<<"$entry"
		printf '| `%s` vs `%s` |' "$os_path" "$ref_path"
		for round in $(seq 1 "$ROUNDS"); do
			local os=(${R[$label,$round,os]}) ref=(${R[$label,$round,ref]})
			printf ' %.0f / %.0f = %s; p99 %s / %s |' "${os[0]}" "${ref[0]}" \
				"$(awk -v a="${os[0]}" -v b="${ref[0]}" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}')" "${os[2]}" "${ref[2]}"
		done
		echo
	done
}

mkdir -p target
report | tee target/speed-bench.md

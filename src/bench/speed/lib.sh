# Both sides get the same pool: OneStop's default (20) unless POOL says otherwise (a shared server with
# max_connections 100 may need 10).
POOL=${POOL:-20}

# Shared by run.sh and profile.sh (sourced, not run): starting the two applications on one fresh database, signing a
# demo citizen in, and reading what wrk and /proc say. Expects PGHOST, PGPORT, PGUSER, BENCH_DB, DATA_DIR set.
say() { echo "$(basename "$0"): $*" >&2; }

CLK_TCK=$(getconf CLK_TCK)
PIDS_TO_STOP=()

stop_all() {
	local pid
	for pid in "${PIDS_TO_STOP[@]}"; do
		if kill -0 "$pid" 2>/dev/null; then
			kill "$pid" 2>/dev/null || true
			wait "$pid" 2>/dev/null || true
		fi
	done
	PIDS_TO_STOP=()
}

fresh_database() {
	say "creating a fresh database $BENCH_DB"
	psql -d postgres -Xq -c "DROP DATABASE IF EXISTS \"$BENCH_DB\" WITH (FORCE)" -c "CREATE DATABASE \"$BENCH_DB\""
}

drop_database() {
	psql -d postgres -Xq -c "DROP DATABASE IF EXISTS \"$BENCH_DB\" WITH (FORCE)" 2>/dev/null || true
}

# wait_healthy URL PID LOG: until URL answers 2xx, or the process dies, or 600 s pass.
wait_healthy() {
	local url=$1 pid=$2 log=$3
	for _ in $(seq 1 600); do
		curl -fs -o /dev/null "$url" && return 0
		kill -0 "$pid" 2>/dev/null || { say "process $pid stopped; last lines of $log:"; tail -30 "$log" >&2; exit 1; }
		sleep 1
	done
	say "$url did not answer within 600 s"
	exit 1
}

# start_onestop PORT [JVM options...]: OneStop's jar on the external database, the demo city loaded, no demo history.
start_onestop() {
	local port=$1
	shift
	say "starting OneStop ($JAR) on port $port (log: $DATA_DIR/onestop.log)"
	ONESTOP_DATA_DIR=$DATA_DIR ONESTOP_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" ONESTOP_DB_USER=$PGUSER \
		java "$@" -jar "$JAR" --server.port="$port" --onestop.demo.history.enabled=false --onestop.db.pool-size="$POOL" \
		>>"$DATA_DIR/onestop.log" 2>&1 &
	ONESTOP_PID=$!
	PIDS_TO_STOP+=("$ONESTOP_PID")
	wait_healthy "http://127.0.0.1:$port/actuator/health" "$ONESTOP_PID" "$DATA_DIR/onestop.log"
}

# start_reference PORT: the plain Spring Boot reference on the same database.
start_reference() {
	local port=$1
	say "starting the reference ($REFERENCE_JAR) on port $port (log: $DATA_DIR/reference.log)"
	REFERENCE_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" REFERENCE_DB_USER=$PGUSER REFERENCE_PORT=$port \
		java -jar "$REFERENCE_JAR" --spring.datasource.hikari.maximum-pool-size="$POOL" >>"$DATA_DIR/reference.log" 2>&1 &
	REFERENCE_PID=$!
	PIDS_TO_STOP+=("$REFERENCE_PID")
	wait_healthy "http://127.0.0.1:$port/ping" "$REFERENCE_PID" "$DATA_DIR/reference.log"
}

# sign_in PORT USERNAME PASSWORD: prints a bearer token.
sign_in() {
	local body token
	body=$(curl -fsS -H 'Content-Type: application/json' \
		-d "{\"username\":\"$2\",\"password\":\"$3\"}" "http://127.0.0.1:$1/api/v1/auth/login")
	token=$(sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p' <<<"$body")
	[ -n "$token" ] || { say "sign-in of $2 gave no token: $body"; exit 1; }
	echo "$token"
}

# cpu_ticks PID...: user + system clock ticks of these processes so far (gone ones count 0).
cpu_ticks() {
	local sum=0 pid stat
	for pid in "$@"; do
		stat=$(cat "/proc/$pid/stat" 2>/dev/null) || continue
		# Fields after the command name (which may hold spaces): 14 utime, 15 stime are $12, $13 here.
		stat=${stat##*) }
		sum=$((sum + $(awk '{print $12 + $13}' <<<"$stat")))
	done
	echo "$sum"
}

# children_ticks: user + system ticks of this shell's waited-for children (wrk runs as one).
children_ticks() {
	local stat
	stat=$(cat "/proc/$$/stat")
	stat=${stat##*) }
	awk '{print $14 + $15}' <<<"$stat"
}

# The PostgreSQL backends serving the benchmark database (other databases' work on the shared server is left out).
postgres_pids() {
	# A busy shared server may refuse one more client: then PostgreSQL's column stays 0 rather than the run failing.
	psql -d postgres -XAtq -c "SELECT pid FROM pg_stat_activity WHERE datname = '$BENCH_DB'" 2>/dev/null | tr '\n' ' ' || true
}

# to_ms VALUE: wrk's latency (us, ms, s) in milliseconds.
to_ms() {
	awk -v v="$1" 'BEGIN {
		n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
		if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000;
		printf "%.2f", n }'
}

# percent_encode TEXT: a URL path and query with non-ASCII bytes percent-encoded (wrk sends the bytes as given).
percent_encode() {
	python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe="/?=&:%"))' "$1"
}

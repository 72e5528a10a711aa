#!/usr/bin/env bash
# Catalog reads (issue 18, target 1): wrk against the public catalog endpoints of one or
# more running servers, endpoint by endpoint and server after server, so that the servers
# compared share the machine's noise. Prints one table row per endpoint: req/s per server.
#
#   src/bench/catalog/reads.sh http://127.0.0.1:18310 http://127.0.0.1:18311
#
# DURATION (5s), CONNECTIONS (64), THREADS (2), ROUNDS (2; the last is reported, the ones
# before warm up).
set -euo pipefail
DURATION=${DURATION:-5s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
ROUNDS=${ROUNDS:-2}
Q=%E8%BA%AB%E4%BB%BD%E8%AF%81 # 身份证
PATHS=("/api/v1/services?size=20" "/api/v1/services?q=$Q" "/services/PS-ID-001" "/search?q=$Q"
	"/life-events/baby" "/")
[ $# -ge 1 ] || { echo "usage: $0 BASE_URL..." >&2; exit 2; }
rate() {
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" "$1" | awk '/Requests\/sec/ {printf "%.0f", $2} /Non-2xx/ {printf " (non-2xx %s)", $NF}'
}
printf '| endpoint |'; for base in "$@"; do printf ' %s |' "$base"; done; echo
printf '|---|'; for _ in "$@"; do printf -- '---:|'; done; echo
for path in "${PATHS[@]}"; do
	for base in "$@"; do
		status=$(curl -s -o /dev/null -w '%{http_code}' "$base$path")
		[ "$status" = 200 ] || { echo "$base$path answered $status" >&2; exit 1; }
	done
	row="| \`GET $path\` |"
	for base in "$@"; do
		for ((r = 1; r < ROUNDS; r++)); do rate "$base$path" >/dev/null; done
		row="$row $(rate "$base$path") |"
	done
	echo "$row"
done

#!/usr/bin/env bash
# The figures benchmark's history (issue 17): the demo history generator (src/main/resources/demo/history/history.sql)
# at a large scale, in one transaction, against a database OneStop has migrated (start the jar on it once first, as
# run.sh does). Deterministic: the same settings give the same rows. Refuses to run twice on one database.
#
#   src/bench/figures/generate.sh [DB_URL]
#
# DB_URL: a libpq URL, default postgresql://postgres@127.0.0.1:5432/figures_bench. Scale with the environment:
# APPLICATIONS (1000000), TICKETS (3000000), CONVERSATIONS (2000000), RATINGS (5000000), TODAY (the city's today,
# default today in Asia/Shanghai).
set -euo pipefail
cd "$(dirname "$0")/../../.."
DB_URL=${1:-postgresql://postgres@127.0.0.1:5432/figures_bench}
APPLICATIONS=${APPLICATIONS:-1000000}
TICKETS=${TICKETS:-3000000}
CONVERSATIONS=${CONVERSATIONS:-2000000}
RATINGS=${RATINGS:-5000000}
TODAY=${TODAY:-$(TZ=Asia/Shanghai date +%F)}
SQL=src/main/resources/demo/history/history.sql

if [ "$(psql "$DB_URL" -XAtq -c "SELECT to_regclass('rating') IS NOT NULL AND to_regclass('application') IS NOT NULL")" != t ]; then
	echo "generate.sh: $DB_URL is not migrated by OneStop (start the jar on it once first)" >&2
	exit 2
fi
if [ "$(psql "$DB_URL" -XAtq -c "SELECT EXISTS (SELECT 1 FROM application WHERE id = '17a00000-0000-4000-8000-000000000001')")" = t ]; then
	echo "generate.sh: $DB_URL already holds the generated history; drop the database to start again" >&2
	exit 3
fi

echo "generate.sh: $APPLICATIONS applications, $TICKETS tickets, $CONVERSATIONS conversations, ~$RATINGS ratings, today $TODAY"
start=$(date +%s)
{
	echo "SET maintenance_work_mem = '512MB';"
	echo "SET work_mem = '256MB';"
	echo "CREATE TEMP TABLE history_settings ON COMMIT DROP AS SELECT $APPLICATIONS::int AS applications, $TICKETS::int AS tickets,"
	echo "  $CONVERSATIONS::int AS conversations, $RATINGS::int AS ratings, DATE '$TODAY' AS today, 'Asia/Shanghai'::text AS zone;"
	echo "\\timing on"
	cat "$SQL"
} | psql "$DB_URL" -X -q -1 -v ON_ERROR_STOP=1 | grep -E '^Time' | awk '{ s = s " " $2 } END { print "generate.sh: statement times (ms):" s }'
took=$(( $(date +%s) - start ))
echo "generate.sh: generated in ${took} s; analysing"
psql "$DB_URL" -XAtq -c "ANALYZE"
psql "$DB_URL" -XA -F ' ' -c "
SELECT 'applications', count(*) FROM application UNION ALL SELECT 'application_trip', count(*) FROM application_trip
UNION ALL SELECT 'queue_ticket', count(*) FROM queue_ticket UNION ALL SELECT 'appointment', count(*) FROM appointment
UNION ALL SELECT 'assistant_conversation', count(*) FROM assistant_conversation
UNION ALL SELECT 'rating_invitation', count(*) FROM rating_invitation UNION ALL SELECT 'rating', count(*) FROM rating
UNION ALL SELECT 'rating_cause', count(*) FROM rating_cause UNION ALL SELECT 'follow_up', count(*) FROM follow_up" | sed 's/^/generate.sh: rows: /'
echo "generate.sh: total $(( $(date +%s) - start )) s"

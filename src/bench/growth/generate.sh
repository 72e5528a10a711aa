#!/usr/bin/env bash
# Grows a OneStop database to the size of target 6 of issue 18: 1,000,000 applications, 10,000,000 sealed
# audit entries (a valid keyed chain), 100,000 open staff tasks and 1,000,000 appointments.
# Needs the database migrated and one real submission in review (run.sh does both: it starts the jar once and
# submits through the API), and no OneStop node running on it while the audit chain is appended.
#   src/bench/growth/generate.sh [database]    (default growth_bench; ONESTOP_AUDIT_KEY must be the jar's key)
set -euo pipefail
cd "$(dirname "$0")/../../.."
db=${1:-growth_bench}
key=${ONESTOP_AUDIT_KEY:?the audit key the jar runs with}
driver=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)
start=$(date +%s)
psql -h 127.0.0.1 -U postgres -d "$db" -q -f src/bench/growth/generate.sql
echo "== tables: $(( $(date +%s) - start )) s"
t=$(date +%s)
java -cp "$driver" src/bench/growth/AuditChain.java "jdbc:postgresql://127.0.0.1:5432/$db" "$key" 10000000
psql -h 127.0.0.1 -U postgres -d "$db" -qc "ANALYZE audit_entry"
echo "== audit chain: $(( $(date +%s) - t )) s; total $(( $(date +%s) - start )) s"

#!/usr/bin/env bash
# Delivery throughput of the notification dispatcher against a stand-in of Aliyun's SMS API, with the provider's own
# limit measured beside it in the same run; then the crash and outage drills (kill -9 of a node mid-batch, a provider
# outage): nothing lost, nothing sent twice.
#
#   src/bench/outbox-throughput.sh            # N=5000 texts, provider latency 0 ms and 20 ms
#   N=20000 LATENCIES="0" src/bench/outbox-throughput.sh
#
# Needs: the packaged jar (mvn -DskipTests package), the local PostgreSQL on 127.0.0.1:5432, python3, wrk, curl.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${N:-5000}
LATENCIES=${LATENCIES:-"0 20"}
PORT_A=${PORT_A:-18181}
PORT_B=${PORT_B:-18182}
STUB=${STUB:-18089}
DB=onestop_bench_outbox
JAR=${JAR:-$(ls target/onestop-*.jar | head -1)}
WORK=$(mktemp -d)
PSQL="psql -q -t -A -h 127.0.0.1 -U postgres"
pids=()
trap 'kill -9 "${pids[@]}" 2>/dev/null || true; rm -rf "$WORK"' EXIT

stub() { # latency-ms
  python3 src/bench/sms/aliyun_stub.py --port "$STUB" --latency-ms "$1" \
    --receipts "http://127.0.0.1:$PORT_A/api/v1/notifications/receipts/aliyun?token=bench,http://127.0.0.1:$PORT_B/api/v1/notifications/receipts/aliyun?token=bench" \
    > "$WORK/stub.log" 2>&1 &
  STUB_PID=$!; pids+=("$STUB_PID"); sleep 1
}

node() { # port name -> starts a OneStop node on the bench database
  ONESTOP_DATA_DIR="$WORK/$2" SERVER_PORT=$1 ONESTOP_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
  ONESTOP_DB_USER=postgres ONESTOP_SMS_PROVIDER=aliyun ONESTOP_SMS_ALIYUN_ENDPOINT="http://127.0.0.1:$STUB" \
  ONESTOP_SMS_ALIYUN_ACCESS_KEY_ID=bench ONESTOP_SMS_ALIYUN_ACCESS_KEY_SECRET=bench ONESTOP_SMS_RECEIPT_TOKEN=bench \
    java -Xmx1g -jar "$JAR" --onestop.notification.dispatch.poll-interval=PT0.2S \
      --onestop.notification.dispatch.lease=PT10S --onestop.notification.sms.daily-limit=1000000 \
      > "$WORK/$2.log" 2>&1 &
  NODE_PID=$!; pids+=("$NODE_PID")
  for _ in $(seq 1 180); do
    curl -sf "http://127.0.0.1:$1/actuator/health/readiness" > /dev/null && return 0; sleep 1
  done
  echo "node $2 did not start"; tail -50 "$WORK/$2.log"; exit 1
}

fresh_db() {
  $PSQL -d test -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
}

enqueue() { # count: texts written straight into the outbox, as Inbox.send would have left them
  $PSQL -d $DB -c "
    INSERT INTO notification_outbox (id, template, channel, address, language, body, provider_template_code,
        parameters, status, next_attempt_at, created_at, updated_at)
    SELECT gen_random_uuid(), 'queue.notice.three-away', 'SMS', '139' || lpad(i::text, 8, '0'), 'zh',
        '【OneStop】您的号码 A' || i || ' 前面还有不到三位，请到东城区政务服务中心等候叫号。', 'SMS_BENCH',
        jsonb_build_object('ticket', 'A' || i, 'hall', '东城区政务服务中心'), 'CREATED', now(), now(), now()
    FROM generate_series(1, $1) i"
}

waiting() {
  $PSQL -d $DB -c "SELECT count(*) FROM notification_outbox WHERE channel = 'SMS' AND (status IN ('CREATED',
      'TEMPORARY_FAILURE') OR (status = 'SENDING' AND provider_ref IS NULL))"
}

drain() { # -> seconds until nothing is waiting
  local start end
  start=$(date +%s.%N)
  while [ "$(waiting)" != "0" ]; do sleep 0.1; done
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

stats() { curl -s "http://127.0.0.1:$STUB/__stats"; }

statuses() {
  $PSQL -d $DB -c "SELECT status || '=' || count(*) FROM notification_outbox WHERE channel = 'SMS' GROUP BY status
      ORDER BY 1" | tr '\n' ' '
}

echo "# Outbox throughput, N=$N texts per run, $(date -u +%FT%TZ), $(nproc) cores"
for latency in $LATENCIES; do
  fresh_db
  stub "$latency"
  node "$PORT_A" a
  # The provider's own limit with the same stub: SendSms as fast as wrk can ask (64 connections, unique OutIds).
  cat > "$WORK/send.lua" <<'LUA'
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "/?Action=SendSms&PhoneNumbers=13800000000&SignName=OneStop&TemplateCode=SMS_BENCH&OutId=ref-" .. counter .. "-" .. math.random(1e9))
end
LUA
  ref=$(wrk -t2 -c64 -d10s -s "$WORK/send.lua" "http://127.0.0.1:$STUB" | awk '/Requests\/sec/ {print $2}')
  curl -s "http://127.0.0.1:$STUB/__reset" > /dev/null
  enqueue "$N"
  secs=$(drain)
  rate=$(echo "$N / $secs" | bc -l)
  sleep 2
  echo "latency ${latency} ms: dispatcher $(printf %.0f "$rate") texts/s ($N in $(printf %.1f "$secs") s);" \
       "stub alone (wrk -c64) $(printf %.0f "$ref") req/s; ratio $(printf %.2f "$(echo "$rate / $ref" | bc -l)");" \
       "stub: $(stats); rows: $(statuses)"
  kill -9 "$NODE_PID" "$STUB_PID" 2>/dev/null || true
  sleep 1
done

echo "# Crash drill: kill -9 node A mid-batch, node B finishes (lease PT10S), then a 15 s provider outage"
fresh_db
stub 5
node "$PORT_A" a
A_PID=$NODE_PID
enqueue "$N"
while [ "$(waiting)" -gt $((N * 2 / 3)) ]; do sleep 0.05; done
kill -9 "$A_PID"
echo "killed node A with $(waiting) of $N waiting; rows: $(statuses)"
node "$PORT_B" b
secs=$(drain)
echo "node B drained in $(printf %.1f "$secs") s; stub: $(stats); rows: $(statuses)"
curl -s "http://127.0.0.1:$STUB/__outage?on=1" > /dev/null
enqueue 500
sleep 15
echo "during the outage: rows: $(statuses)"
curl -s "http://127.0.0.1:$STUB/__outage?on=0" > /dev/null
secs=$(drain)
echo "after the outage: drained in $(printf %.1f "$secs") s; stub: $(stats); rows: $(statuses)"

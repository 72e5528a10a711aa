#!/usr/bin/env bash
# Latency of the assistant's answers (Answers.answer) in-process over the evaluation questions: starts the
# application in the benchmark's JVM on its embedded PostgreSQL (fresh data folder), like InProcessSubmissions.
# Usage: scripts/bench-assistant.sh [warm-up rounds=20] [measured rounds=50]
set -euo pipefail
cd "$(dirname "$0")/.."
warmup=${1:-20}
rounds=${2:-50}

mvn -B -q compile
mvn -B -q -Pbench dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
# Compiled apart from src/test: component scanning would otherwise pick up the tests' configuration.
rm -rf target/bench-assistant-classes
javac -proc:none -d target/bench-assistant-classes -cp "target/classes:$(cat target/bench.classpath)" \
  src/bench/java/org/onestop/assistant/AnswerLatency.java
echo "== Answers.answer in-process — $(uptime)"
java -cp "target/bench-assistant-classes:target/classes:$(cat target/bench.classpath)" org.onestop.assistant.AnswerLatency \
  src/test/resources/assistant/evaluation.tsv "$warmup" "$rounds"

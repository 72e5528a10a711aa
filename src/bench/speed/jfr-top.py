#!/usr/bin/env python3
"""Top frames of a JFR recording's execution samples: self (the sampled leaf method) and total (every method on the
stack, counted once per sample), as shares of all samples. Usage: jfr-top.py recording.jfr [N]. Reads the samples
through `jfr print --json` with full stacks (the recording must be made with a deep enough stackdepth)."""
import collections
import json
import subprocess
import sys

recording = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 15
text = subprocess.run(["jfr", "print", "--json", "--stack-depth", "4096", "--events", "jdk.ExecutionSample",
                       recording], check=True, capture_output=True, text=True).stdout
events = json.loads(text)["recording"]["events"]


def name(frame):
    method = frame["method"]
    return method["type"]["name"] + "." + method["name"]


self_counts, total_counts = collections.Counter(), collections.Counter()
samples = 0
for event in events:
    frames = (event["values"].get("stackTrace") or {}).get("frames") or []
    if not frames:
        continue
    samples += 1
    self_counts[name(frames[0])] += 1
    for method in {name(f) for f in frames}:
        total_counts[method] += 1


def table(title, counts, keep=lambda n: True):
    print(f"\n{title}\n\n| share | samples | frame |\n|---:|---:|---|")
    for method, n in [(m, c) for m, c in counts.most_common() if keep(c)][:top]:
        print(f"| {100 * n / samples:.1f} % | {n} | `{method}` |")


print(f"{samples} execution samples in {recording}")
table(f"Top {top} self frames (where the CPU was when sampled):", self_counts)
# Thread.run, Tomcat's socket loop and the servlet entry sit under every request: shown once, then left out.
table(f"Top {top} total frames (on the stack), leaving out those under more than 90 % of samples:", total_counts,
      lambda n: n <= 0.9 * samples)

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


# What each stage of a request costs by itself: a sample goes to the innermost filter (or the dispatcher servlet) on
# its stack, so that a filter's share is its own work, not the work of the filters and handler it wraps.
CHAIN = ("ApplicationFilterChain", "VirtualFilterChain", "CompositeFilter", "DelegatingFilterProxy",
         "OncePerRequestFilter", "CompositeFilterChainProxy", "HandlerMappingIntrospector")


def stage(frames):
    for f in frames:
        t, m = f["method"]["type"]["name"], f["method"]["name"]
        if t.endswith("DispatcherServlet") and m in ("doDispatch", "doService"):
            return "DispatcherServlet: handler mapping, controller, view, message conversion"
        if m.startswith("doFilter") and "Filter" in t and not any(c in t for c in CHAIN):
            return t.replace("/", ".")
    return "outside the filter chain (Tomcat, socket I/O, JIT, GC, other threads)"


self_counts, total_counts, stage_counts = collections.Counter(), collections.Counter(), collections.Counter()
samples = 0
for event in events:
    frames = (event["values"].get("stackTrace") or {}).get("frames") or []
    if not frames:
        continue
    samples += 1
    self_counts[name(frames[0])] += 1
    stage_counts[stage(frames)] += 1
    for method in {name(f) for f in frames}:
        total_counts[method] += 1


def table(title, counts, keep=lambda n: True):
    print(f"\n{title}\n\n| share | samples | frame |\n|---:|---:|---|")
    for method, n in [(m, c) for m, c in counts.most_common() if keep(c)][:top]:
        print(f"| {100 * n / samples:.1f} % | {n} | `{method}` |")


print(f"{samples} execution samples in {recording}")
table("Own cost of each stage (innermost filter or the dispatcher on the stack):", stage_counts)
table(f"Top {top} self frames (where the CPU was when sampled):", self_counts)
# Tomcat's loop and valves and the generic filter plumbing sit under every request and say nothing about what a
# request pays for: left out, so that the filters, observations, handlers and templates show.
PLUMBING = ("java/lang/Thread.", "java/util/concurrent/ThreadPoolExecutor", "org/apache/tomcat/", "org/apache/coyote/",
            "org/apache/catalina/", "org/springframework/web/filter/OncePerRequestFilter.doFilter",
            "org/springframework/web/filter/DelegatingFilterProxy.", "org/springframework/security/web/FilterChainProxy$VirtualFilterChain.",
            "org/springframework/security/web/ObservationFilterChainDecorator$VirtualFilterChain.",
            "jdk/internal/reflect/", "java/lang/reflect/Method.invoke", "javax/servlet/http/HttpServlet.service",
            "jakarta/servlet/http/HttpServlet.service")
totals = collections.Counter({m: c for m, c in total_counts.items() if not m.startswith(PLUMBING)})
table(f"Top {top} total frames (on the stack; Tomcat and the generic filter-chain plumbing left out):", totals)

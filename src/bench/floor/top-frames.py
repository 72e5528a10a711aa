#!/usr/bin/env python3
"""Top frames of a JFR recording's execution samples, by total (anywhere on the stack) and self (top frame) time.

    jfr print --events jdk.ExecutionSample rec.jfr | src/bench/floor/top-frames.py [N] [FILTER]

Only stacks of Tomcat's request threads (http-nio-*) are counted; FILTER keeps samples whose stack holds it.
Frames are method names without line numbers; a method counts once per sample however deep it recurses."""
import re
import sys
from collections import Counter

top_n = int(sys.argv[1]) if len(sys.argv) > 1 else 40
keep = sys.argv[2] if len(sys.argv) > 2 else None
total, own, samples = Counter(), Counter(), 0
frame = re.compile(r'^\s+([\w.$<>]+)\(.*line:')


def done(thread, frames):
    global samples
    if not thread.startswith('"http-nio') or not frames:
        return
    if keep and not any(keep in f for f in frames):
        return
    samples += 1
    own[frames[0]] += 1
    for f in set(frames):
        total[f] += 1


thread, frames = '', []
for line in sys.stdin:
    if line.startswith('jdk.ExecutionSample'):
        done(thread, frames)
        thread, frames = '', []
    elif 'sampledThread = ' in line:
        thread = line.split('=', 1)[1].strip()
    else:
        m = frame.match(line)
        if m:
            frames.append(m.group(1))
done(thread, frames)
print(f'{samples} samples on request threads')
print('\n## total')
for f, n in total.most_common(top_n):
    print(f'{100 * n / samples:5.1f}%  {f}')
print('\n## self')
for f, n in own.most_common(top_n):
    print(f'{100 * n / samples:5.1f}%  {f}')

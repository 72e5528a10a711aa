#!/usr/bin/env python3
"""How many server-sent event streams one client can hold open (issue 11): opens up to N streams from one address
to a running OneStop, keeps every accepted one open, and reports how many were accepted before the first refusal,
the refusals' statuses, and whether an ordinary page still answers meanwhile.
  scripts/hold-streams.py [BASE_URL=http://127.0.0.1:8080] [N=1000] [PATH=/halls/HALL-CITY/board/events]"""
import socket, sys, time, urllib.parse, collections, http.client

base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080"
n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
path = sys.argv[3] if len(sys.argv) > 3 else "/halls/HALL-CITY/board/events"
u = urllib.parse.urlparse(base)
held, statuses, first_refusal = [], collections.Counter(), None
t0 = time.time()
for i in range(n):
    s = socket.create_connection((u.hostname, u.port), timeout=10)
    s.sendall(f"GET {path} HTTP/1.1\r\nHost: {u.hostname}\r\nAccept: text/event-stream\r\n\r\n".encode())
    try:
        line = s.recv(4096).split(b"\r\n", 1)[0].decode(errors="replace")
        status = int(line.split()[1])
    except Exception as e:
        status = "no answer (%s)" % type(e).__name__
    statuses[status] += 1
    if status == 200:
        held.append(s)
    else:
        first_refusal = first_refusal if first_refusal is not None else i
        s.close()
c = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
t1 = time.time()
c.request("GET", "/")
r = c.getresponse(); r.read()
print(f"{n} stream requests in {t1 - t0:.1f} s: {dict(statuses)}; held open: {len(held)}; "
      f"first refusal at request {first_refusal}; meanwhile GET / → {r.status} in {time.time() - t1:.2f} s")
for s in held:
    s.close()

#!/usr/bin/env python3
"""Prepares a city's day against a running OneStop: citizens, clerks, tokens, conversations, slots, cases.

Everything goes through OneStop's own API, as citizens' apps and staff use it, so the generator's data is the
data the application itself made. Writes one line per item to the output file for cityday.lua:
  citizen <token> <conversation-id>     clerk <token>     case <application-id>     slot <id>
  matter <code>    event <code>    query <url-encoded words>    day <yyyy-mm-dd>
Usage: prepare.py <base-url> <out-file> [citizens=400] [cases=60]
"""
import concurrent.futures
import datetime
import json
import sys
import urllib.error
import urllib.parse
import urllib.request
import uuid

PASSWORD = "demo12345"
HALL = "HALL-CITY"
SERVICE = "PS-ID-001"  # booked at HALL-CITY, as in the flash crowd
SUBMITTED = "CA-ELD-001"  # as in scripts/bench-submissions.sh
# Load-test citizens have no pension record, so the pre-check finds problems: they submit anyway with an
# explanation, which the pre-check allows (a clerk decides), as a citizen whose papers are elsewhere would.
EXPLANATION = "材料在窗口补交 (city-day benchmark)"
CLERKS = ["clerk.civil", "reviewer.civil", "supervisor.civil"]  # CA department: they see CA-ELD-001's tasks
# What people type, in both languages: matter names, everyday words, a misspelling-free mix.
QUERIES = ["身份证", "户口", "社保", "养老", "出生", "结婚", "营业执照", "公积金", "驾驶证", "低保",
           "ID card", "passport", "pension", "birth", "marriage", "business licence", "housing fund", "driving"]
QUESTIONS = ["办身份证要带什么材料？", "养老金怎么申请", "How do I renew my ID card?", "营业执照去哪里办",
             "What documents do I need for a birth registration?", "公积金提取需要多久"]

base = sys.argv[1].rstrip("/")
out = sys.argv[2]
citizens = int(sys.argv[3]) if len(sys.argv) > 3 else 400
cases = int(sys.argv[4]) if len(sys.argv) > 4 else 60


def call(method, path, body=None, token=None, headers=None, expect=(200,)):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    for k, v in (headers or {}).items():
        request.add_header(k, v)
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            status, text = response.status, response.read().decode()
    except urllib.error.HTTPError as e:
        status, text = e.code, e.read().decode(errors="replace")
    if status not in expect:
        raise SystemExit(f"{method} {path}: {status} {text[:300]}")
    return json.loads(text) if text.strip().startswith(("{", "[")) else text


def login(username):
    return call("POST", "/api/v1/auth/login", {"username": username, "password": PASSWORD})["token"]


def pool():
    # BCrypt makes each sign-in cost ~100 ms of server CPU: 8 at once keeps both cores busy without a queue.
    return concurrent.futures.ThreadPoolExecutor(8)


admin = login("admin")
call("POST", "/api/v1/admin/demo/citizens", {"count": citizens}, admin)
names = [f"load.citizen.{i:05d}" for i in range(1, citizens + 1)]
with pool() as p:
    tokens = list(p.map(login, names))
    # One conversation each, started once: the day's assistant traffic is messages into them (a citizen may
    # start only 30 conversations an hour, and starting is not what a day is mostly made of).
    conversations = list(p.map(lambda t: call("POST", "/api/v1/assistant/conversations", None, t,
                                              expect=(201,))["id"], tokens))
clerks = [login(c) for c in CLERKS]

matters = call("GET", "/api/v1/services?size=100")
matters = matters.get("content", matters.get("services", matters.get("items", []))) if isinstance(matters, dict) else matters
matter_codes = [m["code"] for m in matters]
events = call("GET", "/api/v1/life-events")
events = events.get("content", events.get("items", [])) if isinstance(events, dict) else events
event_codes = [e["code"] for e in events]

# Cases in the clerks' inbox: citizens submit the matter the day's submissions use.
with pool() as p:
    list(p.map(lambda i: call("POST", "/api/v1/applications", {"serviceCode": SUBMITTED, "fields": {}, "explanation": EXPLANATION},
                              tokens[i % len(tokens)],
                              {"Idempotency-Key": str(uuid.uuid4())}, expect=(200, 201, 202)), range(cases)))
inbox = call("GET", f"/api/v1/staff/tasks?size={cases}", token=clerks[0])
case_ids = sorted({t["applicationId"] for t in inbox["tasks"] if t.get("applicationId")})

# Bookable days with room: the next three days the hall opens. run.sh gives the places back between steps (SQL on
# the bench database, as the flash crowd does) so that each step's bookings rarely meet a full slot.
slots, days = [], []
day = datetime.date.today()
while len(days) < 3 and day < datetime.date.today() + datetime.timedelta(days=30):
    day += datetime.timedelta(days=1)
    found = call("GET", f"/api/v1/halls/{HALL}/slots?serviceCode={SERVICE}&date={day}")
    found = found.get("slots", found) if isinstance(found, dict) else found
    open_slots = [s for s in found if s.get("remaining", 0) > 0]
    if open_slots:
        days.append(str(day))
        slots += [s["id"] for s in open_slots]

with open(out, "w") as f:
    for t, c in zip(tokens, conversations):
        f.write(f"citizen {t} {c}\n")
    for t in clerks:
        f.write(f"clerk {t}\n")
    f.writelines(f"case {c}\n" for c in case_ids)
    f.writelines(f"slot {s}\n" for s in slots)
    f.writelines(f"matter {m}\n" for m in matter_codes)
    f.writelines(f"event {e}\n" for e in event_codes)
    f.writelines(f"query {urllib.parse.quote(q)}\n" for q in QUERIES)
    f.writelines(f"question {json.dumps({'text': q}, ensure_ascii=False)}\n" for q in QUESTIONS)
    f.writelines(f"day {d}\n" for d in days)
print(f"prepared {len(tokens)} citizens, {len(clerks)} clerks, {len(case_ids)} cases, {len(slots)} slots on "
      f"{', '.join(days)}, {len(matter_codes)} matters, {len(event_codes)} life events", file=sys.stderr)

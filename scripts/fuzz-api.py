#!/usr/bin/env python3
"""Fuzz every API operation of a running OneStop (issue 11): reads the OpenAPI document, then sends N requests with
random, hostile values (NUL and other control characters, bidi overrides, huge and negative numbers, SQL and HTML,
other citizens' ids, malformed JSON) as an anonymous caller, a citizen and an administrator. Counts answers by
status; any 5xx, or a response that is not a problem+json on an error, is listed. Exits 1 on any server error.
  scripts/fuzz-api.py [BASE_URL=http://127.0.0.1:8080] [N=10000] [seed=11]
Only for a throwaway instance: it writes whatever the API lets it write."""
import http.client, json, random, sys, urllib.parse, collections, time

base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080"
n = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 11)
u = urllib.parse.urlparse(base)

def conn():
    return http.client.HTTPConnection(u.hostname, u.port or 80, timeout=60)

def call(c, method, path, body=None, headers=None):
    h = {"Accept": "application/json", "Accept-Language": rnd.choice(["zh-CN", "en"])}
    h.update(headers or {})
    data = None
    if body is not None:
        data = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode("utf-8", "surrogatepass")
        h["Content-Type"] = "application/json"
    c.request(method, path, body=data, headers=h)
    r = c.getresponse()
    return r.status, r.getheader("Content-Type") or "", r.read()

def login(user):
    c = conn()
    s, _, b = call(c, "POST", "/api/v1/auth/login", {"username": user, "password": "demo12345"})
    return json.loads(b)["token"] if s == 200 else None

NASTY = ["\u0000", "a\u0000b", "\u0007\u001b[31m", "\u202e文件.exe", "' OR 1=1 --", "<script>alert(1)</script>",
         "../../etc/passwd", "%00", "\ud800", "9" * 40, "-1", "0", "2147483648", "1e309", "NaN", "", " ", "null",
         "2026-02-30", "99999-01-01", "身份证" * 500, "x" * 10000, "00000000-0000-0000-0000-000000000000",
         "110101199003071233", "11010119900307123X", "HALL-CITY", "PS-ID-001", "CA-ELD-001", "true", "[]", "{}"]

def value(schema, depth=0):
    if rnd.random() < 0.35:
        return rnd.choice(NASTY + [None, 12, -5, 3.5, True, [], {}])
    t = (schema or {}).get("type")
    if "$ref" in (schema or {}):
        return value(components.get(schema["$ref"].split("/")[-1], {}), depth + 1)
    if t == "object" or "properties" in (schema or {}):
        if depth > 4:
            return {}
        return {k: value(v, depth + 1) for k, v in schema.get("properties", {}).items() if rnd.random() < 0.9}
    if t == "array":
        return [value(schema.get("items", {}), depth + 1) for _ in range(rnd.randint(0, 3))]
    if t == "integer":
        return rnd.choice([0, 1, 7, -1, 10**12, 2**31])
    if t == "number":
        return rnd.choice([0.5, -1.0, 1e300])
    if t == "boolean":
        return rnd.choice([True, False])
    if "enum" in (schema or {}):
        return rnd.choice(schema["enum"])
    return rnd.choice(NASTY + ["测试", "test"])

c = conn()
s, _, doc = call(c, "GET", "/v3/api-docs")
api = json.loads(doc)
components = api.get("components", {}).get("schemas", {})
ops = [(m.upper(), p, o) for p, item in api["paths"].items() for m, o in item.items()
       if m in ("get", "post", "put", "patch", "delete") and not p.endswith("/logout")]
tokens = [None, login("li.na"), login("zhao.lei"), login("admin"), login("clerk.civil")]
print(f"{len(ops)} operations, {n} requests, tokens for li.na, zhao.lei, admin, clerk.civil", flush=True)

codes = collections.Counter()
failures = []
t0 = time.time()
for i in range(n):
    method, path, op = rnd.choice(ops)
    real = path
    for prm in op.get("parameters", []):
        if prm.get("in") == "path":
            real = real.replace("{" + prm["name"] + "}", urllib.parse.quote(str(value(prm.get("schema"))), safe="", errors="surrogatepass"))
    q = {prm["name"]: str(value(prm.get("schema"))) for prm in op.get("parameters", [])
         if prm.get("in") == "query" and rnd.random() < 0.8}
    if q:
        real += "?" + urllib.parse.urlencode(q, encoding="utf-8", errors="surrogatepass")
    headers = {}
    tok = rnd.choice(tokens)
    if tok:
        headers["Authorization"] = "Bearer " + tok
    if method in ("POST", "PUT", "PATCH"):
        headers["Idempotency-Key"] = "fuzz-%d" % rnd.randint(0, 50)
    body = None
    if "requestBody" in op:
        content = op["requestBody"].get("content", {})
        if "application/json" in content and rnd.random() < 0.9:
            body = value(content["application/json"].get("schema", {}))
        else:
            body = rnd.choice([b"{", b"\x00\x01", b"[1,2", b'{"a":"\\u0000"}', "{}".encode()])
    try:
        st, ctype, payload = call(c, method, real, body, headers)
    except Exception as e:  # connection dropped: count as a failure and reconnect
        failures.append((method, real[:120], "exception " + repr(e)[:80]))
        c = conn()
        continue
    codes[st] += 1
    if st >= 500 or (st >= 400 and st not in (404, 405) and "problem+json" not in ctype and "json" in ctype):
        failures.append((method, real[:120], st, payload[:160]))
print(f"done in {time.time() - t0:.0f} s; statuses: {dict(sorted(codes.items()))}")
server_errors = [f for f in failures if len(f) > 2 and (isinstance(f[2], str) or f[2] >= 500)]
print(f"server errors or dropped connections: {len(server_errors)}")
for f in failures[:40]:
    print("  ", f)
sys.exit(1 if server_errors else 0)

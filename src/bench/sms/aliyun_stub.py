#!/usr/bin/env python3
"""A stand-in for Aliyun's SMS API (Dysmsapi 2017-05-25) for benchmarks and crash drills, not for tests
(the test suite stubs the provider with WireMock).

It answers SendSms and QuerySendDetails the way Aliyun does, counts how many times each OutId (OneStop's
idempotency key) was sent, and can push delivery receipts back to OneStop in Aliyun's report format.
Real Aliyun would send a text twice if asked twice; this stub does not deduplicate either, it only counts,
so a duplicate shows up in /__stats.

  python3 aliyun_stub.py --port 18089 [--latency-ms 20] [--receipts URL]

Control:  GET /__stats            -> {"sends": n, "distinct": n, "duplicates": n, "receipts_pushed": n}
          GET /__reset            -> forget every send (after the reference run)
          GET /__outage?on=1|0    -> answer HTTP 503 to every SendSms while on
"""
import argparse, json, os, threading, time, uuid, urllib.request, urllib.parse
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler

# Aliyun keeps Beijing time: send dates (QuerySendDetails) are days in UTC+8.
os.environ["TZ"] = "Asia/Shanghai"
time.tzset()

lock = threading.Lock()
sent = {}          # OutId -> (count, BizId, phone, day)
pending = []       # receipts to push
state = {"outage": False, "pushed": 0}


def send_sms(p):
    out_id = p.get("OutId", "")
    phone = p.get("PhoneNumbers", "")
    if not phone or not phone.isdigit() or len(phone) != 11:
        return {"Code": "isv.MOBILE_NUMBER_ILLEGAL", "Message": "非法手机号", "RequestId": str(uuid.uuid4())}
    with lock:
        count, biz, _, _ = sent.get(out_id, (0, None, None, None))
        biz = "%d^%s" % (int(time.time() * 1000), uuid.uuid4().hex[:10])
        sent[out_id] = (count + 1, biz, phone, time.strftime("%Y%m%d"))
        pending.append({"phone_number": phone, "send_time": time.strftime("%Y-%m-%d %H:%M:%S"),
                        "report_time": time.strftime("%Y-%m-%d %H:%M:%S"), "success": True, "err_code": "DELIVERED",
                        "err_msg": "用户接收成功", "sms_size": "1", "biz_id": biz, "out_id": out_id})
    return {"Code": "OK", "Message": "OK", "BizId": biz, "RequestId": str(uuid.uuid4())}


def query(p):
    phone, day = p.get("PhoneNumber", ""), p.get("SendDate", "")
    with lock:
        found = [{"OutId": k, "PhoneNum": v[2], "SendStatus": 3, "ErrCode": "DELIVERED", "TemplateCode": "",
                  "Content": "", "SendDate": day, "ReceiveDate": day}
                 for k, v in sent.items() if v[2] == phone and v[3] == day]
    return {"Code": "OK", "Message": "OK", "RequestId": str(uuid.uuid4()), "TotalCount": str(len(found)),
            "SmsSendDetailDTOs": {"SmsSendDetailDTO": found}}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes: without this, Nagle's algorithm and the client's delayed ACK add ~40 ms
    # to every answer, and the stub, not OneStop, would be what is measured.
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def answer(self, code, body):
        data = json.dumps(body, ensure_ascii=False).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json;charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def params(self):
        url = urllib.parse.urlparse(self.path)
        p = dict(urllib.parse.parse_qsl(url.query))
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            p.update(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
        return url.path, p

    def do_GET(self):
        self.handle_any()

    def do_POST(self):
        self.handle_any()

    def handle_any(self):
        path, p = self.params()
        if path == "/__stats":
            with lock:
                counts = [v[0] for v in sent.values()]
            return self.answer(200, {"sends": sum(counts), "distinct": len(counts),
                                     "duplicates": sum(c - 1 for c in counts), "receipts_pushed": state["pushed"]})
        if path == "/__reset":
            with lock:
                sent.clear()
                pending.clear()
            return self.answer(200, {"reset": True})
        if path == "/__outage":
            state["outage"] = p.get("on") == "1"
            return self.answer(200, {"outage": state["outage"]})
        if latency:
            time.sleep(latency)
        action = p.get("Action")
        if action == "SendSms":
            if state["outage"]:
                return self.answer(503, {"Code": "ServiceUnavailable", "Message": "outage drill"})
            return self.answer(200, send_sms(p))
        if action == "QuerySendDetails":
            return self.answer(200, query(p))
        return self.answer(400, {"Code": "InvalidAction", "Message": str(action)})


def push_receipts(urls):
    """Pushes receipts to the first OneStop node that takes them (several nodes: comma-separated URLs)."""
    while True:
        time.sleep(0.5)
        with lock:
            batch, pending[:] = pending[:200], pending[200:]
        if not batch:
            continue
        for url in urls.split(","):
            req = urllib.request.Request(url, data=json.dumps(batch).encode(), method="POST",
                                         headers={"Content-Type": "application/json"})
            try:
                urllib.request.urlopen(req, timeout=10).read()
                state["pushed"] += len(batch)
                break
            except Exception:
                continue
        else:
            with lock:
                pending[:0] = batch   # no node took them: keep them, as Aliyun retries its pushes


if __name__ == "__main__":
    a = argparse.ArgumentParser()
    a.add_argument("--port", type=int, default=18089)
    a.add_argument("--latency-ms", type=float, default=0)
    a.add_argument("--receipts")
    args = a.parse_args()
    latency = args.latency_ms / 1000
    if args.receipts:
        threading.Thread(target=push_receipts, args=(args.receipts,), daemon=True).start()
    class Server(ThreadingHTTPServer):
        daemon_threads = True

        def handle_error(self, request, client_address):
            pass  # a client that hangs up (wrk at the end of its run) is not news

    Server(("127.0.0.1", args.port), Handler).serve_forever()

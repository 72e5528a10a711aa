#!/usr/bin/env python3
"""Measures what OneStop answers while its database is cut, and how soon it recovers (issue 11).

Starts a PostgreSQL of its own (the embedded binaries, in a temporary folder), a TCP proxy in front of it, and the
OneStop jar on ONESTOP_DB_URL through the proxy. Four clients keep asking (an API endpoint, a page, a bearer-token
request, the health endpoint) while the proxy
  1. refuses connections for 20 s (the database is gone: connection refused, open connections reset), then
  2. black-holes them for 45 s (the network swallows everything: accepted, never forwarded),
with the database back in between and after. Prints, per phase and endpoint, the answers (status counts) and
times, and the time from each restore to the first successful answer.

Usage: scripts/measure-db-outage.py [--refuse 20] [--blackhole 45] [--port 18090]
Needs the jar (mvn -q -B package -DskipTests) and the embedded binaries (any test run leaves them in
target/test-data/pg-bin; or set PG_BIN to a PostgreSQL bin folder).
"""
import argparse
import glob
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Proxy:
    """A TCP proxy that can forward, refuse or black-hole."""

    def __init__(self, target_port):
        self.target = ("127.0.0.1", target_port)
        self.mode = "forward"
        self.open = []
        self.lock = threading.Lock()
        self.server = None
        self.port = free_port()
        self._listen()

    def _listen(self):
        server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", self.port))
        server.listen(512)
        self.server = server
        threading.Thread(target=self._accept, args=(server,), daemon=True).start()

    def _accept(self, server):
        while True:
            try:
                client, _ = server.accept()
            except OSError:
                return
            with self.lock:
                self.open.append(client)
            if self.mode != "forward":
                continue  # black hole: accepted, then silence
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.open.append(upstream)
            threading.Thread(target=self._pump, args=(client, upstream), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client), daemon=True).start()

    def _pump(self, src, dst):
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                if self.mode == "forward":
                    dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.close()
                except OSError:
                    pass

    def refuse(self):
        self.mode = "refuse"
        self.server.close()
        with self.lock:
            for s in self.open:
                try:
                    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
                    s.close()
                except OSError:
                    pass
            self.open.clear()

    def black_hole(self):
        if self.mode == "refuse":
            self._listen()
        self.mode = "blackhole"

    def restore(self):
        if self.mode == "refuse":
            self._listen()
        self.mode = "forward"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pg_bin():
    if os.environ.get("PG_BIN"):
        return os.environ["PG_BIN"]
    found = glob.glob(os.path.join(ROOT, "target/test-data/pg-bin/*/bin"))
    if not found:
        sys.exit("No PostgreSQL binaries: run any test first, or set PG_BIN")
    return found[0]


def as_postgres(cmd):
    # PostgreSQL refuses to run as root; zonky runs it in a user namespace, and so do we.
    return (["unshare", "-U"] + cmd) if os.geteuid() == 0 else cmd


def request(url, headers=None, timeout=120):
    start = time.monotonic()
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=timeout) as r:
            r.read()
            status = r.status
    except urllib.error.HTTPError as e:
        status = e.code
        retry = e.headers.get("Retry-After")
        e.read()
        return status, time.monotonic() - start, retry
    except Exception as e:  # connection refused by OneStop itself, timeouts
        return type(e).__name__, time.monotonic() - start, None
    return status, time.monotonic() - start, None


def main():
    args = argparse.ArgumentParser()
    args.add_argument("--refuse", type=float, default=20)
    args.add_argument("--blackhole", type=float, default=45)
    args.add_argument("--port", type=int, default=18090)
    opts = args.parse_args()

    jar = [j for j in glob.glob(os.path.join(ROOT, "target/onestop-*.jar")) if "plain" not in j]
    if not jar:
        sys.exit("Build the jar first: mvn -q -B package -DskipTests")
    work = tempfile.mkdtemp(prefix="onestop-outage-")
    data = os.path.join(work, "pg")
    binaries = pg_bin()
    subprocess.run(as_postgres([os.path.join(binaries, "initdb"), "-A", "trust", "-U", "postgres", "-D", data,
                                "-E", "UTF-8"]), check=True, stdout=subprocess.DEVNULL)
    db_port = free_port()
    postgres = subprocess.Popen(as_postgres([os.path.join(binaries, "postgres"), "-D", data, "-p", str(db_port),
                                             "-c", "max_connections=100", "-c", "listen_addresses=127.0.0.1"]),
                                stdout=open(os.path.join(work, "postgres.log"), "w"), stderr=subprocess.STDOUT)
    time.sleep(2)
    proxy = Proxy(db_port)
    env = dict(os.environ, ONESTOP_DATA_DIR=os.path.join(work, "data"),
               ONESTOP_DB_URL=f"jdbc:postgresql://127.0.0.1:{proxy.port}/postgres", ONESTOP_DB_USER="postgres")
    base = f"http://127.0.0.1:{opts.port}"
    app = subprocess.Popen(["java", "-jar", jar[0], f"--server.port={opts.port}"], env=env,
                           stdout=open(os.path.join(work, "onestop.log"), "w"), stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 240
        while request(base + "/actuator/health", timeout=5)[0] != 200:
            if time.monotonic() > deadline or app.poll() is not None:
                sys.exit(f"OneStop did not become healthy; see {work}/onestop.log")
            time.sleep(0.5)

        endpoints = {
            "api /api/v1/halls": (base + "/api/v1/halls", {"Accept-Language": "en"}),
            "page /notices": (base + "/notices", {}),
            "bearer /api/v1/me/notifications": (base + "/api/v1/me/notifications",
                                                {"Authorization": "Bearer measured-" + str(time.time())}),
            "health /actuator/health": (base + "/actuator/health", {}),
        }
        log = []  # (phase, endpoint, sent_at, status, seconds, retry_after)
        phase = {"name": "before", "since": time.monotonic()}
        stop = threading.Event()

        def client(name, url, headers):
            while not stop.is_set():
                sent = time.monotonic()
                current = phase["name"]
                if name.startswith("bearer"):  # a new token each time, so the node's token cache cannot answer
                    headers = {"Authorization": f"Bearer measured-{sent}"}
                status, seconds, retry = request(url, headers)
                log.append((current, name, sent, status, seconds, retry))
                time.sleep(0.25)

        threads = [threading.Thread(target=client, args=(n, u, h), daemon=True) for n, (u, h) in endpoints.items()]
        for t in threads:
            t.start()
        marks = {}

        def enter(name, action=None):
            if action:
                action()
            phase["name"] = name
            marks[name] = time.monotonic()

        time.sleep(5)
        enter("refused", proxy.refuse)
        time.sleep(opts.refuse)
        enter("after refusal", proxy.restore)
        time.sleep(15)
        enter("black hole", proxy.black_hole)
        time.sleep(opts.blackhole)
        enter("after black hole", proxy.restore)
        time.sleep(40)
        stop.set()
        for t in threads:
            t.join(timeout=130)

        report = {}
        for (ph, name, sent, status, seconds, retry) in log:
            r = report.setdefault(ph, {}).setdefault(name, {"statuses": {}, "seconds": [], "retry_after": set()})
            r["statuses"][str(status)] = r["statuses"].get(str(status), 0) + 1
            r["seconds"].append(seconds)
            if retry:
                r["retry_after"].add(retry)
        for ph in ["before", "refused", "after refusal", "black hole", "after black hole"]:
            print(f"== {ph}")
            for name, r in report.get(ph, {}).items():
                s = r["seconds"]
                print(f"  {name:34s} {json.dumps(r['statuses'])}  median {statistics.median(s):.2f} s, "
                      f"max {max(s):.2f} s" + (f", Retry-After {sorted(r['retry_after'])}" if r["retry_after"] else ""))
        for cut, back in [("refused", "after refusal"), ("black hole", "after black hole")]:
            first_503 = min((sent + sec for (ph, n, sent, st, sec, _) in log
                             if ph == cut and st == 503 and n.startswith("api")), default=None)
            down = min((sent + sec for (ph, n, sent, st, sec, _) in log
                        if ph == cut and n.startswith("health") and st == 503), default=None)
            first_ok = min((sent + sec for (ph, n, sent, st, sec, _) in log
                            if ph == back and st == 200 and n.startswith("api")), default=None)
            fmt = lambda t, since: f"{t - since:.1f} s" if t else "never"
            print(f"{cut}: first API 503 {fmt(first_503, marks[cut])} after the cut, health DOWN "
                  f"{fmt(down, marks[cut])} after it; first API 200 {fmt(first_ok, marks[back])} after the restore")
        print(f"(logs in {work})")
    finally:
        app.terminate()
        try:
            app.wait(timeout=60)
        except subprocess.TimeoutExpired:
            app.kill()
        postgres.terminate()
        postgres.wait(timeout=60)
        if os.environ.get("KEEP") is None:
            shutil.rmtree(os.path.join(work, "pg"), ignore_errors=True)


if __name__ == "__main__":
    main()

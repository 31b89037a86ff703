#!/usr/bin/env python3
"""Compares first-view loads of built sites, in alternating order.

    python3 scripts/compare-loads.py [--loads 21] [--page SLUG.html] NAME=DIR NAME=DIR ...

Each DIR is a built site (`dist/`, a copy of an older build, or the bench's
static page in `target/bench/static`). Every round loads the page once from
each site, in alternating order, in one headless Chromium with its cache,
storage and service workers cleared before each load; the first round is not
counted. Prints the median first contentful paint, article text on screen
and interactive time of each site, read in the page by the same script as
`make bench` (`LOAD_JS` in crates/cli/benches/site.rs).

Page figures on a shared machine drift by 10% between runs, more than most
changes move them; loads of two builds alternated in one run drift together,
so the difference between their medians is the change's own.
Needs `chromium` and `chromedriver` (`scripts/setup.sh test` installs them).
"""
import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = "russia-offers-to-mediate-kashmir.html"


def load_js():
    bench = open(os.path.join(ROOT, "crates", "cli", "benches", "site.rs"), encoding="utf-8").read()
    return bench.split('const LOAD_JS: &str = r#"', 1)[1].split('"#;', 1)[0]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port, what):
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    sys.exit(f"compare-loads: {what} did not start")


class Driver:
    def __init__(self, port):
        self.port = port
        args = ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-gpu", "--disable-component-update", "--no-first-run", "--window-size=1280,900"]
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome",
                                                 "goog:chromeOptions": {"binary": "/usr/bin/chromium", "args": args}}}}
        self.session = self.call("POST", "/session", caps)["sessionId"]
        self.call("POST", f"/session/{self.session}/timeouts", {"script": 120000, "pageLoad": 120000})

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=300) as r:
            return json.load(r)["value"]

    def at(self, path, body=None):
        return self.call("POST", f"/session/{self.session}/{path}", body)

    def run(self, body, args):
        script = ("const done = arguments[arguments.length - 1]; const args = Array.from(arguments).slice(0, -1);\n"
                  f"(async (...args) => {{ {body} }})(...args).then((v) => done({{ ok: v }}), "
                  "(e) => done({ error: String(e && e.stack || e) }));")
        v = self.at("execute/async", {"script": script, "args": args})
        if "error" in v:
            sys.exit(f"compare-loads: in the page: {v['error']}")
        return v["ok"]

    def close(self):
        try:
            self.call("DELETE", f"/session/{self.session}")
        except OSError:
            pass


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--loads", type=int, default=21, help="counted loads of each site (default 21)")
    p.add_argument("--page", default=SEED, help=f"the page to load (default {SEED})")
    p.add_argument("sites", nargs="+", metavar="NAME=DIR")
    a = p.parse_args()
    sites = []
    for spec in a.sites:
        name, sep, folder = spec.partition("=")
        if not sep or not os.path.isfile(os.path.join(folder, a.page)):
            sys.exit(f"compare-loads: {spec}: expected NAME=DIR with DIR/{a.page}")
        # A page without a script (the bench's static page) is interactive at its load event.
        lede = "<script" in open(os.path.join(folder, a.page), encoding="utf-8").read()
        sites.append((name, folder, lede))

    procs = []
    try:
        urls = []
        for _, folder, _ in sites:
            # Port 0: the server binds a free port and names it in its first line.
            server = subprocess.Popen([sys.executable, os.path.join(ROOT, "scripts", "serve.py"), "--dir", folder,
                                       "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                      env={**os.environ, "LEDE_SERVE_QUIET": "1"}, text=True)
            procs.append(server)
            line = server.stdout.readline()
            if "http://127.0.0.1:" not in line:
                sys.exit(f"compare-loads: the server for {folder} did not start ({line!r})")
            urls.append("http://127.0.0.1:" + line.split("http://127.0.0.1:")[1].split("/")[0])
        dport = free_port()
        procs.append(subprocess.Popen(["chromedriver", f"--port={dport}"], stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL))
        wait_for(dport, "chromedriver")
        d = Driver(dport)
        figures = {name: {"fcp": [], "text": [], "interactive": []} for name, _, _ in sites}
        script = load_js()
        try:
            for round_ in range(a.loads + 1):
                order = list(zip(sites, urls))
                if round_ % 2:
                    order.reverse()
                for (name, _, lede), url in order:
                    d.at("url", {"url": "about:blank"})
                    d.at("goog/cdp/execute", {"cmd": "Network.clearBrowserCache", "params": {}})
                    for u in urls:
                        d.at("goog/cdp/execute", {"cmd": "Storage.clearDataForOrigin",
                                                  "params": {"origin": u, "storageTypes": "all"}})
                    d.at("url", {"url": f"{url}/{a.page}"})
                    m = d.run(script, [lede])
                    if m.get("controlled"):
                        sys.exit("compare-loads: a load was answered by a service worker")
                    if round_ > 0:
                        for k in ("fcp", "text", "interactive"):
                            figures[name][k].append(m[k])
                print(f"round {round_}/{a.loads}", end="\r", file=sys.stderr, flush=True)
        finally:
            d.close()
    finally:
        for pr in procs:
            pr.kill()
    print(f"{a.page}: median of {a.loads} loads each, alternating, from navigation start")
    print(f"  {'site':20s} {'first paint':>12s} {'text':>9s} {'interactive':>12s}")
    for name, _, _ in sites:
        f = figures[name]
        print(f"  {name:20s} {statistics.median(f['fcp']):9.1f} ms {statistics.median(f['text']):6.1f} ms"
              f" {statistics.median(f['interactive']):9.1f} ms")


if __name__ == "__main__":
    main()

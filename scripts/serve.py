#!/usr/bin/env python3
"""Serves a built Lede site on loopback, as a static host would.

    python3 scripts/serve.py [--dir dist] [--port 8080] [--base /] [--csp-report FILE]

With --port 0 the system picks a free port; the line printed once the
server listens names it (tests read it from there).

Sends the right type for .wasm, no caching (so a rebuild shows at once) and
the Content-Security-Policy Lede is built to run under. With --base /lede/
the site is served under that sub-path, like a GitHub Pages project site.
With --csp-report, the browser's reports of CSP violations are appended to
FILE (one JSON document a line), for tests.
"""
import argparse
import functools
import http.server
import os
import sys

CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'"


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".webmanifest": "application/manifest+json",
        ".svg": "image/svg+xml",
    }
    base = "/"
    report_file = None

    def do_POST(self):
        if self.report_file and self.path == "/__csp-report":
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            with open(self.report_file, "ab") as f:
                f.write(body.replace(b"\n", b" ") + b"\n")
            self.send_response(204)
            self.end_headers()
        else:
            self.send_error(405)

    def translate_path(self, path):
        if not path.startswith(self.base):
            return "/nonexistent-outside-base"
        return super().translate_path("/" + path[len(self.base):])

    def end_headers(self):
        csp = CSP + ("; report-uri /__csp-report" if self.report_file else "")
        self.send_header("Content-Security-Policy", csp)
        self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def log_message(self, fmt, *args):
        if os.environ.get("LEDE_SERVE_QUIET") != "1":
            super().log_message(fmt, *args)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--dir", default="dist")
    p.add_argument("--port", type=int, default=8080)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--base", default="/")
    p.add_argument("--csp-report", default=None)
    a = p.parse_args()
    if not os.path.isfile(os.path.join(a.dir, "index.html")):
        sys.exit(f"serve: {a.dir}/index.html not found; run `make dist` first")
    base = "/" + a.base.strip("/") + "/" if a.base.strip("/") else "/"
    handler = type("H", (Handler,), {"base": base, "report_file": a.csp_report})
    server = http.server.ThreadingHTTPServer((a.host, a.port), functools.partial(handler, directory=a.dir))
    port = server.server_address[1]
    print(f"Lede is served at http://{a.host}:{port}{base}  (Ctrl-C stops it)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()

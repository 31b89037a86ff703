#!/usr/bin/env python3
"""Serves a built Lede site on loopback, as a static host would.

    python3 scripts/serve.py [--dir dist] [--port 8080] [--base /]

Sends the right type for .wasm, no caching (so a rebuild shows at once) and
the Content-Security-Policy Lede is built to run under. With --base /lede/
the site is served under that sub-path, like a GitHub Pages project site.
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

    def translate_path(self, path):
        if not path.startswith(self.base):
            return "/nonexistent-outside-base"
        return super().translate_path("/" + path[len(self.base):])

    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
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
    a = p.parse_args()
    if not os.path.isfile(os.path.join(a.dir, "index.html")):
        sys.exit(f"serve: {a.dir}/index.html not found; run `make dist` first")
    base = "/" + a.base.strip("/") + "/" if a.base.strip("/") else "/"
    handler = type("H", (Handler,), {"base": base})
    server = http.server.ThreadingHTTPServer((a.host, a.port), functools.partial(handler, directory=a.dir))
    print(f"Lede is served at http://{a.host}:{a.port}{base}  (Ctrl-C stops it)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Serve docs/browser (the Browser guide and the style file) for `:play` and `:style`.

    graph/neo4j/testserver/guideserver.py [PORT]      # default 8001; or: make browser-guide

then, in the Neo4j Browser:  :play http://localhost:8001/guide.html

The Browser fetches a guide from the page, across origins, so the answer carries
Access-Control-Allow-Origin; and it only fetches from hosts on its allowlist
(browser.remote_content_hostname_whitelist, "guides.neo4j.com, localhost" by default), so
the URL must say localhost, not 127.0.0.1. Binds 127.0.0.1 only; serves nothing but
docs/browser.
"""
import functools
import http.server
import os
import sys


class Handler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else int(os.environ.get("GUIDE_PORT", "8001"))
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "docs", "browser")
    handler = functools.partial(Handler, directory=os.path.normpath(root))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as srv:
        print(f"guide: :play http://localhost:{port}/guide.html  (serving {os.path.normpath(root)})", file=sys.stderr)
        srv.serve_forever()


if __name__ == "__main__":
    main()

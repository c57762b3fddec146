"""Starts a Radicale CalDAV server on 127.0.0.1, creates a calendar and PUTs every
event of an .ics export (each as its own calendar object, its bytes as exported).
Prints {"events": n, "statuses": {"201": n, ...}} as JSON."""
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

path = sys.argv[1]
text = open(path, encoding="utf-8", newline="").read()  # keep CRLF as written
header = text.split("BEGIN:VEVENT", 1)[0]
events = re.findall(r"BEGIN:VEVENT\r\n.*?END:VEVENT\r\n", text, re.S)

with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]

with tempfile.TemporaryDirectory() as storage:
    server = subprocess.Popen(
        [sys.executable, "-m", "radicale", "--server-hosts", f"127.0.0.1:{port}",
         "--auth-type", "none", "--rights-type", "authenticated",
         "--storage-filesystem-folder", storage],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/", timeout=1)
                break
            except Exception:
                time.sleep(0.1)

        def request(method, url, body=None, content_type=None):
            req = urllib.request.Request(base + url, data=body, method=method)
            if content_type:
                req.add_header("Content-Type", content_type)
            try:
                with urllib.request.urlopen(req, timeout=10) as r:
                    return r.status
            except urllib.error.HTTPError as e:
                return e.code

        request("MKCOL", "/keepwarm/")
        made = request("MKCALENDAR", "/keepwarm/pings/")
        if made != 201:
            sys.exit(f"MKCALENDAR answered {made}")
        statuses = {}
        for event in events:
            uid = re.search(r"\r\nUID:([^\r]+)\r\n", event).group(1)
            body = (header + event + "END:VCALENDAR\r\n").encode("utf-8")
            name = re.sub(r"[^A-Za-z0-9._-]", "_", uid) + ".ics"
            status = request("PUT", f"/keepwarm/pings/{name}", body, "text/calendar; charset=utf-8")
            statuses[str(status)] = statuses.get(str(status), 0) + 1
        json.dump({"events": len(events), "statuses": statuses}, sys.stdout)
    finally:
        server.terminate()
        server.wait(timeout=10)

#!/usr/bin/env python3
"""Re-lint latency and memory of `tonelint server` (issue 15), measured as an
editor meets them: raw JSON-RPC over the server's stdin/stdout, the time from
sending a one-character `didChange` to receiving the `publishDiagnostics`
for that version.  Prints figures; asserts nothing.

    python bench/server.py                      # 2 KB and 100 KB drafts from bench/.corpus
    python bench/server.py --edits 200 --tonelint "/work/venv/bin/python -m tonelint"

bench/run.py runs the same after its own rows (--server-edits).

Drafts: `small.md` (the 2 KB start-up probe), the first corpus files joined
up to 100 KB, and examples/pushy-launch-email.md (findings in most
sentences: the cost of reporting them, which the corpus barely has).  Each edit types one character into the middle of the
draft (a word growing letter by letter, as typing does), so every edit
changes one paragraph and leaves the rest as they were.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / ".corpus"


class Client:
    """Just enough of an LSP client: framed JSON-RPC over pipes."""

    def __init__(self, cmd: list[str], cwd: Path, env: dict) -> None:
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                     cwd=cwd, env=env)
        self.next_id = 0

    def send(self, method: str, params, *, request: bool = False) -> int | None:
        msg = {"jsonrpc": "2.0", "method": method, "params": params}
        rid = None
        if request:
            self.next_id += 1
            rid = msg["id"] = self.next_id
        self.write(msg)
        return rid

    def write(self, msg: dict) -> None:
        body = json.dumps(msg).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def read(self) -> dict:
        length = 0
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError("the server closed its output")
            line = line.strip()
            if not line:
                break
            name, _, value = line.partition(b":")
            if name.lower() == b"content-length":
                length = int(value)
        return json.loads(self.proc.stdout.read(length))

    def wait_for(self, test) -> dict:
        while True:
            msg = self.read()
            if "id" in msg and "method" in msg:  # a request from the server (registerCapability)
                self.write({"jsonrpc": "2.0", "id": msg["id"], "result": None})
                continue
            if test(msg):
                return msg

    def rss_mb(self) -> float:
        with open(f"/proc/{self.proc.pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def close(self) -> None:
        rid = self.send("shutdown", None, request=True)
        self.wait_for(lambda m: m.get("id") == rid)
        self.send("exit", None)
        self.proc.wait(timeout=30)


def published(uri: str, version: int):
    return lambda m: (m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
                      and m["params"].get("version") == version)


def position(text: str, offset: int) -> dict:
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    return {"line": line, "character": len(text[start:offset].encode("utf-16-le")) // 2}


def session(cmd: list[str], draft: str, edits: int, root: Path, env: dict) -> dict:
    path = root / "draft.md"
    path.write_text(draft, encoding="utf-8")
    uri = path.as_uri()
    c = Client(cmd, root, env)
    try:
        t0 = time.perf_counter()
        rid = c.send("initialize", {"processId": os.getpid(), "rootUri": root.as_uri(), "capabilities": {},
                                    "initializationOptions": {"scorecard": "codelens"}}, request=True)
        c.wait_for(lambda m: m.get("id") == rid)
        c.send("initialized", {})
        c.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1,
                                                         "text": draft}})
        first = c.wait_for(published(uri, 1))
        opened = time.perf_counter() - t0
        # Type into the middle of the draft: the end of the paragraph there.
        at = draft.find("\n\n", len(draft) // 2)
        at = at if at > 0 else len(draft) // 2
        text = draft
        times, rss_first = [], None
        word = "listening "
        for n in range(edits):
            ch = word[n % len(word)]
            pos = position(text, at)
            text = text[:at] + ch + text[at:]
            at += 1
            version = n + 2
            t = time.perf_counter()
            c.send("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [
                {"range": {"start": pos, "end": pos}, "text": ch}]})
            c.wait_for(published(uri, version))
            times.append(time.perf_counter() - t)
            if n == 0:
                rss_first = c.rss_mb()
        rss_last = c.rss_mb()
        c.close()
    finally:
        if c.proc.poll() is None:
            c.proc.kill()
    times_ms = sorted(1000 * t for t in times)
    return {
        "bytes": len(draft.encode("utf-8")), "findings": len(first["params"]["diagnostics"]),
        "open_s": opened, "edits": edits,
        "median_ms": statistics.median(times_ms),
        "p95_ms": times_ms[min(len(times_ms) - 1, int(0.95 * len(times_ms)))],
        "max_ms": times_ms[-1],
        "rss_first_mb": rss_first, "rss_last_mb": rss_last,
    }


def drafts(corpus: Path) -> dict[str, str]:
    info = json.loads((corpus / "corpus.json").read_text(encoding="utf-8"))
    small = (corpus / info["small"]).read_text(encoding="utf-8")
    parts, size = [], 0
    for p in sorted((corpus / info["files_dir"]).iterdir()):
        t = p.read_text(encoding="utf-8")
        parts.append(t)
        size += len(t.encode("utf-8"))
        if size >= 100_000:
            break
    big = "\n\n".join(parts)
    big = big.encode("utf-8")[:100_000].decode("utf-8", "ignore")
    pushy = (HERE.parent / "examples" / "pushy-launch-email.md").read_text(encoding="utf-8")
    # The corpus is documentation with few findings; the example has a finding
    # in most sentences, so its row shows the cost of reporting them too.
    return {"2 KB": small, "100 KB": big, "examples/pushy-launch-email.md": pushy}


def run(cmd: list[str], edits: int, corpus: Path = CORPUS) -> dict:
    """Time both drafts with the server `cmd`; print a table and the issue's
    targets, return the figures."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    out = {}
    print(f"tonelint server ({shlex.join(cmd)}): {edits} one-character edits per draft, "
          f"load average {os.getloadavg()[0]:.2f}")
    print("| draft | findings | open s | re-lint median | p95 | max | RSS after edit 1 | after last edit |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, draft in drafts(corpus).items():
        with tempfile.TemporaryDirectory(prefix="tonelint-server-bench-") as tmp:
            r = session(cmd, draft, edits, Path(tmp), env)
        out[name] = r
        print(f"| {name} ({r['bytes']} B) | {r['findings']} | {r['open_s']:.2f} | {r['median_ms']:.1f} ms | "
              f"{r['p95_ms']:.1f} ms | {r['max_ms']:.1f} ms | {r['rss_first_mb']:.1f} MB | "
              f"{r['rss_last_mb']:.1f} MB ({100 * (r['rss_last_mb'] / r['rss_first_mb'] - 1):+.1f}%) |")
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    small, big = out["2 KB"], out["100 KB"]
    growth = max(abs(r["rss_last_mb"] / r["rss_first_mb"] - 1) for r in out.values())
    print("")
    print("| target (issue #15, server) | wanted | measured | verdict |")
    print("|---|---|---:|---|")
    for what, wanted, value, ok in (
        ("2 KB draft, re-lint after one edit, median", "<= 30 ms", f"{small['median_ms']:.1f} ms",
         small["median_ms"] <= 30),
        ("2 KB draft, re-lint after one edit, p95", "<= 100 ms", f"{small['p95_ms']:.1f} ms", small["p95_ms"] <= 100),
        ("100 KB draft, re-lint after one edit, median", "<= 150 ms", f"{big['median_ms']:.1f} ms",
         big["median_ms"] <= 150),
        (f"memory after {edits} edits vs after the first", "within 10 %", f"{100 * growth:.1f} %", growth <= 0.10),
    ):
        print(f"| {what} | {wanted} | {value} | {'PASS' if ok else 'FAIL'} |")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tonelint", default=f"{shlex.quote(sys.executable)} -m tonelint",
                    help="command that runs tonelint (default: this interpreter's -m tonelint)")
    ap.add_argument("--edits", type=int, default=1000, help="one-character edits per draft (default 1000)")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args(argv)
    if not (args.corpus / "corpus.json").exists():
        print("no corpus: run python bench/corpus.py first", file=sys.stderr)
        return 2
    out = run(shlex.split(args.tonelint) + ["server"], args.edits, args.corpus)
    if args.json:
        args.json.write_text(json.dumps(out, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

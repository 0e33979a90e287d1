#!/usr/bin/env python3
"""Benchmark tonelint against proselint 0.16 and the spaCy floor (issue #6).

Every figure is whole-process wall time (except the in-process tokenisation
row), the median of --runs runs after --warmup untimed runs, with the peak RSS
of the process tree's largest process taken from os.wait4 (one child per
measurement).  Rows are run in interleaved rounds (round k runs every row
once) so that drift on a shared host hits all rows alike.  Run ``python bench/corpus.py`` first.

    python bench/corpus.py && python bench/run.py
    python bench/run.py --tonelint "/work/venv/bin/python -m tonelint"
    python bench/run.py --only floor,tokenize,pl-files

A tonelint row whose flag the CLI does not support yet (exit code 2 and
"no such option" on stderr) is reported as "n/a (flag unsupported)".
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE / ".corpus"
PROSELINT_VENV = HERE / ".venv-proselint"
PROSELINT_REQ = "proselint==0.16.0"
MB = 1e6

FLOOR_CODE = "import spacy; spacy.blank('en')"

# One cold pass per process, like a linter run: spaCy's tokenizer caches every
# string it has seen, so a second pass over the same texts would be flattered.
TOKENIZE_CODE = r"""
import json, sys, time, pathlib
import spacy
files = sorted(pathlib.Path(sys.argv[1]).iterdir())
texts = [p.read_text(encoding="utf-8") for p in files]
nbytes = sum(len(t.encode("utf-8")) for t in texts)
nlp = spacy.blank("en")
nlp("Warm the pipeline up on a sentence that is not in the corpus.")
c0 = time.process_time()
t0 = time.perf_counter()
ntok = 0
for doc in nlp.pipe(texts):
    ntok += len(doc)
dt = time.perf_counter() - t0
cpu = time.process_time() - c0
print(json.dumps({"time": dt, "cpu": cpu, "bytes": nbytes, "tokens": ntok}))
"""

# Rows in the order they are run.  id -> description for --help and README.
ROWS = {
    "floor": "python -c \"import spacy; spacy.blank('en')\" (start-up floor)",
    "tokenize": "bare spacy.blank('en') nlp.pipe over the 200 files (in-process time of one cold pass)",
    "pl-small": "proselint check small.md (start-up)",
    "pl-files": "proselint check <200 files>",
    "pl-big": "proselint check big.md (5 MB)",
    "tl-small": "tonelint small.md (start-up; empty cache each run)",
    "tl-j1": "tonelint --no-cache --jobs 1 <200 files>",
    "tl-j2": "tonelint --no-cache --jobs 2 <200 files>",
    "tl-big": "tonelint --no-cache --jobs 1 big.md (5 MB)",
    "tl-half": "tonelint --no-cache --jobs 1 half.md (every other section of big.md)",
    "tl-cold": "tonelint <200 files> with the cache on, empty cache",
    "tl-warm": "tonelint <200 files> again, cache warm (second run)",
    "tl-small-nc": "tonelint --no-cache small.md (start-up, no cache at all)",
    "tl-jd": "tonelint --no-cache <200 files> (default jobs: one per core)",
    "tl-big-jd": "tonelint --no-cache big.md (5 MB, default jobs)",
}


STARTUP_ROWS = {"floor", "pl-small", "tl-small", "tl-small-nc"}   # MB/s means nothing there


@dataclass
class Row:
    id: str
    label: str
    nbytes: int | None = None
    times: list[float] = field(default_factory=list)
    peaks_kb: list[int] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    status: str = "ok"          # ok | n/a (...) | error (...)
    out_lines: int | None = None
    exit_code: int | None = None

    @property
    def ok(self) -> bool:
        return self.status == "ok" and bool(self.times)

    @property
    def median(self) -> float | None:
        return statistics.median(self.times) if self.ok else None

    @property
    def mbps(self) -> float | None:
        if not self.ok or not self.nbytes:
            return None
        return self.nbytes / MB / self.median

    @property
    def peak_mb(self) -> float | None:
        # ru_maxrss is in KiB on Linux
        return max(self.peaks_kb) * 1024 / MB if self.peaks_kb else None


class Unsupported(Exception):
    pass


class Failed(Exception):
    pass


def run_once(cmd: list[str], *, cwd: Path, env: dict[str, str],
             tmp: Path) -> tuple[float, int, float, int, int]:
    """Run cmd once; return (wall s, peak RSS KiB, cpu s, exit code, stdout lines)."""
    out_path, err_path = tmp / "stdout", tmp / "stderr"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        t0 = time.perf_counter()
        try:
            proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out,
                                    stderr=err, stdin=subprocess.DEVNULL)
        except OSError as exc:
            raise Failed(f"cannot start {cmd[0]}: {exc.strerror}") from exc
        _, status, ru = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    code = proc.returncode
    stderr = err_path.read_text(errors="replace")
    if code == 2 and "no such option" in stderr.lower():
        m = re.search(r"no such option:?\s*['\"]?(-[-\w]+)", stderr, re.IGNORECASE)
        raise Unsupported(m.group(1) if m else "")
    if code not in (0, 1):          # 1 = findings reported
        last = [ln for ln in stderr.strip().splitlines() if ln.strip()]
        raise Failed(f"exit {code}: {last[-1][:80] if last else 'no stderr'}")
    with open(out_path, "rb") as fh:
        lines = sum(1 for _ in fh)
    return wall, ru.ru_maxrss, ru.ru_utime + ru.ru_stime, code, lines


class Bench:
    def __init__(self, args: argparse.Namespace, corpus: Path, info: dict):
        self.args = args
        self.corpus = corpus
        self.info = info
        self.tmp = Path(tempfile.mkdtemp(prefix="tonelint-bench-"))
        self.cwd = self.tmp / "cwd"      # neutral cwd: no stray config or cache
        self.cwd.mkdir()
        self.home = self.tmp / "home"    # neutral HOME/XDG: no user configs
        self.home.mkdir()
        self.rows: dict[str, Row] = {}
        self.jobs: list[tuple[Row, list[str], str]] = []
        self.files = corpus / info["files_dir"]
        self.big = corpus / info["big"]
        self.half = corpus / info["half"]
        self.small = corpus / info["small"]

    def env(self, **extra: str) -> dict[str, str]:
        env = dict(os.environ)
        # An installed package runs from the .pyc files pip wrote; with this
        # set (some sandboxes do) an editable checkout would recompile every
        # tonelint module on every run, ~0.05-0.1 s that no user pays.  The
        # untimed warm-up round writes them.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.update(HOME=str(self.home), XDG_CONFIG_HOME=str(self.home / ".config"),
                   XDG_CACHE_HOME=str(self.home / ".cache"))
        env.update(extra)
        return env

    def fresh_cache(self) -> str:
        d = Path(tempfile.mkdtemp(prefix="cache-", dir=self.tmp))
        return str(d)

    def wanted(self, row_id: str) -> bool:
        a = self.args
        if a.only and row_id not in a.only:
            return False
        return row_id not in a.skip

    def add(self, row_id: str, cmd: list[str] | None, nbytes: int | None, *,
            na: str | None = None, kind: str = "plain") -> None:
        """Register a row.  kind: 'plain' times cmd with an empty
        TONELINT_CACHE_DIR; 'warm' runs cmd twice on one empty cache dir and
        times the second run (the first is recorded as row 'tl-cold');
        'tokenize' takes the time the in-process script reports."""
        if not self.wanted(row_id):
            return
        row = Row(row_id, ROWS[row_id], nbytes)
        self.rows[row_id] = row
        if kind == "warm":
            self.rows["tl-cold"] = Row("tl-cold", ROWS["tl-cold"], nbytes)
        if na:
            row.status = na
            if kind == "warm":
                self.rows["tl-cold"].status = na
            return
        assert cmd is not None
        self.jobs.append((row, cmd, kind))

    def run_all(self) -> None:
        """Interleaved rounds: round k runs every row once, so slow drift of
        the machine (a noisy neighbour on a shared host) hits all rows alike
        instead of whichever row happened to run at the time."""
        runs, warmup = self.args.runs, self.args.warmup
        for row, cmd, kind in self.jobs:
            shown = cmd if kind != "tokenize" else cmd[:2] + ["<nlp.pipe script>"] + cmd[3:]
            print(f"  {row.id:9s} {shlex.join(shown)}", file=sys.stderr, flush=True)
        for k in range(warmup + runs):
            print(f"  round {k + 1}/{warmup + runs}{' (warm-up)' if k < warmup else ''}",
                  file=sys.stderr, flush=True)
            for row, cmd, kind in self.jobs:
                if row.status != "ok":
                    continue
                try:
                    self.run_job(row, cmd, kind, timed=k >= warmup)
                except Unsupported as exc:
                    row.status = ("n/a (flag unsupported"
                                  f"{': ' + str(exc) if str(exc) else ''})")
                except Failed as exc:
                    row.status = f"error ({exc})"
                if row.status != "ok":
                    row.times.clear()
                    if kind == "warm":
                        cold = self.rows["tl-cold"]
                        cold.status, cold.times = row.status, []

    def run_job(self, row: Row, cmd: list[str], kind: str, timed: bool) -> None:
        env = self.env(TONELINT_CACHE_DIR=self.fresh_cache())
        if kind == "warm":
            cold = self.rows["tl-cold"]
            w, p, c, code, lines = run_once(cmd, cwd=self.cwd, env=env, tmp=self.tmp)
            if timed:
                cold.times.append(w)
                cold.peaks_kb.append(p)
                cold.cpu.append(c)
            cold.exit_code, cold.out_lines = code, lines
        w, p, c, code, lines = run_once(cmd, cwd=self.cwd, env=env, tmp=self.tmp)
        if kind == "tokenize":
            try:
                res = json.loads((self.tmp / "stdout").read_text())
            except ValueError as exc:
                raise Failed(f"tokenize script printed no result: {exc}") from exc
            w, row.nbytes, lines = res["time"], res["bytes"], res["tokens"]
            c = res["cpu"]          # CPU time of the pass alone
        if timed:
            row.times.append(w)
            row.peaks_kb.append(p)
            row.cpu.append(c)
        row.exit_code, row.out_lines = code, lines


# --------------------------------------------------------------------------
# locating the tools

PROSE_CODE = r"""
import json, sys
from tonelint.markup import parse
out = {}
for name, path in json.loads(sys.argv[1]).items():
    text = open(path, encoding="utf-8").read()
    out[name] = sum(len(s.text) for s in parse(text, "markdown").segments)
print(json.dumps(out))
"""


def count_prose(python: str, paths: dict) -> dict:
    """Characters of prose (segment text) tonelint's Markdown front end finds
    in each file: the doubling check scales by these, not by bytes."""
    try:
        res = subprocess.run([python, "-c", PROSE_CODE, json.dumps({k: str(v) for k, v in paths.items()})],
                             capture_output=True, text=True, timeout=600)
        return json.loads(res.stdout) if res.returncode == 0 else {}
    except (OSError, ValueError, subprocess.TimeoutExpired):
        return {}


def find_python_for(cmd: list[str]) -> str | None:
    """The interpreter that runs `cmd` (so the floor uses tonelint's spaCy)."""
    exe = shutil.which(cmd[0]) if cmd else None
    if exe is None:
        return None
    if re.match(r"python[0-9.]*$", os.path.basename(exe)):
        return exe
    try:
        with open(exe, "rb") as fh:
            first = fh.readline(300).decode("utf-8", "replace").strip()
    except OSError:
        return None
    if first.startswith("#!"):
        parts = first[2:].split()
        if parts and os.path.basename(parts[0]) == "env" and len(parts) > 1:
            return shutil.which(parts[1])
        if parts and "python" in os.path.basename(parts[0]):
            return parts[0]
    return None


def has_spacy(python: str) -> str | None:
    try:
        out = subprocess.run([python, "-c", "import spacy; print(spacy.__version__)"],
                             capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.stdout.strip() if out.returncode == 0 else None


def tool_version(cmd: list[str], *args: str) -> str | None:
    try:
        out = subprocess.run(cmd + list(args), capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return None
    text = (out.stdout + out.stderr).strip()
    return text.splitlines()[0] if out.returncode == 0 and text else None


def ensure_proselint(spec: str | None, setup: bool) -> tuple[list[str] | None, str]:
    """Return (command, version or reason)."""
    if spec:
        cmd = shlex.split(spec)
    else:
        local = PROSELINT_VENV / "bin" / "proselint"
        if not local.exists() and setup:
            print(f"creating {PROSELINT_VENV} with {PROSELINT_REQ} ...", file=sys.stderr)
            subprocess.run([sys.executable, "-m", "venv", str(PROSELINT_VENV)], check=True)
            subprocess.run([str(PROSELINT_VENV / "bin" / "pip"), "install", "-q",
                            PROSELINT_REQ], check=True)
        cmd = [str(local)] if local.exists() else (
            ["proselint"] if shutil.which("proselint") else None)
    if cmd is None:
        return None, "proselint not found (use --proselint CMD)"
    ver = tool_version(cmd, "version")
    if ver is None:
        return None, f"{shlex.join(cmd)} does not run"
    return cmd, ver


def loadavg() -> float | None:
    try:
        return float(open("/proc/loadavg").read().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def machine_line() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for ln in open("/proc/cpuinfo"):
            if ln.startswith("model name"):
                cpu = ln.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        for ln in open("/proc/meminfo"):
            if ln.startswith("MemTotal"):
                mem = f", {int(ln.split()[1]) / 1024 / 1024:.0f} GiB RAM"
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores ({cpu}){mem}, {platform.system()} {platform.release()}"


# --------------------------------------------------------------------------
# report

def fmt(x: float | None, spec: str = ".2f", none: str = "-") -> str:
    return none if x is None else format(x, spec)


def ratios(rows: dict[str, Row], meta: dict) -> list[tuple[str, str, str, str, str]]:
    """(name, target, measured, verdict, how) for the targets of issue #6."""
    r = rows.get
    out = []

    def val(row_id: str, attr: str):
        row = r(row_id)
        if row is None:
            return None, "not run"
        if not row.ok:
            return None, row.status
        return getattr(row, attr), None

    def add(name, target, value, passes, how, why):
        if value is None:
            out.append((name, target, "-", "n/a", why or "missing input"))
        else:
            out.append((name, target, value_fmt(value), "PASS" if passes(value) else "FAIL", how))

    def value_fmt(v):
        return f"{v:.2f}" if isinstance(v, float) else str(v)

    def first_why(*whys):
        for w in whys:
            if w:
                return w
        return None

    # throughput vs proselint
    pl, wpl = val("pl-files", "mbps")
    for rid, name, k in (("tl-j1", "single process vs proselint", 3.0),
                         ("tl-j2", "--jobs 2 vs proselint", 5.0)):
        tl, wtl = val(rid, "mbps")
        v = tl / pl if tl and pl else None
        add(name, f">= {k:.0f}x", v, lambda x, k=k: x >= k,
            f"{rid} MB/s / pl-files MB/s", first_why(wtl, wpl))

    # the same with each tool's own start-up taken out (information only:
    # on a 1 MB corpus the ~0.9 s spaCy start-up alone is a quarter of
    # proselint's whole run)
    pls, _ = val("pl-small", "median")
    for rid, name in (("tl-j1", "  (start-up excluded)"), ("tl-j2", "  (start-up excluded)")):
        t, _ = val(rid, "median")
        st0, _ = val("tl-small", "median")
        plt, _ = val("pl-files", "median")
        if t and st0 is not None and plt and pls is not None and t > st0 and plt > pls:
            out.append((f"{name.strip()} {rid} vs proselint", "-",
                        f"{(plt - pls) / (t - st0):.2f}", "info",
                        f"(pl-files - pl-small) / ({rid} - tl-small)"))

    # engine vs bare tokenisation: startup (tl-small) taken out of tl-j1
    j1, w1 = val("tl-j1", "median")
    st, ws = val("tl-small", "median")
    tok, wt = val("tokenize", "mbps")
    nbytes = r("tl-j1").nbytes if r("tl-j1") else None
    v = None
    if j1 and st is not None and tok and nbytes and j1 > st:
        v = (nbytes / MB / (j1 - st)) / tok
    add("engine vs bare tokenisation", ">= 0.5x", v, lambda x: x >= 0.5,
        "(MB / (tl-j1 - tl-small)) / tokenize MB/s", first_why(w1, ws, wt))

    # 5 MB per-MB cost vs the 200 small files' per-MB cost
    big, wb = val("tl-big", "median")
    v = None
    if big and j1 and r("tl-big") and nbytes:
        v = (big / (r("tl-big").nbytes / MB)) / (j1 / (nbytes / MB))
    add("5 MB file per-MB cost vs 200 files", "<= 1.3x", v, lambda x: x <= 1.3,
        "(tl-big s/MB) / (tl-j1 s/MB)", first_why(wb, w1))

    # doubling: big.md is half.md plus as much again of new text, scaled to
    # exactly twice the prose tonelint sees (segment characters): what the
    # engine's cost follows; bytes include code blocks and markup it skips.
    hf, whf = val("tl-half", "median")
    v = vb = None
    prose = meta.get("prose") or {}
    if big and hf and st is not None and hf > st:
        raw = (big - st) / (hf - st)
        vb = raw * (r("tl-half").nbytes * 2 / r("tl-big").nbytes)
        if prose.get("half") and prose.get("big"):
            v = raw * (prose["half"] * 2 / prose["big"])
    add("doubling the input (half.md -> big.md)", "2.0 +/- 20%", v,
        lambda x: 1.6 <= x <= 2.4,
        "(tl-big - tl-small) / (tl-half - tl-small), scaled to exactly 2x prose characters",
        first_why(wb, whf, ws) or (None if v is not None or vb is None else "prose not counted"))
    if vb is not None:
        out.append(("  (scaled by bytes)", "-", f"{vb:.2f}", "info",
                    "the same, scaled to exactly 2x bytes"))
    if big and hf:
        out.append(("  (raw, start-up included)", "-", f"{big / hf:.2f}", "info",
                    "tl-big s / tl-half s"))

    # peak memory on the 5 MB file
    pk, wp = val("tl-big", "peak_mb")
    add("peak memory on the 5 MB file", "< 300 MB", pk, lambda x: x < 300,
        "tl-big peak RSS", wp)

    # start-up
    fl, wf = val("floor", "median")
    v = st / fl if st is not None and fl else None
    add("start-up vs spaCy floor", "<= 1.15x", v, lambda x: x <= 1.15,
        "tl-small s / floor s", first_why(ws, wf))

    # warm cache
    wm, ww = val("tl-warm", "median")
    add("warm cache, 200 unchanged files", "< 0.25 s", wm, lambda x: x < 0.25,
        "tl-warm s", ww)
    return out


def ratios15(rows: dict[str, Row]) -> list[tuple[str, str, str, str, str]]:
    """(name, target, measured, verdict, how) for the targets of issue #15:
    speed-ups over proselint are its time divided by tonelint's."""
    out = []

    def median(row_id: str):
        row = rows.get(row_id)
        if row is None:
            return None, "not run"
        return (row.median, None) if row.ok else (None, row.status)

    for name, wanted, num, den, passes in (
        ("200 files, --no-cache --jobs 1 vs proselint", ">= 2x", "pl-files", "tl-j1", lambda x: x >= 2),
        ("200 files, --no-cache, default jobs vs proselint", ">= 3x", "pl-files", "tl-jd", lambda x: x >= 3),
        ("5 MB file, --no-cache, default jobs vs proselint", ">= 3x", "pl-big", "tl-big-jd", lambda x: x >= 3),
        ("2 KB draft, --no-cache vs the spaCy floor", "<= 1.1x", "tl-small-nc", "floor", lambda x: x <= 1.1),
    ):
        a, wa = median(num)
        b, wb = median(den)
        if a is None or not b:
            out.append((name, wanted, "-", "n/a", wa or wb or "missing input"))
        else:
            out.append((name, wanted, f"{a / b:.2f}", "PASS" if passes(a / b) else "FAIL", f"{num} s / {den} s"))
    return out


def render(bench: Bench, meta: dict) -> str:
    lines = []
    lines.append(f"tonelint benchmark, {meta['date']}")
    lines.append(f"machine:   {meta['machine']}")
    lines.append(f"corpus:    {meta['corpus']}")
    lines.append(f"tonelint:  {meta['tonelint']}")
    lines.append(f"proselint: {meta['proselint']}")
    lines.append(f"spaCy:     {meta['spacy']}")
    lines.append(f"runs:      median of {meta['runs']} (after {meta['warmup']} warm-up), "
                 f"interleaved rounds")
    lines.append(f"load:      {meta['load']}")
    prose = meta.get("prose") or {}
    if prose.get("half") and prose.get("big"):
        lines.append(f"prose:     half.md {prose['half']:,} characters of prose, big.md {prose['big']:,} "
                     f"({prose['half'] / prose['big']:.1%}; tonelint's Markdown segments)")
    lines.append("")
    lines.append("| row | what | input MB | median s | min-max s | MB/s | cpu s | MB/cpu-s "
                 "| peak MB | note |")
    lines.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for rid in ROWS:
        row = bench.rows.get(rid)
        if row is None:
            continue
        mbin = fmt(row.nbytes / MB if row.nbytes else None, ".3f")
        if row.ok:
            spread = f"{min(row.times):.3f}-{max(row.times):.3f}"
            note = []
            if row.out_lines is not None:
                note.append(f"{row.out_lines} {'tokens' if rid == 'tokenize' else 'output lines'}")
            cpu = statistics.median(row.cpu) if row.cpu else None
            cpu_mbps = (row.nbytes / MB / cpu if cpu and row.nbytes and rid not in
                        STARTUP_ROWS else None)
            lines.append(f"| {rid} | {row.label} | {mbin} | {row.median:.3f} | {spread} | "
                         f"{fmt(row.mbps if rid not in STARTUP_ROWS else None)} | "
                         f"{fmt(cpu, '.3f')} | {fmt(cpu_mbps)} | {fmt(row.peak_mb, '.0f')} | "
                         f"{', '.join(note)} |")
        else:
            lines.append(f"| {rid} | {row.label} | {mbin} | - | - | - | - | - | - | {row.status} |")
    lines.append("")
    lines.append("| target (issue #6) | wanted | measured | verdict | computed as / why n/a |")
    lines.append("|---|---|---:|---|---|")
    for name, target, measured, verdict, how in ratios(bench.rows, meta):
        lines.append(f"| {name} | {target} | {measured} | {verdict} | {how} |")
    lines.append("")
    lines.append("| target (issue #15) | wanted | measured | verdict | computed as / why n/a |")
    lines.append("|---|---|---:|---|---|")
    for name, target, measured, verdict, how in ratios15(bench.rows):
        lines.append(f"| {name} | {target} | {measured} | {verdict} | {how} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description="Benchmark tonelint vs proselint 0.16 and the spaCy floor.",
        epilog="rows: " + "; ".join(f"{k} = {v}" for k, v in ROWS.items()))
    ap.add_argument("--tonelint", default="tonelint",
                    help="command that runs tonelint (default: tonelint on PATH), "
                         "e.g. '/work/venv/bin/python -m tonelint'")
    ap.add_argument("--proselint", default=None,
                    help="command that runs proselint 0.16 (default: "
                         "bench/.venv-proselint/bin/proselint, created on first use, "
                         "else proselint on PATH)")
    ap.add_argument("--no-proselint-setup", action="store_true",
                    help="do not create bench/.venv-proselint when it is missing")
    ap.add_argument("--python", default=None,
                    help="interpreter with spaCy for the floor and tokenisation rows "
                         "(default: the one that runs --tonelint, else this one)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--only", type=lambda s: set(s.split(",")), default=set(),
                    help="comma-separated row ids to run")
    ap.add_argument("--skip", type=lambda s: set(s.split(",")), default=set(),
                    help="comma-separated row ids to leave out")
    ap.add_argument("--server-edits", type=int, default=1000,
                    help="one-character edits per draft for the language-server rows "
                         "(bench/server.py; default 1000, 0 to leave them out)")
    ap.add_argument("--json", type=Path, default=HERE / "results" / "latest.json",
                    help="where to write the raw results (default bench/results/latest.json)")
    args = ap.parse_args(argv)
    bad = (args.only | args.skip) - set(ROWS)
    if bad:
        ap.error(f"unknown row id(s): {', '.join(sorted(bad))}")
    if "tl-cold" in args.only:
        args.only.add("tl-warm")
    if "tl-cold" in args.skip and "tl-warm" not in args.skip:
        args.skip.discard("tl-cold")   # tl-cold comes free with tl-warm

    info_path = args.corpus / "corpus.json"
    if not info_path.exists():
        print(f"no corpus at {args.corpus}: run python bench/corpus.py first", file=sys.stderr)
        return 2
    info = json.loads(info_path.read_text())
    bench = Bench(args, args.corpus, info)

    # tonelint
    tl_cmd = shlex.split(args.tonelint)
    tl_na = None
    if not tl_cmd or shutil.which(tl_cmd[0]) is None:
        tl_na = f"n/a (tonelint not found: {args.tonelint})"
        tl_ver = tl_na
    else:
        tl_ver = tool_version(tl_cmd, "--version") or "version unknown (--version failed)"
        if tl_ver.startswith("version unknown"):
            # does it run at all?  `--help` must work for any click CLI
            if tool_version(tl_cmd, "--help") is None:
                tl_na = "n/a (tonelint does not run: --help failed)"

    # the interpreter with spaCy
    python = args.python or find_python_for(tl_cmd)
    if python is None:
        # tonelint not found: any interpreter at hand that has spaCy
        for cand in (sys.executable, str(HERE.parent / ".venv" / "bin" / "python"),
                     shutil.which("python3")):
            if cand and os.path.exists(cand) and has_spacy(cand):
                python = cand
                break
        else:
            python = sys.executable
    spacy_ver = has_spacy(python)
    py_na = None if spacy_ver else f"spaCy not importable by {python}"

    # proselint
    pl_cmd, pl_ver = ensure_proselint(args.proselint, not args.no_proselint_setup)
    pl_na = None if pl_cmd else f"n/a ({pl_ver})"
    if pl_cmd and "0.16" not in pl_ver:
        print(f"warning: expected proselint 0.16, got {pl_ver!r}", file=sys.stderr)
    # lift proselint's 1,000-findings-per-file cap
    pl_config = bench.tmp / "proselintrc.json"
    pl_config.write_text(json.dumps({"max_errors": 10**9}))
    pl_base = (pl_cmd or []) + ["check", "--config", str(pl_config)]

    files, big, half, small = bench.files, bench.big, bench.half, bench.small
    fb, bb, hb, sb = (info["files_bytes"], info["big_bytes"], info["half_bytes"],
                      info["small_bytes"])
    print(f"benchmarking (runs={args.runs}, warmup={args.warmup}); scratch in {bench.tmp}",
          file=sys.stderr)
    bench.add("floor", [python, "-c", FLOOR_CODE], None,
              na=f"n/a ({py_na})" if py_na else None)
    bench.add("tokenize", [python, "-c", TOKENIZE_CODE, str(files)], fb,
              na=f"n/a ({py_na})" if py_na else None, kind="tokenize")
    bench.add("pl-small", pl_base + [str(small)], sb, na=pl_na)
    bench.add("pl-files", pl_base + [str(files)], fb, na=pl_na)
    bench.add("pl-big", pl_base + [str(big)], bb, na=pl_na)
    bench.add("tl-small", tl_cmd + [str(small)], sb, na=tl_na)
    bench.add("tl-j1", tl_cmd + ["--no-cache", "--jobs", "1", str(files)], fb, na=tl_na)
    bench.add("tl-j2", tl_cmd + ["--no-cache", "--jobs", "2", str(files)], fb, na=tl_na)
    bench.add("tl-big", tl_cmd + ["--no-cache", "--jobs", "1", str(big)], bb, na=tl_na)
    bench.add("tl-half", tl_cmd + ["--no-cache", "--jobs", "1", str(half)], hb, na=tl_na)
    bench.add("tl-warm", tl_cmd + [str(files)], fb, na=tl_na, kind="warm")
    bench.add("tl-small-nc", tl_cmd + ["--no-cache", str(small)], sb, na=tl_na)
    bench.add("tl-jd", tl_cmd + ["--no-cache", str(files)], fb, na=tl_na)
    bench.add("tl-big-jd", tl_cmd + ["--no-cache", str(big)], bb, na=tl_na)
    load0 = loadavg()
    if load0 is not None and load0 > 0.5:
        print(f"warning: load average {load0:.2f} before the run: other work on this "
              "machine will skew the figures (compare the cpu column)", file=sys.stderr)
    bench.run_all()
    load1 = loadavg()

    meta = {
        "date": _dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "machine": machine_line(),
        "corpus": (f"{info['fingerprint']}: {info['n_files']} files / "
                   f"{info['files_bytes'] / MB:.3f} MB from {info['packages']} packages; "
                   f"big.md {info['big_bytes'] / MB:.3f} MB; half.md "
                   f"{info['half_bytes'] / MB:.3f} MB; small.md {info['small_bytes']} B"),
        "tonelint": f"{args.tonelint} ({tl_ver})",
        "proselint": f"{shlex.join(pl_cmd) if pl_cmd else '-'} ({pl_ver}; max_errors lifted to 1e9)",
        "spacy": f"{spacy_ver or '-'} via {python}",
        "runs": args.runs,
        "warmup": args.warmup,
        "load": f"{fmt(load0)} before, {fmt(load1)} after (1-min load average)",
        "prose": (count_prose(python, {"half": half, "big": big})
                  if bench.wanted("tl-big") and bench.wanted("tl-half") else {}),
    }
    report = render(bench, meta)
    print(report)
    server_figures = None
    if args.server_edits > 0 and tl_na is None:
        # The language server (issue #15): re-lint latency and memory over
        # JSON-RPC, as an editor sees them (bench/server.py).
        import server as server_bench

        print("", flush=True)
        server_figures = server_bench.run(tl_cmd + ["server"], args.server_edits, args.corpus)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({
            "meta": meta,
            "rows": {k: {"label": v.label, "status": v.status, "bytes": v.nbytes,
                         "times": v.times, "median": v.median, "mbps": v.mbps,
                         "peak_mb": v.peak_mb, "cpu": v.cpu, "exit_code": v.exit_code,
                         "out_lines": v.out_lines} for k, v in bench.rows.items()},
            "targets": [dict(zip(("name", "target", "measured", "verdict", "how"), t))
                        for t in ratios(bench.rows, meta) + ratios15(bench.rows)],
            "server": server_figures,
        }, indent=2) + "\n")
        print(f"\nraw results: {args.json}", file=sys.stderr)
    shutil.rmtree(bench.tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

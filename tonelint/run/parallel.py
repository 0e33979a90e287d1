"""Checking many drafts: cache first, then the misses spread over worker
processes (`--jobs N`, default: the cores this process may use).

Workers are forked after the parent has loaded spaCy and compiled every rule
bank the misses need, so each worker starts with them in memory instead of
loading them again, and a bad rule or config fails once, in the parent, with
its usual one-line error.  Results come back in input order, so the output of
`--jobs 2` is byte for byte that of `--jobs 1`.  Small runs never pay for a
pool: below PARALLEL_MIN_CHARS of text to check, or with one file, the misses
are checked in this process.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial

from ..engine.collector import collector_paused
from ..engine.facts import join
from ..errors import InputError, TonelintError
from ..markup import Parsed, chunks, in_pieces
from .cache import pack_result, restore

# Below this much text a pool's fork and result transfer cost about what the
# second core saves (a 2 KB draft takes ~5 ms to check).
PARALLEL_MIN_CHARS = 64 * 1024
# A single draft this large has its paragraphs spread over the workers.
LARGE_FILE_CHARS = 1024 * 1024

# What a worker process works from, set by the pool's initializer in the
# worker only (the parent never sets it): a tuple handed to
# ProcessPoolExecutor's initargs, which a forked worker inherits in memory,
# never pickled.  (runner, sources) for _work, (engine, segments) for
# _scan_part; it lives as long as the worker, which ends with its pool.
_worker: tuple = ()


def _enter(*context) -> None:
    global _worker
    _worker = context
    # A parent killed outright (SIGKILL, the OOM killer) cannot shut its pool
    # down, and a worker blocked on its call queue would wait forever: each
    # worker watches for its parent to go and leaves with it.
    threading.Thread(target=_leave_with_parent, args=(os.getppid(),), daemon=True).start()


def _leave_with_parent(parent: int, every: float = 1.0) -> None:
    while os.getppid() == parent:
        time.sleep(every)
    os._exit(1)


def default_jobs() -> int:
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def check_sources(runner, items):
    """Yield one FileResult or TonelintError per item, in order, each as soon
    as it and all before it are done (a progress bar keeps moving)."""
    cache = runner.result_cache()
    out: list = []
    keys: dict[int, str] = {}
    todo: list[int] = []
    for i, item in enumerate(items):
        out.append(item)
        if isinstance(item, TonelintError):
            continue
        if cache is not None:
            key = cache.key(item, runner.cache_settings(item.path))
            hit = cache.get(key, item)
            if hit is not None:
                out[i] = hit
                continue
            keys[i] = key
        todo.append(i)
    pending = set(todo)
    checked = _check_all(runner, [out[i] for i in todo])  # in the order of `todo`
    for i, item in enumerate(out):
        if i in pending:
            item = next(checked)
            if i in keys and not isinstance(item, TonelintError):
                cache.put(keys[i], item)
        yield item


def _check_all(runner, sources: list):
    jobs = runner.options.jobs or default_jobs()
    if jobs >= 2 and len(sources) == 1 and len(sources[0].text) >= LARGE_FILE_CHARS and _can_fork():
        # One large draft: its paragraphs are scanned by all the workers.
        return (checked(runner, s, partial(_split_analyse, jobs=jobs), partial(_split_prepare, jobs=jobs))
                for s in sources)
    jobs = min(jobs, len(sources))
    if jobs < 2 or sum(len(s.text) for s in sources) < PARALLEL_MIN_CHARS or not _can_fork():
        return (checked(runner, s) for s in sources)
    return iter(_pooled(runner, sources, jobs))


def checked(runner, source, analyse=None, prepare=None):
    """The draft's FileResult, or the InputError that says why this one draft
    could not be checked (markup nested past reading, say): never an
    exception that would end the run for every other draft.  A rule or
    config error still ends the run: nothing is checked with a broken pack."""
    try:
        if analyse is None and prepare is None:
            return runner.check_source(source)
        return runner.check_source(source, analyse, prepare)
    except InputError as exc:
        return exc


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _pooled(runner, sources: list, jobs: int):
    # Everything slow to load is loaded here, once, and inherited by the fork.
    for s in sources:
        runner.engine_for(s.path).bank  # noqa: B018 - compiles the bank and loads spaCy
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"),
                             initializer=_enter, initargs=(runner, sources)) as pool:
        # Largest drafts first keeps both cores busy to the end; map()
        # would hand them out in input order.
        order = sorted(range(len(sources)), key=lambda i: -len(sources[i].text))
        futures = {i: pool.submit(_work, i) for i in order}
        for i in range(len(sources)):
            try:
                yield _unpack(futures.pop(i).result(), sources[i])
            except BrokenProcessPool:
                yield _alone(runner, sources, i)


def _alone(runner, sources: list, i: int):
    """A draft whose pool broke (a worker was killed: the OOM killer, a
    signal): checked again in a worker of its own, so the one draft that
    kills its worker is named and every other draft is still checked."""
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"),
                                 initializer=_enter, initargs=(runner, sources)) as solo:
            return _unpack(solo.submit(_work, i).result(), sources[i])
    except BrokenProcessPool:
        return InputError(sources[i].path, "not checked: the worker process checking it was killed "
                                           "(out of memory, or a signal)")


def _work(i: int):
    """In a worker: the result (its scorecard tally included) travels
    without the text (the parent has it) and with its Facts as the bytes the
    cache stores, unpickled in the parent only if a reporter reads them."""
    runner, sources = _worker
    result = checked(runner, sources[i])
    return result if isinstance(result, TonelintError) else pack_result(result)


def _unpack(packed, source):
    if isinstance(packed, TonelintError):
        return packed  # this draft's InputError
    result, blob = packed
    return restore(result, blob, source)


def _split_analyse(engine, parsed, jobs: int):
    """Engine.analyse for one large draft: contiguous runs of paragraphs are
    tokenised and scanned in workers, and their Facts joined in order
    (facts.join)."""
    segments = parsed.segments
    if len(segments) < 2 * jobs:
        return None
    engine.bank  # noqa: B018 - loaded before the fork
    total = sum(len(s.text) for s in segments) or 1
    groups, start, size = [], 0, 0
    for i, seg in enumerate(segments):
        size += len(seg.text)
        if size >= total / (4 * jobs):
            groups.append((start, i + 1))
            start, size = i + 1, 0
    if start < len(segments):
        groups.append((start, len(segments)))
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"),
                                 initializer=_enter, initargs=(engine, segments)) as pool:
            parts = [(a, pool.submit(_scan_part, a, b)) for a, b in groups]
            return join(segments, [(a, f.result()) for a, f in parts])
    except BrokenProcessPool:
        return None  # a worker was killed: the draft is scanned in this process instead


def _split_prepare(engine, source, jobs: int):
    """Engine.check's `prepare` for one large Markdown draft, which
    markup.parse would parse in pieces, one after another, before anything
    is scanned: here each worker parses pieces, knowing only the link
    references each defines, and scans them; the pieces that use a label
    defined in another piece are then parsed again as parse() parses them
    (markup/chunks.py settle) and scanned again, in the workers too.  The
    result is parse()'s segments and engine.analyse()'s Facts.  None when
    the draft is not parsed in pieces, or anything goes wrong in a worker:
    then it is all done in this process, errors and all."""
    text = source.text
    if not in_pieces(text, source.format):
        return None
    bounds = chunks.piece_bounds(text)
    if len(bounds) < 2:
        return None
    engine.bank  # noqa: B018 - loaded before the fork
    chunks.parse_alone("")  # markdown-it imported and built before the fork, not in every worker
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"),
                                 initializer=_enter, initargs=(engine, text)) as pool:
            futures = [pool.submit(_parse_and_scan, a, b) for a, b in bounds]
            alone = [f.result() for f in futures]
            plan = chunks.settle(text, [(a, b, parsed, refs) for (a, b), (parsed, refs, _, _) in zip(bounds, alone)],
                                 [inner for _, _, _, inner in alone])
            again = {i: pool.submit(_parse_and_scan, *bounds[i], how) for i, how in enumerate(plan) if how is not None}
            for i, future in again.items():
                alone[i] = future.result()
    except Exception:  # noqa: BLE001 - a worker's error, or a killed worker: the draft is done here instead
        return None
    out = Parsed()
    parts = []
    for i, ((a, _), (parsed, _, facts, _)) in enumerate(zip(bounds, alone)):
        parsed.shift(a)
        parts.append((len(out.segments), facts))
        out.segments.extend(parsed.segments)
        out.directives.extend(parsed.directives)
        if i == 0:
            out.meta.update(parsed.meta)
    return out, join(out.segments, parts)


def _parse_and_scan(a: int, b: int, how: tuple | None = None):
    """In a worker: the piece text[a:b] parsed alone (or as settled, `how`)
    and scanned, with what settling it reads (chunks.inner_brackets) when
    parsed alone."""
    engine, text = _worker
    with collector_paused():  # as in Engine.check (engine/collector.py)
        inner = None
        if how is None:
            parsed, refs = chunks.parse_alone(text[a:b])
            inner = chunks.inner_brackets(parsed, text[a:b])
        else:
            parsed, refs = chunks.parse_settled(text[a:b], how), {}
        facts = engine.bank.scan_segments(parsed.segments)
    facts.segments = []  # the parsed piece carries them
    for seg in parsed.segments:
        seg._text = None  # rebuilt from its parts on demand: half the bytes to send back
    return parsed, refs, facts, inner


def _scan_part(a: int, b: int):
    engine, segments = _worker
    with collector_paused():
        facts = engine.bank.scan_segments(segments[a:b])
    facts.segments = []  # the parent has them
    return facts

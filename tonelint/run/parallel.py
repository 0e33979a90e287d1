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
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial

from ..engine.facts import join
from ..errors import InputError, TonelintError
from ..markup.guards import break_long_runs
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
        return (checked(runner, s, partial(_split_analyse, jobs=jobs)) for s in sources)
    jobs = min(jobs, len(sources))
    if jobs < 2 or sum(len(s.text) for s in sources) < PARALLEL_MIN_CHARS or not _can_fork():
        return (checked(runner, s) for s in sources)
    return iter(_pooled(runner, sources, jobs))


def checked(runner, source, analyse=None):
    """The draft's FileResult, or the InputError that says why this one draft
    could not be checked (markup nested past reading, say): never an
    exception that would end the run for every other draft.  A rule or
    config error still ends the run: nothing is checked with a broken pack."""
    try:
        return runner.check_source(source, analyse) if analyse is not None else runner.check_source(source)
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


def _scan_part(a: int, b: int):
    engine, segments = _worker
    segments = segments[a:b]
    docs = engine.nlp.pipe([break_long_runs(s.text) for s in segments], batch_size=256)
    facts = engine.bank.scan(segments, docs)
    facts.segments = []  # the parent has them
    return facts

"""Two small chart kinds drawn as inline SVG, so the trend page needs no
script and no network: lines over months, and labelled horizontal bars.
Every label is escaped; every point carries a <title> the browser shows on
hover."""

from __future__ import annotations

from html import escape

PALETTE = ("#2563eb", "#db2777", "#16a34a", "#ea580c", "#7c3aed", "#0891b2", "#ca8a04", "#4b5563")


def _fmt(value: float, percent: bool) -> str:
    if percent:
        return f"{value:.0%}"
    return f"{value:,.0f}" if abs(value) >= 10 or value == 0 else f"{value:.1f}"


def lines(series: list[tuple[str, list]], xs: list[str], *, lo: float = 0.0, hi: float | None = None,
          percent: bool = False, label: str = "", width: int = 920, height: int = 260) -> str:
    """`series` is [(name, [y or None per x])]; a None leaves a gap."""
    if not xs or not series:
        return "<p class='none'>No dated messages to plot.</p>"
    values = [y for _, ys in series for y in ys if y is not None]
    top = hi if hi is not None else max([lo + 1e-9, *values]) * 1.1
    left, right, up, down = 46, 34, 14, 46
    w, h = width - left - right, height - up - down
    step = w / max(1, len(xs) - 1)

    def px(i: int) -> float:
        return left + (i * step if len(xs) > 1 else w / 2)

    def py(y: float) -> float:
        return up + h - (y - lo) / (top - lo) * h

    out = [f"<svg class='chart' role='img' aria-label='{escape(label)}' viewBox='0 0 {width} {height}' "
           f"xmlns='http://www.w3.org/2000/svg'>"]
    for k in range(5):
        y = lo + (top - lo) * k / 4
        out.append(f"<line x1='{left}' x2='{left + w}' y1='{py(y):.1f}' y2='{py(y):.1f}' class='grid'/>"
                   f"<text x='{left - 6}' y='{py(y) + 4:.1f}' class='ytick'>{_fmt(y, percent)}</text>")
    every = max(1, -(-len(xs) // 12))
    for i, x in enumerate(xs):
        if (len(xs) - 1 - i) % every == 0:  # counted from the latest month, which is always labelled
            out.append(f"<text x='{px(i):.1f}' y='{up + h + 18}' class='xtick'>{escape(x)}</text>")
    for n, (name, ys) in enumerate(series):
        colour = PALETTE[n % len(PALETTE)]
        runs, run = [], []
        for i, y in enumerate(ys):
            if y is None:
                if run:
                    runs.append(run)
                run = []
            else:
                run.append((px(i), py(y)))
        if run:
            runs.append(run)
        for pts in runs:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)
            out.append(f"<polyline points='{path}' fill='none' stroke='{colour}' stroke-width='2.2' class='series'/>")
        for i, y in enumerate(ys):
            if y is not None:
                out.append(f"<circle cx='{px(i):.1f}' cy='{py(y):.1f}' r='3' fill='{colour}'>"
                           f"<title>{escape(name)} · {escape(xs[i])}: {_fmt(y, percent)}</title></circle>")
    out.append("</svg>")
    legend = "".join(f"<span><i style='background:{PALETTE[n % len(PALETTE)]}'></i>{escape(name)}</span>"
                     for n, (name, _) in enumerate(series))
    return "<figure>" + "".join(out) + (f"<figcaption class='legend'>{legend}</figcaption>" if len(series) > 1
                                        else "") + "</figure>"


def bars(items: list[tuple[str, float, str]], *, percent: bool = False, label: str = "", width: int = 920) -> str:
    """`items` is [(label, value, colour)], drawn top to bottom."""
    if not items:
        return "<p class='none'>Nothing to show.</p>"
    row, left, right = 24, 300, 60
    height = row * len(items) + 8
    top = max(v for _, v, _ in items) or 1
    w = width - left - right
    out = [f"<svg class='chart' role='img' aria-label='{escape(label)}' viewBox='0 0 {width} {height}' "
           f"xmlns='http://www.w3.org/2000/svg'>"]
    for i, (name, value, colour) in enumerate(items):
        y = 4 + i * row
        length = max(1.0, value / top * w)
        shown = name if len(name) <= 46 else name[:45] + "…"
        out.append(f"<text x='{left - 8}' y='{y + 15}' class='blabel'>{escape(shown)}</text>"
                   f"<rect x='{left}' y='{y + 3}' width='{length:.1f}' height='{row - 8}' rx='3' fill='{colour}' "
                   f"class='bar'><title>{escape(name)}: {_fmt(value, percent)}</title></rect>"
                   f"<text x='{left + length + 6:.1f}' y='{y + 15}' class='bvalue'>{_fmt(value, percent)}</text>")
    out.append("</svg>")
    return "<figure>" + "".join(out) + "</figure>"

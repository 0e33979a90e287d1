"""`tonelint batch-report`: one self-contained HTML page about how an archive
has sounded over time.  Charts are inline SVG (svg.py); the page's
Content-Security-Policy forbids scripts and network loads, and everything
taken from messages is escaped."""

from __future__ import annotations

from html import escape

from ..version import __version__
from ..report.families import colour_of
from . import svg
from .trends import Trends, extremes

TOP_SERIES = 6
TOP_RULES = 10


def _mean_series(t: Trends, table: dict, names: list[str]) -> list:
    months = t.month_list
    return [(name, [table[(m, name)].mean if (m, name) in table else None for m in months]) for name in names]


def _top(tallies: dict, n: int) -> list[str]:
    return [name for name, _ in sorted(tallies.items(), key=lambda kv: (-kv[1].n, kv[0]))[:n]]


def _table(head: list[str], rows: list[list[str]]) -> str:
    return ("<table><thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in head) + "</tr></thead><tbody>"
            + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows) + "</tbody></table>")


def _num(x: float | None, percent: bool = False) -> str:
    if x is None:
        return "–"
    return f"{x:.0%}" if percent else f"{x:.1f}"


def _group_table(tallies: dict, names: list[str], label: str) -> str:
    return _table([label, "Messages", "Mean score", "Ask before giving"],
                  [[escape(n), f"{tallies[n].n:,}", _num(tallies[n].mean), _num(tallies[n].ask_share, True)]
                   for n in names])


def _summary(t: Trends) -> str:
    months = t.month_list
    span = f"{months[0]} – {months[-1]}" if months else "no dates"
    cards = [("Messages", f"{t.total.n:,}"), ("Mean score", _num(t.total.mean)),
             ("Ask before giving", _num(t.total.ask_share, True)), ("Period", span),
             ("Findings", f"{sum(t.rules.values()):,}"), ("Unreadable rows", f"{t.errors:,}")]
    tiles = "".join(f"<div class='tile'><b>{escape(v)}</b><span>{escape(k)}</span></div>" for k, v in cards)
    verdicts = svg.bars([(v, n / max(1, t.total.n), "#4b5563") for v, n in t.verdicts.most_common()], percent=True,
                        label="share of messages by verdict")
    return f"<section id='summary'><div class='tiles'>{tiles}</div><h3>Verdicts</h3>{verdicts}</section>"


def _over_time(t: Trends) -> str:
    months = t.month_list
    score = svg.lines([("mean score", [t.months[m].mean for m in months])], months, hi=100,
                      label="mean conversation score by month")
    volume = svg.lines([("messages", [t.months[m].n for m in months])], months, height=170,
                       label="messages by month")
    return (f"<section id='score'><h2>Score over time</h2><p class='sub'>Mean conversation score (0–100) of the "
            f"messages sent each month.</p>{score}<h3>Messages per month</h3>{volume}</section>")


def _by(t: Trends, kind: str, tallies: dict, table: dict) -> str:
    names = _top(tallies, TOP_SERIES)
    chart = svg.lines(_mean_series(t, table, names), t.month_list, hi=100, label=f"mean score by {kind} and month")
    rest = len(tallies) - len(names)
    note = f"<p class='sub'>The {len(names)} busiest of {len(tallies)} {kind}s.</p>" if rest > 0 else ""
    return (f"<section id='by-{kind}'><h2>By {kind}</h2>{note}{chart}"
            f"{_group_table(tallies, names, kind.capitalize())}</section>")


def _rules(t: Trends) -> str:
    per100 = 100 / max(1, t.total.n)
    top = t.rules.most_common(TOP_RULES)
    chart = svg.bars([(rule, n * per100, colour_of(t.rule_family.get(rule, ""))) for rule, n in top],
                     label="findings per 100 messages by rule")
    months = t.month_list
    series = [(rule, [t.rule_months[(m, rule)] * 100 / t.months[m].n if t.months[m].n else None for m in months])
              for rule, _ in top[:5]]
    trend = svg.lines(series, months, label="findings per 100 messages by month, top rules")
    return (f"<section id='rules'><h2>Rules that fire most</h2><p class='sub'>Findings per 100 messages.</p>{chart}"
            f"<h3>How they trend</h3>{trend}</section>")


def _asks(t: Trends) -> str:
    months = t.month_list
    chart = svg.lines([("ask before giving", [t.months[m].ask_share for m in months])], months, hi=1.0, percent=True,
                      label="share of messages that ask before giving, by month")
    return (f"<section id='asks'><h2>Asking before giving</h2><p class='sub'>Share of messages whose first ask "
            f"comes before anything of value for the reader: {_num(t.total.ask_share, True)} overall.</p>{chart}"
            "</section>")


SHOWN_FINDINGS = 6


def _message(row: dict, findings: list) -> str:
    more = len(findings) - SHOWN_FINDINGS
    items = "".join(
        f"<li><code>{escape(f['rule'])}</code> <span class='lvl'>{escape(f['level'])}</span> "
        f"line {f['line']}: {escape(f['message'])}"
        + (f" <q>{escape(f['matched'])}</q>" if f.get("matched") else "") + "</li>" for f in findings[:SHOWN_FINDINGS])
    if more > 0:
        items += f"<li class='none'>and {more} more</li>"
    meta = " · ".join(escape(str(row[k])) for k in ("date", "channel", "sender") if row.get(k))
    return (f"<article class='msg'><h4><span class='score'>{row['score']}</span> {escape(row.get('subject') or row['id'])}"
            f"</h4><p class='sub'>{escape(row['id'])}{' · ' + meta if meta else ''} · {escape(row.get('verdict') or '')}"
            f"</p>{'<ul>' + items + '</ul>' if items else '<p class=none>No findings.</p>'}</article>")


def _extremes(t: Trends) -> str:
    best, worst = extremes(t)
    return ("<section id='extremes'><h2>Best and worst messages</h2><div class='two'><div><h3>Best</h3>"
            + "".join(_message(r, t.findings_of.get(r["id"], [])) for r in best) + "</div><div><h3>Worst</h3>"
            + "".join(_message(r, t.findings_of.get(r["id"], [])) for r in worst) + "</div></div></section>")


def render(t: Trends, title: str = "tonelint trends") -> str:
    body = [f"<header><h1>{escape(title)}</h1><p class='sub'>{t.total.n:,} messages · tonelint {escape(__version__)}"
            "</p></header><main>", _summary(t), _over_time(t),
            _by(t, "channel", t.channels, t.by_channel), _by(t, "sender", t.senders, t.by_sender), _rules(t), _asks(t),
            _extremes(t), "</main><footer>Made by tonelint batch-report. This page loads nothing from the network and "
            "runs no scripts.</footer>"]
    return ("<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'>"
            "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; style-src 'unsafe-inline'; "
            "img-src data:; script-src 'none'\">"
            f"<title>{escape(title)}</title><style>{CSS}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n")


CSS = """
:root{--ink:#1f2937;--muted:#6b7280;--line:#e5e7eb;--bg:#f6f7f9}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
header,main,footer{max-width:1000px;margin:0 auto;padding:0 24px}
header{padding-top:28px}h1{margin:0 0 4px;font-size:26px}h2{margin:0 0 4px;font-size:20px}h3{font-size:15px;margin:18px 0 6px}
.sub{color:var(--muted);margin:0 0 10px}
section{background:#fff;border:1px solid var(--line);border-radius:10px;padding:18px 20px;margin:18px 0}
.tiles{display:grid;grid-template-columns:repeat(6,1fr);gap:10px}
.tile{border:1px solid var(--line);border-radius:8px;padding:10px}.tile b{display:block;font-size:18px;white-space:nowrap}
.tile span{color:var(--muted);font-size:13px}
figure{margin:6px 0}svg.chart{width:100%;height:auto}
.grid{stroke:var(--line)}.ytick{font-size:11px;fill:var(--muted);text-anchor:end}
.xtick{font-size:11px;fill:var(--muted);text-anchor:middle}
.blabel{font-size:12px;fill:var(--ink);text-anchor:end}.bvalue{font-size:12px;fill:var(--muted)}
.legend span{margin-right:14px;font-size:13px}.legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:5px}
table{border-collapse:collapse;width:100%;margin-top:8px;font-size:14px}
th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line)}th{color:var(--muted);font-weight:600}
.two{display:grid;grid-template-columns:1fr 1fr;gap:16px}
.msg{border:1px solid var(--line);border-radius:8px;padding:8px 12px;margin:8px 0}
.msg h4{margin:0;font-size:14px}.msg ul{margin:4px 0 0;padding-left:18px;font-size:13px}
.score{display:inline-block;min-width:30px;text-align:center;border-radius:6px;background:#eef2ff;font-weight:700}
.lvl{color:var(--muted);font-size:12px}.none{color:var(--muted)}
footer{color:var(--muted);font-size:13px;padding-bottom:30px}
"""

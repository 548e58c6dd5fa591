"""The triage report of a batch: documents ranked by risk, counts by type, reading errors, next steps.

Two forms from the same rows: HTML (one self-contained file: inline CSS, an inline script that sorts the
table, charts drawn as inline SVG; a Content-Security-Policy that allows nothing from outside, so it
opens with no network and fetches nothing) and CSV (UTF-8 with BOM for Excel; any cell that starts with
= + - @, a tab or a carriage return is prefixed with ' so a spreadsheet never runs it as a formula, as
OWASP advises). The report holds counts and marking texts only, never a personal value.
"""

from __future__ import annotations

import csv
import html
import io
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reviewer.core.atomic import write_bytes_atomic
from reviewer.core.service.batch import jobs, triage
from reviewer.core.types import EntityType

TIER_LABELS = {
    0: (
        "阻断发布：密级标志、保密声明或单位阻断词",
        "blocks release: 密级 marking, secrecy statement or blocked term",
    ),
    1: ("含校验位的证件号码等", "checksummed identifiers"),
    2: ("姓名、地址", "names and addresses"),
    3: ("其他需处理的内容", "other content to decide"),
    4: ("未检出需处理的内容", "nothing detected to act on"),
    5: ("无法处理", "refused or failed"),
}
STATE_LABELS = {
    jobs.DONE: ("已完成", "done"),
    jobs.FAILED: ("失败", "failed"),
    jobs.REFUSED: ("无法读取", "unreadable"),
    jobs.DUPLICATE: ("重复", "duplicate"),
    jobs.PENDING: ("待处理", "pending"),
    jobs.QUEUED: ("已排队", "queued"),
    jobs.RUNNING: ("处理中", "running"),
}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class Row:
    rank: int
    item: jobs.Item
    result: dict[str, Any] | None  # the item's, or its original's for a duplicate
    tier: int
    next_step: str
    duplicate_of: str = ""

    @property
    def error(self) -> str:
        return self.item.error or ""


def ranked_rows(items: list[jobs.Item]) -> list[Row]:
    """Every item, most urgent first (a duplicate ranks with its original's result)."""
    by_id = {it.id: it for it in items}
    out = []
    for it in items:
        original = by_id.get(it.duplicate_of) if it.duplicate_of else None
        result = (
            (original.result if original else it.result) if it.state in (jobs.DONE, jobs.DUPLICATE) else None
        )
        if it.state in jobs.OPEN:
            result = None
        out.append((triage.rank_key(result, it.key), it, result, original))
    out.sort(key=lambda x: x[0])
    rows = []
    for rank, (_key, it, result, original) in enumerate(out, 1):
        step = triage.next_step(result) if it.state not in jobs.OPEN else ""
        rows.append(Row(rank, it, result, triage.tier(result), step, original.key if original else ""))
    return rows


def _types(rows: list[Row]) -> list[str]:
    seen = Counter()
    for r in rows:
        if r.result:
            seen.update(r.result["counts"])
    order = {str(t): i for i, t in enumerate(EntityType)}
    return sorted(seen, key=lambda t: order.get(t, 999))


def neutralise(value: Any) -> Any:
    """A CSV cell that a spreadsheet would read as a formula gets a leading ' (OWASP CSV injection)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv(batch: jobs.BatchInfo, rows: list[Row]) -> bytes:
    types = _types(rows)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(
        [
            "rank",
            "document",
            "state",
            "next_step",
            "risk",
            "markings",
            "block",
            "review",
            "to_act_on",
            *types,
            "format",
            "error",
            "duplicate_of",
            "document_id",
            "seconds",
        ]
    )
    for r in rows:
        res = r.result or {}
        counts = res.get("counts", {})
        writer.writerow(
            [
                neutralise(v)
                for v in [
                    r.rank,
                    r.item.key,
                    r.item.state,
                    " / ".join(triage.NEXT_STEPS[r.next_step]) if r.next_step else "",
                    " / ".join(TIER_LABELS[r.tier]),
                    "；".join(res.get("markings", [])),
                    res.get("block", ""),
                    res.get("review", ""),
                    sum(res.get("act", {}).values()) if res else "",
                    *[counts.get(t, 0) if res else "" for t in types],
                    res.get("format", ""),
                    r.error,
                    r.duplicate_of,
                    r.item.document_id or "",
                    "" if r.item.seconds is None else f"{r.item.seconds:.3f}",
                ]
            ]
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _bar_chart(title: str, bars: list[tuple[str, int, str]]) -> str:
    """A horizontal bar chart as inline SVG: (label, value, colour)."""
    if not bars:
        return ""
    top = max(v for _, v, _ in bars) or 1
    height = 22 * len(bars) + 30
    parts = [
        f"<figure><figcaption>{html.escape(title)}</figcaption>"
        f'<svg width="700" height="{height}" role="img" '
        f'aria-label="{html.escape(title)}">'
    ]
    for i, (label, value, colour) in enumerate(bars):
        y = 10 + 22 * i
        width = max(1, round(280 * value / top)) if value else 0
        parts.append(
            f'<text x="370" y="{y + 14}" text-anchor="end" font-size="12">{html.escape(label)}</text>'
            f'<rect x="378" y="{y + 2}" width="{width}" height="16" fill="{colour}"/>'
            f'<text x="{382 + width}" y="{y + 14}" font-size="12">{value}</text>'
        )
    parts.append("</svg></figure>")
    return "".join(parts)


_TIER_COLOURS = {0: "#b00020", 1: "#d2691e", 2: "#c9a000", 3: "#5a7fa8", 4: "#3a8a3a", 5: "#777777"}
_STYLE = """
body{font-family:"WenQuanYi Zen Hei","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:1.5em;color:#222}
h1{font-size:1.4em} table{border-collapse:collapse;font-size:13px;width:100%}
th,td{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#eee;cursor:pointer;position:sticky;top:0} th:after{content:" \\2195";color:#999}
td.n{text-align:right} tr.t0{background:#fde4e4} tr.t5{background:#eee}
.charts{display:flex;flex-wrap:wrap;gap:2em} figure{margin:0} figcaption{font-weight:bold}
.note{color:#555;font-size:13px} .errors li{margin:2px 0}
"""
_SCRIPT = """
document.querySelectorAll("table.sortable th").forEach(function(th, col){
  th.addEventListener("click", function(){
    var body = th.closest("table").tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var up = th.dataset.dir !== "asc"; th.dataset.dir = up ? "asc" : "desc";
    rows.sort(function(a, b){
      var x = a.cells[col].dataset.v !== undefined ? a.cells[col].dataset.v : a.cells[col].textContent;
      var y = b.cells[col].dataset.v !== undefined ? b.cells[col].dataset.v : b.cells[col].textContent;
      var nx = parseFloat(x), ny = parseFloat(y);
      var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y, "zh");
      return up ? c : -c;
    });
    rows.forEach(function(r){ body.appendChild(r); });
  });
});
"""


def to_html(batch: jobs.BatchInfo, rows: list[Row], *, generated_at: str) -> bytes:
    e = html.escape
    types = _types(rows)
    states = Counter(r.item.state for r in rows)
    tiers = Counter(r.tier for r in rows)
    per_type = Counter()
    for r in rows:
        if r.result and r.item.state == jobs.DONE:
            per_type.update({t: 1 for t, n in r.result["counts"].items() if n})
    out = [
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">",
        f"<title>批量审查分诊报告 / batch triage report #{batch.id}</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>批量审查分诊报告 / Batch triage report #{batch.id}</h1>",
        f'<p class="note">来源 / sources: {e(batch.label)}<br>策略 / profile: '
        f"{e(batch.settings['profile']['name'])}；生成于 / generated {e(generated_at)}<br>",
        "共 / total {}；".format(len(rows))
        + "；".join(f"{STATE_LABELS[s][0]} / {STATE_LABELS[s][1]} {n}" for s, n in sorted(states.items())),
        "</p>",
        '<p class="note">“可发布”只表示检测在该策略下未发现需处理的内容，不等于审查通过或签发；检测可能遗漏。'
        "<br>“safe to publish” means detection found nothing to act on under this profile; it is not a "
        "review or a sign-off, and detection can miss things.</p>",
    ]
    if any(states.get(s) for s in jobs.OPEN):
        out.append(
            '<p class="note"><b>批次尚未完成 / the batch is not finished:</b> '
            f"{sum(states.get(s, 0) for s in jobs.OPEN)} 份待处理 / still to do.</p>"
        )
    out.append('<div class="charts">')
    out.append(
        _bar_chart(
            "按风险分级的文档数 / documents by risk",
            [
                (f"{TIER_LABELS[t][0]} / {TIER_LABELS[t][1]}", tiers.get(t, 0), _TIER_COLOURS[t])
                for t in sorted(TIER_LABELS)
            ],
        )
    )
    out.append(
        _bar_chart(
            "含各类发现的文档数 / documents with each type",
            [(t, per_type.get(t, 0), "#5a7fa8") for t in types],
        )
    )
    out.append("</div>")
    errors = [r for r in rows if r.item.state in (jobs.FAILED, jobs.REFUSED)]
    if errors:
        out.append(f'<h2>读取错误 / reading errors ({len(errors)})</h2><ul class="errors">')
        out += [f"<li>{e(r.item.key)}: {e(r.error)}</li>" for r in errors]
        out.append("</ul>")
    out.append('<h2>排序列表 / ranked list</h2><table class="sortable" id="triage"><thead><tr>')
    heads = [
        "#",
        "文档 / document",
        "下一步 / next step",
        "风险 / risk",
        "密级标志 / markings",
        "需处理 / to act on",
        *types,
        "格式 / format",
        "说明 / notes",
    ]
    out += [f"<th>{e(h)}</th>" for h in heads]
    out.append("</tr></thead><tbody>")
    for r in rows:
        res = r.result or {}
        step = (
            " / ".join(triage.NEXT_STEPS[r.next_step])
            if r.next_step
            else " / ".join(STATE_LABELS[r.item.state])
        )
        notes = [r.error] if r.error else []
        if r.duplicate_of:
            notes.append(f"与 {r.duplicate_of} 内容相同 / same bytes as {r.duplicate_of}")
        if res.get("note"):
            notes.append(res["note"])
        cells = [
            f'<td class="n">{r.rank}</td>',
            f"<td>{e(r.item.key)}</td>",
            f'<td data-step="{e(r.next_step)}">{e(step)}</td>',
            f'<td data-v="{r.tier}">{e(" / ".join(TIER_LABELS[r.tier]))}</td>',
            f"<td>{e('；'.join(res.get('markings', [])))}</td>",
            f'<td class="n">{sum(res.get("act", {}).values()) if res else ""}</td>',
            *[f'<td class="n">{res["counts"].get(t, 0) if res else ""}</td>' for t in types],
            f"<td>{e(res.get('format', ''))}</td>",
            f"<td>{e('；'.join(notes))}</td>",
        ]
        out.append(f'<tr class="t{r.tier}" data-tier="{r.tier}">' + "".join(cells) + "</tr>")
    out.append(f"</tbody></table><script>{_SCRIPT}</script></body></html>")
    return "\n".join(out).encode("utf-8")


def write_reports(ws, batch_id: int, folder: Path, *, generated_at: str) -> tuple[Path, Path]:
    """Write batch-<id>.html and batch-<id>.csv in `folder` (each atomically); returns both paths."""
    batch = jobs.get_batch(ws, batch_id)
    rows = ranked_rows(jobs.items(ws, batch_id))
    folder.mkdir(parents=True, exist_ok=True)
    html_path, csv_path = folder / f"batch-{batch_id}.html", folder / f"batch-{batch_id}.csv"
    write_bytes_atomic(html_path, to_html(batch, rows, generated_at=generated_at))
    write_bytes_atomic(csv_path, to_csv(batch, rows))
    return html_path, csv_path

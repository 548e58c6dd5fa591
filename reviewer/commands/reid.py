"""`reviewer reid FILE... [--profile P] [--k N] [--json]`: can the published roster still single people out?

With `--profile`, each file is checked as `redact --profile P` would publish it (detection runs first);
without, as it stands (a list someone already masked). Prints, per table, the share of unique rows and of
rows below k before and after the suggested generalisation, the flagged rows, sensitive columns attached to
groups with one value (l-diversity), published columns the profile's rule does not list, and identifiers of
one person masked differently in two files (together they rebuild the number).

Exit codes: 0 nothing flagged; 1 a file could not be read; 2 usage error; 6 rows or inconsistencies flagged
(5 is `redact`'s refusal of a classified document; codes mean one thing across the CLI).
"""

from __future__ import annotations

import argparse
import json
import sys

FLAGGED = 6
_SHOWN_ROWS = 20


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="xlsx, xls, docx (tables) … of one publication"
    )
    parser.add_argument(
        "--profile",
        default=None,
        help="check the copy this profile would publish (e.g. assistance-notice); default: the files "
        "as they are",
    )
    parser.add_argument(
        "--k", type=int, default=None, help="minimum group size (default: the profile's roster.k, else 5)"
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")


def run(args: argparse.Namespace) -> int:
    from reviewer.core.deidentify.profiles import load_profile
    from reviewer.core.errors import ReviewerError
    from reviewer.core.service.reidentify import check_files

    if args.k is not None and args.k < 1:
        print("--k 必须是正整数 / --k must be a positive integer", file=sys.stderr)
        return 2
    profile = None
    if args.profile:
        try:
            profile = load_profile(args.profile)
        except ReviewerError as exc:
            print(f"--profile {args.profile}: {exc}", file=sys.stderr)
            return 2
    try:
        result = check_files(args.files, profile, k=args.k)
    except ReviewerError as exc:
        print(f"{getattr(exc, 'path', None) or ' '.join(args.files)}: {exc}", file=sys.stderr)
        return 1
    data = to_json(result, profile.name if profile else None)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(to_text(data))
    return FLAGGED if result.flagged else 0


def to_json(result, profile: str | None) -> dict:  # noqa: ANN001 - reidentification.ReidResult
    from reviewer.core.deidentify.reidentification import summarise

    tables = []
    for check in result.tables:
        table = check.table
        entry = {
            "file": table.source,
            "table": table.name,
            "rows": len(table.rows),
            "quasi_identifiers": [table.columns[j].header for j in check.quasi],
            "sensitive": [table.columns[j].header for j in check.sensitive],
            "unique_share": round(check.unique_share(), 4),
            "below_k_share": round(check.below_share(result.k), 4),
            "flagged_rows": [{"where": table.rows[i].where, "k": check.k[i]} for i in check.below(result.k)],
            "not_diverse_rows": [
                {"where": table.rows[i].where, "l": check.l[i]} for i in check.not_diverse(result.l)
            ],
            "extra_columns": list(check.extra_columns),
            "suggestion": [
                {
                    "column": table.columns[s.column].header,
                    "level": s.level,
                    "zh": s.label(table.columns[s.column].header, check.levels[s.column])[0],
                    "en": s.label(table.columns[s.column].header, check.levels[s.column])[1],
                }
                for s in summarise(check.suggestion)
            ],
        }
        if check.after is not None:
            entry["after"] = {
                "unique_share": round(check.after.unique_share(), 4),
                "below_k_share": round(check.after.below_share(result.k), 4),
                "flagged_rows": len(check.after.below(result.k)),
            }
        tables.append(entry)
    return {
        "profile": profile,
        "k": result.k,
        "l": result.l,
        "flagged": result.flagged,
        "tables": tables,
        "inconsistencies": [
            {
                "kind": i.kind,
                "person": i.person,
                "combined": i.combined,
                "revealed": i.revealed,
                "places": [{"file": f, "where": w, "value": v} for f, w, v in i.places],
            }
            for i in result.inconsistencies
        ],
    }


def to_text(data: dict) -> str:
    k, l_ = data["k"], data["l"]
    lines = [
        f"重识别风险检查 / re-identification check: k = {k}, l = {l_}"
        + (
            f"（策略 / profile {data['profile']}）"
            if data["profile"]
            else "（按文件现状 / files as they are）"
        )
    ]
    if not data["tables"]:
        lines.append(
            "  没有可检查的表格（需要带表头的名单）/ no table to check (a list with a header row is needed)"
        )
    for t in data["tables"]:
        lines.append(
            f"{t['file']} — {t['table']}: {t['rows']} 行 / rows; 准标识符 / quasi-identifiers: "
            + ("、".join(t["quasi_identifiers"]) or "—")
        )
        lines.append(
            f"  唯一行 / unique rows: {t['unique_share']:.1%}; 低于 k / below k={k}: {t['below_k_share']:.1%}"
        )
        if "after" in t:
            steps = "；".join(s["zh"] for s in t["suggestion"])
            lines.append(f"  建议 / suggestion: {steps}")
            lines.append(
                f"  建议后 / after it: 唯一行 / unique {t['after']['unique_share']:.1%}; 低于 k / below k "
                f"{t['after']['below_k_share']:.1%}"
            )
        if t["flagged_rows"]:
            shown = ", ".join(f"{r['where']}(k={r['k']})" for r in t["flagged_rows"][:_SHOWN_ROWS])
            more = len(t["flagged_rows"]) - _SHOWN_ROWS
            lines.append(f"  标记的行 / flagged rows: {shown}" + (f" … +{more}" if more > 0 else ""))
        if t["not_diverse_rows"]:
            shown = ", ".join(r["where"] for r in t["not_diverse_rows"][:_SHOWN_ROWS])
            lines.append(
                f"  敏感列（{'、'.join(t['sensitive'])}）在组内只有一个取值 / sensitive column with a single value "
                f"in the group (l < {l_}): {len(t['not_diverse_rows'])} 行 / rows: {shown}"
            )
        if t["extra_columns"]:
            lines.append(
                f"  规则未列出却公布的列 / columns published beyond the rule: {'、'.join(t['extra_columns'])}"
            )
    for i in data["inconsistencies"]:
        places = "；".join(f"{p['value']}（{p['file']} {p['where']}）" for p in i["places"])
        lines.append(
            f"跨文件不一致 / inconsistent masks for {i['person']} ({i['kind']}): {places} → 合起来为 / together "
            f"{i['combined']}（{i['revealed']} 位可见 / characters visible）"
        )
    return "\n".join(lines)

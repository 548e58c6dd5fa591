"""The office's own term lists (敏感词库): what they hold and the rules every entry must pass.

Four kinds, each with its effect on a review:
- `block`  阻断发布 — terms that block release (code names of classified projects): a `block` finding; the export
  gate refuses a release copy until a reviewer rejects it with a reason.
- `review` 敏感表述 — sensitive wording a reviewer should look at: a `review` finding.
- `deny`   必删 — names and numbers always removed: removed under every profile.
- `allow`  不标记 — terms never flagged (the agency's own officials in their public role, place names that look
  like names): findings lying inside such a span are dropped — except `block` ones, which an allow list never hides.

A `TermSet` is immutable and picklable: it travels with each analyze call to the detection process. Its
`version` and `digest` name exactly which list a review used.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from reviewer.core.errors import ReviewerError
from reviewer.core.types import EntityType, Severity

MAX_TERMS = 20_000
MAX_TERM_CHARS = 100
MAX_NOTE_CHARS = 300


class TermKind(StrEnum):
    BLOCK = "block"
    REVIEW = "review"
    DENY = "deny"
    ALLOW = "allow"


# names a user reads and writes (txt section headers, the xlsx 类别 column, the dialog)
KIND_ZH = {TermKind.BLOCK: "阻断发布", TermKind.REVIEW: "敏感表述", TermKind.DENY: "必删", TermKind.ALLOW: "不标记"}
KIND_EN = {TermKind.BLOCK: "block release", TermKind.REVIEW: "review wording", TermKind.DENY: "always remove",
           TermKind.ALLOW: "never flag"}
ENTITY_OF = {TermKind.BLOCK: EntityType.TERM_BLOCK, TermKind.REVIEW: EntityType.TERM_REVIEW,
             TermKind.DENY: EntityType.TERM_DENY}
SEVERITY_OF = {TermKind.BLOCK: Severity.BLOCK, TermKind.REVIEW: Severity.REVIEW}


class TermListInvalid(ReviewerError):
    code = "term_list_invalid"


def parse_kind(value: str) -> TermKind | None:
    """A kind from its key (`block`), its Chinese name (阻断发布) or its English name; None if unknown."""
    text = str(value).strip().strip("[]【】").strip().lower()
    for kind in TermKind:
        if text in (kind.value, KIND_ZH[kind], KIND_EN[kind]):
            return kind
    return None


_SEPARATED = re.compile(r"(?<=[0-9A-Za-z])[ \-]+(?=[0-9A-Za-z])")


def term_key(text: str) -> str:
    """What makes two spellings one term: case, and spaces/hyphens between letters and digits, do not count
    (13800001111 = 138 0000 1111 = 138-0000-1111; XK-17 = xk17). Full-width forms are folded by the caller
    (`detection.normalize`), as for the text they are matched in."""
    return _SEPARATED.sub("", text).casefold()


@dataclass(frozen=True, slots=True)
class TermEntry:
    kind: TermKind
    term: str
    note: str = ""  # why the office listed it ("某涉密项目代号", "本局局长，公开职务")
    added_by: str = ""
    added_at: str = ""  # ISO-8601 UTC

    def to_json(self) -> list[str]:
        return [str(self.kind), self.term, self.note, self.added_by, self.added_at]

    @classmethod
    def from_json(cls, data: list[str]) -> TermEntry:
        kind, term, note, added_by, added_at = data
        return cls(TermKind(kind), term, note, added_by, added_at)


def _kind_order(entry: TermEntry) -> tuple[int, str]:
    return list(TermKind).index(entry.kind), entry.term


@dataclass(frozen=True, slots=True)
class TermSet:
    """One version of a workspace's term lists (version 0: none kept yet)."""

    entries: tuple[TermEntry, ...] = ()
    version: int = 0
    changed_by: str = ""
    changed_at: str = ""

    @property
    def digest(self) -> str:
        return entries_digest(self.entries)

    def of(self, kind: TermKind) -> tuple[TermEntry, ...]:
        return tuple(e for e in self.entries if e.kind is kind)

    def __bool__(self) -> bool:
        return bool(self.entries)

    def label_zh(self) -> str:
        """How the review log and explanations name this list."""
        if not self.version:
            return "未使用单位敏感词库"
        return f"单位敏感词库第 {self.version} 版（{len(self.entries)} 条，SHA-256 {self.digest[:12]}）"


def entries_digest(entries: Iterable[TermEntry]) -> str:
    data = [e.to_json() for e in entries]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")).hexdigest()


def validate_entries(entries: Iterable[TermEntry]) -> tuple[TermEntry, ...]:
    """Clean and check entries: trimmed, at least two characters, one kind per term (whatever its spelling),
    sorted by kind then term. Duplicates within one kind are merged (the first note wins)."""
    seen: dict[str, TermEntry] = {}
    out: list[TermEntry] = []
    for raw in entries:
        term = " ".join(str(raw.term).split())
        note = " ".join(str(raw.note or "").split())
        if not term:
            continue
        where = f"“{term[:30]}”"
        if len(term) < 2:
            raise TermListInvalid(f"词条{where}只有一个字符，会在几乎每份文件中命中。请写出完整的词。",
                                  f"The term {where} has a single character and would match almost everywhere. "
                                  "Write the whole word.")
        if len(term) > MAX_TERM_CHARS or len(note) > MAX_NOTE_CHARS:
            raise TermListInvalid(f"词条{where}或其备注过长（词条最多 {MAX_TERM_CHARS} 字，备注最多 {MAX_NOTE_CHARS} 字）。",
                                  f"The term {where} or its note is too long (at most {MAX_TERM_CHARS} characters "
                                  f"for a term, {MAX_NOTE_CHARS} for a note).")
        if any(ch in term for ch in "\t\r\n"):
            raise TermListInvalid(f"词条{where}含制表符或换行，请拆成多条。",
                                  f"The term {where} contains a tab or a line break; split it.")
        key = term_key(term)
        if key in seen:
            first = seen[key]
            if first.kind is not raw.kind:
                raise TermListInvalid(
                    f"词条{where}同时出现在“{KIND_ZH[first.kind]}”和“{KIND_ZH[raw.kind]}”中。一个词只能属于一类，请删去其一。",
                    f"The term {where} is both in '{KIND_EN[first.kind]}' and in '{KIND_EN[raw.kind]}'. A term "
                    "belongs to one list only; remove one.")
            continue
        entry = TermEntry(TermKind(raw.kind), term, note, raw.added_by, raw.added_at)
        seen[key] = entry
        out.append(entry)
    if len(out) > MAX_TERMS:
        raise TermListInvalid(f"词库共 {len(out)} 条，超过上限 {MAX_TERMS} 条。请精简后再保存。",
                              f"The lists hold {len(out)} terms, more than the limit of {MAX_TERMS}. Trim them.")
    return tuple(sorted(out, key=_kind_order))


@dataclass(frozen=True, slots=True)
class TermChange:
    """What one new version changed, for its audit event."""

    added: tuple[TermEntry, ...]
    removed: tuple[TermEntry, ...]
    renoted: tuple[TermEntry, ...]  # same term and kind, another note

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.renoted)

    def to_json(self) -> dict:
        def items(entries: tuple[TermEntry, ...]) -> list[list[str]]:
            return [[str(e.kind), e.term, e.note] for e in entries]

        return {"added": items(self.added), "removed": items(self.removed), "renoted": items(self.renoted)}


def diff(old: Iterable[TermEntry], new: Iterable[TermEntry]) -> TermChange:
    before = {(e.kind, term_key(e.term)): e for e in old}
    after = {(e.kind, term_key(e.term)): e for e in new}
    added = tuple(e for k, e in after.items() if k not in before)
    removed = tuple(e for k, e in before.items() if k not in after)
    renoted = tuple(e for k, e in after.items() if k in before and before[k].note != e.note)
    return TermChange(added, removed, renoted)

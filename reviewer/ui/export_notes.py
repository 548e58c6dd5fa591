"""The writers' export notes (what else the copy lost: comments, tracked changes, picture metadata,
signatures …) in the reader's language.

The core writes each note as one English line (`ExportResult.notes`; the CLI prints them as they are).
The notes the writers can give are known, so each is matched here and said again through Qt's
translation; a note not matched (a new writer's) is shown as written rather than dropped.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

translate = QT_TRANSLATE_NOOP  # marked for translation here, translated when shown

_NOTES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(\d+) value replacements$"), translate("ExportNotes", "%1 values replaced in the text.")),
    (
        re.compile(r"^(\d+) replacements in the page's text, comments, attributes and scripts$"),
        translate("ExportNotes", "%1 values replaced in the page's text, comments, attributes and scripts."),
    ),
    (
        re.compile(r"^(\d+) replacements \((.+)\)$"),
        translate("ExportNotes", "%1 values replaced (written as %2)."),
    ),
    (
        re.compile(
            r"^the (\S+) file was converted to docx by (.+?): the copy is a docx, the original is unchanged"
        ),
        translate(
            "ExportNotes",
            "The %1 file was converted to docx by %2: the copy is a docx, the original is unchanged.",
        ),
    ),
    (
        re.compile(r"^(\d+) characters removed from content streams on pages (.+)$"),
        translate("ExportNotes", "%1 characters removed from the pages' content (pages %2)."),
    ),
    (
        re.compile(r"^(\d+) metadata/outline/link strings replaced$"),
        translate("ExportNotes", "%1 values replaced in the metadata, bookmarks and links."),
    ),
    (
        re.compile(r"tracked changes accepted: (\d+) insertions kept, (\d+) deletions dropped"),
        translate("ExportNotes", "Tracked changes accepted: %1 insertions kept, %2 deletions dropped."),
    ),
    (re.compile(r"(\d+) comment markers removed"), translate("ExportNotes", "%1 comments removed.")),
    (
        re.compile(r"(\d+) preview pictures of embedded objects blanked"),
        translate(
            "ExportNotes",
            "%1 preview pictures of embedded objects blanked (they showed removed values; "
            "Word redraws them when the object is opened).",
        ),
    ),
    (
        re.compile(r"metadata \(EXIF/GPS, XMP, comments, text\) removed from (\d+) pictures"),
        translate("ExportNotes", "Metadata (EXIF/GPS position, XMP, comments) removed from %1 pictures."),
    ),
    (
        re.compile(r"(\d+) imported HTML/RTF/text chunks \(altChunk\) turned into plain paragraphs"),
        translate(
            "ExportNotes", "%1 imported HTML/RTF/text chunks turned into plain paragraphs: check the layout."
        ),
    ),
    (re.compile(r"parts removed: (.+)"), translate("ExportNotes", "Parts removed from the file: %1.")),
    (
        re.compile(r"(\d+) <meta> author/contact entries emptied"),
        translate("ExportNotes", "%1 author or contact entries of the page's <meta> emptied."),
    ),
    (
        re.compile(r"(\d+) pictures in the web archive lost their metadata"),
        translate("ExportNotes", "%1 pictures in the web archive lost their metadata."),
    ),
    (
        re.compile(r"linked files \(pictures, a saved page's _files folder\) are not part of the copy"),
        translate(
            "ExportNotes",
            "Linked files (pictures, the page's _files folder) are not part of the copy: "
            "check them before publishing them with it.",
        ),
    ),
    (
        re.compile(r"(\d+) characters removed from the text, (\d+) opaque boxes drawn over them"),
        translate(
            "ExportNotes", "%1 characters removed from the text, %2 opaque boxes drawn where they were."
        ),
    ),
    (
        re.compile(r"(\d+) attachments removed"),
        translate(
            "ExportNotes",
            "%1 attachments removed (they held removed values, or content that cannot be checked).",
        ),
    ),
    (
        re.compile(r"(\d+) custom tags .* removed"),
        translate(
            "ExportNotes",
            "%1 custom tags (structured fields such as an invoice's buyer) removed: they held "
            "removed values.",
        ),
    ),
    (
        re.compile(r"document info removed: (.+)"),
        translate("ExportNotes", "Document information removed: %1."),
    ),
    (
        re.compile(r"(\d+) electronic signatures and seals removed"),
        translate(
            "ExportNotes",
            "%1 electronic signatures and seals removed: the copy no longer matches what was "
            "signed; sign the published copy again if it needs a seal.",
        ),
    ),
    (
        re.compile(r"pages (\[[\d, ]*\]) re-rendered as images"),
        translate("ExportNotes", "Pages %1 re-rendered as images (their text layer is gone)."),
    ),
    (
        re.compile(r"pages (\[[\d, ]*\]): redactions lie on images"),
        translate(
            "ExportNotes",
            "Pages %1: redactions lie on images (scans); the boxes follow the OCR text layer, "
            "check those pages visually.",
        ),
    ),
    (re.compile(r"(\d+) annotations removed"), translate("ExportNotes", "%1 annotations removed.")),
    (
        re.compile(r"(\d+) replacement characters not in (\S+) written as \*"),
        translate("ExportNotes", "%1 replacement characters that %2 cannot hold were written as *."),
    ),
    (re.compile(r"not checked: (.+)"), translate("ExportNotes", "Not checked: %1")),
]


def note_text(note: str) -> str:
    """One export note in the UI language (the writer's own words when the note is not known)."""
    for pattern, template in _NOTES:
        m = pattern.search(note)
        if m is None:
            continue
        text = QCoreApplication.translate("ExportNotes", template)
        for i, value in enumerate(m.groups(), start=1):
            text = text.replace(f"%{i}", value.strip("[]"))  # "pages [3, 4]" → "pages 3, 4"
        return text
    return note

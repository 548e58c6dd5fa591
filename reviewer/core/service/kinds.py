"""The document kind and the profile it selects (`--profile auto`, the GUI's default).

The kind is recognised from the text (`documents/kinds.py`); a reviewer may change it (`DocumentReview.set_kind`,
stored with the document and audited). Each kind names its profile in resources/document_kinds.yaml; the profiles
cite the rule they follow.
"""

from __future__ import annotations

from reviewer.core.deidentify.profiles import Profile, load_profile
from reviewer.core.documents.kinds import Kind, KindGuess, load_kinds, recognize_document
from reviewer.core.documents.model import Document


def profile_for_kind(kind: Kind | str) -> Profile:
    kind = load_kinds().get(kind) if isinstance(kind, str) else kind
    return load_profile(kind.profile)


def profile_for_document(document: Document) -> tuple[KindGuess, Profile]:
    """The recognised kind (with its evidence, title and 文号) and the profile it selects."""
    guess = recognize_document(document)
    return guess, profile_for_kind(guess.kind)


def kind_choices() -> list[Kind]:
    """Every kind a reviewer may choose, in catalogue order, `other` last."""
    catalog = load_kinds()
    return [*catalog.kinds, catalog.get("other")]

"""Review workflow: state machine (states.py), decisions (decisions.py), the disclosure attribute record
(attribute.py), submission and sign-off (signoff.py), and the per-document session with undo/redo
(session.py). Reached through `reviewer.core.store.open_workspace(...)`."""

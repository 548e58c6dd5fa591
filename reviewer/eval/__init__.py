"""Evaluation commands: ``python -m reviewer.eval <name>`` runs ``reviewer.eval.<name>.main``."""

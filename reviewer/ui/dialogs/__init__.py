"""Dialogs of the workstation, one module per dialog family."""

"""reviewer: disclosure-review workstation (政府信息公开保密审查)."""

__version__ = "0.1.0"

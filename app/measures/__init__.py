"""Questionnaires: definition files, scoring and item wording (no Qt, no charts)."""

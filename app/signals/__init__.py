"""Gentle early warnings from a person's own data: pure rules, a service, plain words."""

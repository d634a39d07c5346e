"""Tend's Qt widgets. Thin: they call services in ``app`` through the task runner."""

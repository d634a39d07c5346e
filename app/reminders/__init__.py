"""Reminders: rules, the due-time maths, the service and the scheduler that wakes the app."""

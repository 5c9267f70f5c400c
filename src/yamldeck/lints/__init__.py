"""Lints: everything `check` (and `build`) reports on an outline that validated."""

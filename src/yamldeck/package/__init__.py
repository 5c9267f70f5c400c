"""Packaging: the deterministic zip, the integrity self-check, and the atomic write."""

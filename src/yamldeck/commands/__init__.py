"""The commands that drive the stages: build, check, preview and export, watch."""

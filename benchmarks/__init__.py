"""Benchmarks: run ``python -m benchmarks.pipeline`` (see benchmarks/README.md)."""

"""Benchmarks: each prints ratios against baselines measured in the same run.

Results and how to run them: docs/performance.md.
"""

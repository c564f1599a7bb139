"""The benchmarks (issue 8): one module per measurement, a runner, the report as a template.

Run it with `.venv/bin/python bench/run.py`; bench/runner.py says what it measures and its options.
"""

"""Benchmarks: start-up, search at scale, keystroke latency, handout export, memory.

Not part of the normal test run; `python -m tests.benchmarks.run` runs them.
"""

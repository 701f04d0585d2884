"""Behavioural harness: run a legacy project before and after ``hapimigrate apply`` with
recording fakes in place of the network, and compare what every request sends.

Modules: ``records`` (the data), ``fakes`` (recording transports), ``sdk`` (stand-ins for
HubSpot's SDKs), ``runner`` (one case in a fresh process), ``compare`` (verdicts, pure),
``harness`` (one project end to end); ``test_runner`` tests the runner and fakes.
The contract with the corpus is ``bench/corpus/README.md``; the driver is
``bench/behaviour.py``.
"""

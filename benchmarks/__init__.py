"""Benchmarks for issue 7 (not tests): `python -m benchmarks [--quick] [--only NAME]`. See README.md."""

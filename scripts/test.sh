#!/usr/bin/env bash
# Install everything the test suite needs and run it: lint, types, then pytest (GUI offscreen,
# real SQLite files, a real PostgreSQL started by the tests where sync is tested).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-system.sh --test
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test]"
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check src tests benchmarks
.venv/bin/mypy
# the same types as Windows sees them (POSIX-only calls unguarded there fail here); a cache of its own
.venv/bin/mypy --platform win32 --cache-dir .mypy_cache/win32
# the layers of DESIGN.md §1: import-linter contracts in pyproject.toml (more: tests/test_architecture.py)
.venv/bin/lint-imports --no-logo
# the GitHub Actions workflow (Windows job), which cannot run here: at least valid against the workflow schema
.venv/bin/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/ci.yml
.venv/bin/python -m pytest -p no:cacheprovider "$@"

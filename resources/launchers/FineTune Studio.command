#!/bin/bash
# Double-click in Finder to start FineTune Studio. The first start sets up .venv (a few minutes).
cd "$(dirname "$0")/../.." || exit 1
exec python3 scripts/bootstrap.py app

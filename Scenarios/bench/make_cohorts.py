#!/usr/bin/env python3
"""Generate cohorts.csv for the benchmark scenario (bench.yaml) from the shared public data.

900 cohorts = 5 IMD quintiles x 18 five-year age bands x 2 sexes x 5 ethnic groups, England-sized.

Run from anywhere:

    python3 Scenarios/bench/make_cohorts.py [--data DIR] [--out FILE]

--data defaults to $PHM_SHARED_DATA, else the `shared/data` folder beside the repository
(../../../shared/data from this file). --out defaults to cohorts.csv beside this file.
Only the standard library is used; the output is deterministic (same data, same bytes).

Where each column comes from
----------------------------
population
    population_by_imd_quintile_age_band_england_2016.csv: England by IMD quintile x 5-year
    band (York DCEA teaching app sample data, Asaria; total 55,268,067, probably ONS mid-2016,
    UNCONFIRMED), split by
    * sex: the female share of the quintile's broad band (0-17, 18-64, 65-84) in
      population_by_imd_quintile_sex_age_band_england_2014.csv (Asaria, ONS mid-2014);
      bands 0-4 .. 15-19 use 0-17, 20-24 .. 60-64 use 18-64, 65-69 .. 80-84 use 65-84.
      ASSUMPTION: 85+ is 63% female (that file omits 85+).
    * ethnic group: ASSUMPTION (not in the data). Shares by IMD quintile, roughly
      matching the 2011 Census for England overall (White ~85%, Asian ~8%, Black ~3.5%,
      Mixed ~2.3%, Other ~1%) and more diverse in deprived areas; the non-White shares are
      scaled by age (x1.4 under 20, x1.2 at 20-44, x0.8 at 45-64, x0.4 at 65+) with White
      taking the remainder.
    Counts are rounded to whole people with the largest-remainder method within each
    IMD quintile x age band, so each band's total equals the source exactly.
utility
    ASSUMPTION: UK EQ-5D-3L population norms by age (not in the data), x a deprivation
    factor Q1..Q5 = 0.950 0.980 1.000 1.015 1.024, half the relative gradient of the share of
    life in good health (HLE/LE, deciles paired, relative to Q3) in
    ons_male_hle_by_imd_decile_england_2015_2017.csv (ONS 2015-17), x 0.99 for women and
    1.01 for men; ethnic group: no adjustment (assumption).
growth
    ASSUMPTION: per year by age band, the shape of ONS projections (ageing): 0.0% under 20,
    0.2% at 20-64, 1.5% at 65-84, 2.5% at 85+.
"""

from __future__ import annotations

import argparse
import csv
import os
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUINTILES = ["Q1", "Q2", "Q3", "Q4", "Q5"]
BANDS = [(a, a + 4) for a in range(0, 85, 5)] + [(85, 99)]
SEXES = ["F", "M"]
ETHNIC = ["white", "asian", "black", "mixed", "other"]

# assumption: ethnic group shares by IMD quintile (white, asian, black, mixed, other)
ETHNIC_SHARES = {
    "Q1": [0.760, 0.110, 0.070, 0.035, 0.025],
    "Q2": [0.820, 0.090, 0.045, 0.027, 0.018],
    "Q3": [0.870, 0.065, 0.030, 0.020, 0.015],
    "Q4": [0.900, 0.055, 0.018, 0.017, 0.010],
    "Q5": [0.920, 0.045, 0.010, 0.015, 0.010],
}
FEMALE_85_PLUS = 0.63  # assumption
DEPRIVATION_FACTOR = {"Q1": 0.950, "Q2": 0.980, "Q3": 1.000, "Q4": 1.015, "Q5": 1.024}
SEX_FACTOR = {"F": 0.99, "M": 1.01}


def band_label(lo: int, hi: int) -> str:
    return "85+" if lo == 85 else f"{lo}-{hi}"


def minority_age_factor(lo: int) -> float:
    if lo < 20:
        return 1.4
    if lo < 45:
        return 1.2
    if lo < 65:
        return 0.8
    return 0.4


def utility_norm(lo: int) -> float:
    """assumption: UK EQ-5D-3L population norms by age, rounded."""
    if lo < 20:
        return 0.94
    if lo < 25:
        return 0.93
    if lo < 35:
        return 0.92
    if lo < 45:
        return 0.90
    if lo < 55:
        return 0.85
    if lo < 65:
        return 0.81
    if lo < 75:
        return 0.79
    if lo < 85:
        return 0.74
    return 0.67


def growth(lo: int) -> float:
    if lo < 20:
        return 0.0
    if lo < 65:
        return 0.002
    if lo < 85:
        return 0.015
    return 0.025


def read_csv(path: Path) -> list[dict]:
    with open(path, newline="") as f:
        lines = [line for line in f if not line.startswith("#")]
    return list(csv.DictReader(lines))


def broad_band(lo: int) -> str:
    if lo < 20:
        return "0-17"
    if lo < 65:
        return "18-64"
    return "65-84"


def largest_remainder(total: int, weights: list[float]) -> list[int]:
    raw = [total * w / sum(weights) for w in weights]
    counts = [int(x) for x in raw]
    order = sorted(range(len(raw)), key=lambda i: (-(raw[i] - counts[i]), i))
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


def main() -> None:
    default_data = os.environ.get("PHM_SHARED_DATA") or str(HERE.parents[2] / "shared" / "data")
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=default_data)
    parser.add_argument("--out", default=str(HERE / "cohorts.csv"))
    args = parser.parse_args()
    data = Path(args.data)

    pop16 = {(r["imd_quintile"], int(r["age_start"])): int(r["population"])
             for r in read_csv(data / "population_by_imd_quintile_age_band_england_2016.csv")}
    sex14: dict[tuple[str, str], dict[str, int]] = {}
    for r in read_csv(data / "population_by_imd_quintile_sex_age_band_england_2014.csv"):
        sex14.setdefault((r["imd_quintile"], r["age_band"]), {})[r["sex"]] = int(r["population"])

    rows = []
    for q in QUINTILES:
        for lo, hi in BANDS:
            total = pop16[(q, lo)]
            if lo == 85:
                female = FEMALE_85_PLUS
            else:
                s = sex14[(q, broad_band(lo))]
                female = s["F"] / (s["F"] + s["M"])
            base = ETHNIC_SHARES[q]
            minority = [x * minority_age_factor(lo) for x in base[1:]]
            eth = [1.0 - sum(minority)] + minority
            weights = [(female if sex == "F" else 1.0 - female) * e for sex in SEXES for e in eth]
            counts = largest_remainder(total, weights)
            k = 0
            for sex in SEXES:
                for e in ETHNIC:
                    u = utility_norm(lo) * DEPRIVATION_FACTOR[q] * SEX_FACTOR[sex]
                    rows.append([q, band_label(lo, hi), sex, e, counts[k], f"{u:.4f}", growth(lo)])
                    k += 1

    with open(args.out, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["imd", "age", "sex", "ethnicity", "population", "utility", "growth"])
        w.writerows(rows)
    total = sum(r[4] for r in rows)
    print(f"wrote {args.out}: {len(rows)} cohorts, {total:,} people")


if __name__ == "__main__":
    main()

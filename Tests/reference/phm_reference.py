#!/usr/bin/env python3
"""Independent NumPy reference implementation of the phm population-health model.

It follows the written model and nothing else:

* ``/work/shared/MODEL.md`` (the contract): §1 the scenario file, §2 the equations of one
  draw and one option, §3 Monte Carlo;
* ``docs/MODEL-NOTES.md`` (the project's decisions where MODEL.md is silent): which keys vary
  by cohort, defaults, edge cases of the equations, ``set``/``shift`` semantics, clamping of
  drawn values, and the reported quantities.

Usage::

    python3 phm_reference.py deterministic SCENARIO.yaml [--options a,b]
    python3 phm_reference.py bench SCENARIO.yaml --draws N [--options a,b]

``deterministic`` replaces every distribution by its mean, adds no count noise and prints the
JSON report that the Swift engine's deterministic mode is checked against (1e-9 relative).
``bench`` samples the parameters with NumPy and times the same simulation, vectorised over draws
and cohorts, for every option; it exists to measure speed, its values need not match Swift's.

One simulation core (``simulate``) serves both modes: every array has a leading draw axis, of
length 1 in deterministic mode.
"""

from __future__ import annotations

import argparse
import copy
import csv
import ctypes
import json
import math
import re
import sys
import time
import zlib
from dataclasses import dataclass, fields
from pathlib import Path

import numpy as np
import yaml

# Φ⁻¹(0.9): turns a lognormal's 80% interval {p10, p90} into its log-scale sd (MODEL.md §1).
Z90 = 1.2815515655446004

SHARE = (0.0, 1.0)             # MODEL-NOTES "Values at draw time": shares are clamped to [0, 1]
NON_NEGATIVE = (0.0, math.inf)  # rates, costs, budgets, populations and effects to ≥ 0
UNBOUNDED = (-math.inf, math.inf)  # utility, growth, elasticity and discount rates: not clamped

EXIT_INVALID = 65  # MODEL.md §1 "Errors": exit code for a bad file


class ScenarioError(Exception):
    """A scenario this reference does not understand (it fails loudly rather than guess)."""


# ---------------------------------------------------------------------------------------------
# Numbers and distributions (MODEL.md §1 "Values")
# ---------------------------------------------------------------------------------------------

DISTRIBUTION_PARAMETERS = {
    "normal": [("mean", "sd")],
    "lognormal": [("mean", "sd"), ("p10", "p90")],
    "gamma": [("mean", "sd")],
    "beta": [("mean", "sd")],
    "uniform": [("low", "high")],
    "triangular": [("low", "mode", "high")],
    "pert": [("low", "mode", "high")],
}


@dataclass(frozen=True)
class Number:
    """One number of the scenario: a plain float or a distribution (a dict with ``dist``).

    ``key`` is the parameter path that keys its random stream (MODEL.md §3); a value written by
    an option's ``set`` is keyed ``options.NAME.set.PATH`` (MODEL-NOTES "Options").
    """

    key: str
    value: float | dict


def is_plain_number(raw) -> bool:
    return isinstance(raw, (int, float)) and not isinstance(raw, bool)


def parse_number(raw, path: str) -> Number:
    """A scalar or a distribution written at ``path``."""
    if is_plain_number(raw):
        return Number(path, float(raw))
    if isinstance(raw, dict) and "dist" in raw:
        family = raw["dist"]
        if family not in DISTRIBUTION_PARAMETERS:
            raise ScenarioError(f"{path}: unknown distribution {family!r}")
        given = set(raw) - {"dist"}
        for names in DISTRIBUTION_PARAMETERS[family]:
            if given == set(names):
                for name in names:
                    if not is_plain_number(raw[name]):
                        raise ScenarioError(f"{path}.{name}: expected a number, got {raw[name]!r}")
                return Number(path, {"dist": family, **{n: float(raw[n]) for n in names}})
        expected = " or ".join("{" + ", ".join(names) + "}" for names in DISTRIBUTION_PARAMETERS[family])
        raise ScenarioError(f"{path}: a {family} distribution takes {expected}, got {sorted(given)}")
    raise ScenarioError(f"{path}: expected a number or a distribution, got {raw!r}")


def lognormal_interval_log_scale(p10: float, p90: float) -> tuple[float, float]:
    """(mu, sigma) of the lognormal whose 10th and 90th percentiles are p10 and p90."""
    mu = (math.log(p10) + math.log(p90)) / 2
    sigma = (math.log(p90) - math.log(p10)) / (2 * Z90)
    return mu, sigma


def mean_of(value: float | dict) -> float:
    """The value deterministic mode uses: the mean of the distribution."""
    if isinstance(value, float):
        return value
    family = value["dist"]
    if family == "lognormal" and "p10" in value:
        mu, sigma = lognormal_interval_log_scale(value["p10"], value["p90"])
        return math.exp(mu + sigma**2 / 2)
    if family in ("normal", "lognormal", "gamma", "beta"):
        return value["mean"]
    if family == "uniform":
        return (value["low"] + value["high"]) / 2
    if family == "triangular":
        return (value["low"] + value["mode"] + value["high"]) / 3
    if family == "pert":
        return (value["low"] + 4 * value["mode"] + value["high"]) / 6
    raise ScenarioError(f"no mean for distribution {value!r}")


def sample(value: float | dict, rng: np.random.Generator, n: int) -> np.ndarray:
    """n draws of a value (bench mode only; need not match the Swift sampler)."""
    if isinstance(value, float):
        return np.full(n, value)
    family = value["dist"]
    if family == "lognormal" and "p10" in value:
        mu, sigma = lognormal_interval_log_scale(value["p10"], value["p90"])
        return rng.lognormal(mu, sigma, n)
    if family in ("uniform", "triangular", "pert"):
        low, high = value["low"], value["high"]
        if family == "uniform":
            return rng.uniform(low, high, n)
        if high == low:
            return np.full(n, low)
        if family == "triangular":
            return rng.triangular(low, value["mode"], high, n)
        alpha = 1 + 4 * (value["mode"] - low) / (high - low)
        beta = 1 + 4 * (high - value["mode"]) / (high - low)
        return low + (high - low) * rng.beta(alpha, beta, n)
    mean, sd = value["mean"], value["sd"]
    if sd == 0:
        return np.full(n, mean)
    if family == "normal":
        return rng.normal(mean, sd, n)
    if family == "lognormal":
        sigma2 = math.log(1 + (sd / mean) ** 2)
        return rng.lognormal(math.log(mean) - sigma2 / 2, math.sqrt(sigma2), n)
    if family == "gamma":
        return rng.gamma((mean / sd) ** 2, sd**2 / mean, n)
    if family == "beta":
        concentration = mean * (1 - mean) / sd**2 - 1
        return rng.beta(mean * concentration, (1 - mean) * concentration, n)
    raise ScenarioError(f"cannot sample {value!r}")


class MeanValues:
    """Deterministic mode: every number is its mean; one 'draw'."""

    draws = 1
    deterministic = True

    def __call__(self, number: Number) -> np.ndarray:
        return np.array([mean_of(number.value)])


class SampledValues:
    """Bench mode: draws ``first .. first+draws-1`` of every number.

    Each parameter path has its own stream keyed by (seed, first draw, path) and is sampled once
    and cached, so every cohort, year and option reading it sees the same value (MODEL.md §3).
    """

    deterministic = False

    def __init__(self, seed: int, first: int, draws: int):
        self.seed, self.first, self.draws = seed, first, draws
        self.cache: dict[str, np.ndarray] = {}

    def __call__(self, number: Number) -> np.ndarray:
        if number.key not in self.cache:
            rng = np.random.default_rng([self.seed, self.first, zlib.crc32(number.key.encode())])
            self.cache[number.key] = sample(number.value, rng, self.draws)
        return self.cache[number.key]


# ---------------------------------------------------------------------------------------------
# Parameter slots: every number of the schema, by path (MODEL-NOTES "Options": `set` paths)
# ---------------------------------------------------------------------------------------------


@dataclass
class Scalar:
    number: Number
    bounds: tuple[float, float]


@dataclass
class CohortVarying:
    """``base × Π multiply[dim][level(c)]``, overridden by ``by_cohort`` (MODEL.md §1)."""

    base: Number
    multiply: dict[tuple[int, int], Number]  # (dimension index, level index) -> factor
    by_cohort: dict[int, Number]  # cohort index -> value
    bounds: tuple[float, float]


@dataclass
class SteadyState:
    """``incidence: null``: the incidence that holds prevalence steady when nothing changes,
    given exits, excess deaths and progression in and out (MODEL.md §2)."""


@dataclass
class Yearly:
    """A budget: one number for every year, or one per year (``horizon`` of them)."""

    numbers: list[Number]
    bounds: tuple[float, float]


@dataclass
class WholeYears:
    """``lag`` and ``ramp``: whole numbers of years, never distributions."""

    years: int


# ---------------------------------------------------------------------------------------------
# The scenario file (MODEL.md §1)
# ---------------------------------------------------------------------------------------------


@dataclass
class Cohort:
    levels: tuple[int, ...]  # level index in each dimension
    label: str  # levels joined by "/" in dimension order (the `by_cohort` key)
    population: Number
    utility: Number
    growth: Number
    qalys_after_horizon: Number  # discounted QALYs per survivor at year T (MODEL.md §2); default 0


@dataclass
class Intervention:
    name: str
    targets: dict[int, set[int]]  # dimension index -> allowed level indices; {} = every cohort
    eligible_need: int | None  # None = `population`, else the need index of `need:NAME`


@dataclass
class Shift:
    source: str
    destination: str
    amounts: list[Number]  # one (every year) or `horizon` of them


@dataclass
class Option:
    name: str
    shifts: list[Shift]
    slots: dict  # every parameter slot after the option's `set`s (the base's are the file's)


@dataclass
class Scenario:
    name: str
    horizon: int
    dimensions: list[tuple[str, list[str]]]
    equity_dimension: int
    cohorts: list[Cohort]
    needs: list[str]
    services: list[str]
    interventions: list[Intervention]
    slots: dict  # path -> Scalar | CohortVarying | SteadyState | Yearly | WholeYears
    options: list[Option]  # the file's options, in file order
    base: Option | None  # the implicit `base` option, which changes nothing
    seed: int
    draws: int
    poisson_noise: bool
    has_correlations: bool

    @property
    def cohort_levels(self) -> np.ndarray:
        return np.array([c.levels for c in self.cohorts], dtype=int).reshape(len(self.cohorts), -1)

    def dimension_index(self, name: str, path: str) -> int:
        for i, (dimension, _) in enumerate(self.dimensions):
            if dimension == name:
                return i
        raise ScenarioError(f"{path}: unknown dimension {name!r}")

    def level_index(self, dimension: int, level, path: str) -> int:
        levels = self.dimensions[dimension][1]
        if str(level) not in levels:
            raise ScenarioError(f"{path}: {level!r} is not a level of {self.dimensions[dimension][0]} {levels}")
        return levels.index(str(level))

    def cohort_index(self, label: str, path: str) -> int:
        for i, cohort in enumerate(self.cohorts):
            if cohort.label == label:
                return i
        raise ScenarioError(f"{path}: no cohort {label!r} (levels joined by '/' in dimension order)")


TOP_LEVEL_KEYS = {"name", "horizon", "discount", "threshold", "monte_carlo", "dimensions", "equity",
                  "cohorts", "needs", "services", "interventions", "options", "correlations"}
# `contracts` (MODEL.md §6) are read by `phm payments` and `optimise` by `phm optimise` only: they
# change no number of the simulation, so the reference accepts the keys and ignores them. So does
# `start_year`, which only labels the years (financial years from April of that year).
TOP_LEVEL_KEYS |= {"contracts", "optimise", "start_year"}
NEED_KEYS = {"prevalence", "exit_rate", "incidence", "utility_loss", "excess_deaths", "progression", "use"}
SERVICE_KEYS = {"unit_cost", "budget", "base_rate", "access", "supply_elasticity", "carryover",
                "qaly_loss_per_unmet", "deaths_per_unmet"}
INTERVENTION_KEYS = {"targets", "eligible", "cost_per_participant", "fixed_cost", "uptake", "budget",
                     "lag", "ramp", "effects"}
EFFECT_KEYS = {"incidence", "demand", "access", "mortality", "progression", "qaly_per_participant"}
COHORT_NUMBERS = ("population", "utility", "growth", "qalys_after_horizon")  # numbers of a cohort row


def check_keys(raw, allowed: set, path: str, required: set = frozenset()):
    """A mapping with only ``allowed`` keys and every ``required`` one (unknown keys are errors)."""
    if not isinstance(raw, dict):
        raise ScenarioError(f"{path}: expected a mapping, got {raw!r}")
    unknown = set(raw) - allowed
    if unknown:
        raise ScenarioError(f"{path}: unknown keys {sorted(unknown)} (expected some of {sorted(allowed)})")
    missing = set(required) - set(raw)
    if missing:
        raise ScenarioError(f"{path}: missing required keys {sorted(missing)}")


def mapping(raw, path: str) -> dict:
    """A mapping keyed by names (levels, cohorts, services…); omitted or empty is {}."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise ScenarioError(f"{path}: expected a mapping, got {raw!r}")
    return raw


def level_name(raw, path: str) -> str:
    """Levels are names; YAML may read `1` as an int, which is the level "1"."""
    if isinstance(raw, bool) or not isinstance(raw, (str, int)):
        raise ScenarioError(f"{path}: expected a level name, got {raw!r}")
    return str(raw)


def parse_cohort_varying(raw, path: str, scn: Scenario, bounds) -> CohortVarying:
    """A plain number or distribution is the `base` (MODEL-NOTES "Which values vary by cohort")."""
    if not isinstance(raw, dict) or "dist" in raw:
        return CohortVarying(parse_number(raw, path), {}, {}, bounds)
    check_keys(raw, {"base", "multiply", "by_cohort"}, path, required={"base"})
    value = CohortVarying(parse_number(raw["base"], f"{path}.base"), {}, {}, bounds)
    for dimension_name, factors in mapping(raw.get("multiply"), f"{path}.multiply").items():
        d = scn.dimension_index(dimension_name, f"{path}.multiply")
        for level, factor in mapping(factors, f"{path}.multiply.{dimension_name}").items():
            factor_path = f"{path}.multiply.{dimension_name}.{level}"
            value.multiply[(d, scn.level_index(d, level, factor_path))] = parse_number(factor, factor_path)
    for label, override in mapping(raw.get("by_cohort"), f"{path}.by_cohort").items():
        override_path = f"{path}.by_cohort.{label}"
        value.by_cohort[scn.cohort_index(str(label), override_path)] = parse_number(override, override_path)
    return value


def parse_yearly(raw, path: str, horizon: int, bounds) -> Yearly:
    if isinstance(raw, list):
        if len(raw) != horizon:
            raise ScenarioError(f"{path}: a list needs exactly horizon = {horizon} values, got {len(raw)}")
        return Yearly([parse_number(v, f"{path}.{t}") for t, v in enumerate(raw)], bounds)
    return Yearly([parse_number(raw, path)], bounds)


def parse_whole_years(raw, path: str) -> WholeYears:
    if isinstance(raw, bool) or not isinstance(raw, (int, float)) or raw != int(raw) or raw < 0:
        raise ScenarioError(f"{path}: expected a whole number of years ≥ 0, got {raw!r}")
    return WholeYears(int(raw))


def read_cohort_table(path: Path, scn: Scenario) -> list[dict]:
    """`cohorts: {table: FILE.csv}`: header = dimension names, population, utility, optional growth
    and qalys_after_horizon."""
    with open(path, newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.lstrip().startswith("#")]
    reader = csv.DictReader(lines)
    columns = [name.strip() for name in reader.fieldnames or []]
    dimension_names = [d for d, _ in scn.dimensions]
    allowed = set(dimension_names) | set(COHORT_NUMBERS)
    if set(columns) - allowed or not {"population", "utility", *dimension_names} <= set(columns):
        raise ScenarioError(f"{path}: header {columns} must be {dimension_names} + population, utility"
                            "[, growth][, qalys_after_horizon]")
    rows = []
    for row in reader:
        if None in row:
            raise ScenarioError(f"{path}: line {reader.line_num} has more fields than the header")
        row = {k.strip(): (v or "").strip() for k, v in row.items()}
        parsed = {d: row[d] for d in dimension_names}
        for key in COHORT_NUMBERS:
            if row.get(key, "") != "":
                try:
                    parsed[key] = float(row[key])
                except ValueError:
                    raise ScenarioError(f"{path}: {key} {row[key]!r} is not a number") from None
        rows.append(parsed)
    return rows


def load_scenario(path: str | Path) -> Scenario:
    path = Path(path)
    with open(path) as handle:
        raw = yaml.safe_load(handle)
    check_keys(raw, TOP_LEVEL_KEYS, "scenario", required={"name", "horizon", "dimensions", "cohorts"})

    name = raw["name"]
    if not isinstance(name, str) or not re.fullmatch(r"[a-z0-9-]+", name):
        raise ScenarioError(f"name: expected [a-z0-9-]+, got {name!r}")
    horizon = raw["horizon"]
    if isinstance(horizon, bool) or not isinstance(horizon, int) or not 1 <= horizon <= 100:
        raise ScenarioError(f"horizon: expected a whole number 1..100, got {horizon!r}")

    monte_carlo = raw.get("monte_carlo") or {}
    check_keys(monte_carlo, {"draws", "seed", "stochastic"}, "monte_carlo")
    stochastic = monte_carlo.get("stochastic", "none")
    if stochastic not in ("none", "poisson"):
        raise ScenarioError(f"monte_carlo.stochastic: expected none or poisson, got {stochastic!r}")
    if "threshold" in raw:  # used only by reports of MODEL.md §4, not by the equations
        parse_number(raw["threshold"], "threshold")

    dimensions = []
    for dimension, levels in mapping(raw["dimensions"], "dimensions").items():
        if not isinstance(levels, list) or not levels:
            raise ScenarioError(f"dimensions.{dimension}: expected a list of levels")
        dimensions.append((str(dimension), [level_name(v, f"dimensions.{dimension}") for v in levels]))
    if not dimensions:
        raise ScenarioError("dimensions: at least one dimension is needed")

    scn = Scenario(
        name=name, horizon=horizon, dimensions=dimensions, equity_dimension=0, cohorts=[],
        needs=list(raw.get("needs") or {}), services=list(raw.get("services") or {}),
        interventions=[], slots={}, options=[], base=None, seed=int(monte_carlo.get("seed", 1)),
        draws=int(monte_carlo.get("draws", 1000)), poisson_noise=stochastic == "poisson",
        has_correlations=bool(raw.get("correlations")),
    )

    equity = raw.get("equity") or {}
    check_keys(equity, {"dimension", "baseline_health", "opportunity_cost"}, "equity")
    if "dimension" in equity:
        scn.equity_dimension = scn.dimension_index(equity["dimension"], "equity.dimension")

    # Discount rates (MODEL-NOTES default: NICE reference case 3.5%).
    discount = raw.get("discount") or {}
    check_keys(discount, {"costs", "health"}, "discount")
    for key in ("costs", "health"):
        scn.slots[f"discount.{key}"] = Scalar(parse_number(discount.get(key, 0.035), f"discount.{key}"), UNBOUNDED)

    load_cohorts(raw["cohorts"], path, scn)
    load_needs(raw.get("needs") or {}, scn)
    load_services(raw.get("services") or {}, scn)
    load_interventions(raw.get("interventions") or {}, scn)
    scn.base = Option("base", [], scn.slots)
    load_options(raw.get("options") or {}, scn)
    load_correlations(raw.get("correlations") or [], scn)
    return scn


def load_cohorts(raw, scenario_path: Path, scn: Scenario):
    if isinstance(raw, dict):
        check_keys(raw, {"table"}, "cohorts", required={"table"})
        rows = read_cohort_table(scenario_path.parent / raw["table"], scn)
    elif isinstance(raw, list):
        rows = raw
    else:
        raise ScenarioError("cohorts: expected a list of rows or {table: FILE.csv}")
    dimension_names = [d for d, _ in scn.dimensions]
    for i, row in enumerate(rows):
        where = f"cohorts.{i}"
        check_keys(row, set(dimension_names) | set(COHORT_NUMBERS), where,
                   required=set(dimension_names) | {"population", "utility"})
        levels = tuple(scn.level_index(d, level_name(row[name], where), where) for d, name in enumerate(dimension_names))
        label = "/".join(scn.dimensions[d][1][level] for d, level in enumerate(levels))
        if any(c.label == label for c in scn.cohorts):
            raise ScenarioError(f"{where}: cohort {label} appears twice")
        scn.cohorts.append(Cohort(
            levels=levels, label=label,
            population=parse_number(row["population"], f"cohorts.{label}.population"),
            utility=parse_number(row["utility"], f"cohorts.{label}.utility"),
            growth=parse_number(row.get("growth", 0.0), f"cohorts.{label}.growth"),
            qalys_after_horizon=parse_number(row.get("qalys_after_horizon", 0.0), f"cohorts.{label}.qalys_after_horizon"),
        ))
        if mean_of(scn.cohorts[-1].qalys_after_horizon.value) < 0:
            raise ScenarioError(f"cohorts.{label}.qalys_after_horizon: must be ≥ 0")
    if not scn.cohorts:
        raise ScenarioError("cohorts: at least one cohort is needed")


def load_needs(raw: dict, scn: Scenario):
    for need, spec in raw.items():
        p = f"needs.{need}"
        check_keys(spec, NEED_KEYS, p, required={"prevalence"})
        scn.slots[f"{p}.prevalence"] = parse_cohort_varying(spec["prevalence"], f"{p}.prevalence", scn, SHARE)
        incidence = spec.get("incidence")
        scn.slots[f"{p}.incidence"] = (SteadyState() if incidence is None
                                        else parse_cohort_varying(incidence, f"{p}.incidence", scn, SHARE))
        for key in ("exit_rate", "utility_loss"):
            scn.slots[f"{p}.{key}"] = Scalar(parse_number(spec.get(key, 0.0), f"{p}.{key}"), NON_NEGATIVE)
        # Death and progression rates are per person-year, in [0, 1] (MODEL.md §1, §2).
        scn.slots[f"{p}.excess_deaths"] = parse_cohort_varying(spec.get("excess_deaths", 0.0), f"{p}.excess_deaths",
                                                               scn, SHARE)
        progression = mapping(spec.get("progression"), f"{p}.progression")
        if need in progression:
            raise ScenarioError(f"{p}.progression.{need}: a need cannot progress into itself")
        check_keys(progression, set(scn.needs), f"{p}.progression")
        for other in scn.needs:
            if other != need:
                q = f"{p}.progression.{other}"
                scn.slots[q] = Scalar(parse_number(progression.get(other, 0.0), q), SHARE)
        use = spec.get("use") or {}
        check_keys(use, set(scn.services), f"{p}.use")
        for service in scn.services:  # every (need, service) slot exists, so `set` can name it
            scn.slots[f"{p}.use.{service}"] = Scalar(parse_number(use.get(service, 0.0), f"{p}.use.{service}"),
                                                     NON_NEGATIVE)


def load_services(raw: dict, scn: Scenario):
    for service, spec in raw.items():
        p = f"services.{service}"
        check_keys(spec, SERVICE_KEYS, p, required={"unit_cost", "budget"})
        scn.slots[f"{p}.unit_cost"] = Scalar(parse_number(spec["unit_cost"], f"{p}.unit_cost"), NON_NEGATIVE)
        scn.slots[f"{p}.budget"] = parse_yearly(spec["budget"], f"{p}.budget", scn.horizon, NON_NEGATIVE)
        scn.slots[f"{p}.base_rate"] = parse_cohort_varying(spec.get("base_rate", 0.0), f"{p}.base_rate", scn,
                                                           NON_NEGATIVE)
        scn.slots[f"{p}.access"] = parse_cohort_varying(spec.get("access", 1.0), f"{p}.access", scn, SHARE)
        for key, default, bounds in (("supply_elasticity", 0.0, UNBOUNDED), ("carryover", 0.0, SHARE),
                                     ("qaly_loss_per_unmet", 0.0, NON_NEGATIVE),
                                     ("deaths_per_unmet", 0.0, NON_NEGATIVE)):
            scn.slots[f"{p}.{key}"] = Scalar(parse_number(spec.get(key, default), f"{p}.{key}"), bounds)


def load_interventions(raw: dict, scn: Scenario):
    for name, spec in raw.items():
        p = f"interventions.{name}"
        if name in scn.services:
            raise ScenarioError(f"{p}: the name is also a service (budget lines must be unique)")
        check_keys(spec, INTERVENTION_KEYS, p, required={"cost_per_participant", "budget"})
        targets = {}
        for dimension_name, levels in mapping(spec.get("targets"), f"{p}.targets").items():
            d = scn.dimension_index(dimension_name, f"{p}.targets")
            if not isinstance(levels, list):
                raise ScenarioError(f"{p}.targets.{dimension_name}: expected a list of levels")
            targets[d] = {scn.level_index(d, level, f"{p}.targets.{dimension_name}") for level in levels}
        eligible = spec.get("eligible", "population")
        if eligible == "population":
            eligible_need = None
        elif isinstance(eligible, str) and eligible.startswith("need:") and eligible[5:] in scn.needs:
            eligible_need = scn.needs.index(eligible[5:])
        else:
            raise ScenarioError(f"{p}.eligible: expected `population` or `need:NAME`, got {eligible!r}")
        scn.interventions.append(Intervention(name, targets, eligible_need))

        scn.slots[f"{p}.cost_per_participant"] = Scalar(
            parse_number(spec["cost_per_participant"], f"{p}.cost_per_participant"), NON_NEGATIVE)
        scn.slots[f"{p}.fixed_cost"] = Scalar(parse_number(spec.get("fixed_cost", 0.0), f"{p}.fixed_cost"),
                                              NON_NEGATIVE)
        scn.slots[f"{p}.uptake"] = parse_cohort_varying(spec.get("uptake", 1.0), f"{p}.uptake", scn, SHARE)
        scn.slots[f"{p}.budget"] = parse_yearly(spec["budget"], f"{p}.budget", scn.horizon, NON_NEGATIVE)
        scn.slots[f"{p}.lag"] = parse_whole_years(spec.get("lag", 0), f"{p}.lag")
        scn.slots[f"{p}.ramp"] = parse_whole_years(spec.get("ramp", 0), f"{p}.ramp")

        effects = spec.get("effects") or {}
        check_keys(effects, EFFECT_KEYS, f"{p}.effects")
        for kind, names, bounds in (("incidence", scn.needs, SHARE), ("demand", scn.services, NON_NEGATIVE),
                                    ("access", scn.services, SHARE), ("mortality", scn.needs, SHARE),
                                    ("progression", scn.needs, SHARE)):
            written = effects.get(kind) or {}
            check_keys(written, set(names), f"{p}.effects.{kind}")
            for target in names:  # every slot exists (default 0), so `set` can name it
                q = f"{p}.effects.{kind}.{target}"
                scn.slots[q] = Scalar(parse_number(written.get(target, 0.0), q), bounds)
        q = f"{p}.effects.qaly_per_participant"
        scn.slots[q] = Scalar(parse_number(effects.get("qaly_per_participant", 0.0), q), NON_NEGATIVE)


def load_options(raw: dict, scn: Scenario):
    lines = set(scn.services) | {j.name for j in scn.interventions}
    for name, spec in raw.items():
        p = f"options.{name}"
        if name == "base":
            raise ScenarioError(f"{p}: `base` is implicit and cannot be redefined")
        check_keys(spec, {"description", "shift", "set", "budgets"}, p)
        if not isinstance(spec.get("shift") or [], list):
            raise ScenarioError(f"{p}.shift: expected a list of {{from, to, amount}}")
        shifts = []
        for i, shift in enumerate(spec.get("shift") or []):
            q = f"{p}.shift.{i}"
            check_keys(shift, {"from", "to", "amount"}, q, required={"from", "to", "amount"})
            for end in ("from", "to"):
                if shift[end] not in lines:
                    raise ScenarioError(f"{q}.{end}: {shift[end]!r} is not a service or intervention")
            amounts = parse_yearly(shift["amount"], f"{q}.amount", scn.horizon, UNBOUNDED).numbers
            shifts.append(Shift(shift["from"], shift["to"], amounts))
        slots = copy.deepcopy(scn.slots)
        apply_sets(scn, slots, name, mapping(spec.get("set"), f"{p}.set"))
        apply_budgets(scn, slots, mapping(spec.get("budgets"), f"{p}.budgets"), f"{p}.budgets")
        scn.options.append(Option(name, shifts, slots))


def apply_budgets(scn: Scenario, slots: dict, budgets: dict, path: str):
    """`budgets: {LINE: £ | [£ per year]}` replaces whole lines' budgets, after `set` and before
    the shifts (MODEL-NOTES "Allocation"); plain numbers ≥ 0 only."""
    for line, amount in budgets.items():
        q = f"{path}.{line}"
        if line in scn.services:
            slot = f"services.{line}.budget"
        elif line in {j.name for j in scn.interventions}:
            slot = f"interventions.{line}.budget"
        else:
            raise ScenarioError(f"{q}: {line!r} is not a service or intervention")
        values = amount if isinstance(amount, list) else [amount]
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0 for v in values):
            raise ScenarioError(f"{q}: expected £ ≥ 0 or a list of horizon = {scn.horizon} of them, got {amount!r}")
        slots[slot] = parse_yearly(amount, q, scn.horizon, NON_NEGATIVE)


def load_correlations(raw: list, scn: Scenario):
    """Correlations do not change means (deterministic mode); bench mode samples independently.

    Paths are checked against the parameters this reference knows; a path into a cohort row
    (`cohorts.…`) is accepted unchecked, since MODEL.md does not spell how rows are named.
    """
    if not isinstance(raw, list):
        raise ScenarioError("correlations: expected a list of {between: [PATH, PATH], rho}")
    for i, correlation in enumerate(raw):
        check_keys(correlation, {"between", "rho"}, f"correlations.{i}", required={"between", "rho"})
        between = correlation["between"]
        if not isinstance(between, list) or len(between) != 2 or not all(isinstance(b, str) for b in between):
            raise ScenarioError(f"correlations.{i}.between: expected two parameter paths")
        if not is_plain_number(correlation["rho"]) or not -1 <= correlation["rho"] <= 1:
            raise ScenarioError(f"correlations.{i}.rho: expected a number in [-1, 1]")
        for path in between:
            if not path.startswith("cohorts."):
                locate_slot(scn, scn.slots, path)


# ---------------------------------------------------------------------------------------------
# Options: `set` then `shift` (MODEL-NOTES "Options")
# ---------------------------------------------------------------------------------------------


def locate_slot(scn: Scenario, slots: dict, path: str):
    """The slot a path names: (slot path, the rest of the path inside a cohort-varying slot)."""
    if path in slots:
        return path, ""
    for slot_path, slot in slots.items():
        if isinstance(slot, (CohortVarying, SteadyState)) and path.startswith(slot_path + "."):
            return slot_path, path[len(slot_path) + 1:]
    raise ScenarioError(f"set/correlation path {path!r} names no parameter of this scenario")


def apply_sets(scn: Scenario, slots: dict, option: str, sets: dict):
    """Replace parameters by path for one option, in file order, in place in ``slots`` (the
    option's copy of the scenario's).

    * a scalar slot is replaced; a budget by a scalar (every year) or a list of `horizon` values;
    * `X.prevalence` and `X.prevalence.base` both replace the base of a cohort-varying value
      (its multiply factors and by_cohort overrides stay);
    * `X.prevalence.multiply.DIM.LEVEL` and `X.prevalence.by_cohort.LABEL` set one factor or
      override, whether or not the file wrote it;
    * `needs.K.incidence` set to null means steady state again; a number makes it explicit.
    """
    for path, raw in sets.items():
        key = f"options.{option}.set.{path}"
        slot_path, rest = locate_slot(scn, slots, path)
        slot = slots[slot_path]
        if isinstance(slot, WholeYears):
            slots[slot_path] = parse_whole_years(raw, key)
        elif isinstance(slot, Scalar):
            slot.number = parse_number(raw, key)
        elif isinstance(slot, Yearly):
            slot.numbers = parse_yearly(raw, key, scn.horizon, slot.bounds).numbers
        elif raw is None and slot_path.endswith(".incidence") and rest in ("", "base"):
            slots[slot_path] = SteadyState()
        elif isinstance(slot, SteadyState):
            if rest not in ("", "base"):
                raise ScenarioError(f"{key}: set the incidence base before its factors (it is steady state)")
            slots[slot_path] = CohortVarying(parse_number(raw, key), {}, {}, SHARE)
        elif rest in ("", "base"):
            slot.base = parse_number(raw, key)
        elif rest.startswith("multiply.") and "." in rest[len("multiply."):]:
            dimension_name, level = rest[len("multiply."):].split(".", 1)
            d = scn.dimension_index(dimension_name, key)
            slot.multiply[(d, scn.level_index(d, level, key))] = parse_number(raw, key)
        elif rest.startswith("by_cohort."):
            slot.by_cohort[scn.cohort_index(rest[len("by_cohort."):], key)] = parse_number(raw, key)
        else:
            raise ScenarioError(f"{key}: {rest!r} is not part of a cohort-varying value")


# ---------------------------------------------------------------------------------------------
# Resolved inputs of one option: arrays with a leading draw axis
# ---------------------------------------------------------------------------------------------


SAME_IN_EVERY_DRAW = {"targeted", "eligible_need", "lag", "ramp"}  # Inputs without a draw axis


@dataclass
class Inputs:
    # cohorts (D, C)
    population0: np.ndarray
    growth: np.ndarray
    utility: np.ndarray
    qalys_after_horizon: np.ndarray  # (D, C)
    # needs
    prevalence: np.ndarray  # π (D, C, K)
    incidence: np.ndarray  # ι (D, C, K)
    exit_rate: np.ndarray  # ρ (D, K)
    utility_loss: np.ndarray  # δ (D, K)
    excess_deaths: np.ndarray  # m (D, C, K)
    progression: np.ndarray  # θ[k→n] (D, K, K), 0 on the diagonal
    use: np.ndarray  # u (D, K, S)
    # services
    base_rate: np.ndarray  # b (D, C, S)
    access: np.ndarray  # a (D, C, S)
    elasticity: np.ndarray  # η (D, S)
    carryover: np.ndarray  # β (D, S)
    qaly_loss_per_unmet: np.ndarray  # λ (D, S)
    deaths_per_unmet: np.ndarray  # μ (D, S)
    unit_cost: np.ndarray  # (D, S)
    service_budget: np.ndarray  # (D, S, T), after shifts
    # interventions
    targeted: np.ndarray  # (C, J) 1.0 where cohort c is in j's targets
    eligible_need: np.ndarray  # (J,) need index, −1 = whole population
    cost_per_participant: np.ndarray  # (D, J)
    fixed_cost: np.ndarray  # (D, J)
    uptake: np.ndarray  # (D, C, J)
    intervention_budget: np.ndarray  # (D, J, T), after shifts
    lag: np.ndarray  # L (J,)
    ramp: np.ndarray  # R (J,)
    effect_incidence: np.ndarray  # ε_inc (D, J, K)
    effect_demand: np.ndarray  # ε_dem (D, J, S)
    effect_access: np.ndarray  # ε_acc (D, J, S)
    effect_mortality: np.ndarray  # ε_mort (D, J, K)
    effect_progression: np.ndarray  # ε_prog (D, J, K)
    effect_qaly: np.ndarray  # γ (D, J)
    # discounting (D,)
    discount_health: np.ndarray
    discount_costs: np.ndarray

    def for_draws(self, part: slice) -> Inputs:
        """The inputs of a range of draws (views of these arrays, no copies)."""
        return Inputs(**{f.name: value if f.name in SAME_IN_EVERY_DRAW else value[part]
                         for f in fields(self) for value in [getattr(self, f.name)]})

    @property
    def capacity(self) -> np.ndarray:
        """K[s,t] = budget[s,t] / unit_cost[s] (MODEL.md §2 "Capacity"), shape (D, S, T)."""
        return self.service_budget / self.unit_cost[:, :, None]


def resolve_scalar(slot: Scalar, values) -> np.ndarray:
    return np.clip(values(slot.number), *slot.bounds)


def resolve_cohort_varying(slot: CohortVarying, scn: Scenario, values) -> np.ndarray:
    """(D, C): base × Π multiply[dim][level(c)], by_cohort overriding; clamped to the slot's range."""
    levels = scn.cohort_levels
    resolved = np.repeat(values(slot.base)[:, None], len(scn.cohorts), axis=1)
    for (d, level), factor in slot.multiply.items():
        at_level = levels[:, d] == level
        resolved[:, at_level] *= values(factor)[:, None]
    for c, override in slot.by_cohort.items():
        resolved[:, c] = values(override)
    return np.clip(resolved, *slot.bounds)


def resolve_yearly(slot: Yearly, horizon: int, values) -> np.ndarray:
    """(D, T); one number is every year's."""
    yearly = np.stack([values(n) for n in slot.numbers], axis=1)
    return np.clip(np.broadcast_to(yearly, (yearly.shape[0], horizon)), *slot.bounds)


def stack(arrays: list[np.ndarray], draws: int, shape: tuple, axis: int) -> np.ndarray:
    """Stack per-entity arrays along ``axis``; an empty list gives zeros of (draws, *shape)."""
    if not arrays:
        return np.zeros((draws, *shape))
    return np.stack(arrays, axis=axis)


def build_inputs(scn: Scenario, option: Option, values) -> Inputs:
    """Every parameter of one option resolved for the draws of ``values`` (set, then shift)."""
    slots = option.slots
    D, C, T = values.draws, len(scn.cohorts), scn.horizon
    K, S, J = len(scn.needs), len(scn.services), len(scn.interventions)

    def scalar(path):
        return resolve_scalar(slots[path], values)

    def cohort_varying(path):
        return resolve_cohort_varying(slots[path], scn, values)

    cohort_number = {
        key: np.stack([values(getattr(c, key)) for c in scn.cohorts], axis=1)
        for key in COHORT_NUMBERS
    }

    prevalence = stack([cohort_varying(f"needs.{k}.prevalence") for k in scn.needs], D, (C, 0), axis=2)
    exit_rate = stack([scalar(f"needs.{k}.exit_rate") for k in scn.needs], D, (0,), axis=1)
    excess_deaths = stack([cohort_varying(f"needs.{k}.excess_deaths") for k in scn.needs], D, (C, 0), axis=2)
    progression = np.zeros((D, K, K))
    for a, k in enumerate(scn.needs):
        for b, n in enumerate(scn.needs):
            if a != b:
                progression[:, a, b] = scalar(f"needs.{k}.progression.{n}")
    incidence = []
    for i, k in enumerate(scn.needs):
        slot = slots[f"needs.{k}.incidence"]
        if isinstance(slot, SteadyState):
            # ι = max(0, ((ρ + m + Σ_n θ[k,n])·π − Σ_h θ[h,k]·π_h) / (1 − π)) (MODEL.md §2); π = 1
            # leaves nobody to fall ill, ι = 0. Not clamped above: derived from clamped values.
            pi = prevalence[:, :, i]
            outflow = (exit_rate[:, i, None] + excess_deaths[:, :, i] + progression[:, i, :].sum(axis=1)[:, None]) * pi
            inflow = (prevalence * progression[:, None, :, i]).sum(axis=2)  # Σ_h θ[h,k]·π_h (D, C)
            steady = np.maximum(0.0, (outflow - inflow) / np.where(pi < 1, 1 - pi, 1))
            incidence.append(np.where(pi < 1, steady, 0.0))
        else:
            incidence.append(cohort_varying(f"needs.{k}.incidence"))

    services = [f"services.{s}" for s in scn.services]
    interventions = [f"interventions.{j.name}" for j in scn.interventions]

    inputs = Inputs(
        population0=np.clip(cohort_number["population"], *NON_NEGATIVE),
        growth=cohort_number["growth"],
        utility=cohort_number["utility"],
        qalys_after_horizon=np.clip(cohort_number["qalys_after_horizon"], *NON_NEGATIVE),
        prevalence=prevalence,
        incidence=stack(incidence, D, (C, 0), axis=2),
        exit_rate=exit_rate,
        utility_loss=stack([scalar(f"needs.{k}.utility_loss") for k in scn.needs], D, (0,), axis=1),
        excess_deaths=excess_deaths,
        progression=progression,
        use=stack([stack([scalar(f"needs.{k}.use.{s}") for s in scn.services], D, (0,), axis=1)
                   for k in scn.needs], D, (0, S), axis=1),
        base_rate=stack([cohort_varying(f"{s}.base_rate") for s in services], D, (C, 0), axis=2),
        access=stack([cohort_varying(f"{s}.access") for s in services], D, (C, 0), axis=2),
        elasticity=stack([scalar(f"{s}.supply_elasticity") for s in services], D, (0,), axis=1),
        carryover=stack([scalar(f"{s}.carryover") for s in services], D, (0,), axis=1),
        qaly_loss_per_unmet=stack([scalar(f"{s}.qaly_loss_per_unmet") for s in services], D, (0,), axis=1),
        deaths_per_unmet=stack([scalar(f"{s}.deaths_per_unmet") for s in services], D, (0,), axis=1),
        unit_cost=stack([scalar(f"{s}.unit_cost") for s in services], D, (0,), axis=1),
        service_budget=stack([resolve_yearly(slots[f"{s}.budget"], T, values) for s in services],
                             D, (0, T), axis=1),
        targeted=np.array([[float(all(c.levels[d] in allowed for d, allowed in j.targets.items()))
                            for j in scn.interventions] for c in scn.cohorts]).reshape(C, J),
        eligible_need=np.array([-1 if j.eligible_need is None else j.eligible_need for j in scn.interventions],
                               dtype=int),
        cost_per_participant=stack([scalar(f"{j}.cost_per_participant") for j in interventions], D, (0,), axis=1),
        fixed_cost=stack([scalar(f"{j}.fixed_cost") for j in interventions], D, (0,), axis=1),
        uptake=stack([cohort_varying(f"{j}.uptake") for j in interventions], D, (C, 0), axis=2),
        intervention_budget=stack([resolve_yearly(slots[f"{j}.budget"], T, values) for j in interventions],
                                  D, (0, T), axis=1),
        lag=np.array([slots[f"{j}.lag"].years for j in interventions], dtype=int),
        ramp=np.array([slots[f"{j}.ramp"].years for j in interventions], dtype=int),
        effect_incidence=stack([stack([scalar(f"{j}.effects.incidence.{k}") for k in scn.needs], D, (0,), axis=1)
                                for j in interventions], D, (0, K), axis=1),
        effect_demand=stack([stack([scalar(f"{j}.effects.demand.{s}") for s in scn.services], D, (0,), axis=1)
                             for j in interventions], D, (0, S), axis=1),
        effect_access=stack([stack([scalar(f"{j}.effects.access.{s}") for s in scn.services], D, (0,), axis=1)
                             for j in interventions], D, (0, S), axis=1),
        effect_mortality=stack([stack([scalar(f"{j}.effects.mortality.{k}") for k in scn.needs], D, (0,), axis=1)
                                for j in interventions], D, (0, K), axis=1),
        effect_progression=stack([stack([scalar(f"{j}.effects.progression.{k}") for k in scn.needs], D, (0,),
                                        axis=1) for j in interventions], D, (0, K), axis=1),
        effect_qaly=stack([scalar(f"{j}.effects.qaly_per_participant") for j in interventions], D, (0,), axis=1),
        discount_health=scalar("discount.health"),
        discount_costs=scalar("discount.costs"),
    )
    if values.deterministic and np.any(inputs.unit_cost <= 0):
        raise ScenarioError("services.*.unit_cost must be > 0 (capacity is budget / unit_cost)")
    apply_shifts(scn, option, inputs, values)
    return inputs


def apply_shifts(scn: Scenario, option: Option, inputs: Inputs, values):
    """Move money between budget lines, in file order, every year (MODEL-NOTES "Options")."""
    budgets = {s: inputs.service_budget[:, i] for i, s in enumerate(scn.services)}
    budgets.update({j.name: inputs.intervention_budget[:, i] for i, j in enumerate(scn.interventions)})
    for shift in option.shifts:
        amount = resolve_yearly(Yearly(shift.amounts, UNBOUNDED), scn.horizon, values)
        budgets[shift.source] -= amount
        budgets[shift.destination] += amount
    for line, budget in budgets.items():
        if values.deterministic and np.any(budget < 0):
            raise ScenarioError(f"options.{option.name}: the shifts leave {line}'s budget below 0 "
                                f"({budget.min():.6g})")
        np.maximum(budget, 0.0, out=budget)  # a drawn shift cannot make a budget negative


# ---------------------------------------------------------------------------------------------
# The simulation of MODEL.md §2, vectorised over draws and cohorts
# ---------------------------------------------------------------------------------------------


@dataclass
class Outputs:
    qalys: np.ndarray  # (D,) discounted Σ_t Σ_c Q[c,t]
    cost: np.ndarray  # (D,) discounted Σ_t C[t]
    cohort_qalys: np.ndarray  # (D, C) discounted
    cohort_deaths: np.ndarray  # (D, C) undiscounted
    cohort_life_years: np.ndarray  # (D, C) Σ_t N[c,t], undiscounted
    cohort_unmet: np.ndarray  # (D, C) Σ_t Σ_s U[c,s,t], undiscounted
    after_horizon: np.ndarray  # (D,) discounted QALYs survivors carry past the horizon (in qalys)
    yearly_deaths: np.ndarray  # (D, T)
    yearly_life_years: np.ndarray  # (D, T)
    yearly_qalys: np.ndarray  # (D, T) undiscounted Σ_c Q[c,t]
    yearly_cost: np.ndarray  # (D, T) undiscounted C[t]
    demand: np.ndarray  # (D, S, T) Σ_c D[c,s,t]
    activity: np.ndarray  # (D, S, T) Σ_c A[c,s,t]
    unmet: np.ndarray  # (D, S, T) Σ_c U[c,s,t]


def effect_weights(lag: np.ndarray, ramp: np.ndarray, horizon: int) -> np.ndarray:
    """w[j,t] = 0 for t < L, else min(1, (t − L + 1)/R), R = 0 meaning 1 (MODEL.md §2). (J, T)"""
    t = np.arange(horizon)[None, :]
    L, R = lag[:, None], ramp[:, None]
    ramped = np.minimum(1.0, (t - L + 1) / np.where(R > 0, R, 1))
    return np.where(t < L, 0.0, np.where(R > 0, ramped, 1.0))


def sum_over_cohorts(x: np.ndarray) -> np.ndarray:
    """Σ_c x[d,c,i] of a (D, C, I) array, as a product with ones (several times faster than
    x.sum(axis=1), which reduces over a middle axis)."""
    return np.ones(x.shape[1]) @ x


def simulate(inp: Inputs, base_capacity: np.ndarray, noise: np.random.Generator | None = None) -> Outputs:
    """One option, all draws and cohorts at once (MODEL.md §2).

    ``base_capacity`` is K0[s,t] of the base option in the same draws (D, S, T).
    ``noise``, in bench mode with `stochastic: poisson`, draws each demand as a Poisson count.
    """
    D, C, K = inp.prevalence.shape
    S, T = inp.service_budget.shape[1], inp.service_budget.shape[2]
    J = inp.uptake.shape[2]

    # Population N[c,t]: counted deaths leave it, N[t+1] = max(0, (N[t] − Dth[t])·(1+g)).
    N = inp.population0.copy()

    # Capacity and supply response (K/K0)^η; factor 1 where K0 = 0, and 0^0 = 1 (MODEL-NOTES).
    capacity = inp.capacity
    has_base = base_capacity > 0
    ratio = capacity / np.where(has_base, base_capacity, 1.0)
    supply = np.where(has_base, ratio ** inp.elasticity[:, :, None], 1.0)

    weights = effect_weights(inp.lag, inp.ramp, T)
    health_discount = (1 + inp.discount_health[:, None]) ** -np.arange(T, dtype=float)
    cost_discount = (1 + inp.discount_costs[:, None]) ** -np.arange(T, dtype=float)

    # Eligibility E[c,j,t]: a column of the pool [P[c,0,t] .. P[c,K−1,t], N[c,t]] (N for
    # `population`), in target cohorts only.
    eligible_column = np.where(inp.eligible_need < 0, K, inp.eligible_need)
    reachable_share = inp.uptake * inp.targeted  # uptake[c,j] in target cohorts, else 0

    # Participants Z of the last max(L)+1 years in a ring: year τ is kept at slot τ mod M, and a
    # slot not yet written holds 0, which is Z before year 0.
    history = np.zeros((int(inp.lag.max(initial=0)) + 1, D, C, J))
    interventions = np.arange(J)
    # Interventions with an incidence, mortality or progression effect; the others multiply
    # Π_j (1 − …) by exactly 1.
    preventing = np.flatnonzero(inp.effect_incidence.any(axis=(0, 2)))
    saving = np.flatnonzero(inp.effect_mortality.any(axis=(0, 2)))
    slowing = np.flatnonzero(inp.effect_progression.any(axis=(0, 2)))
    # Coverage κ[j,t] of every year: φ[c,j,t] = κ[j,t]·uptake[c,j] in target cohorts.
    coverage_history = np.zeros((T, D, J))
    has_progression = bool(inp.progression.any())

    stock = inp.prevalence * inp.population0[:, :, None]  # P[c,k,0] = π[c,k]·N[c,0]
    unmet_last_year = np.zeros((D, C, S))  # U[c,s,−1] = 0

    out = Outputs(
        qalys=np.zeros(D), cost=np.zeros(D), cohort_qalys=np.zeros((D, C)), cohort_deaths=np.zeros((D, C)),
        cohort_life_years=np.zeros((D, C)), cohort_unmet=np.zeros((D, C)), after_horizon=np.zeros(D),
        yearly_deaths=np.zeros((D, T)), yearly_life_years=np.zeros((D, T)),
        yearly_qalys=np.zeros((D, T)), yearly_cost=np.zeros((D, T)),
        demand=np.zeros((D, S, T)), activity=np.zeros((D, S, T)), unmet=np.zeros((D, S, T)),
    )

    for t in range(T):
        # 1/N[c,t] for per-person effects (Z/N), and 0 where N = 0 (MODEL-NOTES "Per-person effects").
        per_person = np.where(N > 0, 1.0 / np.where(N > 0, N, 1.0), 0.0)

        # -- Interventions: participants of year t ------------------------------------------
        eligible = np.concatenate([stock, N[:, :, None]], axis=2)[:, :, eligible_column]  # E (D, C, J)
        reachable = eligible * reachable_share  # Rch = E·uptake
        budget = inp.intervention_budget[:, :, t]  # (D, J)
        funding = np.where(budget > 0, np.maximum(0.0, budget - inp.fixed_cost), 0.0)  # F
        full_cost = inp.cost_per_participant * sum_over_cohorts(reachable)  # cpp·Σ_c Rch
        coverage = np.where(full_cost > 0,  # κ; when cpp·ΣRch = 0: 1 if F > 0 else 0
                            np.minimum(1.0, funding / np.where(full_cost > 0, full_cost, 1.0)),
                            (funding > 0).astype(float))
        participants = coverage[:, None, :] * reachable  # Z[c,j,t]
        history[t % len(history)] = participants
        coverage_history[t] = coverage

        # -- Effects in year t: w[j,t] · (participants of year t − L) ---------------------------
        lagged = history[(t - inp.lag) % len(history), :, :, interventions]  # (J, D, C): Z[c,j,t−L]
        effective = np.moveaxis(lagged, 0, -1) * weights[:, t]  # w·Z[t−L] (D, C, J)
        effective_share = effective * per_person[:, :, None]  # w·Z[t−L]/N
        # I[c,k,t] = 1 − Π_j (1 − w·ε_inc·Z/N), capped to [0, 1]
        not_prevented = np.ones((D, C, K))
        for j in preventing:
            not_prevented *= 1.0 - effective_share[:, :, j, None] * inp.effect_incidence[:, None, j, :]
        reduction = np.clip(1.0 - not_prevented, 0.0, 1.0)
        avoided = effective @ inp.effect_demand  # V[c,s,t] = Σ_j w·ε_dem·Z (D, C, S)
        # a'[c,s,t] = a + (1 − a)·Σ_j w·ε_acc·Z/N, capped to [0, 1]
        access = np.clip(inp.access + (1 - inp.access) * (effective_share @ inp.effect_access), 0.0, 1.0)
        direct_health = (effective @ inp.effect_qaly[:, :, None])[:, :, 0]  # G[c,t] = Σ_j w·γ·Z
        # w·φ[c,j,t−L]: the weighted share of the eligible who took part L years ago (D, C, J)
        lagged_coverage = coverage_history[np.maximum(t - inp.lag, 0), :, interventions].T  # (D, J)
        taking_part = weights[:, t] * lagged_coverage[:, None, :] * reachable_share
        # m'[c,k,t] = m·Π_j (1 − w·ε_mort·φ) and 1 − R[c,k,t] = Π_j (1 − w·ε_prog·φ)
        death_rate = inp.excess_deaths.copy()
        for j in saving:
            death_rate *= 1.0 - taking_part[:, :, j, None] * inp.effect_mortality[:, None, j, :]
        progressing = np.ones((D, C, K))
        for j in slowing:
            progressing *= 1.0 - taking_part[:, :, j, None] * inp.effect_progression[:, None, j, :]

        # -- Demand, floored at 0 ----------------------------------------------------------------
        need_driven = (stock @ inp.use) * access  # Σ_k P·u·a' (D, C, S)
        demand = ((N[:, :, None] * inp.base_rate + need_driven) * supply[:, None, :, t]
                  + inp.carryover[:, None, :] * unmet_last_year - avoided)
        demand = np.maximum(demand, 0.0)
        if noise is not None:
            demand = noise.poisson(demand).astype(float)

        # -- Proportional rationing: A = D if Σ_c D ≤ K, else D·K/Σ_c D ------------------------
        total_demand = sum_over_cohorts(demand)  # (D, S)
        cap = capacity[:, :, t]
        over = total_demand > cap
        met_share = np.where(over, cap / np.where(over, total_demand, 1.0), 1.0)
        activity = demand * met_share[:, None, :]
        unmet = demand - activity

        # -- Health, deaths and cost --------------------------------------------------------------
        qalys = (N * inp.utility
                 - (stock @ inp.utility_loss[:, :, None])[:, :, 0]
                 - (unmet @ inp.qaly_loss_per_unmet[:, :, None])[:, :, 0]
                 + direct_health)
        deaths = np.minimum(N, (stock * death_rate).sum(axis=2)
                            + (unmet @ inp.deaths_per_unmet[:, :, None])[:, :, 0])  # nobody dies twice
        programme_cost = np.where(budget > 0,
                                  inp.fixed_cost + inp.cost_per_participant * sum_over_cohorts(participants), 0.0)
        cost = inp.service_budget[:, :, t].sum(axis=1) + programme_cost.sum(axis=1)  # C[t]

        out.cohort_qalys += qalys * health_discount[:, t, None]
        out.cohort_deaths += deaths
        out.cohort_life_years += N  # LY[c,t] = N[c,t]
        out.cohort_unmet += unmet.sum(axis=2)
        out.yearly_deaths[:, t] = deaths.sum(axis=1)
        out.yearly_life_years[:, t] = N.sum(axis=1)
        out.yearly_qalys[:, t] = qalys.sum(axis=1)
        out.yearly_cost[:, t] = cost
        out.demand[:, :, t] = total_demand
        out.activity[:, :, t] = sum_over_cohorts(activity)
        out.unmet[:, :, t] = sum_over_cohorts(unmet)

        # -- Population and need stocks of year t+1, the stocks clamped to [0, N[c,t+1]] --------
        next_N = np.maximum(0.0, (N - deaths) * (1 + inp.growth))
        onset = inp.incidence * (1 - reduction) * (N[:, :, None] - stock)
        # X[c,k→n] = θ[k,n]·(1 − R[c,k])·P[c,k]: people leave k and join n
        progressed = 0.0
        if has_progression:
            moving = inp.progression[:, None, :, :] * (progressing * stock)[:, :, :, None]  # (D, C, K, K)
            progressed = moving.sum(axis=2) - moving.sum(axis=3)  # in − out
        stock = np.clip(stock + onset - inp.exit_rate[:, None, :] * stock - death_rate * stock + progressed,
                        0.0, next_N[:, :, None])
        N = next_N
        unmet_last_year = unmet

    # After the horizon: each survivor N[c,T] adds qalys_after_horizon[c], discounted by (1+r)^−T.
    carried = N * inp.qalys_after_horizon * (1 + inp.discount_health[:, None]) ** -float(T)
    out.cohort_qalys += carried
    out.after_horizon = carried.sum(axis=1)
    out.qalys = (out.yearly_qalys * health_discount).sum(axis=1) + out.after_horizon
    out.cost = (out.yearly_cost * cost_discount).sum(axis=1)
    return out


# ---------------------------------------------------------------------------------------------
# Modes
# ---------------------------------------------------------------------------------------------


def selected_options(scn: Scenario, names: str | None) -> list[Option]:
    """`base` first, then the file's options in file order (all, or those named)."""
    if names is None:
        return [scn.base] + scn.options
    wanted = [n.strip() for n in names.split(",") if n.strip()]
    known = {o.name for o in scn.options} | {"base"}
    unknown = [n for n in wanted if n not in known]
    if unknown:
        raise ScenarioError(f"--options: unknown option(s) {unknown}; the scenario has {sorted(known)}")
    return [scn.base] + [o for o in scn.options if o.name in wanted]


def deterministic_report(scn: Scenario, options: list[Option]) -> dict:
    values = MeanValues()
    base_capacity = build_inputs(scn, scn.base, values).capacity
    group_of = scn.cohort_levels[:, scn.equity_dimension]
    groups = scn.dimensions[scn.equity_dimension][1]
    report = {"scenario": scn.name, "horizon": scn.horizon, "groups": groups, "options": []}
    for option in options:
        inputs = build_inputs(scn, option, values)
        out = simulate(inputs, base_capacity)
        report["options"].append({
            "name": option.name,
            "qalys": float(out.qalys[0]),
            "cost": float(out.cost[0]),
            "deaths": float(out.cohort_deaths[0].sum()),
            "life_years": float(out.cohort_life_years[0].sum()),
            "qalys_after_horizon": float(out.after_horizon[0]),
            "groups": [{
                "name": g,
                "population": float(inputs.population0[0, group_of == i].sum()),
                "qalys": float(out.cohort_qalys[0, group_of == i].sum()),
                "deaths": float(out.cohort_deaths[0, group_of == i].sum()),
                "life_years": float(out.cohort_life_years[0, group_of == i].sum()),
                "unmet": float(out.cohort_unmet[0, group_of == i].sum()),
            } for i, g in enumerate(groups)],
            "services": {s: {"activity": float(out.activity[0, i].sum()), "unmet": float(out.unmet[0, i].sum())}
                         for i, s in enumerate(scn.services)},
            "yearly": {
                "qalys": out.yearly_qalys[0].tolist(),
                "cost": out.yearly_cost[0].tolist(),
                "deaths": out.yearly_deaths[0].tolist(),
                "life_years": out.yearly_life_years[0].tolist(),
                "services": {s: {"demand": out.demand[0, i].tolist(), "activity": out.activity[0, i].tolist(),
                                 "unmet": out.unmet[0, i].tolist()} for i, s in enumerate(scn.services)},
            },
        })
    return report


def keep_freed_memory() -> None:
    """Ask glibc to keep freed memory for reuse rather than return it to the OS at once.

    NumPy allocates a fresh array for every temporary. With glibc's defaults, blocks above
    128 KiB are mapped and unmapped each time, and the page faults measured 2–4× slower than
    the arithmetic itself on (draws, cohorts, services) arrays. Results are unaffected; this is
    what `MALLOC_MMAP_THRESHOLD_`/`MALLOC_TRIM_THRESHOLD_` would do. Skipped without glibc.
    """
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return
    m_trim_threshold, m_top_pad, m_mmap_threshold = -1, -2, -3  # <malloc.h>
    libc.mallopt(m_mmap_threshold, 32 * 2**20)  # the largest glibc allows
    libc.mallopt(m_trim_threshold, 2**30)
    libc.mallopt(m_top_pad, 64 * 2**20)


def draws_per_batch(scn: Scenario, draws: int) -> tuple[int, int]:
    """(draws sampled and resolved at once, draws simulated at once) for bench mode.

    Parameters are resolved for batches of up to ~128 MiB of inputs per option. The simulation
    runs on slices of a batch sized so that one year's (draws, cohorts, services) arrays take
    ~0.5 MiB: NumPy's elementwise temporaries then stay in cache (measured 20–40% faster than
    slices of several thousand draws), while slices stay large enough that the Python loop over
    years costs little. Peak memory stays far under 4 GiB.
    """
    C, K, S, J, T = (len(scn.cohorts), len(scn.needs), len(scn.services), len(scn.interventions), scn.horizon)
    input_floats = C * (2 * K + 2 * S + J + 3) + K * (S + 3) + S * (2 * T + 6) + J * (T + K + 2 * S + 3)
    batch = max(1, min(draws, 128 * 2**20 // (8 * input_floats)))
    step = max(1, min(batch, 2**19 // (8 * C * max(K, S, J, 1))))
    return batch, step


def bench(scn: Scenario, options: list[Option], draws: int) -> dict:
    """Time sampling + simulation of every option over ``draws`` draws (YAML loading excluded)."""
    batch, step = draws_per_batch(scn, draws)
    keep_freed_memory()
    started = time.perf_counter()
    checksum = 0.0
    for first in range(0, draws, batch):
        values = SampledValues(scn.seed, first, min(batch, draws - first))
        base_capacity = build_inputs(scn, scn.base, values).capacity
        for option in options:
            inputs = build_inputs(scn, option, values)
            noise = (np.random.default_rng([scn.seed, first, 1 + zlib.crc32(option.name.encode())])
                     if scn.poisson_noise else None)
            for part in (slice(d, d + step) for d in range(0, values.draws, step)):
                out = simulate(inputs.for_draws(part), base_capacity[part], noise)
                checksum += float(out.qalys.sum())
    seconds = time.perf_counter() - started
    if not math.isfinite(checksum):
        raise ScenarioError("bench: the simulation produced non-finite QALYs")
    cohort_years = draws * len(scn.cohorts) * scn.horizon * len(options)
    return {"draws": draws, "cohort_years": cohort_years, "seconds": seconds,
            "cohort_years_per_second": cohort_years / seconds}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    modes = parser.add_subparsers(dest="mode", required=True)
    det = modes.add_parser("deterministic", help="every distribution at its mean; JSON report")
    det.add_argument("scenario")
    det.add_argument("--options", help="comma-separated options to run besides base (default: all)")
    ben = modes.add_parser("bench", help="time the vectorised simulation over sampled draws")
    ben.add_argument("scenario")
    ben.add_argument("--draws", type=int, required=True)
    ben.add_argument("--options", help="comma-separated options to run besides base (default: all)")
    args = parser.parse_args(argv)

    try:
        scn = load_scenario(args.scenario)
        options = selected_options(scn, args.options)
        if args.mode == "deterministic":
            print(json.dumps(deterministic_report(scn, options), indent=1))
        else:
            if args.draws < 1:
                raise ScenarioError("--draws must be ≥ 1")
            if scn.has_correlations:
                print("note: bench mode samples parameters independently (correlations ignored)", file=sys.stderr)
            print(json.dumps(bench(scn, options, args.draws)))
    except (ScenarioError, OSError, yaml.YAMLError) as error:
        print(f"{args.scenario}: error: {error}", file=sys.stderr)
        return EXIT_INVALID
    return 0


if __name__ == "__main__":
    sys.exit(main())

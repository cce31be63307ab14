"""`phm voi` against an independent Python implementation of the regression EVPPI.

Strong, Oakley & Brennan (2014) estimate EVPPI by regressing each option's incremental net
benefit on the parameter. This file fits the same kind of regression written afresh in NumPy and
SciPy — a penalised cubic regression spline built from SciPy's B-spline design matrix (25
segments, not the Swift code's 20), second-difference penalty, smoothing parameter by GCV found
with SciPy's bounded scalar minimiser (not the Swift grid) — on the `parameters.csv` and
`draws.csv` that `phm voi` wrote, and asks that the two agree within the standard error phm
reports. Run: python3 -m pytest Tests/voi -q
"""

import csv
import json
import os
import subprocess
from pathlib import Path

import numpy as np
import pytest
from scipy.interpolate import BSpline
from scipy.optimize import minimize_scalar

ROOT = Path(__file__).resolve().parents[2]
PHM = Path(os.environ.get("PHM", ROOT / ".build" / "debug" / "phm"))
SCENARIO = ROOT / "Scenarios/pphmi-fund.yaml"  # 15 uncertain parameters, four options with overlapping net benefit
DRAWS = 5000


def gam_fit(x, y, segments=25):
    """Fitted values of a P-spline of y on x with the penalty chosen by GCV (Eilers & Marx 1996; Wood 2017 §4.2)."""
    lo, hi = x.min(), x.max()
    h = (hi - lo) / segments
    knots = lo + h * np.arange(-3, segments + 4)
    X = BSpline.design_matrix(np.clip(x, lo, hi - 1e-12 * (hi - lo)), knots, 3).toarray()
    k = X.shape[1]
    D = np.diff(np.eye(k), n=2, axis=0)
    P = D.T @ D
    XtX, Xty = X.T @ X, X.T @ y
    scale = np.trace(XtX) / np.trace(P)
    n = len(y)

    def solve(log_lambda):
        A = XtX + scale * 10.0 ** log_lambda * P
        beta = np.linalg.solve(A, Xty)
        edf = np.trace(np.linalg.solve(A, XtX))
        rss = np.sum((y - X @ beta) ** 2)
        return n * rss / (n - edf) ** 2, X @ beta

    best = minimize_scalar(lambda t: solve(t)[0], bounds=(-8, 8), method="bounded", options={"xatol": 1e-3})
    return solve(best.x)[1]


def evppi(x, incremental):
    fitted = np.array([gam_fit(x, y) for y in incremental])
    return np.mean(np.maximum(0, fitted.max(axis=0))) - max(0.0, fitted.mean(axis=1).max())


@pytest.fixture(scope="module")
def voi(tmp_path_factory):
    if not PHM.exists():
        pytest.fail(f"{PHM} is missing: run `swift build` first (make test does)")
    out = tmp_path_factory.mktemp("voi")
    result = subprocess.run([str(PHM), "voi", str(SCENARIO), "--draws", str(DRAWS), "--seed", "3", "--out", str(out), "--json"],
                            capture_output=True, text=True, cwd=ROOT, check=True)
    folder = next(p.parent for p in out.rglob("voi.json"))
    return json.loads(result.stdout), folder


def read_csv(path):
    with open(path) as f:
        return list(csv.DictReader(f))


def test_json_shape_and_files(voi):
    summary, folder = voi
    assert set(summary) >= {"threshold", "evpi", "evppi"}
    assert set(summary["evpi"]) == {"per_person", "population"}
    for row in summary["evppi"]:
        assert set(row) == {"parameter", "per_person", "population", "se"}
        assert row["per_person"] == pytest.approx(row["population"] / summary["person_count"], rel=1e-12)
    assert [r["population"] for r in summary["evppi"]] == sorted((r["population"] for r in summary["evppi"]), reverse=True)
    rows = read_csv(folder / "evppi.csv")
    assert [(r["parameter"], float(r["population"]), float(r["se"])) for r in rows] == \
           [(r["parameter"], r["population"], r["se"]) for r in summary["evppi"]]
    parameters = read_csv(folder / "parameters.csv")
    assert len(parameters) == DRAWS and len(parameters[0]) - 1 >= 10
    assert {r["parameter"] for r in summary["evppi"]} == set(parameters[0]) - {"draw"}


def incremental_net_benefit(summary, folder):
    rows = read_csv(folder / "draws.csv")
    nb = np.array([[float(r["qalys"]) * summary["threshold"] - float(r["cost"]) for r in rows if r["option"] == o]
                   for o in summary["options"]])
    return nb[1:] - nb[0]


def test_evpi_recomputed(voi):
    summary, folder = voi
    inb = incremental_net_benefit(summary, folder)
    evpi = np.mean(np.maximum(0, inb.max(axis=0))) - max(0.0, inb.mean(axis=1).max())
    assert summary["evpi"]["population"] == pytest.approx(evpi, rel=1e-9)


def test_evppi_agrees_with_an_independent_gam(voi):
    """Each parameter's EVPPI within 3 of phm's standard errors of the NumPy/SciPy GAM's, plus
    0.5% of EVPI for the two fits' different bases and penalty searches; the ranking of the
    parameters worth most agrees."""
    summary, folder = voi
    inb = incremental_net_benefit(summary, folder)
    parameters = read_csv(folder / "parameters.csv")
    tolerance = 0.005 * summary["evpi"]["population"]
    reference = {}
    for row in summary["evppi"]:
        x = np.array([float(r[row["parameter"]]) for r in parameters])
        reference[row["parameter"]] = evppi(x, inb)
        assert row["population"] == pytest.approx(reference[row["parameter"]], abs=3 * row["se"] + tolerance), row["parameter"]
    top = max(reference, key=reference.get)
    assert summary["evppi"][0]["parameter"] == top


def test_groups_and_equity(tmp_path):
    """A group is reported as `group:NAME` and is worth at least its most valuable member (within
    error); the equity block has the same shape; a mistyped path is a usage error (64) naming the
    likely path, before any simulation, and writes nothing."""
    members = ["interventions.small_grants.cost_per_participant", "interventions.small_grants.effects.qaly_per_participant"]
    result = subprocess.run([str(PHM), "voi", str(SCENARIO), "--draws", "400", "--seed", "3", "--out", str(tmp_path),
                             "--group", "grants=" + ",".join(members), "--epsilon", "2", "--json"],
                            capture_output=True, text=True, cwd=ROOT, check=True)
    summary = json.loads(result.stdout)
    rows = {r["parameter"]: r for r in summary["evppi"]}
    group = rows["group:grants"]
    for m in members:
        assert group["population"] >= rows[m]["population"] - 3 * (group["se"] + rows[m]["se"])
    assert group["population"] <= summary["evpi"]["population"] + 3 * group["se"]
    equity = summary["equity"]
    assert equity["epsilon"] == 2 and set(equity["evpi"]) == {"per_person", "population"}
    assert {r["parameter"] for r in equity["evppi"]} == set(rows)
    bad = subprocess.run([str(PHM), "voi", str(SCENARIO), "--draws", "20", "--out", str(tmp_path / "bad"),
                          "--group", "g=interventions.small_grants.cost_per_participent"], capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 64
    assert "did you mean interventions.small_grants.cost_per_participant?" in bad.stderr
    assert not (tmp_path / "bad").exists()

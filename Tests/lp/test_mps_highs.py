"""MPS export cross-checked with a second solver: every problem in the LinearProgramming test
corpus is written to MPS by the Swift tests (MPSExportTests, with PHM_MPS_DIR set) and solved
here by HiGHS; the optimum must equal Clp's, as phm reports it, to 1e-7 relative.

Needs the Swift tests built (`swift build --build-tests`, done by `make test` first).
"""

import json
import os
import pathlib
import subprocess

import pytest

from highs_objective import objective, relative_difference, solve

ROOT = pathlib.Path(__file__).resolve().parents[2]
TOLERANCE = 1e-7


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    directory = tmp_path_factory.mktemp("mps")
    result = subprocess.run(
        ["swift", "test", "--skip-build", "--filter", "LinearProgrammingTests.MPSExportTests"],
        cwd=ROOT, env={**os.environ, "PHM_MPS_DIR": str(directory)}, capture_output=True, text=True)
    assert result.returncode == 0, (
        "the Swift MPS export failed (build the tests first: swift build --build-tests)\n"
        + result.stdout[-3000:] + result.stderr[-3000:])
    manifest = json.loads((directory / "manifest.json").read_text())
    assert len(manifest) >= 6
    return directory, manifest


def test_highs_agrees_with_clp_on_every_exported_problem(corpus):
    directory, manifest = corpus
    for entry in manifest:
        path = directory / entry["file"]
        status, value, _ = solve(path)
        assert status == "Optimal", f"{entry['file']}: {status}"
        assert relative_difference(value, entry["objective"]) <= TOLERANCE, (
            f"{entry['file']} ({entry['direction']}): HiGHS {value!r}, phm/Clp {entry['objective']!r}")


def test_textbook_optima_from_highs_alone(corpus):
    """Known optima (Hillier & Lieberman; the diet problem worked in TestProblems.swift), so a
    sign or offset slip that Clp and the writer shared would still be caught."""
    directory, _ = corpus
    expected = {"wyndor.mps": 36.0, "radiation_therapy.mps": 5.25,
                "radiation_therapy_offset.mps": 5.25 - 2.125, "diet.mps": 2.8}
    for name, value in expected.items():
        assert relative_difference(objective(directory / name), value) <= TOLERANCE, name


def test_maximisation_is_written_with_objsense(corpus):
    directory, manifest = corpus
    for entry in manifest:
        text = (directory / entry["file"]).read_text()
        assert ("OBJSENSE\n    MAX\n" in text) == (entry["direction"] == "max"), entry["file"]

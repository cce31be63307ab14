"""Every output of the example scenarios equals its golden, byte for byte (issue 12).

The goldens were recorded before `WorkbenchCommands` was split into library modules, so a
move that changes any output fails here. Only clock- and machine-dependent text is normalised
(see golden.py). When an output is meant to change, record the goldens again with
    python3 Tests/golden/record.py
and explain the change in the commit message. Run: python3 -m pytest -q Tests/golden
"""

import difflib
import functools
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from golden import SCENARIOS, produce, stored  # noqa: E402


@functools.cache
def _produced():
    """Every scenario's outputs, two scenarios at a time (the whole test stays under a minute)."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(SCENARIOS, pool.map(produce, SCENARIOS)))


def _difference(step, name, expected, actual):
    if expected is None:
        return f"{step}/{name}: written now, but not in the goldens"
    if actual is None:
        return f"{step}/{name}: in the goldens, but not written now"
    lines = difflib.unified_diff(expected.decode(errors="replace").splitlines(),
                                 actual.decode(errors="replace").splitlines(),
                                 f"golden {step}/{name}", f"now {step}/{name}", lineterm="", n=1)
    return "\n".join(list(lines)[:40])


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.stem for s in SCENARIOS])
def test_outputs_equal_the_goldens(scenario):
    expected = stored(scenario)
    assert expected, f"no goldens for {scenario.stem}: run python3 Tests/golden/record.py"
    actual = _produced()[scenario]
    differences = []
    for step in sorted(set(expected) | set(actual)):
        want, got = expected.get(step, {}), actual.get(step, {})
        for name in sorted(set(want) | set(got)):
            if want.get(name) != got.get(name):
                differences.append(_difference(step, name, want.get(name), got.get(name)))
    assert not differences, ("outputs differ from Tests/golden/expected (record again with "
                             "python3 Tests/golden/record.py if the change is intended):\n"
                             + "\n\n".join(differences[:8]))

"""docs/SCENARIOS.md, which `phm --help` and the starter scenario send people to, documents every
key of the scenario language: its key reference is rendered from `phm schema` (the loader's own
key tables) by scenarios_doc.py, so a key added to the language without a description, or without
re-rendering the page, fails here."""
import re
import subprocess

import scenarios_doc as doc


def test_the_reference_is_rendered_from_the_schema():
    assert doc.DOCUMENT.read_text(encoding="utf-8") == doc.rendered_document(), \
        "docs/SCENARIOS.md is out of date: run python3 Tests/cli/scenarios_doc.py --write"


def test_every_key_has_a_meaning():
    reference = doc.reference()
    rows = [line for line in reference.splitlines() if line.startswith("| `")]
    assert len(rows) > 100
    undocumented = [row.split("|")[1].strip() for row in rows if not row.split("|")[2].strip()]
    assert not undocumented, f"keys without a description in ScenarioSchema: {undocumented}"
    for key in ("horizon", "start_year", "services.NAME.budget", "equity.opportunity_cost.per_qaly", "options.NAME.shift[].amount"):
        assert f"| `{key}`" in reference, key


def test_the_help_and_the_starter_scenario_point_here():
    phm = lambda *args: subprocess.run([str(doc.PHM), *args], capture_output=True, text=True, check=True).stdout
    assert "docs/SCENARIOS.md" in phm("--help")
    assert "docs/SCENARIOS.md" in phm("new", "x", "--output", "-")
    assert re.search(r"^# The scenario language", doc.DOCUMENT.read_text(encoding="utf-8"), re.MULTILINE)

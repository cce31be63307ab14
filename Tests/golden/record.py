"""Record the golden outputs again: python3 Tests/golden/record.py [scenario-name …].

Run it after `swift build --build-tests` when a change is meant to change an output, check the
diff of Tests/golden/expected/ and say why in the commit message. See golden.py.
"""

import sys
from concurrent.futures import ThreadPoolExecutor

from golden import SCENARIOS, record

if __name__ == "__main__":
    wanted = set(sys.argv[1:])
    chosen = [s for s in SCENARIOS if not wanted or s.stem in wanted]
    unknown = wanted - {s.stem for s in chosen}
    if unknown:
        sys.exit(f"no scenario named {', '.join(sorted(unknown))} in Scenarios/")
    with ThreadPoolExecutor(max_workers=2) as pool:
        for scenario, _ in zip(chosen, pool.map(record, chosen)):
            print(f"recorded Tests/golden/expected/{scenario.stem}/")

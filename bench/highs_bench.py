"""Time HiGHS on MPS files, for `phm-bench` (its frontier benchmark): prints one JSON object
with, per file in the order given, the seconds to read it, the seconds to solve it (`run()`
alone) and the optimal objective. Not a test (pytest collects only test_*.py).

    python3 bench/highs_bench.py point_000.mps point_001.mps ...
"""

import json
import os
import sys
import time

import highspy


def main(paths):
    read_seconds, solve_seconds, objectives = [], [], []
    for path in paths:
        highs = highspy.Highs()
        highs.setOptionValue("output_flag", False)
        start = time.perf_counter()
        if highs.readModel(path) == highspy.HighsStatus.kError:
            sys.exit(f"HiGHS could not read {path}")
        read_seconds.append(time.perf_counter() - start)
        start = time.perf_counter()
        highs.run()
        solve_seconds.append(time.perf_counter() - start)
        status = highs.modelStatusToString(highs.getModelStatus())
        if status != "Optimal":
            sys.exit(f"HiGHS: {path}: {status}")
        objectives.append(highs.getInfo().objective_function_value)
    return {"highs_version": highspy.Highs().version(), "read_seconds": read_seconds,
            "solve_seconds": solve_seconds, "objectives": objectives}


if __name__ == "__main__":
    # HiGHS prints a banner on standard output when it starts: keep it out of the JSON answer.
    sys.stdout.flush()
    saved = os.dup(1)
    with open(os.devnull, "w") as devnull:
        os.dup2(devnull.fileno(), 1)
        try:
            answer = main(sys.argv[1:])
        finally:
            sys.stdout.flush()
            os.dup2(saved, 1)
    print(json.dumps(answer))

"""Solve MPS files with HiGHS (the `highspy` package), independently of Clp.

The MPS files phm writes (Sources/LinearProgramming/LinearProgram+MPS.swift) follow one
convention, so HiGHS's optimal objective is directly comparable with phm's:
- a maximisation carries an `OBJSENSE` section with `MAX`, and the objective row holds the
  program's own coefficients (never negated);
- the objective's constant k is the objective row's right-hand side written as -k (the usual
  MPS rule, which HiGHS follows: objective = c'x - RHS(objective row)).
So `objective(path)` is compared with phm's objective as it is, with no sign or offset fix-up.
"""

import highspy


def solve(path):
    """Returns (model status string, objective value, simplex iterations) of the MPS at `path`."""
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    status = highs.readModel(str(path))
    if status == highspy.HighsStatus.kError:
        raise RuntimeError(f"HiGHS could not read {path}: {status}")
    highs.run()
    info = highs.getInfo()
    return highs.modelStatusToString(highs.getModelStatus()), info.objective_function_value, info.simplex_iteration_count


def objective(path):
    """The optimal objective of the MPS at `path`; raises if HiGHS finds no optimum."""
    status, value, _ = solve(path)
    if status != "Optimal":
        raise RuntimeError(f"HiGHS: {path}: {status}")
    return value


def relative_difference(a, b):
    """|a − b| relative to |b|, with |b| floored at 1 so optima near 0 are compared absolutely."""
    return abs(a - b) / max(1.0, abs(b))

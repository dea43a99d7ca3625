"""SciPy's milp (HiGHS) on the LP file Sinergi's portfolio model writes: the baseline of the
allocation CLI in bench/allocation-run.ts. Reads the file, builds the sparse model, solves it with
the same gap and prints one JSON line. Run as `python3 bench/scipy_milp.py model.lp 0.0001`."""
import json
import re
import sys

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import csr_array

TERM = re.compile(r"([+-])\s*([0-9.eE+-]+)\s+(x\d+)")


def terms(text):
    return [(-float(c) if s == "-" else float(c), int(x[1:])) for s, c, x in TERM.findall(text)]


def main(path, gap):
    lines = open(path).read().split("\n")
    sense = lines[0].strip()
    objective = terms(lines[1].split(":", 1)[1])
    rows = []
    i = lines.index("Subject To") + 1
    while lines[i] != "Bounds":
        body = lines[i].split(":", 1)[1]
        op = "<=" if "<=" in body else ">=" if ">=" in body else "="
        left, rhs = body.rsplit(op, 1)
        rows.append((terms(left), op, float(rhs)))
        i += 1
    n = 1 + max([x for _, x in objective] + [x for r in rows for _, x in r[0]])
    c = np.zeros(n)
    for coef, x in objective:
        c[x] = -coef if sense == "Maximize" else coef
    data, cols, ptr, lo, hi = [], [], [0], [], []
    for ts, op, rhs in rows:
        for coef, x in ts:
            data.append(coef)
            cols.append(x)
        ptr.append(len(data))
        lo.append(-np.inf if op == "<=" else rhs)
        hi.append(np.inf if op == ">=" else rhs)
    a = csr_array((data, cols, ptr), shape=(len(rows), n))
    result = milp(
        c,
        constraints=LinearConstraint(a, lo, hi),
        integrality=np.ones(n),
        bounds=Bounds(0, 1),
        options={"mip_rel_gap": gap, "time_limit": 300},
    )
    selected = int(round(result.x.sum())) if result.x is not None else 0
    value = -result.fun if sense == "Maximize" else result.fun
    print(json.dumps({"status": int(result.status), "objective": value, "selected": selected}))


main(sys.argv[1], float(sys.argv[2]))

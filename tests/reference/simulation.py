#!/usr/bin/env python3
"""Independent reference for the simulation pins in crates/nytta-core/tests/simulation.rs.

For every sample in samples/ and two variants of the robot sample (every ranged input
triangular, every ranged input uniform) it draws every input that has both a low and a high
value from its distribution with numpy's own generator and samplers (PERT as
low + (high − low) · Beta(1 + 4(likely − low)/(high − low), 1 + 4(high − likely)/(high − low)),
numpy's triangular and uniform), evaluates the document on those draws with its own
vectorised reading of docs/domain.md (it shares no code with the Rust engine), and records
the figures the Rust simulation reports, with the band each Rust figure must fall in.

Tolerances. Nytta draws DRAWS = 10 000 times, this script REF_DRAWS times, so both are
estimates; the band covers their sampling error together at 4 standard errors:

- a percentile p: Nytta's value must lie between this script's quantiles at p − d and p + d,
  d = 4 · sqrt(p (1 − p) (1/DRAWS + 1/REF_DRAWS)) (the share of draws below a sample
  quantile has that standard error whatever the distribution);
- a share (NPV > 0, never pays back): |Nytta − reference| ≤ 4 · sqrt(q (1 − q) (1/DRAWS +
  1/REF_DRAWS)), q the reference share (at least 1/DRAWS, so a share near 0 or 1 has a band);
- the mean NPV: |Nytta − reference| ≤ 4 · sd · sqrt(1/DRAWS + 1/REF_DRAWS);
- a rank correlation: |Nytta − reference| ≤ 4 · 1.06 · sqrt(1/DRAWS + 1/REF_DRAWS) (the
  standard error of Spearman's rho is below 1.06 / sqrt(n)).

Run from the repository root (needs numpy):

    python3 tests/reference/simulation.py > tests/reference/simulation.json
"""

import json
import math
import re
import sys
from pathlib import Path

import numpy as np

DRAWS = 10_000
REF_DRAWS = 400_000
Z = 4.0
SEED = 20_240_611

TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d+)?)|(role\.[A-Za-z][A-Za-z0-9_]*)|([A-Za-z][A-Za-z0-9_]*)|(.))")


def formula(text, value_of, roles):
    """A formula (docs/format.md) as a numpy expression over the drawn arrays."""
    out = []
    for number, role, name, other in TOKEN.findall(str(text)):
        if number:
            out.append(f"float({number!r})")
        elif role:
            out.append(f'roles["{role[5:]}"]')
        elif name in ("min", "max"):
            out.append({"min": "np.minimum", "max": "np.maximum"}[name])
        elif name:
            out.append(f'value_of("{name}")')
        elif other.strip():
            if other not in "+-*/(),":
                raise ValueError(f"unexpected {other!r} in {text!r}")
            out.append(other)
    expr = " ".join(out)
    return eval(expr, {"__builtins__": {"float": float}, "np": np}, {"roles": roles, "value_of": value_of})


def draw(rng, x):
    low, high, likely = float(x["low"]), float(x["high"]), float(x["value"])
    kind = x.get("distribution", "pert")
    if high == low:
        return np.full(REF_DRAWS, likely)
    if kind == "pert":
        a = 1 + 4 * (likely - low) / (high - low)
        b = 1 + 4 * (high - likely) / (high - low)
        return low + (high - low) * rng.beta(a, b, REF_DRAWS)
    if kind == "triangular":
        return rng.triangular(low, likely, high, REF_DRAWS)
    if kind == "uniform":
        return rng.uniform(low, high, REF_DRAWS)
    raise ValueError(kind)


def payback(net):
    """docs/domain.md payback per draw (rows); inf when the cumulative net never turns
    non-negative within the period."""
    cumulative = np.cumsum(net, axis=1)
    out = np.full(net.shape[0], np.inf)
    done = cumulative[:, 0] >= 0
    out[done] = 0.0
    for t in range(1, net.shape[1]):
        before, now = cumulative[:, t - 1], cumulative[:, t]
        hit = ~done & (before < 0) & (now >= 0)
        out[hit] = (t - 1) + (-before[hit]) / net[hit, t]
        done |= hit
    return out


def simulate(doc, rng):
    v = doc["valuation"]
    p = v["parameters"]
    n = int(p["years"])
    r = float(p["discount_rate"])
    bias = float(p.get("optimism_bias", 0))
    roles = {}
    for role in v.get("roles", []):
        if "hourly_cost" in role:
            roles[role["id"]] = float(role["hourly_cost"])
        else:
            roles[role["id"]] = float(role["monthly_salary"]) / 142 * 1.54
    raw = {x["id"]: x for x in v.get("inputs", [])}
    drawn = {x["id"]: draw(rng, x) for x in v.get("inputs", []) if "low" in x and "high" in x}
    cache = dict(drawn)

    def value_of(name):
        if name not in cache:
            cache[name] = formula(raw[name]["value"], value_of, roles)
        return cache[name]

    econ = np.zeros((REF_DRAWS, n + 1))
    budget = np.zeros((REF_DRAWS, n + 1))
    for line in v.get("lines", []):
        if line["category"] not in ("financial", "reallocation"):
            continue
        if "amount" in line:
            annual = formula(line["amount"], value_of, roles)
        else:
            t = line["time"]
            annual = formula(t["minutes"], value_of, roles) * formula(t["occurrences"], value_of, roles) / 60 * roles[t["role"]]
        annual = np.broadcast_to(np.asarray(annual, dtype=float), (REF_DRAWS,))
        timing = line["timing"]
        if "once" in timing:
            first = last = int(timing["once"])
        else:
            first = int(timing["yearly"]["from"])
            last = int(timing["yearly"].get("to", n))
        ramp = [float(f) for f in line.get("ramp", [1])]
        benefit = line["side"] == "benefit"
        factor = float(line.get("confidence", 1)) if benefit else -(1 + bias)
        for t in range(first, last + 1):
            value = annual * ramp[min(t - first, len(ramp) - 1)] * factor
            econ[:, t] += value
            if line["category"] == "financial":
                budget[:, t] += value
    discount = (1 + r) ** -np.arange(n + 1)
    return drawn, {"economic": econ, "budget": budget}, discount


def share_band(q):
    q_eff = max(q * (1 - q), 1 / DRAWS)
    return Z * math.sqrt(q_eff * (1 / DRAWS + 1 / REF_DRAWS))


def quantile_band(values, p):
    d = Z * math.sqrt(p * (1 - p) * (1 / DRAWS + 1 / REF_DRAWS))
    low, mid, high = np.quantile(values, [p - d, p, p + d])
    finite = lambda x: float(x) if np.isfinite(x) else None
    return {"p": p, "low": finite(low), "reference": finite(mid), "high": finite(high)}


def spearman(a, b):
    ra = np.argsort(np.argsort(a, kind="stable"), kind="stable").astype(float)
    rb = np.argsort(np.argsort(b, kind="stable"), kind="stable").astype(float)
    return float(np.corrcoef(ra, rb)[0, 1])


def figures(doc, rng):
    drawn, views, discount = simulate(doc, rng)
    out = {}
    for name, net in views.items():
        npv = net @ discount
        pay = payback(net)
        positive = float(np.mean(npv > 0))
        never = float(np.mean(np.isinf(pay)))
        sd = float(np.std(npv))
        out[name] = {
            "npv_mean": {"reference": float(np.mean(npv)), "tolerance": Z * sd * math.sqrt(1 / DRAWS + 1 / REF_DRAWS)},
            "npv": [quantile_band(npv, p) for p in (0.1, 0.5, 0.9)],
            "probability_positive": {"reference": positive, "tolerance": share_band(positive)},
            "payback": [quantile_band(pay, p) for p in (0.1, 0.5, 0.9)],
            "never_pays_back": {"reference": never, "tolerance": share_band(never)},
            "rank_correlation": {
                "tolerance": Z * 1.06 * math.sqrt(1 / DRAWS + 1 / REF_DRAWS),
                "inputs": {k: spearman(x, npv) if np.std(npv) > 0 else None for k, x in drawn.items()},
            },
        }
    return out


def with_distribution(doc, kind):
    doc = json.loads(json.dumps(doc))
    for x in doc["valuation"].get("inputs", []):
        if "low" in x and "high" in x:
            x["distribution"] = kind
    return doc


def main():
    # A percentile band that reaches draws without payback (inf) has no upper end: numpy
    # interpolates inf − inf there, which is written as null.
    np.seterr(invalid="ignore")
    rng = np.random.default_rng(SEED)
    cases = {}
    for path in sorted(Path("samples").glob("*.nytta.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        cases[path.name] = figures(doc, rng)
        if path.name == "lakemedelsrobotar.nytta.json":
            for kind in ("triangular", "uniform"):
                cases[f"{path.name}#{kind}"] = figures(with_distribution(doc, kind), rng)
    json.dump({"draws": DRAWS, "reference_draws": REF_DRAWS, "cases": cases}, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()

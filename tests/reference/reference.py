#!/usr/bin/env python3
"""Independent reference for the sample pins in tests/integration/samples.rs.

Reimplements the calculation conventions of docs/domain.md with Python's `decimal` module (50
significant digits, far beyond what the figures need) and prints, for every
`samples/*.nytta.json`, the figures the integration tests pin: NPV, present values, totals,
payback, discounted payback, IRR (with every root) and MIRR in the economic and budget views, freed hours, FTE and
the 1/3/5 scores. It shares no code with the Rust engine; only the document format is common.

Regenerate the pins after changing a sample (run from the repository root):

    python3 tests/reference/reference.py > tests/reference/samples.json

and review the diff: every changed figure should be explained by the sample change.
"""

import json
import re
import sys
from decimal import ROUND_HALF_UP, Decimal, getcontext
from pathlib import Path

getcontext().prec = 50
D = Decimal

# docs/domain.md: monthly salary -> hourly cost as monthly / 142 * 1.54.
HOURS_PER_MONTH = D(142)
PAYROLL_FACTOR = D("1.54")

# docs/scores.md defaults.
EFFECT_MONEY_5, EFFECT_MONEY_3 = D(1_000_000), D(250_000)
EFFECT_HOURS_5, EFFECT_HOURS_3 = D(2_000), D(500)
RESOURCE_5, RESOURCE_3 = D(2_000_000), D(500_000)

TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d+)?)|(role\.[A-Za-z][A-Za-z0-9_]*)|([A-Za-z][A-Za-z0-9_]*)|(.))")


def formula(text, inputs, roles):
    """Evaluates a formula (docs/format.md) by translating it into a Python Decimal expression."""
    out = []
    for number, role, name, other in TOKEN.findall(str(text)):
        if number:
            out.append(f'D("{number}")')
        elif role:
            out.append(f'roles["{role[5:]}"]')
        elif name in ("min", "max"):
            out.append(name)
        elif name:
            out.append(f'inputs("{name}")')
        elif other.strip():
            if other not in "+-*/(),":
                raise ValueError(f"unexpected {other!r} in {text!r}")
            out.append(other)
    expr = " ".join(out)
    return eval(expr, {"__builtins__": {}, "D": D, "min": min, "max": max}, {"roles": roles, "inputs": inputs})


def money(d):
    return str(d.quantize(D("0.01"), rounding=ROUND_HALF_UP))


def ratio(d):
    return None if d is None else str(d.quantize(D("0.000001"), rounding=ROUND_HALF_UP))


def payback(net):
    """docs/domain.md: 0 if C(0) >= 0; else the first t with C(t-1) < 0 <= C(t) gives
    (t-1) + (-C(t-1)) / Net(t); None when the cumulative net never turns non-negative."""
    c = net[0]
    if c >= 0:
        return D(0)
    for t in range(1, len(net)):
        before, c = c, c + net[t]
        if before < 0 <= c:
            return (t - 1) + (-before) / net[t]
    return None


def irr_roots(net):
    """Every rate r > -100 % where NPV changes sign, ascending: 1 + r is scanned geometrically
    from 10^-4 to 10^6 in steps of 0.2 % and each bracket is bisected. Empty when the net flow
    never changes sign."""
    signs = {x > 0 for x in net if x != 0}
    if len(signs) < 2:
        return []

    def npv(r):
        return sum(x / (1 + r) ** t for t, x in enumerate(net))

    roots = []
    step = D("1.002")
    y, prev = D("0.0001"), None
    while y <= 1_000_000:
        v = npv(y - 1)
        if v == 0:
            roots.append(y - 1)
            prev = None
        elif prev is not None and (v > 0) != (prev[1] > 0):
            lo, hi, positive = prev[0], y, prev[1] > 0
            for _ in range(120):
                mid = (lo + hi) / 2
                if (npv(mid - 1) > 0) == positive:
                    lo = mid
                else:
                    hi = mid
            roots.append(lo - 1)
            prev = (y, v)
        else:
            prev = (y, v)
        y *= step
    return sorted(roots)


def irr(roots):
    """docs/domain.md (numpy-financial's rule): when roots of both signs exist keep the
    non-negative ones, then the smallest in magnitude; None without a root."""
    if any(r >= 0 for r in roots):
        roots = [r for r in roots if r >= 0]
    return min(roots, key=abs) if roots else None


def mirr(net, r):
    """Excel's MIRR(values; r; r): (FV_N of the positive flows at r / -PV_0 of the negative
    flows at r)^(1/N) - 1; None without both a positive and a negative flow."""
    n = len(net) - 1
    if n < 1 or not any(x > 0 for x in net) or not any(x < 0 for x in net):
        return None
    fv = sum(x * (1 + r) ** (n - t) for t, x in enumerate(net) if x > 0)
    pv = -sum(x / (1 + r) ** t for t, x in enumerate(net) if x < 0)
    return (fv / pv) ** (D(1) / n) - 1


def evaluate(doc):
    v = doc["valuation"]
    if "settings" in v:
        raise ValueError("the reference knows only the default score settings of docs/scores.md")
    p = v["parameters"]
    n = int(p["years"])
    r = D(p["discount_rate"])
    hours_per_fte = D(p.get("hours_per_fte", 1700))
    bias = D(p.get("optimism_bias", 0))

    roles = {}
    for role in v.get("roles", []):
        if "hourly_cost" in role:
            roles[role["id"]] = D(role["hourly_cost"])
        else:
            roles[role["id"]] = D(role["monthly_salary"]) / HOURS_PER_MONTH * PAYROLL_FACTOR

    raw = {x["id"]: x["value"] for x in v.get("inputs", [])}
    cache = {}

    def inputs(name):
        if name not in cache:
            cache[name] = formula(raw[name], inputs, roles)
        return cache[name]

    years = range(n + 1)
    econ_b, econ_c = [D(0)] * (n + 1), [D(0)] * (n + 1)
    bud_b, bud_c = [D(0)] * (n + 1), [D(0)] * (n + 1)
    freed_hours = D(0)
    effect_money = D(0)
    resource_money = D(0)
    for line in v.get("lines", []):
        if line["category"] not in ("financial", "reallocation"):
            continue
        hours = None
        if "amount" in line:
            annual = formula(line["amount"], inputs, roles)
        else:
            t = line["time"]
            minutes = formula(t["minutes"], inputs, roles)
            occurrences = formula(t["occurrences"], inputs, roles)
            hours = minutes * occurrences / 60
            annual = hours * roles[t["role"]]
        timing = line["timing"]
        if "once" in timing:
            first = last = int(timing["once"])
            once = True
        else:
            first = int(timing["yearly"]["from"])
            last = int(timing["yearly"].get("to", n))
            once = False
        ramp = [D(f) for f in line.get("ramp", [1])]
        benefit = line["side"] == "benefit"
        confidence = D(line.get("confidence", 1)) if benefit else D(1)
        for t in years:
            if t < first or t > last:
                continue
            factor = ramp[min(t - first, len(ramp) - 1)]
            value = annual * factor * (confidence if benefit else 1 + bias)
            (econ_b if benefit else econ_c)[t] += value
            if line["category"] == "financial":
                (bud_b if benefit else bud_c)[t] += value
        if benefit and not once:
            effect_money += annual * confidence
            if line["category"] == "reallocation" and hours is not None:
                freed_hours += hours * confidence
        if not benefit and once:
            resource_money += annual * (1 + bias)

    def view(b, c):
        growth = [(1 + r) ** t for t in years]
        net = [b[t] - c[t] for t in years]
        disc = [net[t] / growth[t] for t in years]
        pvb = sum(b[t] / growth[t] for t in years)
        pvc = sum(c[t] / growth[t] for t in years)
        roots = irr_roots(net)
        return {
            "npv": money(sum(disc)),
            "pv_benefits": money(pvb),
            "pv_costs": money(pvc),
            "total_benefits": money(sum(b)),
            "total_costs": money(sum(c)),
            "payback_years": ratio(payback(net)),
            "discounted_payback_years": ratio(payback(disc)),
            "irr": ratio(irr(roots)),
            "irr_roots": [ratio(x) for x in roots],
            "mirr": ratio(mirr(net, r)),
        }

    def level(value, at_3, at_5):
        return 5 if value >= at_5 else 3 if value >= at_3 else 1

    effect = max(level(effect_money, EFFECT_MONEY_3, EFFECT_MONEY_5), level(freed_hours, EFFECT_HOURS_3, EFFECT_HOURS_5))
    resource_need = level(resource_money, RESOURCE_3, RESOURCE_5)
    scores = v.get("scores", {})
    feasibility = scores.get("feasibility", {}).get("level")
    financing = scores.get("financing", {}).get("level")
    priority = None
    if feasibility is not None and financing is not None:
        priority = D(effect + int(feasibility) + int(financing) + (6 - resource_need)) / 4
    out = {
        "economic": view(econ_b, econ_c),
        "budget": view(bud_b, bud_c),
        "freed_hours_per_year": ratio(freed_hours),
        "fte": ratio(freed_hours / hours_per_fte),
        "scores": {
            "effect": effect,
            "feasibility": None if feasibility is None else int(feasibility),
            "financing": None if financing is None else int(financing),
            "resource_need": resource_need,
            "priority": ratio(priority),
            "full_valuation_required": effect >= 3 or resource_need >= 3,
        },
    }
    options = v.get("case", {}).get("options", [])
    if options:
        out["options"] = [option(o, n, r) for o in options]
    return out


def option(o, n, r):
    """docs/format.md (case): an option with any figure is costed as -one_off_cost in year 0
    and yearly_benefit - yearly_cost in years 1..N (a missing figure is 0), relative to doing
    nothing; paid back only when the cumulative flow ends at or above zero."""
    keys = ("one_off_cost", "yearly_cost", "yearly_benefit")
    if not any(k in o for k in keys):
        return {"id": o["id"], "npv": None, "payback_years": None}
    one_off, cost, benefit = (D(o.get(k, 0)) for k in keys)
    net = [-one_off] + [benefit - cost] * n
    npv = sum(net[t] / (1 + r) ** t for t in range(n + 1))
    back = payback(net) if sum(net) >= 0 else None
    return {"id": o["id"], "npv": money(npv), "payback_years": ratio(back)}


def main():
    root = Path(__file__).resolve().parents[2]
    pins = {}
    for path in sorted((root / "samples").glob("*.nytta.json")):
        doc = json.loads(path.read_text(encoding="utf-8"), parse_float=D, parse_int=D)
        pins[path.name] = evaluate(doc)
    json.dump(pins, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()

"""Reference values for IndependenceReferenceTest, from scipy and statsmodels (Debian bookworm:
python3-scipy 1.10.1, python3-statsmodels 0.13.5, python3-pandas 1.5.3).

Writes small.csv (a fixed data set) and prints the expected statistics, which the Java test holds as constants.
Run: /usr/bin/python3 reference.py
"""
import numpy as np
import pandas as pd
from scipy import stats
import statsmodels.api as sm
import statsmodels.formula.api as smf

rng = np.random.default_rng(7)
n = 60
c = rng.normal(size=n)
a = 0.8 * c + rng.normal(size=n)
b = 0.6 * c + 0.3 * a + rng.normal(size=n)
e = rng.random(n) < 1 / (1 + np.exp(-(a - 0.2)))
d = np.where(b + rng.normal(size=n) > 0.5, "hi", np.where(rng.random(n) < 0.5, "lo", "mid"))
f = np.where(e, rng.choice(["p", "q", "r"], size=n, p=[0.6, 0.3, 0.1]),
             rng.choice(["p", "q", "r"], size=n, p=[0.2, 0.3, 0.5]))
df = pd.DataFrame({"a": a.round(3), "b": b.round(3), "c": c.round(3), "d": d,
                   "e": np.where(e, "yes", "no"), "f": f})
df.loc[[4, 17, 33], "c"] = np.nan
df.to_csv("small.csv", index=False, na_rep="NA")
df = pd.read_csv("small.csv")
df["e"] = (df["e"] == "yes").astype(int)


def fisher_z(data, x, y, given):
    data = data.dropna(subset=[x, y] + given)
    z = np.column_stack([np.ones(len(data))] + [data[g] for g in given])
    rx = data[x] - z @ np.linalg.lstsq(z, data[x], rcond=None)[0]
    ry = data[y] - z @ np.linalg.lstsq(z, data[y], rcond=None)[0]
    r = np.corrcoef(rx, ry)[0, 1]
    stat = np.arctanh(r) * np.sqrt(len(data) - len(given) - 3)
    print(f"fisher z {x} _||_ {y} | {given}: n={len(data)} r={r!r} z={stat!r} p={2 * stats.norm.sf(abs(stat))!r}")


def contingency(data, x, y, given):
    groups = [data] if not given else [g for _, g in data.groupby(given[0] if len(given) == 1 else given)]
    total = {"log-likelihood": 0.0, "pearson": 0.0}
    dof = 0
    for g in groups:
        table = pd.crosstab(g[x], g[y])  # only the values that occur in the stratum
        if table.shape[0] < 2 or table.shape[1] < 2:
            continue
        for kind in total:
            s, _, k, _ = stats.chi2_contingency(table, correction=False, lambda_=kind)
            total[kind] += s
        dof += k
    for kind, s in total.items():
        print(f"{kind} {x} _||_ {y} | {given}: stat={s!r} dof={dof} p={stats.chi2.sf(s, dof)!r}")


def lr(formula0, formula1, data, kind):
    fit = {"ols": smf.ols, "logit": smf.logit, "mnlogit": smf.mnlogit}[kind]
    m0 = fit(formula0, data).fit(disp=0) if kind != "ols" else fit(formula0, data).fit()
    m1 = fit(formula1, data).fit(disp=0) if kind != "ols" else fit(formula1, data).fit()
    stat = 2 * (m1.llf - m0.llf)
    k = m1.df_model - m0.df_model  # mnlogit counts (J - 1) parameters per predictor already
    return stat, k, stats.chi2.sf(stat, k)


def mixed(data, name, dir1, dir2):
    s1, k1, p1 = lr(*dir1)
    s2, k2, p2 = lr(*dir2)
    print(f"mixed {name}: lr1={s1!r} df1={k1} p1={p1!r} lr2={s2!r} df2={k2} p2={p2!r} "
          f"p={min(2 * min(p1, p2), max(p1, p2))!r}")


fisher_z(df, "a", "b", [])
fisher_z(df, "a", "b", ["c"])
contingency(df, "d", "f", [])
contingency(df, "d", "f", ["e"])
mixed(df, "a _||_ d | e", ("a ~ C(e)", "a ~ C(e) + C(d)", df, "ols"),
      ("dc ~ C(e)", "dc ~ C(e) + a", df.assign(dc=df["d"].astype("category").cat.codes), "mnlogit"))
mixed(df, "e _||_ a | b", ("e ~ b", "e ~ b + a", df, "logit"), ("a ~ b", "a ~ b + C(e)", df, "ols"))

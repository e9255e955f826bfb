#!/usr/bin/python3
"""Peer check of `recausal estimate` against statsmodels (Debian's python3-statsmodels) on the same data.

Usage, from the repository root:
  ./recausal generate recommender --rows 100000 --seed 5 --output /tmp/shop.csv --graph-output /tmp/shop.json
  /usr/bin/python3 app/cli/peer/compare_with_statsmodels.py /tmp/shop.csv /tmp/shop.json exposure purchase

For a binary treatment T, outcome Y and the adjustment set Recausal chooses, it computes with statsmodels:
  regression (g-computation): a logistic (binary Y) or OLS (numeric Y) model per treatment arm on the adjustment
  set, averaged over all rows; IPW: a logistic propensity model clipped to [0.01, 0.99], normalised (Hajek)
  weights; AIPW: the two combined. It prints both point estimates and their difference.
DoWhy itself cannot be installed here (no PyPI), so the same estimators are written out with statsmodels.
"""
import json
import subprocess
import sys

import numpy as np
import pandas as pd
import statsmodels.api as sm


def design(frame, columns):
    parts = []
    for name in columns:
        column = frame[name]
        if column.dtype == object or column.dtype == bool:
            parts.append(pd.get_dummies(column.astype(str), prefix=name, drop_first=True, dtype=float))
        else:
            parts.append(column.astype(float).to_frame())
    x = pd.concat(parts, axis=1) if parts else pd.DataFrame(index=frame.index)
    return sm.add_constant(x, has_constant="add")


def arm_predictions(x, y, t, binary):
    predictions = []
    for arm in (0, 1):
        rows = t == arm
        model = sm.Logit(y[rows], x[rows]).fit(disp=0) if binary else sm.OLS(y[rows], x[rows]).fit()
        predictions.append(np.asarray(model.predict(x)))
    return predictions


def main(data_file, graph_file, treatment, outcome):
    recausal = ["./recausal", "estimate", "--graph", graph_file, "--data", data_file, "--treatment", treatment,
                "--outcome", outcome, "--bootstrap", "20"]
    frame = pd.read_csv(data_file)
    t = frame[treatment].astype(float).to_numpy()
    y = frame[outcome].astype(float).to_numpy()
    binary = set(np.unique(y)) <= {0.0, 1.0}
    results = {}
    for method in ("regression", "ipw", "aipw"):
        ours = json.loads(subprocess.run(recausal + ["--method", method], check=True, capture_output=True,
                                         text=True).stdout)
        x = design(frame, ours["adjustment_set"])
        mu0, mu1 = arm_predictions(x, y, t, binary)
        e = np.clip(np.asarray(sm.Logit(t, x).fit(disp=0).predict(x)), 0.01, 0.99)
        if method == "regression":
            theirs = np.mean(mu1 - mu0)
        elif method == "ipw":
            theirs = np.sum(t * y / e) / np.sum(t / e) - np.sum((1 - t) * y / (1 - e)) / np.sum((1 - t) / (1 - e))
        else:
            theirs = np.mean(mu1 - mu0 + t * (y - mu1) / e - (1 - t) * (y - mu0) / (1 - e))
        results[method] = {"recausal": ours["estimate"], "statsmodels": float(theirs),
                           "difference": ours["estimate"] - float(theirs), "adjustment_set": ours["adjustment_set"]}
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main(*sys.argv[1:5])

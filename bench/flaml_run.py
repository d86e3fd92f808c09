"""One FLAML run for bench/autopilot_quality.py, in its own process so its peak memory is its own.

    python flaml_run.py TRAIN.csv TEST.csv EXCLUDE(0|1) METRIC(roc_auc|f1) BUDGET_SECONDS
Prints the test score (AUC from probabilities, or F1 of class yes at FLAML's predictions).
"""
import sys

import pandas as pd
from flaml import AutoML
from sklearn.metrics import f1_score, roc_auc_score

train_path, test_path, exclude, metric, budget = sys.argv[1:6]
train, test = pd.read_csv(train_path), pd.read_csv(test_path)
features = [c for c in train.columns if c != "y" and not (exclude == "1" and c == "duration")]
automl = AutoML()
automl.fit(train[features], (train.y == "yes").astype(int), task="classification", metric=metric,
           time_budget=int(budget), n_jobs=2, verbose=0, seed=0)
truth = (test.y == "yes").astype(int)
if metric == "roc_auc":
    print(roc_auc_score(truth, automl.predict_proba(test[features])[:, 1]))
else:
    print(f1_score(truth, automl.predict(test[features])))

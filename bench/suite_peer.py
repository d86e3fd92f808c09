"""One peer run for bench/autopilot_suite.py, in its own process so its peak memory is its own.

    python suite_peer.py flaml|autogluon TRAIN.csv TEST.csv TARGET KIND BUDGET_SECONDS OUT.csv [WORKDIR [SEED]]
KIND is binary, multiclass or regression. Writes one column, `prediction`, to OUT.csv, a row per
test row: the probability of each row's class being the positive one (binary: the rarer class of
the training rows), the predicted class (multiclass) or the predicted value (regression). Prints
one JSON line: the peer's version, how many trials (FLAML) or models (AutoGluon) it trained, and
which.
"""
import json
import sys

import pandas as pd

# Objectives per kind, the same as pilot's metric=AUC, Accuracy and RMSE.
FLAML_METRIC = {"binary": "roc_auc", "multiclass": "accuracy", "regression": "rmse"}
AUTOGLUON_METRIC = {"binary": "roc_auc", "multiclass": "accuracy", "regression": "root_mean_squared_error"}


def positive_class(train, target):
    """The rarer class of the training rows (ties: the larger value)."""
    counts = train[target].value_counts()
    return sorted(counts.index, key=lambda c: (counts[c], str(c)))[0]


def run_flaml(train, test, target, kind, budget, workdir, seed):
    import flaml
    from flaml import AutoML

    automl = AutoML()
    x, y = train.drop(columns=[target]), train[target]
    automl.fit(x, y, task="regression" if kind == "regression" else "classification",
               metric=FLAML_METRIC[kind], time_budget=budget, n_jobs=2, seed=seed, verbose=0)
    features = test.drop(columns=[target])
    if kind == "binary":
        column = list(automl.classes_).index(positive_class(train, target))
        prediction = automl.predict_proba(features)[:, column]
    else:
        prediction = automl.predict(features)
    # FLAML keeps no public count of its trials: _iter_per_learner counts each learner's.
    trials = {name: n for name, n in automl._iter_per_learner.items() if n}
    return prediction, {"version": flaml.__version__, "count": sum(trials.values()),
                        "models": trials, "best": automl.best_estimator}


def run_autogluon(train, test, target, kind, budget, workdir, seed):
    import autogluon.tabular
    from autogluon.tabular import TabularPredictor

    predictor = TabularPredictor(label=target, problem_type=kind, eval_metric=AUTOGLUON_METRIC[kind],
                                 path=f"{workdir}/autogluon", verbosity=0)
    # No torch here (see bench/autopilot-suite): its neural networks are left out by name.
    predictor.fit(train, time_limit=budget, num_cpus=2, excluded_model_types=["NN_TORCH", "FASTAI"])
    features = test.drop(columns=[target])
    if kind == "binary":
        prediction = predictor.predict_proba(features)[positive_class(train, target)].to_numpy()
    else:
        prediction = predictor.predict(features).to_numpy()
    models = predictor.model_names()
    return prediction, {"version": autogluon.tabular.__version__, "count": len(models), "models": models,
                        "best": predictor.model_best}


def main():
    system, train_path, test_path, target, kind, budget, out_path = sys.argv[1:8]
    workdir = sys.argv[8] if len(sys.argv) > 8 else "."
    seed = int(sys.argv[9]) if len(sys.argv) > 9 else 0
    train, test = pd.read_csv(train_path), pd.read_csv(test_path)
    run = {"flaml": run_flaml, "autogluon": run_autogluon}[system]
    prediction, info = run(train, test, target, kind, int(budget), workdir, seed)
    pd.DataFrame({"prediction": prediction}).to_csv(out_path, index=False)
    print(json.dumps(info))


if __name__ == "__main__":
    main()

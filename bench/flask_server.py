"""The peer of `pilot serve` in bench/endpoint: Flask + xgboost, the stack of SageMaker's XGBoost
container, doing the same work per request: parse the text/csv rows, apply the candidate's
fitted pipeline (read from .pilot/EXP/model.json), predict with each member's booster (a DMatrix
per request, as the container does), average the ensemble, apply the threshold, answer the label.

    gunicorn -w 2 -k gthread --threads 8 -b 127.0.0.1:8182 'flask_server:create_app("STORE", "bank")'
"""
import csv
import io
import json
import math
import os
import sqlite3

import numpy as np
import xgboost as xgb
from flask import Flask, Response, request


class Member:
    """One model of the candidate: its pipeline and its booster or linear weights."""

    def __init__(self, spec, folder, inputs):
        self.weight = spec["weight"]
        pipeline = spec["pipeline"]
        definition = pipeline["definition"]
        self.impute = definition["imputeMedian"]
        self.standardize = definition["standardize"]
        self.one_hot = "oneHot" in definition["encoding"]
        # Ordinal codes (dpp3) are plain numbers to XGBoost; native codes are categories.
        self.ordinal = "ordinal" in definition["encoding"]
        # Members with the same fitted pipeline (a bag's fold models) share one transform.
        self.pipeline_key = json.dumps(pipeline, sort_keys=True)
        index = {name: i for i, name in enumerate(inputs)}
        self.numeric = [(index[s["column"]], s["median"], s["mean"], s["scale"], s["indicator"]) for s in pipeline["numeric"]]
        self.categorical = [(index[s["column"]], {c: i for i, c in enumerate(s["categories"])}, len(s["categories"]))
                            for s in pipeline["categorical"]]
        indicators = sum(1 for s in self.numeric if s[4])
        self.width = len(self.numeric) + indicators + (sum(n for _, _, n in self.categorical) if self.one_hot else len(self.categorical))
        self.kinds = ["q"] * (len(self.numeric) + indicators)
        if self.one_hot:
            self.kinds += ["q"] * sum(n for _, _, n in self.categorical)
        else:
            self.kinds += ["q" if self.ordinal else "c"] * len(self.categorical)
        self.booster = None
        self.linear = None
        if spec["algorithm"] == "xgboost":
            self.booster = xgb.Booster(model_file=os.path.join(folder, spec["boosterFile"]))
            self.booster.set_param({"nthread": 1})
            self.rounds = spec["rounds"]
        else:
            self.linear = np.array(spec["linear"]["weights"][0])

    def transform(self, rows):
        x = np.zeros((len(rows), self.width), dtype=np.float32)
        indicator_at = len(self.numeric)
        for r, row in enumerate(rows):
            j = 0
            k = indicator_at
            for column, median, mean, scale, indicator in self.numeric:
                text = row[column]
                v = float(text) if text not in ("", "NA", "NaN", "nan", "null") else math.nan
                missing = math.isnan(v)
                if missing and self.impute:
                    v = median
                if self.standardize and not math.isnan(v):
                    v = (v - mean) / scale
                x[r, j] = v
                j += 1
                if indicator:
                    x[r, k] = 1.0 if missing else 0.0
                    k += 1
            j = k
            for column, lookup, count in self.categorical:
                code = lookup.get(row[column])
                if self.one_hot:
                    if code is not None:
                        x[r, j + code] = 1.0
                    j += count
                else:
                    x[r, j] = math.nan if code is None else code
                    j += 1
        return x

    def scores(self, x):
        if self.booster is not None:
            matrix = xgb.DMatrix(x, missing=np.nan, feature_types=self.kinds, enable_categorical=True)
            return self.booster.predict(matrix, iteration_range=(0, self.rounds))
        z = x.astype(np.float64) @ self.linear[:-1] + self.linear[-1]
        return 1 / (1 + np.exp(-z))


def create_app(store, experiment):
    """The Flask app serving the best model of EXPERIMENT from the store in STORE/.pilot."""
    folder = os.path.join(store, ".pilot", experiment)
    with sqlite3.connect(os.path.join(store, ".pilot", "experiments.sqlite")) as db:
        record = json.loads(db.execute("SELECT record FROM experiment WHERE name = ?", (experiment,)).fetchone()[0])
    inputs = [c["name"] for c in record["inputs"]["columns"]]
    with open(os.path.join(folder, "model.json")) as f:
        archive = json.load(f)
    classes = archive["target"]["classes"]
    threshold = archive["threshold"] if archive.get("threshold") is not None else 0.5
    members = [Member(m, folder, inputs) for m in archive["members"]]
    total = sum(m.weight for m in members)

    app = Flask(__name__)

    @app.route("/ping", methods=["GET"])
    def ping():
        return Response("", status=200)

    @app.route("/invocations", methods=["POST"])
    def invocations():
        if request.mimetype != "text/csv":
            return Response(json.dumps({"error": "send text/csv"}), status=415, mimetype="application/json")
        rows = [row for row in csv.reader(io.StringIO(request.get_data(as_text=True))) if row]
        if not rows or any(len(row) != len(inputs) for row in rows):
            return Response(json.dumps({"error": f"expected {len(inputs)} values per row"}), status=400, mimetype="application/json")
        try:
            transformed = {}
            score = 0
            for m in members:
                if m.pipeline_key not in transformed:
                    transformed[m.pipeline_key] = m.transform(rows)
                score = score + m.scores(transformed[m.pipeline_key]) * (m.weight / total)
        except ValueError as error:
            return Response(json.dumps({"error": str(error)}), status=400, mimetype="application/json")
        body = "".join((classes[1] if p >= threshold else classes[0]) + "\n" for p in score)
        return Response(body, status=200, mimetype="text/csv")

    return app

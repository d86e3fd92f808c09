"""Endpoint throughput and latency: `pilot serve` against Flask + xgboost (gunicorn), driven by wrk
on loopback with single-row text/csv requests against the best bank-marketing model. Run by
bench/endpoint; prints a table and appends it to bench/RESULTS.md. Not a test.

With the argument `routes` (bench/endpoint routes), it measures instead one `pilot serve` through
its two invocation routes, `/invocations` and SageMaker Runtime's `/endpoints/NAME/invocations`,
with the same payload, in interleaved rounds so that noise on the machine hits both alike."""
import csv
import datetime
import io
import os
import platform
import re
import subprocess
import sys
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, ".build", "bench-endpoint")
PILOT = os.path.join(ROOT, ".build", "release", "pilot")
PYTHON = os.path.join(ROOT, "bench", ".venv", "bin", "python")
DURATION = int(os.environ.get("BENCH_DURATION", "60"))
WARMUP = int(os.environ.get("BENCH_WARMUP", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "64"))
CANDIDATES = os.environ.get("BENCH_CANDIDATES", "10")


def run(command, **kwargs):
    return subprocess.run(command, check=True, text=True, capture_output=True, **kwargs).stdout


def train():
    """Runs autopilot on bank marketing once (kept in .build/bench-endpoint/.pilot)."""
    if os.path.exists(os.path.join(WORK, ".pilot", "bank", "model.json")):
        return
    mirror = os.environ.get("PILOT_MIRROR") or os.path.join(ROOT, "..", "shared", "data")
    zip_path = os.path.abspath(os.path.join(mirror, "bank-additional.zip"))
    os.makedirs(WORK, exist_ok=True)
    with open(os.path.join(WORK, "train.pilotbook"), "w") as f:
        f.write(f"""```pilot id=data
load {zip_path}:bank-additional/bank-additional-full.csv as data
split data into train test seed=1
save test to test.csv
```

```pilot id=autopilot
autopilot train target=y as bank max_candidates={CANDIDATES} seed=1
```
""")
    print(f"training the bank-marketing model (autopilot, max_candidates={CANDIDATES})...", file=sys.stderr)
    run([PILOT, "run", "train.pilotbook"], cwd=WORK)


def request_row():
    """The first test row without its target, as one CSV line."""
    with open(os.path.join(WORK, "test.csv")) as f:
        reader = csv.reader(f)
        header = next(reader)
        row = next(reader)
    target = header.index("y")
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(row[:target] + row[target + 1:])
    return out.getvalue()


def wait_for(url, process):
    for _ in range(300):
        if process.poll() is not None:
            raise SystemExit(f"the server at {url} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url + "/ping", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"no answer from {url}")


def rss_kb(pid):
    """Resident memory of a process and its children, in kB."""
    total = 0
    pids = [str(pid)] + subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    for p in pids:
        with open(f"/proc/{p}/status") as f:
            total += int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1))
    return total


def seconds(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}[unit]


def wrk(url, duration, script, path="/invocations"):
    out = run(["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{duration}s", "--latency", "-s", script, url + path])
    result = {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": seconds(re.search(r"\n\s+50%\s+(\S+)", out).group(1)),
        "p99": seconds(re.search(r"\n\s+99%\s+(\S+)", out).group(1)),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "non2xx": int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", out)) else 0,
        "socket": sum(int(x) for x in m.groups()) if (m := re.search(
            r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)) else 0,
    }
    return result


HEADING = "## Endpoint throughput and latency (issue 5)"
INTRO = """

Reproduce: `PILOT_MIRROR=../shared/data bench/endpoint` (builds pilot in release mode, sets up
Flask, gunicorn and xgboost in bench/.venv, runs autopilot on bank marketing once in
`.build/bench-endpoint`, then drives `pilot serve bank.best` and `bench/flask_server.py` under
gunicorn with wrk). The Flask server does the same work per request: parse the CSV row, apply
the candidate's fitted pipeline from `.pilot/bank/model.json`, predict each member's booster
from a DMatrix (as SageMaker's XGBoost container does), average, threshold, answer the label.
Bars: at least 5× Flask's throughput, a lower p99, zero errors, no resident-memory growth after
warm-up.
"""


def append(text):
    """Prints `text` and appends it to bench/RESULTS.md, under the endpoint heading."""
    print(text)
    results = os.path.join(ROOT, "bench", "RESULTS.md")
    with open(results) as f:
        current = f.read()
    if HEADING not in current:
        current = current.rstrip("\n") + "\n\n" + HEADING + INTRO
    with open(results, "w") as f:
        f.write(current.rstrip("\n") + "\n\n" + text)


def answer(url, path, script):
    """The server's answer to the benchmark's row, through `path`."""
    request = urllib.request.Request(url + path, data=open(script + ".row").read().encode(),
                                     headers={"Content-Type": "text/csv"})
    with urllib.request.urlopen(request) as response:
        return response.read().decode().strip()


def measure(name, command, url, script, env=None):
    process = subprocess.Popen(command, cwd=WORK, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        wait_for(url, process)
        started = rss_kb(process.pid)
        wrk(url, WARMUP, script)
        warm = rss_kb(process.pid)
        result = wrk(url, DURATION, script)
        result.update(rss_start=started, rss_warm=warm, rss_end=rss_kb(process.pid), name=name)
        result["answer"] = answer(url, "/invocations", script)
        return result
    finally:
        process.terminate()
        process.wait()


def post_script():
    """The wrk script that posts the first test row as text/csv (its row beside it, in .row)."""
    row = request_row()
    script = os.path.join(WORK, "post.lua")
    with open(script, "w") as f:
        f.write('wrk.method = "POST"\nwrk.headers["Content-Type"] = "text/csv"\nwrk.body = %s\n' % ('"' + row.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'))
    with open(script + ".row", "w") as f:
        f.write(row)
    return script


ROUNDS = int(os.environ.get("BENCH_ROUNDS", "6"))
ROUND = int(os.environ.get("BENCH_ROUND", "10"))


def routes():
    """One `pilot serve`, its two invocation routes in alternating rounds (A B, B A, ...)."""
    train()
    script = post_script()
    name = "bank-ep"
    paths = {"/invocations": "/invocations", "/endpoints/NAME/invocations": f"/endpoints/{name}/invocations"}
    url = "http://127.0.0.1:8181"
    process = subprocess.Popen([PILOT, "serve", "bank.best", "--port", "8181", "--name", name], cwd=WORK,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    rounds = {label: [] for label in paths}
    load_before = os.getloadavg()[0]
    try:
        wait_for(url, process)
        for path in paths.values():
            wrk(url, WARMUP, script, path)
        for r in range(ROUNDS):
            order = list(paths.items()) if r % 2 == 0 else list(reversed(paths.items()))
            for label, path in order:
                rounds[label].append(wrk(url, ROUND, script, path))
        answers = {label: answer(url, path, script) for label, path in paths.items()}
    finally:
        process.terminate()
        process.wait()

    def median(values):
        values = sorted(values)
        middle = len(values) // 2
        return values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2

    summary = {}
    for label, results in rounds.items():
        requests = sum(r["requests"] for r in results)
        summary[label] = {
            "rps": requests / (ROUND * len(results)),
            "p50": median([r["p50"] for r in results]),
            "p99": median([r["p99"] for r in results]),
            "requests": requests,
            "errors": sum(r["non2xx"] + r["socket"] for r in results),
            "spread": (min(r["rps"] for r in results), max(r["rps"] for r in results)),
        }
    plain, runtime = summary["/invocations"], summary["/endpoints/NAME/invocations"]
    pilot_version = run([PILOT, "--version"]).strip()
    wrk_version = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.split("\n")[0].split(" [")[0]
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.machine())
    load_after = os.getloadavg()[0]
    paired = median([b["rps"] / a["rps"] for a, b in zip(rounds["/invocations"], rounds["/endpoints/NAME/invocations"])])
    lines = [
        f"### endpoint routes: /invocations and /endpoints/NAME/invocations ({datetime.date.today().isoformat()})",
        "",
        f"Machine: {os.cpu_count()} cores ({cpu}), Linux {platform.release()}; {pilot_version}; {wrk_version}, 2 threads, "
        f"{CONNECTIONS} connections; one `pilot serve bank.best --name {name}`, both routes warmed up {WARMUP} s, then "
        f"{ROUNDS} rounds of {ROUND} s per route, alternating which goes first; the same single-row text/csv "
        f"payload. Load average before the run {load_before:.1f}, at its end {load_after:.1f} (the run itself keeps both "
        f"cores busy).",
        "",
        "| route | requests/s | rounds' requests/s (min–max) | p50 (median of rounds) | p99 (median of rounds) | requests | errors |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for label, r in summary.items():
        lines.append(f"| `POST {label}` | {r['rps']:,.0f} | {r['spread'][0]:,.0f}–{r['spread'][1]:,.0f} | "
                     f"{r['p50'] * 1000:.2f} ms | {r['p99'] * 1000:.2f} ms | {r['requests']:,} | {r['errors']} |")
    lines += [
        "",
        f"Runtime route ÷ /invocations: throughput {runtime['rps'] / plain['rps']:.3f} (median of the rounds' paired ratios "
        f"{paired:.3f}; bar: within 10 %), p99 {runtime['p99'] / plain['p99']:.3f}. Both answer {answers['/invocations']!r} for the row"
        + ("." if answers["/invocations"] == answers["/endpoints/NAME/invocations"]
           else f", but the runtime route answers {answers['/endpoints/NAME/invocations']!r}."),
        "",
    ]
    append("\n".join(lines))


def main():
    if sys.argv[1:] == ["routes"]:
        return routes()
    train()
    script = post_script()

    pilot = measure("pilot serve", [PILOT, "serve", "bank.best", "--port", "8181"], "http://127.0.0.1:8181", script)
    flask = measure("Flask + xgboost (gunicorn, 2 workers × 8 threads)",
                    [os.path.join(ROOT, "bench", ".venv", "bin", "gunicorn"), "-w", "2", "-k", "gthread", "--threads", "8",
                     "-b", "127.0.0.1:8182", "--chdir", os.path.join(ROOT, "bench"), "--log-level", "warning",
                     f'flask_server:create_app("{WORK}", "bank")'],
                    "http://127.0.0.1:8182", script)
    if pilot["answer"] != flask["answer"]:
        print(f"warning: the servers disagree on the row: pilot {pilot['answer']!r}, Flask {flask['answer']!r}", file=sys.stderr)

    versions = run([PYTHON, "-c", "import xgboost, flask, importlib.metadata as m; print(xgboost.__version__, m.version('flask'), m.version('gunicorn'))"]).split()
    pilot_version = run([PILOT, "--version"]).strip()
    wrk_version = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.split("\n")[0].split(" [")[0]
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.machine())
    members = run(["python3", "-c", f"import json; a=json.load(open('{WORK}/.pilot/bank/model.json')); print(' + '.join(m['algorithm'] + '/' + m['pipeline']['definition']['name'] for m in a['members']))"]).strip()

    def ms(value):
        return f"{value * 1000:.2f} ms"

    lines = [
        f"### endpoint, single-row text/csv ({datetime.date.today().isoformat()})",
        "",
        f"Machine: {os.cpu_count()} cores ({cpu}), Linux {platform.release()}; {pilot_version}; Python {platform.python_version()}, "
        f"xgboost {versions[0]}, Flask {versions[1]}, gunicorn {versions[2]}; {wrk_version}, 2 threads, {CONNECTIONS} connections, "
        f"{DURATION} s after a {WARMUP} s warm-up, servers and wrk on the same cores. Model: bank.best ({members}).",
        "",
        "| server | requests/s | p50 | p99 | requests | errors (non-2xx + socket) | RSS start | RSS after warm-up | RSS at end |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in (pilot, flask):
        lines.append(f"| {r['name']} | {r['rps']:,.0f} | {ms(r['p50'])} | {ms(r['p99'])} | {r['requests']:,} | {r['non2xx'] + r['socket']} | "
                     f"{r['rss_start'] / 1024:.1f} MB | {r['rss_warm'] / 1024:.1f} MB | {r['rss_end'] / 1024:.1f} MB |")
    lines += [
        "",
        f"Throughput pilot ÷ Flask: {pilot['rps'] / flask['rps']:.1f}×; p99 Flask ÷ pilot: {flask['p99'] / pilot['p99']:.1f}×; "
        f"pilot's resident memory from warm-up to end: {(pilot['rss_end'] - pilot['rss_warm']) / 1024:+.1f} MB. "
        f"Both answer {pilot['answer']!r} for the row.",
        "",
    ]
    append("\n".join(lines))


if __name__ == "__main__":
    main()

"""Side-by-side benchmark: pilot's load + describe against pandas and polars.

Run through bench/load-describe, which builds pilot and sets up the Python peers. Prints a
Markdown report (also written to bench/results/load-describe.md).

Measures, on bank-additional-full.csv and on a 20x copy of it:
- in-process load + describe (pilot's FramesBenchmark; pandas read_csv + describe(); polars
  read_csv + describe()), median of several runs after one warm-up;
- a whole `pilot run` of a load + describe workbook against the same work as a Python script
  with pandas, interpreter start included (median of several runs);
- pilot's peak resident memory while loading the 20x copy, against the CSV's size.
"""
import io
import json
import os
import pathlib
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile

import pandas as pd
import polars as pl

ROOT = pathlib.Path(__file__).resolve().parent.parent
REPEATS = int(os.environ.get("REPEATS", "5"))
BENCH = ROOT / ".build" / "release" / "FramesBenchmark"
PILOT = ROOT / ".build" / "release" / "pilot"


def median_time(fn, repeats=REPEATS):
    fn()  # warm-up
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def pilot_in_process(path):
    out = subprocess.run([str(BENCH), str(path), str(REPEATS + 1)], check=True, capture_output=True, text=True).stdout
    runs = [json.loads(line) for line in out.splitlines()][1:]
    return statistics.median(r["load"] + r["describe"] for r in runs), runs[0]["frame_mb"]


def peak_rss_mb(path):
    """Peak resident memory (VmHWM) of a fresh process that loads and describes `path` once."""
    out = subprocess.run([str(BENCH), str(path), "1"], check=True, capture_output=True, text=True).stdout
    return json.loads(out.splitlines()[0])["peak_rss_mb"]


def pandas_in_process(path):
    return median_time(lambda: pd.read_csv(path, sep=";").describe())


def polars_in_process(path):
    # polars' default schema inference (100 rows) fails on this file (nr.employed turns float
    # after row 3300), so it reads with infer_schema_length=10000.
    return median_time(lambda: pl.read_csv(path, separator=";", infer_schema_length=10000).describe())


def whole_runs(path, folder):
    book = folder / f"bench-{path.stem}.pilotbook"
    script = folder / f"bench-{path.stem}.py"
    book_text = f"```pilot id=load\nload {path.name} as data\n```\n\n```pilot id=describe\ndescribe data\n```\n"
    script.write_text(f"import pandas as pd\ndata = pd.read_csv({str(path)!r}, sep=';')\nprint(data.describe())\n")

    def run_pilot():
        book.write_text(book_text)
        subprocess.run([str(PILOT), "run", str(book)], check=True, capture_output=True)

    def run_python():
        subprocess.run([sys.executable, str(script)], check=True, capture_output=True)

    return median_time(run_pilot), median_time(run_python), peak_rss_mb(path)


def main():
    mirror = pathlib.Path(os.environ.get("PILOT_MIRROR", ROOT.parent / "shared" / "data"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = pathlib.Path(tmp)
        data = zipfile.ZipFile(mirror / "bank-additional.zip").read("bank-additional/bank-additional-full.csv")
        small = folder / "bank-additional-full.csv"
        small.write_bytes(data)
        header, body = data.split(b"\n", 1)
        big = folder / "bank-additional-full-x20.csv"
        with big.open("wb") as f:
            f.write(header + b"\n")
            for _ in range(20):
                f.write(body if body.endswith(b"\n") else body + b"\n")

        rows = []
        for path in (small, big):
            ours, frame_mb = pilot_in_process(path)
            pandas_t = pandas_in_process(path)
            polars_t = polars_in_process(path)
            whole_pilot, whole_python, rss = whole_runs(path, folder)
            rows.append((path, ours, (frame_mb, rss), pandas_t, polars_t, whole_pilot, whole_python))

        size_mb = big.stat().st_size / 1e6
        lines = [
            f"### load + describe ({time.strftime('%Y-%m-%d')})",
            "",
            f"Machine: {os.cpu_count()} cores, {platform.machine()}, {platform.system()} {platform.release()}; "
            f"pandas {pd.__version__}, polars {pl.__version__}, Python {platform.python_version()}; "
            f"median of {REPEATS} runs after a warm-up.",
            "",
            "| file | pilot load+describe | pandas | polars | pandas ÷ pilot | polars ÷ pilot | `pilot run` whole | Python+pandas script | script ÷ pilot run |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for path, ours, rss, pandas_t, polars_t, whole_pilot, whole_python in rows:
            lines.append(
                f"| {path.name} ({path.stat().st_size / 1e6:.1f} MB) | {ours * 1000:.0f} ms | {pandas_t * 1000:.0f} ms | "
                f"{polars_t * 1000:.0f} ms | {pandas_t / ours:.2f}× | {polars_t / ours:.2f}× | {whole_pilot * 1000:.0f} ms | "
                f"{whole_python * 1000:.0f} ms | {whole_python / whole_pilot:.2f}× |"
            )
        frame_mb, big_rss = rows[1][2]
        lines += [
            "",
            f"Memory for the 20× copy ({size_mb:.0f} MB CSV): the loaded frame holds {frame_mb:.0f} MB "
            f"({frame_mb / size_mb:.2f}× the file); a fresh process loading and describing it peaks at {big_rss:.0f} MB "
            f"resident, VmHWM ({big_rss / size_mb:.2f}× the file), binary and libraries included.",
            "",
        ]
        report = "\n".join(lines)
        print(report)
        (ROOT / "bench" / "results").mkdir(exist_ok=True)
        (ROOT / "bench" / "results" / "load-describe.md").write_text(report)


if __name__ == "__main__":
    main()

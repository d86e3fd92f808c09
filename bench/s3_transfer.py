"""S3 transfer throughput: a 100 MB file uploaded and downloaded by `pilot` cells (`upload PATH to
s3://...`, `download s3://... to PATH`, each a fresh `pilot run`) and by the aws CLI (`aws s3 cp`),
against the same moto server on loopback. Run by bench/s3-transfer; prints a table and writes
bench/results/s3-transfer.md. Not a test."""
import datetime
import hashlib
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, ".build", "bench-s3")
PILOT = os.path.join(ROOT, ".build", "release", "pilot")
MEGABYTES = int(os.environ.get("BENCH_MB", "100"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_moto(port):
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/moto-api/", timeout=1)
            return process
        except OSError:
            time.sleep(0.1)
    raise SystemExit("moto's server did not start")


def timed(command, env, cwd):
    start = time.perf_counter()
    subprocess.run(command, env=env, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - start


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def workbook(path, line):
    with open(path, "w") as f:
        f.write(f"```pilot id=transfer\n{line}\n```\n")


def main():
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    source = os.path.join(WORK, "big.bin")
    with open(source, "wb") as f:
        for _ in range(MEGABYTES):
            f.write(os.urandom(1 << 20))
    port = free_port()
    moto = start_moto(port)
    env = dict(os.environ, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing",
               AWS_DEFAULT_REGION="us-east-1", AWS_ENDPOINT_URL=f"http://127.0.0.1:{port}")
    env.pop("AWS_PROFILE", None)
    aws = [sys.executable, "-m", "awscli"]
    try:
        subprocess.run(aws + ["s3", "mb", "s3://bench"], env=env, check=True, capture_output=True)
        workbook(os.path.join(WORK, "up.pilotbook"), "upload big.bin to s3://bench/pilot.bin")
        workbook(os.path.join(WORK, "down.pilotbook"), "download s3://bench/pilot.bin to down/pilot.bin")
        times = {"pilot upload": [], "aws upload": [], "pilot download": [], "aws download": []}
        for _ in range(RUNS):
            # Interleaved, so whatever else the machine does hits both tools alike.
            times["pilot upload"].append(timed([PILOT, "run", "--trust", "up.pilotbook"], env, WORK))
            times["aws upload"].append(timed(aws + ["s3", "cp", "big.bin", "s3://bench/aws.bin"], env, WORK))
            shutil.rmtree(os.path.join(WORK, "down"), ignore_errors=True)
            times["pilot download"].append(timed([PILOT, "run", "--trust", "down.pilotbook"], env, WORK))
            times["aws download"].append(timed(aws + ["s3", "cp", "s3://bench/aws.bin", "down/aws.bin"], env, WORK))
            for copy in ["down/pilot.bin", "down/aws.bin"]:
                if sha256(os.path.join(WORK, copy)) != sha256(source):
                    raise SystemExit(f"{copy} differs from what was uploaded")
    finally:
        moto.terminate()
    median = {name: statistics.median(values) for name, values in times.items()}
    rows = []
    for direction in ["upload", "download"]:
        p, a = median[f"pilot {direction}"], median[f"aws {direction}"]
        rows.append(f"| {direction} {MEGABYTES} MB | {p:.2f} s ({MEGABYTES / p:.0f} MB/s) "
                    f"| {a:.2f} s ({MEGABYTES / a:.0f} MB/s) | {a / p:.2f}× |")
    table = "\n".join([
        f"### S3 transfers against moto ({datetime.date.today()})",
        "",
        f"Machine: {os.cpu_count()} cores, {platform.machine()}, Linux {platform.release()}; "
        f"moto {__import__('moto').__version__}, aws CLI {__import__('awscli').__version__}; "
        f"median of {RUNS} interleaved runs, each a fresh process.",
        "",
        "| transfer | pilot (`pilot run`, one cell) | aws CLI (`aws s3 cp`) | aws ÷ pilot |",
        "|---|---:|---:|---:|",
        *rows,
        "",
    ])
    print(table)
    os.makedirs(os.path.join(ROOT, "bench", "results"), exist_ok=True)
    with open(os.path.join(ROOT, "bench", "results", "s3-transfer.md"), "w") as f:
        f.write(table)


if __name__ == "__main__":
    main()

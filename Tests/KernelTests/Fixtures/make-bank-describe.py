"""Reference numbers for the describe test: pandas' describe() of bank-additional-full.csv.

Run once with pandas installed (bench/setup makes a venv that has it):
    bench/.venv/bin/python Tests/KernelTests/Fixtures/make-bank-describe.py ../shared/data/bank-additional.zip
Writes bank-describe.json beside this script: the numbers as floats and as pandas prints them.
"""
import io
import json
import pathlib
import sys
import zipfile

import pandas as pd

archive = zipfile.ZipFile(sys.argv[1])
frame = pd.read_csv(io.BytesIO(archive.read("bank-additional/bank-additional-full.csv")), sep=";")
numeric = frame.describe()
everything = frame.describe(include="all")
printed = numeric.to_string().splitlines()
reference = {
    "pandas": pd.__version__,
    "shape": list(frame.shape),
    "numeric": {c: {s: float(numeric.loc[s, c]) for s in numeric.index} for c in numeric.columns},
    "categorical": {
        c: {s: (everything.loc[s, c] if s == "top" else int(everything.loc[s, c])) for s in ["count", "unique", "top", "freq"]}
        for c in frame.columns if frame[c].dtype == object or str(frame[c].dtype) in ("str", "string")
    },
    "to_string": printed,
}
out = pathlib.Path(__file__).with_name("bank-describe.json")
out.write_text(json.dumps(reference, indent=1, ensure_ascii=False) + "\n")
print("wrote", out)

"""Checks every SageMaker / SageMaker Runtime request the emulator recorded against botocore's
service model, so that a misspelt or mistyped field cannot hide behind the emulator (moto ignores
what it does not know).

    python validate_requests.py http://127.0.0.1:5000            # the emulator's recorded requests
    python validate_requests.py requests.json                      # a file: {"requests": [...]} or [...]
    python validate_requests.py URL --contains pilot-job-1a2b      # only requests mentioning that text
    python validate_requests.py URL --operation CreateAutoMLJobV2  # only that operation

Each request is checked with botocore's ParamValidator (unknown and missing members, types,
minimum lengths and values) against the operation's input shape, plus what ParamValidator leaves
to the service: enum values, maximum lengths and values, and patterns (when Python's `re` can
read them). Unknown operations are problems too. Every problem is printed as
`OPERATION #INDEX FIELD: MESSAGE`; the exit status is 1 when there is any, else 0, after a
summary line.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import urllib.parse
import urllib.request
from typing import Any, Iterator

import botocore.session
from botocore.validate import ParamValidator


def load_requests(source: str, operation: str | None, contains: str | None) -> list[dict[str, Any]]:
    if source.startswith("http://") or source.startswith("https://"):
        query = {key: value for key, value in (("operation", operation), ("contains", contains)) if value}
        url = source.rstrip("/") + "/pilot-emulator/requests"
        if query:
            url += "?" + urllib.parse.urlencode(query)
        with urllib.request.urlopen(url, timeout=30) as answer:
            document = json.load(answer)
    else:
        with open(source, encoding="utf-8") as file:
            document = json.load(file)
    requests = document.get("requests", []) if isinstance(document, dict) else document
    return [
        request for request in requests
        if (operation is None or request.get("operation") == operation)
        and (contains is None or contains in json.dumps(request.get("params"), default=str))
    ]


def walk(value: Any, shape: Any, path: str) -> Iterator[tuple[str, str]]:
    """What ParamValidator does not check: enums, maximums, patterns. (field, message) pairs."""
    if shape is None or value is None:
        return
    metadata = shape.metadata or {}
    kind = shape.type_name
    if kind == "structure" and isinstance(value, dict):
        for name, member in shape.members.items():
            if name in value:
                yield from walk(value[name], member, f"{path}.{name}" if path else name)
    elif kind == "list" and isinstance(value, list):
        if "max" in metadata and len(value) > metadata["max"]:
            yield path, f"has {len(value)} items, more than the maximum {metadata['max']}"
        for index, item in enumerate(value):
            yield from walk(item, shape.member, f"{path}[{index}]")
    elif kind == "map" and isinstance(value, dict):
        if "max" in metadata and len(value) > metadata["max"]:
            yield path, f"has {len(value)} entries, more than the maximum {metadata['max']}"
        for key, item in value.items():
            yield from walk(key, shape.key, f"{path} (key {key!r})")
            yield from walk(item, shape.value, f"{path}.{key}")
    elif kind == "string" and isinstance(value, str):
        enum = getattr(shape, "enum", None) or []
        if enum and value not in enum:
            yield path, f"{value!r} is not one of {', '.join(enum)}"
        if "max" in metadata and len(value) > metadata["max"]:
            yield path, f"is {len(value)} characters long, more than the maximum {metadata['max']}"
        pattern = metadata.get("pattern")
        if pattern:
            try:
                matched = re.fullmatch(pattern, value, flags=re.DOTALL)
            except re.error:
                matched = True  # a Java-only pattern: the service's to check
            if not matched:
                yield path, f"{value!r} does not match the pattern {pattern}"
    elif kind in ("integer", "long", "float", "double") and isinstance(value, (int, float)) and not isinstance(
        value, bool
    ):
        if "max" in metadata and value > metadata["max"]:
            yield path, f"{value} is more than the maximum {metadata['max']}"


def param_validator_errors(params: Any, shape: Any) -> Iterator[tuple[str, str]]:
    report = ParamValidator().validate(params, shape)
    if not report.has_errors():
        return
    errors = getattr(report, "_errors", None)
    if errors is None:  # another botocore: its text report, line by line
        for line in report.generate_report().splitlines():
            yield "", line
        return
    for error in errors:
        field = error[1] or ""
        message = report._format_error(error)  # "Unknown parameter in X, ...": botocore's own words
        yield field, message


def validate(requests: list[dict[str, Any]]) -> list[str]:
    session = botocore.session.get_session()
    models = {name: session.get_service_model(name) for name in ("sagemaker", "sagemaker-runtime")}
    problems = []
    for request in requests:
        service = request.get("service", "sagemaker")
        operation = request.get("operation", "")
        label = f"{operation} #{request.get('index', '?')}"
        model = models.get(service)
        if model is None:
            problems.append(f"{label} (service): unknown service {service!r}")
            continue
        if operation not in model.operation_names:
            problems.append(f"{label} (operation): {service} has no operation {operation!r}")
            continue
        params = request.get("params")
        if not isinstance(params, dict):
            problems.append(f"{label} (body): the request body is not a JSON object")
            continue
        if "__unparsable_body__" in params:
            problems.append(f"{label} (body): the request body is not JSON: {params['__unparsable_body__']}")
            continue
        shape = model.operation_model(operation).input_shape
        if shape is None:
            if params:
                problems.append(f"{label} (input): {operation} takes no parameters, got {sorted(params)}")
            continue
        seen = set()
        for field, message in list(param_validator_errors(params, shape)) + list(walk(params, shape, "")):
            line = f"{label} {field or '(input)'}: {message}"
            if line not in seen:
                seen.add(line)
                problems.append(line)
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", help="the emulator's URL, or a JSON file of recorded requests")
    parser.add_argument("--operation", help="only requests of this operation")
    parser.add_argument("--contains", help="only requests whose parameters contain this text")
    args = parser.parse_args(argv)
    requests = load_requests(args.source, args.operation, args.contains)
    problems = validate(requests)
    for problem in problems:
        print(problem)
    print(f"{len(requests)} request(s) checked against botocore {botocore.__version__}'s model: "
          f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

"""pilotbook's SageMaker test emulator: moto's server with a few small patches.

Run it exactly as moto's own server:

    python pilot_emulator.py -H 127.0.0.1 -p 5000      # same arguments as `python -m moto.server`

Everything not listed below is moto (PyPI `moto[server]` 5.2.x) as it is: S3, IAM, STS, SageMaker
models, endpoint configs, signature checking (after /moto-api/reset-auth), /moto-api/*.

What the emulator fakes
=======================

AutoML V2 jobs (moto records them but never moves them along)
  * DescribeAutoMLJobV2 walks a job one step per describe. Each describe answers the job's current
    step, then moves it to the next one. The secondary statuses (AutoMLJobSecondaryStatus in
    botocore's model), status InProgress until the last:
      Mode AUTO or HYPERPARAMETER_TUNING (or none):
        Starting, AnalyzingData, FeatureEngineering, ModelTuning, GeneratingExplainabilityReport,
        GeneratingModelInsightsReport, then Completed/Completed
      Mode ENSEMBLING:
        Starting, AnalyzingData, TrainingModels, GeneratingExplainabilityReport,
        GeneratingModelInsightsReport, then Completed/Completed
      GenerateCandidateDefinitionsOnly: Starting, AnalyzingData, then Completed/CandidateDefinitionsGenerated
      after fail-next-job: Starting, AnalyzingData, then Failed/Failed with the FailureReason
  * After AnalyzingData: ResolvedAttributes (objective, CompletionCriteria with AWS's defaults filled
    in, problem type: the request's, or inferred from the training CSV in moto's S3 when there is
    one, else BinaryClassification) and AutoMLJobArtifacts (two notebooks, also written to moto's
    S3 when the output bucket exists).
  * From GeneratingExplainabilityReport (or TrainingModels' end) on: the candidates. Their number
    is min(CompletionCriteria.MaxCandidates, 5); their metric values are deterministic (a hash of
    job and candidate names) in a plausible range for the objective. BestCandidate (the best by the
    objective) is in DescribeAutoMLJobV2's answer from then on.
  * ListCandidatesForAutoMLJob (moto lacks it): the candidates materialised so far, with
    StatusEquals, CandidateNameEquals, SortBy (CreationTime | Status | FinalObjectiveMetricValue;
    default CreationTime), SortOrder (default Ascending), MaxResults (default 100) and NextToken;
    ResourceNotFound for an unknown job.
  * StopAutoMLJob on a running job: the next describe says Stopping/Stopping, the one after
    Stopped/Stopped. On a finished job it changes nothing (moto marked any job Stopped).
  * CreateAutoMLJobV2 without CompletionCriteria no longer fails inside moto (KeyError).

Endpoints (moto makes them InService at once)
  * CreateEndpoint makes an endpoint Creating; DescribeEndpoint answers Creating once, then
    InService (or Failed with a FailureReason after fail-next-endpoint). ListEndpoints shows the
    status last described.
  * InvokeEndpoint on an endpoint that does not exist (or is not InService) answers 400
    ValidationError "Endpoint NAME of account ACCOUNT not found." as SageMaker Runtime does; moto
    answered anything. The answers otherwise come from moto's endpoint-results API (below).

Requests and faults
  * Every SageMaker and SageMaker Runtime request is recorded (operation and parsed parameters).
  * Control routes, unauthenticated like /moto-api/ (POST bodies are JSON objects; keys are
    case-insensitive; a plain-text body is the first field named):
      POST /pilot-emulator/fail-next-job       {"FailureReason": "...", "NameContains": "..."}
           the next CreateAutoMLJobV2 (whose job name contains NameContains, when given) makes a job
           that ends Failed with FailureReason after AnalyzingData.
      POST /pilot-emulator/fail-next-endpoint  {"FailureReason": "...", "NameContains": "..."}
           the next CreateEndpoint (matching) makes an endpoint that ends Failed after Creating.
      POST /pilot-emulator/throttle            {"Count": N, "Operation": "...", "Contains": "..."}
           the next N SageMaker / SageMaker Runtime requests (of that operation, whose body or path
           contains that text, when given) answer HTTP 400 ThrottlingException "Rate exceeded".
      GET  /pilot-emulator/requests[?operation=X&contains=Y&service=Z]
           {"requests": [{"index", "service", "operation", "params", "status", "throttled"}]}:
           service is "sagemaker" or "sagemaker-runtime"; params as botocore names them (for
           InvokeEndpoint: EndpointName, Body as text, ContentType, Accept, ...); contains filters
           on the JSON of params.
      POST /pilot-emulator/endpoint-answers    {"EndpointName": "...", "Answers": ["...", ...],
                                                "ContentType": "text/csv"}
           InvokeEndpoint answers for that endpoint only (moto's endpoint-results queue is one for
           the whole server, so tests running side by side could take each other's): each new
           request body takes the next answer, the same body again gets the same answer.
      POST /pilot-emulator/reset
           forgets the recorded requests, pending faults and endpoint answers (not moto's state).
      GET  /pilot-emulator/health   {"ok": true}

InvokeEndpoint answers (moto, unchanged): POST /moto-api/static/sagemaker/endpoint-results with
    {"account_id": "123456789012", "region": "us-east-1",
     "results": [{"Body": "...", "ContentType": "text/csv", "InvokedProductionVariant": "AllTraffic",
                  "CustomAttributes": ""}]}
queues answers: each InvokeEndpoint with a new (endpoint, Accept, Body, X-Amzn-SageMaker-* headers)
takes the next one; the same request again gets the same answer; with the queue empty the answer
is "body". It works with signatures checked (the route itself is unauthenticated, like all of
/moto-api/); the account is the signing user's (moto's default 123456789012 for the test user).
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import re
import sys
import threading
import uuid
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, unquote

import moto.server as moto_server
from moto.core.exceptions import ServiceException
from moto.core.responses import ActionResult
from moto.core.utils import utcnow
from moto.sagemaker import models as sm_models
from moto.sagemaker.exceptions import ResourceNotFound, ValidationError
from moto.sagemaker.responses import SageMakerResponse
from moto.sagemakerruntime.responses import SageMakerRuntimeResponse

CONTROL_PREFIX = "/pilot-emulator/"
MAX_EMULATED_CANDIDATES = 5

# AWS's defaults for an AutoML V2 job's CompletionCriteria (the API reference).
DEFAULT_COMPLETION = {
    "MaxCandidates": 250,
    "MaxRuntimePerTrainingJobInSeconds": 86400,
    "MaxAutoMLJobRuntimeInSeconds": 2592000,
}
DEFAULT_OBJECTIVE = {"BinaryClassification": "F1", "MulticlassClassification": "Accuracy", "Regression": "MSE"}
# Candidate metrics reported per problem type (all in AutoMLMetricEnum).
PROBLEM_METRICS = {
    "BinaryClassification": ["F1", "Accuracy", "AUC", "BalancedAccuracy", "Precision", "Recall"],
    "MulticlassClassification": ["Accuracy", "BalancedAccuracy", "F1macro", "PrecisionMacro", "RecallMacro"],
    "Regression": ["MSE", "RMSE", "MAE", "R2"],
}
# (lowest, highest, objective type) of a plausible value.
METRIC_RANGES = {
    "Accuracy": (0.80, 0.95, "Maximize"),
    "BalancedAccuracy": (0.70, 0.90, "Maximize"),
    "F1": (0.55, 0.80, "Maximize"),
    "F1macro": (0.55, 0.80, "Maximize"),
    "AUC": (0.85, 0.96, "Maximize"),
    "Precision": (0.60, 0.85, "Maximize"),
    "PrecisionMacro": (0.60, 0.85, "Maximize"),
    "Recall": (0.50, 0.80, "Maximize"),
    "RecallMacro": (0.50, 0.80, "Maximize"),
    "R2": (0.60, 0.90, "Maximize"),
    "MSE": (0.50, 4.00, "Minimize"),
    "RMSE": (0.70, 2.00, "Minimize"),
    "MAE": (0.40, 1.50, "Minimize"),
    "MAPE": (0.05, 0.30, "Minimize"),
    "MASE": (0.50, 1.20, "Minimize"),
    "WAPE": (0.05, 0.30, "Minimize"),
    "AverageWeightedQuantileLoss": (0.05, 0.30, "Minimize"),
}


# MARK: - emulator state


class EmulatorState:
    """What the control routes set and the recorded requests; one per server."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.requests: list[dict[str, Any]] = []
        self.next_index = 0
        self.job_failures: list[dict[str, Any]] = []
        self.endpoint_failures: list[dict[str, Any]] = []
        self.throttles: list[dict[str, Any]] = []
        # endpoint name -> {"queue": [answers not given yet], "given": {request body: answer}}
        self.endpoint_answers: dict[str, dict[str, Any]] = {}

    def reset(self) -> None:
        with self.lock:
            self.requests.clear()
            self.job_failures.clear()
            self.endpoint_failures.clear()
            self.throttles.clear()
            self.endpoint_answers.clear()

    @staticmethod
    def take(faults: list[dict[str, Any]], name: str) -> dict[str, Any] | None:
        """The first pending fault whose NameContains is in `name`, removed from the list."""
        for index, fault in enumerate(faults):
            if fault.get("namecontains", "") in name:
                return faults.pop(index)
        return None


STATE = EmulatorState()


def stable_fraction(*parts: str) -> float:
    """A number in [0, 1) that depends only on `parts`."""
    digest = hashlib.sha256("/".join(parts).encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def short_hash(*parts: str, length: int = 8) -> str:
    return hashlib.sha256("/".join(parts).encode()).hexdigest()[:length]


def now() -> datetime:
    """moto's clock (naive UTC), so that times compare with moto's own."""
    return utcnow()


# MARK: - AutoML jobs


class JobPlan:
    """Where an emulated job is and where it goes: a list of (status, secondary status) steps.

    `shown` is how many steps describes have answered; the job's current step is steps[shown - 1]
    (steps[0] before any describe).
    """

    def __init__(self, job: Any, failure: dict[str, Any] | None) -> None:
        tabular = (job.auto_ml_problem_type_config or {}).get("TabularJobConfig") or {}
        self.mode = tabular.get("Mode") or "AUTO"
        self.candidates_only = bool(tabular.get("GenerateCandidateDefinitionsOnly"))
        self.failure_reason: str | None = None
        head = [("InProgress", "Starting"), ("InProgress", "AnalyzingData")]
        if failure is not None:
            self.failure_reason = failure.get("failurereason") or "AlgorithmError: the emulator was asked to fail it"
            self.steps = head + [("Failed", "Failed")]
        elif self.candidates_only:
            self.steps = head + [("Completed", "CandidateDefinitionsGenerated")]
        elif self.mode == "ENSEMBLING":
            self.steps = head + [
                ("InProgress", "TrainingModels"),
                ("InProgress", "GeneratingExplainabilityReport"),
                ("InProgress", "GeneratingModelInsightsReport"),
                ("Completed", "Completed"),
            ]
        else:
            self.steps = head + [
                ("InProgress", "FeatureEngineering"),
                ("InProgress", "ModelTuning"),
                ("InProgress", "GeneratingExplainabilityReport"),
                ("InProgress", "GeneratingModelInsightsReport"),
                ("Completed", "Completed"),
            ]
        self.shown = 0
        self.analyzed = False  # resolved attributes and artifacts are known
        self.candidates: list[dict[str, Any]] = []
        self.artifacts: dict[str, str] | None = None
        self.problem_type: str | None = None
        self.objective: str | None = None
        self.finished_at: datetime | None = None

    @property
    def current(self) -> tuple[str, str]:
        return self.steps[max(self.shown - 1, 0)]

    @property
    def finished(self) -> bool:
        return self.current[0] in ("Completed", "Failed", "Stopped")


def tabular_config(job: Any) -> dict[str, Any]:
    return (job.auto_ml_problem_type_config or {}).get("TabularJobConfig") or {}


def output_path(job: Any) -> str:
    return ((job.output_data_config or {}).get("S3OutputPath") or "s3://unknown-bucket").rstrip("/")


def split_s3(uri: str) -> tuple[str, str]:
    rest = uri.split("://", 1)[-1]
    bucket, _, key = rest.partition("/")
    return bucket, key


def s3_backend(job: Any) -> Any:
    from moto.s3.models import s3_backends

    return s3_backends[job.account_id]["aws"]


def training_csv_sample(job: Any) -> bytes | None:
    """The start of the first object under the job's training S3 prefix, when moto's S3 has one."""
    try:
        channels = job.auto_ml_job_input_data_config or []
        uri = channels[0]["DataSource"]["S3DataSource"]["S3Uri"]
        bucket_name, prefix = split_s3(uri)
        backend = s3_backend(job)
        bucket = backend.get_bucket(bucket_name)
        names = sorted(name for name in bucket.keys.keys() if name.startswith(prefix) and not name.endswith("/"))
        if not names:
            return None
        key = backend.get_object(bucket_name, names[0])
        return bytes(key.value[: 4 * 1024 * 1024]) if key is not None else None
    except Exception:  # noqa: BLE001 - no data is a fine answer: the type defaults
        return None


def infer_problem_type(job: Any) -> str:
    """The request's ProblemType; else guessed from the target column of the training CSV."""
    given = tabular_config(job).get("ProblemType")
    if given:
        return given
    sample = training_csv_sample(job)
    target = tabular_config(job).get("TargetAttributeName")
    if sample and target:
        try:
            lines = sample.decode("utf-8", errors="replace").splitlines()[:-1] or [""]
            reader = csv.reader(lines)
            header = next(reader)
            column = header.index(target)
            values = {row[column] for row in reader if len(row) > column and row[column] != ""}
            if len(values) == 2:
                return "BinaryClassification"
            numeric = all(re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?", v) for v in values)
            if numeric and len(values) > 10:
                return "Regression"
            if len(values) > 2:
                return "MulticlassClassification"
        except (ValueError, StopIteration):
            pass
    return "BinaryClassification"


def notebook(title: str, job: Any, text: str) -> bytes:
    """A small valid nbformat-4 notebook."""
    document = {
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
        },
        "cells": [
            {
                "cell_type": "markdown",
                "id": "title",
                "metadata": {},
                "source": [f"# {title}\n", "\n", f"AutoML job `{job.auto_ml_job_name}` ({text}).\n", "\n",
                           "Written by pilotbook's test emulator, not by SageMaker Autopilot.\n"],
            },
            {
                "cell_type": "code",
                "id": "settings",
                "metadata": {},
                "execution_count": None,
                "outputs": [],
                "source": [f"job_name = {json.dumps(job.auto_ml_job_name)}\n",
                           f"target = {json.dumps(tabular_config(job).get('TargetAttributeName'))}\n"],
            },
        ],
    }
    return (json.dumps(document, indent=1) + "\n").encode()


def analyze(job: Any, plan: JobPlan) -> None:
    """What AnalyzingData finds: problem type, objective, artifacts (notebooks in moto's S3)."""
    if plan.analyzed:
        return
    plan.analyzed = True
    plan.problem_type = infer_problem_type(job)
    plan.objective = (job.auto_ml_job_objective_request or {}).get("MetricName") or DEFAULT_OBJECTIVE.get(
        plan.problem_type, "F1"
    )
    name = job.auto_ml_job_name
    run = f"{name}-pr-1-{short_hash(name, length=32)}"
    folder = f"{output_path(job)}/{name}/sagemaker-automl-candidates/{run}/notebooks"
    plan.artifacts = {
        "CandidateDefinitionNotebookLocation": f"{folder}/SageMakerAutopilotCandidateDefinitionNotebook.ipynb",
        "DataExplorationNotebookLocation": f"{folder}/SageMakerAutopilotDataExplorationNotebook.ipynb",
    }
    titles = {
        "CandidateDefinitionNotebookLocation": ("Candidate definition notebook", "the pipelines it would try"),
        "DataExplorationNotebookLocation": ("Data exploration notebook", "what it found in the data"),
    }
    try:
        backend = s3_backend(job)
        for field, location in plan.artifacts.items():
            bucket, key = split_s3(location)
            backend.get_bucket(bucket)  # raises when the bucket does not exist
            backend.put_object(bucket, key, notebook(titles[field][0], job, titles[field][1]))
    except Exception:  # noqa: BLE001 - no bucket: the locations are still answered
        pass


def metric_value(job_name: str, candidate: str, metric: str) -> float:
    low, high, _ = METRIC_RANGES.get(metric, (0.5, 0.9, "Maximize"))
    return round(low + (high - low) * stable_fraction(job_name, candidate, metric), 6)


def make_candidates(job: Any, plan: JobPlan) -> None:
    """The job's candidates, once: deterministic names, containers, metrics."""
    if plan.candidates:
        return
    analyze(job, plan)
    name = job.auto_ml_job_name
    region, account = job.region_name, job.account_id
    out = f"{output_path(job)}/{name}"
    criteria = tabular_config(job).get("CompletionCriteria") or {}
    wanted = int(criteria.get("MaxCandidates") or DEFAULT_COMPLETION["MaxCandidates"])
    count = max(1, min(wanted, MAX_EMULATED_CANDIDATES))
    problem, objective = plan.problem_type or "BinaryClassification", plan.objective or "F1"
    metrics = list(PROBLEM_METRICS.get(problem, PROBLEM_METRICS["BinaryClassification"]))
    if objective not in metrics:
        metrics.insert(0, objective)
    objective_type = METRIC_RANGES.get(objective, (0, 0, "Maximize"))[2]
    started = job.creation_time if isinstance(job.creation_time, datetime) else now()
    sklearn = f"683313688378.dkr.ecr.{region}.amazonaws.com/sagemaker-sklearn-automl:2.5-1-cpu-py3"
    xgboost = f"683313688378.dkr.ecr.{region}.amazonaws.com/sagemaker-xgboost:1.7-1"
    autogluon = f"763104351884.dkr.ecr.{region}.amazonaws.com/autogluon-inference:0.4.3-cpu-py38-ubuntu20.04"

    def arn(kind: str, resource: str) -> str:
        return sm_models.arn_formatter(kind, resource.lower(), account, region)

    candidates = []
    for number in range(1, count + 1):
        if plan.mode == "ENSEMBLING":
            candidate = f"{name}-t{number}-{short_hash(name, str(number))}"
            steps = [{"CandidateStepType": "AWS::SageMaker::TrainingJob",
                      "CandidateStepArn": arn("training-job", candidate), "CandidateStepName": candidate}]
            containers = [{
                "Image": autogluon,
                "ModelDataUrl": f"{out}/sagemaker-automl-candidates/model/{candidate}/model.tar.gz",
                "Environment": {"MODEL_NAME": candidate, "SAGEMAKER_DEFAULT_INVOCATIONS_ACCEPT": "text/csv",
                                "SAGEMAKER_INFERENCE_OUTPUT": "predicted_label",
                                "SAGEMAKER_INFERENCE_SUPPORTED": "predicted_label,probability,probabilities,labels",
                                "SAGEMAKER_PROGRAM": "tabular_serve.py",
                                "SAGEMAKER_SUBMIT_DIRECTORY": "/opt/ml/model/code"},
            }]
        else:
            pipeline = f"dpp{(number - 1) % 3}"
            candidate = f"{name}-{pipeline}-xgb-{number:03d}-{short_hash(name, str(number))}"
            processing = f"{name}-db-1-{short_hash(name, 'db')}"
            transform = f"{name}-{pipeline}-1-{short_hash(name, pipeline)}"
            steps = [
                {"CandidateStepType": "AWS::SageMaker::ProcessingJob",
                 "CandidateStepArn": arn("processing-job", processing), "CandidateStepName": processing},
                {"CandidateStepType": "AWS::SageMaker::TrainingJob",
                 "CandidateStepArn": arn("training-job", transform), "CandidateStepName": transform},
                {"CandidateStepType": "AWS::SageMaker::TransformJob",
                 "CandidateStepArn": arn("transform-job", transform + "-rpb"), "CandidateStepName": transform + "-rpb"},
                {"CandidateStepType": "AWS::SageMaker::TrainingJob",
                 "CandidateStepArn": arn("training-job", candidate), "CandidateStepName": candidate},
            ]
            containers = [
                {"Image": sklearn,
                 "ModelDataUrl": f"{out}/data-processor-models/{transform}/output/model.tar.gz",
                 "Environment": {"AUTOML_SPARSE_ENCODE_RECORDIO_PROTOBUF": "1",
                                 "AUTOML_TRANSFORM_MODE": "feature-transform",
                                 "SAGEMAKER_DEFAULT_INVOCATIONS_ACCEPT": "application/x-recordio-protobuf",
                                 "SAGEMAKER_PROGRAM": "sagemaker_serve",
                                 "SAGEMAKER_SUBMIT_DIRECTORY": "/opt/ml/model/code"}},
                {"Image": xgboost,
                 "ModelDataUrl": f"{out}/tuning/{name}-{pipeline}-xgb/{candidate}/output/model.tar.gz",
                 "Environment": {"MAX_CONTENT_LENGTH": "20971520",
                                 "SAGEMAKER_DEFAULT_INVOCATIONS_ACCEPT": "text/csv",
                                 "SAGEMAKER_INFERENCE_OUTPUT": "predicted_label",
                                 "SAGEMAKER_INFERENCE_SUPPORTED": "predicted_label,probability,probabilities"}},
            ]
            if problem != "Regression":
                containers.append(
                    {"Image": sklearn,
                     "ModelDataUrl": f"{out}/data-processor-models/{transform}/output/model.tar.gz",
                     "Environment": {"AUTOML_TRANSFORM_MODE": "inverse-label-transform",
                                     "SAGEMAKER_DEFAULT_INVOCATIONS_ACCEPT": "text/csv",
                                     "SAGEMAKER_INFERENCE_INPUT": "predicted_label",
                                     "SAGEMAKER_INFERENCE_OUTPUT": "predicted_label",
                                     "SAGEMAKER_INFERENCE_SUPPORTED":
                                         "predicted_label,probability,labels,probabilities",
                                     "SAGEMAKER_PROGRAM": "sagemaker_serve",
                                     "SAGEMAKER_SUBMIT_DIRECTORY": "/opt/ml/model/code"}})
        values = {metric: metric_value(name, candidate, metric) for metric in metrics}
        created = started + timedelta(seconds=60 * number)
        candidates.append({
            "CandidateName": candidate,
            "FinalAutoMLJobObjectiveMetric": {"Type": objective_type, "MetricName": objective,
                                              "Value": values[objective], "StandardMetricName": objective},
            "ObjectiveStatus": "Succeeded",
            "CandidateSteps": steps,
            "CandidateStatus": "Completed",
            "InferenceContainers": containers,
            "CreationTime": created,
            "EndTime": created + timedelta(seconds=45),
            "LastModifiedTime": created + timedelta(seconds=50),
            "CandidateProperties": {
                "CandidateArtifactLocations": {
                    "Explainability": f"{out}/documentation/explainability/output/{candidate}",
                    "ModelInsights": f"{out}/documentation/model_monitor/output/{candidate}",
                },
                "CandidateMetrics": [
                    {"MetricName": metric, "Value": values[metric], "Set": "Validation",
                     "StandardMetricName": metric}
                    for metric in metrics
                ],
            },
        })
    plan.candidates = candidates


def best_candidate(plan: JobPlan) -> dict[str, Any] | None:
    if not plan.candidates:
        return None
    maximize = plan.candidates[0]["FinalAutoMLJobObjectiveMetric"]["Type"] == "Maximize"
    key = (lambda c: c["FinalAutoMLJobObjectiveMetric"]["Value"])
    return (max if maximize else min)(plan.candidates, key=key)


def enter_step(job: Any, plan: JobPlan) -> None:
    """The effects of the step a describe is about to answer."""
    status, secondary = plan.current
    if plan.shown >= 3 and status != "Failed" and secondary not in ("Stopping", "Stopped"):
        analyze(job, plan)  # AnalyzingData is over
    if secondary in ("GeneratingExplainabilityReport", "GeneratingModelInsightsReport") or (
        secondary == "Completed" and not plan.candidates_only
    ):
        make_candidates(job, plan)
    job.auto_ml_job_status, job.auto_ml_job_secondary_status = status, secondary
    job.last_modified_time = now()
    if status in ("Completed", "Failed", "Stopped") and plan.finished_at is None:
        plan.finished_at = job.last_modified_time
        job.end_time = plan.finished_at
    job.failure_reason = plan.failure_reason if status == "Failed" else ""


def describe_job(job: Any) -> dict[str, Any]:
    """DescribeAutoMLJobV2's answer for the job's current step (AWS's members only)."""
    plan: JobPlan = job.pilot_plan
    status, secondary = plan.current
    answer: dict[str, Any] = {
        "AutoMLJobName": job.auto_ml_job_name,
        "AutoMLJobArn": job.arn,
        "AutoMLJobInputDataConfig": job.auto_ml_job_input_data_config,
        "OutputDataConfig": job.output_data_config,
        "RoleArn": job.role_arn,
        "AutoMLProblemTypeConfig": job.auto_ml_problem_type_config,
        "AutoMLProblemTypeConfigName": job.auto_ml_problem_type_config_name,
        "CreationTime": job.creation_time,
        "LastModifiedTime": job.last_modified_time,
        "AutoMLJobStatus": status,
        "AutoMLJobSecondaryStatus": secondary,
        "DataSplitConfig": job.data_split_config,
    }
    if job.auto_ml_job_objective_request:
        answer["AutoMLJobObjective"] = job.auto_ml_job_objective_request
    if plan.finished_at is not None:
        answer["EndTime"] = plan.finished_at
    if status == "Failed":
        answer["FailureReason"] = plan.failure_reason
    best = best_candidate(plan)
    if best is not None:
        answer["BestCandidate"] = best
    if plan.analyzed:
        answer["AutoMLJobArtifacts"] = dict(plan.artifacts or {})
        given = tabular_config(job).get("CompletionCriteria") or {}
        answer["ResolvedAttributes"] = {
            "AutoMLJobObjective": {"MetricName": plan.objective},
            "CompletionCriteria": {**DEFAULT_COMPLETION, **given},
            "AutoMLProblemTypeResolvedAttributes": {
                "TabularResolvedAttributes": {"ProblemType": plan.problem_type}
            },
        }
    if job.model_deploy_config_request:
        answer["ModelDeployConfig"] = job.model_deploy_config_request
    if job.security_config:
        answer["SecurityConfig"] = job.security_config
    return answer


_original_job_init = sm_models.AutoMLJob.__init__


def job_init(self: Any, *args: Any, **kwargs: Any) -> None:
    """moto's AutoMLJob, plus the emulator's plan; CompletionCriteria and ProblemType may be missing
    (AWS allows it; moto failed with a KeyError)."""
    config = kwargs.get("auto_ml_problem_type_config") or {}
    objective = kwargs.get("auto_ml_job_objective")
    deploy = kwargs.get("model_deploy_config")
    patched = json.loads(json.dumps(config))
    for inner in patched.values():
        if isinstance(inner, dict):
            inner.setdefault("CompletionCriteria", {})
    if isinstance(patched.get("TabularJobConfig"), dict):
        # moto needs one; the emulator's own is inferred (see analyze)
        patched["TabularJobConfig"].setdefault("ProblemType", "BinaryClassification")
    kwargs["auto_ml_problem_type_config"] = patched
    _original_job_init(self, *args, **kwargs)
    self.auto_ml_problem_type_config = config
    self.auto_ml_job_objective_request = objective
    self.model_deploy_config_request = deploy
    self.end_time = None
    with STATE.lock:
        failure = EmulatorState.take(STATE.job_failures, self.auto_ml_job_name)
    self.pilot_plan = JobPlan(self, failure)
    self.auto_ml_job_status, self.auto_ml_job_secondary_status = self.pilot_plan.current
    self.failure_reason = ""


def job_summary(self: Any) -> dict[str, Any]:
    summary = {
        "AutoMLJobName": self.auto_ml_job_name,
        "AutoMLJobArn": self.arn,
        "AutoMLJobStatus": self.auto_ml_job_status,
        "AutoMLJobSecondaryStatus": self.auto_ml_job_secondary_status,
        "CreationTime": self.creation_time,
        "LastModifiedTime": self.last_modified_time,
    }
    if self.end_time is not None:
        summary["EndTime"] = self.end_time
    if self.failure_reason:
        summary["FailureReason"] = self.failure_reason
    return summary


def find_job(response: Any, name: str) -> Any:
    jobs = response.sagemaker_backend.auto_ml_jobs
    if name not in jobs:
        raise ResourceNotFound(f"Could not find AutoML job with name {name}.")
    return jobs[name]


def describe_auto_ml_job_v2(self: Any) -> ActionResult:
    job = find_job(self, self._get_param("AutoMLJobName"))
    plan: JobPlan = job.pilot_plan
    with STATE.lock:
        if plan.shown < len(plan.steps):
            plan.shown += 1
        enter_step(job, plan)
        return ActionResult(describe_job(job))


def stop_auto_ml_job(self: Any) -> ActionResult:
    job = find_job(self, self._get_param("AutoMLJobName"))
    plan: JobPlan = job.pilot_plan
    with STATE.lock:
        if not plan.finished and plan.current[1] != "Stopping":
            plan.shown = max(plan.shown, 1)  # the step it is in counts as seen: the next describe says Stopping
            plan.steps = plan.steps[: plan.shown] + [("Stopping", "Stopping"), ("Stopped", "Stopped")]
            plan.failure_reason = None
            job.auto_ml_job_status = job.auto_ml_job_secondary_status = "Stopping"
    return ActionResult({})


def list_candidates_for_auto_ml_job(self: Any) -> ActionResult:
    job = find_job(self, self._get_param("AutoMLJobName"))
    plan: JobPlan = job.pilot_plan
    with STATE.lock:
        candidates = list(plan.candidates)
    status = self._get_param("StatusEquals")
    name = self._get_param("CandidateNameEquals")
    if status:
        candidates = [c for c in candidates if c["CandidateStatus"] == status]
    if name:
        candidates = [c for c in candidates if c["CandidateName"] == name]
    sort_by = self._get_param("SortBy") or "CreationTime"
    keys = {
        "CreationTime": lambda c: (c["CreationTime"], c["CandidateName"]),
        "Status": lambda c: (c["CandidateStatus"], c["CandidateName"]),
        "FinalObjectiveMetricValue": lambda c: (c["FinalAutoMLJobObjectiveMetric"]["Value"], c["CandidateName"]),
    }
    if sort_by not in keys:
        raise ValidationError(
            message=f"1 validation error detected: Value '{sort_by}' at 'sortBy' failed to satisfy constraint: "
            "Member must satisfy enum value set: [CreationTime, Status, FinalObjectiveMetricValue]")
    candidates.sort(key=keys[sort_by], reverse=(self._get_param("SortOrder") or "Ascending") == "Descending")
    limit = self._get_param("MaxResults") or 100
    start = 0
    token = self._get_param("NextToken")
    if token:
        try:
            decoded = json.loads(base64.b64decode(token))
            assert decoded["job"] == job.auto_ml_job_name
            start = int(decoded["offset"])
        except Exception:  # noqa: BLE001
            raise ValidationError(message="Invalid pagination token because the token is malformed or expired.")
    page = candidates[start:start + limit]
    answer: dict[str, Any] = {"Candidates": page}
    if start + limit < len(candidates):
        answer["NextToken"] = base64.b64encode(
            json.dumps({"job": job.auto_ml_job_name, "offset": start + limit}).encode()).decode()
    return ActionResult(answer)


# MARK: - endpoints


_original_create_endpoint = sm_models.SageMakerModelBackend.create_endpoint


def create_endpoint(self: Any, endpoint_name: str, endpoint_config_name: str, tags: Any) -> Any:
    endpoint = _original_create_endpoint(self, endpoint_name, endpoint_config_name, tags)
    with STATE.lock:
        failure = EmulatorState.take(STATE.endpoint_failures, endpoint_name)
    if failure:
        final = ("Failed", failure.get("failurereason") or "The emulator was asked to fail this endpoint.")
    else:
        final = ("InService", None)
    endpoint.pilot_plan = {"steps": [("Creating", None), final], "shown": 0}
    endpoint.endpoint_status, endpoint.failure_reason = "Creating", None
    return endpoint


def describe_endpoint(self: Any) -> ActionResult:
    name = self._get_param("EndpointName")
    endpoint = self.sagemaker_backend.endpoints.get(name)
    plan = getattr(endpoint, "pilot_plan", None)
    if plan is not None:
        with STATE.lock:
            if plan["shown"] < len(plan["steps"]):
                plan["shown"] += 1
            status, reason = plan["steps"][plan["shown"] - 1]
            if endpoint.endpoint_status != status:
                endpoint.last_modified_time = now()
            endpoint.endpoint_status, endpoint.failure_reason = status, reason
    return ActionResult(self.sagemaker_backend.describe_endpoint(name))


class RuntimeValidationError(ServiceException):
    code = "ValidationError"


_original_invoke = SageMakerRuntimeResponse.invoke_endpoint


def invoke_endpoint(self: Any) -> Any:
    """moto's InvokeEndpoint, for endpoints that exist and are InService (moto took any name)."""
    name = unquote(self.path.split("/")[2]) if self.path.count("/") >= 3 else ""
    endpoint = sm_models.sagemaker_backends[self.current_account][self.region].endpoints.get(name)
    if endpoint is None or endpoint.endpoint_status != "InService":
        raise RuntimeValidationError(f"Endpoint {name} of account {self.current_account} not found.")
    with STATE.lock:
        answers = STATE.endpoint_answers.get(name)
        if answers is not None:
            key = self.body.decode("utf-8", errors="replace") if isinstance(self.body, bytes) else str(self.body)
            if key not in answers["given"]:
                answers["given"][key] = answers["queue"].pop(0) if answers["queue"] else "body"
            headers = {"Content-Type": answers["contenttype"], "x-Amzn-Invoked-Production-Variant": "AllTraffic"}
            return 200, headers, answers["given"][key]
    return _original_invoke(self)


def install_patches() -> None:
    sm_models.AutoMLJob.__init__ = job_init
    sm_models.AutoMLJob.summary = job_summary
    SageMakerResponse.describe_auto_ml_job_v2 = describe_auto_ml_job_v2
    SageMakerResponse.stop_auto_ml_job = stop_auto_ml_job
    SageMakerResponse.list_candidates_for_auto_ml_job = list_candidates_for_auto_ml_job
    SageMakerResponse.describe_endpoint = describe_endpoint
    sm_models.SageMakerModelBackend.create_endpoint = create_endpoint
    SageMakerRuntimeResponse.invoke_endpoint = invoke_endpoint


# MARK: - the WSGI layer: control routes, recording, throttling


_runtime_operations: list[tuple[re.Pattern[str], str, Any]] | None = None


def runtime_operations() -> list[tuple[re.Pattern[str], str, Any]]:
    """SageMaker Runtime's operations as (path pattern, name, model), from botocore's model."""
    global _runtime_operations
    if _runtime_operations is None:
        import botocore.session

        model = botocore.session.get_session().get_service_model("sagemaker-runtime")
        found = []
        for name in model.operation_names:
            operation = model.operation_model(name)
            uri = operation.http["requestUri"].split("?")[0]
            pattern = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(uri))
            found.append((re.compile(f"^{pattern}$"), name, operation))
        _runtime_operations = found
    return _runtime_operations


def request_headers(environ: dict[str, Any]) -> dict[str, str]:
    headers = {key[5:].replace("_", "-").lower(): value for key, value in environ.items() if key.startswith("HTTP_")}
    if environ.get("CONTENT_TYPE"):
        headers["content-type"] = environ["CONTENT_TYPE"]
    return headers


def signing_service(headers: dict[str, str]) -> str | None:
    auth = headers.get("authorization", "")
    match = re.search(r"Credential=[^/]+/[^/]+/[^/]+/([^/]+)/", auth)
    return match.group(1).lower() if match else None


def read_body(environ: dict[str, Any]) -> bytes:
    """The request's body, put back so that moto reads it too."""
    stream = environ.get("wsgi.input")
    if stream is None:
        return b""
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > 0:
        body = stream.read(length)
    elif environ.get("wsgi.input_terminated"):
        body = stream.read()
    else:
        body = b""
    environ["wsgi.input"] = io.BytesIO(body)
    environ["CONTENT_LENGTH"] = str(len(body))
    return body


def classify(environ: dict[str, Any], headers: dict[str, str], body: bytes) -> dict[str, Any] | None:
    """The service, operation and parameters of a SageMaker or SageMaker Runtime request; else None."""
    path = environ.get("PATH_INFO", "")
    target = headers.get("x-amz-target", "")
    if target.startswith("SageMaker."):
        try:
            params = json.loads(body.decode("utf-8") or "{}")
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            params = {"__unparsable_body__": str(error)}
        return {"service": "sagemaker", "operation": target.split(".", 1)[1], "params": params}
    if signing_service(headers) != "sagemaker" and not re.match(r"^/endpoints/[^/]+/", path):
        return None
    for pattern, name, operation in runtime_operations():
        match = pattern.match(path)
        if not match or environ.get("REQUEST_METHOD") != operation.http["method"]:
            continue
        params: dict[str, Any] = {}
        for member, shape in operation.input_shape.members.items():
            location = shape.serialization.get("location")
            wire = shape.serialization.get("name", member)
            if location == "uri" and wire in match.groupdict():
                params[member] = unquote(match.group(wire))
            elif location == "header" and wire.lower() in headers:
                value: Any = headers[wire.lower()]
                if shape.type_name == "boolean":
                    value = value.lower() == "true"
                elif shape.type_name == "integer":
                    value = int(value) if value.isdigit() else value
                params[member] = value
            elif location == "querystring":
                query = parse_qs(environ.get("QUERY_STRING", ""))
                if wire in query:
                    params[member] = query[wire][0]
        payload = operation.input_shape.serialization.get("payload")
        if payload:
            params[payload] = body.decode("utf-8", errors="replace")
        return {"service": "sagemaker-runtime", "operation": name, "params": params}
    if target or signing_service(headers) == "sagemaker":
        return {"service": "sagemaker", "operation": target.split(".", 1)[-1] or path, "params": {}}
    return None


def json_answer(start_response: Any, status: str, document: Any) -> list[bytes]:
    body = json.dumps(document, indent=1, default=str).encode()
    start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]


def parse_control_body(body: bytes, plain_field: str) -> dict[str, Any]:
    text = body.decode("utf-8", errors="replace").strip()
    if not text:
        return {}
    try:
        document = json.loads(text)
    except json.JSONDecodeError:
        return {plain_field: text}
    if isinstance(document, dict):
        return {str(key).lower(): value for key, value in document.items()}
    return {plain_field: document}


class EmulatorApplication:
    """moto's application behind the control routes, the recorder and the throttle."""

    def __init__(self, moto_app: Any) -> None:
        self.moto_app = moto_app

    def __getattr__(self, name: str) -> Any:
        return getattr(self.moto_app, name)

    def control(self, environ: dict[str, Any], start_response: Any) -> list[bytes]:
        route = environ.get("PATH_INFO", "")[len(CONTROL_PREFIX):].strip("/")
        method = environ.get("REQUEST_METHOD", "GET")
        body = read_body(environ)
        with STATE.lock:
            if route == "health":
                return json_answer(start_response, "200 OK", {"ok": True})
            if route == "requests" and method == "GET":
                query = {key: values[0] for key, values in parse_qs(environ.get("QUERY_STRING", "")).items()}
                chosen = [
                    entry for entry in STATE.requests
                    if ("operation" not in query or entry["operation"] == query["operation"])
                    and ("service" not in query or entry["service"] == query["service"])
                    and ("contains" not in query or query["contains"] in json.dumps(entry["params"], default=str))
                ]
                return json_answer(start_response, "200 OK", {"requests": chosen})
            if method != "POST":
                return json_answer(start_response, "405 Method Not Allowed", {"error": f"{method} /{route}: use POST"})
            if route == "reset":
                STATE.reset()
                return json_answer(start_response, "200 OK", {"ok": True})
            if route in ("fail-next-job", "fail-next-endpoint"):
                fault = parse_control_body(body, "failurereason")
                fault["namecontains"] = str(fault.get("namecontains") or "")
                (STATE.job_failures if route == "fail-next-job" else STATE.endpoint_failures).append(fault)
                return json_answer(start_response, "200 OK", {"ok": True})
            if route == "endpoint-answers":
                document = parse_control_body(body, "endpointname")
                STATE.endpoint_answers[str(document.get("endpointname", ""))] = {
                    "queue": [str(answer) for answer in document.get("answers", [])],
                    "given": {},
                    "contenttype": str(document.get("contenttype") or "text/csv"),
                }
                return json_answer(start_response, "200 OK", {"ok": True})
            if route == "throttle":
                fault = parse_control_body(body, "count")
                try:
                    count = int(fault.get("count", 1))
                except (TypeError, ValueError):
                    return json_answer(start_response, "400 Bad Request", {"error": "Count must be a number"})
                STATE.throttles.append({"remaining": count, "operation": fault.get("operation"),
                                        "contains": fault.get("contains")})
                return json_answer(start_response, "200 OK", {"ok": True})
        return json_answer(start_response, "404 Not Found", {"error": f"no control route {route!r}",
                                                             "routes": ["fail-next-job", "fail-next-endpoint",
                                                                        "endpoint-answers", "throttle", "requests",
                                                                        "reset", "health"]})

    def throttled(self, request: dict[str, Any], body: bytes, path: str) -> bool:
        text = body.decode("utf-8", errors="replace") + " " + path
        for throttle in STATE.throttles:
            if throttle["remaining"] <= 0:
                continue
            if throttle.get("operation") and throttle["operation"] != request["operation"]:
                continue
            if throttle.get("contains") and throttle["contains"] not in text:
                continue
            throttle["remaining"] -= 1
            STATE.throttles[:] = [t for t in STATE.throttles if t["remaining"] > 0]
            return True
        return False

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        path = environ.get("PATH_INFO", "")
        if path.startswith(CONTROL_PREFIX):
            return self.control(environ, start_response)
        headers = request_headers(environ)
        target = headers.get("x-amz-target", "")
        if not target.startswith("SageMaker.") and signing_service(headers) != "sagemaker":
            return self.moto_app(environ, start_response)
        body = read_body(environ)
        request = classify(environ, headers, body)
        if request is None:
            return self.moto_app(environ, start_response)
        with STATE.lock:
            request["index"] = STATE.next_index
            STATE.next_index += 1
            request["status"] = None
            request["throttled"] = self.throttled(request, body, path)
            STATE.requests.append(request)
        if request["throttled"]:
            request["status"] = 400
            answer = json.dumps({"__type": "ThrottlingException", "message": "Rate exceeded"}).encode()
            content_type = "application/x-amz-json-1.1" if request["service"] == "sagemaker" else "application/json"
            start_response("400 Bad Request", [
                ("Content-Type", content_type), ("Content-Length", str(len(answer))),
                ("x-amzn-RequestId", str(uuid.uuid4())), ("x-amzn-ErrorType", "ThrottlingException"),
            ])
            return [answer]

        def recording_start_response(status: str, response_headers: Any, *rest: Any) -> Any:
            try:
                request["status"] = int(status.split()[0])
            except ValueError:
                pass
            return start_response(status, response_headers, *rest)

        return self.moto_app(environ, recording_start_response)


def main(argv: list[str] | None = None) -> None:
    install_patches()
    original = moto_server.DomainDispatcherApplication
    moto_server.DomainDispatcherApplication = (  # type: ignore[assignment]
        lambda create_app: EmulatorApplication(original(create_app))
    )
    moto_server.main(argv if argv is not None else sys.argv[1:])


if __name__ == "__main__":
    main()

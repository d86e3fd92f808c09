"""Drives pilot's Jupyter kernel with jupyter_client, as JupyterLab and nbclient do, for the
Swift tests in JupyterKernelTests: one scenario per run, its observations as JSON on stdout.
The Swift test asserts on them; this script only records what happened.

    python drive_kernel.py SCENARIO [ARG...]

Environment: PILOT_BINARY (the pilot to start), JUPYTER_PATH (where `pilot kernel install
--prefix` put the kernelspec, for the scenarios that start the kernel by name).
"""
import json
import os
import signal
import subprocess
import sys
import time

from jupyter_client import BlockingKernelClient, KernelManager
from jupyter_client.connect import write_connection_file
from jupyter_client.session import Session

BINARY = os.environ.get("PILOT_BINARY", "pilot")


class Kernel:
    """`pilot kernel -f FILE` started by hand, as Jupyter's provisioner does, with a client."""

    def __init__(self, folder):
        self.connection_file, self.info = write_connection_file(
            fname=os.path.join(folder, "connection.json"), ip="127.0.0.1", key=os.urandom(16).hex().encode()
        )
        self.process = subprocess.Popen(
            [BINARY, "kernel", "-f", self.connection_file],
            cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        self.client = BlockingKernelClient(connection_file=self.connection_file)
        self.client.load_connection_file()
        self.client.start_channels()
        self.client.wait_for_ready(timeout=60)

    def stop(self):
        """Shuts the kernel down through the protocol; returns its exit status and standard error."""
        self.client.shutdown()
        try:
            status = self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            status = "did not exit"
        self.client.stop_channels()
        return status, self.process.stderr.read().decode()


def collect(client, msg_id, timeout=120, until=None):
    """The iopub messages caused by msg_id, up to its `idle`; `until` is told of each as it comes."""
    messages = []
    deadline = time.time() + timeout
    while time.time() < deadline:
        msg = client.get_iopub_msg(timeout=max(1, deadline - time.time()))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        entry = {"type": msg["msg_type"], "content": msg["content"]}
        messages.append(entry)
        if until:
            until(entry)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    return messages


def shell_reply(client, msg_id, timeout=120):
    while True:
        msg = client.get_shell_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def execute(client, code, until=None, **options):
    msg_id = client.execute(code, **options)
    outputs = collect(client, msg_id, until=until)
    reply = shell_reply(client, msg_id)
    return {"iopub": outputs, "reply": reply["content"]}


def scenario_execute(folder):
    kernel = Kernel(folder)
    info = kernel.client.kernel_info(reply=True, timeout=30)["content"]
    first = execute(kernel.client, "load data.csv as data\nshape data")
    silent = execute(kernel.client, "vars", silent=True)
    second = execute(kernel.client, "counts data color")
    history = kernel.client.history(reply=True, timeout=30)["content"]
    comms = kernel.client.comm_info(reply=True, timeout=30)["content"]
    status, stderr = kernel.stop()
    return {"kernel_info": info, "first": first, "silent": silent, "second": second,
            "history": history, "comms": comms, "exit": status, "stderr": stderr}


def scenario_error(folder):
    kernel = Kernel(folder)
    failed = execute(kernel.client, "load data.csv as data\ndescrbe data")
    # Queued behind a failing cell with stop_on_error: aborted, not run. The failing cell takes a
    # second, so the next request is surely queued by then.
    client = kernel.client
    failing = client.execute("sh sleep 1; exit 3")
    queued = client.execute("load data.csv as queued")
    replies = {}
    for msg_id in (failing, queued):
        replies[msg_id] = shell_reply(client, msg_id)["content"]
    after = execute(client, "vars")
    status, stderr = kernel.stop()
    return {"failed": failed, "failing": replies[failing], "queued": replies[queued], "after": after,
            "exit": status}


def scenario_complete(folder):
    kernel = Kernel(folder)
    client = kernel.client
    execute(client, "load data.csv as data")
    results = {}
    for name, code in [("command", "desc"), ("frame", "head da"), ("column", "counts data co"),
                       ("option", "autopilot data tar"), ("second_line", "shape data\nhis")]:
        results[name] = client.complete(code, len(code), reply=True, timeout=30)["content"]
    inspected = client.inspect("autopilot data target=y", 3, reply=True, timeout=30)["content"]
    unknown = client.inspect("nonsense here", 2, reply=True, timeout=30)["content"]
    complete = shell_reply(client, client.is_complete("head data"))["content"]
    incomplete = shell_reply(client, client.is_complete("load data.csv as data \\"))["content"]
    status, stderr = kernel.stop()
    return {"complete": results, "inspect": inspected, "inspect_unknown": unknown,
            "is_complete": complete, "is_incomplete": incomplete, "exit": status}


def scenario_interrupt(folder, mode):
    kernel = Kernel(folder)
    client = kernel.client
    execute(client, "load data.csv as data")
    sent = {"done": False, "interrupt_reply": None}

    def interrupt_on_progress(entry):
        if sent["done"] or entry["type"] not in ("display_data", "update_display_data"):
            return
        if "display_id" not in entry["content"].get("transient", {}):
            return
        # Once a candidate has finished (its note shows, `[  1/400] ...`), so there is one to keep.
        if "/400]" not in entry["content"].get("data", {}).get("text/plain", ""):
            return
        sent["done"] = True
        if mode == "signal":
            kernel.process.send_signal(signal.SIGINT)
        else:
            msg = client.session.msg("interrupt_request", {})
            client.control_channel.send(msg)
            sent["interrupt_reply"] = client.control_channel.get_msg(timeout=30)["content"]

    started = time.time()
    run = execute(client, "autopilot data target=y as exp max_candidates=400 seed=1", until=interrupt_on_progress)
    seconds = time.time() - started
    alive = kernel.process.poll() is None
    after = execute(client, "experiments")
    status, stderr = kernel.stop()
    return {"interrupted": run, "interrupt_reply": sent["interrupt_reply"], "sent": sent["done"],
            "alive_after": alive, "after": after, "seconds": seconds, "exit": status, "stderr": stderr}


def scenario_bad_signature(folder):
    kernel = Kernel(folder)
    client = kernel.client
    forger = Session(key=b"not-the-key", username="mallory")
    forged = forger.msg("execute_request", {"code": "load data.csv as stolen", "silent": False,
                                            "store_history": True, "user_expressions": {},
                                            "allow_stdin": False, "stop_on_error": True})
    forger.send(client.shell_channel.socket, forged)
    after = execute(client, "vars")
    # The forged request never gets a reply.
    answered = False
    deadline = time.time() + 2
    while time.time() < deadline:
        try:
            msg = client.get_shell_msg(timeout=0.5)
        except Exception:
            continue
        if msg["parent_header"].get("msg_id") == forged["header"]["msg_id"]:
            answered = True
    status, stderr = kernel.stop()
    return {"after": after, "forged_answered": answered, "exit": status, "stderr": stderr}


def scenario_heartbeat(folder):
    import zmq
    kernel = Kernel(folder)
    context = zmq.Context()
    socket = context.socket(zmq.REQ)
    socket.linger = 0
    socket.connect("tcp://127.0.0.1:%d" % kernel.info["hb_port"])
    echoes = []
    for ping in (b"ping", b"\x00\x01binary"):
        socket.send(ping)
        echoes.append(socket.recv().decode("latin-1") if socket.poll(10000) else None)
    socket.close()
    status, stderr = kernel.stop()
    return {"echoes": echoes, "exit": status}


def scenario_restart(folder):
    manager = KernelManager(kernel_name="pilot")
    manager.start_kernel(cwd=folder)
    client = manager.client()
    client.start_channels()
    client.wait_for_ready(timeout=60)
    before = execute(client, "load data.csv as data\nvars")
    manager.restart_kernel(now=False)
    client.wait_for_ready(timeout=60)
    after = execute(client, "vars")
    client.stop_channels()
    started = time.time()
    manager.shutdown_kernel(now=False)
    return {"before": before, "after": after, "alive": manager.is_alive(), "shutdown_seconds": time.time() - started}


def scenario_notebook(folder, notebook, executed):
    import nbformat
    from nbclient import NotebookClient
    nb = nbformat.read(notebook, as_version=4)
    started = time.time()
    NotebookClient(nb, timeout=1800, kernel_name="pilot", resources={"metadata": {"path": folder}}).execute()
    nbformat.write(nb, executed)
    return {"seconds": time.time() - started}


SCENARIOS = {
    "execute": scenario_execute, "error": scenario_error, "complete": scenario_complete,
    "interrupt": scenario_interrupt, "bad-signature": scenario_bad_signature,
    "heartbeat": scenario_heartbeat, "restart": scenario_restart, "notebook": scenario_notebook,
}

if __name__ == "__main__":
    name, arguments = sys.argv[1], sys.argv[2:]
    result = SCENARIOS[name](os.getcwd(), *arguments)
    json.dump(result, sys.stdout)

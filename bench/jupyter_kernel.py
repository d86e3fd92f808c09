"""pilot's Jupyter kernel against ipykernel, side by side in one run (not a test).

For each kernel, ROUNDS times, alternating: start the kernel process with a fresh connection file
(as Jupyter's provisioner does) and time until its first kernel_info_reply; then time the round
trip of a trivial cell (execute_request to execute_reply: `vars` for pilot, `pass` for Python),
the median of CELLS cells after one warm-up; then shut it down. The client speaks the protocol
with jupyter_client's Session over pyzmq sockets that retry connecting every 2 ms, so the time to
the first reply is the kernel's, not the client's reconnect interval.

    python bench/jupyter_kernel.py PILOT_BINARY
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

import zmq
from jupyter_client.connect import write_connection_file
from jupyter_client.session import Session

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "10"))
CELLS = int(os.environ.get("BENCH_CELLS", "20"))


def measure(argv, cell, folder):
    key = os.urandom(16).hex().encode()
    fname, info = write_connection_file(fname=os.path.join(folder, "kernel-%d.json" % time.monotonic_ns()),
                                        ip="127.0.0.1", key=key)
    session = Session(key=key)
    context = zmq.Context()
    sockets = {}
    for name, port in (("shell", info["shell_port"]), ("control", info["control_port"])):
        socket = context.socket(zmq.DEALER)
        socket.setsockopt(zmq.RECONNECT_IVL, 2)
        socket.linger = 0
        socket.connect("tcp://127.0.0.1:%d" % port)
        sockets[name] = socket
    started = time.perf_counter()
    process = subprocess.Popen([part.replace("{connection_file}", fname) for part in argv], cwd=folder,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    session.send(sockets["shell"], "kernel_info_request", {})
    if not sockets["shell"].poll(60000):
        raise SystemExit("no kernel_info_reply from %s" % argv[0])
    session.recv(sockets["shell"])
    startup = time.perf_counter() - started

    def round_trip():
        began = time.perf_counter()
        sent = session.send(sockets["shell"], "execute_request",
                            {"code": cell, "silent": False, "store_history": True, "user_expressions": {},
                             "allow_stdin": False, "stop_on_error": True})
        while True:
            sockets["shell"].poll(60000)
            _, reply = session.recv(sockets["shell"])
            if reply["parent_header"].get("msg_id") == sent["header"]["msg_id"]:
                return time.perf_counter() - began

    round_trip()  # warm-up
    trips = [round_trip() for _ in range(CELLS)]
    session.send(sockets["control"], "shutdown_request", {"restart": False})
    sockets["control"].poll(10000)
    process.wait(timeout=20)
    for socket in sockets.values():
        socket.close()
    context.term()
    return startup, statistics.median(trips)


def main():
    pilot = os.path.abspath(sys.argv[1])
    kernels = {
        "pilot": ([pilot, "kernel", "-f", "{connection_file}"], "vars"),
        "ipykernel": ([sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"], "pass"),
    }
    results = {name: {"startup": [], "trip": []} for name in kernels}
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(ROUNDS):
            for name, (argv, cell) in kernels.items():
                startup, trip = measure(argv, cell, folder)
                results[name]["startup"].append(startup)
                results[name]["trip"].append(trip)

    def median(name, what):
        return statistics.median(results[name][what])

    import ipykernel
    import jupyter_client
    print("Machine: %d cores, %s; ipykernel %s, jupyter_client %s, Python %s; median of %d starts, "
          "each with the median of %d cells after a warm-up." % (
              os.cpu_count(), os.uname().release, ipykernel.__version__, jupyter_client.__version__,
              sys.version.split()[0], ROUNDS, CELLS))
    print()
    print("| measure | pilot | ipykernel | ipykernel ÷ pilot |")
    print("|---|---:|---:|---:|")
    for what, label in (("startup", "start to first kernel_info_reply"), ("trip", "trivial cell round trip")):
        p, i = median("pilot", what), median("ipykernel", what)
        print("| %s | %.1f ms | %.1f ms | %.2f× |" % (label, p * 1000, i * 1000, i / p))


if __name__ == "__main__":
    main()

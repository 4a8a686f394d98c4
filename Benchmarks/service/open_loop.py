#!/usr/bin/env python3
"""Open-loop (constant-rate) HTTP load over a fixed number of keep-alive connections, for the CDS
Hooks service benchmark (SPEC §9: "16 concurrent connections ... p50 under 10 ms, p99 under 50 ms,
at least 300 calls a second").

A closed loop (wrk) sends a connection's next call only when its last one is answered, so it
measures the service at saturation and hides queueing (coordinated omission). Here call i is
*scheduled* at start + i / rate whatever happens; the next free one of the connections sends it
(at once if one is free, later if all are busy), and its latency is taken from the scheduled time
to the last byte of the answer, so time spent waiting for a connection counts, as it would for a
clinician opening a chart. wrk2 does this but is not in Debian.

Every call carries a token of its own (each CDS Hooks `jti` is single-use), taken in turn from
`--tokens`; bodies are taken in turn from `--body` files (several: rotating prefetches that
differ). Loopback only. Used as a module by run_service_bench.py, or alone:

    open_loop.py --port 18480 --rate 300 --seconds 20 --tokens T --body B [--body B2 ...]

Prints one JSON object: offered and achieved rate, completed calls, non-200 answers, timeouts,
latency percentiles (ms), how late the generator itself released calls (its own health: if
that lag grows, the generator, not the service, is the bottleneck) and the generator's CPU seconds.
"""
import argparse
import asyncio
import json
import resource
import time

HOST = "127.0.0.1"


class Connection:
    """One keep-alive HTTP/1.1 connection to 127.0.0.1:port."""

    def __init__(self, port):
        self.port = port
        self.reader = None
        self.writer = None

    async def open(self):
        self.reader, self.writer = await asyncio.open_connection(HOST, self.port)

    async def call(self, head, body):
        """Sends one request; returns the status code after reading the whole answer."""
        if self.writer is None:
            await self.open()
        self.writer.write(head)
        self.writer.write(body)
        await self.writer.drain()
        header = await self.reader.readuntil(b"\r\n\r\n")
        lines = header.split(b"\r\n")
        status = int(lines[0].split(b" ", 2)[1])
        length = 0
        close = False
        for line in lines[1:]:
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            if name == b"content-length":
                length = int(value.strip())
            elif name == b"transfer-encoding" and b"chunked" in value.lower():
                raise RuntimeError("chunked answers are not supported by this generator")
            elif name == b"connection" and b"close" in value.lower():
                close = True
        if length:
            await self.reader.readexactly(length)
        if close:
            self.writer.close()
            self.writer = None
        return status


def percentile(sorted_values, fraction):
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, max(0, int(round(fraction * len(sorted_values) + 0.5)) - 1))
    return sorted_values[index]


async def run(port, path, rate, seconds, connections, tokens, bodies, timeout=10.0, closed=False, calls=None, on_progress=None,
              progress_every=0):
    """Offers `rate` calls a second for `seconds` (or, with `closed`, sends as fast as the
    connections are answered, `calls` calls in all). Returns the figures (see the module's doc)."""
    total = calls if calls is not None else int(rate * seconds)
    if total > len(tokens):
        raise SystemExit(f"{total} calls need {total} tokens; {len(tokens)} given")
    heads = []
    lengths = [len(body) for body in bodies]
    for index in range(total):
        body_index = index % len(bodies)
        heads.append((f"POST {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\nContent-Type: application/json\r\n"
                      f"Authorization: Bearer {tokens[index]}\r\nContent-Length: {lengths[body_index]}\r\n\r\n").encode())
    pool = [Connection(port) for _ in range(connections)]
    for connection in pool:
        await connection.open()
    queue = asyncio.Queue()
    latencies = []
    lags = []
    statuses = {}
    done = [0]
    failures = [0]
    cpu_before = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter() + 0.05

    async def produce():
        if closed:
            for index in range(total):
                queue.put_nowait((index, None))
        else:
            index = 0
            while index < total:
                now = time.perf_counter()
                while index < total and start + index / rate <= now:
                    lags.append(now - (start + index / rate))
                    queue.put_nowait((index, start + index / rate))
                    index += 1
                if index < total:
                    await asyncio.sleep(max(0.0, start + index / rate - time.perf_counter()))
        for _ in pool:
            queue.put_nowait(None)

    async def work(connection):
        while True:
            item = await queue.get()
            if item is None:
                return
            index, scheduled = item
            sent = time.perf_counter()
            if scheduled is None:
                scheduled = sent
            try:
                status = await asyncio.wait_for(connection.call(heads[index], bodies[index % len(bodies)]), timeout)
            except Exception:
                failures[0] += 1
                if connection.writer is not None:
                    connection.writer.close()
                connection.writer = None
                latencies.append(float("inf"))
                continue
            finished = time.perf_counter()
            statuses[status] = statuses.get(status, 0) + 1
            latencies.append(finished - scheduled)
            done[0] += 1
            if progress_every and on_progress and done[0] % progress_every == 0:
                on_progress(done[0])

    producer = asyncio.create_task(produce())
    await asyncio.gather(producer, *(work(connection) for connection in pool))
    elapsed = time.perf_counter() - start
    cpu_after = resource.getrusage(resource.RUSAGE_SELF)
    for connection in pool:
        if connection.writer is not None:
            connection.writer.close()
    ordered = sorted(latencies)
    lag_ordered = sorted(lags)
    return {
        "offered": None if closed else rate, "calls": total, "completed": done[0], "elapsed": elapsed,
        "achieved": done[0] / elapsed, "non200": sum(count for status, count in statuses.items() if status != 200),
        "timeouts": failures[0],
        "p50": percentile(ordered, 0.50) * 1000, "p90": percentile(ordered, 0.90) * 1000, "p99": percentile(ordered, 0.99) * 1000,
        "max": ordered[-1] * 1000 if ordered else float("nan"),
        "lag_p99": percentile(lag_ordered, 0.99) * 1000,
        "generator_cpu": (cpu_after.ru_utime + cpu_after.ru_stime) - (cpu_before.ru_utime + cpu_before.ru_stime),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--path", default="/cds-services/twitch-triage")
    parser.add_argument("--rate", type=float, default=300)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--tokens", required=True)
    parser.add_argument("--body", action="append", required=True)
    parser.add_argument("--closed", action="store_true", help="closed loop: send as fast as answered (a wrk-like maximum)")
    parser.add_argument("--calls", type=int)
    arguments = parser.parse_args()
    tokens = open(arguments.tokens).read().split()
    bodies = [open(path, "rb").read() for path in arguments.body]
    result = asyncio.run(run(arguments.port, arguments.path, arguments.rate, arguments.seconds, arguments.connections, tokens, bodies,
                             closed=arguments.closed, calls=arguments.calls))
    print(json.dumps(result))


if __name__ == "__main__":
    main()

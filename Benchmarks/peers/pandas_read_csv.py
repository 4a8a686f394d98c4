"""Peer for the CSV readers: pandas read_csv doing the same reading as ours: every column,
numbers parsed (decimal commas in a `;` file), and the date column parsed as ISO 8601.

    python pandas_read_csv.py FILE RUNS

Reads FILE once as a warm-up, then RUNS times; prints `median_s=… items=…` (rows).
"""

import sys
import time

import pandas as pd

DATE_COLUMNS = ("collected_at", "collected", "date", "timestamp", "recorded_at", "datetime")


def read(path):
    with open(path, "rb") as f:
        header = f.readline().decode("utf-8-sig")
    semicolon = header.count(";") > header.count(",")
    frame = pd.read_csv(path, sep=";" if semicolon else ",", decimal="," if semicolon else ".",
                        encoding="utf-8-sig")
    for column in frame.columns:
        if column in DATE_COLUMNS:
            frame[column] = pd.to_datetime(frame[column], format="ISO8601", utc=True)
    return len(frame)


def main():
    path, runs = sys.argv[1], int(sys.argv[2])
    items = read(path)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        items = read(path)
        times.append(time.perf_counter() - start)
    times.sort()
    print("median_s=%f items=%d" % (times[len(times) // 2], items))


if __name__ == "__main__":
    main()

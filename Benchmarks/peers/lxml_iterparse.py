"""Peer for the XML readers: Python lxml iterparse, clearing each record as it goes (the way
the lxml documentation reads large files), keeping every record's fields as strings.

    python lxml_iterparse.py FILE RUNS

Reads FILE once as a warm-up, then RUNS times; prints `median_s=… items=…`.
"""

import sys
import time

from lxml import etree


def read(path):
    records = []
    for _, elem in etree.iterparse(path, events=("end",), tag=("result", "entry", "patient")):
        if elem.tag == "entry":
            fields = [elem.get("date"), elem.get("time")]
            for child in elem:
                fields.extend(child.attrib.values())
                if child.text:
                    fields.append(child.text)
            records.append(tuple(fields))
        elif elem.tag == "result":
            records.append((elem.get("patient"), elem.get("collected"), elem.get("test"), elem.get("loinc"),
                            elem.get("unit"), elem.get("low"), elem.get("high"), elem.text))
        else:
            records.append(tuple(elem.attrib.values()))
        elem.clear()
        parent = elem.getparent()
        if parent is not None:
            while elem.getprevious() is not None:
                del parent[0]
    return len(records)


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

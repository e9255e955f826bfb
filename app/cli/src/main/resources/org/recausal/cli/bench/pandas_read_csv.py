"""Times pandas.read_csv on one file, as `recausal bench data` compares it with Recausal's reader.

Prints one JSON line: rows, wall and CPU seconds of read_csv, peak resident memory of this process (ru_maxrss),
the frame's memory (deep, counting the Python strings of object columns) and the pandas version.
"""
import json
import resource
import sys
import time

import pandas as pd

path = sys.argv[1]
wall = time.perf_counter()
cpu = time.process_time()
frame = pd.read_csv(path)
wall = time.perf_counter() - wall
cpu = time.process_time() - cpu
print(json.dumps({
    "rows": len(frame),
    "seconds": wall,
    "cpuSeconds": cpu,
    # Linux reports ru_maxrss in KiB
    "peakRssBytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    "frameBytes": int(frame.memory_usage(deep=True).sum()),
    "pandas": pd.__version__,
}))

"""Python jieba 0.42.1 on one benchmark corpus, measured like bench/measure.ts
(same modes, same inputs, MB/s of UTF-8 input), printed as one JSON line."""

import json
import resource
import sys
import time

started = time.perf_counter()
import jieba  # noqa: E402
import jieba.analyse  # noqa: E402
import jieba.posseg  # noqa: E402

jieba.setLogLevel(60)
jieba.initialize()
load_ms = (time.perf_counter() - started) * 1000

lines = [l for l in open(sys.argv[1], encoding="utf-8").read().split("\n") if l]
documents = ["\n".join(lines[i:i + 20]) for i in range(0, len(lines), 20)]
size = sum(len(l.encode("utf-8")) for l in lines)

MODES = {
    "cut": lambda t: jieba.lcut(t),
    "cutNoHmm": lambda t: jieba.lcut(t, HMM=False),
    "cutAll": lambda t: jieba.lcut(t, cut_all=True),
    "cutForSearch": lambda t: jieba.lcut_for_search(t),
    "tag": lambda t: jieba.posseg.lcut(t),
    "keywords": lambda d: jieba.analyse.extract_tags(d, topK=20),
    # KEYWORD_POS of bench/engines.ts.
    "keywordsPos": lambda d: jieba.analyse.extract_tags(d, topK=20, allowPOS=("ns", "n", "vn", "v")),
}

result = {"engine": "Python jieba", "version": jieba.__version__, "loadMs": load_ms, "mbps": {}, "tokens": {}}
for mode, fn in MODES.items():
    inputs = documents if mode.startswith("keywords") else lines
    # One pass: Python is slow enough that a pass takes seconds.
    start = time.perf_counter()
    tokens = sum(len(fn(t)) for t in inputs)
    result["mbps"][mode] = size / (time.perf_counter() - start) / 1e6
    result["tokens"][mode] = tokens
result["peakRssMiB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(result))

"""What jieba 0.42.1's engine pieces compute, one by one, for unit tests.

Reads a JSON object {"route": [sentences], "hmm": [sentences]} on standard
input; prints a JSON object with, for each route sentence, Python's
`Tokenizer.calc` route (for each position: the best log-probability of the
rest and the inclusive end of its first word), and for each HMM sentence,
`jieba.finalseg.viterbi`'s probability and state path. Floats are printed
as Python's repr, which reads back to the same double.
"""

import json
import sys

import jieba
import jieba.finalseg as finalseg

jieba.setLogLevel(60)
jieba.initialize()
cases = json.load(sys.stdin)
route_out = []
for sentence in cases["route"]:
    dag = jieba.dt.get_DAG(sentence)
    route = {}
    jieba.dt.calc(sentence, dag, route)
    route_out.append({"text": sentence, "route": [[route[i][0], route[i][1]] for i in range(len(sentence))]})
hmm_out = []
for sentence in cases["hmm"]:
    prob, path = finalseg.viterbi(sentence, "BMES", finalseg.start_P, finalseg.trans_P, finalseg.emit_P)
    hmm_out.append({"text": sentence, "prob": prob, "path": "".join(path)})
json.dump({"route": route_out, "hmm": hmm_out}, sys.stdout, ensure_ascii=False, indent=1)
sys.stdout.write("\n")

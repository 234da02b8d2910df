"""What jieba 0.42.1's engine pieces compute, one by one, for unit tests.

Reads a JSON object {"texts": [...], "route": [...], "hmm": [...],
"blocks": [...], "unknown": [...], "userdict": [...]} of sentences on
standard input; prints a JSON object with, for each text, `jieba.lcut` with
and without the HMM and in full mode; for each route sentence, Python's `Tokenizer.calc` route (for each position:
the best log-probability of the rest and the inclusive end of its first
word); for each HMM sentence, `jieba.finalseg.viterbi`'s probability and
state path; for each block (one `re_han_default` match, as `Tokenizer.cut`
hands them on), the words of `__cut_DAG`, `__cut_DAG_NO_HMM`, `__cut_all`
and `cut_for_search`; for each unknown-word text, `finalseg.cut`'s
words; and for each user-dictionary line, what `load_userdict` reads from it
(word, frequency, tag; or nothing for a blank line); for the dictionary case,
`gen_pfdict`'s FREQ and total over its text, then after each `add_word`
(or `del_word`) in turn the total, `FREQ.get` of the probe words and
`get_DAG` of the probe sentences. Floats are printed as Python's repr, which reads back to the same
double.
"""

import io
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
dt = jieba.dt
blocks_out = []
for block in cases["blocks"]:
    blocks_out.append({
        "text": block,
        "hmm": list(dt._Tokenizer__cut_DAG(block)),
        "noHmm": list(dt._Tokenizer__cut_DAG_NO_HMM(block)),
        "all": list(dt._Tokenizer__cut_all(block)),
        "search": list(dt.cut_for_search(block)),
    })
unknown_out = [{"text": text, "words": list(finalseg.cut(text))} for text in cases["unknown"]]
# load_userdict's reading of a line (it reads bytes): stripped of ASCII
# whitespace, decoded, a BOM dropped, skipped when empty, then re_userdict's groups.
userdict_out = []
for raw in cases["userdict"]:
    line = raw.encode("utf-8").strip().decode("utf-8").lstrip("\ufeff")
    if not line:
        userdict_out.append({"line": raw, "entry": None})
        continue
    word, freq, tag = jieba.re_userdict.match(line).groups()
    userdict_out.append({"line": raw, "entry": [word, int(freq.strip()) if freq is not None else None, tag.strip() if tag is not None else None]})
dict_case = cases["dictionary"]
freq, total = jieba.Tokenizer.gen_pfdict(io.BytesIO(dict_case["text"].encode("utf-8")))
small = jieba.Tokenizer()
small.FREQ, small.total, small.initialized = dict(freq), total, True


def dictionary_state():
    return {
        "total": small.total,
        "freq": {word: small.FREQ.get(word) for word in dict_case["probes"]},
        "dag": {sentence: {str(k): ends for k, ends in small.get_DAG(sentence).items()} for sentence in dict_case["sentences"]},
    }


dictionary_out = {"text": dict_case["text"], "freq": freq, "total": total, "start": dictionary_state(), "ops": []}
for word, word_freq in dict_case["ops"]:
    if word_freq == 0:
        small.del_word(word)
    else:
        small.add_word(word, word_freq)
    dictionary_out["ops"].append({"word": word, "wordFreq": word_freq, **dictionary_state()})
texts_out = [{"text": text, "hmm": jieba.lcut(text), "noHmm": jieba.lcut(text, HMM=False), "all": jieba.lcut(text, cut_all=True)} for text in cases["texts"]]
json.dump({"texts": texts_out, "route": route_out, "hmm": hmm_out, "blocks": blocks_out, "unknown": unknown_out, "userdict": userdict_out, "dictionary": dictionary_out}, sys.stdout, ensure_ascii=False, indent=1)
sys.stdout.write("\n")

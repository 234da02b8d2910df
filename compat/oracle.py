"""The reference side of the differential harness: Python jieba 0.42.1.

Reads JSON lines {"text": str} on standard input and writes, for each, one
JSON line with what Python jieba returns in every mode jieba-ts reproduces.
POS tags (posseg) are written as flat lists [word0, tag0, word1, tag1, ...].
Tokenize results are written as flat offset lists [start0, end0, start1, ...]
in code points; their words are checked here against the matching cut
(tokenize's words are, by construction, lcut's or lcut_for_search's), and a
disagreement is reported as an error rather than hidden.

The analyzer mode is jieba.analyse.ChineseAnalyzer() (it needs Debian's
python3-whoosh), as flat lists [text0, pos0, startchar0, endchar0, ...];
with DICT it cuts with that dictionary's tokenizer, as jieba-ts's analyzer
does with the tokenizer it is given.

Run with Debian's interpreter: /usr/bin/python3 compat/oracle.py [DICT]
With DICT, a jieba.Tokenizer(DICT) is used instead of the default one.
With JIEBA_MODES=tag,tag_no_hmm in the environment, only the tag modes are run.
"""

import json
import os
import sys

import jieba
import jieba.posseg

jieba.setLogLevel(60)
tk = jieba.Tokenizer(sys.argv[1]) if len(sys.argv) > 1 else jieba.dt
tk.initialize()
pos = jieba.posseg.POSTokenizer(tk)


def offsets(tokens, words):
    flat = []
    got = []
    for word, start, end in tokens:
        got.append(word)
        flat.append(start)
        flat.append(end)
    if got != words:
        raise SystemExit("tokenize words differ from cut words for %r" % (words,))
    return flat


def analyzed(text):
    if not hasattr(analyzed, "analyzer"):
        from jieba.analyse import ChineseAnalyzer

        # The analyzer calls jieba.tokenize, the default tokenizer's: point it at tk.
        jieba.tokenize = tk.tokenize
        analyzed.analyzer = ChineseAnalyzer()
    flat = []
    # Whoosh yields one Token object again and again: read it as it comes.
    for token in analyzed.analyzer(text):
        flat += [token.text, token.pos, token.startchar, token.endchar]
    return flat


def tagged(pairs):
    flat = []
    for word, flag in pairs:
        flat.append(word)
        flat.append(flag)
    return flat


MODES = [m for m in os.environ.get("JIEBA_MODES", "").split(",") if m]


def run(text):
    if MODES == ["tag", "tag_no_hmm"]:
        return {"tag": tagged(pos.lcut(text)), "tag_no_hmm": tagged(pos.lcut(text, HMM=False))}
    cut = tk.lcut(text)
    cut_no_hmm = tk.lcut(text, HMM=False)
    search = tk.lcut_for_search(text)
    search_no_hmm = tk.lcut_for_search(text, HMM=False)
    return {
        "cut": cut,
        "cut_no_hmm": cut_no_hmm,
        "cut_all": tk.lcut(text, cut_all=True),
        "search": search,
        "search_no_hmm": search_no_hmm,
        "tokenize": offsets(tk.tokenize(text), cut),
        "tokenize_no_hmm": offsets(tk.tokenize(text, HMM=False), cut_no_hmm),
        "tokenize_search": offsets(tk.tokenize(text, mode="search"), search),
        "tokenize_search_no_hmm": offsets(tk.tokenize(text, mode="search", HMM=False), search_no_hmm),
        "tag": tagged(pos.lcut(text)),
        "tag_no_hmm": tagged(pos.lcut(text, HMM=False)),
        "analyzer": analyzed(text),
    }


def main():
    out = sys.stdout
    for line in sys.stdin:
        request = json.loads(line)
        result = run(request["text"])
        # ensure_ascii keeps lone surrogates representable as \\udXXXX escapes.
        out.write(json.dumps(result, ensure_ascii=True) + "\n")


if __name__ == "__main__":
    main()

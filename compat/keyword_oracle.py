"""The reference side of the keyword comparisons: jieba.analyse 0.42.1.

Reads JSON lines {"text": str} and writes, for each, one JSON line with
the results of several extract_tags and textrank calls (see VARIANTS); pairs
are written as [word, flag], weighted items as [item, weight] with the
weight as float.hex() so no digit is lost.

    keyword_oracle.py [--idf PATH] [--stop-words PATH] [--user-dict PATH]

--user-dict gives jieba.load_userdict(PATH) first (the words change the
cut and, with their tags, posseg's tags); --idf gives jieba.analyse.set_idf_path(PATH) first, --stop-words
jieba.analyse.set_stop_words(PATH) (which adds to the stop words of both
extract_tags and textrank).
"""

import json
import sys

import jieba
import jieba.analyse

jieba.setLogLevel(60)

VARIANTS = {
    "tfidf": lambda t: jieba.analyse.extract_tags(t),
    "tfidf_weight_all": lambda t: jieba.analyse.extract_tags(t, topK=None, withWeight=True),
    "tfidf_pos_flag": lambda t: jieba.analyse.extract_tags(t, topK=10, withWeight=True, allowPOS=("ns", "n", "vn", "v", "nr"), withFlag=True),
    "tfidf_pos": lambda t: jieba.analyse.extract_tags(t, topK=0, allowPOS=("n", "eng", "m", "x")),
    "textrank": lambda t: jieba.analyse.textrank(t),
    "textrank_weight_all": lambda t: jieba.analyse.textrank(t, topK=None, withWeight=True),
    "textrank_flag": lambda t: jieba.analyse.textrank(t, topK=15, withWeight=True, withFlag=True, allowPOS=("n", "nr", "ns", "v", "eng")),
}


def plain(item):
    if isinstance(item, tuple):
        return [plain(item[0]), float(item[1]).hex()]
    if hasattr(item, "flag"):
        return [item.word, item.flag]
    return item


def main():
    args = sys.argv[1:]
    for flag, setter in (
        ("--user-dict", jieba.load_userdict),
        ("--idf", jieba.analyse.set_idf_path),
        ("--stop-words", jieba.analyse.set_stop_words),
    ):
        if flag in args:
            setter(args[args.index(flag) + 1])
    for line in sys.stdin:
        text = json.loads(line)["text"]
        out = {name: [plain(x) for x in f(text)] for name, f in VARIANTS.items()}
        sys.stdout.write(json.dumps(out, ensure_ascii=True) + "\n")


if __name__ == "__main__":
    main()

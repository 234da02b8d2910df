"""The reference side of the dictionary scenarios: Python jieba 0.42.1.

Reads JSON lines, each a scenario {"dict": path or null, "ops": [...]}, and
writes one JSON line per scenario with the result of each operation. Each
scenario gets a fresh jieba.Tokenizer; jieba's global force-split set
(filled by del_word) is emptied first, so scenarios do not leak into each
other (jieba-ts keeps that set per tokenizer).

Operations:
  ["load_userdict", path]            -> null
  ["add_word", word, freq, tag]      -> null   (freq and tag may be null)
  ["del_word", word]                 -> null
  ["suggest_freq", str or [str], tune] -> int
  ["set_dictionary", path]           -> null
  ["cut", text, hmm]                 -> [str]
  ["cut_all", text]                  -> [str]
  ["search", text, hmm]              -> [str]
  ["tag", text, hmm]                 -> [word, tag, word, tag, ...] (posseg)
  ["total"]                          -> int
  ["freq", word]                     -> int or null
Errors are reported as {"error": "ExceptionName: message"}.
"""

import json
import sys

import jieba
import jieba.finalseg
import jieba.posseg

jieba.setLogLevel(60)


def run(scenario):
    jieba.finalseg.Force_Split_Words.clear()
    tokenizer = jieba.Tokenizer(scenario["dict"]) if scenario.get("dict") else jieba.Tokenizer()
    pos = None
    results = []
    for op in scenario["ops"]:
        name, args = op[0], op[1:]
        try:
            if name == "load_userdict":
                tokenizer.load_userdict(args[0])
                results.append(None)
            elif name == "add_word":
                tokenizer.add_word(args[0], args[1], args[2])
                results.append(None)
            elif name == "del_word":
                tokenizer.del_word(args[0])
                results.append(None)
            elif name == "suggest_freq":
                segment = args[0] if isinstance(args[0], str) else tuple(args[0])
                results.append(tokenizer.suggest_freq(segment, args[1]))
            elif name == "set_dictionary":
                tokenizer.set_dictionary(args[0])
                results.append(None)
            elif name == "cut":
                results.append(tokenizer.lcut(args[0], HMM=args[1]))
            elif name == "cut_all":
                results.append(tokenizer.lcut(args[0], cut_all=True))
            elif name == "search":
                results.append(tokenizer.lcut_for_search(args[0], HMM=args[1]))
            elif name == "tag":
                # Created at the first tag, like jieba.posseg's default one at import.
                pos = pos or jieba.posseg.POSTokenizer(tokenizer)
                flat = []
                for word, flag in pos.lcut(args[0], HMM=args[1]):
                    flat += [word, flag]
                results.append(flat)
            elif name == "total":
                tokenizer.check_initialized()
                results.append(tokenizer.total)
            elif name == "freq":
                tokenizer.check_initialized()
                results.append(tokenizer.FREQ.get(args[0]))
            else:
                raise SystemExit("unknown operation %r" % (name,))
        except Exception as error:  # reported, as jieba-ts must fail at the same place
            results.append({"error": "%s: %s" % (type(error).__name__, error)})
    return results


def main():
    for line in sys.stdin:
        sys.stdout.write(json.dumps(run(json.loads(line)), ensure_ascii=True) + "\n")


if __name__ == "__main__":
    main()

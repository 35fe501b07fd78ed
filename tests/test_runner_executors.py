"""Executors: worker processes and a Dask cluster give exactly the outputs of a run in this process."""

from __future__ import annotations

import pytest

from claimweave.executors import ExecutorError, make_executor, ordered
from claimweave.runner import Settings, run
from runner_helpers import copy_corpus, output_tree


class _Done:
    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


@pytest.mark.parametrize("window", [1, 2, 5, 100])
def test_ordered_keeps_input_order_and_bounds_what_is_in_flight(window):
    submitted: list[int] = []
    consumed: list[int] = []

    def submit(item):
        submitted.append(item)
        assert len(submitted) - len(consumed) <= window
        return _Done(item * 10)

    for value in ordered(submit, range(12), window):
        consumed.append(value // 10)
    assert consumed == list(range(12))


def test_unknown_executor_is_a_usage_error():
    with pytest.raises(ExecutorError, match="unknown executor 'spark'"):
        make_executor("spark", 1)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return copy_corpus(tmp_path_factory.mktemp("executors") / "corpus")


@pytest.fixture(scope="module")
def local_outputs(corpus, tmp_path_factory, nlp):
    out = tmp_path_factory.mktemp("local") / "out"
    run([str(corpus)], out, Settings(batch_size=2), use_cache=False)
    return output_tree(out)


def test_worker_processes_match_a_single_process_run(corpus, local_outputs, tmp_path):
    out = tmp_path / "out"
    summary = run([str(corpus)], out, Settings(batch_size=2), jobs=2, use_cache=False)
    assert not summary.errors
    assert output_tree(out) == local_outputs


def test_dask_local_cluster_matches_a_single_process_run(corpus, local_outputs, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        out = tmp_path / "out"
        summary = run(
            [str(corpus)], out, Settings(batch_size=2), executor="dask", scheduler=cluster.scheduler_address, use_cache=False
        )
    assert not summary.errors
    assert output_tree(out) == local_outputs


def test_a_document_that_cannot_be_analysed_costs_only_itself(tmp_path, nlp, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The minister met the envoy in Paris on Monday.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("Talks resumed. " * 200, encoding="utf-8")
    (corpus / "c.txt").write_text("Dana Holt visited Berlin.\n", encoding="utf-8")
    monkeypatch.setattr(nlp, "max_length", 1000)  # b.txt is longer
    errors = []
    summary = run([str(corpus)], tmp_path / "out", Settings(), on_error=errors.append)
    assert summary.documents == 2
    assert [(e.path.endswith("b.txt"), "too long to analyse" in e.message) for e in errors] == [(True, True)]
    assert sorted(p.name for p in (tmp_path / "out" / "documents").iterdir()) == ["a.json", "c.json"]


def test_dask_workers_with_another_installation_are_refused(nlp):
    distributed = pytest.importorskip("distributed")
    from claimweave.executors import DaskExecutor

    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        with pytest.raises(ExecutorError, match="Dask worker runs claimweave 0.0.0-other, not claimweave"):
            DaskExecutor(1, cluster.scheduler_address, warmup=lambda: "claimweave 0.0.0-other", expect="claimweave 0.1.0")

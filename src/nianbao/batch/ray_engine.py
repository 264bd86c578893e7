"""The batch job on Ray: one actor per worker, each loading the model once.

`address=None` starts a private local Ray instance (what the tests do); `"auto"` joins the
cluster this machine belongs to (`ray start --head` / `ray start --address=...`); a
`ray://host:10001` address connects through Ray Client. Documents are shipped with their
task, so the cluster's machines need nianbao installed but no shared filesystem.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from nianbao.batch.worker import DocResult, limit_threads, process_group
from nianbao.pipeline import CheckOptions


def run_groups(groups: Iterable[list[tuple[str, str, bytes | None]]], options: CheckOptions, workers: int,
               address: str | None = None) -> Iterator[DocResult]:
    import ray

    started_here = not ray.is_initialized()
    if started_here:
        if address is None:
            ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False,
                     configure_logging=False, runtime_env={"env_vars": {"OMP_NUM_THREADS": "1"}})
        else:
            ray.init(address=address, log_to_driver=False, configure_logging=False)

    @ray.remote(num_cpus=1)
    class Worker:
        def __init__(self, check_options: CheckOptions):
            limit_threads(1)
            self.options = check_options

        def process(self, items):
            return process_group(items, self.options)

    try:
        actors = [Worker.remote(options) for _ in range(workers)]
        idle = list(actors)
        in_flight: dict = {}
        groups_iter = iter(groups)
        exhausted = False
        while True:
            while idle and not exhausted:
                group = next(groups_iter, None)
                if group is None:
                    exhausted = True
                    break
                actor = idle.pop()
                in_flight[actor.process.remote(group)] = actor
            if not in_flight:
                break
            (ready,), _ = ray.wait(list(in_flight), num_returns=1)
            idle.append(in_flight.pop(ready))
            yield from ray.get(ready)
    finally:
        if started_here:
            ray.shutdown()

"""Timing of a stand-in's task, shared by the purchase peers."""
import time


def timed(task, repeats):
    """The median wall time and the mean CPU time of `repeats` runs of `task`, in milliseconds, and its last value."""
    times = []
    cpu = []
    for _ in range(repeats):
        start = time.perf_counter()
        start_cpu = time.process_time()
        value = task()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return (sorted(times)[len(times) // 2], sum(cpu) / len(cpu)), value

/**
 * A pool of a few workers: at most `limit` tasks run at once, the rest wait their turn in arrival order. Two things
 * in the deck are built on it: a pre-fork server's sync workers (each serves one request at a time, the others
 * queue in the listen backlog) and a client that caps its concurrent calls (HotROD's frontend sends its calls to
 * `route` through a pool of 3 workers, `--fix-route-worker-pool-size`).
 */
import { context } from '@opentelemetry/api';

export class WorkerPool {
  private running = 0;
  private readonly queue: Array<() => void> = [];

  /**
   * Run `task` when a worker is free; the limit is read at each start, so a switch takes effect on the next task.
   * A limit of 0 (or less) means no pool: the task starts at once. The task runs in the OTel context of the call,
   * not in that of the task whose end freed its worker.
   */
  run<T>(limit: number, task: () => Promise<T>): Promise<T> {
    if (!(limit > 0)) return task();
    const bound = context.bind(context.active(), task);
    return new Promise<T>((resolve, reject) => {
      const start = (): void => {
        this.running++;
        bound()
          .then(resolve, reject)
          .finally(() => {
            this.running--;
            this.next(limit);
          });
      };
      if (this.running < limit) start();
      else this.queue.push(start);
    });
  }

  private next(limit: number): void {
    while (this.running < limit && this.queue.length > 0) this.queue.shift()!();
  }
}

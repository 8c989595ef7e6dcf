/**
 * A bounded, observable log of records of any shape: what a service writes, one record per line, oldest dropped
 * first. (TimingLog is the workshop's text-only log; this one keeps the fields a line was printed from.)
 */
export class LineLog<T> {
  private lines: T[] = [];
  private readonly observers = new Set<(line: T) => void>();

  constructor(private readonly limit = 2_000) {}

  write(line: T): void {
    this.lines.push(line);
    if (this.lines.length > this.limit) this.lines.splice(0, this.lines.length - this.limit);
    this.observers.forEach((o) => { o(line); });
  }

  all(): readonly T[] {
    return this.lines;
  }

  clear(): void {
    this.lines = [];
  }

  /** Be told of every line written; returns the unsubscribe. */
  observe(observer: (line: T) => void): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }
}

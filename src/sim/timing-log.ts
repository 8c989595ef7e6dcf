/**
 * The log file of the workshop's first steps (timing.log): lines written by hand-made timing code, before any
 * tracing. Bounded, observable, and stamped with simulated time.
 */

export interface LogLine {
  readonly atMs: number;
  readonly text: string;
  /** The correlation id the line carries (level 3), if any. */
  readonly requestId?: string;
}

export class TimingLog {
  private lines: LogLine[] = [];
  private readonly observers = new Set<(line: LogLine) => void>();

  constructor(private readonly limit = 200) {}

  write(line: LogLine): void {
    this.lines.push(line);
    if (this.lines.length > this.limit) this.lines.splice(0, this.lines.length - this.limit);
    this.observers.forEach((o) => { o(line); });
  }

  all(): readonly LogLine[] {
    return this.lines;
  }

  clear(): void {
    this.lines = [];
  }

  observe(observer: (line: LogLine) => void): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }
}

/** Seconds with three decimals, as the workshop's timing code printed them. */
export function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

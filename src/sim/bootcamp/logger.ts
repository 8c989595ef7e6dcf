/**
 * Application logs beside traces: a logger that writes each line with the trace id and span id of the span active
 * when it was called, read from the OpenTelemetry context, into an in-memory sink (standing in for CloudWatch Logs,
 * where the bootcamp ships its Flask logs). A line and a span that share ids can be joined: from a log line to the
 * span that was running when it was written, and back.
 */
import { context, trace } from '@opentelemetry/api';
import type { Clock } from '../clock';

type LogLevel = 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR';

/** One log line, as the sink keeps it. */
export interface LogLine {
  /** Increasing per sink, so a view can key its rows. */
  readonly seq: number;
  /** Simulated time, epoch ms. */
  readonly timeMs: number;
  readonly level: LogLevel;
  /** The logger's name, e.g. the service. */
  readonly logger: string;
  readonly message: string;
  /** The active span's trace id, or undefined when no span was active (a line that no trace can claim). */
  readonly traceId?: string;
  readonly spanId?: string;
  /**
   * A log record's attributes: `exception.type`, `exception.message` and `exception.stacktrace` on a line written by
   * `Logger.exception`, as the semantic conventions for exceptions in logs name them.
   */
  readonly attributes?: Readonly<Record<string, string>>;
}

/** An in-memory, bounded log store that views subscribe to. */
export class LogSink {
  private kept: LogLine[] = [];
  private seq = 0;
  private readonly listeners = new Set<(line: LogLine) => void>();

  /** A deck runs for an hour: keep the last `maxLines` lines only. */
  constructor(readonly maxLines = 200) {}

  write(line: Omit<LogLine, 'seq'>): void {
    const full: LogLine = { ...line, seq: this.seq++ };
    this.kept.push(full);
    if (this.kept.length > this.maxLines) this.kept.splice(0, this.kept.length - this.maxLines);
    this.listeners.forEach((l) => { l(full); });
  }

  get lines(): readonly LogLine[] {
    return this.kept;
  }

  /** Listen for new lines; returns the function that stops listening. */
  subscribe(listener: (line: LogLine) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  clear(): void {
    this.kept = [];
  }
}

/** What application code calls, like Python's `LOGGER.info(...)`. */
export interface Logger {
  log(level: LogLevel, message: string, attributes?: Readonly<Record<string, string>>): void;
  info(message: string): void;
  /**
   * Like Python's `LOGGER.exception(...)` inside an `except` block: an ERROR record that carries the exception as
   * `exception.type`, `exception.message` and `exception.stacktrace`, with the active span's ids. That is how the
   * semantic conventions now record an exception (`exceptions-logs.md`): a log record correlated with the span,
   * rather than an event on it.
   */
  exception(message: string, error: unknown): void;
}

/** The `exception.*` attributes of a log record for `error`. */
function exceptionAttributes(error: unknown): Record<string, string> {
  const err = error instanceof Error ? error : new Error(String(error));
  return {
    'exception.type': err.name || 'Error',
    'exception.message': err.message,
    ...(err.stack ? { 'exception.stacktrace': err.stack } : {}),
  };
}

export function createLogger(name: string, sink: LogSink, clock: Clock): Logger {
  const log = (level: LogLevel, message: string, attributes?: Readonly<Record<string, string>>): void => {
    // Only a valid, recording context counts: a non-recording placeholder span has all-zero ids.
    const span = trace.getSpan(context.active());
    const ids = span && trace.isSpanContextValid(span.spanContext()) ? span.spanContext() : undefined;
    sink.write({
      timeMs: clock.now(),
      level,
      logger: name,
      message,
      ...(ids ? { traceId: ids.traceId, spanId: ids.spanId } : {}),
      ...(attributes ? { attributes } : {}),
    });
  };
  return { log, info: (message) => log('INFO', message), exception: (message, error) => log('ERROR', message, exceptionAttributes(error)) };
}

/** A line as a terminal shows it: `2024-05-01T12:00:00.000Z INFO backend-flask HomeActivities trace_id=… span_id=…`. */
export function formatLogLine(line: LogLine): string {
  const ids = line.traceId ? ` trace_id=${line.traceId} span_id=${line.spanId ?? ''}` : '';
  const type = line.attributes?.['exception.type'];
  const exception = type ? ` exception.type=${type}` : '';
  return `${new Date(line.timeMs).toISOString()} ${line.level} ${line.logger} ${line.message}${exception}${ids}`;
}

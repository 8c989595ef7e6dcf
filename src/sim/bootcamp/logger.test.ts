import { context, trace } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { installGlobalContext } from '../../telemetry/global-context';
import { VirtualClock } from '../clock';
import { createLogger, formatLogLine, LogSink } from './logger';

const IDS = { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: 1 };

describe('the log sink and logger', () => {
  it('leaves the ids out when no span is active, and formats a line for a terminal', () => {
    const sink = new LogSink();
    createLogger('backend-flask', sink, new VirtualClock(Date.UTC(2024, 4, 1, 12))).info('HomeActivities');
    expect(sink.lines[0]).not.toHaveProperty('traceId');
    expect(formatLogLine(sink.lines[0]!)).toBe('2024-05-01T12:00:00.000Z INFO backend-flask HomeActivities');
  });

  it('reads the ids of the span in the active context', () => {
    installGlobalContext();
    const sink = new LogSink();
    const logger = createLogger('svc', sink, new VirtualClock(0));
    context.with(trace.setSpanContext(context.active(), IDS), () => logger.info('inside'));
    expect(sink.lines[0]).toMatchObject({ traceId: IDS.traceId, spanId: IDS.spanId, message: 'inside' });
  });

  it('keeps the last lines only, and tells subscribers of each new one', () => {
    const sink = new LogSink(3);
    const seen: string[] = [];
    const stop = sink.subscribe((l) => seen.push(l.message));
    const logger = createLogger('svc', sink, new VirtualClock(0));
    for (let i = 0; i < 5; i++) logger.info(`line ${i}`);
    stop();
    logger.info('after');
    expect(sink.lines.map((l) => l.message)).toEqual(['line 3', 'line 4', 'after']);
    expect(seen).toHaveLength(5);
    expect(sink.listenerCount).toBe(0);
  });
});

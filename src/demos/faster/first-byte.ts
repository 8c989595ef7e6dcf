/**
 * Time to first byte of a pairing, read from its root span: a streamed pairing says when its first chunk left
 * (`app.response.first_chunk_ms`); a response sent whole leaves with its last byte, at the span's end.
 */
import { ATTR_FIRST_CHUNK_MS } from '../../sim/matchmaker/web';
import type { SpanRecord } from '../../telemetry/span-record';

export function firstByteMs(root: SpanRecord): number {
  const first = root.attributes[ATTR_FIRST_CHUNK_MS];
  return typeof first === 'number' ? first : root.endMs - root.startMs;
}

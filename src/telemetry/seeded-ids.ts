/**
 * Span and trace ids drawn from a seeded stream instead of `Math.random`, for demos whose ids are the lesson (the
 * anatomy of a span prints them): the same page seed then shows the same ids, on stage and in the PDF.
 */
import type { IdGenerator } from '@opentelemetry/sdk-trace-base';

/** Eight hex digits from one draw in [0, 1); 2^32 values, so every digit is uniform. */
function hex8(next: () => number): string {
  return Math.floor(next() * 0x1_0000_0000)
    .toString(16)
    .padStart(8, '0');
}

/**
 * An `IdGenerator` over `next`, a source of floats in [0, 1) (a seeded `Random`'s `next`). An all-zero id is
 * invalid in W3C Trace Context, so one is drawn again (a 2^-64 chance, but a seed could hit it).
 */
export function seededIdGenerator(next: () => number): IdGenerator {
  const id = (words: number): string => {
    for (;;) {
      let text = '';
      for (let i = 0; i < words; i++) text += hex8(next);
      if (/[^0]/.test(text)) return text;
    }
  };
  return { generateTraceId: () => id(4), generateSpanId: () => id(2) };
}

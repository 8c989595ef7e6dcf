/**
 * What each workshop step's slide shows and lets the audience do, from its `data-step` attribute. Pure data.
 */
import type { InstrumentationSettings, Level } from '../../sim/instrumentation';

type StepId = '0' | '1' | '2' | '3' | '5' | '6' | '7' | '8' | 'tag' | 'error';

export interface StepConfig {
  readonly id: StepId;
  readonly instrumentation: Partial<InstrumentationSettings> & { level: Level };
  /** Show the timing log (levels 1–3) rather than a trace. */
  readonly log: boolean;
  /** Show the live trace. */
  readonly trace: boolean;
  /** Offer "two pairings at once", to show interleaved log lines. */
  readonly concurrent: boolean;
  /** The switches offered on the slide. */
  readonly switches: ReadonlyArray<'propagate' | 'tagBeer' | 'failPairing'>;
  /** Show the headers that crossed to taster, in W3C and vendor form, and the list of traces a request made. */
  readonly wire: boolean;
  /** `web` writes the workshop vendor's headers beside `traceparent` (its propagator composed with W3C's). */
  readonly vendorHeaders: boolean;
  /** Select this span in the trace when it arrives, to open its details (the root or the span in error). */
  readonly select: 'none' | 'root' | 'error';
}

const base = { log: false, trace: false, concurrent: false, switches: [], wire: false, vendorHeaders: false, select: 'none' } as const;

const STEPS: Readonly<Record<StepId, StepConfig>> = {
  '0': { ...base, id: '0', instrumentation: { level: 0 } },
  '1': { ...base, id: '1', instrumentation: { level: 1 }, log: true },
  '2': { ...base, id: '2', instrumentation: { level: 2 }, log: true },
  '3': { ...base, id: '3', instrumentation: { level: 3 }, log: true, concurrent: true },
  '5': { ...base, id: '5', instrumentation: { level: 5 }, trace: true },
  '6': { ...base, id: '6', instrumentation: { level: 6 }, trace: true },
  '7': { ...base, id: '7', instrumentation: { level: 7 }, trace: true },
  '8': { ...base, id: '8', instrumentation: { level: 8 }, trace: true, switches: ['propagate'], wire: true, vendorHeaders: true },
  tag: { ...base, id: 'tag', instrumentation: { level: 8, tagBeer: false }, trace: true, switches: ['tagBeer'], select: 'root' },
  error: { ...base, id: 'error', instrumentation: { level: 8, failPairing: false }, trace: true, switches: ['failPairing'], select: 'error' },
};

/** The step a slide asks for, or undefined when the attribute names none. */
export function stepConfig(attr: string | undefined): StepConfig | undefined {
  return attr !== undefined && Object.hasOwn(STEPS, attr) ? STEPS[attr as StepId] : undefined;
}

export const SWITCH_LABELS = {
  propagate: 'Propagate context to taster',
  tagBeer: 'Tag the span with the beer',
  failPairing: 'Make pairing fail',
} as const;

/**
 * The dialects the demo shows: OpenTelemetry JS's own propagators, then Datadog's headers, which OTel JS has no
 * propagator for (the deck's own, `sim/vendor-propagator.ts`, tested against dd-trace's names and formats).
 */
import { VendorPropagator } from '../../sim/vendor-propagator';
import { OTEL_DIALECTS } from '../../telemetry/dialects';
import type { DialectMaker } from './every-dialect';

export const DEMO_DIALECTS: readonly DialectMaker[] = [
  ...OTEL_DIALECTS,
  { id: 'datadog', label: 'Datadog', speakers: 'dd-trace (ids in decimal)', make: () => new VendorPropagator() },
];

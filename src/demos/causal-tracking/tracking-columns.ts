/**
 * What each scheme's column shows, worked out purely from the workflow, the skew and the loss: the bytes per hop,
 * the rebuilt order with what each record carries, the warnings, the edge score and whether completeness is known.
 */
import { metadataBytes, rebuild, recordWorkflow, SCHEMES, scoreEdges, trueEdges, type Scheme, type TraceRecord, type Workflow } from '../../analysis/causal-tracking';

export interface TrackingColumn {
  readonly scheme: Scheme;
  readonly title: string;
  readonly hops: readonly string[];
  /** One line per record, in the rebuilt order: what the record carries in this scheme. */
  readonly lines: readonly string[];
  readonly warnings: readonly string[];
  readonly score: string;
  readonly completeness: string;
}

const TITLES: Readonly<Record<Scheme, string>> = {
  'request-id': 'Request id only',
  lamport: '+ logical clock (Lamport)',
  'previous-points': '+ previous trace points',
};

function lineOf(scheme: Scheme, r: TraceRecord): string {
  const head = `${r.host} ${r.name}`;
  if (scheme === 'request-id') return `${r.localMs.toFixed(1)} ms  ${head}`;
  if (scheme === 'lamport') return `L=${r.lamport}  ${head}`;
  return `${r.id}  ${head}  after [${r.history.join(' ')}]`;
}

export function trackingColumns(wf: Workflow, skewMs: Readonly<Record<string, number>>, lost: readonly string[]): TrackingColumn[] {
  const records = recordWorkflow(wf, skewMs);
  const kept = records.filter((r) => !lost.includes(r.id));
  const keptIds = new Set(kept.map((r) => r.id));
  const truth = trueEdges(wf, keptIds);
  const hops = metadataBytes(wf, records);
  const host = new Map(wf.points.map((p) => [p.id, p.host]));
  const byId = new Map(kept.map((r) => [r.id, r]));
  return SCHEMES.map((scheme) => {
    const rebuilt = rebuild(scheme, kept, wf.entryHost);
    const score = scoreEdges(rebuilt, truth);
    return {
      scheme,
      title: TITLES[scheme],
      hops: hops.map((h) => `${host.get(h.from)}→${host.get(h.to)} ${h.bytes[scheme]} B`),
      lines: rebuilt.order.map((id) => lineOf(scheme, byId.get(id)!)),
      warnings: rebuilt.warnings,
      score: `${score.right} of ${score.of} real edges rebuilt${score.wrong ? `, ${score.wrong} claimed that are not there` : ''}`,
      completeness: !rebuilt.completeness.known
        ? 'Complete? Cannot tell: wait for a timeout and hope.'
        : rebuilt.completeness.missing.length
          ? `Known incomplete: ${rebuilt.completeness.missing.join(', ')} never arrived (bridged around).`
          : 'Complete the moment respond arrives: nothing it names is missing.',
    };
  });
}

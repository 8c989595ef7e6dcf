/**
 * The service map as words and numbers: what the text alternative (a table under "Numbers as a table") and the
 * accessible names of the map's buttons say. Pure, so the same sentences are tested in Node and read by a screen
 * reader; the SVG shows a subset of the same numbers.
 */
import { formatCount } from '../../lib/format-count';
import { edgeHealth, formatMs } from './edge-health';
import { EMPTY_NODE_NUMBERS, EMPTY_NUMBERS, type MapEdge, type MapNode, type MapSnapshot } from './map-model';

/** One row of the table, cell by cell, plus the sentence a button reads out. */
interface TextRow {
  readonly id: string;
  readonly cells: readonly string[];
  readonly sentence: string;
}

export interface MapText {
  /** "3 services and 2 other nodes, 4 edges, 120 requests." */
  readonly summary: string;
  readonly nodeHeader: readonly string[];
  readonly nodes: readonly TextRow[];
  readonly edgeHeader: readonly string[];
  readonly edges: readonly TextRow[];
  /** "Unpaired spans: 12 (10 drawn as virtual nodes)." */
  readonly unpaired: string;
  /** The legend's short form: "unpaired: 12". */
  readonly unpairedShort: string;
}

const NODE_HEADER = ['Node', 'Kind', 'Requests', 'Errors', 'p95'] as const;
const EDGE_HEADER = ['Edge', 'Requests', 'p95', 'p50', 'OK', '4xx', '429', '5xx', 'Health'] as const;

const plural = (n: number, one: string, many = `${one}s`): string => `${formatCount(n)} ${n === 1 ? one : many}`;

function nodeKindWords(node: MapNode): string {
  if (!node.virtual) return 'service';
  const kind = node.kind === 'client' ? 'user (not traced)' : node.kind === 'peer' ? 'server (not traced)' : node.kind;
  return node.detail ? `${kind}, ${node.detail}` : kind;
}

export function edgeName(edge: MapEdge, nodes: ReadonlyMap<string, MapNode>): string {
  return `${nodes.get(edge.from)?.label ?? edge.from} → ${nodes.get(edge.to)?.label ?? edge.to}`;
}

export function describeMap(snapshot: MapSnapshot): MapText {
  const byId = new Map(snapshot.nodes.map((n) => [n.id, n]));
  const nodes = snapshot.nodes.map((node): TextRow => {
    const n = snapshot.nodeNumbers.get(node.id) ?? EMPTY_NODE_NUMBERS;
    const kind = nodeKindWords(node);
    const p95 = formatMs(n.p95Ms);
    return {
      id: node.id,
      cells: [node.label, kind, String(n.requests), String(n.errors), p95],
      sentence: `${node.label}, ${kind}: ${plural(n.requests, 'request')}, ${plural(n.errors, 'error')}, p95 ${p95}.`,
    };
  });
  let total = 0;
  const edges = snapshot.edges.map((edge): TextRow => {
    const n = snapshot.edgeNumbers.get(edge.id) ?? EMPTY_NUMBERS;
    total += n.requests;
    const name = edgeName(edge, byId);
    const h = edgeHealth(n);
    const p95 = formatMs(n.p95Ms);
    return {
      id: edge.id,
      cells: [name, String(n.requests), p95, formatMs(n.p50Ms), String(n.ok), String(n.clientErrors), String(n.throttled), String(n.serverErrors), h.words],
      sentence: `${name}: ${plural(n.requests, 'request')}, p95 ${p95}, ${plural(n.failures, 'failure')}, ${h.words}.`,
    };
  });
  const services = snapshot.nodes.filter((n) => !n.virtual).length;
  const others = snapshot.nodes.length - services;
  const summary =
    snapshot.nodes.length === 0
      ? 'No requests yet.'
      : `${plural(services, 'service')} and ${plural(others, 'other node')}, ${plural(snapshot.edges.length, 'edge')}, ${plural(total, 'request')}.`;
  const unpaired =
    snapshot.unpaired === 0
      ? 'Unpaired spans: 0.'
      : `Unpaired spans: ${formatCount(snapshot.unpaired)} (${formatCount(snapshot.unpairedAsVirtual)} drawn as virtual nodes).`;
  const unpairedShort = `unpaired: ${formatCount(snapshot.unpaired)}`;
  return { summary, nodeHeader: NODE_HEADER, nodes, edgeHeader: EDGE_HEADER, edges, unpaired, unpairedShort };
}

/**
 * Names for the nodes no service reports itself: the database or cache behind a CLIENT span, and the server a
 * CLIENT span called that never answered with a SERVER span of its own.
 *
 * **Databases.** The connector recognises a database call by `database_name_attributes` (default `db.name`) and
 * names the node by its value, the database's name. Here a call is a database call when it has
 * `db.system.name` (or the older `db.system`), which is what the semantic conventions put on every database
 * client span, and the node is named by the first of `server.address`, `db.namespace` (`db.name` before semantic
 * conventions 1.26), `db.name`, `db.system.name`, `db.system`. `server.address` comes first because it names the
 * *server*, which is what a node on a map stands for: two PostgreSQL hosts stay two nodes, one host with two
 * databases stays one, and a Redis call, whose namespace is the database index ("0"), still gets a useful name.
 * It is also the name the deck's faults switch off ("db", "redis"). The system (`postgresql`, `redis`) is kept
 * beside the name so a view can say "db (postgresql)".
 *
 * **Uncalled servers.** On expiry the connector names the missing server by the first of
 * `virtual_node_peer_attributes` it finds (default `peer.service`, `db.name`, `db.system`; older releases had
 * `net.peer.name` too), else "unknown". Here: `peer.service`, then `server.address` (the stable successor of
 * `net.peer.name`, and what every HTTP client span has), then `net.peer.name`, `db.name`, `db.system`.
 */
import type { SpanRecord } from '../telemetry/span-record';

const DATABASE_SYSTEM_ATTRIBUTES: readonly string[] = ['db.system.name', 'db.system'];
export const DEFAULT_DATABASE_NAME_ATTRIBUTES: readonly string[] = ['server.address', 'db.namespace', 'db.name', 'db.system.name', 'db.system'];
export const DEFAULT_PEER_ATTRIBUTES: readonly string[] = ['peer.service', 'server.address', 'net.peer.name', 'db.name', 'db.system'];

/** The name of the user virtual node: the client of a root SERVER span, as the connector names it. */
export const USER_NODE = 'user';
/** The connector's name for a peer it cannot name. */
const UNKNOWN_PEER = 'unknown';

/** The first of `keys` with a non-empty string or number value on the span. */
function firstAttribute(span: SpanRecord, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = span.attributes[key];
    if (typeof value === 'string' && value !== '') return value;
    if (typeof value === 'number') return String(value);
  }
  return undefined;
}

/** The database system of a database call (`postgresql`, `redis`), or undefined when the span is not one. */
export function databaseSystemOf(span: SpanRecord): string | undefined {
  return firstAttribute(span, DATABASE_SYSTEM_ATTRIBUTES);
}

export function databaseNodeName(span: SpanRecord, keys: readonly string[] = DEFAULT_DATABASE_NAME_ATTRIBUTES): string {
  return firstAttribute(span, keys) ?? UNKNOWN_PEER;
}

export function peerNodeName(span: SpanRecord, keys: readonly string[] = DEFAULT_PEER_ATTRIBUTES): string {
  return firstAttribute(span, keys) ?? UNKNOWN_PEER;
}

/**
 * X-Ray groups' filter expressions, the one form source 003 uses: `service("backend-flask")`, keeping the traces
 * that passed through that service. X-Ray's language has much more (edges, annotations, `responsetime > 2`); the lab
 * reads this form and its negation and says plainly that it reads nothing else.
 */

export type GroupFilter = { readonly ok: true; readonly test: (services: ReadonlySet<string>) => boolean; readonly text: string } | { readonly ok: false; readonly message: string };

const SERVICE = /^\s*(!?)\s*service\(\s*"([^"\\]*)"\s*\)\s*$/;

export function parseGroupFilter(text: string): GroupFilter {
  if (text.trim() === '') return { ok: true, test: () => true, text: '' };
  const m = SERVICE.exec(text);
  if (!m) return { ok: false, message: 'This lab reads one kind of filter expression: service("name"), or !service("name")' };
  const negate = m[1] === '!';
  const name = m[2]!;
  return { ok: true, text: text.trim(), test: (services) => services.has(name) !== negate };
}

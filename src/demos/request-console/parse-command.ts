/**
 * Reads what a person types into the request console: the workshop's curl commands
 * (`curl -XGET localhost:5000/pair/beer?name=ipa`), a bare path (`/donuts/jelly`) or `GET /beers`, and turns it
 * into a request for the simulated system, or into a short message that says what is wrong. Never throws.
 */

interface ParsedRequest {
  readonly method: string;
  /** What was asked for, as typed after resolution: `localhost:5000/pair/beer?name=ipa`. */
  readonly display: string;
  /** `host:port` as the user named it, e.g. `localhost:5000`. */
  readonly published: string;
  /** Path and query, e.g. `/pair/beer?name=ipa`. */
  readonly pathAndQuery: string;
  readonly headers: Readonly<Record<string, string>>;
}

export type ParseResult = { readonly ok: true; readonly request: ParsedRequest } | { readonly ok: false; readonly message: string };

const MAX_COMMAND_LENGTH = 2000;
const DEFAULT_HOST = 'localhost:5000';
const SUPPORTED_METHODS = ['GET'];

const fail = (message: string): ParseResult => ({ ok: false, message });

/** Split like a shell would for the simple cases: whitespace, single and double quotes. */
export function tokenize(text: string): string[] | undefined {
  const tokens: string[] = [];
  let current = '';
  let quote: '"' | "'" | undefined;
  let inToken = false;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inToken = true;
    } else if (/\s/.test(ch)) {
      if (inToken) tokens.push(current);
      current = '';
      inToken = false;
    } else {
      current += ch;
      inToken = true;
    }
  }
  if (quote) return undefined;
  if (inToken) tokens.push(current);
  return tokens;
}

export function parseCommand(input: string, published: readonly string[]): ParseResult {
  const text = input.trim();
  if (text === '') return fail('Type a request, for example /pair/beer?name=ipa');
  if (text.length > MAX_COMMAND_LENGTH) {
    return fail(`That is ${text.length.toLocaleString('en')} characters; the console takes up to ${MAX_COMMAND_LENGTH.toLocaleString('en')}.`);
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to refuse C0 controls and DEL in typed input
  if (/[\u0000-\u001f\u007f]/.test(text)) return fail('The request contains control characters; type it as plain text.');
  const tokens = tokenize(text);
  if (!tokens) return fail('A quote is not closed.');

  let method = 'GET';
  let target: string | undefined;
  const headers: Record<string, string> = {};
  const first = tokens[0]!;

  if (first === 'curl') {
    for (let i = 1; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t === '-X' || t === '--request') {
        const m = tokens[++i];
        if (!m) return fail(`curl: option ${t} needs a method, e.g. ${t} GET`);
        method = m.toUpperCase();
      } else if (/^-X\w+$/.test(t)) {
        method = t.slice(2).toUpperCase();
      } else if (t === '-H' || t === '--header') {
        const h = tokens[++i];
        const m = h ? /^([\w-]+):\s*(.*)$/.exec(h) : null;
        if (!m) return fail(`curl: option ${t} needs a header like 'Name: value'`);
        headers[m[1]!.toLowerCase()] = m[2]!;
      } else if (['-i', '-s', '-v', '-sS', '--silent', '--include', '--verbose', '-L'].includes(t)) {
        // Output options change nothing here: the console always shows status and body.
      } else if (t.startsWith('-')) {
        return fail(`curl: option ${t} is not supported here (try -X, -H, -i, -s or -v)`);
      } else if (target === undefined) {
        target = t;
      } else {
        return fail(`curl: one URL at a time, please (got "${target}" and "${t}")`);
      }
    }
    if (target === undefined) return fail('curl: no URL given, e.g. curl localhost:5000/beers');
  } else if (/^[A-Za-z]+$/.test(first) && tokens.length === 2 && tokens[1]!.startsWith('/')) {
    method = first.toUpperCase();
    target = tokens[1]!;
  } else {
    // A path or URL on its own, spaces and all: the URL parser encodes what needs encoding.
    target = text;
  }

  if (!SUPPORTED_METHODS.includes(method)) {
    return fail(`Method ${method} is not supported: the matchmaker only answers GET.`);
  }
  return resolveTarget(target, method, headers, published);
}

function resolveTarget(
  target: string,
  method: string,
  headers: Record<string, string>,
  published: readonly string[],
): ParseResult {
  const withHost = target.startsWith('/') ? `${DEFAULT_HOST}${target}` : target;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(withHost) ? withHost : `http://${withHost}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return fail(`Malformed URL: ${target}`);
  }
  if (url.protocol !== 'http:') return fail(`Only http:// works here (got ${url.protocol.replace(':', '')})`);
  const host = url.hostname === '127.0.0.1' || url.hostname === '[::1]' ? 'localhost' : url.hostname;
  const port = url.port || '80';
  const hostPort = `${host}:${port}`;
  const available = published.join(' or ');
  if (host !== 'localhost') return fail(`Could not resolve host: ${url.hostname}. This demo answers on ${available}.`);
  if (!published.includes(hostPort)) return fail(`Failed to connect to localhost port ${port}: nothing listens there. Try ${available}.`);
  const pathAndQuery = `${url.pathname}${url.search}`;
  return { ok: true, request: { method, display: `${hostPort}${pathAndQuery}`, published: hostPort, pathAndQuery, headers } };
}

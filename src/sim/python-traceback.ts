/**
 * The exception a simulated Python service would record: its class and a traceback through the code that ran, built
 * from what the simulation knows (the route that was handling the request, the client library that was called, the
 * host it could not reach). The spans are really made by OpenTelemetry JS in the tab, so without this a Python
 * service's `exception.stacktrace` was the deck's own bundle URL and JS frames, which says nothing to someone told
 * that "the stack says where". Pure: the same failure always gives the same text.
 *
 * The frames name the libraries the workshop's Flask app uses (Flask, psycopg2, redis-py, requests); their line
 * numbers are plausible, not copied from a release, and the app's own lines are stable per function name.
 */

/** One line of a traceback: where, in which function, and the source line Python prints under it. */
interface PyFrame {
  readonly file: string;
  readonly line: number;
  readonly fn: string;
  readonly code: string;
}

/** A Python exception: fully qualified class, message, and the frames from the outermost call to the raise. */
export interface PythonException {
  readonly type: string;
  readonly message: string;
  readonly frames: readonly PyFrame[];
}

/** The client libraries a handler calls, as the failure site knows them. */
export interface ClientCall {
  readonly library: 'psycopg2' | 'redis' | 'requests';
  readonly host: string;
  readonly port: number;
  /** For requests: the URL asked for. */
  readonly url?: string;
  /** The errno-style code of the failure (`ECONNREFUSED`, `ETIMEDOUT`, `ENOTFOUND`), when there is one. */
  readonly code?: string;
}

const SITE = '/usr/local/lib/python3.11/site-packages';

/** Stable, plausible line numbers for the app's own functions: the same function always sits on the same line. */
function lineOf(name: string, base: number): number {
  let h = 0;
  for (const c of name) h = (h * 31 + c.charCodeAt(0)) % 997;
  return base + (h % 60);
}

const FLASK: readonly PyFrame[] = [
  { file: `${SITE}/flask/app.py`, line: 1484, fn: 'full_dispatch_request', code: 'rv = self.dispatch_request()' },
  { file: `${SITE}/flask/app.py`, line: 1469, fn: 'dispatch_request', code: 'return self.ensure_sync(self.view_functions[rule.endpoint])(**view_args)' },
];

/** What each library raises, and the frames inside it down to the raise. */
function libraryFrames(call: ClientCall): { type: string; frames: PyFrame[] } {
  if (call.library === 'psycopg2') {
    return {
      type: 'psycopg2.OperationalError',
      frames: [{ file: `${SITE}/psycopg2/__init__.py`, line: 122, fn: 'connect', code: 'conn = _connect(dsn, connection_factory=connection_factory, **kwasync)' }],
    };
  }
  if (call.library === 'redis') {
    return {
      type: 'redis.exceptions.ConnectionError',
      frames: [
        { file: `${SITE}/redis/client.py`, line: 1266, fn: 'execute_command', code: 'conn = self.connection or pool.get_connection(command_name, **options)' },
        { file: `${SITE}/redis/connection.py`, line: 707, fn: 'connect', code: 'raise ConnectionError(self._error_message(e))' },
      ],
    };
  }
  const timedOut = call.code === 'ETIMEDOUT';
  return {
    type: timedOut ? 'requests.exceptions.ReadTimeout' : 'requests.exceptions.ConnectionError',
    frames: [
      { file: `${SITE}/requests/api.py`, line: 73, fn: 'get', code: 'return request("get", url, params=params, **kwargs)' },
      { file: `${SITE}/requests/sessions.py`, line: 703, fn: 'send', code: 'r = adapter.send(request, **kwargs)' },
      timedOut
        ? { file: `${SITE}/requests/adapters.py`, line: 532, fn: 'send', code: 'raise ReadTimeout(e, request=request)' }
        : { file: `${SITE}/requests/adapters.py`, line: 519, fn: 'send', code: 'raise ConnectionError(e, request=request)' },
    ],
  };
}

/** The exception a client library raises when its call fails, with its own frames (what its client span records). */
export function clientException(call: ClientCall, message: string): PythonException {
  const { type, frames } = libraryFrames(call);
  return { type, message, frames };
}

/** `/pair/beer` → `pair_beer`, `/beers/{name}` → `beer`, `/` → `index`: the view function Flask would dispatch to. */
export function viewFunction(route: string): string {
  const parts = route.split('/').filter((p) => p !== '');
  const named = parts.length > 1 && parts[parts.length - 1]!.startsWith('{');
  const words = named ? [parts[0]!.replace(/s$/, '')] : parts;
  return words.length === 0 ? 'index' : words.join('_').replace(/[^a-z0-9_]/gi, '_');
}

/**
 * The exception a Flask service records on its SERVER span when a handler raised: Flask's dispatch, the view
 * function of `route` in the service's `app.py`, and then the frames of the exception it let through (a client
 * library's, when `inner` is one), or the line of the handler's own `raise`.
 */
export function serverException(service: string, route: string, error: { name: string; message: string }, inner?: PythonException): PythonException {
  const fn = viewFunction(route);
  const file = `/app/${service}/app.py`;
  if (inner) {
    const call = { file, line: lineOf(fn, 40), fn, code: callLine(inner.type) };
    return { ...inner, frames: [...FLASK, call, ...inner.frames] };
  }
  const type = error.name === 'Error' || error.name === '' ? 'RuntimeError' : error.name;
  // The source line Python prints is the raise statement as written, not its message.
  const raise = { file, line: lineOf(fn, 40), fn, code: `raise ${type}(message)` };
  return { type, message: error.message, frames: [...FLASK, raise] };
}

/** The handler's line that called into the library, as the traceback prints it. */
function callLine(type: string): string {
  if (type.startsWith('psycopg2')) return 'rows = db.execute(query, params).fetchall()';
  if (type.startsWith('redis')) return 'facts = donut_db.hgetall(key)';
  return 'response = requests.get(url, timeout=TIMEOUT)';
}

/** The traceback as Python prints it: most recent call last, then `type: message`. */
export function formatTraceback(exc: PythonException): string {
  const lines = ['Traceback (most recent call last):'];
  for (const f of exc.frames) lines.push(`  File "${f.file}", line ${f.line}, in ${f.fn}`, `    ${f.code}`);
  lines.push(`${exc.type}: ${exc.message}`);
  return lines.join('\n');
}

// A symbol, not a field on our error classes: any error a client library let through can carry what it raised.
const RAISED: unique symbol = Symbol('python exception');

/** Remember, on the error a client call throws, the Python exception it stands for, for the server span above. */
export function markRaised(error: unknown, exc: PythonException): void {
  if (typeof error === 'object' && error !== null && !(RAISED in error)) Object.defineProperty(error, RAISED, { value: exc });
}

/** The Python exception a client call attached to this error, if any. */
export function raisedOf(error: unknown): PythonException | undefined {
  return typeof error === 'object' && error !== null && RAISED in error ? (error as { [RAISED]: PythonException })[RAISED] : undefined;
}

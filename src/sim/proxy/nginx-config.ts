/**
 * The proxy's configuration, as data the simulated proxy runs on and as the text nginx would read. One object feeds
 * both, so the configuration a slide prints is the one the proxy obeys. Directive names and variables are nginx's
 * own (ngx_http_proxy_module, ngx_http_headers_module, ngx_http_log_module); `$request_id` exists since 1.11.0.
 */

/** A named `log_format`: its name and its template of `$variables`. */
interface LogFormat {
  readonly name: string;
  readonly template: string;
}

/** The subset of an nginx `server` block the simulated proxy understands. */
export interface ProxyConfig {
  /** `listen`: the port the proxy answers on. */
  readonly listen: number;
  /** `upstream appserver { server …; }`: the name and the one host:port behind it. */
  readonly upstream: { readonly name: string; readonly server: string };
  /** `proxy_set_header <name> $request_id;`: the header the app receives the id in; absent, no id is passed on. */
  readonly passRequestId?: string;
  /** `add_header <name> $request_id [always];`: the header returned to the client; absent, none is added. */
  readonly returnRequestId?: { readonly header: string; readonly always: boolean };
  /** `log_format` and `access_log <path> <format>;`. */
  readonly accessLog: { readonly path: string; readonly format: LogFormat };
}

/**
 * The seed's second configuration: the id stamped, passed on, returned and logged. nginx's docs give `$remote_addr -
 * $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"` as the
 * `combined` format; this one appends `"$http_x_forwarded_for" $request_id`.
 */
export const REQUEST_ID_CONFIG: ProxyConfig = {
  listen: 80,
  upstream: { name: 'appserver', server: 'web:5000' },
  passRequestId: 'X-Request-ID',
  returnRequestId: { header: 'X-Request-ID', always: false },
  accessLog: {
    path: '/var/log/nginx/access_trace.log',
    format: {
      name: 'trace',
      template:
        '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" "$http_x_forwarded_for" $request_id',
    },
  },
};

/**
 * The blackbox system's proxy: no id anywhere, a plain access log. `$msec` (the time of the log write, with
 * milliseconds) and `$request_time` (seconds from the first byte read to the log write) are there because
 * `$time_local` has one-second resolution, too coarse to order anything.
 */
export const BLACKBOX_CONFIG: ProxyConfig = {
  listen: 80,
  upstream: { name: 'appserver', server: 'web:5000' },
  accessLog: {
    path: '/var/log/nginx/access.log',
    format: { name: 'timed', template: '$msec $request_time "$request" $status $body_bytes_sent' },
  },
};

/** `log_format` templates are written as quoted pieces; a piece ends after `$status ` or so, for readable lines. */
function quotePieces(template: string, width: number): string[] {
  const words = template.split(' ');
  const pieces: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + word.length + 1 > width) {
      pieces.push(`'${line} '`);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) pieces.push(`'${line}'`);
  return pieces;
}

/** The configuration as nginx would read it: `log_format` at http level, then `upstream` and `server`. */
export function renderNginxConfig(config: ProxyConfig): string {
  const { format, path } = config.accessLog;
  const pieces = quotePieces(format.template, 56);
  const indent = ' '.repeat(`log_format ${format.name} `.length);
  const lines = [
    `log_format ${format.name} ${pieces.map((p, i) => (i === 0 ? p : indent + p)).join('\n')};`,
    '',
    `upstream ${config.upstream.name} {`,
    `    server ${config.upstream.server};`,
    '}',
    '',
    'server {',
    `    listen ${config.listen};`,
  ];
  if (config.returnRequestId) {
    lines.push(`    add_header ${config.returnRequestId.header} $request_id${config.returnRequestId.always ? ' always' : ''};`);
  }
  lines.push('    location / {', `        proxy_pass http://${config.upstream.name};`);
  if (config.passRequestId) lines.push(`        proxy_set_header ${config.passRequestId} $request_id;`);
  lines.push(`        access_log ${path} ${format.name};`, '    }', '}');
  return lines.join('\n');
}

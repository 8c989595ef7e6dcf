/**
 * nginx's `log_format` substitution: each `$name` in the template replaced by the variable's value, and by `-` when
 * the variable is empty or unknown, as nginx writes it. Plus the two time variables, from simulated epoch ms.
 */

/** The variables of one request at the moment its access log line is written. */
export type LogVariables = Readonly<Record<string, string | undefined>>;

const VARIABLE = /\$([a-z_][a-z0-9_]*)/g;

export function formatLogLine(template: string, vars: LogVariables): string {
  return template.replace(VARIABLE, (_m, name: string) => {
    const value = vars[name];
    return value === undefined || value === '' ? '-' : value;
  });
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => String(n).padStart(2, '0');

/** `$time_local` in the Common Log Format, in UTC: `01/Dec/2026:22:41:07 +0000` (one-second resolution). */
export function timeLocal(ms: number): string {
  const d = new Date(ms);
  return `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

/** `$msec`: seconds since the epoch with milliseconds, `1764628867.123`. */
export const msec = (ms: number): string => (Math.floor(ms) / 1000).toFixed(3);

/** `$request_time`: seconds with milliseconds, `0.512`. */
export const requestTime = (ms: number): string => (Math.max(0, Math.round(ms)) / 1000).toFixed(3);

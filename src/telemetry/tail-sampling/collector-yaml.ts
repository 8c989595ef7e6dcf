/**
 * The tail sampler's configuration as the YAML a Collector takes under `processors: tail_sampling:`. Written by hand
 * (no YAML package in the deck): block style, two spaces, strings quoted only where YAML would misread them.
 */
import type { TailSamplingConfig } from './policy-config';

type Yaml = string | number | boolean | readonly Yaml[] | { readonly [key: string]: Yaml | undefined };

/** A Go duration, as the Collector parses `decision_wait`: "30s", "500ms". */
export function goDuration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

const PLAIN = /^[\w./][\w./-]*$/;
const NUMERIC = /^[-+]?(\d[\d_]*)?\.?\d*(e[-+]?\d+)?$/i;
const RESERVED = /^(true|false|yes|no|on|off|null|~)$/i;

function scalar(v: string | number | boolean): string {
  if (typeof v !== 'string') return String(v);
  return PLAIN.test(v) && !RESERVED.test(v) && !NUMERIC.test(v) ? v : JSON.stringify(v);
}

function lines(value: Yaml, indent: string): string[] {
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${indent}[]`];
    return value.flatMap((item: Yaml) => {
      const inner = lines(item, `${indent}  `);
      if (typeof item !== 'object') return [`${indent}- ${scalar(item)}`];
      return [`${indent}- ${inner[0]!.trimStart()}`, ...inner.slice(1)];
    });
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, Yaml | undefined>).flatMap(([k, v]) => {
      if (v === undefined) return [];
      if (typeof v !== 'object') return [`${indent}${k}: ${scalar(v)}`];
      if (Array.isArray(v) && v.length === 0) return [`${indent}${k}: []`];
      // A list of scalars reads best inline, as the Collector's README writes `values: [a, b]`.
      if (Array.isArray(v) && v.every((x) => typeof x !== 'object')) return [`${indent}${k}: [${v.map((x) => scalar(x as string)).join(', ')}]`];
      return [`${indent}${k}:`, ...lines(v, `${indent}  `)];
    });
  }
  return [`${indent}${scalar(value)}`];
}

/** The whole `processors:` block for `config`. */
export function toCollectorYaml(config: TailSamplingConfig): string {
  const body: Yaml = {
    processors: {
      tail_sampling: {
        decision_wait: goDuration(config.decision_wait_ms),
        num_traces: config.num_traces,
        policies: config.policies as unknown as Yaml,
      },
    },
  };
  return `${lines(body, '').join('\n')}\n`;
}

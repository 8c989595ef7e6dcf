/** Route patterns such as `/beers/{name}`, matched against a request path. */

export interface CompiledRoute {
  readonly pattern: string;
  readonly regex: RegExp;
  /** The decoded path parameters, or undefined when the path does not match. */
  match(path: string): Record<string, string> | undefined;
}

export function compileRoute(pattern: string): CompiledRoute {
  const names: string[] = [];
  const source = pattern
    .split('/')
    .map((part) => {
      const m = /^\{(\w+)\}$/.exec(part);
      if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(m[1]!);
      return '([^/]+)';
    })
    .join('/');
  const regex = new RegExp(`^${source}/?$`);
  return {
    pattern,
    regex,
    match(path) {
      const m = regex.exec(path);
      if (!m) return undefined;
      const params: Record<string, string> = {};
      names.forEach((name, i) => {
        const raw = m[i + 1]!;
        try {
          params[name] = decodeURIComponent(raw);
        } catch {
          params[name] = raw; // a malformed escape is kept as typed; the handler's lookup will simply not find it
        }
      });
      return params;
    },
  };
}

import { describe, expect, it } from 'vitest';
import { makeSpan } from '../../../tests/factories/make-span';
import { buildTraceModel } from '../../telemetry/trace-model';
import { SERVICE_PALETTE, ERROR_COLOR } from '../waterfall/service-colors';
import { xmlText } from './svg-text';
import { tableSvg } from './table-svg';
import { waterfallSvg } from './waterfall-svg';

//   web: GET /</text><script>alert(1)</script>   (SERVER)
//   └── db: SELECT "x" & 'y'                      (CLIENT, error)
const hostile = buildTraceModel([
  makeSpan({ id: 'a', name: 'GET /</text><script>alert(1)</script>', kind: 'SERVER', start: 0, end: 100 }),
  makeSpan({ id: 'b', parent: 'a', name: `SELECT "x" & 'y'\u0000`, serviceName: 'db', start: 10, end: 60, status: { code: 'ERROR' } }),
]);

describe('waterfall SVG', () => {
  const svg = waterfallSvg(hostile, { services: ['web', 'db'] });

  it('is one standalone SVG element with no script, no style sheet and no outside reference', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).not.toMatch(/<script|<style|href=|<foreignObject|\son\w+=/i);
    expect(svg).toContain('font-family="system-ui');
  });

  it('writes span names as text, escaped', () => {
    expect(svg).toContain('web: GET /&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('db: SELECT &quot;x&quot; &amp; &apos;y&apos;\\u0000');
  });

  it('draws each bar at its fractions of the trace in its service colour, errors outlined in red', () => {
    // The track starts at x=440 and is 736 px wide: db starts at 10% and lasts 50%.
    expect(svg).toContain(`<rect x="440.0" y="68" width="736.0" height="14" rx="2" fill="${SERVICE_PALETTE[0]}"/>`);
    expect(svg).toContain(`<rect x="513.6" y="90" width="368.0" height="14" rx="2" fill="${SERVICE_PALETTE[1]}" stroke="${ERROR_COLOR}" stroke-width="2"/>`);
    expect(svg).toContain('Trace 0af7651916cd43dd8448eb211c80319c · 2 spans · 100 ms · 1 error');
  });

  it('leaves rows past the cap out, and says so', () => {
    const spans = Array.from({ length: 30 }, (_, i) => makeSpan({ id: (i + 1).toString(16), start: i, end: i + 1 }));
    const out = waterfallSvg(buildTraceModel(spans), { maxRows: 10 });
    expect(out.match(/rx="2"/g)).toHaveLength(10);
    expect(out).toContain('… and 20 more spans, not drawn');
  });
});

describe('table SVG', () => {
  it('indents the first column by level and escapes every cell', () => {
    const out = tableSvg({ title: 'Calling context tree', header: ['Path', 'Count'], rows: [{ level: 1, cells: ['web: GET /', '3'] }, { level: 2, cells: ['db: <x>', '1'] }] });
    expect(out).toContain('<text x="8" y="72" font-weight="400" fill="#1a1a1a">web: GET /</text>');
    expect(out).toContain('<text x="22" y="94" font-weight="400" fill="#1a1a1a">db: &lt;x&gt;</text>');
  });
});

describe('xmlText', () => {
  it('replaces lone surrogates, which XML cannot hold', () => {
    expect(xmlText('a\ud800b\udc00c😀')).toBe('a\ufffdb\ufffdc😀');
  });
});

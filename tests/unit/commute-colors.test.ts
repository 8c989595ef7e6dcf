/**
 * The commute's figures and its live waterfalls colour each service alike: the figures (figs/commute-*.svg) draw the
 * commuter's walks blue, the metro-rail train orange and the tram green, and the live demo's notes say "as in the
 * figures". The waterfall hands out colours in the order of COMMUTE_SERVICES.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMUTE_SERVICES, SERVICES } from '../../src/sim/commute';
import { serviceColor } from '../../src/viz/waterfall/service-colors';

const FIGS = new URL('../../figs/', import.meta.url);
const figures = readdirSync(FIGS).filter((f) => /^commute-.*\.svg$/.test(f));

/** The fill a figure's stylesheet gives a class, e.g. `.cmf .cmf-train { stroke: #b04a00; fill: #b04a00; }`. */
function fillOf(svg: string, cls: string): string | undefined {
  return new RegExp(`\\.${cls}\\s*\\{[^}]*fill:\\s*(#[0-9a-fA-F]{6})`).exec(svg)?.[1]?.toLowerCase();
}

describe('commute colours', () => {
  it.each(figures)('%s: each service is drawn in the colour the live waterfall gives it', (file) => {
    const svg = readFileSync(new URL(file, FIGS), 'utf8');
    const pairs = [
      ['cmf-walk', SERVICES.commuter],
      ['cmf-train', SERVICES.train],
      ['cmf-tram', SERVICES.tram],
    ] as const;
    for (const [cls, service] of pairs) {
      const fill = fillOf(svg, cls);
      if (fill !== undefined) expect(`${service} ${fill}`).toBe(`${service} ${serviceColor(service, COMMUTE_SERVICES).toLowerCase()}`);
    }
  });

  it('finds the figures', () => {
    expect(figures.length).toBeGreaterThanOrEqual(3);
  });
});

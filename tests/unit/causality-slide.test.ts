/**
 * The proxy configuration on the "Manual tracing" slide is the one the request-id demo's proxy runs: the slide's
 * nginx fence, character for character, is what renderNginxConfig prints from the running config.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderNginxConfig, REQUEST_ID_CONFIG } from '../../src/sim/proxy/nginx-config';

describe('the causality chapter', () => {
  it("shows the configuration the request-id demo's proxy obeys", () => {
    const text = readFileSync(new URL('../../slides/85-causality.md', import.meta.url), 'utf8');
    const fence = /```nginx\n([\s\S]*?)\n```/.exec(text)?.[1];
    expect(fence).toBe(renderNginxConfig(REQUEST_ID_CONFIG));
  });
});

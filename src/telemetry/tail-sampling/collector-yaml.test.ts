import { describe, expect, it } from 'vitest';
import { goDuration, toCollectorYaml } from './collector-yaml';
import { DEFAULT_POLICIES, DEFAULT_TAIL_CONFIG } from './policy-config';

describe('toCollectorYaml', () => {
  it('writes the processors block the Collector reads', () => {
    expect(toCollectorYaml({ decision_wait_ms: 10_000, num_traces: 100, policies: DEFAULT_POLICIES })).toBe(
      [
        'processors:',
        '  tail_sampling:',
        '    decision_wait: 10s',
        '    num_traces: 100',
        '    policies:',
        '      - name: drop-health-checks',
        '        type: drop',
        '        drop:',
        '          drop_sub_policy:',
        '            - name: health-route',
        '              type: string_attribute',
        '              string_attribute:',
        '                key: url.path',
        '                values: [/health]',
        '      - name: errors',
        '        type: status_code',
        '        status_code:',
        '          status_codes: [ERROR]',
        '      - name: slow',
        '        type: latency',
        '        latency:',
        '          threshold_ms: 500',
        '      - name: ten-percent',
        '        type: probabilistic',
        '        probabilistic:',
        '          sampling_percentage: 10',
        '',
      ].join('\n'),
    );
  });
  it('writes the Collector\'s defaults', () => {
    expect(toCollectorYaml(DEFAULT_TAIL_CONFIG)).toMatch(/^ {4}decision_wait: 30s\n {4}num_traces: 50000$/m);
  });
  it('quotes what YAML would misread, and writes durations as Go does', () => {
    const yaml = toCollectorYaml({ decision_wait_ms: 1_500, num_traces: 5, policies: [{ name: 'yes', type: 'string_attribute', string_attribute: { key: 'k', values: ['a: b', 'true'] } }] });
    expect(yaml).toContain('decision_wait: 1500ms');
    expect(yaml).toContain('- name: "yes"');
    expect(yaml).toContain('values: ["a: b", "true"]');
    expect(goDuration(30_000)).toBe('30s');
  });
});

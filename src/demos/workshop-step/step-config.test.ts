import { describe, expect, it } from 'vitest';
import { LEVELS } from '../../sim/instrumentation';
import { stepConfig } from './step-config';

describe('stepConfig', () => {
  it('maps every step to a valid level, showing a log before tracing and a trace after', () => {
    for (const id of ['0', '1', '2', '3', '5', '6', '7', '8', 'tag', 'error']) {
      const step = stepConfig(id)!;
      expect(LEVELS).toContain(step.instrumentation.level);
      expect(step.log).toBe(step.instrumentation.level >= 1 && step.instrumentation.level <= 3);
      expect(step.trace).toBe(step.instrumentation.level >= 5);
    }
  });

  it('knows nothing of other names', () => {
    for (const bad of [undefined, '', '4', '9', 'constructor', '__proto__']) expect(stepConfig(bad)).toBeUndefined();
  });
});

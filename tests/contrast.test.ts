// WCAG AA for every built-in template: each text colour on each background it is drawn on.
import { describe, expect, it } from 'vitest';
import { getTemplate, templateNames } from '../src/template/registry.ts';
import { contrastRatio, failingPairs } from '../src/theme/contrast.ts';

describe('contrast', () => {
  it('computes WCAG ratios', () => {
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#FFFFFF')).toBeCloseTo(4.48, 2);
    expect(failingPairs([{ what: 'grey on white', fg: '#777777', bg: '#FFFFFF' }])).toHaveLength(1);
    expect(failingPairs([{ what: 'large grey on white', fg: '#777777', bg: '#FFFFFF', large: true }])).toHaveLength(0);
  });

  it.each(templateNames())('template "%s" meets WCAG AA (4.5:1 body text, 3:1 large text)', (name) => {
    const template = getTemplate(name);
    expect(template.contrast, 'built-in templates declare their colour pairs').toBeTypeOf('function');
    const pairs = template.contrast!(template.theme);
    expect(pairs.length).toBeGreaterThanOrEqual(5);
    expect(failingPairs(pairs).map((p) => `${p.what}: ${p.fg} on ${p.bg} = ${p.ratio.toFixed(2)}`)).toEqual([]);
  });
});

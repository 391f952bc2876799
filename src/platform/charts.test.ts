import { describe, expect, it } from 'vitest';
import { barChartSvg, lineChartSvg } from './charts';

describe('document charts', () => {
  it('draws a line whose texts are escaped and that breaks at a missing figure', () => {
    const svg = lineChartSvg({ title: 'A <b> & "c"', desc: 'x', points: [{ label: '2019', value: 1 }, { label: '2020', value: null }, { label: '2021', value: 3 }], format: String });
    expect(svg).toMatch(/^<svg[^>]+role="img"/);
    expect(svg).toContain('A &lt;b&gt; &amp; &quot;c&quot;');
    expect(svg.match(/<path/g)).toHaveLength(2);
    expect(svg.match(/<circle/g)).toHaveLength(2);
  });

  it('draws bars in proportion, with each value written beside its bar', () => {
    const svg = barChartSvg({ title: 'Besluiten', desc: 'meer 4, anders 2', bars: [{ label: 'Meer doen', value: 4 }, { label: 'Anders doen', value: 2 }, { label: 'Stoppen', value: 0 }] });
    const widths = [...svg.matchAll(/<rect[^>]+width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths[0]).toBeCloseTo(widths[1] * 2);
    expect(widths[2]).toBe(0);
    expect(svg).toContain('>Meer doen<');
    expect(svg).toContain('<title');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  niceMax,
  PNG_SCALE,
  trendChartLayout,
  trendChartPng,
  trendChartSvg,
  type TrendSeries,
} from './trend-chart.ts';

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const series = (values: number[], unit: TrendSeries['unit'] = 'money'): TrendSeries => ({
  title: 'Revenue',
  unit,
  points: values.map((value, i) => ({ label: months[i % 12] ?? String(i), value })),
});

/** The bars an SVG draws: value and height, in document order. */
function barsOf(svg: string): { value: number; height: number; y: number }[] {
  return [
    ...svg.matchAll(
      /<rect class="bar" data-value="([^"]+)" x="[^"]+" y="([^"]+)" width="[^"]+" height="([^"]+)"/g,
    ),
  ].map((m) => ({ value: Number(m[1]), y: Number(m[2]), height: Number(m[3]) }));
}

describe('niceMax', () => {
  it.each([
    [0, 1],
    [1, 1],
    [7, 10],
    [12, 20],
    [21, 25],
    [2500, 2500],
    [2501, 5000],
    [0.3, 0.5],
    [987_654.32, 1_000_000],
  ])('%d -> %d', (value, expected) => {
    expect(niceMax(value)).toBe(expected);
  });

  it('is at or above the value and less than twice it (above 0)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e13, noNaN: true }), (value) => {
        const max = niceMax(value);
        expect(max).toBeGreaterThanOrEqual(value);
        expect(max).toBeLessThanOrEqual(value * 2.5);
      }),
    );
  });
});

describe('trendChartSvg', () => {
  it('scales every bar to the axis maximum, the tallest to max/axisMax of the plot', () => {
    const values = [100, 250, 0, 1800, 920, 40, 0, 0, 300, 1200, 700, 1500];
    const layout = trendChartLayout(series(values));
    const plotHeight = layout.plot.bottom - layout.plot.top;
    expect(layout.axisMax).toBe(niceMax(Math.max(...values)));
    const bars = barsOf(trendChartSvg(series(values)));
    // zero bars are not drawn at all
    expect(bars.map((b) => b.value)).toEqual(values.filter((v) => v > 0));
    for (const bar of bars) {
      expect(bar.height).toBeCloseTo((plotHeight * bar.value) / layout.axisMax, 1);
      expect(bar.y + bar.height).toBeCloseTo(layout.plot.bottom, 1);
    }
  });

  it('never draws below the axis: a negative value is drawn as zero', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { maxLength: 12 }), (values) => {
        const layout = trendChartLayout(series(values));
        for (const bar of layout.bars) {
          expect(bar.height).toBeGreaterThanOrEqual(0);
          expect(bar.y + bar.height).toBeCloseTo(layout.plot.bottom, 6);
          expect(bar.y).toBeGreaterThanOrEqual(layout.plot.top - 1e-6);
        }
      }),
    );
    expect(barsOf(trendChartSvg(series([-500, 200])))).toEqual([expect.objectContaining({ value: 200 })]);
  });

  it('says so for an empty or all-zero series, with no bars', () => {
    const empty = trendChartSvg(series([]));
    expect(barsOf(empty)).toEqual([]);
    expect(empty).toContain('No periods to show');
    const zeros = trendChartSvg(series([0, 0, 0, -3]));
    expect(barsOf(zeros)).toEqual([]);
    expect(zeros).toContain('Nothing in these periods yet');
    // every label is still written
    for (const label of months.slice(0, 4)) expect(zeros).toContain(`>${label}</text>`);
  });

  it('writes the latest value in the currency, and counts as counts', () => {
    expect(trendChartSvg(series([10, 1234.5]), { currency: 'EUR', locale: 'en-US' })).toContain(
      '>€1,235</text>',
    );
    expect(trendChartSvg(series([3, 17], 'count'))).toContain('>17</text>');
  });

  it('escapes titles and labels', () => {
    const svg = trendChartSvg({
      title: 'A <b>&</b> "c"',
      unit: 'count',
      points: [{ label: '<x>', value: 1 }],
    });
    expect(svg).toContain('A &#60;b&#62;&#38;&#60;/b&#62; &#34;c&#34;');
    expect(svg).toContain('&#60;x&#62;');
    expect(svg).not.toContain('<b>');
  });

  it('is deterministic and takes its size from the options', () => {
    const values = [5, 9, 2];
    expect(trendChartSvg(series(values))).toBe(trendChartSvg(series(values)));
    expect(trendChartSvg(series(values), { width: 400, height: 180 })).toMatch(
      /^<svg [^>]*width="400" height="180" viewBox="0 0 400 180"/,
    );
  });
});

describe('trendChartPng', () => {
  it('renders a PNG of twice the SVG’s size, the same bytes each time', () => {
    const values = [120, 340, 90, 560];
    const png = trendChartPng(series(values), { width: 320, height: 160 });
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // IHDR: width and height, big-endian, at bytes 16 and 20
    expect(png.readUInt32BE(16)).toBe(320 * PNG_SCALE);
    expect(png.readUInt32BE(20)).toBe(160 * PNG_SCALE);
    expect(trendChartPng(series(values), { width: 320, height: 160 }).equals(png)).toBe(true);
  });
});

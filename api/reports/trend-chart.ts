/**
 * The trend of one figure over the last periods (issue 19: the PDF report and the weekly digest
 * mail show the same chart) as an SVG string and as a PNG: one bar per period, oldest first, the
 * latest period in the accent colour with its value written above it.
 *
 * Invariants: pure and deterministic (the same series and options give the same bytes: the
 * digest and the report may render it twice and tests compare it); bars scale to a "nice" axis
 * maximum (1, 2, 2.5 or 5 x 10^n at or above the largest value), so the tallest bar is
 * max/axisMax of the plot's height and every bar is in proportion to its value; a value below zero
 * (a correction that undid more than the period's sales) is drawn as zero, never below the axis;
 * an empty or all-zero series is a framed chart saying so, never an error. Text is escaped (titles
 * and labels may be what users typed). The PNG is rendered by resvg (no browser) at twice the
 * SVG's size, for screens of high pixel density and for print, with DejaVu Sans or Liberation Sans
 * when installed (fixed files, not a scan of the system's fonts: the same glyphs on every call).
 */
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

export interface TrendSeries {
  title: string;
  unit: 'money' | 'count';
  points: { label: string; value: number }[];
}

export interface TrendChartOptions {
  width?: number;
  height?: number;
  /** ISO 4217 code for unit 'money' (default USD). */
  currency?: string;
  /** BCP 47 locale of the numbers (default en-US). */
  locale?: string;
}

/** The PNG's pixels per SVG unit. */
export const PNG_SCALE = 2;
/** Where the title starts, in SVG units from the chart's left edge. */
export const TITLE_X = 16;

const DEFAULT_WIDTH = 640;
const DEFAULT_HEIGHT = 240;
const FONT_FAMILY = "'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif";
const COLORS = {
  background: '#ffffff',
  text: '#1f2937',
  muted: '#6b7280',
  grid: '#e5e7eb',
  bar: '#93b4e8',
  latest: '#2563eb',
};
/** Fonts resvg reads, the first found of each family (Debian's fonts-dejavu-core, fonts-liberation). */
const FONT_FILES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
];

/** The smallest 1, 2, 2.5 or 5 x 10^n at or above `value` (1 for 0). */
export function niceMax(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    const candidate = step * magnitude;
    // a float product such as 2.5 * 0.1 may land a hair under the value it should cover
    if (candidate >= value * (1 - 1e-12)) return Math.max(candidate, value);
  }
  return 10 * magnitude;
}

/** What is drawn for a value: finite and not below zero. */
export const drawnValue = (value: number): number => (Number.isFinite(value) && value > 0 ? value : 0);

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** At most two decimals, trailing zeros dropped: SVG coordinates that read the same everywhere. */
const n = (value: number): string => String(Math.round(value * 100) / 100);

function formatter(
  unit: TrendSeries['unit'],
  options: TrendChartOptions,
  compact: boolean,
): (value: number) => string {
  const locale = options.locale ?? 'en-US';
  const base: Intl.NumberFormatOptions = compact
    ? { notation: 'compact', maximumFractionDigits: 1 }
    : { maximumFractionDigits: unit === 'money' ? 0 : 2 };
  let format: Intl.NumberFormat;
  try {
    format =
      unit === 'money'
        ? new Intl.NumberFormat(locale, {
            ...base,
            style: 'currency',
            currency: options.currency ?? 'USD',
            minimumFractionDigits: 0,
          })
        : new Intl.NumberFormat(locale, base);
  } catch {
    // a currency or locale the runtime does not know: plain numbers, the code after them
    const plain = new Intl.NumberFormat('en-US', base);
    return (v) =>
      unit === 'money' ? `${plain.format(v)} ${options.currency ?? ''}`.trim() : plain.format(v);
  }
  return (v) => format.format(v);
}

/** Geometry of one bar, in SVG units (exported for the tests and for anyone drawing it natively). */
export interface TrendBar {
  label: string;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TrendLayout {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  axisMax: number;
  bars: TrendBar[];
}

export function trendChartLayout(series: TrendSeries, options: TrendChartOptions = {}): TrendLayout {
  const width = Math.max(200, Math.round(options.width ?? DEFAULT_WIDTH));
  const height = Math.max(120, Math.round(options.height ?? DEFAULT_HEIGHT));
  const axisMax = niceMax(Math.max(0, ...series.points.map((p) => drawnValue(p.value))));
  const plot = { left: 64, top: 44, right: width - 16, bottom: height - 28 };
  const slot = series.points.length === 0 ? 0 : (plot.right - plot.left) / series.points.length;
  const barWidth = Math.min(48, slot * 0.62);
  const bars = series.points.map((p, i) => {
    const value = drawnValue(p.value);
    const barHeight = ((plot.bottom - plot.top) * value) / axisMax;
    return {
      label: p.label,
      value,
      x: plot.left + slot * i + (slot - barWidth) / 2,
      y: plot.bottom - barHeight,
      width: barWidth,
      height: barHeight,
    };
  });
  return { width, height, plot, axisMax, bars };
}

/** The chart as a standalone SVG document. */
export function trendChartSvg(series: TrendSeries, options: TrendChartOptions = {}): string {
  const layout = trendChartLayout(series, options);
  const { width, height, plot, axisMax, bars } = layout;
  const compact = formatter(series.unit, options, true);
  const full = formatter(series.unit, options, false);
  const text = (x: number, y: number, content: string, attrs: string) =>
    `<text x="${n(x)}" y="${n(y)}" ${attrs}>${escapeXml(content)}</text>`;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}">`,
    `<rect width="${width}" height="${height}" fill="${COLORS.background}"/>`,
    // at the chart's left edge (TITLE_X): a page that embeds it lines the title up with its text
    text(TITLE_X, 22, series.title, `font-size="14" font-weight="bold" fill="${COLORS.text}"`),
  ];
  const nothing = bars.every((b) => b.value === 0);
  // three grid lines: 0, half, the axis maximum (only the axis when nothing is drawn: its scale
  // would mean nothing, and the message takes the middle)
  for (const fraction of nothing ? [0] : [0, 0.5, 1]) {
    const y = plot.bottom - (plot.bottom - plot.top) * fraction;
    parts.push(
      `<line x1="${n(plot.left)}" y1="${n(y)}" x2="${n(plot.right)}" y2="${n(y)}" stroke="${fraction === 0 ? COLORS.muted : COLORS.grid}" stroke-width="1"/>`,
      text(
        plot.left - 8,
        y + 4,
        compact(axisMax * fraction),
        `font-size="11" text-anchor="end" fill="${COLORS.muted}"`,
      ),
    );
  }
  if (nothing) {
    parts.push(
      text(
        (plot.left + plot.right) / 2,
        (plot.top + plot.bottom) / 2,
        bars.length === 0 ? 'No periods to show' : 'Nothing in these periods yet',
        `font-size="13" text-anchor="middle" fill="${COLORS.muted}"`,
      ),
    );
  }
  bars.forEach((bar, i) => {
    const latest = i === bars.length - 1;
    if (bar.height > 0) {
      const radius = Math.min(3, bar.width / 2, bar.height);
      parts.push(
        `<rect class="bar" data-value="${bar.value}" x="${n(bar.x)}" y="${n(bar.y)}" width="${n(bar.width)}" height="${n(bar.height)}" rx="${n(radius)}" fill="${latest ? COLORS.latest : COLORS.bar}"/>`,
      );
    }
    const middle = bar.x + bar.width / 2;
    parts.push(
      text(
        middle,
        plot.bottom + 16,
        bar.label,
        `font-size="11" text-anchor="middle" fill="${latest ? COLORS.text : COLORS.muted}"`,
      ),
    );
    if (latest && !nothing) {
      // the latest value above its bar, kept inside the chart when the bar reaches the top
      parts.push(
        text(
          Math.min(middle, plot.right - 4),
          Math.max(bar.y - 6, plot.top - 4),
          full(bar.value),
          `font-size="12" font-weight="bold" text-anchor="${middle > plot.right - 40 ? 'end' : 'middle'}" fill="${COLORS.latest}"`,
        ),
      );
    }
  });
  parts.push('</svg>');
  return parts.join('\n');
}

let fontFiles: string[] | undefined;

/** The chart as a PNG of PNG_SCALE times the SVG's width and height. */
export function trendChartPng(series: TrendSeries, options: TrendChartOptions = {}): Buffer {
  fontFiles ??= FONT_FILES.filter((file) => existsSync(file));
  const resvg = new Resvg(trendChartSvg(series, options), {
    fitTo: { mode: 'zoom', value: PNG_SCALE },
    // the fonts above when installed; else whatever the system has (a slim image: none, no text)
    font: {
      loadSystemFonts: fontFiles.length === 0,
      fontFiles,
      defaultFontFamily: fontFiles.some((f) => f.includes('dejavu')) ? 'DejaVu Sans' : 'Liberation Sans',
    },
    background: COLORS.background,
  });
  return resvg.render().asPng();
}

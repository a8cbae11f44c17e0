/**
 * A performance report (report-data.ts) as an A4 PDF, drawn by pdfkit on the server (no browser):
 * the title (organisation, scope, period), the summary cards with their change against the
 * previous period, the 12-period revenue trend, the goals, the revenue leaderboard and the badges
 * earned. Used by GET /export/report and attached to the weekly digest.
 *
 * Invariants: money is written in the organisation's currency and instants in its time zone with
 * the formatters the mails and webhooks use (jobs/webhooks/formats/messages.ts), rates and changes
 * as the dashboard shows them (api/domain/change.ts); no row is ever clipped: a table that reaches
 * the foot of a page goes on on the next one under its header again, and every page is numbered.
 * The trend chart is the digest's own PNG (trendChartPng) embedded, not redrawn here: one drawing
 * of it, so the mail and the report cannot disagree. Text uses DejaVu Sans when installed (most
 * scripts, not CJK), else the PDF's standard Helvetica with characters it cannot encode as "?".
 * The PDF carries the report's instant as its creation date, so the same data give the same file.
 * Over 300 lines: six sections drawn down one page cursor with one set of measures and the table
 * flow that carries rows onto new pages; split by section, each file would take all of them along.
 */
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { GoalStatus } from '../../schema/db/constants.ts';
import { changeOf, type ChangeKind } from '../domain/change.ts';
import { dateRange, instant, metricValue, money } from '../jobs/webhooks/formats/messages.ts';
import { sumMoney } from '../domain/money.ts';
import { localDate } from '../domain/periods.ts';
import { avgDealSize } from '../domain/rates.ts';
import type { ReportData, ReportFigures } from './report-data.ts';
import { TITLE_X, trendChartPng } from './trend-chart.ts';

export interface ReportPdfOptions {
  /** The organisation's name in the title (default "Pulse"). */
  organisation?: string;
}

const PAGE = { width: 595.28, height: 841.89, margin: 40 };
const CONTENT = PAGE.width - 2 * PAGE.margin;
/** The lowest a row may reach: below is the footer. */
const BOTTOM = PAGE.height - PAGE.margin - 14;
const ROW = 17;
const COLORS = {
  text: '#1f2937',
  muted: '#6b7280',
  rule: '#e5e7eb',
  card: '#f3f6fb',
  stripe: '#f9fafb',
  highlight: '#e8f0fe',
  up: '#15803d',
  down: '#b91c1c',
};
const STATUS_COLORS: Record<GoalStatus, string> = {
  ACHIEVED: '#15803d',
  ON_TRACK: '#2563eb',
  BEHIND: '#b45309',
  AT_RISK: '#b91c1c',
  MISSED: '#6b7280',
};
const PERIOD_NAMES: Record<ReportData['periodType'], string> = {
  DAILY: 'Daily',
  WEEKLY: 'Weekly',
  MONTHLY: 'Monthly',
  QUARTERLY: 'Quarterly',
  YEARLY: 'Yearly',
};

const PERIOD_NOUNS: Record<ReportData['periodType'], string> = {
  DAILY: 'days',
  WEEKLY: 'weeks',
  MONTHLY: 'months',
  QUARTERLY: 'quarters',
  YEARLY: 'years',
};

const FONT_FILES = {
  regular: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  bold: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
};

interface Fonts {
  regular: string;
  bold: string;
  /** The font covers Unicode beyond WinAnsi (most scripts but CJK, ▲ ▼): else WinAnsi only. */
  unicode: boolean;
}

/** Characters the standard fonts' WinAnsi encoding has beyond Latin-1. */
const WIN_ANSI_EXTRA = new Set('–—‘’‚“”„†‡•…‰‹›€™ŠšŽžŒœŸƒˆ˜');
const plain = (text: string): string =>
  [...text]
    .map((c) =>
      (c >= ' ' && c <= '~') || (c >= '\u00a0' && c <= '\u00ff') || WIN_ANSI_EXTRA.has(c) ? c : '?',
    )
    .join('');

/** "33.3 %": a rate as the dashboard's cards show it (one decimal). */
export function formatRate(value: number | null): string {
  return value === null ? '—' : `${Number(value.toFixed(1))} %`;
}

const count = (n: number, one: string, many: string) =>
  `${new Intl.NumberFormat('en').format(n)} ${n === 1 ? one : many}`;

const METRIC_NAMES: Record<string, string> = {
  REVENUE: 'Revenue',
  ORDERS: 'Orders won',
  LEADS: 'Leads',
  CONVERSION_RATE: 'Conversion rate',
  WIN_RATE: 'Win rate',
};
const metricName = (metric: string) =>
  METRIC_NAMES[metric] ?? metric.charAt(0) + metric.slice(1).toLowerCase().replaceAll('_', ' ');

/** What the cards' changes are measured against: the days compared, as a range. */
function comparedText(data: ReportData, compared: ReportFigures): string {
  const range = dateRange(compared.periodStart, compared.periodEnd) ?? compared.periodStart;
  return data.partial
    ? `Changes compare with the same days of the previous period (${range}), as far as this one has gone.`
    : `Changes compare with the previous period (${range}).`;
}

export async function renderReportPdf(data: ReportData, options: ReportPdfOptions = {}): Promise<Buffer> {
  const unicode = existsSync(FONT_FILES.regular) && existsSync(FONT_FILES.bold);
  const organisation = options.organisation ?? 'Pulse';
  const period = dateRange(data.periodStart, data.periodEnd) ?? data.periodStart;
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    bufferPages: true,
    info: {
      Title: `${organisation} performance report: ${data.scope.name}, ${period}`,
      Author: organisation,
      Creator: 'Pulse',
      CreationDate: data.generatedAt,
      ModDate: data.generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  let fonts: Fonts = { regular: 'Helvetica', bold: 'Helvetica-Bold', unicode: false };
  if (unicode) {
    doc.registerFont('body', FONT_FILES.regular);
    doc.registerFont('body-bold', FONT_FILES.bold);
    fonts = { regular: 'body', bold: 'body-bold', unicode: true };
  }
  const draw = new Drawing(doc, fonts);
  draw.title(organisation, data, period);
  draw.cards(data);
  draw.trend(data);
  draw.goals(data);
  draw.leaderboard(data);
  draw.badges(data);
  draw.footers(`${organisation} · ${data.scope.name} · ${period}`);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right';
}

/** The page cursor and the drawing primitives: every row asks for its height before it is drawn. */
class Drawing {
  private y = PAGE.margin;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly fonts: Fonts,
  ) {}

  private text(
    value: string,
    x: number,
    y: number,
    style: {
      size: number;
      bold?: boolean;
      color?: string;
      width?: number;
      align?: 'left' | 'right' | 'center';
    },
  ): void {
    const { doc } = this;
    doc
      .font(style.bold ? this.fonts.bold : this.fonts.regular)
      .fontSize(style.size)
      .fillColor(style.color ?? COLORS.text);
    const shown = this.fit(this.fonts.unicode ? value : plain(value), style.width);
    doc.text(shown, x, y, {
      lineBreak: false,
      ...(style.width === undefined ? {} : { width: style.width, align: style.align ?? 'left' }),
    });
  }

  /** The text cut with "…" to fit `width` in the current font (no cell ever runs into the next). */
  private fit(value: string, width: number | undefined): string {
    if (width === undefined || this.doc.widthOfString(value) <= width) return value;
    let shown = [...value];
    while (shown.length > 0 && this.doc.widthOfString(`${shown.join('')}…`) > width)
      shown = shown.slice(0, -1);
    return `${shown.join('').trimEnd()}…`;
  }

  /** Room for `height` more on this page, else a new page; true when it began one. */
  private need(height: number): boolean {
    if (this.y + height <= BOTTOM) return false;
    this.doc.addPage();
    this.y = PAGE.margin;
    return true;
  }

  private heading(title: string, note?: string): void {
    // a heading is never left alone at a page's foot: room for it and two rows
    this.need(28 + 3 * ROW);
    this.y += 10;
    this.text(title, PAGE.margin, this.y, { size: 13, bold: true });
    if (note)
      this.text(note, PAGE.margin, this.y + 3, {
        size: 8.5,
        color: COLORS.muted,
        width: CONTENT,
        align: 'right',
      });
    this.y += 22;
  }

  title(organisation: string, data: ReportData, period: string): void {
    const scope =
      data.scope.kind === 'team'
        ? `${data.scope.name} (team)`
        : data.scope.kind === 'organisation'
          ? 'All teams'
          : data.scope.name;
    this.text(organisation.toUpperCase(), PAGE.margin, this.y, {
      size: 9,
      bold: true,
      color: COLORS.muted,
      width: CONTENT,
    });
    this.y += 14;
    this.text(`Performance report: ${scope}`, PAGE.margin, this.y, { size: 20, bold: true, width: CONTENT });
    this.y += 28;
    const today = localDate(data.generatedAt, data.timeZone);
    const progress = data.partial ? ` · so far (to ${dateRange(today, today) ?? today})` : '';
    this.text(`${PERIOD_NAMES[data.periodType]} · ${period}${progress}`, PAGE.margin, this.y, {
      size: 11,
      width: CONTENT,
    });
    this.y += 16;
    this.text(
      `Generated ${instant(data.generatedAt.toISOString(), data.timeZone) ?? ''} (${data.timeZone}) · amounts in ${data.currency}`,
      PAGE.margin,
      this.y,
      { size: 8.5, color: COLORS.muted, width: CONTENT },
    );
    this.y += 18;
    this.doc
      .moveTo(PAGE.margin, this.y)
      .lineTo(PAGE.margin + CONTENT, this.y)
      .lineWidth(0.75)
      .strokeColor(COLORS.rule)
      .stroke();
    this.y += 12;
  }

  private change(now: number | string | null, before: number | string | null | undefined, kind: ChangeKind) {
    if (before === undefined) return null;
    const change = changeOf(now, before, kind);
    if (!change) return null;
    const unit = kind === 'points' ? ' pts' : ' %';
    switch (change.direction) {
      case 'same':
        return { text: 'no change', color: COLORS.muted };
      case 'new':
        return { text: 'new', color: COLORS.up };
      default: {
        const amount = `${new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format(change.amount)}${unit}`;
        const up = change.direction === 'up';
        const sign = this.fonts.unicode ? (up ? '▲ ' : '▼ ') : up ? '+' : '-';
        return { text: `${sign}${amount}`, color: up ? COLORS.up : COLORS.down };
      }
    }
  }

  cards(data: ReportData): void {
    const s = data.summary;
    const before = data.comparedWith;
    // the average deal as the API's avgDealSize computes it (exact cents, not a float division)
    const average = avgDealSize(s.revenue, Math.max(0, s.ordersWon));
    const cards = [
      {
        title: 'Revenue',
        value: money(s.revenue, data.currency),
        base: count(s.ordersWon, 'order won', 'orders won'),
        change: this.change(s.revenue, before?.revenue, 'percent'),
      },
      {
        title: 'Orders won',
        value: new Intl.NumberFormat('en').format(s.ordersWon),
        base: average === null ? 'no orders yet' : `${money(average, data.currency)} per order`,
        change: this.change(s.ordersWon, before?.ordersWon, 'percent'),
      },
      {
        title: 'Conversion rate',
        value: formatRate(s.conversionRate),
        base:
          s.leadsCreated === 0
            ? 'no leads yet'
            : `${count(Math.max(0, s.ordersWon), 'order', 'orders')} from ${count(s.leadsCreated, 'lead', 'leads')}`,
        change: this.change(s.conversionRate, before?.conversionRate, 'points'),
      },
      {
        title: 'Win rate',
        value: formatRate(s.winRate),
        base:
          s.opportunitiesClosed === 0
            ? 'no closed opportunities yet'
            : `${new Intl.NumberFormat('en').format(Math.max(0, s.ordersWon))} won of ${count(s.opportunitiesClosed, 'closed', 'closed')}`,
        change: this.change(s.winRate, before?.winRate, 'points'),
      },
    ];
    const gap = 10;
    const width = (CONTENT - gap * (cards.length - 1)) / cards.length;
    const height = 76;
    cards.forEach((card, i) => {
      const x = PAGE.margin + i * (width + gap);
      this.doc.roundedRect(x, this.y, width, height, 6).fillColor(COLORS.card).fill();
      const inner = width - 20;
      this.text(card.title, x + 10, this.y + 9, { size: 8.5, color: COLORS.muted, width: inner });
      // the largest size up to 17 pt at which the figure fits the card: never cut
      let size = 17;
      this.doc.font(this.fonts.bold);
      while (size > 9 && this.doc.fontSize(size).widthOfString(card.value) > inner) size -= 0.5;
      this.text(card.value, x + 10, this.y + 24 + (17 - size) / 2, { size, bold: true, width: inner });
      this.text(card.base, x + 10, this.y + 46, { size: 7.5, color: COLORS.muted, width: inner });
      if (card.change)
        this.text(card.change.text, x + 10, this.y + 59, {
          size: 8,
          bold: true,
          color: card.change.color,
          width: inner,
        });
    });
    this.y += height + 6;
    const note = before ? comparedText(data, before) : 'Nothing to compare with: the period has not begun.';
    this.text(note, PAGE.margin, this.y, { size: 7.5, color: COLORS.muted, width: CONTENT });
    this.y += 14;
  }

  trend(data: ReportData): void {
    const height = 190;
    // the chart's title is the section's heading: the image starts TITLE_X to the left, so its
    // title lines up with the page's text, and reaches the right margin
    const width = Math.round(CONTENT + TITLE_X);
    this.need(8 + height + 24);
    this.y += 8;
    const png = trendChartPng(data.trend, { width, height, currency: data.currency, locale: 'en-US' });
    // the PNG has PNG_SCALE times the chart's pixels: placed at the chart's size, it prints sharp
    this.doc.image(png, PAGE.margin - TITLE_X, this.y, { width, height });
    this.y += height + 4;
    // the chart's figures in words too: what a screen reader, a search and a test can read
    const best = data.trendRevenue.reduce(
      (at, value, i) => (Number(value) > Number(data.trendRevenue[at] ?? 0) ? i : at),
      0,
    );
    const bestPoint = data.trend.points[best];
    const caption =
      `${money(sumMoney(data.trendRevenue), data.currency)} in these ${data.trend.points.length} ${PERIOD_NOUNS[data.periodType]}` +
      (bestPoint && Number(data.trendRevenue[best]) > 0
        ? ` · best ${bestPoint.label}: ${money(data.trendRevenue[best], data.currency)}`
        : '');
    this.text(caption, PAGE.margin, this.y, { size: 8, color: COLORS.muted, width: CONTENT });
    this.y += 16;
  }

  /** A table's header row. */
  private header(columns: Column[]): void {
    let x = PAGE.margin;
    for (const column of columns) {
      this.text(column.title, x + 4, this.y + 4, {
        size: 8,
        bold: true,
        color: COLORS.muted,
        width: column.width - 8,
        align: column.align ?? 'left',
      });
      x += column.width;
    }
    this.y += ROW;
    this.doc
      .moveTo(PAGE.margin, this.y - 1)
      .lineTo(PAGE.margin + CONTENT, this.y - 1)
      .lineWidth(0.5)
      .strokeColor(COLORS.rule)
      .stroke();
  }

  /**
   * Rows under a header; a row that would pass the foot of the page starts a new one, which
   * repeats the header (and says the table goes on).
   */
  private table(
    title: string,
    columns: Column[],
    rows: { cells: { text: string; color?: string; bold?: boolean }[]; highlight?: boolean }[],
  ): void {
    this.header(columns);
    rows.forEach((row, i) => {
      if (this.need(ROW)) {
        this.text(`${title} (continued)`, PAGE.margin, this.y, { size: 10, bold: true, color: COLORS.muted });
        this.y += 18;
        this.header(columns);
      }
      if (row.highlight || i % 2 === 1)
        this.doc
          .rect(PAGE.margin, this.y, CONTENT, ROW)
          .fillColor(row.highlight ? COLORS.highlight : COLORS.stripe)
          .fill();
      let x = PAGE.margin;
      row.cells.forEach((cell, c) => {
        const column = columns[c];
        if (!column) return;
        this.text(cell.text, x + 4, this.y + 4.5, {
          size: 9,
          bold: cell.bold ?? row.highlight ?? false,
          color: cell.color ?? COLORS.text,
          width: column.width - 8,
          align: column.align ?? 'left',
        });
        x += column.width;
      });
      this.y += ROW;
    });
  }

  private empty(message: string): void {
    this.need(ROW);
    this.text(message, PAGE.margin, this.y, { size: 9, color: COLORS.muted, width: CONTENT });
    this.y += ROW;
  }

  goals(data: ReportData): void {
    this.heading('Goals', data.goals.length ? count(data.goals.length, 'goal', 'goals') : undefined);
    if (data.goals.length === 0)
      return this.empty(`No ${PERIOD_NAMES[data.periodType].toLowerCase()} goals for this period.`);
    const columns: Column[] = [
      { title: 'For', width: 140 },
      { title: 'Goal', width: 95 },
      { title: 'Progress', width: 160, align: 'right' },
      { title: 'Reached', width: 55, align: 'right' },
      { title: 'Status', width: CONTENT - 450 },
    ];
    this.table(
      'Goals',
      columns,
      data.goals.map((g) => ({
        cells: [
          { text: g.owner },
          { text: metricName(g.metric) },
          {
            text: `${metricValue(g.metric, g.currentValue, data.currency)} of ${metricValue(g.metric, g.targetValue, data.currency)}`,
          },
          { text: formatRate(g.achievementPercentage) },
          {
            text: g.status
              .replace('_', ' ')
              .toLowerCase()
              .replace(/^./, (c) => c.toUpperCase()),
            color: STATUS_COLORS[g.status as GoalStatus],
            bold: true,
          },
        ],
      })),
    );
  }

  leaderboard(data: ReportData): void {
    const board = data.leaderboard;
    const shown = board.rows.length;
    const note =
      shown === 0
        ? undefined
        : `${shown < board.totalEntries ? `top ${shown} of ${board.totalEntries}` : count(shown, 'seller', 'sellers')} ranked` +
          (board.unrankedCount > 0
            ? ` · ${count(board.unrankedCount, 'seller', 'sellers')} without a sale`
            : '');
    this.heading(
      board.teamId === null ? 'Leaderboard: revenue, all teams' : `Leaderboard: revenue, ${data.scope.name}`,
      note,
    );
    if (shown === 0) return this.empty('Nobody has sold in this period yet.');
    const columns: Column[] = [
      { title: 'Rank', width: 45, align: 'right' },
      { title: 'Seller', width: 185 },
      { title: 'Team', width: 120 },
      { title: 'Orders won', width: 65, align: 'right' },
      { title: 'Revenue', width: CONTENT - 415, align: 'right' },
    ];
    this.table(
      'Leaderboard',
      columns,
      board.rows.map((r) => ({
        highlight: data.scope.kind === 'person' && r.userId === data.scope.id,
        cells: [
          { text: `#${r.rank}`, bold: true },
          { text: r.name },
          { text: r.team ?? '—', color: COLORS.muted },
          { text: new Intl.NumberFormat('en').format(r.ordersWon) },
          { text: money(r.revenue, data.currency) },
        ],
      })),
    );
  }

  badges(data: ReportData): void {
    this.heading(
      'Badges earned',
      data.badges.length ? count(data.badges.length, 'badge', 'badges') : undefined,
    );
    if (data.badges.length === 0) return this.empty('No badges earned in this period.');
    const columns: Column[] = [
      { title: 'When', width: 110 },
      { title: 'Who', width: 170 },
      { title: 'Badge', width: CONTENT - 280 },
    ];
    this.table(
      'Badges earned',
      columns,
      data.badges.map((b) => ({
        cells: [
          { text: instant(b.achievedAt.toISOString(), data.timeZone) ?? '', color: COLORS.muted },
          { text: b.name },
          { text: b.title, bold: true },
        ],
      })),
    );
  }

  /** "Page n of m" and the report's name at the foot of every page, drawn once all pages exist. */
  footers(label: string): void {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      // below the bottom margin: without this pdfkit would begin a page for the text
      const margin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      const y = PAGE.height - PAGE.margin + 6;
      this.text(label, PAGE.margin, y, { size: 7.5, color: COLORS.muted, width: CONTENT - 80 });
      this.text(`Page ${i - range.start + 1} of ${range.count}`, PAGE.margin, y, {
        size: 7.5,
        color: COLORS.muted,
        width: CONTENT,
        align: 'right',
      });
      doc.page.margins.bottom = margin;
    }
  }
}

/**
 * Prometheus' text exposition format, read as a scraper reads it: `# HELP` and `# TYPE` lines,
 * then samples `name{label="value",…} value`. Strict on what the tests rely on: every sample
 * belongs to a family with a TYPE, names and label names are valid, values are numbers (or NaN,
 * ±Inf). `scrape` fetches and parses /metrics; `valueOf` sums the samples matching some labels.
 */

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Exposition {
  /** Family name -> type (counter, gauge, histogram, summary, untyped). */
  types: Map<string, string>;
  samples: Sample[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*(,|$)/y;
const SUFFIXES = ['_bucket', '_sum', '_count', '_total', '_created'];

function unescape(text: string): string {
  return text.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
}

/** The family a sample belongs to: its name, or its name without a histogram/summary suffix. */
function familyOf(name: string, types: Map<string, string>): string | undefined {
  if (types.has(name)) return name;
  const suffix = SUFFIXES.find((s) => name.endsWith(s));
  const base = suffix ? name.slice(0, -suffix.length) : undefined;
  return base !== undefined && types.has(base) ? base : undefined;
}

export function parseExposition(text: string): Exposition {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    const where = `line ${index + 1}: ${line}`;
    if (line.trim() === '') continue;
    if (line.startsWith('#')) {
      const type = /^# TYPE (\S+) (counter|gauge|histogram|summary|untyped)$/.exec(line);
      if (type) types.set(type[1]!, type[2]!);
      else if (!/^# HELP \S+ /.test(line)) throw new Error(`not a HELP or TYPE comment: ${where}`);
      continue;
    }
    const head = /^([^{\s]+)(\{.*\})?\s+(\S+)(\s+-?\d+)?$/.exec(line);
    if (!head) throw new Error(`not a sample: ${where}`);
    const [, name, braces, raw] = head as unknown as [string, string, string | undefined, string];
    if (!NAME.test(name)) throw new Error(`bad metric name: ${where}`);
    if (familyOf(name, types) === undefined) throw new Error(`sample without a TYPE: ${where}`);
    const labels: Record<string, string> = {};
    if (braces) {
      const inner = braces.slice(1, -1);
      LABEL.lastIndex = 0;
      while (LABEL.lastIndex < inner.length) {
        const at = LABEL.lastIndex;
        const match = LABEL.exec(inner);
        if (!match || match.index !== at) throw new Error(`bad labels: ${where}`);
        labels[match[1]!] = unescape(match[2]!);
      }
    }
    // NaN in any case, as Prometheus reads it (Go's ParseFloat; prom-client writes `Nan`)
    const nan = /^nan$/i.test(raw);
    const value = nan ? NaN : raw === '+Inf' ? Infinity : raw === '-Inf' ? -Infinity : Number(raw);
    if (!nan && Number.isNaN(value)) throw new Error(`bad value: ${where}`);
    samples.push({ name, labels, value });
  }
  return { types, samples };
}

/** The samples named `name` whose labels include `labels`. */
export function samplesOf(
  exposition: Exposition,
  name: string,
  labels: Record<string, string> = {},
): Sample[] {
  return exposition.samples.filter(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
}

/** The sum of those samples (0 when there are none: a series not created yet counted nothing). */
export function valueOf(exposition: Exposition, name: string, labels: Record<string, string> = {}): number {
  return samplesOf(exposition, name, labels).reduce((sum, s) => sum + s.value, 0);
}

/** GET `url`/metrics (with a bearer token when given) and its parsed answer; fails on anything but 200. */
export async function scrape(url: string, token?: string): Promise<Exposition> {
  const response = await fetch(`${url}/metrics`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`/metrics answered ${response.status}: ${text.slice(0, 200)}`);
  if (!/^text\/plain; version=0\.0\.4/.test(response.headers.get('content-type') ?? ''))
    throw new Error(`/metrics answered ${response.headers.get('content-type')}`);
  return parseExposition(text);
}

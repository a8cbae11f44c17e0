/**
 * Reads V8 CPU profiles (node --cpu-prof) and summarises where the time went: the top functions
 * by self time, and self time grouped by package (graphql, type-graphql, ws, postgres, ...) or by
 * Pulse source file. Idle time is left out of the percentages.
 */
import { readdirSync, readFileSync } from 'node:fs';

function where(url) {
  if (!url) return '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 13).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return 'node (core)';
  const m = /\/((?:api|schema|bench)\/.*)$/.exec(url);
  return m ? m[1] : url.replace(/^file:\/\//, '');
}

export function summarizeProfile(file, top = 15) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i += 1) {
    const dt = profile.timeDeltas[i] ?? 0;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt);
  }
  const functions = new Map();
  const packages = new Map();
  let total = 0;
  let idle = 0;
  for (const [id, us] of self) {
    const n = byId.get(id);
    const f = n.callFrame;
    if (f.functionName === '(idle)') {
      idle += us;
      continue;
    }
    total += us;
    const place = where(f.url);
    const key = `${f.functionName || '(anonymous)'} ${place}${f.url && !place.startsWith('(') ? `:${f.lineNumber + 1}` : ''}`;
    functions.set(key, (functions.get(key) ?? 0) + us);
    const pkg = f.url ? place : f.functionName;
    packages.set(pkg, (packages.get(pkg) ?? 0) + us);
  }
  const rank = (m) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: Math.round(us / 1000), pct: Math.round((1000 * us) / total) / 10 }));
  return {
    file,
    busyMs: Math.round(total / 1000),
    idleMs: Math.round(idle / 1000),
    functions: rank(functions),
    packages: rank(packages),
  };
}

/** Summaries of every profile in a directory (normally one: the server's). */
export function summarizeProfiles(dir, top = 15) {
  let files;
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  } catch {
    return [];
  }
  return files.map((f) => summarizeProfile(`${dir}/${f}`, top));
}

/**
 * Debian's nginx in front of local API processes, configured from the file that ships
 * (deploy/nginx.conf, the one docker-compose.yml mounts), so what the scale-out test and bench prove
 * is that file's behaviour, not a look-alike. Only what cannot be the same outside Docker is
 * replaced: the upstream addresses (api1:4000 … -> 127.0.0.1:<port>), the listen port, and the log,
 * pid and temporary paths (a temporary directory of its own, never the system's). Each replacement
 * must match exactly as often as expected, so a change to the shipped file that the generator no
 * longer understands fails loudly instead of testing something else. nginx runs in the foreground
 * as a child process (`daemon off`), stopped with the test.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'node:net';
import { until } from './wait.ts';

export const SHIPPED_NGINX_CONF = new URL('../../deploy/nginx.conf', import.meta.url).pathname;

/** The nginx binary, or undefined when it is not installed (apt-get install nginx). */
export function nginxBinary(): string | undefined {
  for (const candidate of ['/usr/sbin/nginx', 'nginx']) {
    const probe = spawnSync(candidate, ['-v'], { stdio: 'ignore' });
    if (!probe.error && probe.status === 0) return candidate;
  }
  return undefined;
}

function replaceCounted(text: string, find: string | RegExp, by: string, expected: number, what: string) {
  const pattern =
    typeof find === 'string' ? new RegExp(find.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g') : find;
  const found = text.match(pattern)?.length ?? 0;
  if (found !== expected)
    throw new Error(
      `deploy/nginx.conf: expected ${expected} × ${what}, found ${found}; update tests/support/balancer.ts`,
    );
  return text.replace(pattern, by);
}

/**
 * The shipped config for `upstreams` (host:port each) on `port`: its `server apiN:4000 …;` lines
 * become one line per upstream, with the first line's parameters (max_fails, fail_timeout).
 */
export function nginxConfigFor(template: string, upstreams: string[], port: number, dir: string): string {
  const serverLine = /^([ \t]*)server api\d+:4000( [^;\n]*)?;\n/gm;
  const first = serverLine.exec(template);
  if (!first || upstreams.length === 0)
    throw new Error('deploy/nginx.conf: no "server apiN:4000" line; update tests/support/balancer.ts');
  const [, indent = '', params = ''] = first;
  const servers = upstreams.map((address) => `${indent}server ${address}${params};\n`).join('');
  let text = template.replace(serverLine, (_line, _indent, _params, offset: number) =>
    offset === first.index ? servers : '',
  );
  text = replaceCounted(text, /listen 80;/g, `listen 127.0.0.1:${port};`, 1, '"listen 80;"');
  text = replaceCounted(text, /\/var\/log\/nginx\//g, `${dir}/`, 2, 'log paths under /var/log/nginx/');
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((kind) => `  ${kind}_temp_path ${dir}/${kind}_temp;`)
    .join('\n');
  return replaceCounted(text, /^http \{$/m, `http {\n${temp}`, 1, '"http {"');
}

export interface Balancer {
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  readonly child: ChildProcess;
  /** nginx's error log so far (for a failure message). */
  errors(): string;
  stop(): Promise<void>;
}

/** Starts nginx on `port` in front of `upstreams`; resolves once it accepts connections. */
export async function startBalancer(upstreams: string[], port: number): Promise<Balancer> {
  const binary = nginxBinary();
  if (!binary) throw new Error('nginx is not installed (apt-get install -y nginx)');
  const dir = mkdtempSync(join(tmpdir(), 'pulse-nginx-'));
  // nginx's workers run as an unprivileged user when started by root: they must reach the temp paths
  chmodSync(dir, 0o755);
  const conf = join(dir, 'nginx.conf');
  writeFileSync(conf, nginxConfigFor(readFileSync(SHIPPED_NGINX_CONF, 'utf8'), upstreams, port, dir));
  const child = spawn(
    binary,
    ['-p', dir, '-c', conf, '-e', join(dir, 'error.log'), '-g', `daemon off; pid ${join(dir, 'nginx.pid')};`],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const errors = () => {
    try {
      return `${stderr}${readFileSync(join(dir, 'error.log'), 'utf8').slice(-4000)}`;
    } catch {
      return stderr;
    }
  };
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGQUIT'); // graceful: workers finish, then the master exits
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await until(
      () => {
        if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${errors()}`);
        return new Promise<boolean>((resolve) => {
          const socket = createConnection({ host: '127.0.0.1', port }, () => {
            socket.destroy();
            resolve(true);
          });
          socket.once('error', () => resolve(false));
        });
      },
      () => `nginx to listen on ${port}: ${errors()}`,
      { timeoutMs: 10_000, everyMs: 20 },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}`, port, dir, child, errors, stop };
}

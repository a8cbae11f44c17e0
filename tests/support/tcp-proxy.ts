/**
 * A TCP proxy in front of Postgres that can make chosen connections go silent: bytes stop flowing
 * both ways but the sockets stay open, like a half-open connection after a network fault. Only
 * addresses on this machine are involved.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface SilentProxy {
  readonly port: number;
  /** Silences every current connection whose startup packet contained `marker`. */
  silence(marker: string): number;
  close(): Promise<void>;
}

export async function startProxy(target: { host: string; port: number }): Promise<SilentProxy> {
  const links: { client: Socket; upstream: Socket; startup: string; silent: boolean }[] = [];
  const server: Server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    const link = { client, upstream, startup: '', silent: false };
    links.push(link);
    client.on('data', (chunk: Buffer) => {
      if (link.startup.length < 4096) link.startup += chunk.toString('latin1');
      if (!link.silent) upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (!link.silent) client.write(chunk);
    });
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop);
    upstream.on('error', drop);
    client.on('close', drop);
    upstream.on('close', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('proxy has no port');
  return {
    port: address.port,
    silence(marker) {
      let n = 0;
      for (const link of links) {
        if (!link.silent && link.startup.includes(marker) && !link.client.destroyed) {
          link.silent = true;
          n += 1;
        }
      }
      return n;
    },
    async close() {
      for (const link of links) {
        link.client.destroy();
        link.upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

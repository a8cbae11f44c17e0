/**
 * What one frame costs the writer on loopback, written as one buffer (`write`) or as ws writes a
 * server frame, header and payload corked (`writev`): sockets to a second process, the writer's
 * loop over every socket, per socket (median of 5 interleaved rounds each). The floor under M1's
 * and M3's fan-out (one frame per subscriber and board version); not part of `npm run bench`.
 * On this 2-vCPU host both ways cost 17-28 µs a socket (100-1,300 bytes), so one process's
 * writes alone take 170-280 ms for 10,000 subscribers.
 *
 *   node bench/micro/socket-writes.mjs [sockets=5000] [payload bytes=1300]
 */
import { fork } from 'node:child_process';
import net from 'node:net';

const [N = 5000, SIZE = 1300] = process.argv.slice(2).map(Number);

if (process.argv[2] === 'client') {
  const [port, n] = process.argv.slice(3).map(Number);
  const connect = () =>
    new Promise((resolve, reject) => {
      const c = net.connect(port, '127.0.0.1', () => resolve(c));
      c.on('data', () => {}).once('error', reject);
    });
  // 200 at a time: a storm of connects overflows the listen queue and loses some
  for (let i = 0; i < n; i += 200) await Promise.all(Array.from({ length: Math.min(200, n - i) }, connect));
} else {
  const sockets = [];
  const header = Buffer.alloc(4, 1);
  const payload = Buffer.alloc(SIZE, 97);
  const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
  const round = (mode) => {
    const t = process.hrtime.bigint();
    for (const s of sockets) {
      if (mode === 'write') s.write(Buffer.concat([header, payload]));
      else {
        s.cork();
        s.write(header);
        s.write(payload);
        s.uncork();
      }
    }
    return Number(process.hrtime.bigint() - t) / 1e3 / sockets.length;
  };
  const server = net.createServer((s) => {
    s.setNoDelay(true);
    sockets.push(s);
    if (sockets.length === N) void run();
  });
  let client;
  server.listen({ port: 0, host: '127.0.0.1', backlog: 1024 }, () => {
    client = fork(new URL(import.meta.url).pathname, ['client', String(server.address().port), String(N)]);
  });
  async function run() {
    const times = { write: [], writev: [] };
    for (let r = 0; r < 5; r += 1) {
      for (const mode of ['write', 'writev']) {
        await new Promise((resolve) => setTimeout(resolve, 300));
        times[mode].push(round(mode));
      }
    }
    console.log(
      `${N} sockets, ${SIZE}-byte payload: one buffer ${median(times.write).toFixed(1)} µs a socket, ` +
        `header + payload corked ${median(times.writev).toFixed(1)} µs`,
    );
    client.kill();
    process.exit(0);
  }
}

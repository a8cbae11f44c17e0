/**
 * Pulse for the benchmarks: the real server (startApp, configured from the environment like
 * api/main.ts), in a child process of its own so that its RSS and CPU are its own, with an IPC
 * channel for the bench: every SQL statement the process runs is counted (api/db/client.ts
 * everyStatement, which a request's counted statements pass too), and the live hub's counters are
 * readable.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadConfig } from '../../api/config.ts';
import { createLogger } from '../../api/core/logger.ts';
import { startTracing } from '../../api/core/tracing.ts';

const config = loadConfig(process.env);
// as api/main.ts: tracing (OTEL_EXPORTER_OTLP_ENDPOINT, e.g. through BENCH_PULSE_ENV) starts before
// the server's modules are imported, so that its HTTP instrumentation hooks node:http
await startTracing(config.tracing, createLogger(config));
const { startApp } = await import('../../api/app.ts');
const { everyStatement } = await import('../../api/db/client.ts');

let statements = 0;
/** Of those, the change-log reads (live_drain: api/live/feed/bridge.ts). */
let changeLogReads = 0;
everyStatement.logQuery = (query: string) => {
  statements += 1;
  if (query.includes('live_drain(')) changeLogReads += 1;
};

const app = await startApp(config, {});
const send = (message: unknown) => process.send?.(message);
send({ type: 'ready', port: app.port });

let profiler: Session | undefined;

process.on('message', (message: { type: string; id: number; file?: string }) => {
  const reply = (data: unknown) => send({ type: 'reply', id: message.id, data });
  switch (message.type) {
    case 'profileStart':
      // CPU profile of a load window only (node --cpu-prof would include start-up)
      void (async () => {
        profiler = new Session();
        profiler.connect();
        await profiler.post('Profiler.enable');
        await profiler.post('Profiler.setSamplingInterval', { interval: 500 });
        await profiler.post('Profiler.start');
        reply({ started: true });
      })();
      break;
    case 'profileStop':
      void (async () => {
        const { profile } = await profiler!.post('Profiler.stop');
        writeFileSync(message.file!, JSON.stringify(profile));
        profiler!.disconnect();
        profiler = undefined;
        reply({ file: message.file });
      })();
      break;
    case 'stats':
      reply({
        statements,
        changeLogReads,
        live: { ...app.live.stats },
        subscribers: app.live.subscriberCount,
        boards: app.live.watchedBoards,
        sockets: app.ws.wss.clients.size,
        slowClosed: app.ws.slowClosed,
        memory: process.memoryUsage(),
      });
      break;
    case 'gc':
      (globalThis as { gc?: () => void }).gc?.();
      reply({ memory: process.memoryUsage() });
      break;
    case 'stop':
      void app.stop().finally(() => {
        reply({ stopped: true });
        setTimeout(() => process.exit(0), 50);
      });
      break;
  }
});
process.on('disconnect', () => {
  void app.stop().finally(() => process.exit(0));
});

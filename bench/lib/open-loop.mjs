/**
 * An open-loop HTTP load at a fixed rate: request i is due at start + i / rate and is sent then,
 * whether or not earlier ones have been answered (a new keep-alive socket when all are busy), and
 * its latency runs from its due time, so a server (or client) that falls behind is charged for the
 * wait (no coordinated omission).
 *
 * Why not autocannon's rate limit: it gives each connection a quota per second and resets the
 * quotas every second, so each second starts with every connection sending at once (16 requests
 * together at 16 connections) and then idles; its p99 measured that burst — 16 service times —
 * not a server at half load.
 */
import http from 'node:http';
import { percentile } from './common.mjs';

function send(agent, url, { headers, body }) {
  return new Promise((resolve) => {
    const request = http.request(url, { method: 'POST', agent, headers }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode));
      response.on('error', () => resolve(0));
    });
    request.on('error', () => resolve(0));
    request.end(body);
  });
}

/** Sends `rate` requests a second for `seconds`; latencies in ms (p50, p90, p99, max). */
export async function openLoop({ url, headers, body, rate, seconds, maxSockets = 256 }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const total = Math.max(1, Math.round(rate * seconds));
  const interval = 1000 / rate;
  const latencies = [];
  let non2xx = 0;
  let errors = 0;
  const inFlight = [];
  const start = performance.now() + 5;
  for (let i = 0; i < total; i += 1) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(
      send(agent, url, { headers, body }).then((status) => {
        latencies.push(performance.now() - due);
        if (status === 0) errors += 1;
        else if (status < 200 || status >= 300) non2xx += 1;
      }),
    );
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  return {
    rate,
    sent: total,
    rps: total / elapsed,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: Math.max(...latencies),
    non2xx,
    errors,
  };
}

/**
 * The seed's curl examples, run verbatim: the commands are read from the original system's text,
 * kept as a fixture (tests/fixtures/seed-rest-api.md, section "API Usage Examples"), split into
 * words like a shell would, and run with the real curl binary when there is one (else translated
 * into fetch). Only the base URL (http://localhost:4000 -> the
 * test server) changes and an Authorization header is added.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';

/** The original system's REST API description (endpoints, POST bodies, curl examples), verbatim. */
export const SEED_FIXTURE = new URL('../fixtures/seed-rest-api.md', import.meta.url);
const SEED_URL = 'http://localhost:4000';

export interface CurlExample {
  title: string;
  command: string;
}

export function seedText(): string {
  return readFileSync(SEED_FIXTURE, 'utf8');
}

/** Every ```bash block of the "API Usage Examples" section, with its ### title. */
export function seedCurlExamples(text = seedText()): CurlExample[] {
  const start = text.indexOf('## API Usage Examples');
  if (start < 0) throw new Error('the seed has no "API Usage Examples" section');
  const rest = text.slice(start + 3);
  const end = rest.search(/\n## /);
  const section = end < 0 ? rest : rest.slice(0, end);
  const examples: CurlExample[] = [];
  const pattern = /### ([^\n]+)\n```bash\n([\s\S]*?)```/g;
  for (let m = pattern.exec(section); m; m = pattern.exec(section)) {
    examples.push({ title: (m[1] ?? '').trim(), command: (m[2] ?? '').trim() });
  }
  return examples;
}

/** Shell word splitting for the quoting the examples use: '...', "...", \ escapes and line continuations. */
export function shellWords(command: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < command.length; i += 1) {
    const c = command[i] ?? '';
    if (c === '\\' && command[i + 1] === '\n') i += 1;
    else if (c === '\\') word = (word ?? '') + (command[++i] ?? '');
    else if (c === "'") {
      const end = command.indexOf("'", i + 1);
      word = (word ?? '') + command.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      let text = '';
      for (i += 1; i < command.length && command[i] !== '"'; i += 1) {
        text += command[i] === '\\' && '"\\$`'.includes(command[i + 1] ?? '') ? command[++i] : command[i];
      }
      word = (word ?? '') + text;
    } else if (/\s/.test(c)) {
      if (word !== null) words.push(word);
      word = null;
    } else word = (word ?? '') + c;
  }
  if (word !== null) words.push(word);
  return words;
}

export interface CurlResult {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  via: 'curl' | 'fetch';
}

const run = promisify(execFile);

async function hasCurl(): Promise<boolean> {
  try {
    await run('curl', ['--version']);
    return true;
  } catch {
    return false;
  }
}

/** The example's words with the base URL replaced and a bearer token added. */
export function curlArgs(example: CurlExample, baseUrl: string, token: string): string[] {
  const words = shellWords(example.command);
  if (words[0] !== 'curl') throw new Error(`not a curl command: ${example.command}`);
  return [
    ...words.slice(1).map((w) => w.split(SEED_URL).join(baseUrl)),
    '-H',
    `Authorization: Bearer ${token}`,
  ];
}

function viaFetch(args: string[]): Promise<Response> {
  let method: string | undefined;
  let url = '';
  let body: string | undefined;
  const headers: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '-X' || arg === '--request') method = args[++i];
    else if (arg === '-H' || arg === '--header') {
      const [name = '', ...value] = (args[++i] ?? '').split(':');
      headers[name.trim()] = value.join(':').trim();
    } else if (arg === '-d' || arg === '--data' || arg === '--data-raw') body = args[++i];
    else if (!arg.startsWith('-')) url = arg;
    else throw new Error(`curl option not translated: ${arg}`);
  }
  return fetch(url, { method: method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
}

export async function runCurlExample(
  example: CurlExample,
  baseUrl: string,
  token: string,
): Promise<CurlResult> {
  const args = curlArgs(example, baseUrl, token);
  if (await hasCurl()) {
    const marker = '\n--pulse-status--';
    const { stdout } = await run('curl', ['-sS', '-D', '-', ...args, '-w', `${marker}%{http_code}`]);
    const [response = '', status = '0'] = stdout.split(marker);
    const [head = '', ...bodyParts] = response.split('\r\n\r\n');
    const headers = Object.fromEntries(
      head
        .split('\r\n')
        .slice(1)
        .map((line) => [
          line.slice(0, line.indexOf(':')).toLowerCase(),
          line.slice(line.indexOf(':') + 1).trim(),
        ]),
    );
    const text = bodyParts.join('\r\n\r\n');
    return {
      status: Number(status),
      body: text ? (JSON.parse(text) as unknown) : null,
      headers,
      via: 'curl',
    };
  }
  const response = await viaFetch(args);
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as unknown) : null,
    headers: Object.fromEntries(response.headers),
    via: 'fetch',
  };
}

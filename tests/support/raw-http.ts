/**
 * HTTP/1.1 over a plain TCP socket, for what fetch hides: sending headers and a body separately
 * (a body that never comes, or comes after the answer), `Expect: 100-continue`, interim answers,
 * several requests on one connection, and a client that sends its whole body before it reads
 * anything (`readAfterSending`), as many HTTP libraries do. Answers are parsed by Content-Length
 * (every answer of the server has one), or read to the end of the connection.
 */
import { connect, type Socket } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export class RawConnection {
  private buffer = Buffer.alloc(0);
  private waiting: (() => void) | undefined;
  /** Why the connection ended (undefined: closed cleanly), once it has. */
  ended: { error: string | undefined } | undefined;
  readonly closed: Promise<{ error: string | undefined }>;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.wake();
    });
    this.closed = new Promise((resolve) => {
      let error: string | undefined;
      socket.on('error', (e: NodeJS.ErrnoException) => (error ??= e.code ?? e.message));
      socket.on('close', () => {
        this.ended = { error };
        this.wake();
        resolve(this.ended);
      });
    });
  }

  static open(url: string): Promise<RawConnection> {
    const { hostname, port } = new URL(url);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), hostname === 'localhost' ? '127.0.0.1' : hostname);
      socket.once('connect', () => resolve(new RawConnection(socket)));
      socket.once('error', reject);
    });
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.();
  }

  /** Writes, resolving once the bytes are handed to the kernel; rejects if the connection fails. */
  write(data: string | Buffer): Promise<void> {
    return new Promise((resolve, reject) => {
      this.socket.write(data, (error) => (error ? reject(error) : resolve()));
    });
  }

  /** Sends `head` and `body` before reading anything (what arrives meanwhile waits in the kernel). */
  async readAfterSending(head: string, body: Buffer): Promise<RawResponse> {
    this.socket.pause();
    try {
      await this.write(head);
      await this.write(body);
    } finally {
      this.socket.resume();
    }
    return this.response();
  }

  /** The next answer (an interim 1xx too); rejects if the connection ends first. */
  async response(): Promise<RawResponse> {
    for (;;) {
      const parsed = this.parse();
      if (parsed) return parsed;
      if (this.ended) {
        throw new Error(
          `connection ended (${this.ended.error ?? 'closed'}) before a complete answer: ${JSON.stringify(this.buffer.toString('latin1').slice(0, 200))}`,
        );
      }
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
  }

  private parse(): RawResponse | undefined {
    const end = this.buffer.indexOf('\r\n\r\n');
    if (end < 0) return undefined;
    const [statusLine = '', ...lines] = this.buffer.subarray(0, end).toString('latin1').split('\r\n');
    const status = Number(statusLine.split(' ')[1]);
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const start = end + 4;
    let length: number;
    if (status < 200) length = 0;
    else if (headers['content-length'] !== undefined) length = Number(headers['content-length']);
    else if (this.ended) length = this.buffer.length - start;
    else return undefined;
    if (this.buffer.length < start + length) return undefined;
    const body = this.buffer.subarray(start, start + length).toString('utf8');
    this.buffer = this.buffer.subarray(start + length);
    return { status, headers, body };
  }

  destroy(): void {
    this.socket.destroy();
  }
}

/** A request's head: the request line, Host, the given headers, the blank line. */
export function head(method: string, path: string, headers: Record<string, string | number>): string {
  const lines = [`${method} ${path} HTTP/1.1`, 'Host: localhost'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}

import { act, render, screen } from '@testing-library/react';
import type { Client, Sink } from 'graphql-ws';
import { describe, expect, it, vi } from 'vitest';
import { createConnectionStore } from '../lib/connection.ts';
import {
  LiveError,
  operation,
  toLiveError,
  TvClientProvider,
  useQuery,
  useSubscription,
  type TvClient,
} from './live.ts';

describe('toLiveError', () => {
  it("keeps the contract's code of a GraphQL error", () => {
    const e = toLiveError([{ message: 'No such team', extensions: { code: 'NOT_FOUND' } }]);
    expect([e.message, e.code]).toEqual(['No such team', 'NOT_FOUND']);
  });

  it('reads a refused socket as UNAUTHENTICATED and any other close or failure as NETWORK', () => {
    expect(toLiveError({ code: 4401, reason: 'Unauthorized' }).code).toBe('UNAUTHENTICATED');
    expect(toLiveError({ code: 4403, reason: '' }).code).toBe('UNAUTHENTICATED');
    expect(toLiveError({ code: 1006, reason: '' })).toMatchObject({
      code: 'NETWORK',
      message: 'closed (1006)',
    });
    expect(toLiveError(new TypeError('Failed to fetch'))).toMatchObject({
      code: 'NETWORK',
      message: 'Could not reach the server (Failed to fetch).',
    });
    const own = new LiveError('x', 'FORBIDDEN');
    expect(toLiveError(own)).toBe(own);
  });
});

interface Subscribed {
  payload: { query: string; variables?: Record<string, unknown> | null };
  sink: Sink<unknown>;
  disposed: boolean;
}

function fakeClient(query: TvClient['query'] = vi.fn()) {
  const subscribed: Subscribed[] = [];
  const client = {
    subscribe(payload: Subscribed['payload'], sink: Sink<unknown>) {
      const entry: Subscribed = { payload, sink, disposed: false };
      subscribed.push(entry);
      return () => {
        entry.disposed = true;
      };
    },
  } as unknown as Client;
  const tv: TvClient = {
    socket: { client, connection: createConnectionStore(), authorization: 'Bearer t', dispose: () => {} },
    query,
    dispose: () => {},
  };
  return { tv, subscribed };
}

const BOARD = operation<{ board: { top: string } }, { metric: string }>(
  'subscription B($metric: String!) { board(metric: $metric) { top } }',
);

function Board({ metric, onData }: { metric: string; onData?: (d: { board: { top: string } }) => void }) {
  const { data, error } = useSubscription(BOARD, { metric }, onData);
  return <p>{error ? `error ${error.code}` : (data?.board.top ?? 'waiting')}</p>;
}

describe('useSubscription', () => {
  it('shows each frame, calls onData with it, and starts over with new variables', () => {
    const { tv, subscribed } = fakeClient();
    const seen: string[] = [];
    const onData = (d: { board: { top: string } }) => seen.push(d.board.top);
    const { rerender } = render(
      <TvClientProvider value={tv}>
        <Board metric="REVENUE" onData={onData} />
      </TvClientProvider>,
    );
    expect(screen.getByText('waiting')).toBeTruthy();
    expect(subscribed[0]?.payload).toEqual({ query: BOARD, variables: { metric: 'REVENUE' } });
    act(() => subscribed[0]?.sink.next({ data: { board: { top: 'Ana' } } }));
    act(() => subscribed[0]?.sink.next({ data: { board: { top: 'Ben' } } }));
    expect(screen.getByText('Ben')).toBeTruthy();
    expect(seen).toEqual(['Ana', 'Ben']);

    rerender(
      <TvClientProvider value={tv}>
        <Board metric="ORDERS" onData={onData} />
      </TvClientProvider>,
    );
    // the old board's data is not shown as the new one's
    expect(subscribed[0]?.disposed).toBe(true);
    expect(subscribed[1]?.payload.variables).toEqual({ metric: 'ORDERS' });
    expect(screen.getByText('waiting')).toBeTruthy();
    act(() => subscribed[1]?.sink.error([{ message: 'no', extensions: { code: 'FORBIDDEN' } }]));
    expect(screen.getByText('error FORBIDDEN')).toBeTruthy();
  });

  it('ends its subscription when unmounted', () => {
    const { tv, subscribed } = fakeClient();
    const { unmount } = render(
      <TvClientProvider value={tv}>
        <Board metric="REVENUE" />
      </TvClientProvider>,
    );
    unmount();
    expect(subscribed.map((s) => s.disposed)).toEqual([true]);
  });
});

const ME = operation<{ me: { name: string } }, Record<string, never>>('query Me { me { name } }');

function Me() {
  const { data, error, refetch } = useQuery(ME, {});
  return (
    <button type="button" onClick={refetch}>
      {error ? `error ${error.code}` : (data?.me.name ?? 'asking')}
    </button>
  );
}

describe('useQuery', () => {
  it('asks once, shows the answer or the error, and asks again on refetch', async () => {
    const query = vi
      .fn<(document: string) => Promise<unknown>>()
      .mockRejectedValueOnce(new LiveError('down', 'NETWORK'))
      .mockResolvedValueOnce({ me: { name: 'Tess' } });
    const { tv } = fakeClient(query as unknown as TvClient['query']);
    render(
      <TvClientProvider value={tv}>
        <Me />
      </TvClientProvider>,
    );
    expect(await screen.findByText('error NETWORK')).toBeTruthy();
    act(() => screen.getByRole('button').click());
    expect(await screen.findByText('Tess')).toBeTruthy();
    expect(query).toHaveBeenCalledTimes(2);
    expect(query.mock.calls[0]?.[0]).toBe(ME);
  });
});

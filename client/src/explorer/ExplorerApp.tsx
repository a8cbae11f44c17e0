/**
 * The API explorer page: GraphiQL with the Pulse examples in its sidebar and, in its corner, who
 * the requests run as and a field for a bearer token. The token lives in this page only (never
 * stored: GraphiQL keeps headers out of storage too); the field starts with the web client's
 * own stored token when it is signed in with one, else it is empty and the session cookie signs
 * the requests in. Changing it re-reads the schema and who the caller is.
 */
import { useEffect, useState } from 'react';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { pick, StarIcon, useGraphiQL, useGraphiQLActions, type GraphiQLPlugin } from '@graphiql/react';
import type { Fetcher } from '@graphiql/toolkit';
import { getToken } from '../lib/auth.ts';
import { EXAMPLES, type Example } from './examples.ts';
import { createExplorerFetcher } from './fetcher.ts';

function ExamplesPane() {
  const actions = useGraphiQLActions();
  const { queryEditor, variableEditor } = useGraphiQL(pick('queryEditor', 'variableEditor'));
  const open = (example: Example) => {
    actions.addTab();
    queryEditor?.setValue(example.query);
    variableEditor?.setValue(example.variables ? JSON.stringify(example.variables(), null, 2) : '');
  };
  return (
    <section className="pulse-examples" aria-label="Examples">
      <div className="graphiql-doc-explorer-title">Examples</div>
      <p className="pulse-examples-intro">Each opens in a new tab; run it with the ▶ button or Ctrl-Enter.</p>
      <ul>
        {EXAMPLES.map((example) => (
          <li key={example.title}>
            <button type="button" onClick={() => open(example)}>
              {example.title}
            </button>
            <span>{example.note}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

const EXAMPLES_PLUGIN: GraphiQLPlugin = { title: 'Examples', icon: StarIcon, content: ExamplesPane };

const DEFAULT_QUERY = `# The Pulse API explorer. Ready operations are under Examples in the sidebar (star icon);
# the documentation of every type is under the book icon. Run with the ▶ button or Ctrl-Enter.
${EXAMPLES[0]?.query ?? ''}
`;

interface Caller {
  me?: { name: string; role: string };
}

/** Who the requests run as, and the token field; within GraphiQL (it re-reads the schema). */
function Credential({
  fetcher,
  token,
  onToken,
}: {
  fetcher: Fetcher;
  token: string;
  onToken: (token: string) => void;
}) {
  const actions = useGraphiQLActions();
  const [draft, setDraft] = useState(token);
  const [caller, setCaller] = useState<string>('…');
  useEffect(() => {
    let current = true;
    Promise.resolve(fetcher({ query: '{ me { name role } }' }, { headers: {} }))
      .then((result) => {
        const answer = result as { data?: Caller | null; errors?: { message?: string }[] };
        const me = answer.data?.me;
        const refused = answer.errors?.[0]?.message;
        if (!current) return;
        if (me) setCaller(`${token ? 'Token' : 'Session'}: ${me.name} (${me.role})`);
        else setCaller(refused ? `Not signed in: ${refused}` : 'Not signed in');
      })
      .catch(() => current && setCaller('Not signed in'));
    return () => {
      current = false;
    };
  }, [fetcher, token]);
  // the fetcher reads the new token at once: the schema is read again with it
  const apply = () => {
    if (draft.trim() === token) return;
    onToken(draft.trim());
    void actions.introspect();
  };
  return (
    <div className="pulse-credential">
      <span className="pulse-caller" role="status">
        {caller}
      </span>
      <input
        type="password"
        aria-label="Bearer token"
        placeholder="Bearer token (empty: your session)"
        autoComplete="off"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={apply}
        onKeyDown={(event) => event.key === 'Enter' && apply()}
      />
      <a href="/">Pulse</a>
    </div>
  );
}

/** The token field's value, read by the fetcher on each request (one page, one explorer). */
const field = { token: getToken() ?? '' };
const fetcher = createExplorerFetcher(() => field.token);

export function ExplorerApp() {
  const [token, setToken] = useState(field.token);
  const onToken = (next: string) => {
    field.token = next;
    setToken(next);
  };
  return (
    <GraphiQL
      fetcher={fetcher}
      plugins={[EXAMPLES_PLUGIN, HISTORY_PLUGIN]}
      visiblePlugin={EXAMPLES_PLUGIN}
      defaultQuery={DEFAULT_QUERY}
      shouldPersistHeaders={false}
    >
      <GraphiQL.Logo>
        <Credential fetcher={fetcher} token={token} onToken={onToken} />
      </GraphiQL.Logo>
    </GraphiQL>
  );
}

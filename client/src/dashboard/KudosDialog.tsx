/**
 * "Give kudos" (issue 19): a colleague (anyone active in the directory but yourself), a message of
 * at most 280 characters, and whether it is private (screens and other colleagues never see the
 * message). The server's rules are the authority: a refusal names the field (BAD_USER_INPUT) or,
 * past KUDOS_PER_HOUR, says when more may be given (FORBIDDEN with retryAt), shown as the form's
 * error. While it is sent the button says so and cannot be pressed again.
 */
import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { FormActions, FormError } from '../components/Actions.tsx';
import { Dialog, Field } from '../components/Form.tsx';
import { graphql } from '../gql/index.ts';
import { apiError, fieldErrors } from '../lib/errors.ts';
import { useViewer } from './viewer.ts';

/** The server's limit (LIMITS.kudosMessage), in characters as it counts them (an emoji is one). */
export const KUDOS_MESSAGE_MAX = 280;

const GIVE_KUDOS = graphql(`
  mutation GiveKudos($input: GiveKudosInput!) {
    giveKudos(input: $input) {
      id
      recipient {
        id
        name
      }
    }
  }
`);

const LABELS = { recipientId: 'colleague', message: 'message' };
type Errors = Partial<Record<keyof typeof LABELS | 'form', string>>;

export function KudosDialog({
  recipientId: chosen,
  onDone,
}: {
  recipientId: string | null;
  onDone: (message: string | null) => void;
}) {
  const viewer = useViewer();
  const colleagues = viewer.teams
    .flatMap((t) => t.members)
    .filter((p) => p.id !== viewer.me.id)
    .sort((a, b) => a.name.localeCompare(b.name));
  const [recipientId, setRecipientId] = useState(
    chosen && colleagues.some((p) => p.id === chosen) ? chosen : '',
  );
  const [message, setMessage] = useState('');
  const [isPrivate, setPrivate] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [give, { loading }] = useMutation(GIVE_KUDOS, { refetchQueries: ['KudosFeed'] });
  const length = [...message.trim()].length;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    if (!recipientId) return setErrors({ recipientId: 'Choose a colleague.' });
    if (length === 0) return setErrors({ message: 'Write a message.' });
    setErrors({});
    try {
      const result = await give({ variables: { input: { recipientId, message, private: isPrivate } } });
      onDone(`Kudos sent to ${result.data?.giveKudos.recipient.name ?? 'your colleague'}.`);
    } catch (error) {
      const e = apiError(error);
      setErrors(fieldErrors(e, LABELS) ?? { form: e?.message ?? 'Could not send the kudos.' });
    }
  };

  return (
    <Dialog title="Give kudos" onClose={() => onDone(null)}>
      <form className="kudos-form" aria-label="Give kudos" onSubmit={(e) => void submit(e)} noValidate>
        <Field label="Colleague" error={errors.recipientId}>
          {(props) => (
            <select {...props} value={recipientId} onChange={(e) => setRecipientId(e.target.value)}>
              <option value="">Choose…</option>
              {colleagues.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                  {p.teamName ? ` (${p.teamName})` : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Message"
          error={errors.message}
          hint={`${length} of ${KUDOS_MESSAGE_MAX} characters; you can edit it for a minute after sending.`}
        >
          {(props) => (
            <textarea
              {...props}
              rows={3}
              autoFocus
              value={message}
              onChange={(e) => setMessage(e.target.value)}
            />
          )}
        </Field>
        <label className="check">
          <input type="checkbox" checked={isPrivate} onChange={(e) => setPrivate(e.target.checked)} />
          Private: only they and their managers read the message (screens show that you thanked them)
        </label>
        <FormError message={errors.form} />
        <FormActions busy={loading} label="Send kudos" busyLabel="Sending…" onCancel={() => onDone(null)} />
      </form>
    </Dialog>
  );
}

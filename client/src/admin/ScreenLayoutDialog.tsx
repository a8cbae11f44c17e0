/**
 * The Screens page's edit dialog (issue 15): a screen's name and layout — which boards it
 * rotates (ticked) in which order (Move up / Move down), seconds per board, the period, and a
 * pinned board shown alone — and its settings: whether it shows its team's goals (its credential
 * may read them then), which events interrupt it with a celebration card, the sale amount and the
 * chime (issue 17). Saving sends updateScreen; the server pushes the layout to the TV
 * (its `myScreen` subscription), which follows within a second. What the server would refuse is
 * said first on its field (screens.ts layoutProblems); a server refusal lands on the field it
 * names, anything else in an alert. ADMIN, or the manager of the screen's team (the server checks).
 */
import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { FormActions, FormError } from '../components/Actions.tsx';
import { Dialog, Field } from '../components/Form.tsx';
import { Icon } from '../components/icons/Icon.tsx';
import { graphql } from '../gql/index.ts';
import { PeriodTypeField } from '../components/PeriodTypeField.tsx';
import type { LeaderboardMetric } from '../gql/graphql.ts';
import { METRIC_NAMES } from '../lib/goals.ts';
import { apiError, fieldErrors } from '../lib/errors.ts';
import {
  boardRows,
  CELEBRATIONS,
  draftOf,
  layoutProblems,
  moveBoard,
  SCREEN_BOARDS,
  SALE_AMOUNT,
  SECONDS,
  toggleBoard,
  toggleCelebration,
  type LayoutField,
  type ScreenLayout,
} from './screens.ts';

/** What the dialog edits of a screen's layout: as the Screens page reads it and a save answers it. */
export const ScreenLayoutFragment = graphql(`
  fragment ScreenLayoutDialog_layout on ScreenLayout {
    boards
    secondsPerBoard
    periodType
    pinned
    showGoals
    showContests
    celebrations
    saleAmount
    sound
  }
`);

const UPDATE_SCREEN = graphql(`
  mutation UpdateScreen($id: ID!, $input: UpdateScreenInput!) {
    updateScreen(id: $id, input: $input) {
      id
      name
      layout {
        ...ScreenLayoutDialog_layout
      }
    }
  }
`);

type Errors = Partial<Record<LayoutField | 'form', string>>;

export function ScreenLayoutDialog({
  screen,
  onClose,
  onSaved,
}: {
  screen: { id: string; name: string; layout: ScreenLayout };
  onClose: () => void;
  onSaved: (name: string) => void;
}) {
  const [draft, setDraft] = useState(() => draftOf(screen.name, screen.layout));
  const [errors, setErrors] = useState<Errors>({});
  const [save, { loading }] = useMutation(UPDATE_SCREEN);
  const boardsId = useId();
  const celebrationsId = useId();
  const set = (patch: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    const problems = layoutProblems(draft);
    setErrors(problems);
    if (Object.keys(problems).length) return;
    try {
      const result = await save({
        variables: {
          id: screen.id,
          input: {
            name: draft.name.trim(),
            boards: draft.boards,
            secondsPerBoard: Number(draft.seconds),
            periodType: draft.periodType,
            pinned: draft.pinned || null,
            showGoals: draft.showGoals,
            showContests: draft.showContests,
            celebrations: [...draft.celebrations],
            saleAmount: Number(draft.saleAmount),
            sound: draft.sound,
          },
        },
      });
      onSaved(result.data?.updateScreen.name ?? draft.name.trim());
    } catch (error) {
      const e = apiError(error);
      setErrors(
        fieldErrors(e, {
          name: 'name',
          boards: 'boards',
          secondsPerBoard: 'seconds per board',
          periodType: 'period',
          pinned: 'pinned board',
          showGoals: 'show goals',
          showContests: 'show contests',
          celebrations: 'celebrations',
          saleAmount: 'sale amount',
          sound: 'sound',
        }) ?? { form: e?.message ?? 'Could not save the screen.' },
      );
    }
  };

  const rows = boardRows(draft.boards);
  return (
    <Dialog title={`Edit ${screen.name}`} onClose={onClose}>
      <form className="screen-layout-form" onSubmit={(e) => void submit(e)} noValidate>
        <Field label="Screen name" error={errors.name}>
          {(props) => (
            <input
              {...props}
              autoComplete="off"
              maxLength={200}
              value={draft.name}
              onChange={(e) => set({ name: e.target.value })}
            />
          )}
        </Field>
        <fieldset
          className={`screen-boards${errors.boards ? ' invalid' : ''}`}
          aria-describedby={errors.boards ? `${boardsId}-error` : undefined}
        >
          <legend>Boards in rotation, in order</legend>
          <ol aria-label="Boards">
            {rows.map(({ metric, on }, i) => (
              <li key={metric} className={on ? 'on' : 'off'}>
                <label>
                  <input
                    type="checkbox"
                    checked={on}
                    onChange={() => set({ boards: toggleBoard(draft.boards, metric) })}
                  />{' '}
                  {METRIC_NAMES[metric]}
                </label>
                {on ? (
                  <span className="screen-board-moves">
                    <button
                      type="button"
                      className="ghost"
                      aria-label={`Move ${METRIC_NAMES[metric]} up`}
                      disabled={i === 0}
                      onClick={() => set({ boards: moveBoard(draft.boards, metric, -1) })}
                    >
                      <Icon name="arrow-up" />
                    </button>
                    <button
                      type="button"
                      className="ghost"
                      aria-label={`Move ${METRIC_NAMES[metric]} down`}
                      disabled={i === draft.boards.length - 1}
                      onClick={() => set({ boards: moveBoard(draft.boards, metric, 1) })}
                    >
                      <Icon name="arrow-down" />
                    </button>
                  </span>
                ) : null}
              </li>
            ))}
          </ol>
          {errors.boards ? (
            <p className="field-error" id={`${boardsId}-error`}>
              {errors.boards}
            </p>
          ) : null}
        </fieldset>
        <div className="field-row">
          <Field
            label="Seconds per board"
            error={errors.secondsPerBoard}
            hint={`${SECONDS.min} to ${SECONDS.max}`}
          >
            {(props) => (
              <input
                {...props}
                type="number"
                inputMode="numeric"
                min={SECONDS.min}
                max={SECONDS.max}
                value={draft.seconds}
                onChange={(e) => set({ seconds: e.target.value })}
              />
            )}
          </Field>
          <PeriodTypeField
            value={draft.periodType}
            onChange={(periodType) => set({ periodType })}
            error={errors.periodType}
          />
          <Field
            label="Pinned board"
            error={errors.pinned}
            hint="A pinned board shows alone, without rotating."
          >
            {(props) => (
              <select
                {...props}
                value={draft.pinned}
                onChange={(e) => set({ pinned: e.target.value as LeaderboardMetric | '' })}
              >
                <option value="">None: rotate</option>
                {SCREEN_BOARDS.map((m) => (
                  <option key={m} value={m}>
                    {METRIC_NAMES[m]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <label className="screen-check">
          <input
            type="checkbox"
            checked={draft.showGoals}
            onChange={(e) => set({ showGoals: e.target.checked })}
          />{' '}
          Show the team’s goals (a goals board after the boards; the screen may read its team’s goals)
        </label>
        <label className="screen-check">
          <input
            type="checkbox"
            checked={draft.showContests}
            onChange={(e) => set({ showContests: e.target.checked })}
          />{' '}
          Show the team’s contests (a board for each one running, starting within a day or just ended)
        </label>
        <fieldset
          className={`screen-celebrations${errors.celebrations ? ' invalid' : ''}`}
          aria-describedby={errors.celebrations ? `${celebrationsId}-error` : undefined}
        >
          <legend>Celebrations: a card for a few seconds when…</legend>
          <ul aria-label="Celebrations">
            {CELEBRATIONS.map(({ kind, label }) => (
              <li key={kind}>
                <label>
                  <input
                    type="checkbox"
                    checked={draft.celebrations.includes(kind)}
                    onChange={() => set({ celebrations: toggleCelebration(draft.celebrations, kind) })}
                  />{' '}
                  {label}
                </label>
              </li>
            ))}
          </ul>
          {errors.celebrations ? (
            <p className="field-error" id={`${celebrationsId}-error`}>
              {errors.celebrations}
            </p>
          ) : null}
          <div className="field-row">
            <Field
              label="Sale amount"
              error={errors.saleAmount}
              hint={`A sale from this amount gets a card (${SALE_AMOUNT.min} to ${SALE_AMOUNT.max.toLocaleString('en-US')}).`}
            >
              {(props) => (
                <input
                  {...props}
                  type="number"
                  inputMode="numeric"
                  min={SALE_AMOUNT.min}
                  max={SALE_AMOUNT.max}
                  value={draft.saleAmount}
                  onChange={(e) => set({ saleAmount: e.target.value })}
                />
              )}
            </Field>
            <label className="screen-check">
              <input
                type="checkbox"
                checked={draft.sound}
                onChange={(e) => set({ sound: e.target.checked })}
              />{' '}
              Play a chime with each card
            </label>
          </div>
        </fieldset>
        <FormError message={errors.form} />
        <FormActions busy={loading} label="Save" busyLabel="Saving…" onCancel={onClose} />
      </form>
    </Dialog>
  );
}

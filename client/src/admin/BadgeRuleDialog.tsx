/**
 * The badge rule editor (issue 19): title, description, icon (the client's drawn set), metric,
 * period or lifetime, threshold; then the preview — who would have earned it in each of its last
 * periods — and the admin's choice: award those badges now (backfill) or only from now on.
 * Invariant: a new rule, a changed definition or a reactivation saves only once the preview shown
 * is of the definition being saved (the Save button waits for it), so the choice is always made
 * on the numbers it acts on. A change of title, description or icon alone needs no preview.
 */
import { useLazyQuery, useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { FormActions, FormError } from '../components/Actions.tsx';
import { DescriptionField, Dialog, Field, NameField } from '../components/Form.tsx';
import { Icon } from '../components/icons/Icon.tsx';
import { graphql } from '../gql/index.ts';
import type { BadgeIconName, BadgeRulesPageQuery, PeriodType, RuleMetric } from '../gql/graphql.ts';
import { apiError, fieldErrors } from '../lib/errors.ts';
import { METRIC_NAMES } from '../lib/goals.ts';
import { PERIOD_NAMES, PERIOD_TYPES } from '../lib/periods.ts';
import { BADGE_ICONS, definitionKey, iconOf, previewPeriodName, RULE_METRICS } from './badgeRules.ts';

export type RuleRow = BadgeRulesPageQuery['badgeRules'][number];

const PREVIEW = graphql(`
  query PreviewBadgeRule($input: PreviewBadgeRuleInput!) {
    previewBadgeRule(input: $input) {
      newCount
      currentCount
      periods {
        periodStart
        current
        count
        newCount
        people {
          awarded
          user {
            id
            name
          }
        }
      }
    }
  }
`);

const CREATE = graphql(`
  mutation CreateBadgeRule($input: CreateBadgeRuleInput!) {
    createBadgeRule(input: $input) {
      id
    }
  }
`);

const UPDATE = graphql(`
  mutation UpdateBadgeRule($id: ID!, $input: UpdateBadgeRuleInput!) {
    updateBadgeRule(id: $id, input: $input) {
      id
    }
  }
`);

const REFETCH = ['BadgeRulesPage'];
const LABELS = { title: 'title', description: 'description', threshold: 'threshold', backfill: 'choice' };
type Errors = Partial<Record<keyof typeof LABELS | 'form', string>>;

/** At most this many names per period in the table; the count says how many in all. */
const NAMES_SHOWN = 5;

export function BadgeRuleDialog({
  rule,
  reactivate = false,
  onDone,
}: {
  rule?: RuleRow;
  reactivate?: boolean;
  onDone: (message: string | null) => void;
}) {
  const [title, setTitle] = useState(rule?.title ?? '');
  const [description, setDescription] = useState(rule?.description ?? '');
  const [icon, setIcon] = useState<BadgeIconName>(rule?.icon ?? 'TROPHY');
  const [metric, setMetric] = useState<RuleMetric>(rule?.metric ?? 'ORDERS');
  const [periodType, setPeriodType] = useState<PeriodType | null>(rule ? rule.periodType : 'MONTHLY');
  const [threshold, setThreshold] = useState(rule ? String(rule.threshold) : '');
  const [backfill, setBackfill] = useState<boolean | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [preview, previewed] = useLazyQuery(PREVIEW, { fetchPolicy: 'network-only' });
  const [create, creating] = useMutation(CREATE, { refetchQueries: REFETCH, awaitRefetchQueries: true });
  const [update, updating] = useMutation(UPDATE, { refetchQueries: REFETCH, awaitRefetchQueries: true });
  const busy = creating.loading || updating.loading;

  const definition = { metric, periodType, threshold: threshold.trim() };
  const key = definitionKey(definition);
  const redefined =
    !rule || reactivate || key !== definitionKey({ ...rule, threshold: String(rule.threshold) });
  const shown =
    previewed.data && previewed.variables?.input ? definitionKey(previewed.variables.input) : null;
  const current = shown === key ? previewed.data?.previewBadgeRule : undefined;

  const refused = (error: unknown) => {
    const e = apiError(error);
    setErrors(fieldErrors(e, LABELS) ?? { form: e?.message ?? 'Could not save.' });
  };

  const runPreview = async () => {
    setErrors({});
    setBackfill(null);
    const result = await preview({ variables: { input: { ...definition, ruleId: rule?.id ?? null } } });
    if (result.error) refused(result.error);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (redefined && (!current || backfill === null)) {
      setErrors({ backfill: 'Preview the rule, then choose whether to award the past.' });
      return;
    }
    setErrors({});
    const common = {
      title: title.trim(),
      description: description.trim() || null,
      icon,
      backfill: !!backfill,
    };
    try {
      if (rule) {
        const input = {
          ...common,
          ...(redefined ? definition : {}),
          ...(reactivate ? { active: true } : {}),
        };
        await update({ variables: { id: rule.id, input } });
        onDone(`Saved ${common.title}.`);
      } else {
        await create({ variables: { input: { ...common, ...definition } } });
        onDone(`Created ${common.title}.`);
      }
    } catch (error) {
      refused(error);
    }
  };

  return (
    <Dialog
      title={rule ? `${reactivate ? 'Reactivate' : 'Edit'} ${rule.title}` : 'New badge rule'}
      onClose={() => onDone(null)}
    >
      <form className="badge-rule-form" aria-label="Badge rule" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field-row">
          <NameField label="Title" error={errors.title} autoFocus value={title} onChange={setTitle} />
          <DescriptionField error={errors.description} value={description} onChange={setDescription} />
        </div>
        <fieldset className="icon-choice">
          <legend>Icon</legend>
          {BADGE_ICONS.map((name) => (
            <label key={name} className={name === icon ? 'chosen' : undefined} title={name.toLowerCase()}>
              <input
                type="radio"
                name="icon"
                className="visually-hidden"
                checked={name === icon}
                onChange={() => setIcon(name)}
              />
              <Icon name={iconOf(name)} label={name.toLowerCase()} />
            </label>
          ))}
        </fieldset>
        <div className="field-row">
          <Field label="Metric" error={undefined}>
            {(props) => (
              <select {...props} value={metric} onChange={(e) => setMetric(e.target.value as RuleMetric)}>
                {RULE_METRICS.map((m) => (
                  <option key={m} value={m}>
                    {METRIC_NAMES[m]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Period" error={undefined}>
            {(props) => (
              <select
                {...props}
                value={periodType ?? ''}
                onChange={(e) => setPeriodType((e.target.value || null) as PeriodType | null)}
              >
                {PERIOD_TYPES.map((p) => (
                  <option key={p} value={p}>
                    Once a {PERIOD_NAMES[p].toLowerCase()}
                  </option>
                ))}
                <option value="">Once in a lifetime</option>
              </select>
            )}
          </Field>
          <Field
            label="Threshold"
            error={errors.threshold}
            hint={metric === 'REVENUE' ? 'An amount.' : 'A whole number.'}
          >
            {(props) => (
              <input
                {...props}
                inputMode="decimal"
                value={threshold}
                onChange={(e) => setThreshold(e.target.value)}
              />
            )}
          </Field>
        </div>
        {redefined ? (
          <div className="badge-preview">
            <button
              type="button"
              className="ghost"
              disabled={previewed.loading}
              onClick={() => void runPreview()}
            >
              {previewed.loading ? 'Previewing…' : current ? 'Preview again' : 'Preview'}
            </button>
            {current ? (
              <>
                <div className="table-wrap">
                  <table className="deliveries">
                    <caption>Who would have earned it</caption>
                    <thead>
                      <tr>
                        <th scope="col">Period</th>
                        <th scope="col" className="num">
                          People
                        </th>
                        <th scope="col" className="num">
                          New
                        </th>
                        <th scope="col">Names</th>
                      </tr>
                    </thead>
                    <tbody>
                      {current.periods.map((p) => (
                        <tr key={p.periodStart ?? 'lifetime'}>
                          <th scope="row">
                            {previewPeriodName(periodType, p.periodStart)}
                            {p.current && periodType ? ' (now)' : ''}
                          </th>
                          <td className="num">{p.count}</td>
                          <td className="num">{p.newCount}</td>
                          <td>
                            {p.people
                              .slice(0, NAMES_SHOWN)
                              .map((x) => x.user.name)
                              .join(', ')}
                            {p.count > NAMES_SHOWN ? ` and ${p.count - NAMES_SHOWN} more` : ''}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <fieldset className="award-choice">
                  <legend>Award</legend>
                  <label className="check">
                    <input
                      type="radio"
                      name="backfill"
                      checked={backfill === true}
                      onChange={() => setBackfill(true)}
                    />
                    Award the {current.newCount} badge{current.newCount === 1 ? '' : 's'} above now (backfill)
                  </label>
                  <label className="check">
                    <input
                      type="radio"
                      name="backfill"
                      checked={backfill === false}
                      onChange={() => setBackfill(false)}
                    />
                    Only from now on: nothing for the past
                    {current.currentCount
                      ? `, nor for the ${current.currentCount} who already meet it now`
                      : ''}
                  </label>
                </fieldset>
              </>
            ) : null}
            {errors.backfill ? <p className="field-error">{errors.backfill}</p> : null}
          </div>
        ) : null}
        <FormError message={errors.form} />
        <FormActions
          busy={busy}
          label={rule ? 'Save' : 'Create rule'}
          busyLabel="Saving…"
          onCancel={() => onDone(null)}
        />
      </form>
    </Dialog>
  );
}

/**
 * The Badges page (issue 19, /badges, ADMIN only): every badge rule with its icon, what earns it
 * and whether it is active; New rule and Edit open the editor (BadgeRuleDialog) with its preview
 * and backfill choice; Deactivate stops a rule's awards after a "Sure?" step (the badges it gave
 * stay), Reactivate opens the editor again, since resuming awards asks the same choice.
 */
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { FormError, LoadState, queryState } from '../components/Actions.tsx';
import { AskFirst, useConfirmedAction } from '../components/AskFirst.tsx';
import { BadgeIcon } from '../components/icons/BadgeIcon.tsx';
import { graphql } from '../gql/index.ts';
import { BadgeRuleDialog, type RuleRow } from './BadgeRuleDialog.tsx';
import { ruleInWords } from './badgeRules.ts';

const BADGE_RULES_PAGE = graphql(`
  query BadgeRulesPage {
    badgeRules {
      id
      title
      description
      badgeIcon
      icon
      metric
      periodType
      threshold
      active
      awardsFrom
    }
  }
`);

const DEACTIVATE = graphql(`
  mutation DeactivateBadgeRule($id: ID!) {
    deactivateBadgeRule(id: $id) {
      id
      active
    }
  }
`);

type Editing = { rule?: RuleRow; reactivate?: boolean } | null;

function RuleItem({ rule, onEdit }: { rule: RuleRow; onEdit: (reactivate: boolean) => void }) {
  const deactivating = useConfirmedAction('The server refused.', { keepAskingOnError: true });
  const [deactivate, { loading }] = useMutation(DEACTIVATE);
  return (
    <tr className={rule.active ? undefined : 'inactive'}>
      <td className="badge-rule-icon">
        <BadgeIcon icon={rule.badgeIcon} />
      </td>
      <th scope="row">
        {rule.title}
        {rule.description ? <span className="muted small"> — {rule.description}</span> : null}
      </th>
      <td>{ruleInWords(rule.metric, rule.periodType, rule.threshold)}</td>
      <td>{rule.active ? 'Active' : 'Deactivated'}</td>
      <td className="delivery-actions">
        {rule.active || deactivating.confirming ? (
          <AskFirst
            action={deactivating}
            label="Deactivate"
            question="Stop awarding it? Badges it gave stay."
            yes="Deactivate"
            busyYes="Deactivating…"
            busy={loading}
            onYes={() => void deactivating.run(() => deactivate({ variables: { id: rule.id } }))}
          >
            <button type="button" className="ghost" onClick={() => onEdit(false)}>
              Edit
            </button>
          </AskFirst>
        ) : (
          <button type="button" className="ghost" onClick={() => onEdit(true)}>
            Reactivate
          </button>
        )}
        <FormError message={deactivating.error} />
      </td>
    </tr>
  );
}

export function BadgeRulesPage() {
  const list = useQuery(BADGE_RULES_PAGE, { fetchPolicy: 'cache-and-network' });
  const [editing, setEditing] = useState<Editing>(null);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className="admin-page badges-page">
      <div className="section-head">
        <h1>Badges</h1>
        <div className="actions">
          <button
            type="button"
            className="primary"
            onClick={() => {
              setMessage(null);
              setEditing({});
            }}
          >
            New rule
          </button>
        </div>
      </div>
      <p className="muted">
        Rules award a badge when someone’s figure reaches a threshold in a period, or once in a lifetime. A
        change never takes a badge back.
      </p>
      {message ? <p role="status">{message}</p> : null}
      {editing ? (
        <BadgeRuleDialog
          rule={editing.rule}
          reactivate={editing.reactivate}
          onDone={(done) => {
            setEditing(null);
            setMessage(done);
          }}
        />
      ) : null}
      <LoadState what="the badge rules" {...queryState(list)}>
        <div className="table-wrap">
          <table className="deliveries badge-rules">
            <caption className="visually-hidden">Badge rules</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">Icon</span>
                </th>
                <th scope="col">Badge</th>
                <th scope="col">Earned for</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {(list.data?.badgeRules ?? []).map((rule) => (
                <RuleItem
                  key={rule.id}
                  rule={rule}
                  onEdit={(reactivate) => setEditing({ rule, reactivate })}
                />
              ))}
            </tbody>
          </table>
        </div>
      </LoadState>
    </div>
  );
}

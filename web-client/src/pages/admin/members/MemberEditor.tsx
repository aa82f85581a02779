import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { FormAlert } from '../../../components/FormAlert';
import { useFocusAfterRender } from '../../../components/focusAfterRender';
import { useI18n } from '../../../i18n/i18n';
import { SetMemberRoles, SetVotingRight } from './memberQueries';
import { problemOf, type Problem } from './problem';
import type { MemberRow, Role } from './useMemberSearch';

/**
 * One member's roles (moderator and admin checkboxes, through setMemberRoles) and voting right
 * (grant or suspend with a public reason, through setVotingRight). A refusal's typed error shows
 * beside the form that caused it and takes the focus.
 */
export function MemberEditor({ member, onChanged }: { member: MemberRow; onChanged: (member: MemberRow) => void }) {
  const { t } = useI18n();
  const m = t.adminMembers;
  const id = useId();
  const [moderator, setModerator] = useState(member.roles.includes('MODERATOR'));
  const [admin, setAdmin] = useState(member.roles.includes('ADMIN'));
  const [reason, setReason] = useState('');
  const [rolesProblem, setRolesProblem] = useState<Problem>(null);
  const [votingProblem, setVotingProblem] = useState<Problem>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [, setRoles] = useMutation(SetMemberRoles);
  const [, setVoting] = useMutation(SetVotingRight);
  const [rolesAlert, focusRolesAlert] = useFocusAfterRender<HTMLDivElement>();
  const [votingAlert, focusVotingAlert] = useFocusAfterRender<HTMLDivElement>();

  async function saveRoles(event: FormEvent) {
    event.preventDefault();
    const roles: Role[] = [...(member.roles.includes('MEMBER') ? (['MEMBER'] as const) : []), ...(moderator ? (['MODERATOR'] as const) : []), ...(admin ? (['ADMIN'] as const) : [])];
    const result = await setRoles({ member: member.id, roles });
    const p = problemOf(result, result.data?.setMemberRoles.errors);
    setRolesProblem(p);
    setStatus(null);
    if (p) {
      focusRolesAlert();
      return;
    }
    const changed = result.data?.setMemberRoles.member;
    if (changed) {
      onChanged(changed);
      setStatus(m.rolesSaved(changed.handle, (['MEMBER', 'MODERATOR', 'ADMIN'] as const).filter((r) => changed.roles.includes(r)).map((r) => m.roleNames[r]).join(', ')));
    }
  }

  async function saveVoting(event: FormEvent) {
    event.preventDefault();
    const result = await setVoting({ member: member.id, votingRight: !member.votingRight, reason });
    const p = problemOf(result, result.data?.setVotingRight.errors);
    setVotingProblem(p);
    setStatus(null);
    if (p) {
      focusVotingAlert();
      return;
    }
    const changed = result.data?.setVotingRight.member;
    if (changed) {
      onChanged(changed);
      setReason('');
      setStatus(m.votingSaved(changed.handle, changed.votingRight));
    }
  }

  const reasonError = votingProblem && votingProblem.field === 'reason';
  return (
    <div className="member-editor">
      <form className="form" noValidate onSubmit={(e) => void saveRoles(e)}>
        <fieldset>
          <legend>{m.rolesLegend(member.handle)}</legend>
          <FormAlert ref={rolesAlert} message={rolesProblem?.message ?? null} />
          <label className="checkbox">
            <input type="checkbox" checked={moderator} onChange={(e) => setModerator(e.target.checked)} /> {m.moderator}
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={admin} onChange={(e) => setAdmin(e.target.checked)} /> {m.admin}
          </label>
          <div className="actions-row">
            <button type="submit" className="button">
              {m.saveRoles}
            </button>
          </div>
        </fieldset>
      </form>
      <form className="form" noValidate onSubmit={(e) => void saveVoting(e)}>
        <fieldset>
          <legend>{m.votingLegend(member.handle)}</legend>
          <FormAlert ref={votingAlert} message={votingProblem?.message ?? null} />
          <p>{m.votingNow(member.votingRight)}</p>
          <div className="field">
            <label htmlFor={`${id}-reason`}>{m.reason}</label>
            <input
              id={`${id}-reason`}
              value={reason}
              maxLength={500}
              aria-invalid={reasonError ? true : undefined}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          <div className="actions-row">
            <button type="submit" className={member.votingRight ? 'button button-danger' : 'button'}>
              {member.votingRight ? m.suspend : m.grant}
            </button>
          </div>
        </fieldset>
      </form>
      {status ? (
        <p role="status" data-testid="member-status">
          {status}
        </p>
      ) : null}
    </div>
  );
}

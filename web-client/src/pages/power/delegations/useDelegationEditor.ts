import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useFocusAfterRender } from '../../../components/focusAfterRender';
import { transportMessage } from '../../../components/transportError';
import { firstUserError, type UserErrorSource } from '../../../components/userErrors';
import { type FragmentType, getFragmentData, graphql } from '../../../gql';
import type { Member, ScopeInput } from '../../../gql/graphql';
import { useI18n } from '../../../i18n/i18n';

/** The delegation in force in the scope being edited, as the editor shows it. */
export const CurrentDelegationFields = graphql(`
  fragment CurrentDelegationFields on Delegation {
    id
    isBlock
    delegates {
      id
      handle
      displayName
    }
  }
`);

const MemberSearch = graphql(`
  query DelegateSearch($search: String!) {
    members(search: $search, first: 8) {
      nodes {
        id
        handle
        displayName
        votingRight
      }
    }
  }
`);

const DelegateMutation = graphql(`
  mutation Delegate($input: DelegateInput!) {
    delegate(input: $input) {
      delegation {
        id
      }
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

const BlockMutation = graphql(`
  mutation BlockDelegation($input: BlockDelegationInput!) {
    blockDelegation(input: $input) {
      delegation {
        id
      }
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

const RevokeMutation = graphql(`
  mutation RevokeDelegation($input: RevokeDelegationInput!) {
    revokeDelegation(input: $input) {
      revoked
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

/** A delegate on the list being edited. */
export type Person = Pick<Member, 'id' | 'handle' | 'displayName'>;

/**
 * The delegation editor's state and commands: the ranked list being edited (reset to the
 * version in force whenever that changes), the member search, and delegate / block / revoke
 * with their typed refusals shown in a focused alert.
 */
export function useDelegationEditor({ scope, current: masked, me, onChanged }: { scope: ScopeInput; current: FragmentType<typeof CurrentDelegationFields> | null; me: string; onChanged: () => void }) {
  const { t } = useI18n();
  const d = t.power.delegations;
  const current = getFragmentData(CurrentDelegationFields, masked);
  const [chosen, setChosen] = useState<Person[]>(current && !current.isBlock ? current.delegates : []);
  // A new version (saved here, or changed in another tab) resets the editor to it.
  const currentId = current?.id ?? null;
  useEffect(() => {
    setChosen(current && !current.isBlock ? current.delegates : []);
  }, [currentId]);
  const [search, setSearch] = useState('');
  const [alert, setAlert] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [alertRef, focusAlert] = useFocusAfterRender<HTMLDivElement>();
  const [{ fetching: delegating }, delegate] = useMutation(DelegateMutation);
  const [{ fetching: blocking }, block] = useMutation(BlockMutation);
  const [{ fetching: revoking }, revoke] = useMutation(RevokeMutation);
  const term = search.trim();
  const [{ data: found }] = useQuery({ query: MemberSearch, variables: { search: term }, pause: term.length < 2 });
  const results = (found?.members.nodes ?? []).filter((m) => m.id !== me && !chosen.some((c) => c.id === m.id));

  const fail = (message: string) => {
    setStatus(null);
    setAlert(message);
    // After React renders the message, so a screen reader reads it and Tab continues from it.
    focusAlert();
  };
  /** True when the mutation went through; otherwise its refusal is shown. */
  const settle = (result: { error?: Parameters<typeof transportMessage>[1] }, errors: readonly UserErrorSource[] | null | undefined, success: string) => {
    const problem = result.error ? { message: transportMessage(t, result.error) } : firstUserError(errors);
    if (problem) return fail(problem.message);
    setAlert(null);
    setStatus(success);
    onChanged();
  };

  const move = (index: number, by: number) => {
    const next = [...chosen];
    const [item] = next.splice(index, 1);
    if (!item) return;
    next.splice(index + by, 0, item);
    setChosen(next);
  };

  const save = async () => {
    if (chosen.length === 0) return fail(d.needDelegate);
    const result = await delegate({ input: { scope, delegates: chosen.map((c) => c.id) } });
    settle(result, result.data?.delegate.errors, d.saved);
  };
  const blockHere = async () => {
    const result = await block({ input: { scope } });
    settle(result, result.data?.blockDelegation.errors, d.blocked);
  };
  const revokeHere = async () => {
    const result = await revoke({ input: { scope } });
    settle(result, result.data?.revokeDelegation.errors, result.data?.revokeDelegation.revoked ? d.revoked : d.nothingToRevoke);
  };

  return {
    current,
    chosen,
    setChosen,
    move,
    search,
    setSearch,
    term,
    found: Boolean(found),
    results,
    alert,
    alertRef,
    status,
    delegating,
    busy: delegating || blocking || revoking,
    save,
    blockHere,
    revokeHere,
  };
}

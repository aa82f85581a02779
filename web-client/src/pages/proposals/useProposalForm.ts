import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';

const ProposeMutation = graphql(`
  mutation Propose($input: ProposeInput!) {
    propose(input: $input) {
      proposal {
        id
      }
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

const EditProposalMutation = graphql(`
  mutation EditProposal($input: EditProposalInput!) {
    editProposal(input: $input) {
      proposal {
        id
        title
        body
        editedAt
      }
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

const EditableQuery = graphql(`
  query EditableProposal($id: ID!) {
    proposal(id: $id) {
      id
      title
      body
      status
      author {
        id
      }
    }
    viewer {
      member {
        id
      }
    }
  }
`);

/** The propose mutation; the new proposal's id, or the payload's typed refusal. */
export function usePropose() {
  return useMutation(ProposeMutation);
}

/** A proposal as its author edits it (with who may), and the edit mutation. */
export function useEditProposal(id: string) {
  const [query] = useQuery({ query: EditableQuery, variables: { id } });
  const [mutation, edit] = useMutation(EditProposalMutation);
  return { query, mutation, edit };
}

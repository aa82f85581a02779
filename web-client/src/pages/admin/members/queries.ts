import { graphql } from '../../../gql';

export const MembersAdminQuery = graphql(`
  query MembersAdmin {
    policy
    invitations {
      id
      note
      status
      expiresAt
      usedBy {
        id
        handle
      }
    }
  }
`);

export const SetRegistration = graphql(`
  mutation SetRegistration($changes: String!) {
    setPolicy(input: { changes: $changes }) {
      policy
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

export const CreateInvitation = graphql(`
  mutation CreateInvitation($note: String, $days: Int) {
    createInvitation(input: { note: $note, expiresInDays: $days }) {
      code
      invitation {
        id
      }
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

export const RevokeInvitation = graphql(`
  mutation RevokeInvitation($id: ID!) {
    revokeInvitation(input: { invitation: $id }) {
      invitation {
        id
        status
      }
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

export const ImportRegistry = graphql(`
  mutation ImportRegistry($csv: String!, $dryRun: Boolean!) {
    importRegistry(input: { csv: $csv, dryRun: $dryRun }) {
      report {
        dryRun
        lines
        added
        updated
        unchanged
        changes {
          memberNumber
          line
          added
          changedFields
        }
        granted {
          memberNumber
          member {
            id
            handle
          }
        }
        suspended {
          memberNumber
          member {
            id
            handle
          }
        }
      }
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

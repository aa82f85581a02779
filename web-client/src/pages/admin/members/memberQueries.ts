import { graphql } from '../../../gql';

export const SearchMembers = graphql(`
  query SearchMembers($search: String, $first: Int, $after: String) {
    members(search: $search, first: $first, after: $after) {
      totalCount
      nodes {
        id
        handle
        displayName
        roles
        votingRight
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const SetMemberRoles = graphql(`
  mutation SetMemberRoles($member: ID!, $roles: [Role!]!) {
    setMemberRoles(input: { member: $member, roles: $roles }) {
      member {
        id
        handle
        displayName
        roles
        votingRight
      }
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

export const SetVotingRight = graphql(`
  mutation SetVotingRight($member: ID!, $votingRight: Boolean!, $reason: String!) {
    setVotingRight(input: { member: $member, votingRight: $votingRight, reason: $reason }) {
      member {
        id
        handle
        displayName
        roles
        votingRight
      }
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

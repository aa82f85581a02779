import { graphql } from '../../gql';

/** The moderation page's GraphQL documents: the agenda queue and its live changes, merge targets, the log, and the four actions. */
export const AgendaQuery = graphql(`
  query ModerationAgenda {
    agenda {
      id
      title
      agendaSupport {
        score
        supporterCount
      }
      status
      area {
        id
        name
      }
      statusHistory {
        status
        at
        actor {
          handle
        }
        reason
      }
    }
    policyInForce {
      discussionDays
      votingDays
      appealDays
      appealQuorumFactor
      abusePenalty
    }
  }
`);

export const AgendaChanged = graphql(`
  subscription ModerationAgendaChanged {
    agendaChanged {
      id
      title
      agendaSupport {
        score
        supporterCount
      }
      status
      area {
        id
        name
      }
      statusHistory {
        status
        at
        actor {
          handle
        }
        reason
      }
    }
  }
`);

export const MergeTargets = graphql(`
  query MergeTargets {
    proposals(status: OPEN, orderBy: NEW, first: 50) {
      nodes {
        id
        title
      }
    }
  }
`);

export const ModerationLog = graphql(`
  query ModerationLog($types: [String!], $after: String) {
    events(first: 50, after: $after, types: $types) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        seq
        at
        type
        actor {
          handle
          displayName
        }
        payload
        proposal {
          id
          title
        }
        mergedInto {
          id
          title
        }
      }
    }
  }
`);


export const Schedule = graphql(`
  mutation ScheduleProposal($input: ScheduleProposalInput!) {
    scheduleProposal(input: $input) {
      proposal {
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

export const Return = graphql(`
  mutation ReturnProposal($input: ReturnProposalInput!) {
    returnProposal(input: $input) {
      proposal {
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

export const Decline = graphql(`
  mutation DeclineProposal($input: DeclineProposalInput!) {
    declineProposal(input: $input) {
      proposal {
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

export const Merge = graphql(`
  mutation MergeProposal($input: MergeProposalInput!) {
    mergeProposal(input: $input) {
      proposal {
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

export const moderationKinds = ['proposal.scheduled', 'proposal.returned', 'proposal.merged', 'proposal.declined', 'content.hidden', 'content.restored', 'content.hide-upheld', 'content.appealed'];

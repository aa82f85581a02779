import type { CombinedError } from 'urql';
import { graphql } from '../../gql';

export const ReportMutation = graphql(`
  mutation Report($input: ReportInput!) {
    report(input: $input) {
      hidden
      errors {
        __typename
        ... on UserError {
          message
          field
        }
      }
    }
  }
`);

export const AppealHideMutation = graphql(`
  mutation AppealHide($input: AppealHideInput!) {
    appealHide(input: $input) {
      hidden {
        appealedAt
      }
      errors {
        __typename
        ... on UserError {
          message
          field
        }
      }
    }
  }
`);

export const HideContentMutation = graphql(`
  mutation HideContent($input: HideContentInput!) {
    hideContent(input: $input) {
      hidden {
        hiddenAt
      }
      errors {
        __typename
        ... on UserError {
          message
          field
        }
      }
    }
  }
`);

export const DecideReportMutation = graphql(`
  mutation DecideReport($input: DecideReportInput!) {
    decideReport(input: $input) {
      hidden {
        decidedAt
      }
      errors {
        __typename
        ... on UserError {
          message
          field
        }
      }
    }
  }
`);

/** A mutation's refusal as one message, or null when it went through. */
export function refusalOf(errors: readonly { message?: string }[] | null | undefined, transport?: CombinedError): string | null {
  if (transport) return transport.message;
  const messages = (errors ?? []).map((e) => e.message ?? '').filter(Boolean);
  return messages.length > 0 ? messages.join(' ') : null;
}

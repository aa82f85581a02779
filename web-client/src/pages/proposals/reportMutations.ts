import type { CombinedError } from 'urql';
import { graphql } from '../../gql';
import { userErrorsOf, type UserErrorSource } from '../../components/userErrors';

export const ReportMutation = graphql(`
  mutation Report($input: ReportInput!) {
    report(input: $input) {
      hidden
      errors {
        __typename
        ...UserErrorFields
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
        ...UserErrorFields
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
        ...UserErrorFields
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
        ...UserErrorFields
      }
    }
  }
`);

/** A mutation's refusal as one message, or null when it went through. */
export function refusalOf(errors: readonly UserErrorSource[] | null | undefined, transport?: CombinedError): string | null {
  if (transport) return transport.message;
  const messages = userErrorsOf(errors).map((e) => e.message).filter(Boolean);
  return messages.length > 0 ? messages.join(' ') : null;
}

import { type FragmentType, getFragmentData, graphql } from '../gql';

/**
 * The one selection of a mutation payload's typed user errors (ValidationError, NotFoundError,
 * NotAuthorizedError: the UserError interface). Every mutation document spreads it:
 * `errors { __typename ...UserErrorFields }`.
 */
export const UserErrorFields = graphql(`
  fragment UserErrorFields on UserError {
    message
    code
    field
  }
`);

/** A user error as the pages show it (the fragment's fields, code and field never undefined). */
export interface UserErrorLike {
  message: string;
  code: string;
  field?: string | null;
}

/**
 * A payload's error as a document hands it over: masked behind {@link UserErrorFields} (every
 * document spreads it; userErrors.test.ts fails on an inline selection), or with the fields
 * themselves, as the component tests answer.
 */
export type UserErrorSource = FragmentType<typeof UserErrorFields> | ({ __typename?: string } & Partial<UserErrorLike>);

/** The user errors of a payload, read through the shared fragment. */
export function userErrorsOf(errors: readonly UserErrorSource[] | null | undefined): UserErrorLike[] {
  return (errors ?? [])
    .map((e) => getFragmentData(UserErrorFields, e as FragmentType<typeof UserErrorFields>) as Partial<UserErrorLike>)
    .filter((e) => typeof e.message === 'string')
    .map((e) => ({ message: e.message!, code: e.code ?? '', field: e.field ?? null }));
}

/** The first typed user error of a mutation payload, or null. */
export function firstUserError(errors: readonly UserErrorSource[] | null | undefined): UserErrorLike | null {
  return userErrorsOf(errors)[0] ?? null;
}

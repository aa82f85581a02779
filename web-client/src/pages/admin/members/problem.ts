import { firstUserError, type UserErrorLike } from '../../../components/userErrors';

export type Problem = UserErrorLike | null;

/** A mutation's first typed user error, or the transport's. */
export function problemOf(result: { error?: { message: string } | undefined }, errors: Parameters<typeof firstUserError>[0]): Problem {
  return result.error ? { message: result.error.message, code: '', field: null } : firstUserError(errors);
}

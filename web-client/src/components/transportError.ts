import type { CombinedError } from 'urql';
import type { Messages } from '../i18n/messages';

/**
 * What a failed request means, said by its HTTP status: only a request that got no answer at
 * all is "the server could not be reached". A 2 MB proposal once got a 413 that the client
 * reported as a lost connection.
 */
export function statusMessage(t: Messages, status: number): string {
  if (status === 413) return t.errors.tooLarge;
  if (status === 429) return t.errors.tooMany;
  if (status === 401) return t.errors.signedOut;
  if (status === 403) return t.errors.forbidden;
  if (status === 502 || status === 503 || status === 504) return t.errors.unavailable;
  if (status >= 500) return t.errors.server(status);
  return t.errors.unexpected(status);
}

/** The message for a GraphQL request's transport error (urql keeps the HTTP response on it). */
export function transportMessage(t: Messages, error: CombinedError): string {
  const status = (error.response as Response | undefined)?.status;
  if (typeof status === 'number' && status >= 400) return statusMessage(t, status);
  return error.networkError ? t.errors.network : error.message;
}

import type { Messages } from '../i18n/messages';
import type { ApiResult } from './api';
import { statusMessage } from '../components/transportError';

/** What a failed request means for a form: messages per field, or one message for the form. */
export interface FormErrors {
  fields: Record<string, string[]>;
  form: string | null;
}

export function formErrors<T>(result: Exclude<ApiResult<T>, { ok: true }>, t: Messages): FormErrors {
  if ('networkError' in result) return { fields: {}, form: t.errors.network };
  const { problem } = result;
  const fields = problem.errors ?? {};
  if (Object.keys(fields).length > 0) return { fields, form: null };
  return { fields: {}, form: problem.detail ?? statusMessage(t, problem.status) };
}

/** Focuses the first field, in form order, that has an error; returns whether one did. */
export function focusFirstInvalid(order: string[], fields: Record<string, string[]>, inputs: Record<string, HTMLInputElement | null>): boolean {
  const first = order.find((name) => (fields[name]?.length ?? 0) > 0);
  const input = first ? inputs[first] : null;
  if (input) {
    input.focus();
    return true;
  }
  return false;
}

import type { CombinedError } from 'urql';
import { userErrorsOf, type UserErrorSource } from '../../components/userErrors';
import type { Messages } from '../../i18n/messages';
import { transportMessage } from '../../components/transportError';

export interface MutationOutcome {
  /** Messages for named input fields. */
  fields: Record<string, string>;
  /** A message for the whole form: refusals without a field, transport failures. */
  form: string | null;
}

export function outcomeOf(t: Messages, errors: readonly UserErrorSource[] | null | undefined, transport?: CombinedError): MutationOutcome {
  if (transport) return { fields: {}, form: transportMessage(t, transport) };
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const e of userErrorsOf(errors)) {
    if (e.field) fields[e.field] = fields[e.field] ? `${fields[e.field]} ${e.message}` : e.message;
    else general.push(e.message);
  }
  return { fields, form: general.length > 0 ? general.join(' ') : null };
}

import { useState } from 'react';
import { firstUserError, type UserErrorLike } from '../../components/userErrors';
import { useFocusAfterRender } from '../../components/focusAfterRender';

type Errors = Parameters<typeof firstUserError>[0];

/**
 * The shared shape of an account action: run a mutation, show its first typed user error (or
 * the transport's) in a focused alert, or a status line on success.
 */
export function useAccountAction() {
  const [problem, setProblem] = useState<UserErrorLike | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [alert, focusAlert] = useFocusAfterRender<HTMLDivElement>();

  /** True when the mutation went through; otherwise the error is shown and focused. */
  function settle(result: { error?: { message: string } | undefined }, errors: Errors, success: string): boolean {
    const p = result.error ? { message: result.error.message, code: '', field: null } : firstUserError(errors);
    setProblem(p);
    if (p) {
      setStatus(null);
      focusAlert();
      return false;
    }
    setStatus(success);
    return true;
  }

  return { problem, status, alert, settle };
}

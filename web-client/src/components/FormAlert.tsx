import { forwardRef } from 'react';

/** A form-level error (wrong credentials, conflicts, network); focusable so focus can move to it. */
export const FormAlert = forwardRef<HTMLDivElement, { message: string | null }>(function FormAlert({ message }, ref) {
  return (
    <div ref={ref} tabIndex={-1} role="alert" className={message ? 'form-alert' : 'form-alert form-alert-empty'}>
      {message}
    </div>
  );
});

import { passwordMinLength } from '../auth/passwords.js';
import { Input } from './components/Input.js';
import type { FieldErrors } from './forms.js';

/** Choosing a password and typing it again: the invitation and the forgotten-password pages ask the same way. */
export function NewPasswordFields(props: { label: string; againLabel: string; errors: FieldErrors }) {
  return (
    <>
      <Input
        name="password"
        type="password"
        label={props.label}
        hint={`At least ${passwordMinLength} characters. Three random words work well, like "kettle orchard lantern". You can paste it from a password manager.`}
        autocomplete="new-password"
        error={props.errors.password}
      />
      <Input
        name="confirmPassword"
        type="password"
        label={props.againLabel}
        autocomplete="new-password"
        error={props.errors.confirmPassword}
      />
    </>
  );
}

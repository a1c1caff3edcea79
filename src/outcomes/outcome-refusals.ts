import { fieldErrorsFromRefusal } from '../web/forms.js';

/** A service's refusal of an outcomes form, put beside the field it names. */
export const refusalErrors = (
  error: unknown,
  fallbackField: string,
  fieldFor: (path: string) => string = (path) => path,
) => fieldErrorsFromRefusal(error, { codes: ['unprocessable', 'validation_failed'], fieldFor, fallbackField });

import { Textarea, type TextareaProps } from './Textarea.js';

export type { TextareaProps };

/** The name the pages know the textarea by; with `maxLength` it is the GOV.UK character count. */
export function CharacterCount(props: TextareaProps) {
  return <Textarea {...props} />;
}

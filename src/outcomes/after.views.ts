import type { FieldErrors, FormBody } from '../web/forms.js';
import type { OutcomesService } from './outcomes.service.js';

export type AfterOverview = Awaited<ReturnType<OutcomesService['afterOverview']>>;

/** What one of the after page's forms needs: where it posts, and what was typed with its errors when it came back. */
export interface SectionFormProps {
  base: string;
  csrf: string;
  form: FormBody | undefined;
  errors: FieldErrors;
}

import { adjustmentCategoryLabels, type PassportSection, sectionLabels } from '../domain/vocabulary.js';
import { purposeClause } from './passports.rules.js';
import type { PassportSections } from './passports.schemas.js';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

function entry(label: string, value: string | undefined): string {
  if (!value) return '';
  return `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value).replace(/\n/g, '<br>')}</dd>`;
}

function list(items: string[]): string {
  return items.length ? `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>` : '';
}

const fundLabels: Record<string, string> = {
  job_coach: 'job coach hours',
  travel: 'travel to work',
  equipment: 'equipment',
  support_worker: 'a support worker',
  communication_support: 'communication support',
  mental_health_support: 'mental health support',
};

const statusLabels: Record<string, string> = {
  not_applied: 'I have not applied',
  applied: 'I have applied and am waiting',
  approved: 'Approved',
  declined: 'Not approved',
};

function section(name: PassportSection, sections: PassportSections): string {
  const heading = `<h2 id="${name}">${escapeHtml(sectionLabels[name])}</h2>`;
  switch (name) {
    case 'aboutMe': {
      const s = sections.aboutMe;
      return `${heading}<dl>${entry('About me', s?.summary)}${entry('The work I want', s?.workWanted)}${entry('How I travel and how far', s?.travelLimits)}${entry('How to contact me', s?.contactPreferences)}</dl>`;
    }
    case 'myCondition': {
      const s = sections.myCondition;
      return `${heading}<dl>${entry('My condition', s?.description)}${entry('How it affects my work', s?.effectOnWork)}${entry('On a good day', s?.goodDay)}${entry('On a harder day', s?.harderDay)}${entry('Early warning signs', s?.earlyWarningSigns)}${entry('What to do if I am unwell', s?.whatToDoIfUnwell)}</dl>`;
    }
    case 'whatHelps': {
      const s = sections.whatHelps;
      const adjustments = (s?.adjustments ?? []).map(
        (a) =>
          `<li><strong>${escapeHtml(adjustmentCategoryLabels[a.category])}:</strong> ${escapeHtml(a.details)}${a.inPlace ? ' (already in place)' : ''}</li>`,
      );
      return `${heading}${adjustments.length ? `<h3>Adjustments that help me</h3><ul>${adjustments.join('')}</ul>` : ''}<dl>${entry('Support I had in education', s?.supportInEducation)}${entry('What colleagues can do', s?.whatColleaguesCanDo)}</dl>`;
    }
    case 'accessToWork': {
      const s = sections.accessToWork;
      return `${heading}<dl>${entry('Have I applied?', s ? statusLabels[s.status] : undefined)}${entry('Reference', s?.reference)}${entry('Notes', s?.notes)}</dl>${s?.funds.length ? `<h3>It pays for</h3>${list(s.funds.map((f) => fundLabels[f] ?? f))}` : ''}`;
    }
    case 'review': {
      const s = sections.review;
      return `${heading}<dl>${entry('Agreed with', s?.agreedBy)}${entry('Agreed on', s?.agreedOn)}${entry('Next review due', s?.nextReviewDue)}</dl>`;
    }
  }
}

/**
 * The passport as a printable page (print it to PDF from the browser): plain English, real
 * headings and lists for screen readers, no scripts, large readable type.
 */
export function renderPassportPage(input: {
  preferredName: string;
  version: number;
  sections: PassportSections;
  visible: PassportSection[];
  printedOn: string;
  /** For a share: who shared it, why and until when, said at the top of the page. */
  shared?: { purpose: string; expiresOn: string };
}): string {
  const body = input.visible.map((name) => section(name, input.sections)).join('\n');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.preferredName)}’s workplace adjustments passport</title>
<style>
  body { font-family: Arial, Helvetica, sans-serif; font-size: 19px; line-height: 1.5; color: #0b0c0c; max-width: 40em; margin: 2em auto; padding: 0 1em; }
  h1 { font-size: 2em; margin-bottom: 0.2em; }
  h2 { font-size: 1.5em; border-top: 2px solid #0b0c0c; padding-top: 0.5em; margin-top: 1.5em; }
  h3 { font-size: 1.15em; }
  dt { font-weight: bold; margin-top: 0.8em; }
  dd { margin: 0.2em 0 0 0; }
  .meta { color: #505a5f; }
  a:focus, :focus-visible { outline: 3px solid #fd0; box-shadow: 0 -2px #fd0, 0 4px #0b0c0c; }
  @media print { body { font-size: 12pt; margin: 0; max-width: none; } h2 { break-after: avoid; } li, dd { break-inside: avoid; } }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(input.preferredName)}’s workplace adjustments passport</h1>
<p class="meta">This passport belongs to ${escapeHtml(input.preferredName)}. It says what helps them at work. Please keep it private and do not pass it on.</p>
${
  input.shared
    ? `<p class="meta">${escapeHtml(input.preferredName)} shared these parts with your organisation ${escapeHtml(purposeClause(input.shared.purpose))}. Shared until ${escapeHtml(input.shared.expiresOn)}. When the share ends, please destroy this printout.</p>`
    : ''
}
<p class="meta">Version ${input.version}. Printed on ${escapeHtml(input.printedOn)}.</p>
<nav aria-label="Sections"><ul>${input.visible.map((name) => `<li><a href="#${name}">${escapeHtml(sectionLabels[name])}</a></li>`).join('')}</ul></nav>
${body}
</main>
</body>
</html>`;
}

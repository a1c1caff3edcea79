import { adjustmentCategoryLabels, environmentFactorLabels, sectorLabels } from '../domain/vocabulary.js';
import { capitalised, jobsWantedMessage, listInWords } from '../domain/words.js';
import type { EnvironmentNote, MatchReasons } from '../matching/scoring.js';

/**
 * Why a placement was proposed, as short sentences in plain words. Spoken to the young person
 * ("you") unless `name` is given: then about them, for a parent or carer reading ("Sam"). Reasons
 * a job coach wrote as sentences are shown as they wrote them.
 */
export function reasonSentences(
  reasons: string[] | Record<string, unknown> | undefined,
  name?: string,
): {
  good: string[];
  harder: string[];
} {
  if (!reasons) return { good: [], harder: [] };
  if (Array.isArray(reasons)) return { good: reasons, harder: [] };
  const r = reasons as unknown as MatchReasons;
  const you = name ?? 'you';
  const You = name ?? 'You';
  const your = name ? `${name}’s` : 'your';
  const theyLike = name ? 'they like' : 'you like';
  const good: string[] = [];
  const harder: string[] = [];
  // Reasons come as a client sent them (see MatchEvidence): a note without a known factor keeps its own words.
  const environment = (note: EnvironmentNote, sentence: string) => {
    const label = environmentFactorLabels[note.factor];
    return label ? `${capitalised(label)}: ${note.level}. ${sentence}` : String(note.message ?? '');
  };
  if (r.interests?.sectors?.length) {
    good.push(
      `It is ${r.interests.sectors.map((sector) => sectorLabels[sector]?.toLowerCase() ?? sector).join(' and ')} work, ${r.interests.firstChoice ? `${your} first choice` : `which ${you} said ${theyLike}`}.`,
    );
  }
  if (r.interests?.likedTasks?.length)
    good.push(`${You} will do things ${theyLike}: ${r.interests.likedTasks.join(', ')}.`);
  if (r.interests?.strengths?.length) good.push(`It needs ${your} strengths: ${r.interests.strengths.join(', ')}.`);
  if (typeof r.jobsWanted?.said === 'string' && Array.isArray(r.jobsWanted.matched))
    good.push(jobsWantedMessage(r.jobsWanted.said, r.jobsWanted.matched, You));
  else if (r.jobsWanted?.message) good.push(r.jobsWanted.message);
  if (r.rotations?.length)
    good.push(
      `One of its rotations is ${listInWords(r.rotations)}: work ${you} said ${name ? 'they want' : 'you want'}.`,
    );
  const saidAndFound = (said: string, found: string, sentence: string) =>
    `${You} said: “${said.trim().replace(/[.!]+$/, '')}”. ${sentence.replace('%', `“${found}”`)}`;
  for (const tried of r.triedBefore ?? [])
    (tried.went === 'well' ? good : harder).push(
      saidAndFound(tried.said, tried.found, 'This placement is that kind of work too: %.'),
    );
  for (const ruledOut of r.ruledOut ?? [])
    harder.push(saidAndFound(ruledOut.said, ruledOut.found, 'This placement has % in it.'));
  if (r.adjustments?.met?.length)
    good.push(
      `They can give ${you} this help: ${r.adjustments.met.map((category) => adjustmentCategoryLabels[category]).join('; ')}.`,
    );
  for (const note of r.environment?.pros ?? []) good.push(environment(note, `That suits ${you}.`));
  if (r.employerAdjustments?.agreed) {
    const record = employerAdjustmentSentence(r.employerAdjustments);
    (mostlyInTime(r.employerAdjustments) ? good : harder).push(record);
  }
  if (typeof r.distanceKm === 'number') good.push(`It is about ${Math.round(r.distanceKm * 10) / 10} km from home.`);
  if (r.adjustments?.notMet?.length)
    harder.push(
      `They do not offer this help yet: ${r.adjustments.notMet.map((category) => adjustmentCategoryLabels[category]).join('; ')}. ${capitalised(your)} job coach can ask them.`,
    );
  for (const note of r.environment?.supportNeeded ?? [])
    harder.push(environment(note, `That is as much as ${you} can manage, so ${you} may need help with it.`));
  for (const note of r.environment?.cons ?? [])
    harder.push(
      environment(
        note,
        note.limit === undefined ? `Check that it suits ${you}.` : `That is more than ${you} can manage.`,
      ),
    );
  if (r.dislikedTasks?.length)
    harder.push(
      `It includes things ${you} said ${name ? 'they do' : 'you do'} not like: ${r.dislikedTasks.join(', ')}.`,
    );
  return { good, harder };
}

/**
 * The employer's record with adjustments, as a fact about them: counts over all their interns, never
 * whose. A record of 4 in 5 or better in time reads as a reason for the placement; below that, as
 * something to ask the employer about.
 */
export function employerAdjustmentSentence(record: { agreed: number; inPlaceWithinTwoWeeks: number }): string {
  const adjustments = record.agreed === 1 ? 'agreed adjustment' : 'agreed adjustments';
  return `This employer put ${record.inPlaceWithinTwoWeeks} of ${record.agreed} ${adjustments} in place within 2 weeks of the start.`;
}

function mostlyInTime(record: { agreed: number; inPlaceWithinTwoWeeks: number }): boolean {
  return record.inPlaceWithinTwoWeeks * 5 >= record.agreed * 4;
}

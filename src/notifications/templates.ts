import { isOptionalKind, type NotificationKind } from './kinds.js';
import { absoluteUrl, webPaths } from './links.js';

export const serviceName = 'Supported internships';

/**
 * What an email may say: names of people, placements and employers, dates and labels. Never
 * passport text, conditions or which sections were shared; the email links to the page instead.
 */
export type Facts = Record<string, string>;

export interface DigestItem {
  subject: string;
  path: string;
}

export interface RenderContext {
  publicUrl: string;
  recipientName: string;
  /** The path the email links to (one link into the web app). */
  path: string;
  /** One-click unsubscribe URL for optional kinds. */
  unsubscribeUrl?: string;
  digestItems?: DigestItem[];
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

interface Wording {
  subject: string;
  paragraphs: string[];
  action: string;
  why: string;
}

const forWhom = (facts: Facts) => (facts.forSelf === 'yes' ? 'you' : facts.youngPersonName);

function wordingFor(kind: NotificationKind, f: Facts): Wording {
  switch (kind) {
    case 'invitation':
      return {
        subject: `You are invited to ${serviceName}`,
        paragraphs: [
          `${f.inviterName} has invited you to join ${serviceName} as ${f.roleLabel}.`,
          `Choose a password to make your account. The link works until ${f.expiresOn}.`,
        ],
        action: 'Accept the invitation',
        why: `You get this email because ${f.inviterName} typed your email address to invite you. If you did not expect it, you can ignore it.`,
      };
    case 'proposal_received':
      return {
        subject:
          f.forSelf === 'yes'
            ? 'A job coach has suggested a placement for you'
            : `A job coach has suggested a placement for ${f.youngPersonName}`,
        paragraphs: [
          `The placement is ${f.placementTitle} at ${f.employerName}.`,
          f.forSelf === 'yes'
            ? 'Read about it. Then say yes or no.'
            : `Read about it. Then say yes or no for ${f.youngPersonName}.`,
          'Nothing is shared with the employer until you say yes.',
        ],
        action: 'See the placement and answer',
        why:
          f.forSelf === 'yes'
            ? 'You get this email because a job coach suggested a placement for you.'
            : `You get this email because you answer placement suggestions for ${f.youngPersonName}.`,
      };
    case 'proposal_agreed':
      return {
        subject: `${f.youngPersonName} would like your placement: ${f.placementTitle}`,
        paragraphs: [
          `${f.youngPersonName} has agreed to be put forward for ${f.placementTitle}.`,
          ...(f.shared === 'yes'
            ? [`${f.youngPersonName} has shared some of their passport with you. It says what helps them at work.`]
            : []),
          'Offer them the placement, say no, or arrange a taster first.',
        ],
        action: 'Decide about this placement',
        why: `You get this email because you work for ${f.employerName}, which offers this placement.`,
      };
    case 'decided_for_you':
      return {
        subject:
          f.decision === 'shared'
            ? `${f.delegateName} shared your passport with ${f.employerName}`
            : `${f.delegateName} said ${f.decision === 'accepted' ? 'yes' : 'no'} to ${f.placementTitle} for you`,
        paragraphs: [
          f.decision === 'shared'
            ? `${f.delegateName} shared some of your passport with ${f.employerName} for you on ${f.on}.`
            : `${f.delegateName} said ${f.decision === 'accepted' ? 'yes' : 'no'} to ${f.placementTitle} at ${f.employerName} for you on ${f.on}.`,
          'Tell your job coach if that is not right.',
        ],
        action: f.decision === 'shared' ? 'See who can read your passport' : 'See the placement',
        why: `You get this email because ${f.delegateName} can do this for you, and you should know when they do.`,
      };
    case 'employer_decision':
      return {
        subject:
          f.decision === 'accepted'
            ? `${f.employerName} said yes: ${f.placementTitle}`
            : `${f.employerName} said no: ${f.placementTitle}`,
        paragraphs: [
          f.decision === 'accepted'
            ? `${f.employerName} has said yes to ${forWhom(f)} for ${f.placementTitle}.`
            : `${f.employerName} has said no to ${forWhom(f)} for ${f.placementTitle}.`,
          f.decision === 'accepted'
            ? 'The job coach will agree the first day.'
            : 'The job coach will talk about what to do next.',
        ],
        action: 'See what happens next',
        why:
          f.forSelf === 'yes'
            ? 'You get this email because you agreed to this placement.'
            : `You get this email because you are ${f.youngPersonName}'s job coach.`,
      };
    case 'taster_arranged':
      return {
        subject: `${f.tasterLabel} arranged: ${f.placementTitle}`,
        paragraphs: [
          `${f.employerName} has arranged ${f.tasterLabel?.toLowerCase()} for ${forWhom(f)} on ${f.date}.`,
          'The page says where and what to bring.',
        ],
        action: 'See the details',
        why:
          f.forSelf === 'yes'
            ? 'You get this email because you agreed to this placement.'
            : `You get this email because you are ${f.youngPersonName}'s job coach.`,
      };
    case 'passport_draft_waiting':
      return {
        subject:
          f.forSelf === 'yes'
            ? 'Your job coach suggests changes to your passport'
            : `A job coach suggests changes to ${f.youngPersonName}'s passport`,
        paragraphs: [
          `${f.coachName} has suggested some changes.`,
          'Nothing changes until you say yes. You can say yes or no.',
        ],
        action: 'See the suggested changes',
        why:
          f.forSelf === 'yes'
            ? 'You get this email because it is your passport.'
            : `You get this email because you can change ${f.youngPersonName}'s passport.`,
      };
    case 'share_ending_soon':
      return {
        subject: `Your passport share with ${f.employerName} ends on ${f.endsOn}`,
        paragraphs: [
          `${f.employerName} can read some of your passport until ${f.endsOn}.`,
          'After that they cannot read it. You can share it again if you want to.',
        ],
        action: 'See your shares',
        why: 'You get this email because you shared your passport.',
      };
    case 'share_ended':
      return {
        subject: `Your passport share with ${f.employerName} has ended`,
        paragraphs: [`${f.employerName} can no longer read your passport.`, 'You can share it again if you want to.'],
        action: 'See your shares',
        why: 'You get this email because you shared your passport.',
      };
    case 'weekly_log_missing':
      return {
        subject: `Weekly log missing: ${f.youngPersonName}, week of ${f.weekStarting}`,
        paragraphs: [
          `There is no weekly log for ${f.youngPersonName} at ${f.placementTitle} for the week starting ${f.weekStarting}.`,
          'It takes a minute: hours, tasks and support.',
        ],
        action: 'Record the weekly log',
        why: `You get this email because ${f.youngPersonName} is on your caseload.`,
      };
    case 'review_due':
      return {
        subject: `Review due: ${f.youngPersonName}, ${f.placementTitle}`,
        paragraphs: [`A progress review for ${f.youngPersonName} at ${f.placementTitle} was due on ${f.dueOn}.`],
        action: 'Record the review',
        why: `You get this email because ${f.youngPersonName} is on your caseload.`,
      };
    case 'follow_up_due':
      return {
        subject: `${f.months ?? '12'}-month follow-up due: ${f.youngPersonName}`,
        paragraphs: [
          `It is time to check what ${f.youngPersonName} is doing now, ${f.months ?? '12'} months after ${f.placementTitle}.`,
          `Please record it by ${f.dueOn}.`,
        ],
        action: 'Record the follow-up',
        why: `You get this email because ${f.youngPersonName} was on your caseload.`,
      };
    case 'ehc_review_due':
      return {
        subject: `EHC plan review coming: ${f.youngPersonName}`,
        paragraphs: [
          `The annual review of ${f.youngPersonName}’s EHC plan is on ${f.dueOn}.`,
          'Check the progress towards the plan’s outcomes before it.',
        ],
        action: 'See the outcomes',
        why: `You get this email because ${f.youngPersonName} is on your caseload.`,
      };
    // Access to Work emails name what needs doing and link to the page: no figure, date or reference.
    case 'access_to_work_application':
      return {
        subject: `Access to Work: an application needs sending for ${f.youngPersonName}`,
        paragraphs: [`The Access to Work application for ${f.youngPersonName} is late. The page says what to do.`],
        action: 'Open Access to Work',
        why: `You get this email because ${f.youngPersonName} is on your caseload.`,
      };
    case 'access_to_work_reconsideration':
      return {
        subject: `Access to Work: the time to ask for a reconsideration for ${f.youngPersonName} ends soon`,
        paragraphs: [
          `If the Access to Work award for ${f.youngPersonName} is not right, ask for a reconsideration soon. The page says by when.`,
        ],
        action: 'Open Access to Work',
        why: `You get this email because ${f.youngPersonName} is on your caseload.`,
      };
    case 'access_to_work_renewal':
      return {
        subject: `Access to Work: the award for ${f.youngPersonName} can be renewed`,
        paragraphs: [`You can now apply to renew the Access to Work award for ${f.youngPersonName}.`],
        action: 'Open Access to Work',
        why: `You get this email because ${f.youngPersonName} is on your caseload.`,
      };
    case 'access_to_work_claim':
      return {
        subject: `Access to Work: last month’s claim for ${f.youngPersonName} is not sent`,
        paragraphs: [
          `Last month’s Access to Work claim for ${f.youngPersonName} is past the day it was due and is not sent yet.`,
        ],
        action: 'Open Access to Work',
        why: `You get this email because ${f.youngPersonName} is on your caseload.`,
      };
    case 'adjustment_answer_due':
      return {
        subject: `Adjustments for ${f.youngPersonName} are waiting for your answer`,
        paragraphs: [
          `${f.youngPersonName} asked for changes at work for the ${f.placementTitle} placement more than 5 working days ago.`,
          'Say for each one whether you can do it.',
        ],
        action: 'Answer the requests',
        why: `You get this email because ${f.youngPersonName} has a placement with your organisation.`,
      };
    case 'adjustment_overdue':
      return {
        subject: `An adjustment for ${f.youngPersonName} is past its date`,
        paragraphs: [
          `You agreed a change at work for ${f.youngPersonName} (${f.placementTitle}). The day it was due has passed and it is not marked as in place.`,
        ],
        action: 'Open the adjustments',
        why: `You get this email because ${f.youngPersonName} has a placement with your organisation.`,
      };
    case 'adjustment_check_due':
      return {
        subject: 'Does the change at work help you?',
        paragraphs: [
          `${f.employerName} put a change in place for you at work.`,
          'Please tell us if it helps. It takes one minute.',
        ],
        action: 'Say if it helps',
        why: 'You get this email because you asked for this change at work.',
      };
    case 'security_new_sign_in':
      return {
        subject: `New sign-in to your ${serviceName} account`,
        paragraphs: [
          f.reason === 'after_password_change'
            ? `Someone signed in to your account on ${f.at}, after your password was changed.`
            : `Someone signed in to your account on ${f.at} from a place or device not used before.`,
          'If this was you, you do not need to do anything.',
          'If it was not you, sign in and change your password, or ask your job coach or organisation for help.',
        ],
        action: 'Sign in',
        why: 'You get this email to keep your account safe. You cannot turn these emails off.',
      };
    case 'password_reset':
      return {
        subject: `Choose a new password for ${serviceName}`,
        paragraphs: [
          'Someone asked for a link to choose a new password for your account.',
          `The link works once, until ${f.expiresAt}. When you choose a new password, you are signed out everywhere.`,
        ],
        action: 'Choose a new password',
        why: 'You get this email because someone typed your email address on the "Forgotten your password?" page. If it was not you, you can ignore it: your password stays the same.',
      };
    case 'security_refresh_reuse':
      return {
        subject: `We signed you out of ${serviceName} to keep your account safe`,
        paragraphs: [
          `On ${f.at} an old sign-in was used again. This can mean someone copied it.`,
          'We signed out that device. Sign in again.',
          'If this keeps happening, change your password or ask for help.',
        ],
        action: 'Sign in again',
        why: 'You get this email to keep your account safe. You cannot turn these emails off.',
      };
    case 'digest':
      return {
        subject: `Your daily summary from ${serviceName}`,
        paragraphs: [`Here is what happened since yesterday. You chose one email a day.`],
        action: 'Open the service',
        why: `You get this email because you chose a daily summary. Change this in your settings.`,
      };
  }
}

const escapeHtml = (value: string) =>
  value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

/** The subject line alone, e.g. for a line of a daily digest. */
export function subjectFor(kind: NotificationKind, facts: Facts): string {
  return wordingFor(kind, facts).subject;
}

/** Builds the plain-text and HTML parts of one email. Pure: the same input gives the same email. */
export function renderEmail(kind: NotificationKind, facts: Facts, context: RenderContext): RenderedEmail {
  const wording = wordingFor(kind, facts);
  const link = absoluteUrl(context.publicUrl, context.path);
  const settings = absoluteUrl(context.publicUrl, webPaths.notificationSettings());
  const digest = (context.digestItems ?? []).map((item) => ({
    subject: item.subject,
    url: absoluteUrl(context.publicUrl, item.path),
  }));
  const optional = isOptionalKind(kind);

  const text = [
    `Hello ${context.recipientName},`,
    '',
    ...wording.paragraphs.flatMap((paragraph) => [paragraph, '']),
    ...digest.flatMap((item) => [`- ${item.subject}`, `  ${item.url}`]),
    ...(digest.length > 0 ? [''] : []),
    `${wording.action}: ${link}`,
    '',
    wording.why,
    '',
    '--',
    serviceName,
    `Choose which emails you get: ${settings}`,
    ...(optional && context.unsubscribeUrl ? [`Stop emails like this one: ${context.unsubscribeUrl}`] : []),
    '',
  ].join('\n');

  const paragraph = (content: string) => `<p style="margin:0 0 16px">${escapeHtml(content)}</p>`;
  const html = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(wording.subject)}</title></head>`,
    '<body style="margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:19px;line-height:1.4;color:#0b0c0c;background:#ffffff">',
    `<p style="margin:0 0 24px;font-weight:bold;font-size:24px">${escapeHtml(serviceName)}</p>`,
    '<main>',
    `<h1 style="font-size:27px;margin:0 0 16px">${escapeHtml(wording.subject)}</h1>`,
    paragraph(`Hello ${context.recipientName},`),
    ...wording.paragraphs.map(paragraph),
    ...(digest.length > 0
      ? [
          '<ul style="margin:0 0 16px;padding-left:24px">',
          ...digest.map(
            (item) =>
              `<li style="margin:0 0 8px"><a href="${escapeHtml(item.url)}" style="color:#1d70b8">${escapeHtml(item.subject)}</a></li>`,
          ),
          '</ul>',
        ]
      : []),
    `<p style="margin:0 0 24px"><a href="${escapeHtml(link)}" style="color:#1d70b8;font-weight:bold;font-size:21px">${escapeHtml(wording.action)}</a></p>`,
    paragraph(wording.why),
    '</main>',
    '<footer style="border-top:1px solid #b1b4b6;padding-top:16px;font-size:16px">',
    `<p style="margin:0 0 8px">${escapeHtml(serviceName)}</p>`,
    `<p style="margin:0 0 8px"><a href="${escapeHtml(settings)}" style="color:#1d70b8">Choose which emails you get</a></p>`,
    ...(optional && context.unsubscribeUrl
      ? [
          `<p style="margin:0"><a href="${escapeHtml(context.unsubscribeUrl)}" style="color:#1d70b8">Stop emails like this one</a></p>`,
        ]
      : []),
    '</footer>',
    '</body>',
    '</html>',
  ].join('\n');

  return { subject: wording.subject, text, html };
}

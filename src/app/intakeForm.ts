// The public Google Form: how its answers become an intake (its texts are in messages/intakeForm.ts).
import { SPECIAL_CASE_MONTHS, WORKING_DAYS_LIMIT } from '../domain/deadline';
import type { IntakeInput } from '../domain/validation';
import { DEFAULT_PRIVACY } from '../domain/vocabulary';
import {
  CONFIRMATION_MESSAGE,
  CONSENT_CHOICE,
  FORM_HELP,
  FORM_ITEMS,
  PRIVACY_CHOICES,
  formDescription as formText,
  formTitle,
} from '../messages/intakeForm';
import type { Settings } from './settings';

export { CONSENT_CHOICE, FORM_HELP, FORM_ITEMS, PRIVACY_CHOICES, formTitle };

/** The service standard, with the deadline the rule sets. */
export function formDescription(s: Settings): string {
  return formText(s, WORKING_DAYS_LIMIT, SPECIAL_CASE_MONTHS);
}

export function confirmationMessage(): string {
  return CONFIRMATION_MESSAGE;
}

export type FormAnswers = Record<string, string | string[]>;

function text(answers: FormAnswers, title: string): string {
  const v = answers[title];
  if (Array.isArray(v)) return v.join(', ');
  return v ?? '';
}

/** An online answer set as an intake. The privacy choice is read by its first word. */
export function answersToIntake(answers: FormAnswers, receivedAt: Date): IntakeInput {
  const privacyAnswer =
    text(answers, FORM_ITEMS.privacy)
      .trim()
      .split(/[\s—-]/)[0] ?? '';
  const consent = text(answers, FORM_ITEMS.consent) !== '';
  return {
    channel: 'Formulir Online',
    receivedAt,
    name: text(answers, FORM_ITEMS.name),
    nik: text(answers, FORM_ITEMS.nik),
    address: text(answers, FORM_ITEMS.address),
    phone: text(answers, FORM_ITEMS.phone),
    email: text(answers, FORM_ITEMS.email),
    subject: text(answers, FORM_ITEMS.subject),
    description: text(answers, FORM_ITEMS.description),
    privacy: privacyAnswer || DEFAULT_PRIVACY,
    // Checked against the Kategori sheet at intake: a choice no longer there is dropped, never refused.
    category: text(answers, FORM_ITEMS.category),
    // Online, the KTP requirement is the NIK plus the declaration in the consent item.
    ktpSeen: consent,
    letterPresent: false,
    registeredBy: '',
  };
}

// Shared plumbing of the server functions: the context, who is calling, and errors as Indonesian messages.
import type { TeamMember } from '../app/team';
import { GasContext } from '../gas/context';
import { redactForLog } from '../domain/privacy';
import { AuditUnwritableError, LockBusyError } from '../ports';
import { RegisterLayoutError } from '../gas/registerLayout';
import { TEXT } from '../messages/ui';

export class Refusal extends Error {}

/** The caller as a team member, or a Refusal with the Indonesian explanation. */
export function requireMember(ctx: GasContext): TeamMember {
  const member = ctx.actor();
  if (!member) throw new Refusal(TEXT.unknownUser);
  return member;
}

/** What a sidebar receives: never a stack trace, always a sentence a person can act on. */
export function messageOf(error: unknown): string {
  if (
    error instanceof Refusal ||
    error instanceof LockBusyError ||
    error instanceof AuditUnwritableError ||
    error instanceof RegisterLayoutError
  )
    return error.message;
  if (error instanceof Error && error.message.startsWith('Sistem belum disiapkan')) return error.message;
  // The detail goes to the execution log for the administrator (without personal data); the person gets a
  // sentence, not an English trace.
  console.error(redactForLog(error instanceof Error ? (error.stack ?? error.message) : String(error)));
  return TEXT.unexpected;
}

export { GasContext };

// Domain events of the workflow. "closed" is emitted by every path that settles a complaint (a workflow action of the
// table marked `closes`, the walk-in answered when recorded, the reply letter delivered); listeners are subscribed
// once, in the wiring (gas/context.ts), so a new closing path or a new listener is never wired by hand.
import type { Complaint } from '../domain/complaint';
import { transitionOf, type ActionName } from '../domain/workflow';

export interface ClosedEvent {
  type: 'closed';
  complaint: Complaint;
  /** The action that closed it. */
  action: ActionName;
}

export type WorkflowEvent = ClosedEvent;

/** Does something about an event; returns a line for the person who acted (e.g. "invitation sent"), or ''. */
export type WorkflowListener = (event: WorkflowEvent) => string;

/** The events an action that succeeded emits (the domain's table says which actions close). */
export function eventsOf(action: ActionName, after: Complaint): WorkflowEvent[] {
  return transitionOf(action)?.closes && after.closedAt !== null ? [{ type: 'closed', complaint: after, action }] : [];
}

export class WorkflowEvents {
  private readonly listeners: WorkflowListener[] = [];

  on(listener: WorkflowListener): this {
    this.listeners.push(listener);
    return this;
  }

  /** Runs every listener; one that fails never undoes the step nor stops the others. Returns their lines. */
  emit(events: readonly WorkflowEvent[]): string[] {
    const lines: string[] = [];
    for (const event of events)
      for (const listener of this.listeners) {
        try {
          const line = listener(event);
          if (line !== '') lines.push(line);
        } catch (error) {
          console.warn(`Dumas: ${event.type}: ${error instanceof Error ? error.name : 'error'}`);
        }
      }
    return lines;
  }
}

/** Events held back while an outer step still holds the lock (the reply letter's delivery), emitted after it. */
export class HeldEvents extends WorkflowEvents {
  readonly held: WorkflowEvent[] = [];

  override emit(events: readonly WorkflowEvent[]): string[] {
    this.held.push(...events);
    return [];
  }
}

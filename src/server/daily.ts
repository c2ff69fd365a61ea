// The daily trigger (07:00 WITA): first make sure no form response is missing from the register.
import { reconcileResponses } from './intake';
import { GasContext } from './session';

export function dailyRun(): void {
  const ctx = new GasContext();
  reconcileResponses(ctx);
}

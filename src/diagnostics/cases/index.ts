// Every conformance case, in the order the results sheet lists them.
import type { DiagnosticCase } from '../types';
import { DOC_CASES } from './docs';
import { SERVICE_CASES } from './services';
import { LIMIT_CASES } from './limits';
import { PROJECT_CASES } from './projects';
import { SHEET_CASES } from './sheets';
import { WEB_APP_CASES } from './webApp';

export const CASES: readonly DiagnosticCase[] = [
  ...SHEET_CASES,
  ...DOC_CASES,
  ...SERVICE_CASES,
  ...LIMIT_CASES,
  ...WEB_APP_CASES,
  ...PROJECT_CASES,
];

// Every conformance case, in the order the results sheet lists them.
import type { DiagnosticCase } from '../types';
import { DOC_CASES } from './docs';
import { SERVICE_CASES } from './services';
import { SHEET_CASES } from './sheets';

export const CASES: readonly DiagnosticCase[] = [...SHEET_CASES, ...DOC_CASES, ...SERVICE_CASES];

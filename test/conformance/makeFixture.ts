// Regenerates fixtures/emulator-run.fixture.csv: the "Diagnostik" sheet of a run in the EMULATOR, exported as Google
// exports CSV. A fixture for the record loader, never a record of real Google. Run: npm run build, then
// `npx tsx test/conformance/makeFixture.ts`.
import { writeFileSync } from 'node:fs';
import { RESULTS_SHEET } from '../../src/diagnostics/resultsSheet';
import { openOffice, PEOPLE } from '../bundle/office';
import { FIXTURE_PATH as FIXTURE } from './fixturePath';
import { toCsv } from './record';

const office = openOffice();
office.as(PEOPLE.admin, 'runDiagnostics');
const sheet = office.emu.spreadsheet.getSheetByName(RESULTS_SHEET);
if (!sheet) throw new Error('no results sheet');
writeFileSync(FIXTURE, toCsv(office.emu.sheets.peek(sheet).display));
console.log(`wrote ${FIXTURE}`);

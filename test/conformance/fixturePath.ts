// Where the loader's fixture lives (made by makeFixture.ts from an emulator run; never a record of real Google).
import { join } from 'node:path';
import { CONFORMANCE_DIR } from './record';

export const FIXTURE_PATH = join(CONFORMANCE_DIR, 'fixtures', 'emulator-run.fixture.csv');

// `npm run preview`: the sidebars in your browser, served from the emulator with a set-up office and team.
import { openOffice, PEOPLE } from '../test/bundle/office';
import { startPreview } from '../test/preview/server';

const port = Number(process.env.PORT ?? 5173);
const preview = await startPreview(openOffice(), port);
console.log(`Dumas preview: ${preview.url}`);
console.log(`  Catat Pengaduan as CS: ${preview.url}/sidebar/showRecordSidebar?as=${encodeURIComponent(PEOPLE.cs)}`);
console.log('Press Ctrl+C to stop.');

// Attachments on the split deployment: the citizen uploads through the core's web app, the file lands in the core
// owner's unshared folder, and a member opens it through the shell only when the core says they may.
import { beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE } from '../bundle/office';
import { setSetting } from '../bundle/publicHelpers';
import { letterAt, LETTER } from '../bundle/workflowOffice';
import { attachLinkFor, jpegBytes, upload } from '../bundle/attachHelpers';
import { openSplitAsOffice, type SplitAsOffice } from './asOffice';

type Opened = { ok: true; mime: string; dataUrl: string } | { ok: false; message: string };

describe('attachments through the core', () => {
  let office: SplitAsOffice;
  let reg: string;
  beforeAll(() => {
    office = openSplitAsOffice();
    setSetting(office, 'url_halaman_status', office.split.url);
    reg = letterAt(office, 'Didisposisikan', { privacy: 'rahasia' });
  });

  it('a citizen uploads a photo by the receipt’s link; the assigned unit opens it, another unit and the files’ folder do not', () => {
    const link = attachLinkFor(office, LETTER.email);
    expect(link.searchParams.get('no')).toBe(reg);
    const photo = jpegBytes(2_000);
    expect(upload(office, link, photo).ok).toBe(true);

    const mine = office.as<Opened>(PEOPLE.koperasi, 'openAttachment', reg, 1);
    expect(mine.ok).toBe(true);
    if (mine.ok) expect(Buffer.from(mine.dataUrl.split(',')[1], 'base64')).toEqual(photo);
    expect(office.as<Opened>(PEOPLE.ukm, 'openAttachment', reg, 1).ok).toBe(false);

    const stored = office.emu.drive.files().filter((f) => f.name.startsWith(`${reg}-`));
    expect(stored).toHaveLength(1);
    for (const member of [PEOPLE.cs, PEOPLE.koperasi, PEOPLE.ukm, PEOPLE.kadis])
      expect(office.emu.drive.accessibleTo(member).map((f) => f.id)).not.toContain(stored[0].id);
  });
});

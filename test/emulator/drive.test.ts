// Tests for the emulated DriveApp: folders, files, iterators, copies of Google Docs, PDF conversion, sharing.
import { describe, expect, it } from 'vitest';
import { EmuContext } from './core/context';
import { createDocumentApp } from './docs';
import { createDriveApp, ITERATOR_END, NOT_FOUND } from './drive';
import { pdfToText } from './pdf';
import { blobData } from './blob';
import { createUtilities } from './utilities';

function setup() {
  const ctx = new EmuContext({ now: '2026-01-05T09:00:00+08:00' });
  const { global: DriveApp, control, extraGlobals } = createDriveApp(ctx);
  const { global: DocumentApp } = createDocumentApp(ctx);
  const { global: Utilities } = createUtilities(ctx);
  return { ctx, DriveApp, control, DocumentApp, Utilities, MimeType: extraGlobals.MimeType };
}

describe('DriveApp', () => {
  it('deletes a trashed file forever 30 days after it went to the trash; a restored one stays', () => {
    const { ctx, DriveApp, control } = setup();
    const gone = DriveApp.createFile('lama.txt', 'identitas');
    const back = DriveApp.createFile('pulih.txt', 'isi');
    gone.setTrashed(true);
    back.setTrashed(true);
    ctx.clock.set('2026-02-03T09:00:00+08:00'); // 29 days: still in the trash
    expect(DriveApp.getFileById(gone.getId()).isTrashed()).toBe(true);
    back.setTrashed(false);
    ctx.clock.set('2026-02-04T09:00:00+08:00'); // 30 days
    expect(() => DriveApp.getFileById(gone.getId())).toThrow(NOT_FOUND);
    expect(control.files().map((f) => f.name)).not.toContain('lama.txt');
    expect(DriveApp.getFileById(back.getId()).isTrashed()).toBe(false);
  });

  it('creates folders and finds them by name with iterators', () => {
    const { DriveApp } = setup();
    const arsip = DriveApp.createFolder('Arsip DUMAS');
    arsip.createFolder('2026');
    const it1 = DriveApp.getFoldersByName('Arsip DUMAS');
    expect(it1.hasNext()).toBe(true);
    expect(it1.next().getId()).toBe(arsip.getId());
    expect(it1.hasNext()).toBe(false);
    expect(() => it1.next()).toThrow(ITERATOR_END);
    const sub = arsip.getFoldersByName('2026');
    expect(sub.next().getParents().next().getId()).toBe(arsip.getId());
    expect(DriveApp.getRootFolder().getFolders().next().getName()).toBe('Arsip DUMAS');
  });

  it('creates files from text and from blobs, and reads them back', () => {
    const { DriveApp, Utilities, MimeType } = setup();
    const f = DriveApp.createFile('catatan.txt', 'isi catatan', MimeType.PLAIN_TEXT);
    expect(f.getMimeType()).toBe('text/plain');
    expect(f.getBlob().getDataAsString()).toBe('isi catatan');
    const folder = DriveApp.createFolder('F');
    const g = folder.createFile(Utilities.newBlob('x', MimeType.CSV, 'a.csv'));
    expect(folder.getFilesByName('a.csv').next().getId()).toBe(g.getId());
    expect(DriveApp.getFileById(g.getId()).getName()).toBe('a.csv');
    expect(() => DriveApp.getFileById('missing')).toThrow(NOT_FOUND);
    expect(() => DriveApp.getFolderById(g.getId())).toThrow(NOT_FOUND);
  });

  it('makeCopy of a Google Doc copies its content as a new document', () => {
    const { DriveApp, DocumentApp, ctx } = setup();
    const tpl = DocumentApp.create('Template Tanda Terima');
    tpl.getBody().setText('Nomor: {{nomor}}');
    tpl.saveAndClose();
    const out = DriveApp.createFolder('Keluar');
    const copy = DriveApp.getFileById(tpl.getId()).makeCopy('DUMAS-001', out);
    expect(copy.getId()).not.toBe(tpl.getId());
    expect(copy.getParents().next().getId()).toBe(out.getId());
    const doc = DocumentApp.openById(copy.getId());
    doc.getBody().replaceText('\\{\\{nomor\\}\\}', 'DUMAS-001');
    expect(doc.getBody().getText()).toBe('Nomor: DUMAS-001');
    expect(DocumentApp.openById(tpl.getId()).getBody().getText()).toBe('Nomor: {{nomor}}'); // template untouched
    expect(ctx.calls.all().find((r) => r.name === 'File.makeCopy')?.kind).toBe('drive.copy');
  });

  it('converts a Google Doc and a text file to PDF', async () => {
    const { DriveApp, DocumentApp } = setup();
    const doc = DocumentApp.create('Surat');
    doc.getBody().setText('Yth. Bapak Kepala Dinas');
    const pdf = DriveApp.getFileById(doc.getId()).getAs('application/pdf');
    expect(pdf.getName()).toBe('Surat.pdf');
    const txt = DriveApp.createFile('a.txt', 'baris teks', 'text/plain').getAs('application/pdf');
    expect(txt.getName()).toBe('a.pdf');
    expect(await pdfToText(blobData(pdf).bytes)).toContain('Yth. Bapak Kepala Dinas');
    expect(await pdfToText(blobData(txt).bytes)).toContain('baris teks');
  });

  it('moves, trashes and records sharing, editors and viewers', () => {
    const { DriveApp, control, ctx } = setup();
    const f = DriveApp.createFile('a.txt', 'x');
    const dest = DriveApp.createFolder('D');
    f.moveTo(dest);
    expect(dest.getFiles().next().getId()).toBe(f.getId());
    f.setSharing(DriveApp.Access.ANYONE_WITH_LINK, DriveApp.Permission.VIEW);
    expect([f.getSharingAccess(), f.getSharingPermission()]).toEqual(['ANYONE_WITH_LINK', 'VIEW']);
    f.addEditor('kabid@example.go.id').addViewers(['a@example.com', 'b@example.com']);
    expect(f.getEditors().map((u) => u.getEmail())).toEqual(['kabid@example.go.id']);
    expect(f.getViewers()).toHaveLength(2);
    expect(() => f.addEditor('bukan email')).toThrow(/Invalid email/);
    ctx.clock.advance(60_000);
    f.setTrashed(true);
    expect(f.isTrashed()).toBe(true);
    expect(f.getLastUpdated().getTime() - f.getDateCreated().getTime()).toBe(60_000);
    expect(f.getDateCreated()).toBeInstanceOf(ctx.Date);
    expect(DriveApp.getFilesByName('a.txt').hasNext()).toBe(false);
    expect(control.files().find((x) => x.id === f.getId())).toMatchObject({
      trashed: true,
      sharing: { access: 'ANYONE_WITH_LINK', permission: 'VIEW' },
    });
  });
});

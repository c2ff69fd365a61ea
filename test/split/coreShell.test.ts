// The deployment the agency runs: the team works in a spreadsheet whose shell forwards every call to the core with
// the person's identity token; the core answers each person as the permission table and the privacy rules say.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE } from '../bundle/office';
import { act, INPUTS, letterAt, LETTER, type ActResult } from '../bundle/workflowOffice';
import { SHELL_TEXT } from '../../src/messages/shell';
import { MEMBERS, openSplitOffice, type SplitOffice } from './world';

const cells = (rows: unknown[][]): string => rows.map((r) => r.join('\t')).join('\n');

/** A member's own code in the shell (they are its editors): one raw POST to the core with their own token. */
function swappedShell(office: SplitOffice, member: string, request: Record<string, unknown>): unknown {
  office.shell.swapCode(
    member,
    `function attack() {
      var url = PropertiesService.getScriptProperties().getProperty('DUMAS_CORE_URL');
      var body = ${JSON.stringify(request)};
      if (body.idToken === undefined) body.idToken = ScriptApp.getIdentityToken();
      var r = UrlFetchApp.fetch(url, { method: 'post', contentType: 'application/json', payload: JSON.stringify(body),
        muteHttpExceptions: true });
      return { code: r.getResponseCode(), body: JSON.parse(r.getContentText()),
        props: PropertiesService.getScriptProperties().getProperties() };
    }`,
  );
  try {
    return office.shell.call(member, 'attack');
  } finally {
    office.shell.swapCode(PEOPLE.admin, readFileSync('build/shell/Code.js', 'utf8'));
  }
}

describe('the core and the shell', () => {
  let office: SplitOffice;
  let reg: string;
  beforeAll(() => {
    office = openSplitOffice();
    reg = letterAt(office, 'Didisposisikan', { privacy: 'rahasia' });
  });

  it('connects once, by the core owner: the core trusts only this shell’s tokens and keeps the office’s id', () => {
    const props = office.core.readScriptProperties(PEOPLE.admin);
    expect(props.DUMAS_SHELL_AUDIENCE).toBe(office.shell.clientId);
    expect(props.DUMAS_OFFICE_ID).toBe(office.shell.container?.getId());
    expect(office.shell.readScriptProperties(PEOPLE.admin)).toEqual({ DUMAS_CORE_URL: office.url });
  });

  it('runs the workflow for the team through the shell; identity stays in the vault', () => {
    const vault = cells(office.vault().Register);
    expect(vault).toContain(LETTER.name);
    expect(vault).toContain(LETTER.nik);
    const view = cells(office.sheetValues('Tampilan Register'));
    expect(view).toContain(reg);
    for (const secret of [LETTER.name, LETTER.nik, LETTER.phone, LETTER.email, LETTER.address, LETTER.description])
      expect(view).not.toContain(secret);
  });

  it('opens the sidebar in the team spreadsheet with what the core answered for that person', () => {
    const before = office.shell.services.ui.control.sidebars.length;
    office.as(PEOPLE.koperasi, 'showTindakLanjutSidebar');
    const shown = office.shell.services.ui.control.sidebars.slice(before);
    expect(shown).toHaveLength(1);
    expect(shown[0].html).toContain(reg);
  });

  it('answers each person as the table says: the assigned unit sees the rahasia content, another unit is refused', () => {
    const mine = office.as<ActResult>(PEOPLE.koperasi, 'openWorkflowComplaint', 'tindakLanjut', reg);
    expect(mine.ok).toBe(true);
    expect(JSON.stringify(mine)).toContain(LETTER.description);
    expect(JSON.stringify(mine)).not.toContain(LETTER.nik); // rahasia: identity only for CS, Sekretaris, Ketua
    const other = office.as<ActResult>(PEOPLE.ukm, 'openWorkflowComplaint', 'tindakLanjut', reg);
    expect(other.ok).toBe(false);
    expect(JSON.stringify(other)).not.toContain(LETTER.description);
    const cs = office.as<ActResult>(PEOPLE.cs, 'openWorkflowComplaint', 'riwayat', reg);
    expect(JSON.stringify(cs)).toContain(LETTER.name);
  });

  it('a member who swaps the shell’s code reaches only what the core answers them, and no secret', () => {
    const attack = swappedShell(office, PEOPLE.ukm, {
      fn: 'openWorkflowComplaint',
      args: ['tindakLanjut', reg],
      selectedRow: null,
      confirmed: false,
    }) as { code: number; body: { ok: boolean; value: ActResult }; props: Record<string, string> };
    expect(attack.code).toBe(200);
    expect(attack.body.value.ok).toBe(false);
    expect(JSON.stringify(attack.body)).not.toContain(LETTER.description);
    expect(JSON.stringify(attack.props)).not.toMatch(/SECRET/);
    expect(() => office.core.readScriptProperties(PEOPLE.ukm)).toThrow();
    expect(() => office.core.swapCode(PEOPLE.ukm, 'function doPost() {}')).toThrow();
  });

  it('refuses a forged token, a token of a member’s own project, a call outside the list, a connect by a member', () => {
    const forged = swappedShell(office, PEOPLE.ukm, {
      fn: 'openWorkflowComplaint',
      args: ['riwayat', reg],
      idToken: 'eyJhbGciOiJSUzI1NiJ9.eyJlbWFpbCI6ImNzQGRpc2tvcHVta20udGFiYW5hbmthYi5nby5pZCJ9.c2lnbmF0dXJl',
    }) as { body: { ok: boolean; message: string } };
    expect(forged.body).toEqual({ ok: false, message: SHELL_TEXT.identityRefused });

    const own = office.emu.world.addProject({
      name: 'Proyek saya',
      kind: 'standalone',
      owner: PEOPLE.ukm,
      code: 'function go(url) { return UrlFetchApp.fetch(url, { method: "post", contentType: "application/json", payload: JSON.stringify({ fn: "showAbout", args: [], idToken: ScriptApp.getIdentityToken() }), muteHttpExceptions: true }).getContentText(); }',
      scopes: null,
    });
    own.load();
    expect(JSON.parse(own.call<string>(PEOPLE.ukm, 'go', office.url))).toEqual({
      ok: false,
      message: SHELL_TEXT.identityRefused,
    });

    const trigger = swappedShell(office, PEOPLE.ukm, { fn: 'runDaily', args: [{}] }) as {
      body: { ok: boolean; message: string };
    };
    expect(trigger.body).toEqual({ ok: false, message: SHELL_TEXT.unknownCall });

    const connect = swappedShell(office, PEOPLE.ketua, {
      fn: 'setupSystem',
      args: [],
      connect: { officeId: 'x'.repeat(44) },
    }) as { body: { ok: boolean; message: string } };
    expect(connect.body).toEqual({ ok: false, message: SHELL_TEXT.alreadyConnected });
    expect(office.core.readScriptProperties(PEOPLE.admin).DUMAS_OFFICE_ID).toBe(office.shell.container?.getId());
    // Not even the owner's own token moves it from a shell (a changed shell could send it when the owner opens it).
    const moved = swappedShell(office, PEOPLE.admin, {
      fn: 'showAbout',
      args: [],
      connect: { officeId: 'y'.repeat(44) },
    }) as { body: { ok: boolean; message: string } };
    expect(moved.body).toEqual({ ok: false, message: SHELL_TEXT.alreadyConnected });
    expect(office.core.readScriptProperties(PEOPLE.admin).DUMAS_OFFICE_ID).toBe(office.shell.container?.getId());
  });

  it('checks the token’s signature against Google’s keys, fetched once and cached: an altered payload is refused', () => {
    office.as(PEOPLE.koperasi, 'showAbout'); // the keys are in the core's cache from here on
    const m = office.emu.calls.measure(() => office.as(PEOPLE.koperasi, 'showAbout'));
    expect(m.counts['UrlFetchApp.fetch']).toBe(1); // the shell's POST only: no tokeninfo, no certs
    expect(m.counts['Cache.get']).toBe(1);

    const google = office.emu.world.ctx.google;
    const [head, body, signature] = google.idToken(PEOPLE.ukm, office.shell.clientId, true).split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
    const altered = Buffer.from(JSON.stringify({ ...claims, email: PEOPLE.cs })).toString('base64url');
    const attack = swappedShell(office, PEOPLE.ukm, {
      fn: 'openWorkflowComplaint',
      args: ['riwayat', reg],
      idToken: `${head}.${altered}.${signature}`,
    }) as { body: { ok: boolean; message: string } };
    expect(attack.body).toEqual({ ok: false, message: SHELL_TEXT.identityRefused });
    const resigned = swappedShell(office, PEOPLE.ukm, {
      fn: 'openWorkflowComplaint',
      args: ['riwayat', reg],
      idToken: google.sign({ ...claims, email: PEOPLE.cs }), // what only Google's key can make: accepted
    }) as { body: { ok: boolean; value: ActResult } };
    expect(resigned.body.ok).toBe(true);
  });

  it('every member is an editor of the team spreadsheet and of nothing that holds identity', () => {
    for (const member of MEMBERS)
      expect(office.shell.container?.getEditors().map((u) => u.getEmail())).toContain(member);
    const next = act(office, PEOPLE.koperasi, 'tindakLanjut', reg, 'followUp', INPUTS.followUp);
    expect(next.ok, next.message).toBe(true);
  });
});

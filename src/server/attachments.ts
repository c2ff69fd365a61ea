// Server side of the attachments in the workflow sidebars: opening one file, for a member the permission table and
// rules.md §3 entitle. The member's execution has no access to the folder: the bytes come through the web app.
import { attachmentFileName, ATTACHMENT_MIME } from '../domain/attachments';
import { mayReadAttachments } from '../app/attachments';
import { fetchThroughWebApp, ScriptPropertiesAttachmentIndex } from '../gas/attachments';
import { ATTACH_UI } from '../messages/attachments';
import { WF } from '../messages/workflow';
import { Refusal, may, run } from './wiring';
import { findTyped } from './workflow';

export type OpenAttachmentResult =
  { ok: true; name: string; mime: string; dataUrl: string } | { ok: false; message: string };

export function openAttachment(regNumber: string, seq: number): OpenAttachmentResult {
  return run(
    may('attachments'),
    (ctx, member): OpenAttachmentResult => {
      const key = String(regNumber ?? '').trim();
      const stored = key === '' ? null : findTyped(ctx, key);
      if (!stored) throw new Refusal(WF.notFound(key));
      const c = stored.complaint;
      if (!mayReadAttachments(member, c)) throw new Refusal(ATTACH_UI.notEntitled);
      const n = Number(seq);
      const file = new ScriptPropertiesAttachmentIndex().list(c.regNumber).find((f) => f.seq === n);
      if (!file) throw new Refusal(ATTACH_UI.notFound);
      const url = ctx.settings().statusPageUrl.trim();
      if (!/^https:\/\/\S+$/.test(url)) throw new Refusal(ATTACH_UI.noWebApp);
      const base64 = fetchThroughWebApp(url, ctx.signer(), ctx.now, c.regNumber, n);
      if (base64 === null) throw new Refusal(ATTACH_UI.openFailed);
      const mime = ATTACHMENT_MIME[file.type];
      return {
        ok: true,
        name: attachmentFileName(c.regNumber, n, file.type),
        mime,
        dataUrl: `data:${mime};base64,${base64}`,
      };
    },
    (message) => ({ ok: false, message }),
  );
}

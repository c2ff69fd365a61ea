// The sidebar pages (src/ui/pages/*.html) that server functions evaluate as templates: file names, not text.
export type TemplatePage = 'Surat' | 'WorkflowPage' | 'RecordComplaint' | 'Pemantauan';

export function pageTemplate(page: TemplatePage): GoogleAppsScript.HTML.HtmlTemplate {
  return HtmlService.createTemplateFromFile(page);
}

// Apps Script methods @types/google-apps-script does not declare yet (checked against Google's reference and samples).
declare namespace GoogleAppsScript {
  namespace Forms {
    interface Form {
      /** Publishes or unpublishes the form; publishing also enables accepting responses (Forms "publish-form" guide). */
      setPublished(published: boolean): Form;
      /** Whether the form is published (new forms created after 2026-06-30 start unpublished). */
      isPublished(): boolean;
    }
  }
}

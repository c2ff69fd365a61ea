// Simple triggers (onOpen) run in AuthMode.LIMITED: services that need the user's authorization refuse to work there.
//
// Google: simple triggers "cannot access services that require authorization. For example, a simple trigger
// cannot send an email because the Gmail service requires authorization [...] They can modify the file they
// are bound to, but cannot access other files" (https://developers.google.com/apps-script/guides/triggers#restrictions).
// Without this, an onOpen that sends mail, reads Drive or lists triggers passes every emulated test and fails
// for every user who opens the real spreadsheet. What stays available: the bound spreadsheet (SpreadsheetApp;
// openById is refused by the manifest scopes already), the UI, Session, Properties, Cache, Lock, Utilities,
// Logger, HtmlService. Enum values (ScriptApp.AuthMode…) stay readable; only calls are refused.

/** The global services that need authorization, with the scope Apps Script names in its refusal. */
export const LIMITED_REFUSED: Readonly<Record<string, string>> = {
  MailApp: 'https://www.googleapis.com/auth/script.send_mail',
  DriveApp: 'https://www.googleapis.com/auth/drive',
  DocumentApp: 'https://www.googleapis.com/auth/documents',
  FormApp: 'https://www.googleapis.com/auth/forms',
  ScriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
};

/** Apps Script's wording for a call without the needed authorization. */
export function permissionError(service: string, method: string, scope: string): Error {
  return new Error(
    `Exception: You do not have permission to call ${service}.${method}. Required permissions: ${scope}`,
  );
}

function refusing(service: string, target: object, scope: string): object {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value: unknown = Reflect.get(obj, prop, receiver);
      if (typeof prop === 'symbol' || typeof value !== 'function') return value;
      return () => {
        throw permissionError(service, prop, scope);
      };
    },
  });
}

/** Runs `fn` with the restricted services of `sandbox` (the bundle's globals) refusing every call, then restores them. */
export function withLimitedAuth<T>(sandbox: Record<string, unknown>, fn: () => T): T {
  const saved = new Map<string, unknown>();
  for (const [name, scope] of Object.entries(LIMITED_REFUSED)) {
    const service = sandbox[name];
    if (service === null || typeof service !== 'object') continue;
    saved.set(name, service);
    sandbox[name] = refusing(name, service, scope);
  }
  try {
    return fn();
  } finally {
    for (const [name, service] of saved) sandbox[name] = service;
  }
}

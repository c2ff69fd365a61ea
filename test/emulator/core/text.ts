// Text the way Apps Script makes it, for the emulator's own use (it does not import the add-on's code it checks).

/** JavaScript's own String(value), which Apps Script applies when it prints a value: an object prints
 *  "[object Object]", as it does in Google, so the emulator must not be kinder. */
export function jsString(value: unknown): string {
  return String(value);
}

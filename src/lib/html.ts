// Escaping for HTML we build ourselves (emails, page fragments): user text is always text, never markup.
import { cellText } from './cells';
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: unknown): string {
  return cellText(value).replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
}

/** Escaped, with line breaks kept visible. */
export function escapeMultiline(value: unknown): string {
  return escapeHtml(value).replace(/\r?\n/g, '<br>');
}

/** JSON safe to place inside a <script> element (no `</script>`, no `<!--`, no U+2028). */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

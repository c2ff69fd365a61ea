// The only entry of the bundle: every Apps Script entry point, each a thin call into app/.
export function onOpen(): void {
  SpreadsheetApp.getUi().createMenu('Dumas').addItem('Siapkan / Perbaiki Sistem', 'setupSystem').addToUi();
}

export function setupSystem(): void {
  SpreadsheetApp.getActiveSpreadsheet().toast('Belum tersedia');
}

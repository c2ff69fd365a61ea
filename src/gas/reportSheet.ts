// The "Laporan" sheet: the report laid out by app/report.ts, written in a handful of batched calls, with embedded charts.
import type { ReportLayout, ReportSheetPort } from '../app/report';
import type { Workbook } from './workbook';

/** Charts sit right of the tables (column G), one under another. */
const CHART_COLUMN = 7;
const CHART_ROWS_APART = 20;
const LABEL_WIDTH = 330;
/** The rows of a sheet `insertSheet` makes (Sheets' default grid: 1,000 × 26). */
const NEW_SHEET_ROWS = 1000;

export class ReportSheet implements ReportSheetPort {
  constructor(private readonly workbook: Workbook) {}

  /**
   * The sheet, its charts and its rows, asked before anything is written: a read after a write would first send the
   * queued writes (a flush, ≈ 230 ms). A sheet made here has no chart and Sheets' default 1,000 rows.
   */
  private sheet(): {
    sheet: GoogleAppsScript.Spreadsheet.Sheet;
    charts: GoogleAppsScript.Spreadsheet.EmbeddedChart[];
    rows: number;
  } {
    if (this.workbook.has('report')) {
      const sheet = this.workbook.sheet('report');
      return { sheet, charts: sheet.getCharts(), rows: sheet.getMaxRows() };
    }
    const sheet = this.workbook.insert('report');
    sheet.setColumnWidth(1, LABEL_WIDTH);
    return { sheet, charts: [], rows: NEW_SHEET_ROWS };
  }

  write(layout: ReportLayout): string {
    const { sheet, charts, rows } = this.sheet();
    sheet.clear();
    for (const chart of charts) sheet.removeChart(chart);
    const height = layout.rows.length;
    if (rows < height) sheet.insertRowsAfter(rows, height - rows);
    // Column A holds labels only: plain text, so "November 2026" or "6–10" is never turned into a date or number.
    sheet.getRange(1, 1, height, 1).setNumberFormat('@');
    const block = sheet.getRange(1, 1, height, layout.width);
    block.setValues(layout.rows);
    const bold = new Set(layout.boldRows);
    block.setFontWeights(
      layout.rows.map((_, i) =>
        Array<GoogleAppsScript.Spreadsheet.FontWeight>(layout.width).fill(bold.has(i + 1) ? 'bold' : 'normal'),
      ),
    );
    for (const cell of layout.percentCells) sheet.getRange(cell.row, cell.column).setNumberFormat('0.0%');
    layout.charts.forEach((c, i) => {
      const chart = sheet
        .newChart()
        .setChartType(Charts.ChartType[c.type])
        .addRange(sheet.getRange(c.row, c.column, c.numRows, c.numColumns))
        .setPosition(1 + i * CHART_ROWS_APART, CHART_COLUMN, 0, 0)
        .setOption('title', c.title)
        .build();
      sheet.insertChart(chart);
    });
    return `${this.workbook.url()}#gid=${sheet.getSheetId()}`;
  }
}

// The "Laporan" sheet: the report laid out by app/report.ts, written in a handful of batched calls, with embedded charts.
import type { ReportLayout, ReportSheetPort } from '../app/report';
import type { Workbook } from './workbook';

/** Charts sit right of the tables (column G), one under another. */
const CHART_COLUMN = 7;
const CHART_ROWS_APART = 20;
const LABEL_WIDTH = 330;

export class ReportSheet implements ReportSheetPort {
  constructor(private readonly workbook: Workbook) {}

  private sheet(): GoogleAppsScript.Spreadsheet.Sheet {
    if (this.workbook.has('report')) return this.workbook.sheet('report');
    const sheet = this.workbook.insert('report');
    sheet.setColumnWidth(1, LABEL_WIDTH);
    return sheet;
  }

  write(layout: ReportLayout): string {
    const sheet = this.sheet();
    sheet.clear();
    for (const chart of sheet.getCharts()) sheet.removeChart(chart);
    const height = layout.rows.length;
    if (sheet.getMaxRows() < height) sheet.insertRowsAfter(sheet.getMaxRows(), height - sheet.getMaxRows());
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

// Builders and their products: data validation, conditional-format rules and embedded charts.
// They are recorded as built so tests can assert what the add-on asked Sheets to do.
import type { CallLog } from '../core/calls';
import { expose } from '../core/expose';
import { type BooleanCriteriaName, type DataValidationCriteriaName } from './enums';
import { isDate } from './values';
import { jsString } from '../core/text';

/** What rules keep of a range: enough to read its values and name it, without counting calls. */
export interface RangeLike {
  _readValues(): unknown[][];
  _a1(): string;
}

// ---- Data validation -------------------------------------------------------------------------

export class DataValidation {
  constructor(
    private readonly _calls: CallLog,
    readonly _criteria: DataValidationCriteriaName,
    readonly _values: unknown[],
    readonly _allowInvalid: boolean,
    readonly _helpText: string,
  ) {}
  getCriteriaType(): DataValidationCriteriaName {
    return this._criteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this._values];
  }
  getAllowInvalid(): boolean {
    return this._allowInvalid;
  }
  getHelpText(): string {
    return this._helpText;
  }
  copy(): DataValidationBuilder {
    return newDataValidation(this._calls, this);
  }
  /** Whether Sheets would flag `value` (as getValue returns it); empty cells are always valid. */
  _accepts(value: unknown): boolean {
    if (value === '' || value === null) return true;
    const [a, b] = this._values;
    switch (this._criteria) {
      case 'VALUE_IN_LIST':
        return (a as unknown[]).map(String).includes(jsString(value));
      case 'VALUE_IN_RANGE':
        return (a as RangeLike)._readValues().flat().map(String).includes(jsString(value));
      case 'DATE_IS_VALID_DATE':
        return isDate(value);
      case 'CHECKBOX':
        return typeof value === 'boolean';
      case 'NUMBER_BETWEEN':
        return typeof value === 'number' && value >= Number(a) && value <= Number(b);
      case 'TEXT_IS_VALID_EMAIL':
        return typeof value === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
      default:
        return true; // criteria not checked by the emulator are treated as satisfied
    }
  }
}

export class DataValidationBuilder {
  _criteria: DataValidationCriteriaName | null = null;
  _values: unknown[] = [];
  _allowInvalid = true; // Sheets' default: show a warning, accept the value
  _helpText = '';

  constructor(private readonly _calls: CallLog) {}

  private _set(c: DataValidationCriteriaName, values: unknown[]): this {
    this._criteria = c;
    this._values = values;
    return this;
  }
  requireValueInList(values: unknown[], showDropdown = true): this {
    return this._set('VALUE_IN_LIST', [[...values], showDropdown]);
  }
  requireValueInRange(range: RangeLike, showDropdown = true): this {
    return this._set('VALUE_IN_RANGE', [range, showDropdown]);
  }
  requireDate(): this {
    return this._set('DATE_IS_VALID_DATE', []);
  }
  requireDateOnOrAfter(date: Date): this {
    return this._set('DATE_ON_OR_AFTER', [date]);
  }
  requireDateBetween(start: Date, end: Date): this {
    return this._set('DATE_BETWEEN', [start, end]);
  }
  requireNumberBetween(start: number, end: number): this {
    return this._set('NUMBER_BETWEEN', [start, end]);
  }
  requireCheckbox(): this {
    return this._set('CHECKBOX', []);
  }
  requireTextIsEmail(): this {
    return this._set('TEXT_IS_VALID_EMAIL', []);
  }
  requireFormulaSatisfied(formula: string): this {
    return this._set('CUSTOM_FORMULA', [formula]);
  }
  setAllowInvalid(allow: boolean): this {
    this._allowInvalid = allow;
    return this;
  }
  setHelpText(text: string): this {
    this._helpText = text;
    return this;
  }
  build(): DataValidation {
    if (!this._criteria) throw new Error('Exception: The data validation rule has no criteria.');
    return expose(
      this._calls,
      'DataValidation',
      new DataValidation(this._calls, this._criteria, this._values, this._allowInvalid, this._helpText),
    );
  }
}

export function newDataValidation(calls: CallLog, from?: DataValidation): DataValidationBuilder {
  const b = new DataValidationBuilder(calls);
  if (from) {
    b._criteria = from._criteria;
    b._values = [...from._values];
    b._allowInvalid = from._allowInvalid;
    b._helpText = from._helpText;
  }
  return expose(calls, 'DataValidationBuilder', b);
}

// ---- Conditional formatting ------------------------------------------------------------------

export interface ConditionalFormat {
  criteria: BooleanCriteriaName | null;
  values: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  ranges: RangeLike[];
}

export class ConditionalFormatRule {
  constructor(
    private readonly _calls: CallLog,
    readonly _spec: ConditionalFormat,
  ) {}
  getRanges(): RangeLike[] {
    return [...this._spec.ranges];
  }
  getBooleanCondition(): object | null {
    const s = this._spec;
    if (!s.criteria) return null;
    return expose(this._calls, 'BooleanCondition', {
      getCriteriaType: () => s.criteria,
      getCriteriaValues: () => [...s.values],
      getBackground: () => s.background,
      getFontColor: () => s.fontColor,
      getBold: () => s.bold,
    });
  }
  copy(): ConditionalFormatRuleBuilder {
    return newConditionalFormatRule(this._calls, this._spec);
  }
  /** Plain description for assertions: ranges as A1, criteria, and the format. */
  _describe(): {
    ranges: string[];
    criteria: string | null;
    values: unknown[];
    background: string | null;
    fontColor: string | null;
    bold: boolean | null;
  } {
    const s = this._spec;
    return {
      ranges: s.ranges.map((r) => r._a1()),
      criteria: s.criteria,
      values: [...s.values],
      background: s.background,
      fontColor: s.fontColor,
      bold: s.bold,
    };
  }
}

export class ConditionalFormatRuleBuilder {
  _spec: ConditionalFormat = { criteria: null, values: [], background: null, fontColor: null, bold: null, ranges: [] };
  constructor(private readonly _calls: CallLog) {}
  private _when(c: BooleanCriteriaName, values: unknown[]): this {
    this._spec.criteria = c;
    this._spec.values = values;
    return this;
  }
  whenFormulaSatisfied(formula: string): this {
    return this._when('CUSTOM_FORMULA', [formula]);
  }
  whenTextEqualTo(text: string): this {
    return this._when('TEXT_EQUAL_TO', [text]);
  }
  whenTextContains(text: string): this {
    return this._when('TEXT_CONTAINS', [text]);
  }
  whenCellEmpty(): this {
    return this._when('CELL_EMPTY', []);
  }
  whenCellNotEmpty(): this {
    return this._when('CELL_NOT_EMPTY', []);
  }
  whenNumberGreaterThan(n: number): this {
    return this._when('NUMBER_GREATER_THAN', [n]);
  }
  whenNumberLessThan(n: number): this {
    return this._when('NUMBER_LESS_THAN', [n]);
  }
  whenDateBefore(date: Date): this {
    return this._when('DATE_BEFORE', [date]);
  }
  setBackground(color: string | null): this {
    this._spec.background = color;
    return this;
  }
  setFontColor(color: string | null): this {
    this._spec.fontColor = color;
    return this;
  }
  setBold(bold: boolean | null): this {
    this._spec.bold = bold;
    return this;
  }
  setRanges(ranges: RangeLike[]): this {
    this._spec.ranges = [...ranges];
    return this;
  }
  build(): ConditionalFormatRule {
    return expose(
      this._calls,
      'ConditionalFormatRule',
      new ConditionalFormatRule(this._calls, {
        ...this._spec,
        values: [...this._spec.values],
        ranges: [...this._spec.ranges],
      }),
    );
  }
}

export function newConditionalFormatRule(calls: CallLog, from?: ConditionalFormat): ConditionalFormatRuleBuilder {
  const b = new ConditionalFormatRuleBuilder(calls);
  if (from) b._spec = { ...from, values: [...from.values], ranges: [...from.ranges] };
  return expose(calls, 'ConditionalFormatRuleBuilder', b);
}

// ---- Embedded charts -------------------------------------------------------------------------

export interface ChartSpec {
  id: string;
  type: string | null;
  ranges: RangeLike[];
  position: { row: number; column: number; offsetX: number; offsetY: number } | null;
  options: Record<string, unknown>;
}

export class EmbeddedChart {
  constructor(
    private readonly _calls: CallLog,
    readonly _spec: ChartSpec,
  ) {}
  getChartId(): string {
    return this._spec.id;
  }
  getId(): string {
    return this._spec.id;
  }
  getRanges(): RangeLike[] {
    return [...this._spec.ranges];
  }
  getOptions(): object {
    const opts = this._spec.options;
    return expose(this._calls, 'ChartOptions', { get: (key: string) => opts[key] ?? null });
  }
  modify(): EmbeddedChartBuilder {
    return newChart(this._calls, this._spec);
  }
  _describe(): {
    id: string;
    type: string | null;
    ranges: string[];
    position: ChartSpec['position'];
    options: Record<string, unknown>;
  } {
    const s = this._spec;
    return {
      id: s.id,
      type: s.type,
      ranges: s.ranges.map((r) => r._a1()),
      position: s.position,
      options: { ...s.options },
    };
  }
}

let chartSeq = 0;

export class EmbeddedChartBuilder {
  _spec: ChartSpec = { id: '', type: null, ranges: [], position: null, options: {} };
  constructor(private readonly _calls: CallLog) {}
  addRange(range: RangeLike): this {
    this._spec.ranges.push(range);
    return this;
  }
  clearRanges(): this {
    this._spec.ranges = [];
    return this;
  }
  setChartType(type: string): this {
    this._spec.type = String(type);
    return this;
  }
  asColumnChart(): this {
    return this.setChartType('COLUMN');
  }
  asBarChart(): this {
    return this.setChartType('BAR');
  }
  asPieChart(): this {
    return this.setChartType('PIE');
  }
  asLineChart(): this {
    return this.setChartType('LINE');
  }
  setTitle(title: string): this {
    return this.setOption('title', title);
  }
  setPosition(row: number, column: number, offsetX: number, offsetY: number): this {
    this._spec.position = { row, column, offsetX, offsetY };
    return this;
  }
  setOption(key: string, value: unknown): this {
    this._spec.options[key] = value;
    return this;
  }
  build(): EmbeddedChart {
    const id = this._spec.id || `u${(chartSeq += 1)}`;
    return expose(
      this._calls,
      'EmbeddedChart',
      new EmbeddedChart(this._calls, {
        ...this._spec,
        id,
        ranges: [...this._spec.ranges],
        options: { ...this._spec.options },
      }),
    );
  }
}

export function newChart(calls: CallLog, from?: ChartSpec): EmbeddedChartBuilder {
  const b = new EmbeddedChartBuilder(calls);
  if (from) b._spec = { ...from, ranges: [...from.ranges], options: { ...from.options } };
  return expose(calls, 'EmbeddedChartBuilder', b);
}

// Texts that state a rule's figure take it from the rule: changing the deadline in domain/deadline.ts changes
// every sentence that states it, and the labels of actions and settings are tied to the names the code declares.
import { describe, expect, it } from 'vitest';
import { formDescription } from '../../src/app/intakeForm';
import { DEFAULT_SETTINGS, SETTING_DEFINITIONS } from '../../src/app/settings';
import { WORKING_DAYS_LIMIT } from '../../src/domain/deadline';
import { ACTION_NAMES, TRANSITIONS } from '../../src/domain/workflow';
import { ACTION_LABELS } from '../../src/messages/domain';
import { formDescription as formText } from '../../src/messages/intakeForm';
import { countWords, numberWord } from '../../src/messages/numbers';
import { DEADLINE_TEXT } from '../../src/messages/public';
import { REPORT_TEXT } from '../../src/messages/report';
import { SETTING_HELP } from '../../src/messages/settings';

describe('texts derived from the rules', () => {
  it('the form states the deadline rule, in figures and in words', () => {
    expect(WORKING_DAYS_LIMIT).toBe(5);
    expect(formDescription(DEFAULT_SETTINGS)).toContain('paling lambat 5 (lima) hari kerja;');
    expect(formDescription(DEFAULT_SETTINGS)).toContain('paling lambat 1 (satu) bulan.');
    expect(formText(DEFAULT_SETTINGS, 7, 2)).toContain('paling lambat 7 (tujuh) hari kerja;');
    expect(formText(DEFAULT_SETTINGS, 7, 2)).toContain('paling lambat 2 (dua) bulan.');
  });

  it('the status page and the monthly recap take the figure they state', () => {
    expect(DEADLINE_TEXT.normal(WORKING_DAYS_LIMIT)).toBe('5 hari kerja');
    expect(DEADLINE_TEXT.khusus(1)).toBe('Kasus khusus (paling lama 1 bulan)');
    expect(REPORT_TEXT.recapIntro('DINAS', 'Desember 2026', 7, 2)).toContain(
      'paling lama 7 hari kerja; kasus khusus (pejabat eselon 3/4 berhalangan) paling lama 2 bulan.',
    );
  });

  it('numbers are written in words as a formal letter does', () => {
    expect([1, 5, 10, 11, 12, 19, 20, 21, 30].map(numberWord)).toEqual([
      'satu',
      'lima',
      'sepuluh',
      'sebelas',
      'dua belas',
      'sembilan belas',
      'dua puluh',
      'dua puluh satu',
      'tiga puluh',
    ]);
    expect(countWords(5)).toBe('5 (lima)');
    expect(numberWord(100)).toBe('100');
  });

  it('every action the domain declares has one label, and every setting its help text', () => {
    expect(Object.keys(ACTION_LABELS).sort()).toEqual([...ACTION_NAMES].sort());
    for (const t of TRANSITIONS) expect(t.label).toBe(ACTION_LABELS[t.action]);
    expect(Object.keys(SETTING_HELP).sort()).toEqual(SETTING_DEFINITIONS.map((d) => d.field).sort());
    for (const d of SETTING_DEFINITIONS) expect(d.help).toBe(SETTING_HELP[d.field]);
  });
});

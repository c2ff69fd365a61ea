// The spreadsheet UI (SpreadsheetApp.getUi()): menus, alerts and prompts answered from a queue the
// test fills, sidebars and dialogs recorded with their evaluated HTML. Building a menu is 'local';
// showing anything (addToUi, alert, prompt, sidebars, dialogs) is a 'ui' round trip.
import type { EmuContext } from './core/context';
import { expose } from './core/expose';
import type { Toast } from './sheets/spreadsheet';
import { jsString } from './core/text';

export const Button = Object.freeze({ OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' } as const);
export type ButtonName = keyof typeof Button;
export const ButtonSet = Object.freeze({
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const);
export type ButtonSetName = keyof typeof ButtonSet;

const BUTTONS: Record<ButtonSetName, ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

export type MenuEntry = { caption: string; functionName: string } | { separator: true } | { submenu: MenuRecord };
export interface MenuRecord {
  name: string;
  addon: boolean;
  items: MenuEntry[];
}
export interface AlertRecord {
  kind: 'alert' | 'prompt';
  title: string;
  message: string;
  buttons: ButtonSetName;
  answer: ButtonName;
  text?: string;
  at: number;
}
export interface DialogRecord {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  html: string;
  width: number | null;
  height: number | null;
  at: number;
}
export type Answer = ButtonName | { button: ButtonName; text?: string };

/** What ui.ts reads of an HtmlOutput (see html.ts): internals, so reading them costs no call. */
export interface HtmlOutputLike {
  _html: string;
  _title: string;
  _width: number | null;
  _height: number | null;
}

export interface UiControl {
  menus: MenuRecord[];
  alerts: AlertRecord[];
  sidebars: DialogRecord[];
  dialogs: DialogRecord[];
  toasts: Toast[];
  /** Queues the user's answer to the next alert or prompt; with an empty queue the first button of the set (OK, YES) is chosen. */
  answerNext(answer: Answer): void;
  /** Answers queued and not yet used. */
  pending(): number;
  /** The last menu added with this name. */
  menu(name: string): MenuRecord | undefined;
  /** False while a trigger runs: SpreadsheetApp.getUi() then throws, as in Apps Script. */
  available: boolean;
  withoutUi<T>(fn: () => T): T;
  reset(): void;
}

export interface UiGlobal {
  Button: typeof Button;
  ButtonSet: typeof ButtonSet;
  createMenu(caption: string): Menu;
  createAddonMenu(): Menu;
  alert(a: string, b?: string, c?: string): ButtonName;
  prompt(a: string, b?: string, c?: string): PromptResponse;
  showSidebar(output: HtmlOutputLike): void;
  showModalDialog(output: HtmlOutputLike, title: string): void;
  showModelessDialog(output: HtmlOutputLike, title: string): void;
}

export interface PromptResponse {
  getResponseText(): string;
  getSelectedButton(): ButtonName;
}

class Menu {
  readonly _record: MenuRecord;
  constructor(
    name: string,
    addon: boolean,
    private readonly _onAdd: (m: MenuRecord) => void,
  ) {
    this._record = { name, addon, items: [] };
  }
  addItem(caption: string, functionName: string): this {
    if (typeof caption !== 'string' || typeof functionName !== 'string') {
      throw new Error(
        `Exception: The parameters (${typeof caption},${typeof functionName}) don't match the method signature for Menu.addItem.`,
      );
    }
    this._record.items.push({ caption, functionName });
    return this;
  }
  addSeparator(): this {
    this._record.items.push({ separator: true });
    return this;
  }
  addSubMenu(menu: Menu): this {
    this._record.items.push({ submenu: menu._record });
    return this;
  }
  addToUi(): void {
    this._onAdd(this._record);
  }
}

function isButtonSet(v: unknown): v is ButtonSetName {
  return typeof v === 'string' && v in BUTTONS;
}

export function createUi(
  ctx: EmuContext,
  options: { addonName?: string } = {},
): { global: UiGlobal; control: UiControl } {
  const queue: Answer[] = [];
  const control: UiControl = {
    menus: [],
    alerts: [],
    sidebars: [],
    dialogs: [],
    toasts: [],
    answerNext: (a) => void queue.push(a),
    pending: () => queue.length,
    menu: (name) => [...control.menus].reverse().find((m) => m.name === name),
    available: true,
    withoutUi<T>(fn: () => T): T {
      const before = control.available;
      control.available = false;
      try {
        return fn();
      } finally {
        control.available = before;
      }
    },
    reset() {
      queue.length = 0;
      for (const list of [control.menus, control.alerts, control.sidebars, control.dialogs, control.toasts])
        list.length = 0;
    },
  };

  const take = (buttons: ButtonSetName): { button: ButtonName; text: string } => {
    const next = queue.shift();
    if (next === undefined) return { button: BUTTONS[buttons][0], text: '' };
    const answer =
      typeof next === 'string' ? { button: next, text: '' } : { button: next.button, text: next.text ?? '' };
    // The user can always close the dialog; any other answer must be a button the dialog shows.
    if (answer.button !== 'CLOSE' && !BUTTONS[buttons].includes(answer.button)) {
      throw new Error(`emulator: queued answer ${answer.button} is not a button of ${buttons}`);
    }
    return answer;
  };

  /** alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons); the same for prompt. */
  const dialogArgs = (
    method: string,
    a: unknown,
    b: unknown,
    c: unknown,
  ): { title: string; message: string; buttons: ButtonSetName } => {
    if (c !== undefined) {
      if (!isButtonSet(c))
        throw new Error(
          `Exception: The parameters (String,String,${typeof c}) don't match the method signature for Ui.${method}.`,
        );
      return { title: String(a), message: String(b), buttons: c };
    }
    if (b !== undefined) {
      if (isButtonSet(b)) return { title: '', message: String(a), buttons: b };
      if (method === 'prompt') return { title: String(a), message: jsString(b), buttons: 'OK' };
      throw new Error(`Exception: The parameters (String,String) don't match the method signature for Ui.${method}.`);
    }
    return { title: '', message: String(a), buttons: 'OK' };
  };

  const show = (kind: DialogRecord['kind'], output: HtmlOutputLike, title: string | null): DialogRecord => {
    if (!output || typeof output._html !== 'string')
      throw new Error(
        `Exception: The parameters (Object) don't match the method signature for Ui.show${kind === 'sidebar' ? 'Sidebar' : kind === 'modal' ? 'ModalDialog' : 'ModelessDialog'}.`,
      );
    return {
      kind,
      title: title ?? output._title,
      html: output._html,
      width: output._width,
      height: output._height,
      at: ctx.clock.now(),
    };
  };

  const ui = {
    Button,
    ButtonSet,
    createMenu: (caption: string): Menu =>
      expose(ctx.calls, 'Menu', new Menu(caption, false, (m) => control.menus.push(m)), { addToUi: 'ui' }),
    createAddonMenu: (): Menu =>
      expose(ctx.calls, 'Menu', new Menu(options.addonName ?? 'Add-on', true, (m) => control.menus.push(m)), {
        addToUi: 'ui',
      }),
    alert(a: string, b?: string, c?: string): ButtonName {
      const args = dialogArgs('alert', a, b, c);
      const { button } = take(args.buttons);
      control.alerts.push({ kind: 'alert', ...args, answer: button, at: ctx.clock.now() });
      return button;
    },
    prompt(a: string, b?: string, c?: string): PromptResponse {
      const args = dialogArgs('prompt', a, b, c);
      const { button, text } = take(args.buttons);
      control.alerts.push({ kind: 'prompt', ...args, answer: button, text, at: ctx.clock.now() });
      return expose(ctx.calls, 'PromptResponse', { getResponseText: () => text, getSelectedButton: () => button });
    },
    showSidebar(output: HtmlOutputLike): void {
      control.sidebars.push(show('sidebar', output, null));
    },
    showModalDialog(output: HtmlOutputLike, title: string): void {
      control.dialogs.push(show('modal', output, title));
    },
    showModelessDialog(output: HtmlOutputLike, title: string): void {
      control.dialogs.push(show('modeless', output, title));
    },
  };
  const global = expose(ctx.calls, 'Ui', ui, { default: 'ui', createMenu: 'local', createAddonMenu: 'local' });
  return { global, control };
}

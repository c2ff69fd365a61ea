// HtmlService: outputs, templates and scriptlets, including escaping and files from the build folder.
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { EmuContext } from './core/context';
import { compileTemplate, createHtmlService } from './html';

const FILES: Record<string, string> = {
  'Sidebar.html': '<html><?!= include("Style"); ?><body><?= name ?></body></html>',
  'Style.html': '<style>b{color:red}</style>',
};

function setup() {
  const ctx = new EmuContext();
  const html = createHtmlService(ctx, (name) => {
    const f = FILES[name];
    if (f === undefined) throw new Error('missing');
    return f;
  });
  return { ctx, HtmlService: html.global, control: html.control };
}

type Vars = Record<string, unknown>;

describe('HtmlOutput', () => {
  it('builds content with append, appendUntrusted and setters', () => {
    const { HtmlService } = setup();
    const out = HtmlService.createHtmlOutput('<b>a</b>')
      .append('<i>b</i>')
      .appendUntrusted('<script>x</script>')
      .setTitle('T')
      .setWidth(300);
    out
      .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.ALLOWALL)
      .addMetaTag('viewport', 'width=device-width')
      .setSandboxMode(HtmlService.SandboxMode.IFRAME)
      .setFaviconUrl('https://x/icon.png');
    expect(out.getContent()).toBe('<b>a</b><i>b</i>&lt;script&gt;x&lt;/script&gt;');
    expect([out.getTitle(), out.getWidth()]).toEqual(['T', 300]);
  });

  it('reads files from the build folder, with or without .html; a missing one throws', () => {
    const { HtmlService } = setup();
    expect(HtmlService.createHtmlOutputFromFile('Style').getContent()).toBe('<style>b{color:red}</style>');
    expect(() => HtmlService.createHtmlOutputFromFile('Nope')).toThrow('Exception: No HTML file named Nope was found.');
  });
});

describe('templates', () => {
  it('<?= ?> escapes HTML (a <script> payload is inert) and <?!= ?> does not', () => {
    const { HtmlService } = setup();
    const t = HtmlService.createTemplate('<p><?= v ?></p><div><?!= v ?></div><a title="<?= q ?>">x</a>');
    Object.assign(t as unknown as Vars, { v: '<script>alert(1)</script>', q: `"'&` });
    expect(t.evaluate().getContent()).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><div><script>alert(1)</script></div><a title="&quot;&#39;&amp;">x</a>',
    );
  });

  it('inside <script>, <?= ?> prints a JS literal that cannot close the script', () => {
    const { HtmlService } = setup();
    const t = HtmlService.createTemplate('<script>var data = <?= data ?>;</script><p><?= data ?></p>');
    (t as unknown as Vars).data = { name: '</script><b>', n: [1, 2] };
    expect(t.evaluate().getContent()).toBe(
      '<script>var data = {"name":"\\u003c/script\\u003e\\u003cb\\u003e","n":[1,2]};</script><p>[object Object]</p>',
    );
  });

  it('<? ?> statements open and close blocks around HTML; output is usable', () => {
    const { HtmlService } = setup();
    const t = HtmlService.createTemplate(
      '<ul><? for (var i = 0; i < items.length; i++) { ?><li><?= items[i] ?></li><? } ?></ul><? output.append("!"); ?>',
    );
    (t as unknown as Vars).items = ['a', 'b&c'];
    expect(t.evaluate().getContent()).toBe('<ul><li>a</li><li>b&amp;c</li></ul>!');
  });

  it('scriptlets call globals of the evaluator context (the loader passes the bundle context)', () => {
    const { HtmlService, control } = setup();
    const context = vm.createContext({});
    vm.runInContext('function include(name) { return HtmlService_read(name); }', context);
    context.HtmlService_read = (name: string) => HtmlService.createHtmlOutputFromFile(name).getContent();
    control.setEvaluator((code) => vm.runInContext(code, context));
    const t = HtmlService.createTemplateFromFile('Sidebar');
    (t as unknown as Vars).name = 'Wayan <Adi>';
    expect(t.evaluate().getContent()).toBe('<html><style>b{color:red}</style><body>Wayan &lt;Adi&gt;</body></html>');
  });

  it('an unknown name in a scriptlet throws a ReferenceError, as Apps Script does', () => {
    const { HtmlService } = setup();
    expect(() => HtmlService.createTemplate('<?= missing ?>').evaluate()).toThrow(/missing is not defined/);
  });

  it('getCode returns the compiled function source', () => {
    const { HtmlService } = setup();
    expect(HtmlService.createTemplate('<b><?= x ?></b>').getCode()).toBe(compileTemplate('<b><?= x ?></b>'));
    expect(compileTemplate('<?= x ?>')).toContain('__out._e((x), false)');
  });
});

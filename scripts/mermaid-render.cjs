// See scripts/mermaid-render: renders each ```mermaid block of the Markdown file argv[2].
const fs = require('fs');
const { launch, run } = require('./browser.cjs');

run(async () => {
  const markdown = fs.readFileSync(process.argv[2], 'utf8');
  const blocks = [...markdown.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]);
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (err) => errors.push(String(err)));
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
    for (const [i, text] of blocks.entries()) {
      const result = await page.evaluate(async (text, i) => {
        try {
          mermaid.initialize({ startOnLoad: false });
          const { svg } = await mermaid.render('diagram' + i, text);
          return { ok: true, error: null, svg };
        } catch (err) {
          return { ok: false, error: String(err && err.message ? err.message : err), svg: '' };
        }
      }, text, i);
      if (errors.length) {
        result.ok = false;
        result.error = errors.join('; ');
        errors.length = 0;
      }
      console.log(JSON.stringify(result));
    }
  } finally {
    await browser.close();
  }
});

// See scripts/page-check.
const path = require('path');
const { launch, run } = require('./browser.cjs');

run(async () => {
  const [file, search, from, to] = process.argv.slice(2);
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const errors = [];
    const requests = [];
    page.on('pageerror', (err) => errors.push(String(err)));
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) requests.push(request.url());
    });
    await page.goto('file://' + path.resolve(file), { waitUntil: 'load' });
    const sections = await page.$$eval('section.table', (all) => all.length);
    await page.type('#search', search);
    const visible = await page.$$eval('section.table', (all) => all.filter((s) => !s.hidden).length);
    await page.$eval('#search', (input) => { input.value = ''; input.dispatchEvent(new Event('input')); });
    await page.type('#from', from);
    await page.type('#to', to);
    await page.click('#path button');
    const join = await page.$eval('#join', (pre) => pre.textContent);
    await page.click('section.table h2');
    const picture = await page.$eval('section.table .picture', (div) => !div.hidden && div.querySelector('svg') !== null);
    console.log(JSON.stringify({ errors, requests, sections, visible, join, picture }));
  } finally {
    await browser.close();
  }
});

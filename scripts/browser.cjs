// Headless Chromium for the browser checks (scripts/mermaid-render, scripts/page-check): the
// system's Chromium, driven through puppeteer-core, and the page errors it reports.
const puppeteer = require('puppeteer-core');

async function launch() {
  return puppeteer.launch({
    executablePath: process.env.CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
}

/** Run `main`, printing what fails and exiting 1 then. */
function run(main) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}

module.exports = { launch, run };

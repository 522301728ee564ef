// Headless Chromium for the browser checks (scripts/mermaid-render, scripts/page-check): the
// system's Chromium, driven through puppeteer-core, and the page errors it reports.
const puppeteer = require('puppeteer-core');

async function launch() {
  return puppeteer.launch({
    executablePath: process.env.CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    // The test suite runs these beside hundreds of tests on two cores: Chromium may take far
    // longer than puppeteer's 30 s to start there, which is slowness, not a failure.
    timeout: 180000,
    protocolTimeout: 300000,
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

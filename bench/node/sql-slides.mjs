/**
 * Whether SQLite's wasm loads only with a SQL slide: the built deck opened at the first slide and walked to the
 * slide before the SQL console's, then to the console; every request for SQLite's wasm or JavaScript is recorded
 * with the slide it came on.
 */
export async function measureSqlFetch(browser, deckUrl) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const fetched = [];
  let slide = 'title';
  page.on('request', (r) => {
    if (/sqlite3|\.wasm$/.test(r.url())) fetched.push({ slide, url: r.url().replace(/^.*\//, '') });
  });
  try {
    await page.goto(deckUrl);
    await page.waitForSelector('.reveal.ready');
    await page.waitForTimeout(1_500);
    for (const id of ['service-map', 'traces-as-data', 'sql-console']) {
      slide = id;
      await page.evaluate((h) => {
        location.hash = `#/${h}`;
      }, id);
      await page.waitForFunction((h) => document.querySelector('.reveal .slides > section.present')?.id === h, id);
      if (id === 'sql-console') {
        await page.waitForFunction(() => /spans in the table/.test(document.querySelector('.present .sql-data')?.textContent ?? ''), null, { timeout: 60_000 });
      } else await page.waitForTimeout(1_500);
    }
    const wasm = fetched.filter((f) => f.url.endsWith('.wasm'));
    return {
      fetched,
      wasmBeforeSqlSlide: wasm.filter((f) => f.slide !== 'sql-console').length,
      wasmOnSqlSlide: wasm.filter((f) => f.slide === 'sql-console').length,
    };
  } finally {
    await page.close();
  }
}

#!/usr/bin/env node
// Headless-Chromium check of the Neo4j Browser served by the newsgraph Neo4j test server.
//
//   node check.mjs [OUTPUT_DIR]        (normally started by run.sh)
//
// Opens NEO4J_HTTP_URL/browser/, connects through the connect form, drops our GraSS style
// file onto the Browser (what a person does by drag-and-drop), runs a co-mention query, waits
// for the graph to render and checks node colours and captions against the style file.
// Screenshots go to OUTPUT_DIR. Exit status: 0 all checks passed, 1 a check failed,
// 2 bad configuration (missing password, browser or style file).
//
// Environment:
//   NEO4J_HTTP_URL      Browser host            (default http://127.0.0.1:7474)
//   NEO4J_URI           Bolt URL for the form   (default: the one the Browser discovers)
//   NEO4J_USERNAME      (default neo4j)
//   NEO4J_PASSWORD      required; only typed into the form, never printed
//   GRASS_FILE          style file              (default <repo>/docs/browser/newsgraph.grass)
//   BROWSERCHECK_QUERY  Cypher to render        (default: the CO_MENTIONED query below)
//   BROWSERCHECK_OUT    output dir if no argument (default /tmp/newsgraph-browsercheck)
//   CHROMIUM_PATH       (default /usr/bin/chromium)
//   BROWSERCHECK_TIMEOUT_MS  per-step timeout  (default 60000)
//   BROWSERCHECK_STYLE_METHOD  drop (default) | command (`:style {json}` typed in the editor) |
//                       none (Browser defaults; the colour checks then fail, screenshots are still taken)
//   BROWSERCHECK_DEBUG=1  echo the page's console messages
//   BROWSERCHECK_GUIDE_URL  also play this Browser guide (docs/browser/guide.html served by
//                       guideserver.py, e.g. http://localhost:8001/guide.html) and run its blocks

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../../..');

const HTTP_URL = (process.env.NEO4J_HTTP_URL || 'http://127.0.0.1:7474').replace(/\/+$/, '');
const BOLT_URI = process.env.NEO4J_URI || '';
const USERNAME = process.env.NEO4J_USERNAME || 'neo4j';
const PASSWORD = process.env.NEO4J_PASSWORD || '';
const GRASS_FILE = process.env.GRASS_FILE || path.join(repoRoot, 'docs/browser/newsgraph.grass');
const QUERY = process.env.BROWSERCHECK_QUERY ||
  'MATCH (e:Entity)-[r:CO_MENTIONED]-(o:Entity) RETURN e, r, o LIMIT 100';
const OUT_DIR = path.resolve(process.argv[2] || process.env.BROWSERCHECK_OUT || '/tmp/newsgraph-browsercheck');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const TIMEOUT = Number(process.env.BROWSERCHECK_TIMEOUT_MS || 60000);
const STYLE_METHOD = process.env.BROWSERCHECK_STYLE_METHOD || 'drop';
const DEBUG = process.env.BROWSERCHECK_DEBUG === '1';
const GUIDE_URL = process.env.BROWSERCHECK_GUIDE_URL || '';
// The labels whose colours the style file must put on the canvas.
const CHECKED_LABELS = ['Person', 'Organization', 'Location'];

// ---------------------------------------------------------------------------------------
// Output helpers: everything printed goes through redact(), so the password never shows,
// not even inside an error message or a page console line.

function redact(s) {
  s = String(s);
  if (PASSWORD) s = s.split(PASSWORD).join('***');
  return s;
}
const t0 = Date.now();
const secs = () => ((Date.now() - t0) / 1000).toFixed(1).padStart(5);
const log = (msg) => console.log(redact(`[${secs()}s] ${msg}`));

class CheckError extends Error {
  constructor(step, msg, code = 1) { super(msg); this.step = step; this.code = code; }
}
const fail = (step, msg, code = 1) => { throw new CheckError(step, msg, code); };

// Runs one step, logging its duration; a Playwright timeout becomes a clear failure.
async function step(name, fn) {
  const s = Date.now();
  try {
    const r = await fn();
    const d = (Date.now() - s) / 1000;
    log(`ok   ${name} (${d.toFixed(1)}s)`);
    return r;
  } catch (e) {
    if (e instanceof CheckError) throw e;
    throw new CheckError(name, e.message.split('\n')[0]);
  }
}

// ---------------------------------------------------------------------------------------
// GraSS: the same tolerant reading the Browser does (selector { prop: value; ... }, quotes
// dropped), so we know which colours to expect.

function parseGrass(text) {
  // Braces inside quotes (caption: "{name}") belong to the value.
  const blocks = [];
  let sel = '', body = '', inBody = false, quote = '';
  for (const ch of text) {
    if (quote) { if (ch === quote) quote = ''; else body += ch; continue; }
    if (inBody && (ch === '"' || ch === "'")) { quote = ch; continue; }
    if (ch === '{' && !inBody) { inBody = true; continue; }
    if (ch === '}' && inBody) { blocks.push([sel.trim(), body]); sel = ''; body = ''; inBody = false; continue; }
    if (inBody) body += ch; else sel += ch;
  }
  const rules = {};
  for (const [selector, decls] of blocks) {
    const props = {};
    for (const decl of decls.split(';')) {
      const i = decl.indexOf(':');
      if (i < 0) continue;
      const key = decl.slice(0, i).trim();
      if (key) props[key] = decl.slice(i + 1).trim();
    }
    rules[selector.replace(/\s+/g, '')] = props;
  }
  return rules;
}

const norm = (c) => String(c || '').trim().toLowerCase();

// ---------------------------------------------------------------------------------------

async function main() {
  if (!PASSWORD) fail('config', 'NEO4J_PASSWORD is not set (source the env lines printed by up.sh)', 2);
  if (!fs.existsSync(CHROMIUM)) fail('config', `${CHROMIUM} not found: apt-get install -y chromium`, 2);
  if (!fs.existsSync(GRASS_FILE)) fail('config', `style file ${GRASS_FILE} not found`, 2);
  const grassText = fs.readFileSync(GRASS_FILE, 'utf8');
  const grass = parseGrass(grassText);
  for (const l of CHECKED_LABELS) {
    if (!grass[`node.${l}`] || !grass[`node.${l}`].color) fail('config', `${GRASS_FILE} has no colour for node.${l}`, 2);
  }
  fs.mkdirSync(OUT_DIR, { recursive: true });
  log(`browser ${HTTP_URL}/browser/, bolt ${BOLT_URI || '(as discovered)'}, user ${USERNAME}`);
  log(`style ${path.relative(process.cwd(), GRASS_FILE) || GRASS_FILE}, output ${OUT_DIR}`);

  // 1. Is the Browser served at all? (Plain HTTP, before starting Chromium.)
  await step('browser page served', async () => {
    let res;
    try {
      res = await fetch(`${HTTP_URL}/browser/`, { signal: AbortSignal.timeout(15000) });
    } catch (e) {
      fail('browser page served', `GET ${HTTP_URL}/browser/ failed: ${e.cause?.code || e.message} (is the server up? NEO4J_HTTP_URL?)`);
    }
    const body = await res.text();
    if (res.status !== 200) fail('browser page served', `GET ${HTTP_URL}/browser/ returned HTTP ${res.status}`);
    if (!/neo4j/i.test(body) || !/<script/i.test(body)) fail('browser page served', `GET ${HTTP_URL}/browser/ is not the Neo4j Browser page`);
  });

  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-browsercheck-profile-'));
  let context;
  try {
    context = await step('chromium started', () => chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1400, height: 1000 },
      locale: 'en-US',
    }));
    context.setDefaultTimeout(TIMEOUT);
    const version = context.browser()?.version?.() || '';
    const page = context.pages()[0] || await context.newPage();
    if (version) log(`chromium ${version}`);

    // Only the Neo4j server is reachable; the Browser's web-font request (Google Fonts) and
    // anything else off-host is answered at once instead of waiting for DNS to fail.
    const allowedHosts = [new URL(HTTP_URL).hostname, ...(GUIDE_URL ? [new URL(GUIDE_URL).hostname] : [])];
    let blocked = 0;
    await context.route('**/*', (route) => {
      const u = new URL(route.request().url());
      if (u.protocol === 'data:' || u.protocol === 'blob:' || allowedHosts.includes(u.hostname)) return route.continue();
      blocked++;
      return route.abort('blockedbyclient');
    });
    page.on('console', (m) => { if (DEBUG) log(`page console ${m.type()}: ${m.text().slice(0, 300)}`); });
    page.on('pageerror', (e) => log(`page error: ${e.message.slice(0, 300)}`));

    // 2. Load the Browser app until its connect form shows.
    await step('browser app loaded', async () => {
      const res = await page.goto(`${HTTP_URL}/browser/`, { waitUntil: 'domcontentloaded' });
      if (!res || !res.ok()) fail('browser app loaded', `navigation to /browser/ returned ${res ? res.status() : 'nothing'}`);
      try {
        await page.locator('[data-testid=connect]').waitFor({ state: 'visible' });
      } catch {
        fail('browser app loaded', `connect form did not appear within ${TIMEOUT / 1000}s (JavaScript bundle not served?)`);
      }
    });

    // 3. Connect through the form.
    await step('connected', async () => {
      if (BOLT_URI) {
        const m = /^([a-z0-9+]+:\/\/)(.+)$/i.exec(BOLT_URI);
        if (!m) fail('connected', `NEO4J_URI ${BOLT_URI} is not scheme://host:port`);
        const options = await page.locator('[data-testid=bolt-scheme-select] option').allTextContents();
        if (!options.includes(m[1])) fail('connected', `connect form offers ${options.join(' ')} but NEO4J_URI uses ${m[1]}`);
        await page.selectOption('[data-testid=bolt-scheme-select]', m[1]);
        await page.fill('[data-testid=boltaddress]', m[2]);
      }
      await page.fill('[data-testid=username]', USERNAME);
      await page.fill('[data-testid=password]', PASSWORD);
      await page.click('[data-testid=connect]');
      const ok = page.getByText('You are connected as user', { exact: false }).first();
      const err = page.locator('[data-testid=frameStatusbar]').filter({ hasText: /Error|unauthorized|failed|not able/i }).first();
      try {
        await Promise.race([ok.waitFor({ state: 'visible' }), err.waitFor({ state: 'visible' })]);
      } catch {
        fail('connected', `neither "connected" nor an error within ${TIMEOUT / 1000}s`);
      }
      if (!(await ok.isVisible())) {
        fail('connected', `connect form says: ${(await err.innerText()).trim()}`);
      }
      const frame = page.locator('[data-testid=frame]').filter({ hasText: 'You are connected as user' }).first();
      log(`     ${(await frame.innerText()).replace(/\s+/g, ' ').match(/You are connected as user \S+ to \S+/)?.[0] ?? 'connected'}`);
      await page.screenshot({ path: path.join(OUT_DIR, 'browser-connected.png') });
    });

    // 4. Apply the style file.
    const storedGrass = () => page.evaluate(() => {
      try { return JSON.parse(localStorage.getItem('neo4j.grass') || 'null'); } catch { return null; }
    });
    const grassApplied = (g) => g && Object.entries(grass).every(([sel, props]) =>
      g[sel] && Object.entries(props).every(([k, v]) => norm(g[sel][k]) === norm(v)));
    if (!['drop', 'command', 'none'].includes(STYLE_METHOD)) fail('config', `BROWSERCHECK_STYLE_METHOD must be drop, command or none`, 2);
    if (STYLE_METHOD === 'none') log('     style NOT applied (BROWSERCHECK_STYLE_METHOD=none): the canvas checks below are expected to fail');
    else await step('style applied', async () => {
      if (STYLE_METHOD === 'drop') {
        // What a person does: drag the .grass file onto the Browser window. The Browser's
        // file-drop zone reads it, stores the style and opens a :style frame.
        const dataTransfer = await page.evaluateHandle(({ text, name }) => {
          const dt = new DataTransfer();
          dt.items.add(new File([text], name, { type: 'text/plain' }));
          return dt;
        }, { text: grassText, name: path.basename(GRASS_FILE).replace(/\.[^.]*$/, '') + '.grass' });
        const zone = page.locator('.filedrop').first();
        await zone.dispatchEvent('dragenter', { dataTransfer });
        await zone.dispatchEvent('dragover', { dataTransfer });
        await zone.dispatchEvent('drop', { dataTransfer });
      } else {
        // Alternative: the :style command accepts the style inline (JSON or GraSS text).
        await runInEditor(page, `:style ${JSON.stringify(grass)}`);
      }
      const deadline = Date.now() + 15000;
      let g = await storedGrass();
      while (!grassApplied(g) && Date.now() < deadline) {
        await page.waitForTimeout(250);
        g = await storedGrass();
      }
      if (!grassApplied(g)) {
        const diffs = Object.entries(grass).flatMap(([sel, props]) => Object.entries(props)
          .filter(([k, v]) => norm(g?.[sel]?.[k]) !== norm(v))
          .map(([k, v]) => `${sel} ${k}: want ${v}, stored ${g?.[sel]?.[k] ?? 'nothing'}`));
        fail('style applied', `after ${STYLE_METHOD}, the Browser's stored style (localStorage neo4j.grass) ` +
          (g ? `differs from ${GRASS_FILE}: ${diffs.slice(0, 5).join('; ')}${diffs.length > 5 ? '; ...' : ''}` : 'is empty'));
      }
      log(`     method ${STYLE_METHOD}: localStorage neo4j.grass now holds all ${Object.keys(grass).length} rules of the style file`);
    });

    // 5. Run the query and wait for the graph to be drawn and laid out.
    const frame = await step('query rendered', async () => {
      // As docs/browser/queries.cypher and the guide say: "Connect result nodes" off, so the
      // picture holds the relationships the query returns, not every one between its nodes.
      await runInEditor(page, ':config autoComplete: false');
      await page.waitForTimeout(500);
      await runInEditor(page, QUERY);
      const f = page.locator('[data-testid=frame]').filter({
        has: page.locator('[data-testid=frameCommand]', { hasText: QUERY.slice(0, 40) }),
      }).first();
      await f.waitFor({ state: 'attached' });
      const graphDrawn = f.locator('svg g.node').first();
      const problem = f.getByText(/ERROR|Neo\.ClientError|Neo\.DatabaseError|no changes, no records/).first();
      try {
        await Promise.race([graphDrawn.waitFor({ state: 'attached' }), problem.waitFor({ state: 'visible' })]);
      } catch {
        fail('query rendered', `no graph (and no error) within ${TIMEOUT / 1000}s`);
      }
      if (!(await graphDrawn.count())) {
        const text = await f.locator('[data-testid=frameContents]').innerText().catch(() => '');
        const msg = (text.match(/Neo\.\w+Error\.[^\n]*(\n[^\n]+)?/) || [(await problem.innerText()).trim().split('\n')[0]])[0]
          .replace(/\s*\n\s*/g, ' ').slice(0, 300);
        fail('query rendered', `query frame shows "${msg}"${/no records/.test(msg) ? ' — ingest data first' : ''}`);
      }
      // The force layout animates for a few seconds: wait until nodes stop moving.
      let prev = null;
      const settleBy = Date.now() + 20000;
      for (;;) {
        await page.waitForTimeout(500);
        const pos = await f.locator('svg g.node').evaluateAll((ns) => ns.map((n) => n.getAttribute('transform')).join('|'));
        if (pos === prev || Date.now() > settleBy) break;
        prev = pos;
      }
      return f;
    });

    // 6. Observe: nodes, colours by label, captions, relationship captions.
    const obs = await frame.evaluate((el) => {
      const nodes = [...el.querySelectorAll('svg g.node')].map((g) => {
        const c = g.querySelector('circle.b-outline');
        return {
          id: (/graph-node(\d+)/.exec(g.getAttribute('aria-label') || '') || [])[1],
          fill: c?.getAttribute('fill'), stroke: c?.getAttribute('stroke'), r: Number(c?.getAttribute('r')),
          caption: [...g.querySelectorAll('text.caption')].map((t) => t.textContent.trim()).join(' '),
          textFill: g.querySelector('text.caption')?.getAttribute('fill'),
        };
      });
      const rels = [...el.querySelectorAll('svg g.relationship')].map((g) => ({
        fill: g.querySelector('path.b-outline')?.getAttribute('fill'),
        caption: (g.querySelector('text')?.textContent || '').trim(),
      }));
      const chips = {};
      for (const chip of el.querySelectorAll('[data-testid^="property-details-overview-node-label-"]')) {
        const m = /^(.*?) \((\d+)\)$/.exec(chip.textContent.trim());
        if (m) chips[m[1]] = Number(m[2]);
      }
      const summary = (el.innerText.match(/Displaying \d+ nodes?, \d+ relationships?/) || [''])[0];
      return { nodes, rels, chips, summary };
    });

    log(`observed: ${obs.nodes.length} nodes and ${obs.rels.length} relationships in the SVG; ` +
      `panel: "${obs.summary}"; label counts ${JSON.stringify(obs.chips)}`);
    if (obs.nodes.length === 0) fail('observe', 'the SVG has no nodes');

    const problems = [];
    const byFill = {};
    for (const n of obs.nodes) (byFill[norm(n.fill)] ||= []).push(n);
    for (const label of CHECKED_LABELS) {
      const want = norm(grass[`node.${label}`].color);
      const got = (byFill[want] || []).length;
      const expected = obs.chips[label];
      const sample = (byFill[want] || []).slice(0, 4).map((n) => n.caption).join(', ');
      log(`     ${label.padEnd(12)} ${grass[`node.${label}`].color}: ${got} nodes with that fill` +
        (expected !== undefined ? `, panel says ${expected}` : '') + (sample ? ` (e.g. ${sample})` : ''));
      if (expected !== undefined && got !== expected) problems.push(`${label}: ${got} nodes filled ${want}, but the result has ${expected}`);
    }
    // Per node: ask the server (HTTP API, same credentials) for the labels of the node ids the
    // SVG carries (aria-label graph-node<id>), and compare each node's fill with its label's colour.
    const labelsById = await nodeLabels(obs.nodes.map((n) => n.id).filter(Boolean));
    if (labelsById) {
      let checked = 0;
      const wrong = [];
      for (const n of obs.nodes) {
        const label = CHECKED_LABELS.find((l) => (labelsById[n.id] || []).includes(l));
        if (!label) continue;
        checked++;
        if (norm(n.fill) !== norm(grass[`node.${label}`].color)) wrong.push(`${n.caption} (${label}) filled ${n.fill}`);
      }
      log(`     per node (labels from the server): ${checked - wrong.length}/${checked} Person/Organization/Location nodes have their label's colour`);
      if (wrong.length) problems.push(`wrong fill: ${wrong.slice(0, 5).join(', ')}${wrong.length > 5 ? ', ...' : ''}`);
    } else {
      log('     (per-node label check skipped: HTTP API query failed; the counts above still apply)');
    }
    const known = new Set(CHECKED_LABELS.map((l) => norm(grass[`node.${l}`].color)));
    const others = Object.entries(byFill).filter(([f]) => !known.has(f));
    if (others.length) log(`     other fills: ${others.map(([f, ns]) => `${f}×${ns.length}`).join(', ')}`);
    if (!CHECKED_LABELS.some((l) => (byFill[norm(grass[`node.${l}`].color)] || []).length)) {
      problems.push('no node has any of the style file\'s Person/Organization/Location colours (style not applied?)');
    }

    const uncaptioned = obs.nodes.filter((n) => !n.caption).length;
    const arabic = obs.nodes.filter((n) => /[\u0600-\u06FF]/.test(n.caption)).length;
    const latin = obs.nodes.filter((n) => /[A-Za-z]/.test(n.caption)).length;
    log(`     node captions: ${latin} Latin, ${arabic} Arabic, ${uncaptioned} empty; caption text fill ${[...new Set(obs.nodes.map((n) => n.textFill))].join(',')}`);
    if (uncaptioned) problems.push(`${uncaptioned} nodes have no caption`);

    const relStyle = grass['relationship.CO_MENTIONED'];
    if (relStyle) {
      const numeric = obs.rels.filter((r) => /^\d+$/.test(r.caption)).length;
      const coloured = obs.rels.filter((r) => norm(r.fill) === norm(relStyle.color)).length;
      const counts = obs.rels.map((r) => Number(r.caption)).filter((n) => !Number.isNaN(n));
      log(`     relationships: ${coloured}/${obs.rels.length} filled ${relStyle.color}, ${numeric}/${obs.rels.length} captioned with a number` +
        (counts.length ? ` (articles ${Math.min(...counts)}..${Math.max(...counts)})` : ''));
      if (/CO_MENTIONED/.test(QUERY)) {
        if (coloured !== obs.rels.length) problems.push(`${obs.rels.length - coloured} relationships not filled ${relStyle.color}`);
        if (relStyle.caption === '{articles}' && numeric !== obs.rels.length) problems.push(`${obs.rels.length - numeric} relationship captions are not article counts`);
      }
    }

    const after = await storedGrass();
    const added = Object.keys(after || {}).filter((s) => !grass[s]);
    const changed = Object.keys(grass).filter((s) => after?.[s] && Object.keys(after[s]).some((k) => !(k in grass[s])))
      .map((s) => `${s}+{${Object.keys(after[s]).filter((k) => !(k in grass[s])).join(',')}}`);
    if (added.length || changed.length) {
      log(`     the Browser extended the style while rendering: ${[...added, ...changed].join('; ')}`);
    }

    await frame.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(OUT_DIR, 'browser-graph.png') });

    // 7. Node details: click one node and screenshot its
    // properties (name and nameAr), which shows whether Arabic text renders.
    await step('node details shown', async () => {
      const nodeEl = frame.locator('svg g.node').first();
      await nodeEl.locator('circle.b-outline').click({ force: true });
      const panel = frame.getByText('nameAr', { exact: true }).first();
      try {
        await panel.waitFor({ state: 'attached', timeout: 10000 });
        await panel.scrollIntoViewIfNeeded();
        const text = await frame.innerText();
        const ar = (text.match(/nameAr\s*\n?\s*([\u0600-\u06FF][\u0600-\u06FF\s]*)/) || [])[1];
        log(`     details panel lists nameAr${ar ? ` = ${ar.trim()}` : ''}`);
      } catch {
        log('     (no nameAr property in the details panel of the clicked node)');
      }
      await page.screenshot({ path: path.join(OUT_DIR, 'browser-node-details.png') });
    });

    if (problems.length) fail('style on canvas', problems.join('; '));
    const shots = ['browser-connected.png', 'browser-graph.png', 'browser-node-details.png'];

    // 8. The guide: play it, check its slides, and click through its runnable blocks.
    if (GUIDE_URL) shots.push(...await playGuide(page));

    log(`blocked ${blocked} off-host request(s) (web fonts)`);
    log(`PASS in ${secs().trim()}s: screenshots in ${OUT_DIR}: ${shots.join(' ')}`);
  } catch (e) {
    // Whatever failed, keep a picture of the page as it was.
    const page = context?.pages()[0];
    if (page && e instanceof CheckError) {
      const shot = path.join(OUT_DIR, `browser-failed-${e.step.replace(/\W+/g, '-')}.png`);
      if (await page.screenshot({ path: shot }).then(() => true, () => false)) e.message += ` (screenshot ${shot})`;
    }
    throw e;
  } finally {
    if (context) await context.close().catch(() => {});
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

// Plays GUIDE_URL with :play and walks it as a reader does: on every slide, click each
// runnable block (which copies it into the editor), run it, and require a result frame
// without an error; a query that draws a graph must caption every node. Returns the
// screenshots it took.
async function playGuide(page) {
  const shots = [];
  const guide = await step('guide played', async () => {
    await runInEditor(page, `:play ${GUIDE_URL}`);
    const f = page.locator('[data-testid=frame]').filter({
      has: page.locator('[data-testid=frameCommand]', { hasText: `:play ${GUIDE_URL}` }),
    }).first();
    await f.waitFor({ state: 'attached' });
    const carousel = f.locator('pre.runnable').first();
    const problem = f.getByText(/not in allowlist|not allowed|failed|error/i).first();
    try {
      await Promise.race([carousel.waitFor({ state: 'visible' }), problem.waitFor({ state: 'visible' })]);
    } catch {
      fail('guide played', `no guide slide within ${TIMEOUT / 1000}s`);
    }
    if (!(await carousel.isVisible())) fail('guide played', `the guide frame says: ${(await problem.innerText()).trim().slice(0, 300)}`);
    await page.screenshot({ path: path.join(OUT_DIR, 'browser-guide.png') });
    shots.push('browser-guide.png');
    return f;
  });
  if (DEBUG) fs.writeFileSync(path.join(OUT_DIR, 'guide-frame.html'), await guide.innerHTML());
  const counter = (await guide.innerText()).match(/(\d+)\s*\/\s*(\d+)/);
  const slides = counter ? Number(counter[2]) : 0;
  if (slides < 2) fail('guide played', `no slide counter "1 / N" in the guide frame`);
  const frames = page.locator('[data-testid=frame]');
  let blocks = 0;
  for (let i = 1; i <= slides; i++) {
    const slide = guide.locator('.slide').first();
    const title = (await slide.locator('h3').first().innerText().catch(() => '')).trim();
    const pres = slide.locator('pre.runnable');
    const n = await pres.count();
    for (let j = 0; j < n; j++) {
      const text = (await pres.nth(j).innerText()).trim();
      const what = `guide slide ${i} "${title}", block ${j + 1}`;
      await step(what, async () => {
        // Mark the frames there are (the Browser keeps at most maxFrames, so counting fails).
        await page.evaluate(() => document.querySelectorAll('[data-testid=frame]').forEach((el) => { el.dataset.seen = '1'; }));
        await pres.nth(j).click(); // a runnable block copies itself into the editor
        const editorText = await page.locator('[data-testid=activeEditor] .view-lines').first().innerText();
        if (!editorText.replace(/\s+/g, '').startsWith(text.split('\n')[0].replace(/\s+/g, '').slice(0, 20))) {
          fail(what, `clicking the block did not put it into the editor (editor holds "${editorText.slice(0, 60)}")`);
        }
        await page.locator('[data-testid=editor-Run]').click();
        await page.waitForFunction(() => {
          const f = document.querySelector('[data-testid=frame]');
          return f && !f.dataset.seen;
        });
        const f = frames.first();
        const done = text.startsWith(':')
          ? f.locator('[data-testid=frameContents]').first()
          : f.locator('svg g.node').or(f.getByText(/Started streaming|Displaying \d+ nodes/)).first();
        const problem = f.getByText(/ERROR|Neo\.ClientError|Neo\.DatabaseError|no changes, no records|not in allowlist/).first();
        try {
          await Promise.race([done.waitFor({ state: 'attached' }), problem.waitFor({ state: 'visible' })]);
        } catch {
          fail(what, `no result (and no error) within ${TIMEOUT / 1000}s`);
        }
        await page.waitForTimeout(text.startsWith(':') ? 500 : 1500);
        if (await problem.isVisible()) {
          fail(what, `the frame says "${(await problem.innerText()).trim().split('\n')[0].slice(0, 200)}" for:\n${text}`);
        }
        const captions = await f.locator('svg g.node').evaluateAll((ns) =>
          ns.map((g) => [...g.querySelectorAll('text.caption')].map((t) => t.textContent.trim()).join(' ')));
        if (captions.some((c) => !c)) fail(what, `${captions.filter((c) => !c).length} of ${captions.length} nodes drawn without a caption`);
        log(`     ${text.split('\n')[0].slice(0, 70)}${captions.length ? ` → ${captions.length} nodes, all captioned` : ''}`);
      });
      blocks++;
    }
    if (i === 3 || i === 4) {
      const shot = `browser-guide-slide${i}.png`;
      await page.screenshot({ path: path.join(OUT_DIR, shot) });
      shots.push(shot);
    }
    if (i < slides) await guide.locator('[data-testid=nextSlide]').click();
  }
  log(`     guide: ${slides} slides, ${blocks} runnable blocks run without an error`);
  return shots;
}

// Labels of the given internal node ids through the HTTP API's transactional endpoint
// (id(), not elementId(): the Browser's SVG names nodes by the numeric id). null on failure.
async function nodeLabels(ids) {
  if (!ids.length) return null;
  const db = process.env.NEO4J_DATABASE || 'neo4j';
  try {
    const res = await fetch(`${HTTP_URL}/db/${encodeURIComponent(db)}/tx/commit`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json', Accept: 'application/json',
        Authorization: 'Basic ' + Buffer.from(`${USERNAME}:${PASSWORD}`).toString('base64'),
      },
      body: JSON.stringify({ statements: [{
        statement: 'MATCH (n) WHERE id(n) IN $ids RETURN id(n) AS id, labels(n) AS labels',
        parameters: { ids: ids.map(Number) },
      }] }),
      signal: AbortSignal.timeout(15000),
    });
    const body = await res.json();
    if (!res.ok || body.errors?.length) return null;
    return Object.fromEntries(body.results[0].data.map((d) => [String(d.row[0]), d.row[1]]));
  } catch {
    return null;
  }
}

// Types a command into the Browser's main editor and runs it.
async function runInEditor(page, text) {
  const editor = page.locator('[data-testid=activeEditor] .monaco-editor').first();
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
  await page.locator('[data-testid=editor-Run]').click();
}

main().then(() => process.exit(0), (e) => {
  if (e instanceof CheckError) {
    console.error(redact(`[${secs()}s] FAIL ${e.step}: ${e.message}`));
    process.exit(e.code);
  }
  console.error(redact(`[${secs()}s] FAIL: ${e.stack || e}`));
  process.exit(1);
});

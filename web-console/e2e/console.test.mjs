// End-to-end: the console against the real control plane and real brokers.
// Run with `npm run e2e` (or through Maven: the web-console-e2e module's integration-test phase).
// Two instances are ordered, one after the other: a PLAINTEXT one (topics, messages, groups, network
// rules, retention) and, once it is deleted, a SASL_PLAINTEXT + SCRAM-SHA-512 one (users, ACLs, and a
// real Kafka client authenticating with what the console showed).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { RESULTS, startControlPlane } from './control-plane.mjs';
import { openBrowser } from './browser.mjs';

const RUNNING_TIMEOUT = 5 * 60_000;
const suffix = Math.random().toString(36).slice(2, 7);
const NAME = `e2e-orders-${suffix}`;
const RENAMED = `e2e-payments-${suffix}`;
const TOPIC = 'orders-events';
const GROUP = `e2e-readers-${suffix}`;
const PRETTY_JSON = '{\n  "hello": "tributary"\n}';
// the SASL instance of the security scenarios (ordered once the first instance is gone: one at a time on 2 cores)
const SASL_NAME = `e2e-sasl-${suffix}`;
const SASL_TOPIC = 'payments';
const SASL_GROUP = `e2e-alice-${suffix}`;
const ALICE_PASSWORD = 'E2e-secret-42';

let server;
let browser;
let page;
let instanceUrl;
let bootstrap;
let produced; // { partition, offset } of the test message
let consumer; // the GroupConsumer.java process, while it runs
let sasl; // { url, projectId, instanceId, bootstrap } of the SASL instance
let aliceProperties; // the client properties the console showed with alice's new password

const shot = (name) => page.screenshot({ path: join(RESULTS, `${name}.png`), fullPage: true });

before(async () => {
  server = await startControlPlane();
  browser = await openBrowser();
  page = browser.page;
  page.setDefaultTimeout(30_000);
});

after(async () => {
  consumer?.kill('SIGKILL');
  await browser?.close();
  await server?.stop();
});

/**
 * Walks the wizard with a valid 3-broker kafka.2u4g order over az1..az3, up to the review step:
 * PLAINTEXT, or with `sasl` SASL_PLAINTEXT + SCRAM-SHA-512 with an admin user (and auto-created topics).
 */
async function fillWizard(name, { sasl: withSasl = false } = {}) {
  await page.getByRole('link', { name: /create (your first )?instance/i }).first().click();
  await page.getByRole('heading', { name: 'Create a Kafka instance' }).waitFor();
  await page.getByLabel('Instance name').fill(name);
  await page.getByRole('radio', { name: 'kafka.2u4g', exact: true }).check();
  await page.getByLabel('Brokers', { exact: true }).fill('3');
  for (const zone of ['az1', 'az2', 'az3']) await page.getByRole('checkbox', { name: zone, exact: true }).check();
  await page.getByRole('button', { name: /^Next/ }).click();
  await page.getByRole('heading', { name: /Security & network/ }).waitFor();
  if (withSasl) {
    await page.getByRole('radio', { name: /^SASL_PLAINTEXT/ }).check();
    await page.getByRole('checkbox', { name: 'SCRAM-SHA-512', exact: true }).check();
    await page.getByRole('checkbox', { name: 'PLAIN', exact: true }).uncheck();
    await page.getByLabel('Admin user').fill('admin');
    await page.getByLabel('Admin password').fill('Admin-secret-42');
  } else {
    await page.getByRole('radio', { name: /^PLAINTEXT/ }).check();
  }
  await page.getByRole('button', { name: /^Next/ }).click();
  await page.getByRole('heading', { name: /Retention, billing & tags/ }).waitFor();
  if (withSasl) await page.getByRole('checkbox', { name: /Allow clients to auto-create topics/ }).check();
  await page.getByRole('button', { name: /^Next/ }).click();
  await page.getByRole('heading', { name: /Review/ }).waitFor();
}

/** Follows the status badge until RUNNING (or CREATE_FAILED); returns the last status. */
async function waitUntilRunning(timeoutMs = RUNNING_TIMEOUT) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await page.locator('.title-with-badge .badge').getAttribute('data-status');
    if (status === 'RUNNING' || status === 'CREATE_FAILED') return status;
    assert.ok(Date.now() < deadline, `still ${status} after ${timeoutMs / 60_000} minutes`);
    await page.waitForTimeout(1000);
  }
}

/** A call to the API with the suite's key, for set-up the scenario is not about. */
async function apiCall(method, path, body) {
  const res = await fetch(`${server.baseUrl}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${server.token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  assert.ok(res.ok, `${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** A download started by `click`: its suggested name, the request that fetched it and its text. */
async function downloadOf(click, urlPart) {
  const [download, request] = await Promise.all([
    page.waitForEvent('download'),
    page.waitForRequest((r) => r.url().includes(urlPart)),
    click(),
  ]);
  const failure = await download.failure();
  assert.equal(failure, null, `download failed: ${failure}`);
  return { name: download.suggestedFilename(), request, text: await readFile(await download.path(), 'utf8') };
}

const here = new URL('.', import.meta.url).pathname;
/** A table row's second cell (the partition column) holding exactly this number. */
const partitionCell = (partition) => page.locator('td:nth-child(2)', { hasText: new RegExp(`^${partition}$`) });

/** The lib directory of the Kafka distribution broker-agent bundles (kafka-clients and its dependencies). */
function kafkaLibs() {
  const root = resolve(here, '../../broker-agent/target/dist/kafka');
  if (!existsSync(root)) return null;
  const version = readdirSync(root).find((v) => existsSync(join(root, v, 'libs')));
  return version ? join(root, version, 'libs') : null;
}

// maintenance windows are weekly, in UTC; the API's DayOfWeek and the console's names for the days
const DAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];
const dayName = (day) => day.charAt(0) + day.slice(1).toLowerCase();
const hh = (hour) => `${String(hour).padStart(2, '0')}:00`;
/** The console's description of a window: "Friday 02:00–06:00 UTC". */
const describeWindow = (w) => `${dayName(w.dayOfWeek)} ${hh(w.startHour)}–${hh((w.startHour + w.durationHours) % 24)} UTC`;
/** What the console shows in UTC beside a scheduled operation's local begin time: "(Friday 02:00 UTC)". */
function utcBegin(iso) {
  const at = new Date(iso);
  return `(${dayName(DAYS[at.getUTCDay()])} ${String(at.getUTCHours()).padStart(2, '0')}:${String(at.getUTCMinutes()).padStart(2, '0')} UTC)`;
}
/** Whether a weekly UTC window is open now or opens within the hour: a restart scheduled into it could begin before the test cancels it. */
function windowOpensSoon(w, now = new Date()) {
  const hoursSinceStart = (now.getUTCDay() * 24 + now.getUTCHours() - (DAYS.indexOf(w.dayOfWeek) * 24 + w.startHour) + 168) % 168;
  return hoursSinceStart < w.durationHours || hoursSinceStart >= 167;
}

describe('web console', { concurrency: 1 }, () => {
  test('signs in with an API key', async () => {
    await page.goto(server.baseUrl + '/');
    await page.getByRole('heading', { name: 'Sign in to the console' }).waitFor();
    await shot('01-sign-in');

    await page.getByLabel('API key').fill('trb_not_a_real_key_000000000000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'not accepted' }).waitFor();

    await page.getByLabel('API key').fill(server.token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Kafka instances' }).waitFor();
    assert.equal(await page.getByLabel('Project').locator('option:checked').textContent(), 'default (owner)');
    await shot('02-instances-empty');
  });

  test('creates a 3-broker instance with the wizard and watches it reach RUNNING', { timeout: RUNNING_TIMEOUT + 120_000 }, async () => {
    await fillWizard(NAME);
    const review = page.locator('.review');
    assert.match(await review.textContent(), /az1, az2, az3/);
    assert.match(await review.textContent(), /per month \(730 h\)/);
    await shot('03-wizard-review');

    await page.getByRole('button', { name: 'Create instance' }).click();
    await page.getByRole('heading', { name: NAME }).waitFor();
    instanceUrl = page.url();
    const bar = page.getByRole('progressbar');
    await bar.waitFor();
    // topics and groups need running brokers: their tabs are disabled, with the reason shown
    const topicsTab = page.locator('.tabs .tab-disabled', { hasText: 'Topics' });
    if ((await page.locator('.title-with-badge .badge').getAttribute('data-status')) === 'CREATING') {
      await topicsTab.waitFor();
      assert.equal(await topicsTab.getAttribute('aria-disabled'), 'true');
      assert.match(await page.locator('#kafka-tabs-note').textContent(), /once the instance is running; it is still being created/);
    }
    await shot('04-instance-creating');

    // the bar follows GET /operations/{id} until the instance is RUNNING
    const seen = new Set();
    const deadline = Date.now() + RUNNING_TIMEOUT;
    let status;
    for (;;) {
      status = await page.locator('.title-with-badge .badge').getAttribute('data-status');
      if (await bar.isVisible()) seen.add(Number(await bar.getAttribute('aria-valuenow')));
      if (status === 'RUNNING' || status === 'CREATE_FAILED') break;
      assert.ok(Date.now() < deadline, `still ${status} after 5 minutes`);
      await page.waitForTimeout(1000);
    }
    await shot('05-instance-running');
    assert.equal(status, 'RUNNING', `creation failed: ${await page.getByRole('alert').allTextContents()}`);
    assert.ok([...seen].some((p) => p > 0), `the progress bar moved (${[...seen]})`);
    assert.equal(await bar.getAttribute('aria-valuenow'), '100');

    bootstrap = await page.getByRole('textbox', { name: 'Bootstrap servers' }).inputValue();
    assert.match(bootstrap, /^[\w.-]+:\d+(,[\w.-]+:\d+)*$/);
    assert.match(await page.locator('pre.code').textContent(), /security\.protocol=PLAINTEXT/);
    assert.equal(await page.locator('table tbody tr').count(), 3, 'three brokers listed');
  });

  test('creates a topic, with the API field errors shown inline', async () => {
    await page.getByRole('link', { name: 'Topics', exact: true }).click();
    await page.getByRole('heading', { name: 'No topic yet' }).waitFor();
    await page.getByRole('button', { name: 'Create topic' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Create a topic' });
    await dialog.waitFor();
    await dialog.getByLabel('Topic name').fill(TOPIC);
    await dialog.getByLabel('Partitions', { exact: true }).fill('3');
    await dialog.getByLabel('Replication factor', { exact: true }).fill('4');
    await dialog.getByRole('button', { name: 'Create topic' }).click();
    // client-side: a replica per broker at most
    await dialog.locator('.field-error', { hasText: 'Between 1 and 3' }).waitFor();
    await dialog.getByLabel('Replication factor', { exact: true }).fill('3');

    // a setting the API does not allow: its 400 lands under the settings rows
    await dialog.getByRole('button', { name: 'Add setting' }).click();
    await dialog.getByLabel('Setting 1 name').fill('unclean.leader.election.enable');
    await dialog.getByLabel('Setting 1 value').fill('true');
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/topics') && r.request().method() === 'POST'),
      dialog.getByRole('button', { name: 'Create topic' }).click(),
    ]);
    assert.equal(refused.status(), 400);
    const problem = await refused.json();
    assert.equal(problem.code, 'VALIDATION_FAILED');
    const configError = problem.errors.find((e) => e.field === 'configs.unclean.leader.election.enable');
    assert.ok(configError, `field error for the setting: ${JSON.stringify(problem.errors)}`);
    await dialog.locator('#topic-configs .field-error', { hasText: configError.message }).waitFor();
    await dialog.getByRole('alert').filter({ hasText: 'The topic could not be created' }).waitFor();
    await shot('13-topic-create-field-error');

    await dialog.getByRole('button', { name: 'Remove setting 1' }).click();
    const [created] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/topics') && r.request().method() === 'POST'),
      dialog.getByRole('button', { name: 'Create topic' }).click(),
    ]);
    assert.equal(created.status(), 201);
    await page.getByRole('status').filter({ hasText: 'Topic created' }).waitFor();
    const row = page.locator('tbody tr', { has: page.getByRole('link', { name: TOPIC, exact: true }) });
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    assert.equal(cells[1], '3', 'partitions');
    assert.equal(cells[2], '3', 'replication factor');
    await shot('14-topics-list');
  });

  test('shows the partitions of the topic, each with 3 in-sync replicas', async () => {
    await page.getByRole('link', { name: TOPIC, exact: true }).click();
    await page.getByRole('heading', { name: TOPIC, level: 2 }).waitFor();
    const rows = page.locator('table[aria-labelledby="partitions-title"] tbody tr');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 3);
    for (let i = 0; i < 3; i++) {
      const cells = await rows.nth(i).locator('td').allTextContents();
      assert.equal(cells[0], String(i));
      assert.match(cells[1], /^\d+$/, 'a leader');
      assert.equal(cells[2].split(',').length, 3, 'three replicas');
      assert.equal(cells[3].split(',').length, 3, 'three in sync');
    }
    await page.getByText('All replicas in sync').waitFor();
    await shot('15-topic-partitions');
  });

  test('previews a rebalance of the 3 brokers: the plan\'s summary and each broker before and after', async () => {
    const topicUrl = page.url();
    await page.goto(instanceUrl);
    await page.getByRole('link', { name: 'Settings' }).click();
    const capacity = page.getByRole('region', { name: 'Capacity' });
    // never rebalanced: the API's 404 reads as such, not as an error
    await capacity.getByText('No rebalance yet').waitFor();
    await capacity.getByRole('button', { name: 'Rebalance partitions…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rebalance partitions' });
    await dialog.waitFor();

    const [planned] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/rebalances') && r.request().method() === 'POST'),
      dialog.getByRole('button', { name: 'Preview', exact: true }).click(),
    ]);
    assert.equal(planned.status(), 200, await planned.text());
    assert.deepEqual(JSON.parse(planned.request().postData()), { dryRun: true }, 'a dry run, no throttle typed');
    const plan = await planned.json();
    assert.equal(plan.brokers.length, 3, JSON.stringify(plan.brokers));
    assert.ok(plan.partitions >= 3, `at least the topic's 3 partitions: ${plan.partitions}`);

    const summary = dialog.locator('dl[aria-label="Plan summary"]');
    await summary.waitFor();
    const summaryText = await summary.textContent();
    assert.match(summaryText, new RegExp(`Partitions to move\\s*${plan.partitionsToMove} of ${plan.partitions}`));
    assert.match(summaryText, new RegExp(`Leaders to move\\s*${plan.leadersToMove}`));
    assert.match(summaryText, /Data to copy\s*\d/);
    const rows = dialog.getByRole('table', { name: 'Per broker' }).locator('tbody tr');
    assert.equal(await rows.count(), 3, 'three brokers in the plan');
    for (const broker of plan.brokers) {
      const cells = await rows.filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^${broker.nodeId}$`) }) }).locator('td').allTextContents();
      assert.deepEqual(cells, [
        String(broker.nodeId),
        broker.availabilityZone,
        `${broker.replicasBefore} → ${broker.replicasAfter}`,
        `${broker.leadersBefore} → ${broker.leadersAfter}`,
      ]);
    }
    if (plan.partitionsToMove === 0 && plan.leadersToMove === 0) {
      await dialog.getByRole('heading', { name: 'The partitions are already evenly spread' }).waitFor();
      assert.equal(await dialog.getByRole('button', { name: 'Start rebalance' }).isDisabled(), true, 'nothing to start');
    } else {
      const moves = dialog.getByRole('table', { name: 'Partition moves' }).locator('tbody tr');
      assert.equal(await moves.count(), Math.min(plan.moves.length, 200));
    }
    await shot('15b-rebalance-plan');

    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await capacity.getByText('No rebalance yet').waitFor();
    await page.goto(topicUrl);
    await page.getByRole('heading', { name: TOPIC, level: 2 }).waitFor();
  });

  test('produces a test message and finds it by key and by offset, JSON pretty-printed', async () => {
    await page.getByRole('link', { name: 'Messages', exact: true }).click();
    await page.getByRole('button', { name: 'Produce a test message…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Key', { exact: true }).fill('k-1');
    await dialog.getByLabel('Value', { exact: true }).fill('{"hello":"tributary"}');
    await dialog.getByRole('button', { name: 'Add header' }).click();
    await dialog.getByLabel('Header 1 name').fill('source');
    await dialog.getByLabel('Header 1 value').fill('e2e');
    await shot('16-produce-dialog');
    await dialog.getByRole('button', { name: 'Produce message' }).click();
    const toast = page.getByRole('status').filter({ hasText: 'Message written' });
    await toast.waitFor();
    const [, partition, offset] = /Partition (\d+), offset (\d+)/.exec(await toast.textContent());
    produced = { partition: Number(partition), offset: Number(offset) };
    assert.equal(produced.offset, 0, 'the first message of its partition');

    // by key: a scan, with its count
    await page.getByRole('radio', { name: 'Key' }).check();
    await page.getByRole('textbox', { name: 'Key' }).fill('k-1');
    const [byKey] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/messages?') && r.url().includes('key=k-1')),
      page.getByRole('button', { name: 'Search' }).click(),
    ]);
    assert.equal(byKey.status(), 200);
    assert.ok(!new URL(byKey.url()).searchParams.has('partition'), 'a key search covers every partition');
    const result = await byKey.json();
    assert.equal(result.messages.length, 1, JSON.stringify(result));
    assert.equal(result.messages[0].valueEncoding, 'JSON');
    const found = page.getByRole('table', { name: 'Messages found' }).locator('tbody tr');
    await found.first().waitFor();
    assert.equal(await found.count(), 1);
    assert.match(await found.first().textContent(), /k-1/);
    await page.locator('.query-status', { hasText: `${result.scanned} scanned` }).waitFor();
    await shot('17-messages-by-key');

    await page.getByRole('button', { name: `View message ${partition}:${offset}` }).click();
    const drawer = page.getByRole('dialog', { name: `Message ${partition}:${offset}` });
    await drawer.waitFor();
    assert.equal(await drawer.locator('pre.message-value').textContent(), PRETTY_JSON);
    await drawer.getByRole('table', { name: 'Headers' }).getByText('source').waitFor();
    await shot('18-message-detail');
    await drawer.getByRole('button', { name: 'Close', exact: true }).click();
    await drawer.waitFor({ state: 'hidden' });

    // by offset: a window of one partition
    await page.getByRole('radio', { name: 'Offset' }).check();
    await page.getByLabel('Partition', { exact: true }).selectOption(partition);
    await page.getByLabel('From offset').fill(offset);
    await page.getByRole('button', { name: 'Read messages' }).click();
    await found.first().filter({ hasText: 'k-1' }).waitFor();
    await page.getByRole('button', { name: `View message ${partition}:${offset}` }).click();
    await drawer.waitFor();
    assert.equal(await drawer.locator('pre.message-value').textContent(), PRETTY_JSON);
    await drawer.getByRole('button', { name: 'Close', exact: true }).click();
    await shot('19-messages-by-offset');

    // a scan cut short says why, and Continue picks up from its cursor
    const other = String((produced.partition + 1) % 3);
    await page.getByRole('button', { name: 'Produce a test message…' }).click();
    const second = page.getByRole('dialog');
    await second.getByLabel('Value', { exact: true }).fill('tributary again');
    await second.getByLabel('Partition', { exact: true }).selectOption(other);
    await second.getByRole('button', { name: 'Produce message' }).click();
    await page.getByRole('status').filter({ hasText: `Partition ${other}, offset 0` }).waitFor();
    await page.getByRole('radio', { name: 'Content' }).check();
    await page.getByLabel('Value contains').fill('tributary');
    await page.getByText('Scan limits').click();
    await page.getByLabel('Messages to read at most').fill('1');
    await page.getByRole('button', { name: 'Search' }).click();
    const incomplete = page.locator('.alert-info', { hasText: 'The search stopped before the end' });
    await incomplete.waitFor();
    assert.match(await incomplete.textContent(), /most messages one search may scan/);
    assert.equal(await found.count(), 1);
    await shot('20-messages-incomplete-scan');
    const [continued] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/messages?') && r.url().includes('cursor=')),
      incomplete.getByRole('button', { name: 'Continue' }).click(),
    ]);
    assert.equal(continued.status(), 200);
    await page.locator('.query-status', { hasText: '2 messages found · 2 scanned · search complete' }).waitFor();
    assert.equal(await found.count(), 2);
    assert.equal(await incomplete.count(), 0);
  });

  test('downloads the offset window and a time range as JSON lines, fetched with the API key', async () => {
    await page.getByRole('radio', { name: 'Offset' }).check();
    await page.getByLabel('Partition', { exact: true }).selectOption(String(produced.partition));
    await page.getByLabel('From offset').fill('0');
    const byOffset = await downloadOf(() => page.getByRole('button', { name: 'Download as JSON lines' }).click(), '/messages/export');
    assert.equal(byOffset.name, `${TOPIC}-p${produced.partition}-from-0.jsonl`);
    assert.match(byOffset.request.headers().authorization ?? '', /^Bearer /, 'the download carries the API key');
    assert.deepEqual(Object.fromEntries(new URL(byOffset.request.url()).searchParams), { partition: String(produced.partition), offset: '0', limit: '1000' });
    const lines = byOffset.text.split('\n').filter(Boolean).map((l) => JSON.parse(l));
    assert.equal(lines.length, 1, byOffset.text);
    assert.equal(lines[0].key, 'k-1');
    assert.equal(lines[0].partition, produced.partition);
    assert.equal(lines[0].offset, produced.offset);
    assert.deepEqual(JSON.parse(lines[0].value), { hello: 'tributary' });
    assert.equal(lines[0].headers.source, 'e2e');
    await page.getByRole('status').filter({ hasText: /Download ready/ }).waitFor();
    await shot('20b-messages-download');

    // by time: from an hour ago, across every partition: both test messages
    await page.getByRole('radio', { name: 'Time' }).check();
    await page.getByLabel('Download at most').fill('10');
    const byTime = await downloadOf(() => page.getByRole('button', { name: 'Download as JSON lines' }).click(), '/messages/export');
    assert.match(byTime.name, new RegExp(`^${TOPIC}-\\d{8}T\\d{6}Z\\.jsonl$`));
    const params = new URL(byTime.request.url()).searchParams;
    assert.equal(params.get('limit'), '10');
    assert.ok(params.has('from') && !params.has('offset') && !params.has('partition'), byTime.request.url());
    const timed = byTime.text.split('\n').filter(Boolean).map((l) => JSON.parse(l));
    assert.equal(timed.length, 2, byTime.text);
    assert.deepEqual(timed.map((m) => m.key ?? null).sort(), ['k-1', null].sort());
  });

  test('shows a consumer group with its member and lag, refuses changes while active, then resets and deletes it', { timeout: 4 * 60_000 }, async (t) => {
    const libs = kafkaLibs();
    if (!libs) return t.skip('no Kafka client libraries (broker-agent/target/dist/kafka/*/libs): build broker-agent first');
    consumer = spawn('java', ['-cp', `${libs}/*`, resolve(here, 'GroupConsumer.java'), bootstrap, TOPIC, GROUP, '2'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    consumer.stdout.on('data', (d) => (output += d));
    consumer.stderr.on('data', (d) => (output += d));
    const deadline = Date.now() + 90_000;
    while (!output.includes('COMMITTED')) {
      assert.ok(consumer.exitCode === null, `the consumer exited: ${output}`);
      assert.ok(Date.now() < deadline, `the consumer committed nothing in 90 s: ${output}`);
      await page.waitForTimeout(500);
    }

    await page.getByRole('link', { name: 'Consumer groups' }).click();
    await page.getByRole('link', { name: GROUP }).click();
    await page.getByRole('heading', { name: GROUP, level: 2 }).waitFor();
    const members = page.getByRole('table', { name: 'Members' });
    await members.getByText('e2e-reader', { exact: true }).waitFor({ timeout: 30_000 });
    const offsets = page.getByRole('table', { name: 'Offsets and lag' }).locator('tbody tr', { has: partitionCell(produced.partition) });
    await offsets.waitFor();
    // the consumer read both test messages (one on this partition) and committed
    assert.deepEqual((await offsets.locator('td').allTextContents()).slice(2), ['1', '1', '0'], 'committed, log end, lag');
    await shot('21-consumer-group-active');

    // active: deleting and resetting are refused with the API's 409
    await page.getByRole('button', { name: 'Delete group…' }).click();
    let dialog = page.getByRole('dialog');
    const [deleteRefused] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/consumer-groups/') && r.request().method() === 'DELETE'),
      dialog.getByRole('button', { name: 'Delete group' }).click(),
    ]);
    assert.equal(deleteRefused.status(), 409);
    const deleteProblem = await deleteRefused.json();
    await dialog.getByRole('alert').filter({ hasText: deleteProblem.detail }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Reset offsets…' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Topic', { exact: true }).selectOption(TOPIC);
    await dialog.getByRole('radio', { name: /^Earliest/ }).check();
    await dialog.getByRole('button', { name: 'Preview' }).click();
    const preview = dialog.getByRole('table', { name: /Preview/ });
    const moving = preview.locator('tbody tr', { has: partitionCell(produced.partition) });
    await moving.waitFor();
    assert.deepEqual((await moving.locator('td').allTextContents()).slice(2), ['1', '→ 0']);
    const [resetRefused] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/offset-resets')),
      dialog.getByRole('button', { name: 'Confirm reset' }).click(),
    ]);
    assert.equal(resetRefused.status(), 409);
    await dialog.getByRole('alert').filter({ hasText: 'The group is active' }).waitFor();
    await shot('22-reset-refused-active');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // the consumer leaves: now the reset applies
    const exited = new Promise((r) => consumer.once('exit', r));
    consumer.kill('SIGTERM');
    await exited;
    consumer = null;
    await page.getByText('No active member').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Reset offsets…' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Topic', { exact: true }).selectOption(TOPIC);
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await dialog.getByRole('table', { name: /Preview/ }).waitFor();
    await shot('23-reset-preview');
    await dialog.getByRole('button', { name: 'Confirm reset' }).click();
    await page.getByRole('status').filter({ hasText: 'Offsets reset' }).waitFor();
    // committed 0, log end 1, lag 1
    for (let i = 0; i < 30; i++) {
      const cells = (await offsets.locator('td').allTextContents()).slice(2);
      if (cells.join() === '0,1,1') break;
      await page.waitForTimeout(1000);
      if (i === 29) assert.fail(`offsets after the reset: ${cells}`);
    }

    await page.getByRole('button', { name: 'Delete group…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete group' }).click();
    await page.getByRole('status').filter({ hasText: 'Consumer group deleted' }).waitFor();
    await page.getByRole('heading', { name: 'No consumer group yet' }).waitFor();
    await shot('24-consumer-groups-empty');
  });

  test('adds partitions, refuses fewer, then deletes the topic after typing its name', async () => {
    await page.getByRole('link', { name: 'Topics', exact: true }).click();
    await page.getByRole('link', { name: TOPIC, exact: true }).click();
    await page.getByRole('link', { name: 'Configuration' }).click();
    const partitions = page.getByLabel('Partitions', { exact: true });
    await partitions.fill('2');
    await page.locator('.field-error', { hasText: 'Partitions can only be added (it has 3)' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Save changes' }).isDisabled(), true);
    await shot('25-topic-fewer-partitions');
    await partitions.fill('4');
    const [patched] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PATCH'),
      page.getByRole('button', { name: 'Save changes' }).click(),
    ]);
    assert.deepEqual(JSON.parse(patched.request().postData()), { partitions: 4 }, 'only what changed is sent');
    await page.getByRole('status').filter({ hasText: 'Topic updated' }).waitFor();
    await page.getByText('4 partitions ·').waitFor();

    await page.getByRole('button', { name: 'Delete topic…' }).click();
    const dialog = page.getByRole('dialog');
    const confirm = dialog.getByRole('button', { name: 'Delete topic' });
    assert.equal(await confirm.isDisabled(), true);
    await dialog.getByLabel(/Type .* to confirm/).fill(TOPIC);
    await confirm.click();
    await page.getByRole('status').filter({ hasText: 'Topic deleted' }).waitFor();
    await page.getByRole('heading', { name: 'No topic yet' }).waitFor();
  });

  test('shows the API error for a duplicate instance name', async () => {
    await page.getByRole('link', { name: 'Instances', exact: true }).click();
    await page.getByRole('heading', { name: 'Kafka instances' }).waitFor();
    await fillWizard(NAME);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/instances') && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Create instance' }).click(),
    ]);
    assert.ok(response.status() >= 400, `duplicate refused (${response.status()})`);
    const problem = await response.json();
    const alert = page.getByRole('alert').filter({ hasText: 'could not be created' });
    await alert.waitFor();
    const text = await alert.textContent();
    assert.ok(text.includes(problem.title), `alert shows the problem title "${problem.title}"`);
    if (problem.detail) assert.ok(text.includes(problem.detail), 'alert shows the problem detail');
    for (const e of problem.errors ?? []) {
      await page.locator('.field-error', { hasText: e.message }).first().waitFor();
    }
    await shot('06-wizard-duplicate-name');
  });

  test('renames the instance in settings', async () => {
    await page.goto(instanceUrl);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Name', { exact: true }).fill(RENAMED);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved' }).waitFor();
    await page.getByRole('heading', { name: RENAMED, level: 1 }).waitFor();
    await shot('07-settings-renamed');
  });

  test('edits the network allow-list and the retention of the running instance, without a restart', async () => {
    await page.getByRole('link', { name: 'Security', exact: true }).click();
    await page.getByRole('heading', { name: 'Connection' }).waitFor();
    // PLAINTEXT: no SASL users, and the console says why
    await page.getByRole('link', { name: 'Users', exact: true }).click();
    await page.getByRole('heading', { name: 'No users on a PLAINTEXT instance' }).waitFor();
    await shot('09c-security-plaintext-users');

    await page.getByRole('link', { name: 'Network rules' }).click();
    await page.getByText('No rule: every address can connect.').waitFor();
    const puts = [];
    const onRequest = (r) => r.method() === 'PUT' && r.url().endsWith('/network-rules') && puts.push(r);
    page.on('request', onRequest);
    await page.getByRole('button', { name: 'Add network' }).click();
    await page.getByRole('textbox', { name: 'CIDR block 1' }).fill('10.20.0.0/33');
    await page.getByRole('button', { name: 'Add network' }).click();
    // the loopback range keeps this machine's clients (the suite, the control plane) allowed
    await page.getByRole('textbox', { name: 'CIDR block 2' }).fill('127.0.0.0/8');
    await page.getByRole('button', { name: 'Save network rules' }).click();
    await page.locator('.cidr-row .field-error', { hasText: 'is not a CIDR block' }).waitFor();
    assert.equal(await page.getByRole('textbox', { name: 'CIDR block 1' }).getAttribute('aria-invalid'), 'true');
    await shot('09d-network-rules-invalid');
    assert.equal(puts.length, 0, 'nothing is sent while a row is wrong');
    page.off('request', onRequest);

    await page.getByRole('textbox', { name: 'CIDR block 1' }).fill('10.20.0.0/16');
    const [put] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/network-rules') && r.request().method() === 'PUT'),
      page.getByRole('button', { name: 'Save network rules' }).click(),
    ]);
    assert.equal(put.status(), 200, await put.text());
    assert.deepEqual(JSON.parse(put.request().postData()), { allowedCidrs: ['10.20.0.0/16', '127.0.0.0/8'] });
    const withRules = await put.json();
    assert.deepEqual([...withRules.network.allowedCidrs].sort(), ['10.20.0.0/16', '127.0.0.0/8']);
    await page.getByRole('status').filter({ hasText: 'Network rules saved' }).waitFor();
    await shot('09e-network-rules-saved');
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.locator('.dl dd', { hasText: '10.20.0.0/16' }).waitFor();

    // and back to every address
    await page.getByRole('link', { name: 'Security', exact: true }).click();
    await page.getByRole('link', { name: 'Network rules' }).click();
    await page.getByRole('button', { name: 'Remove CIDR block 2' }).click();
    await page.getByRole('button', { name: 'Remove CIDR block 1' }).click();
    const [cleared] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/network-rules') && r.request().method() === 'PUT'),
      page.getByRole('button', { name: 'Save network rules' }).click(),
    ]);
    assert.equal(cleared.status(), 200);
    assert.deepEqual(JSON.parse(cleared.request().postData()), { allowedCidrs: [] });
    await page.getByRole('status').filter({ hasText: 'Every address can connect.' }).waitFor();

    // retention: PATCH with retention alone, applied to the running brokers
    await page.getByRole('link', { name: 'Settings' }).click();
    const retention = page.getByRole('form', { name: 'Retention' });
    await retention.getByLabel('Default retention (hours)').fill('48');
    await retention.getByRole('radio', { name: /Reject new messages/ }).check();
    const [patched] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PATCH'),
      retention.getByRole('button', { name: 'Save retention' }).click(),
    ]);
    assert.equal(patched.status(), 200, await patched.text());
    assert.deepEqual(JSON.parse(patched.request().postData()), { retention: { defaultHours: 48, capacityPolicy: 'PRODUCE_REJECT' } });
    const updated = await patched.json();
    assert.deepEqual(updated.retention, { defaultHours: 48, capacityPolicy: 'PRODUCE_REJECT' });
    await page.getByRole('status').filter({ hasText: 'Retention saved' }).waitFor();
    await shot('09f-retention-saved');
    // no restart: the instance stays RUNNING while the brokers take the new default
    for (let i = 0; i < 5; i++) {
      assert.equal(await page.locator('.title-with-badge .badge').getAttribute('data-status'), 'RUNNING');
      await page.waitForTimeout(1000);
    }
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByText('48 h, reject writes when full').waitFor();
  });

  test('schedules a rolling restart for the maintenance window, then cancels it: the instance stays RUNNING', async () => {
    // a window to schedule into: the one set, unless none is or it is open about now
    await page.getByRole('link', { name: 'Settings' }).click();
    const windowForm = page.getByRole('form', { name: 'Maintenance window' });
    await windowForm.waitFor();
    let maintenance = {
      dayOfWeek: await windowForm.getByLabel('Day of week').inputValue(),
      startHour: Number(await windowForm.getByLabel('Start hour (UTC)').inputValue()),
      durationHours: Number(await windowForm.getByLabel('Duration (hours)').inputValue()),
    };
    const noWindow = (await windowForm.getByText(/No window is set yet/).count()) > 0;
    if (noWindow || windowOpensSoon(maintenance)) {
      // three days ahead at 02:00 UTC: hours away whatever the time now
      maintenance = { dayOfWeek: DAYS[(new Date().getUTCDay() + 3) % 7], startHour: 2, durationHours: 4 };
      await windowForm.getByLabel('Day of week').selectOption(maintenance.dayOfWeek);
      await windowForm.getByLabel('Start hour (UTC)').selectOption(String(maintenance.startHour));
      await windowForm.getByLabel('Duration (hours)').fill(String(maintenance.durationHours));
      const [saved] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'PATCH'),
        windowForm.getByRole('button', { name: 'Save window' }).click(),
      ]);
      assert.equal(saved.status(), 200, await saved.text());
      assert.deepEqual(JSON.parse(saved.request().postData()), { maintenanceWindow: maintenance });
      await page.getByRole('status').filter({ hasText: 'Maintenance window saved' }).waitFor();
    }
    await windowForm.getByText(`Now ${describeWindow(maintenance)}.`).waitFor();

    // the Restart dialog offers the window; the arrow key moves the choice from Now to it
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('button', { name: 'Restart brokers…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Restart brokers?' });
    await dialog.waitFor();
    const inWindow = dialog.getByRole('radio', { name: `In the maintenance window (${describeWindow(maintenance)})` });
    assert.equal(await inWindow.isDisabled(), false);
    await dialog.getByRole('radio', { name: 'Now', exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    assert.equal(await inWindow.isChecked(), true);
    await shot('09g-restart-in-window');
    const [posted] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/restarts') && r.request().method() === 'POST'),
      dialog.getByRole('button', { name: 'Schedule restart' }).click(),
    ]);
    assert.equal(posted.status(), 202, await posted.text());
    assert.deepEqual(JSON.parse(posted.request().postData()), { applyAt: 'MAINTENANCE_WINDOW' });
    const restart = await posted.json();
    assert.equal(restart.status, 'PENDING');
    assert.ok(restart.scheduledAt, 'the restart is scheduled');
    const begins = new Date(restart.scheduledAt);
    assert.ok(begins.getTime() > Date.now(), `it begins later (${restart.scheduledAt})`);
    assert.equal(DAYS[begins.getUTCDay()], maintenance.dayOfWeek, 'on the window\'s day');
    assert.equal(begins.getUTCHours(), maintenance.startHour, 'at the window\'s start');

    // the dialog says when, no progress bar, and closes
    const scheduledDialog = page.getByRole('dialog', { name: 'Restart brokers', exact: true });
    const notice = scheduledDialog.getByRole('status');
    await notice.getByText(/^Scheduled for /).waitFor();
    assert.ok((await notice.textContent()).includes(utcBegin(restart.scheduledAt)), await notice.textContent());
    assert.equal(await scheduledDialog.getByRole('progressbar').count(), 0);
    await shot('09h-restart-scheduled');
    await scheduledDialog.getByRole('button', { name: 'Close' }).click();
    await scheduledDialog.waitFor({ state: 'detached' });

    // the instance page shows it, with its begin time, and the instance runs on
    const panel = page.getByRole('region', { name: 'Scheduled: Restart brokers' });
    await panel.waitFor();
    assert.ok((await panel.textContent()).includes(utcBegin(restart.scheduledAt)), await panel.textContent());
    assert.equal(await page.locator('.title-with-badge .badge').getAttribute('data-status'), 'RUNNING');
    await page.getByRole('link', { name: 'Operations', exact: true }).click();
    const row = page.locator('tbody tr', { hasText: 'Restart brokers' }).first();
    await row.getByText(/^Scheduled for /).waitFor();
    assert.equal(await row.locator('.badge').getAttribute('data-status'), 'SCHEDULED');
    await shot('09i-operations-scheduled');

    // cancel, confirmed: the operation is CANCELLED, nothing restarted
    await panel.getByRole('button', { name: 'Cancel…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Cancel the scheduled operation?' });
    await confirm.getByText(/gets back the flavor, broker settings and Kafka version/).waitFor();
    const [cancelled] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/operations/${restart.id}/cancel`) && r.request().method() === 'POST'),
      confirm.getByRole('button', { name: 'Cancel operation' }).click(),
    ]);
    assert.equal(cancelled.status(), 200, await cancelled.text());
    assert.equal((await cancelled.json()).status, 'CANCELLED');
    await page.getByRole('status').filter({ hasText: 'Restart brokers cancelled' }).waitFor();
    await panel.waitFor({ state: 'detached' });
    await row.locator('.badge[data-status="CANCELLED"]').waitFor();
    assert.match(await row.textContent(), /Cancelled/);
    await shot('09j-operations-cancelled');
    for (let i = 0; i < 5; i++) {
      assert.equal(await page.locator('.title-with-badge .badge').getAttribute('data-status'), 'RUNNING');
      await page.waitForTimeout(1000);
    }
    const projectId = page.url().match(/\/projects\/([^/]+)\//)[1];
    assert.equal((await apiCall('GET', `/projects/${projectId}/operations/${restart.id}`)).status, 'CANCELLED');
  });

  test('lists the creation in the operations history and the audit events', async () => {
    await page.getByRole('link', { name: 'Operations' }).click();
    const row = page.locator('tbody tr', { hasText: 'Create instance' });
    await row.waitFor();
    assert.match(await row.textContent(), /Succeeded/);
    assert.match(await row.textContent(), /100%/);
    await shot('08-operations');

    await page.getByRole('link', { name: 'Audit events' }).click();
    await page.locator('tbody tr').first().waitFor();
    await shot('09-audit');

    // no disk was filled: the events tab says so, and the overview shows each broker's disk use
    await page.getByRole('link', { name: 'Events', exact: true }).click();
    await page.getByText('Nothing has happened on its own yet').waitFor();
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('meter').first().waitFor();
    await shot('09b-events-and-disk');
  });

  test('deletes the instance after typing its name', { timeout: 5 * 60_000 }, async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Delete instance…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const confirm = dialog.getByRole('button', { name: 'Delete instance' });
    assert.equal(await confirm.isDisabled(), true, 'disabled until the name is typed');
    await dialog.getByLabel(/Type .* to confirm/).fill(NAME);
    assert.equal(await confirm.isDisabled(), true, 'the old name does not count');
    await dialog.getByLabel(/Type .* to confirm/).fill(RENAMED);
    await shot('10-delete-dialog');
    await confirm.click();
    await page.getByText(/Deleting/).first().waitFor();
    await shot('11-deleting');
    // gone: the console returns to the list once the instance answers 404
    await page.getByRole('heading', { name: 'Kafka instances' }).waitFor({ timeout: 4 * 60_000 });
    await page.getByRole('status').filter({ hasText: 'Instance deleted' }).waitFor();
    await page.getByText('No Kafka instance yet').waitFor();
    await shot('12-after-delete');
  });

  test('orders a SASL_PLAINTEXT instance with SCRAM-SHA-512 and auto-created topics', { timeout: RUNNING_TIMEOUT + 120_000 }, async () => {
    await fillWizard(SASL_NAME, { sasl: true });
    const review = await page.locator('.review').textContent();
    assert.match(review, /SASL_PLAINTEXT/);
    assert.match(review, /SCRAM-SHA-512/);
    assert.match(review, /Auto-create topics\s*Allowed/);
    const [ordered] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/instances') && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Create instance' }).click(),
    ]);
    assert.equal(ordered.status(), 202, await ordered.text());
    const order = JSON.parse(ordered.request().postData());
    assert.deepEqual(order.security, { protocol: 'SASL_PLAINTEXT', saslMechanisms: ['SCRAM-SHA-512'], adminUsername: 'admin', adminPassword: 'Admin-secret-42' });
    assert.equal(order.autoCreateTopics, true);
    await page.getByRole('heading', { name: SASL_NAME }).waitFor();
    const status = await waitUntilRunning();
    await shot('30-sasl-instance-running');
    assert.equal(status, 'RUNNING', `creation failed: ${await page.getByRole('alert').allTextContents()}`);
    const [, projectId, instanceId] = /#\/projects\/([^/]+)\/instances\/([^/?]+)/.exec(page.url());

    await page.getByText('Auto-create topics').locator('xpath=following-sibling::dd[1]').filter({ hasText: 'Allowed' }).waitFor();
    await page.getByRole('link', { name: 'Security', exact: true }).click();
    await page.getByRole('heading', { name: 'Connection' }).waitFor();
    const properties = await page.locator('pre.code').textContent();
    assert.match(properties, /security\.protocol=SASL_PLAINTEXT/);
    assert.match(properties, /sasl\.mechanism=SCRAM-SHA-512/);
    assert.match(properties, /<username>/);
    assert.match(properties, /<password>/);
    await shot('31-sasl-connection');
    sasl = { url: page.url(), projectId, instanceId, bootstrap: await page.getByRole('textbox', { name: 'Bootstrap servers' }).inputValue() };
  });

  test('manages SASL users: a generated password is shown once, a reset sets the one typed', async () => {
    await page.getByRole('link', { name: 'Users', exact: true }).click();
    await page.getByRole('button', { name: 'Delete admin' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Delete admin' }).isDisabled(), true, 'the admin user cannot be deleted');

    await page.getByRole('button', { name: 'Create user' }).first().click();
    let dialog = page.getByRole('dialog', { name: 'Create a user' });
    await dialog.getByLabel('User name').fill('1xy');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await dialog.locator('.field-error', { hasText: 'starting with a letter' }).waitFor();
    await dialog.getByLabel('User name').fill('alice');
    const [created] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/users') && r.request().method() === 'POST'),
      dialog.getByRole('button', { name: 'Create user' }).click(),
    ]);
    assert.equal(created.status(), 201, await created.text());
    assert.deepEqual(JSON.parse(created.request().postData()), { name: 'alice' }, 'no password typed: the server generates one');
    const generated = (await created.json()).password;
    assert.ok(generated.length >= 8, 'a generated password');
    const shown = page.getByRole('dialog', { name: 'User alice created' });
    assert.equal(await shown.getByLabel('Generated password').inputValue(), generated);
    await shown.getByText('it will not be shown again').waitFor();
    await shown.getByRole('button', { name: 'Copy the password' }).waitFor();
    await shot('32-user-created-password-once');
    await shown.getByRole('button', { name: 'I have saved the password' }).click();
    await shown.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: 'alice', exact: true }).waitFor();
    assert.ok(!(await page.content()).includes(generated), 'the password is gone once the dialog is closed');
    const listed = await apiCall('GET', `/projects/${sasl.projectId}/instances/${sasl.instanceId}/users`);
    assert.ok(listed.every((u) => !('password' in u)), 'the list never carries passwords');

    // the same name again: the API's 409, shown in the dialog
    await page.getByRole('button', { name: 'Create user' }).first().click();
    dialog = page.getByRole('dialog', { name: 'Create a user' });
    await dialog.getByLabel('User name').fill('alice');
    const [duplicate] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/users') && r.request().method() === 'POST'),
      dialog.getByRole('button', { name: 'Create user' }).click(),
    ]);
    assert.equal(duplicate.status(), 409);
    await dialog.getByRole('alert').filter({ hasText: 'The user could not be created' }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Reset the password of alice' }).click();
    dialog = page.getByRole('dialog', { name: 'Reset the password of alice?' });
    await dialog.getByLabel('New password (optional)').fill(ALICE_PASSWORD);
    const [reset] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/password-resets')),
      dialog.getByRole('button', { name: 'Reset password' }).click(),
    ]);
    assert.equal(reset.status(), 200, await reset.text());
    assert.deepEqual(JSON.parse(reset.request().postData()), { password: ALICE_PASSWORD });
    const resetShown = page.getByRole('dialog', { name: 'New password for alice' });
    assert.equal(await resetShown.getByLabel('Password', { exact: true }).inputValue(), ALICE_PASSWORD);
    aliceProperties = await resetShown.locator('pre.code').textContent();
    assert.match(aliceProperties, new RegExp(`username="alice" password="${ALICE_PASSWORD}"`));
    await resetShown.getByRole('button', { name: 'I have saved the password' }).click();
    await shot('33-users');
  });

  test('grants alice SUBSCRIBE on a topic, adds, filters and deletes ACLs', async () => {
    await apiCall('POST', `/projects/${sasl.projectId}/instances/${sasl.instanceId}/topics`, { name: SASL_TOPIC, partitions: 1, replicationFactor: 3 });
    await apiCall('POST', `/projects/${sasl.projectId}/instances/${sasl.instanceId}/topics/${SASL_TOPIC}/messages`, { key: 'p-1', value: 'paid' });

    await page.getByRole('link', { name: 'ACLs', exact: true }).click();
    await page.getByRole('button', { name: 'Grant topic access…' }).first().click();
    let dialog = page.getByRole('dialog', { name: 'Grant topic access' });
    await dialog.getByLabel('User', { exact: true }).selectOption('alice');
    await dialog.getByLabel('Topic', { exact: true }).fill(SASL_TOPIC);
    await dialog.getByRole('radio', { name: /^Subscribe/ }).check();
    await dialog.getByLabel('Consumer group (optional)').fill(SASL_GROUP);
    await shot('34-grant-dialog');
    const [granted] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/topic-grants')),
      dialog.getByRole('button', { name: 'Grant access' }).click(),
    ]);
    assert.equal(granted.status(), 201, await granted.text());
    assert.deepEqual(JSON.parse(granted.request().postData()), { username: 'alice', topic: SASL_TOPIC, prefixed: false, access: 'SUBSCRIBE', group: SASL_GROUP });
    const acls = await granted.json();
    const has = (type, name, op) => acls.some((a) => a.principal === 'User:alice' && a.resourceType === type && a.resourceName === name && a.operation === op && a.permission === 'ALLOW');
    assert.ok(has('TOPIC', SASL_TOPIC, 'READ') && has('TOPIC', SASL_TOPIC, 'DESCRIBE') && has('GROUP', SASL_GROUP, 'READ'), JSON.stringify(acls));
    await page.getByRole('status').filter({ hasText: 'Access granted' }).waitFor();
    const table = page.getByRole('table', { name: 'ACLs' });
    await table.getByText(SASL_GROUP).waitFor();

    await page.getByRole('button', { name: 'Add ACL…' }).first().click();
    dialog = page.getByRole('dialog', { name: 'Add an ACL' });
    await dialog.getByLabel('Principal').fill('alice');
    await dialog.getByLabel('Match').selectOption('PREFIXED');
    await dialog.getByLabel('Name prefix').fill('audit-');
    await dialog.getByLabel('Operation').selectOption('WRITE');
    await dialog.getByLabel('Permission').selectOption('DENY');
    const [added] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/acls') && r.request().method() === 'POST'),
      dialog.getByRole('button', { name: 'Add ACL' }).click(),
    ]);
    assert.equal(added.status(), 201, await added.text());
    assert.deepEqual(JSON.parse(added.request().postData()), {
      resourceType: 'TOPIC', patternType: 'PREFIXED', resourceName: 'audit-', principal: 'User:alice', host: '*', operation: 'WRITE', permission: 'DENY',
    });
    const deny = await added.json();
    await table.getByText('audit-').waitFor();
    await shot('35-acls');

    // filters: only the group ACL
    const [filtered] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/acls?') && r.url().includes('resourceType=GROUP')),
      page.getByLabel('Resource type').selectOption('GROUP'),
    ]);
    assert.equal(filtered.status(), 200);
    assert.ok((await filtered.json()).every((a) => a.resourceType === 'GROUP'));
    await table.getByText('audit-').waitFor({ state: 'detached' });
    await table.getByText(SASL_GROUP).waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await table.getByText('audit-').waitFor();

    await page.getByRole('button', { name: /^Delete ACL: DENY User:alice WRITE on topic audit- \(prefix\)/ }).click();
    const [deleted] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/acls/') && r.request().method() === 'DELETE'),
      page.getByRole('dialog').getByRole('button', { name: 'Delete ACL' }).click(),
    ]);
    assert.equal(deleted.status(), 204);
    assert.ok(deleted.url().endsWith(`/acls/${encodeURIComponent(deny.id)}`), `the id is URL-encoded: ${deleted.url()}`);
    await page.getByRole('status').filter({ hasText: 'ACL deleted' }).waitFor();
    await table.getByText('audit-').waitFor({ state: 'detached' });
  });

  test('a real client authenticates as alice with the properties shown, and the ACLs decide what it may read', { timeout: 3 * 60_000 }, async (t) => {
    const libs = kafkaLibs();
    if (!libs) return t.skip('no Kafka client libraries (broker-agent/target/dist/kafka/*/libs): build broker-agent first');
    const dir = await mkdtemp(join(tmpdir(), 'tributary-e2e-client-'));
    const propertiesFile = join(dir, 'alice.properties');
    await writeFile(propertiesFile, aliceProperties);
    const run = (group) =>
      new Promise((ok) => {
        const child = spawn('java', ['-cp', `${libs}/*`, resolve(here, 'GroupConsumer.java'), sasl.bootstrap, SASL_TOPIC, group, '1', propertiesFile], { stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout.on('data', (d) => (output += d));
        child.stderr.on('data', (d) => (output += d));
        const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
        const poll = setInterval(() => {
          if (output.includes('COMMITTED')) child.kill('SIGTERM');
        }, 250);
        child.once('exit', (code) => {
          clearTimeout(timer);
          clearInterval(poll);
          ok({ code, output });
        });
      });
    try {
      const allowed = await run(SASL_GROUP);
      assert.match(allowed.output, /COMMITTED 1/, `alice reads with her group: ${allowed.output}`);
      const refused = await run(`e2e-not-granted-${suffix}`);
      assert.doesNotMatch(refused.output, /COMMITTED/);
      assert.match(refused.output, /GroupAuthorizationException|Not authorized/i, `another group is refused: ${refused.output}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('deletes a user after confirming; the admin user stays', async () => {
    await page.goto(sasl.url);
    await page.getByRole('link', { name: 'Users', exact: true }).click();
    await page.getByRole('button', { name: 'Delete alice' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete user alice?' });
    const [deleted] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/users/alice') && r.request().method() === 'DELETE'),
      dialog.getByRole('button', { name: 'Delete user' }).click(),
    ]);
    assert.equal(deleted.status(), 204);
    await page.getByRole('status').filter({ hasText: 'User deleted' }).waitFor();
    await page.getByRole('cell', { name: 'alice', exact: true }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Delete admin' }).waitFor();
    await shot('36-user-deleted');
    // done with the SASL instance: its brokers go now, not at the end of the run
    await apiCall('DELETE', `/projects/${sasl.projectId}/instances/${sasl.instanceId}`);
  });
});

// End-to-end: the console against the real control plane and real brokers.
// Run with `npm run e2e` (or through Maven: the web-console-e2e module's integration-test phase).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
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

let server;
let browser;
let page;
let instanceUrl;
let bootstrap;
let produced; // { partition, offset } of the test message
let consumer; // the GroupConsumer.java process, while it runs

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

/** Walks the wizard with a valid 3-broker kafka.2u4g order over az1..az3, up to the review step. */
async function fillWizard(name) {
  await page.getByRole('link', { name: /create (your first )?instance/i }).first().click();
  await page.getByRole('heading', { name: 'Create a Kafka instance' }).waitFor();
  await page.getByLabel('Instance name').fill(name);
  await page.getByRole('radio', { name: 'kafka.2u4g', exact: true }).check();
  await page.getByLabel('Brokers', { exact: true }).fill('3');
  for (const zone of ['az1', 'az2', 'az3']) await page.getByRole('checkbox', { name: zone, exact: true }).check();
  await page.getByRole('button', { name: /^Next/ }).click();
  await page.getByRole('heading', { name: /Security & network/ }).waitFor();
  // SASL listeners are not in this release of the control plane (it fails such orders): PLAINTEXT
  await page.getByRole('radio', { name: /^PLAINTEXT/ }).check();
  await page.getByRole('button', { name: /^Next/ }).click();
  await page.getByRole('heading', { name: /Retention, billing & tags/ }).waitFor();
  await page.getByRole('button', { name: /^Next/ }).click();
  await page.getByRole('heading', { name: /Review/ }).waitFor();
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
});

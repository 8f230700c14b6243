// Component-test helpers: the app's providers around a component, and a fake API that answers
// fetch calls by method and path and records them.
import type { ReactElement } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { ToastProvider } from '../components/Toasts';
import type { Instance } from '../api/generated';

export function renderWithProviders(ui: ReactElement, { route = '/' }: { route?: string } = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <ToastProvider>
        <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
      </ToastProvider>
    </QueryClientProvider>,
  );
}

export interface RecordedCall {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
  signal?: AbortSignal | null;
}

type Answer = Response | Promise<Response> | ((call: RecordedCall) => Response | Promise<Response>);

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}

export function problem(status: number, fields: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return json({ type: 'about:blank', title: `HTTP ${status}`, status, ...fields }, status, headers);
}

/**
 * Stubs `fetch`: each call is answered by the first route whose method and path pattern match
 * (the path without `/api/v1/projects/p/instances/i`). Unmatched calls fail the test loudly.
 */
export function fakeApi(routes: Array<[method: string, path: RegExp, answer: Answer]>) {
  const calls: RecordedCall[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://console.test');
    const method = (init.method ?? 'GET').toUpperCase();
    let body: unknown = init.body;
    if (typeof body === 'string') {
      try {
        body = JSON.parse(body);
      } catch {
        // not JSON
      }
    }
    const call: RecordedCall = { method, url, headers: new Headers(init.headers), body, signal: init.signal };
    calls.push(call);
    const path = url.pathname.replace(/^\/api\/v1\/projects\/[^/]+\/instances\/[^/]+/, '');
    const route = routes.find(([m, p]) => m === method && p.test(path));
    if (!route) throw new Error(`unexpected ${method} ${url.pathname}${url.search}`);
    const answer = route[2];
    const response = typeof answer === 'function' ? await answer(call) : await answer;
    return response.clone();
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock, callsTo: (method: string, path: RegExp) => calls.filter((c) => c.method === method && path.test(c.url.pathname)) };
}

export function instanceFixture(overrides: Partial<Instance> = {}): Instance {
  return {
    id: 'i-1',
    projectId: 'p-1',
    name: 'orders',
    status: 'RUNNING',
    flavor: 'kafka.2u4g',
    brokerCount: 3,
    availabilityZones: ['az1'],
    storageGb: 100,
    kafkaVersion: '4.1.1',
    security: { protocol: 'SASL_PLAINTEXT', saslMechanisms: ['SCRAM-SHA-512'], adminUsername: 'admin' },
    network: { allowedCidrs: [] },
    retention: { defaultHours: 72, capacityPolicy: 'TIME_BASE' },
    billing: { mode: 'PAY_PER_USE' },
    tags: {},
    brokerConfig: {},
    autoCreateTopics: false,
    deletionProtection: false,
    bootstrapServers: 'b1:9092,b2:9092',
    connection: {
      bootstrapServers: 'b1:9092,b2:9092',
      securityProtocol: 'SASL_PLAINTEXT',
      saslMechanisms: ['SCRAM-SHA-512'],
      tlsEnabled: false,
      clientProperties:
        'bootstrap.servers=b1:9092,b2:9092\nsecurity.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-512\nsasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="<username>" password="<password>";\n',
    },
    brokers: [],
    createdAt: new Date('2025-03-01T10:00:00Z'),
    updatedAt: new Date('2025-03-01T10:00:00Z'),
    ...overrides,
  };
}

/** An Instance as the API sends it (JSON: dates as strings). */
export function instanceJson(instance: Instance): unknown {
  return JSON.parse(JSON.stringify(instance));
}

/** An Operation as the API sends it: a rolling restart PENDING until the maintenance window of Tuesday 02:00 UTC, unless overridden. */
export function operationJson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'op-5',
    instanceId: 'i-1',
    type: 'RESTART_BROKERS',
    status: 'PENDING',
    percent: 0,
    currentStep: null,
    detail: null,
    error: null,
    scheduledAt: '2025-03-04T02:00:00Z',
    createdAt: '2025-03-02T10:00:00Z',
    updatedAt: '2025-03-02T10:00:00Z',
    finishedAt: null,
    ...overrides,
  };
}

/** A maintenance window: Tuesday 02:00–06:00 UTC (the start of `operationJson`'s schedule). */
export const TUESDAY_WINDOW = { dayOfWeek: 'TUESDAY', startHour: 2, durationHours: 4 } as const;

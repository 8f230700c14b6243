import {
  AclsApi,
  AuditApi,
  CatalogApi,
  CertificatesApi,
  Configuration,
  ConsumerGroupsApi,
  IdentityApi,
  InstancesApi,
  KafkaUsersApi,
  MessagesApi,
  NetworkRulesApi,
  OperationsApi,
  TopicsApi,
  type Middleware,
} from './generated';
import { ApiError, isAborted } from './problem';
import { getToken } from '../auth/session';

/** Turns every non-2xx answer into an ApiError carrying the problem document. */
const problemMiddleware: Middleware = {
  async post({ response }) {
    if (!response.ok) throw await ApiError.fromResponse(response);
    return response;
  },
  async onError({ error }) {
    // a request cancelled on purpose (Stop, unmount) is not a network failure
    if (isAborted(error)) throw error;
    throw new ApiError(0, {
      title: 'The server could not be reached',
      detail: error instanceof Error ? error.message : String(error),
    });
  },
};

export function configuration(token: () => string | null = getToken): Configuration {
  return new Configuration({
    basePath: '', // same origin: the console is served by the control plane
    accessToken: () => token() ?? '',
    middleware: [problemMiddleware],
  });
}

const config = configuration();

export const api = {
  identity: new IdentityApi(config),
  catalog: new CatalogApi(config),
  instances: new InstancesApi(config),
  operations: new OperationsApi(config),
  audit: new AuditApi(config),
  topics: new TopicsApi(config),
  messages: new MessagesApi(config),
  consumerGroups: new ConsumerGroupsApi(config),
  kafkaUsers: new KafkaUsersApi(config),
  acls: new AclsApi(config),
  networkRules: new NetworkRulesApi(config),
  certificates: new CertificatesApi(config),
};

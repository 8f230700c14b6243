import { useQuery } from '@tanstack/react-query';
import { api } from '../client';

export const catalogKeys = {
  all: ['catalog'] as const,
  flavors: () => [...catalogKeys.all, 'flavors'] as const,
  zones: () => [...catalogKeys.all, 'availability-zones'] as const,
  kafkaVersions: () => [...catalogKeys.all, 'kafka-versions'] as const,
  brokerSettings: () => [...catalogKeys.all, 'broker-settings'] as const,
};

const CATALOG_STALE = 5 * 60_000;

/** GET /api/v1/flavors */
export function useFlavors() {
  return useQuery({
    queryKey: catalogKeys.flavors(),
    queryFn: ({ signal }) => api.catalog.listFlavors({ signal }),
    staleTime: CATALOG_STALE,
  });
}

/** GET /api/v1/availability-zones */
export function useAvailabilityZones() {
  return useQuery({
    queryKey: catalogKeys.zones(),
    queryFn: ({ signal }) => api.catalog.listAvailabilityZones({ signal }),
    staleTime: CATALOG_STALE,
  });
}

/** GET /api/v1/kafka-versions */
export function useKafkaVersions() {
  return useQuery({
    queryKey: catalogKeys.kafkaVersions(),
    queryFn: ({ signal }) => api.catalog.listKafkaVersions({ signal }),
    staleTime: CATALOG_STALE,
  });
}

/** GET /api/v1/broker-settings: what a tenant may tune, and which settings change without a restart */
export function useBrokerSettings() {
  return useQuery({
    queryKey: catalogKeys.brokerSettings(),
    queryFn: ({ signal }) => api.catalog.listBrokerSettings({ signal }),
    staleTime: CATALOG_STALE,
  });
}

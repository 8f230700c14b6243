import type { Flavor } from '../api/generated';

export const HOURS_PER_MONTH = 730;

export interface PriceEstimate {
  hourly: number;
  monthly: number;
  currency: string;
}

/** brokerCount × (hourlyPricePerBroker + storageGb × hourlyPricePerGb); a month is 730 h. */
export function estimatePrice(flavor: Flavor, brokerCount: number, storageGb: number): PriceEstimate {
  const perBroker = flavor.hourlyPricePerBroker + storageGb * (flavor.hourlyPricePerGb ?? 0);
  const hourly = brokerCount * perBroker;
  return { hourly, monthly: hourly * HOURS_PER_MONTH, currency: flavor.currency };
}

export function formatMoney(amount: number, currency: string, maxDigits = 2): string {
  try {
    return new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      minimumFractionDigits: 2,
      maximumFractionDigits: Math.max(2, maxDigits),
    }).format(amount);
  } catch {
    return `${amount.toFixed(maxDigits)} ${currency}`;
  }
}

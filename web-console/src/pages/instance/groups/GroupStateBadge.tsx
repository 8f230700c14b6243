// Kafka's group states (Stable, Empty, PreparingRebalance, ...) in the console's badge tones.
const TONE: Record<string, string> = {
  STABLE: 'ok',
  EMPTY: 'muted',
  PREPARINGREBALANCE: 'busy',
  COMPLETINGREBALANCE: 'busy',
  ASSIGNING: 'busy',
  RECONCILING: 'busy',
  DEAD: 'bad',
  UNKNOWN: 'warn',
};

/** `PreparingRebalance` / `PREPARING_REBALANCE` → `Preparing rebalance`. */
export function groupStateLabel(state: string): string {
  const words = state.includes('_') ? state.toLowerCase().replace(/_/g, ' ') : state.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function GroupStateBadge({ state }: { state: string }) {
  const tone = TONE[state.replace(/_/g, '').toUpperCase()] ?? 'muted';
  return (
    <span className={`badge badge-${tone}`} data-status={state}>
      <span className="badge-dot" aria-hidden="true" />
      {groupStateLabel(state)}
    </span>
  );
}

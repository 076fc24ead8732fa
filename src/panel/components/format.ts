// Number formatting shared by the list and the detail.

export function formatDuration(ms: number | null): string {
  if (ms === null) return 'pending';
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

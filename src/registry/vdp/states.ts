import type { VdpStatus } from '../db/schema.js';

/** The life of a report, in order. A report only moves forward; skipping a step is allowed (a quick fix). */
export const VDP_STATES: readonly VdpStatus[] = ['received', 'acknowledged', 'triaged', 'fixed', 'published'];

export function canMove(from: VdpStatus, to: VdpStatus): boolean {
  return VDP_STATES.indexOf(to) > VDP_STATES.indexOf(from);
}

/** Still waiting on the manufacturer: status updates are owed until the fix ships. */
export function isOpen(status: VdpStatus): boolean {
  return status === 'received' || status === 'acknowledged' || status === 'triaged';
}

export interface Deadlines {
  readonly acknowledgeBy: string;
  readonly nextUpdateBy: string | null;
  /** Not acknowledged by the promised date. */
  readonly acknowledgementOverdue: boolean;
  /** Open, and the reporter has not heard from the manufacturer for longer than promised. */
  readonly updateOverdue: boolean;
}

/** The organisation's promises (EN 303 645 5.2-1: acknowledgement and status updates) checked against the clock. */
export function deadlines(r: { status: VdpStatus; ack_due_at: string; update_due_at: string; acknowledged_at: string | null }, now: Date): Deadlines {
  const t = now.getTime();
  const open = isOpen(r.status);
  return {
    acknowledgeBy: r.ack_due_at,
    nextUpdateBy: open ? r.update_due_at : null,
    acknowledgementOverdue: r.status === 'received' && Date.parse(r.ack_due_at) < t,
    updateOverdue: open && r.status !== 'received' && Date.parse(r.update_due_at) < t,
  };
}

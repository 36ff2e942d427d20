import { createHmac } from 'node:crypto';
import type { RegistryContext } from './context.js';
import { audit, type Actor } from './audit.js';
import { RegistryError } from './errors.js';
import { iso, newId, newSecret } from './ids.js';

export const WEBHOOK_EVENTS = ['report.received', 'report.status_changed', 'report.updated', 'report.reporter_message'] as const;

export interface WebhookOptions {
  /** Allow http:// targets (tests on loopback); production webhooks are https only. */
  readonly allowHttp?: boolean;
}

export async function createWebhook(ctx: RegistryContext, actor: Actor, orgId: string, input: { url: string; events: readonly string[] }, options: WebhookOptions = {}): Promise<{ id: string; secret: string }> {
  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    throw new RegistryError('ERR_VALIDATION', `url ${input.url.slice(0, 200)}: not a URL`);
  }
  if (url.protocol !== 'https:' && !(options.allowHttp && url.protocol === 'http:')) throw new RegistryError('ERR_VALIDATION', 'webhook URLs must use https');
  if (url.username || url.password) throw new RegistryError('ERR_VALIDATION', 'put no credentials in a webhook URL: verify the signature instead');
  const id = newId('whk');
  const secret = newSecret();
  const now = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('webhooks').values({ id, org_id: orgId, url: url.toString(), secret, events: JSON.stringify([...input.events].sort()), created_at: iso(now), active: 1 }).execute();
    await audit(trx, actor, now, { action: 'webhook.create', orgId, target: id, detail: { url: url.origin, events: input.events } });
  });
  return { id, secret };
}

export async function listWebhooks(ctx: RegistryContext, orgId: string) {
  const rows = await ctx.db.selectFrom('webhooks').select(['id', 'url', 'events', 'created_at', 'active']).where('org_id', '=', orgId).orderBy('created_at').execute();
  return rows.map((r) => ({ id: r.id, url: r.url, events: JSON.parse(r.events) as string[], createdAt: r.created_at, active: Number(r.active) === 1 }));
}

export async function deleteWebhook(ctx: RegistryContext, actor: Actor, orgId: string, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const res = await trx.deleteFrom('webhooks').where('id', '=', id).where('org_id', '=', orgId).executeTakeFirst();
    if (Number(res.numDeletedRows) === 0) throw new RegistryError('ERR_NOT_FOUND', 'webhook not found');
    await audit(trx, actor, ctx.clock(), { action: 'webhook.delete', orgId, target: id });
  });
}

/** `sha256=<hex>` over `<timestamp>.<body>`: binding the time stops a captured delivery being replayed later. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

const DELAYS_MS = [0, 1000, 5000];

/** Delivers disclosure events to the organisation's webhooks, signed, with bounded retries; `drain()` waits for them. */
export class WebhookDispatcher {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly ctx: RegistryContext, private readonly timeoutMs = 5000) {
    ctx.events.on('vdp.event', (e) => {
      const p = this.dispatch(e.orgId, e.event, { reportId: e.reportId, ...e.payload }).catch(() => undefined);
      this.pending.add(p);
      void p.finally(() => this.pending.delete(p));
    });
  }

  private async dispatch(orgId: string, event: string, data: Record<string, unknown>): Promise<void> {
    const hooks = await this.ctx.db.selectFrom('webhooks').selectAll().where('org_id', '=', orgId).where('active', '=', 1).execute();
    const org = await this.ctx.db.selectFrom('orgs').select('slug').where('id', '=', orgId).executeTakeFirst();
    for (const hook of hooks) {
      const events = JSON.parse(hook.events) as string[];
      if (!events.includes(event) && !events.includes('*')) continue;
      const body = JSON.stringify({ event, organisation: org?.slug ?? null, at: iso(this.ctx.clock()), data });
      await this.deliver(hook, event, body, newId('dlv'));
    }
  }

  private async deliver(hook: { id: string; url: string; secret: string }, event: string, body: string, deliveryId: string): Promise<void> {
    for (let attempt = 1; attempt <= DELAYS_MS.length; attempt++) {
      const delay = DELAYS_MS[attempt - 1]!;
      if (delay) await new Promise((r) => setTimeout(r, delay));
      const timestamp = String(Math.floor(Date.now() / 1000));
      let status: number | null = null;
      let error: string | null = null;
      try {
        const res = await fetch(hook.url, {
          method: 'POST', body, redirect: 'manual', signal: AbortSignal.timeout(this.timeoutMs),
          headers: {
            'content-type': 'application/json', 'user-agent': `iotcop-registry/${this.ctx.version}`,
            'x-iotcop-event': event, 'x-iotcop-delivery': deliveryId, 'x-iotcop-timestamp': timestamp,
            'x-iotcop-signature': signWebhook(hook.secret, timestamp, body),
          },
        });
        status = res.status;
        await res.body?.cancel();
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
      await this.ctx.db.insertInto('webhook_deliveries').values({ id: newId('wdl'), webhook_id: hook.id, event, at: iso(this.ctx.clock()), attempt, status_code: status, error }).execute();
      if (status !== null && status >= 200 && status < 300) return;
    }
  }

  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}

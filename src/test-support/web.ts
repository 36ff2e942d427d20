import type { CheckContext, Evidence, WebPage, WebPurpose } from '../checks/types.js';
import type { Manifest } from '../manifest/index.js';
import type { WebError } from '../web/index.js';
import { manifestEvidence } from './manifest.js';

export interface PageSpec {
  readonly purpose: WebPurpose;
  readonly url: string;
  readonly body?: string;
  readonly status?: number;
  readonly contentType?: string;
  readonly error?: WebError;
  readonly source?: 'network' | 'snapshot';
}

/** Web evidence (with a manifest) for check tests, without any network. */
export function webEvidence(pages: readonly PageSpec[], manifest: Partial<Manifest> = {}): Evidence {
  const web: WebPage[] = pages.map((p) => ({
    purpose: p.purpose,
    url: p.url,
    origin: { kind: 'manifest', path: ['test'] },
    response: {
      url: p.url, finalUrl: p.url, redirects: [], source: p.source ?? 'network', tls: p.source === 'snapshot' ? 'not-checked' : 'verified',
      ...(p.error ? { error: p.error } : { status: p.status ?? 200, contentType: p.contentType ?? (p.purpose.startsWith('security-txt') ? 'text/plain; charset=utf-8' : 'text/html; charset=utf-8'), body: Buffer.from(p.body ?? '') }),
    },
  }));
  return { ...manifestEvidence(manifest), web: { source: pages[0]?.source ?? 'network', pages: web } };
}

export const checkContext = (evidence: Evidence, now = new Date('2026-11-25T12:00:00Z')): CheckContext =>
  ({ evidence, now, signal: new AbortController().signal, progress() {} });

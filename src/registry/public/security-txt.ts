import type { RegistryContext } from '../context.js';
import { addDays } from '../ids.js';
import type { OrgView } from '../orgs.js';

// security.txt (RFC 9116): Contact and Expires are required; Expires should be less than a year ahead. It is
// computed at the start of the current UTC day plus 180 days, so the file is stable for a whole day.

function expires(ctx: RegistryContext): string {
  const today = new Date(`${ctx.clock().toISOString().slice(0, 10)}T00:00:00.000Z`);
  return addDays(today, 180).toISOString().replace('.000Z', 'Z');
}

export function orgSecurityTxt(ctx: RegistryContext, org: OrgView): string {
  const lines = [
    `# Security contact of ${org.name.replace(/[\r\n]/g, ' ')}, published by the iotcop registry at ${ctx.publicUrl}`,
    `Contact: ${ctx.publicUrl}/m/${org.slug}/report`,
  ];
  if (org.securityEmail) lines.push(`Contact: mailto:${org.securityEmail}`);
  lines.push(`Expires: ${expires(ctx)}`, 'Preferred-Languages: en', `Canonical: ${ctx.publicUrl}/m/${org.slug}/security.txt`);
  return `${lines.join('\n')}\n`;
}

export function registrySecurityTxt(ctx: RegistryContext, contact: string | undefined): string {
  const host = new URL(ctx.publicUrl).hostname;
  return [
    '# Security contact for this iotcop registry itself. To report a problem in a product, use its manufacturer\'s',
    '# contact: /m/<organisation>/security.txt, linked from every product page.',
    `Contact: ${contact ?? `mailto:security@${host}`}`,
    `Expires: ${expires(ctx)}`,
    'Preferred-Languages: en',
    `Canonical: ${ctx.publicUrl}/.well-known/security.txt`,
    '',
  ].join('\n');
}

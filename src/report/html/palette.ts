/**
 * Colours of the HTML report as foreground/background pairs, kept as data so a test can check every pair
 * against WCAG 2.x contrast (4.5:1 for text). Colour never carries meaning alone: see badges.ts.
 */
export interface ColourPair {
  readonly fg: string;
  readonly bg: string;
  readonly border: string;
}

export const PAGE = { fg: '#1b1f24', bg: '#ffffff', muted: '#4a5261', link: '#0b50c0', rule: '#c9ced6', zebra: '#f5f7fa' } as const;

export const BADGES: Readonly<Record<string, ColourPair>> = {
  'v-pass': { fg: '#0f5323', bg: '#e3f4e8', border: '#2e7d46' },
  'v-fail': { fg: '#8e1116', bg: '#fde7e8', border: '#c62828' },
  'v-inconclusive': { fg: '#6b4400', bg: '#fff1d6', border: '#b77900' },
  'v-not-applicable': { fg: '#3b4350', bg: '#eceff3', border: '#6b7280' },
  's-critical': { fg: '#ffffff', bg: '#7f1d1d', border: '#7f1d1d' },
  's-high': { fg: '#8e1116', bg: '#fde7e8', border: '#c62828' },
  's-medium': { fg: '#6b4400', bg: '#fff1d6', border: '#b77900' },
  's-low': { fg: '#1e3a8a', bg: '#e0e9fb', border: '#3b5bbf' },
  's-info': { fg: '#3b4350', bg: '#eceff3', border: '#6b7280' },
  'c-ran': { fg: '#0f5323', bg: '#e3f4e8', border: '#2e7d46' },
  'c-skipped': { fg: '#3b4350', bg: '#eceff3', border: '#6b7280' },
  'c-error': { fg: '#8e1116', bg: '#fde7e8', border: '#c62828' },
};

/** Border styles give each verdict a shape as well as a colour (visible in greyscale print). */
export const BORDER_STYLE: Readonly<Record<string, string>> = {
  'v-pass': 'solid', 'v-fail': 'double', 'v-inconclusive': 'dashed', 'v-not-applicable': 'dotted',
};

function channel(hex: string, at: number): number {
  const c = parseInt(hex.slice(at, at + 2), 16) / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2.x relative luminance of a `#rrggbb` colour. */
export function luminance(hex: string): number {
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

import type { Renderer } from './renderer.js';

/** The canonical report: schema/report.schema.json, two-space indented, keys in a fixed order. */
export const jsonRenderer: Renderer = {
  id: 'json',
  title: 'JSON (schema/report.schema.json)',
  fileName: 'report.json',
  mediaType: 'application/json',
  render: (report) => `${JSON.stringify(report, null, 2)}\n`,
};

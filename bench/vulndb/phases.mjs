#!/usr/bin/env node
// One measured run in a fresh process (so its peak RSS is its own), from the built dist/:
//   phases.mjs unpack IMAGE          unpack only (deep, as assess and sbom unpack)
//   phases.mjs all IMAGE DB          unpack, then the SBOM (components + CycloneDX JSON), then the
//                                    known-vulnerabilities check (assess's matching) against DB
// Prints one JSON line: milliseconds per phase, counts, peak RSS (process.resourceUsage().maxRSS).
/* global AbortController */
import { unpackImage } from '../../dist/firmware/index.js';
import { sbomJson, sbomOfImage } from '../../dist/sbom/index.js';
import { run as knownVulnerabilities } from '../../dist/checks/known-vulnerabilities/check.js';

const [mode, image, db] = process.argv.slice(2);
const ms = (t) => Number(process.hrtime.bigint() - t) / 1e6;
const rssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

let t = process.hrtime.bigint();
const fw = await unpackImage(image, { deep: true });
const result = { unpackMs: ms(t) };
if (mode === 'all') {
  t = process.hrtime.bigint();
  const bom = await sbomOfImage(fw, { toolVersion: 'bench' });
  const json = sbomJson(bom);
  result.sbomMs = ms(t);
  result.components = bom.components?.length ?? 0;
  result.sbomBytes = json.length;
  t = process.hrtime.bigint();
  const findings = await knownVulnerabilities({
    evidence: { unavailable: {}, firmware: [fw] }, now: new Date(), signal: new AbortController().signal, progress() {},
    vulndb: { path: db, maxAgeDays: 30 },
  });
  result.matchMs = ms(t);
  result.findings = {};
  for (const f of findings) result.findings[f.verdict] = (result.findings[f.verdict] ?? 0) + 1;
}
result.maxRssMb = rssMb();
console.log(JSON.stringify(result));

import { CONDITIONS } from '../catalogue/index.js';

export interface TemplateAnswers {
  readonly manufacturer: string;
  readonly address: string;
  readonly brand: string;
  readonly model: string;
  readonly type: string;
  readonly supportEnd: string;
  readonly contactEmail: string;
  readonly policyUrl: string;
}

const q = (s: string) => JSON.stringify(s);

/** A commented manifest that validates as written, to be filled in by the manufacturer. */
export function manifestTemplate(a: TemplateAnswers): string {
  const conditions = CONDITIONS.map((c) => `  # ${c.question}\n  # ${c.id}: ${c.appliesWhen ? 'true' : 'false'}`).join('\n');
  return `# iotcop product manifest: what the manufacturer declares about the product.
# Schema: schema/manifest.schema.json. Check it with: iotcop assess iotcop.yaml
schemaVersion: 1

manufacturer:
  name: ${q(a.manufacturer)}
  # Postal address, printed on the PSTI statement of compliance.
  address: ${q(a.address)}
  # Domains whose /.well-known/security.txt iotcop should read.
  # domains: [example.com]

product:
  brand: ${q(a.brand)}
  # The model designation exactly as printed on the device (EN 303 645 5.3-16).
  model: ${q(a.model)}
  type: ${q(a.type)}
  # hardwareVersion: "rev A"
  # batch: "2026-W01"
  # gtin: "05012345678900"

# Firmware versions, with the image iotcop should unpack and check (paths relative to this file).
firmware: []
#  - version: "1.0.0"
#    image: firmware/device-1.0.0.bin

# The defined support period: the last day security updates are guaranteed (PSTI Schedule 1 para 3).
supportPeriod:
  end: ${q(a.supportEnd)}
  # url: https://example.com/support-period

# How to report a security problem (PSTI Schedule 1 para 2, EN 303 645 5.2-1).
vulnerabilityDisclosure:
  contactEmail: ${q(a.contactEmail)}
  policyUrl: ${q(a.policyUrl)}
  # securityTxtUrl: https://example.com/.well-known/security.txt
  # Days within which a reporter gets an acknowledgement, and between status updates.
  acknowledgeWithinDays: 5
  statusUpdateEveryDays: 30

# updates:
#   automatic: true
#   userNotification: "notification in the companion app"

# personalData:
#   processed: [{ category: "usage history", purpose: "show energy use in the app" }]
#   sensors: ["power meter"]
#   deletion: { onDevice: "hold the button for 10 seconds", instructionsUrl: "https://example.com/delete" }
#   privacyNoticeUrl: https://example.com/privacy

# companionApps: [{ name: "Example Home", platform: android, id: "com.example.home" }]
# cloudEndpoints: [{ host: "api.example.com", port: 443, protocol: https, purpose: "remote control" }]

# Answers that decide which conditional provisions apply. Unanswered questions count as "applies".
conditions: {}
${conditions}

# Your own statement per provision (implemented / not-implemented / not-applicable), with evidence.
# A justification is required unless the status is "implemented" (EN 303 645 4-1).
attestations: {}
#  "5.1-5":
#    status: implemented
#    justification: "Login is rate limited: 5 attempts, then a 60 s lockout doubling each time."
#    evidence:
#      - title: Penetration test report
#        path: evidence/pentest.pdf
#        sha256: <sha256sum of the file>
`;
}

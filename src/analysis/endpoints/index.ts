export type { Endpoint, EndpointSource } from './types.js';
export { endpointsOf, declaredBy } from './extract.js';
export { urlsIn, isPlaintext, SCHEMES, type FoundUrl } from './urls.js';
export { hostsInConfig, type NamedHost } from './configs.js';
export { isReferenceHost, isLocalOrPlaceholder } from './hosts.js';

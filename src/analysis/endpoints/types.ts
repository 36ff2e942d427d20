/** Where an endpoint was seen. */
export interface EndpointSource {
  readonly path: string;
  readonly line?: number;
  readonly offset?: number;
  /** `config`: a configuration value; `script`: a script; `web`: a web UI page; `binary`: a string in a program. */
  readonly kind: 'config' | 'script' | 'web' | 'binary';
  /** The text it was read from, credentials masked, at most 200 characters. */
  readonly text: string;
}

/** A remote host the firmware is set up to contact. */
export interface Endpoint {
  /** URL scheme, or the protocol a configuration names (`ntp`, `dns`, `mqtt`). */
  readonly scheme: string;
  /** Host name or address, lower-cased. */
  readonly host: string;
  readonly port?: number;
  /** URLs seen for this scheme and host (credentials masked), sorted, at most 10. */
  readonly urls: readonly string[];
  /** Data in cleartext: http, ws, mqtt (not on 8883), ftp, tftp, telnet, coap, rtsp, smtp, ldap, amqp. */
  readonly plaintext: boolean;
  readonly purpose?: 'ntp' | 'dns' | 'mqtt' | 'package-feed';
  /** Sorted by path; at most 20. */
  readonly sources: readonly EndpointSource[];
}

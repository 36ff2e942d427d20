/** How a program gets started. */
export type Mechanism = 'inittab' | 'script' | 'rc-link' | 'procd' | 'systemd' | 'systemd-socket' | 'inetd' | 'xinetd' | 'cron';

/** One program that the boot configuration starts (or would start on demand). */
export interface Start {
  /** Program as written (resolved to a path in the tree when it can be). */
  readonly program: string;
  /** Base name of the program after following symlinks (busybox applets keep the applet name). */
  readonly name: string;
  readonly argv: readonly string[];
  readonly mechanism: Mechanism;
  /** The file whose line starts it, and that line. */
  readonly by: string;
  readonly line: number;
  /** Account it runs as, when the configuration says (`User=`, inetd user field); undefined means root. */
  readonly user?: string;
  /** Started by a super-server or socket on connection, or by cron, rather than at boot. */
  readonly onDemand: boolean;
  /** False when what would run it (inetd, xinetd, crond) is not itself started. */
  readonly active: boolean;
  /** inetd/xinetd/socket details. */
  readonly service?: { readonly name: string; readonly protocol: string; readonly bind?: string };
}

/** A shell on a console that asks for no password. */
export interface ConsoleShell {
  readonly by: string;
  readonly line: number;
  readonly tty: string;
  readonly process: string;
  readonly why: string;
}

export interface BootModel {
  readonly init: 'busybox' | 'sysv' | 'systemd' | 'procd' | 'unknown';
  readonly starts: readonly Start[];
  readonly consoles: readonly ConsoleShell[];
  /** Scripts read while following the boot, in order. */
  readonly scripts: readonly string[];
  readonly notes: readonly string[];
}

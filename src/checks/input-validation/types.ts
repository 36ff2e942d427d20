/** A request value that reaches a shell or SQL call in a web script. */
export interface Flow {
  readonly line: number;
  readonly sink: 'shell' | 'sql' | 'argument';
  /** True when the request value is in the call's own statement, with nothing sanitising it. */
  readonly definite: boolean;
  /** The request input, or the variable holding it with the line it was read on. */
  readonly via: string;
  /** The statement (trimmed, cut). */
  readonly code: string;
}

/** What one language's scripts look like to the flow analysis (see flows.ts). */
export interface Language {
  readonly name: 'shell' | 'lua' | 'php';
  /** Request input read directly on a line. */
  readonly source: RegExp;
  /** Calls that run a shell (the input is parsed as shell code). */
  readonly shellSink: RegExp;
  /** Calls or strings that run SQL. */
  readonly sqlSink?: RegExp;
  /** Validation or escaping on a line. */
  readonly sanitiser: RegExp;
  /** `name = rhs`: group 1 the variable, group 2 the right-hand side. */
  readonly assign: RegExp;
  /** A reference to variable `name` in code. */
  ref(name: string): RegExp;
  /** The line without its comment, or '' for a comment line. */
  code(line: string): string;
  /** Extra per-line rules (shell: commands run from request values, unquoted expansion). */
  extra?(code: string, tainted: ReadonlyMap<string, number>): Omit<Flow, 'line' | 'code'> | undefined;
}

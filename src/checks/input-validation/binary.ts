import { dynamicInfo } from '../../analysis/elf/index.js';
import { stringsAround } from '../../analysis/tree/index.js';

// CGI programs: imports that run commands (system, popen, the exec family and vendor wrappers around
// them) together with signs of reading request input (the CGI environment variable names, or imports of
// CGI form libraries). Whether input reaches the call cannot be seen without disassembly: always for review.

const RUNS = new Set(['system', 'popen', 'execl', 'execle', 'execlp', 'execv', 'execve', 'execvp', 'execvpe', 'posix_spawn', 'posix_spawnp', '_eval', 'doSystemCmd', 'doSystem', 'do_system', 'twsystem', 'bcmSystem', 'bcmSystemEx', 'CsteSystem', 'exec_cmd']);
const FORM_LIBS = /^(cgiFormString\w*|cgiGetValue|cgi_param|cgiGetVariable|websGetVar|get_cgi|find_val|cgi_get\w*|httpd_get_param|cgiParam\w*)$/;
const CGI_VARS = ['QUERY_STRING', 'CONTENT_LENGTH', 'REQUEST_METHOD', 'HTTP_COOKIE'].map((s) => Buffer.from(s));

export interface CgiBinary {
  /** Imports that run commands. */
  readonly runs: readonly string[];
  /** How it reads the request: environment variable names found, CGI library imports. */
  readonly input: readonly string[];
}

/** The command-running imports and request inputs of a CGI program, or undefined when it has none of one. */
export function cgiBinary(buf: Buffer): CgiBinary | undefined | 'unreadable' {
  let imports: string[];
  try {
    imports = dynamicInfo(buf).symbols.filter((s) => !s.defined).map((s) => s.name);
  } catch {
    return 'unreadable';
  }
  if (imports.length === 0) return 'unreadable';
  const runs = [...new Set(imports.filter((n) => RUNS.has(n)))].sort();
  if (runs.length === 0) return undefined;
  const vars = new Set<string>();
  if (imports.includes('getenv')) for (const s of stringsAround(buf, CGI_VARS, 6, 20)) for (const v of CGI_VARS) if (s.text.includes(v.toString())) vars.add(`getenv ${v.toString()}`);
  const input = [...vars, ...new Set(imports.filter((n) => FORM_LIBS.test(n)))].sort();
  return input.length > 0 ? { runs, input } : undefined;
}

import { luaLanguage } from './lua.js';
import { phpLanguage } from './php.js';
import { shellLanguage } from './shell.js';
import type { Language } from './types.js';

// Which files of a tree are web request handlers, and in which language: scripts under web roots and
// cgi-bin folders (by extension or #! line), LuCI's Lua tree, and CGI programs (ELF files in cgi-bin or
// named *.cgi under a web root).

const WEB_ROOT = /^\/(?:www|web|webs|webroot|web_root|htdocs|html|home\/httpd|srv\/www|var\/www|usr\/www|usr\/share\/www|usr\/local\/www|opt\/www|usr\/html|usr\/lib\/cgi-bin|usr\/lib\/lua\/luci|usr\/share\/luci|usr\/share\/nginx|usr\/share\/lighttpd|etc\/lighttpd\/www)(?:\/|$)|\/cgi-bin\/|\/htdocs\/|\/www\//;
const SKIP = /^\/usr\/share\/(?:doc|man|info|locale)\/|\/(?:tests?|testdata|examples?|samples?|docs?|node_modules|vendor\/[\w-]+\/[\w-]+\/tests?)\//i;

export function isWebPath(path: string): boolean {
  return WEB_ROOT.test(path) && !SKIP.test(path);
}

/** The language of a web script, or undefined for anything else (pages, assets, data). */
export function languageOf(path: string, head: string): Language | undefined {
  if (!isWebPath(path)) return undefined;
  const name = path.slice(path.lastIndexOf('/') + 1);
  const bang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(head);
  const interp = bang ? (/\/env$/.test(bang[1]!) ? bang[2] ?? '' : bang[1]!).replace(/^.*\//, '') : '';
  if (/^php(?:-cgi)?[\d.]*$/.test(interp) || /\.(?:php\d?|phtml)$/i.test(name)) return phpLanguage;
  if (/^lua[\d.]*$/.test(interp) || /\.lua$/i.test(name)) return luaLanguage;
  if (/^(?:sh|bash|ash|dash|ksh|haserl|busybox)$/.test(interp) || /\.sh$/i.test(name)) return shellLanguage;
  // Extension-less or .cgi text under cgi-bin without #! runs through the server's default shell.
  if (!bang && /\/cgi-bin\//.test(path) && /(?:^[^.]+|\.cgi)$/.test(name) && /\$\{?(?:QUERY_STRING|FORM_)/.test(head)) return shellLanguage;
  return undefined;
}

/** A CGI program: an ELF file in a cgi-bin folder, or with `cgi` in its name under a web root (`*.cgi`, `cgibin`). */
export function isCgiBinary(path: string): boolean {
  return isWebPath(path) && (/\/cgi-bin\//.test(path) || /cgi[^/]*$/i.test(path));
}

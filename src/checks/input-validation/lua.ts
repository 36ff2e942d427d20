import { stripComment } from './lex.js';
import type { Language } from './types.js';

// Lua web handlers (LuCI controllers and CBI models, Lua CGI scripts): request input comes from
// luci.http.formvalue / content / getcookie, os.getenv("QUERY_STRING") or stdin; os.execute, io.popen,
// luci.sys.call/exec and luci.util.exec run a shell. tonumber, pattern matches, datatypes validators and
// shellquote count as validation.

export const luaLanguage: Language = {
  name: 'lua',
  source: /\b(?:luci\.)?http[.:](?:formvalue|formvaluetable|content|getcookie)\s*\(|\b(?:os|nixio|luci\.http|http)\.getenv\s*\(\s*["'](?:QUERY_STRING|HTTP_\w+|REQUEST_URI|PATH_INFO)["']|\bio\.read\s*\(|\bio\.stdin:read\s*\(/,
  shellSink: /\bos\.execute\s*\(|\bio\.popen\s*\(|\b(?:luci\.)?sys\.(?:call|exec)\s*\(|\b(?:luci\.)?util\.(?:exec|execi|execl)\s*\(/,
  // A comparison with a literal (`x == "1"`) yields a boolean or pins the value.
  sanitiser: /==\s*["'\d]|\btonumber\s*\(|:match\s*\(|\bstring\.match\s*\(|:find\s*\(\s*["']\^|:gsub\s*\(\s*["']\[\^|\bdatatypes\.\w+\s*\(|\bshellquote\s*\(|\bvalidate\w*\s*\(|\bsaniti[sz]e\w*\s*\(/,
  assign: /^\s*(?:local\s+)?([A-Za-z_]\w*)\s*=(?!=)\s*(.+)$/,
  ref: (name) => new RegExp(`(?<![\\w.:"'])${name}(?![\\w"'])`),
  code: (line) => (/^\s*--/.test(line) ? '' : stripComment(line, ['--'], '"\'')),
};

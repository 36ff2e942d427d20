import { parseYescryptSetting, yescryptCrypt } from '../src/analysis/crypt/yescrypt-setting.js';
const s = parseYescryptSetting('$y$j9T$abcdefgh$79JhsKZwfY/UU2qrk3QcffpHl7EyEEJK0pA5pD1wu73')!;
for (let i = 0; i < 3; i++) { console.time('y'); yescryptCrypt(Buffer.from('password'), s, 1 << 30); console.timeEnd('y'); }

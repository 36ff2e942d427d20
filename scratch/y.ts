import { parseYescryptSetting, yescryptCrypt } from '../src/analysis/crypt/yescrypt-setting.js';
import { md5Crypt } from '../src/analysis/crypt/md5-crypt.js';
import { shaCrypt, parseShaSetting } from '../src/analysis/crypt/sha-crypt.js';
import { desCrypt } from '../src/analysis/crypt/des-crypt.js';
const b = (s: string) => Buffer.from(s);
console.log(desCrypt(b('password'), 'ab'), 'abJnggxhB/yWI');
console.log(desCrypt(b('12345678longer'), 'q1'), 'q1Etje6c9MtJQ');
console.log(md5Crypt(b('password'), '$1$', 'saltstri'), '$1$saltstri$qQY4WxjABChYG1ccLpfkz/');
console.log(md5Crypt(b('password'), '$apr1$', 'saltsalt'), '$apr1$saltsalt$yAAkm4libquA.ZWLHbSBq/');
console.log(shaCrypt(b('Hello world!'), parseShaSetting('$5$rounds=10000$saltstringsaltstring')!));
console.log(shaCrypt(b('password'), parseShaSetting('$6$saltstring')!));
for (const [pw, h] of [['password','$7$C6..../....SodiumChloride$6OIeehEnzbyu949sLkdyNyp6EorTTZ52ToM3ucR5RK7'], ['password', '$y$j9T$abcdefgh$79JhsKZwfY/UU2qrk3QcffpHl7EyEEJK0pA5pD1wu73'], ['root','$y$jC5$saltsalt$v.vYORiQ5JOyQwpKS2/e0VepeyKd6Bjm2wWc78Y/y06']]) {
  const s = parseYescryptSetting(h!)!;
  console.time('y');
  console.log(yescryptCrypt(b(pw!), s, 1 << 30) === h, s.params);
  console.timeEnd('y');
}
console.log(parseYescryptSetting('$y$j75$Qz'));

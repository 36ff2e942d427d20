import { StringDecoder } from 'node:string_decoder';
import { IotcopError } from '../model/index.js';

/**
 * Streams the object elements of a JSON array without holding the document: the top-level array, or the
 * array under `key` in a top-level object (NVD feeds: `vulnerabilities`, hundreds of megabytes). Only the
 * structure is tracked (depth, strings, escapes); each element's text is handed to `onItem` for JSON.parse.
 */
export class JsonArrayItems {
  private readonly decoder = new StringDecoder('utf8');
  private depth = 0;
  private inString = false;
  private escape = false;
  private expectKey = false;
  private capturing = false;
  private keyText = '';
  private lastKey = '';
  /** Depth of the elements of the target array, once it is entered. */
  private arrayDepth = -1;
  private done = false;
  private parts: string[] = [];
  private partsSize = 0;
  private itemFrom = -1;

  constructor(private readonly key: string | null, private readonly onItem: (text: string) => void, private readonly maxItem = 64 * 1024 * 1024) {}

  push(chunk: Buffer): void {
    this.scan(this.decoder.write(chunk));
  }

  end(): void {
    this.scan(this.decoder.end());
    if (this.itemFrom >= 0 || this.depth !== 0) throw new IotcopError('ERR_VULNDB', 'the JSON document ends in the middle of a value');
  }

  private scan(s: string): void {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (this.inString) {
        if (this.escape) this.escape = false;
        else if (c === 92) this.escape = true;
        else if (c === 34) {
          this.inString = false;
          if (this.capturing) { this.capturing = false; this.lastKey = this.keyText; }
          continue;
        }
        if (this.capturing && this.keyText.length < 256) this.keyText += s[i];
        continue;
      }
      if (c === 34) {
        this.inString = true;
        if (this.depth === 1 && this.expectKey && this.key !== null) { this.capturing = true; this.keyText = ''; }
        this.expectKey = false;
      } else if (c === 123 || c === 91) {
        this.open(c, i);
      } else if (c === 125 || c === 93) {
        this.close(s, i);
      } else if (c === 44 && this.depth === 1) {
        this.expectKey = true;
      }
    }
    if (this.itemFrom >= 0) {
      this.keep(s.slice(this.itemFrom));
      this.itemFrom = 0;
    }
  }

  private open(c: number, i: number): void {
    if (!this.done && this.depth === this.arrayDepth && c === 123) {
      this.itemFrom = i;
    } else if (!this.done && this.arrayDepth < 0 && c === 91 && (this.key === null ? this.depth === 0 : this.depth === 1 && this.lastKey === this.key)) {
      this.arrayDepth = this.depth + 1;
    }
    this.depth++;
    if (this.depth > 10_000) throw new IotcopError('ERR_VULNDB', 'JSON nested too deeply');
    this.expectKey = c === 123 && this.depth === 1;
  }

  private close(s: string, i: number): void {
    this.depth--;
    if (this.depth < 0) throw new IotcopError('ERR_VULNDB', 'unbalanced JSON');
    if (this.itemFrom >= 0 && this.depth === this.arrayDepth) {
      this.keep(s.slice(this.itemFrom, i + 1));
      const text = this.parts.join('');
      this.parts = [];
      this.partsSize = 0;
      this.itemFrom = -1;
      this.onItem(text);
    } else if (this.depth === this.arrayDepth - 1 && this.arrayDepth >= 0) {
      this.done = true;
      this.arrayDepth = -1;
    }
  }

  private keep(text: string): void {
    this.partsSize += text.length;
    if (this.partsSize > this.maxItem) throw new IotcopError('ERR_VULNDB', `a JSON array element is larger than ${this.maxItem} characters`);
    this.parts.push(text);
  }
}

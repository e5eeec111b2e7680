// The characters an RTF file gives as bytes (\'hh, or raw bytes above ASCII) in a code page:
// \ansicpg's, or that of the current font's \fcharset. Bytes are gathered while the code page
// stays the same and decoded together, as a two-byte code page (Shift-JIS, GBK, Big5, EUC-KR)
// spreads one character over two \'hh.
import { decodeWindows1252 } from './decode';

/** Windows font charsets (\fcharset) -> code pages; 0 and 1 (the default) have none of their own. */
const CHARSET_CODE_PAGES: Record<number, number> = {
  77: 10000,
  128: 932,
  129: 949,
  134: 936,
  136: 950,
  161: 1253,
  162: 1254,
  163: 1258,
  177: 1255,
  178: 1256,
  186: 1257,
  204: 1251,
  222: 874,
  238: 1250,
};

export function charsetCodePage(charset: number): number | undefined {
  return CHARSET_CODE_PAGES[charset];
}

/** Code pages -> the WHATWG encoding labels TextDecoder knows. */
function encodingLabel(codePage: number): string | null {
  if (codePage >= 1250 && codePage <= 1258) return `windows-${codePage}`;
  const named: Record<number, string> = {
    874: 'windows-874',
    932: 'shift_jis',
    936: 'gbk',
    949: 'euc-kr',
    950: 'big5',
    10000: 'macintosh',
    65001: 'utf-8',
    20866: 'koi8-r',
  };
  return named[codePage] ?? null;
}

export class CodePageBytes {
  /** Code pages met that no decoder here knows: read as Windows-1252, and said so. */
  readonly unsupported = new Set<number>();
  private readonly decoders = new Map<number, (bytes: Uint8Array) => string>();
  private pending: number[] = [];
  private codePage = 1252;

  /** Adds a byte; returns the text of the bytes before it when they were in another code page. */
  push(byte: number, codePage: number): string {
    const before = this.pending.length > 0 && codePage !== this.codePage ? this.take() : '';
    this.codePage = codePage;
    this.pending.push(byte);
    return before;
  }

  /** The text of the bytes gathered so far ('' when none). */
  take(): string {
    if (this.pending.length === 0) return '';
    const bytes = Uint8Array.from(this.pending);
    this.pending = [];
    return this.decoder(this.codePage)(bytes);
  }

  /** Windows-1252 by hand: Node's TextDecoder reads it as Latin-1 (decode.ts). */
  private decoder(codePage: number): (bytes: Uint8Array) => string {
    let decode = this.decoders.get(codePage);
    if (!decode) {
      const label = codePage === 1252 ? null : encodingLabel(codePage);
      decode = decodeWindows1252;
      try {
        if (label !== null) {
          const decoder = new TextDecoder(label);
          decode = (bytes) => decoder.decode(bytes);
        } else if (codePage !== 1252) this.unsupported.add(codePage);
      } catch {
        this.unsupported.add(codePage);
      }
      this.decoders.set(codePage, decode);
    }
    return decode;
  }
}

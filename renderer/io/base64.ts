// Bytes as base64 text and back, for binary kept inside JSON records: sealed fields (the store's
// cipher), rich-text originals and recordings' chunks. Where the engine has them (Chromium 140,
// so Electron 38, and later), Uint8Array's own toBase64/fromBase64, several times faster over an
// hour's recording; else btoa over a binary string built in chunks (a spread of a whole
// megabyte would overflow the stack) and atob.

interface NativeBase64 {
  fromBase64?: (text: string) => Uint8Array<ArrayBuffer>;
}
const native = Uint8Array as unknown as NativeBase64;
const nativeTo = (bytes: Uint8Array) => (bytes as Uint8Array & { toBase64?: () => string }).toBase64?.();

export function toBase64(bytes: Uint8Array): string {
  const made = nativeTo(bytes);
  if (made !== undefined) return made;
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The bytes of a base64 text; a text that is not base64 throws, saying so. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const notBase64 = (cause: unknown) => new Error(`not base64: ${text.slice(0, 20)}${text.length > 20 ? '…' : ''}`, { cause });
  if (native.fromBase64) {
    try {
      return native.fromBase64(text);
    } catch (error) {
      throw notBase64(error);
    }
  }
  let binary: string;
  try {
    binary = atob(text);
  } catch (error) {
    throw notBase64(error);
  }
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) out[i] = binary.charCodeAt(i);
  return out;
}

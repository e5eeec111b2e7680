// Bytes as base64 text and back, for binary kept inside JSON records: sealed fields (the store's
// cipher) and rich-text originals. btoa takes a binary string, built in chunks: a spread of a
// whole megabyte would overflow the stack.

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The bytes of a base64 text; a text that is not base64 throws, saying so. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  let binary: string;
  try {
    binary = atob(text);
  } catch (error) {
    throw new Error(`not base64: ${text.slice(0, 20)}${text.length > 20 ? '…' : ''}`, { cause: error });
  }
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) out[i] = binary.charCodeAt(i);
  return out;
}

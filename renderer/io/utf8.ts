// UTF-8 for text the app writes out in bulk: archive entries, .qdpx texts and project.qde.
const encoder = new TextEncoder();

/**
 * The same bytes as TextEncoder.encode(text), several times faster on a long string: in
 * Chromium, encode() of a study's 31 MB sourceContent entry took 0.6-0.9 s, encodeInto() into
 * a buffer made for it 0.15-0.25 s. The first buffer is one byte a character (exact for ASCII);
 * what did not fit is encoded into room for three bytes a character (UTF-16 unit) after it.
 */
export function utf8(text: string): Uint8Array {
  const start = new Uint8Array(text.length);
  const first = encoder.encodeInto(text, start);
  if (first.read === text.length) return start;
  const rest = text.slice(first.read);
  const out = new Uint8Array(first.written + rest.length * 3);
  out.set(start.subarray(0, first.written));
  const second = encoder.encodeInto(rest, out.subarray(first.written));
  return out.slice(0, first.written + second.written);
}

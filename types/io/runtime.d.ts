// What renderer/io may use of the runtime it runs in, for tsconfig.io.json: only what every
// JavaScript runtime has (a window, a worker, Node), nothing of a page or a file system.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array<ArrayBuffer>;
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}
declare const crypto: {
  randomUUID(): `${string}-${string}-${string}-${string}-${string}`;
  readonly subtle: { digest(algorithm: 'SHA-256', data: BufferSource): Promise<ArrayBuffer> };
};
type BufferSource = ArrayBufferView<ArrayBuffer> | ArrayBuffer;
declare function setTimeout(handler: (...args: unknown[]) => void, timeout?: number): number;

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
// Streams and DecompressionStream: in every browser, worker and Node since 18.
interface ReadableStreamDefaultReader<R> {
  read(): Promise<{ done: true; value?: undefined } | { done: false; value: R }>;
  cancel(reason?: unknown): Promise<void>;
}
interface WritableStreamDefaultWriter<W> {
  readonly ready: Promise<void>;
  write(chunk: W): Promise<void>;
  close(): Promise<void>;
}
declare class DecompressionStream {
  constructor(format: 'deflate' | 'deflate-raw' | 'gzip');
  readonly readable: { getReader(): ReadableStreamDefaultReader<Uint8Array> };
  readonly writable: { getWriter(): WritableStreamDefaultWriter<BufferSource> };
}
// Base64 of a binary string: in every browser, worker and Node since 16.
declare function btoa(data: string): string;
declare function atob(data: string): string;

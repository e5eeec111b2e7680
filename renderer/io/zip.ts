// Bounded reading of zip archives (.docx, .qdpx). Every central-directory record is checked
// before anything is inflated: entry count, claimed sizes, compression ratio and, for
// archives we unpack into a project, the entry's path (DESIGN "Security").
import { unzipSync } from 'fflate';
import { ImportError } from './errors';

export interface ZipLimits {
  maxEntries: number;
  /** Largest uncompressed size one wanted entry may claim. */
  maxEntryBytes: number;
  /** Sum of the uncompressed sizes of the wanted entries. */
  maxTotalBytes: number;
  /** Deflate of real XML and text compresses 5-20x; a bomb compresses up to ~1000x. */
  maxRatio: number;
}

/** The ratio check applies only above this size: tiny entries compress oddly. */
const RATIO_APPLIES_ABOVE = 1024 * 1024;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 22 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05);
}

export function zipBomb(fileName: string, why: string): ImportError {
  return new ImportError(fileName, `looks like a zip bomb (${why}); it was not opened`);
}

/** Paths a careless or hostile archive may hold; refused before any entry is read. */
export function unsafeEntryPath(name: string): boolean {
  if (name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name)) return true;
  return name.split(/[\\/]/).some((part) => part === '..');
}

export interface ReadZipOptions {
  fileName: string;
  limits: ZipLimits;
  wanted: (name: string) => boolean;
  /** The error for an archive fflate cannot read. */
  invalid: () => ImportError;
  /** Refuse the archive when any entry has an absolute path or a '..' segment. */
  checkPaths?: boolean;
}

/**
 * Reads the wanted entries. fflate inflates into a buffer of the *claimed* size and never
 * grows it, so bounding the claims bounds memory even when a claim lies.
 */
export function readZipEntries(bytes: Uint8Array, options: ReadZipOptions): Record<string, Uint8Array> {
  const { fileName, limits } = options;
  let entries = 0;
  let total = 0;
  try {
    return unzipSync(bytes, {
      filter(file) {
        entries++;
        if (entries > limits.maxEntries) throw zipBomb(fileName, `more than ${limits.maxEntries} entries`);
        if (options.checkPaths && unsafeEntryPath(file.name)) {
          throw new ImportError(fileName, `holds an entry with an unsafe path ("${file.name}"); it was not opened`);
        }
        if (!options.wanted(file.name)) return false;
        if (file.originalSize > limits.maxEntryBytes) {
          throw zipBomb(fileName, `${file.name} claims ${file.originalSize} bytes uncompressed`);
        }
        if (file.originalSize > RATIO_APPLIES_ABOVE && file.originalSize > Math.max(file.size, 1) * limits.maxRatio) {
          throw zipBomb(fileName, `${file.name} is compressed more than ${limits.maxRatio} to 1`);
        }
        total += file.originalSize;
        if (total > limits.maxTotalBytes) throw zipBomb(fileName, `its entries claim more than ${limits.maxTotalBytes} bytes in all`);
        return true;
      },
    });
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw options.invalid();
  }
}

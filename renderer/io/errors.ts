// ImportError is defined in core (core's parsers throw it too); io re-exports it for the
// file-format modules and the contract `renderer/io/transcripts.ts` promises.
export { formatSize, ImportError } from '../core/shared';

// ImportError is defined in core (core's parsers throw it too); io re-exports it for the
// file-format modules and the contract `renderer/io/transcripts.ts` promises.
export { ImportError } from '../core/shared';

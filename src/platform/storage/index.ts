// Content-addressed file storage (see file-storage.ts for the contract).
export {
  FileTooLargeError,
  HEAD_BYTES,
  isSha256Hex,
  type ByteRange,
  type FileSource,
  type FileStorage,
  type StoredFile,
} from './file-storage.js';
export { createLocalFileStorage } from './local-file-storage.js';

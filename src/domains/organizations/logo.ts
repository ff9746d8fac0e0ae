// Organisation logos: an upload is recognised by its first bytes (never its name or declared
// type), decoded and re-encoded by sharp as a PNG of at most 512×512 (which also drops metadata
// and anything hidden in the file), and stored content-addressed as <dataDir>/logos/<sha256>.png.
// SVG is refused: it can carry scripts.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError, type FieldDetails } from '../../platform/errors.js';

export const LOGO_MAX_BYTES = 2 * 1024 * 1024;
export const LOGO_MAX_PIXELS = 512;
/** Refuse images whose declared size would need more memory than this many pixels to decode. */
const MAX_INPUT_PIXELS = 40_000_000;
const KEY = /^[0-9a-f]{64}\.png$/;

export type ImageKind = 'png' | 'jpeg' | 'webp';

/** An uploaded file as the routes hand it over. `truncated`: it was cut off at the size limit. */
export interface LogoUpload {
  data: Buffer;
  truncated?: boolean;
}

/** 413 payload_too_large that names the field, so a form can show it next to the file input. */
export class FileTooLargeError extends AppError {
  readonly status = 413;
  constructor(details: FieldDetails) {
    super('payload_too_large', 'The file is too large.', details);
  }
}

/** The image format by magic bytes: PNG, JPEG or WebP; anything else (SVG, text, GIF, …) is undefined. */
export function sniffImage(data: Buffer): ImageKind | undefined {
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpeg';
  if (data.length >= 12 && data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  return undefined;
}

/** Decodes and re-encodes as PNG, fitting inside 512×512 (never enlarged); undefined if it cannot be decoded. */
export async function normalizeLogo(data: Buffer): Promise<Buffer | undefined> {
  try {
    // Loaded on first use: libvips costs ~0.1 s of start-up that most processes never need.
    const { default: sharp } = await import('sharp');
    return await sharp(data, { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS, animated: false })
      .rotate()
      .resize({ width: LOGO_MAX_PIXELS, height: LOGO_MAX_PIXELS, fit: 'inside', withoutEnlargement: true })
      .png({ compressionLevel: 9 })
      .toBuffer();
  } catch {
    return undefined;
  }
}

export interface LogoStore {
  /** Stores a normalised PNG; returns its key ('<sha256>.png'). Storing the same image twice is a no-op. */
  save(png: Buffer): Promise<string>;
  /** The stored file, or undefined when the key is unknown or malformed. */
  read(key: string): Promise<Buffer | undefined>;
}

export function createLogoStore(dataDir: string): LogoStore {
  const dir = path.resolve(dataDir, 'logos');
  return {
    async save(png) {
      const key = `${createHash('sha256').update(png).digest('hex')}.png`;
      const file = path.join(dir, key);
      await fs.mkdir(dir, { recursive: true });
      try {
        await fs.access(file);
        return key;
      } catch {
        // Write to a temporary name and rename: readers never see half a file.
        const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
        await fs.writeFile(temp, png);
        await fs.rename(temp, file);
        return key;
      }
    },
    async read(key) {
      if (!KEY.test(key)) return undefined;
      try {
        return await fs.readFile(path.join(dir, key));
      } catch {
        return undefined;
      }
    },
  };
}

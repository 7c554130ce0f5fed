// What every layer shares: an image as checked bytes, and a card's pixel size.

/** An image resolved to checked bytes by the asset module; nothing downstream reads the disk. */
export interface ImageAsset {
  /** Path as written in the thread file. */
  path: string;
  mime: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
  bytes: Uint8Array;
  /** `data:` URI handed to satori. */
  dataUri: string;
  /** The file as read: its type and upright size (the bytes above may be a converted or downscaled copy). */
  original?: { mime: 'image/png' | 'image/jpeg' | 'image/webp' | 'image/gif'; width: number; height: number };
}

export interface CardSize {
  width: number;
  height: number;
}

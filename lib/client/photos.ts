// Photos are made small on the phone before they are stored or sent: longest side at
// most 1600 px, re-encoded as JPEG. Re-encoding through a canvas also drops EXIF, so
// the photo no longer carries where it was taken. The SHA-256 lets the server prove
// it stored exactly these bytes.

export const MAX_SIDE = 1600;
export const MAX_PHOTOS = 5;

export type PreparedPhoto = { blob: Blob; sha256: string; width: number; height: number; previewUrl: string; name: string };

export async function sha256Hex(data: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function preparePhoto(file: File): Promise<PreparedPhoto> {
  if (!file.type.startsWith('image/')) throw new Error(`${file.name} is not a photo.`);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new Error(`${file.name} could not be opened. Take the photo with the camera button instead.`);
  }
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot prepare photos.');
  ctx.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.82));
  if (!blob) throw new Error(`${file.name} could not be prepared.`);
  return { blob, sha256: await sha256Hex(await blob.arrayBuffer()), width, height, previewUrl: URL.createObjectURL(blob), name: file.name };
}

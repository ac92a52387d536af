/**
 * The 50-host estate (src/imports/test-support/estate-50.ts) for the Scan view's unit tests, and files as the worker
 * receives bytes already in memory. Test support only.
 */
export { estate50, estate50Files } from '../../../imports/test-support/estate-50.ts';

export function asInputs(files: Record<string, string>): { name: string; bytes: ArrayBuffer }[] {
  return Object.entries(files).map(([name, text]) => {
    const bytes = new TextEncoder().encode(text);
    return { name, bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer };
  });
}

import { describe, expect, it } from 'vitest';
import {
  formatBytesFr,
  readError,
  sourceError,
  SourceReadError,
  writeError,
} from '../../../electron/core/evidence/blob-errors';
import { BlobFormatError } from '../../../electron/core/evidence/blob-format';

const sysError = (code: string) => Object.assign(new Error(code), { code });

describe('blob error mapping', () => {
  it('turns disk errors into codes with French advice', () => {
    const full = writeError(sysError('ENOSPC'), 'vault');
    expect(full.code).toBe('DISK_FULL');
    expect(full.message).toContain('Libérez de l’espace');
    expect(writeError(sysError('EDQUOT'), 'vault').code).toBe('DISK_FULL');
    expect(writeError(sysError('EACCES'), 'vault').code).toBe('NOT_WRITABLE');
    expect(writeError(sysError('EROFS'), 'export').message).toContain('destination');
    expect(writeError(sysError('EIO'), 'vault').code).toBe('IO_ERROR');
  });

  it('keeps source, vault and decoding failures apart', () => {
    expect(sourceError(new SourceReadError(sysError('ENOENT'))).code).toBe('NOT_FOUND');
    expect(sourceError(new SourceReadError(sysError('EACCES'))).code).toBe('IO_ERROR');
    expect(readError(new BlobFormatError('bad magic')).code).toBe('INTEGRITY');
    expect(readError(sysError('ENOENT')).code).toBe('NOT_FOUND');
    expect(readError(sysError('EIO')).code).toBe('IO_ERROR');
    expect(readError(new Error('Unsupported state')).code).toBe('INTEGRITY');
  });

  it('formats sizes the French way', () => {
    expect(formatBytesFr(512)).toBe('512 octets');
    expect(formatBytesFr(1536)).toBe('1,5 Ko');
    expect(formatBytesFr(200 * 1024 * 1024)).toBe('200,0 Mo');
  });
});

/** Small real-format files built in code for the file-policy tests. */
import { crc32, deflateSync, gzipSync } from 'node:zlib';

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function ihdr(width: number, height: number): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data[8] = 8; // bit depth
  data[9] = 2; // truecolour
  return pngChunk('IHDR', data);
}

/** A valid, decodable RGB PNG. */
export function tinyPng(width = 2, height = 2): Buffer {
  const row = Buffer.alloc(1 + width * 3, 0x7f);
  row[0] = 0; // filter: none
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    PNG_SIGNATURE,
    ihdr(width, height),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A PNG whose header claims huge dimensions, with a tiny body: a decompression bomb's shape. */
export function bombPng(width: number, height: number): Buffer {
  return Buffer.concat([
    PNG_SIGNATURE,
    ihdr(width, height),
    pngChunk('IDAT', deflateSync(Buffer.alloc(64))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function jpegSegment(marker: number, payload: Buffer): Buffer {
  const header = Buffer.from([0xff, marker, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
}

/** A baseline JPEG skeleton (SOI, JFIF, optional big EXIF block, SOF0, EOI). */
export function tinyJpeg(width = 3, height = 2, exifBytes = 0): Buffer {
  const jfif = jpegSegment(
    0xe0,
    Buffer.from([0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0, 0]),
  );
  const exif: Buffer[] = [];
  for (let left = exifBytes; left > 0; left -= 60_000) {
    const size = Math.min(left, 60_000);
    exif.push(jpegSegment(0xe1, Buffer.concat([Buffer.from('Exif\0\0'), Buffer.alloc(size)])));
  }
  const sof = Buffer.from([8, 0, 0, 0, 0, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  sof.writeUInt16BE(height, 1);
  sof.writeUInt16BE(width, 3);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    jfif,
    ...exif,
    jpegSegment(0xc0, sof),
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** GIF logical screen header, an empty global table, a trailer. */
export function tinyGif(width = 1, height = 1): Buffer {
  const header = Buffer.alloc(13);
  header.write('GIF89a', 0, 'latin1');
  header.writeUInt16LE(width, 6);
  header.writeUInt16LE(height, 8);
  return Buffer.concat([header, Buffer.from([0x3b])]);
}

/**
 * A GIF that is also JavaScript: the width field holds the bytes of a comment opener, so a
 * browser told it is a script would run it. Width 0x2a2f = 10799, height 1.
 */
export function gifJsPolyglot(): Buffer {
  return Buffer.concat([
    Buffer.from('GIF89a/*', 'latin1'),
    Buffer.from([0x01, 0x00, 0x00, 0x00, 0x00]),
    Buffer.from('*/=1;alert(document.domain);//', 'latin1'),
    Buffer.from([0x3b]),
  ]);
}

/** WebP with an extended (VP8X) header. */
export function tinyWebp(width = 4, height = 3): Buffer {
  const vp8x = Buffer.alloc(10);
  vp8x.writeUIntLE(width - 1, 4, 3);
  vp8x.writeUIntLE(height - 1, 7, 3);
  const chunk = Buffer.concat([Buffer.from('VP8X'), u32le(10), vp8x]);
  return Buffer.concat([Buffer.from('RIFF'), u32le(4 + chunk.length), Buffer.from('WEBP'), chunk]);
}

function u32le(value: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeUInt32LE(value);
  return out;
}

export function tinyPdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
      '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    'latin1',
  );
}

export const SVG = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" ' +
    'height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>\n',
);

export const HTML = Buffer.from(
  '<!DOCTYPE html>\n<html><head><title>Avis</title></head><body><p>Bonjour</p></body></html>\n',
);

/** Minimal ZIP (stored entries): names, or [name, content] pairs. */
export function tinyZip(entries: Array<string | [string, string]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const [name, content] = typeof entry === 'string' ? [entry, `contenu de ${entry}`] : entry;
    const data = Buffer.from(content);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const centralDir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDir, end]);
}

/** The two first entries of a Word document, as Word writes them. */
export function docxStart(): Buffer {
  const types =
    '<?xml version="1.0"?><Types><Override PartName="/word/document.xml" ContentType="' +
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
  return tinyZip([
    ['[Content_Types].xml', types],
    ['word/document.xml', '<w:document/>'],
  ]);
}

export function tinyGzip(): Buffer {
  return gzipSync(Buffer.from('bonjour'));
}

/** ELF64 identification bytes followed by zeros. */
export function elfHeader(): Buffer {
  return Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(56)]);
}

/** DOS stub + PE signature offset: the start of every Windows executable. */
export function mzHeader(): Buffer {
  const out = Buffer.alloc(128);
  out.write('MZ', 0, 'latin1');
  out.writeUInt32LE(64, 0x3c);
  out.write('PE\0\0', 64, 'latin1');
  return out;
}

export const EML = Buffer.from(
  'Return-Path: <avis@exemple.fr>\r\nReceived: from mx.exemple.fr by mail.cabinet.fr\r\n' +
    'From: Service Avis <avis@exemple.fr>\r\nTo: cabinet@exemple.fr\r\n' +
    'Subject: =?UTF-8?Q?Nouvel_avis_publi=C3=A9?=\r\nDate: Tue, 3 Jun 2025 10:12:00 +0200\r\n' +
    'MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n' +
    '<html><body><p>Un nouvel avis a été publié.</p></body></html>\r\n',
);

import { describe, expect, it } from 'vitest';
import {
  classifyFile,
  MAX_IMAGE_PIXELS,
  SNIFF_BYTES,
  type FileDecision,
} from '../../../electron/core/evidence/file-policy';
import {
  bombPng,
  docxStart,
  elfHeader,
  EML,
  gifJsPolyglot,
  HTML,
  mzHeader,
  SVG,
  tinyGif,
  tinyGzip,
  tinyJpeg,
  tinyPdf,
  tinyPng,
  tinyWebp,
  tinyZip,
} from './fixtures';

const FRENCH = /[éèêàùç’]/;

async function classify(bytes: Buffer, name?: string, headBytes = 8192): Promise<FileDecision> {
  return classifyFile(bytes.subarray(0, headBytes), bytes.length, name);
}

async function expectAccepted(bytes: Buffer, mime: string, name?: string, headBytes?: number) {
  const decision = await classify(bytes, name, headBytes);
  if (!decision.accepted) throw new Error(`refused: ${decision.message}`);
  expect(decision.mime).toBe(mime);
  return decision;
}

async function expectRefused(bytes: Buffer, detected: string, name?: string) {
  const decision = await classify(bytes, name);
  if (decision.accepted) throw new Error(`accepted as ${decision.mime}`);
  expect(decision.detected).toBe(detected);
  expect(decision.message).toMatch(FRENCH);
  expect(decision.message).toContain('pièce');
  expect(decision.message).toContain(decision.label);
  return decision;
}

describe('classifyFile: accepted formats', () => {
  it('accepts a real PNG with its dimensions', async () => {
    const decision = await expectAccepted(tinyPng(3, 5), 'image/png', 'capture.png');
    expect(decision).toMatchObject({ ext: 'png', label: 'Image PNG', width: 3, height: 5 });
    expect(decision.warnings).toEqual([]);
  });

  it('accepts JPEG, GIF, WebP and PDF', async () => {
    expect(await expectAccepted(tinyJpeg(640, 480), 'image/jpeg', 'photo.JPG')).toMatchObject({
      width: 640,
      height: 480,
      warnings: [],
    });
    expect(await expectAccepted(tinyGif(7, 9), 'image/gif')).toMatchObject({ width: 7 });
    expect(await expectAccepted(tinyWebp(4, 3), 'image/webp')).toMatchObject({ height: 3 });
    expect(await expectAccepted(tinyPdf(), 'application/pdf', 'lettre.pdf')).toMatchObject({
      label: 'Document PDF',
      ext: 'pdf',
    });
  });

  it('lets the detected type win over a misleading name, with a warning', async () => {
    const decision = await expectAccepted(tinyPng(), 'image/png', 'constat.pdf');
    expect(decision.ext).toBe('png');
    expect(decision.warnings).toHaveLength(1);
    expect(decision.warnings[0]).toContain('.pdf');
    expect(decision.warnings[0]).toMatch(FRENCH);
  });

  it('reads JPEG dimensions behind a large EXIF block when given SNIFF_BYTES', async () => {
    const photo = tinyJpeg(4000, 3000, 100_000);
    const short = await expectAccepted(photo, 'image/jpeg', 'photo.jpg', 8192);
    expect(short.width).toBeUndefined();
    expect(short.warnings.length).toBe(1);
    const full = await expectAccepted(photo, 'image/jpeg', 'photo.jpg', SNIFF_BYTES);
    expect(full).toMatchObject({ width: 4000, height: 3000, warnings: [] });
  });

  it('accepts UTF-8 and Windows-1252 French text', async () => {
    const text = 'Réponse à l’avis publié le 3 juin : « très déçu ».\n';
    expect(await expectAccepted(Buffer.from(text, 'utf8'), 'text/plain; charset=utf-8'));
    const latin = Buffer.from('Réponse à l avis : très déçu, 20 €.\r\n', 'latin1');
    latin[latin.indexOf(0xac)] = 0x80; // '€' in Windows-1252
    const decision = await expectAccepted(latin, 'text/plain; charset=windows-1252', 'avis.txt');
    expect(decision.label).toBe('Texte (encodage Windows)');
  });

  it('accepts UTF-8 text whose head cuts a multi-byte character', async () => {
    const text = Buffer.from('é'.repeat(10_000), 'utf8');
    const decision = await classifyFile(text.subarray(0, 8191), text.length, 'note.txt');
    expect(decision).toMatchObject({ accepted: true, mime: 'text/plain; charset=utf-8' });
  });

  it('accepts an .eml e-mail, even with an HTML body', async () => {
    const decision = await expectAccepted(EML, 'message/rfc822', 'avis.eml');
    expect(decision).toMatchObject({ ext: 'eml', label: 'E-mail (.eml)', warnings: [] });
  });

  it('decides a GIF/JavaScript polyglot by its magic: a GIF', async () => {
    const decision = await expectAccepted(gifJsPolyglot(), 'image/gif', 'image.gif');
    expect(decision.width).toBe(0x2a2f);
  });
});

describe('classifyFile: refused formats', () => {
  it('refuses an empty file', async () => {
    const decision = await classifyFile(Buffer.alloc(0), 0, 'vide.png');
    expect(decision).toMatchObject({ accepted: false, detected: 'empty' });
    if (!decision.accepted) expect(decision.message).toContain('vide');
  });

  it('refuses SVG, and says so even when it is named .png', async () => {
    const plain = await expectRefused(SVG, 'svg', 'logo.svg');
    expect(plain.message).toContain('image SVG');
    expect(plain.message).toContain('capture d’écran');
    expect(plain.message).not.toContain('malgré');
    const disguised = await expectRefused(SVG, 'svg', 'capture.png');
    expect(disguised.message).toContain('malgré son nom en .png');
    await expectRefused(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'svg');
    await expectRefused(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), SVG]), 'svg');
  });

  it('refuses HTML, XHTML, HTML with a PNG name, and script tags near the start', async () => {
    expect((await expectRefused(HTML, 'html')).message).toContain('page web');
    await expectRefused(HTML, 'html', 'capture.png');
    await expectRefused(Buffer.from('  \n<html><body>x</body></html>'), 'html');
    await expectRefused(
      Buffer.from('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"></html>'),
      'html',
    );
    await expectRefused(Buffer.from('Bonjour\n<script>alert(1)</script>'), 'html', 'note.txt');
  });

  it('decides a PDF preceded by HTML as HTML', async () => {
    const polyglot = Buffer.concat([Buffer.from('<html><script>x()</script>'), tinyPdf()]);
    await expectRefused(polyglot, 'html', 'lettre.pdf');
  });

  it('refuses XML', async () => {
    await expectRefused(Buffer.from('<?xml version="1.0"?>\n<avis><texte>x</texte></avis>'), 'xml');
  });

  it('refuses executables and scripts by their first bytes', async () => {
    expect((await expectRefused(elfHeader(), 'elf', 'photo.jpg')).message).toContain('programme');
    expect((await expectRefused(mzHeader(), 'exe')).message).toContain('programme Windows');
    await expectRefused(Buffer.from('#!/bin/sh\nrm -rf ~\n'), 'script', 'note.txt');
    await expectRefused(Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1, 3, 0, 0, 0]), 'macho');
  });

  it('refuses archives and Office documents, naming them', async () => {
    expect((await expectRefused(tinyZip(['a.txt']), 'zip')).message).toContain('archive ZIP');
    expect((await expectRefused(tinyGzip(), 'gz')).message).toContain('archive');
    expect((await expectRefused(docxStart(), 'docx')).message).toContain('document Word');
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
    ]);
    expect((await expectRefused(ole, 'cfb')).message).toContain('PDF');
    const rar = Buffer.concat([Buffer.from('Rar!\x1a\x07\x01\x00', 'latin1'), Buffer.alloc(32)]);
    await expectRefused(rar, 'rar');
  });

  it('refuses other image formats with a conversion hint', async () => {
    const heic = Buffer.concat([
      Buffer.from([0, 0, 0, 0x18]),
      Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'),
      Buffer.alloc(64),
    ]);
    const decision = await expectRefused(heic, 'heic', 'photo.jpg');
    expect(decision.message).toContain('JPEG');
  });

  it('refuses decompression bombs by their header', async () => {
    const bomb = await expectRefused(bombPng(100_000, 100_000), 'image-too-large');
    expect(bomb.message.replace(/\s/g, ' ')).toContain('100 000 × 100 000 pixels');
    await expectRefused(bombPng(40_000, 10), 'image-too-large');
    await expectRefused(bombPng(12_000, 9_000), 'image-too-large');
    expect(MAX_IMAGE_PIXELS).toBe(100_000_000);
    // Just under both limits: accepted.
    await expectAccepted(bombPng(10_000, 10_000), 'image/png');
  });

  it('refuses an image whose header is unreadable', async () => {
    const broken = Buffer.concat([tinyPng().subarray(0, 8), Buffer.from('garbage')]);
    await expectRefused(broken, 'damaged-image');
    await expectRefused(bombPng(0, 10), 'damaged-image');
  });

  it('refuses binary data that is neither UTF-8 nor printable Latin-1', async () => {
    const bad = Buffer.from([
      ...Buffer.from('Texte '),
      ...Array.from({ length: 40 }, (_, i) => [0x81, 0x8d, 0x01, 0x02, 0x1b][i % 5] as number),
    ]);
    await expectRefused(bad, 'binary', 'note.txt');
    await expectRefused(Buffer.from('Bonjour\0tout le monde'), 'binary');
  });

  it('refuses UTF-16 text and web archives', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Bonjour', 'utf16le')]);
    expect((await expectRefused(utf16, 'utf-16')).message).toContain('UTF-8');
    const mhtml = Buffer.from(
      'From: <Saved by Blink>\r\nSnapshot-Content-Location: https://exemple.fr/\r\n' +
        'Subject: Avis\r\nMIME-Version: 1.0\r\n\r\nbody',
    );
    await expectRefused(mhtml, 'mhtml');
  });
});

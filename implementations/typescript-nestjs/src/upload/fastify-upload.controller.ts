/// <reference types="@fastify/multipart" />
import { Controller, HttpCode, HttpException, PayloadTooLargeException, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { noFileUploaded, type UploadedPart } from './upload-limits';

/** Bytes of a stream, read to its end without keeping them. */
async function byteCount(stream: Readable): Promise<number> {
  let size = 0;
  for await (const chunk of stream) size += (chunk as Buffer).length;
  return size;
}

/**
 * The escapes browsers apply to names in a multipart body (`%0A`, `%0D`, `%22`), reversed as
 * multer reverses them, so both platforms report the same `filename`.
 */
export function decodeFormDataName(name: string): string {
  return name.replace(/%0A|%0D|%22/gi, (m) => ({ '%0A': '\n', '%0D': '\r' })[m.toUpperCase()] ?? '"');
}

/**
 * `POST /upload` on the Fastify platform. multer (`FileInterceptor`) only runs on Express; Nest's
 * docs point Fastify users to `@fastify/multipart`, registered at bootstrap, whose `req.parts()`
 * this reads. The rules are multer's `single('file')`, so both platforms answer alike: exactly
 * one file part named `file` (text fields and file parts without a filename are skipped); any
 * other file part, or a body the parser rejects, is 422 `No file uploaded`; a file over the limit
 * is 413. Every part is read to its end.
 */
@Controller()
export class FastifyUploadController {
  @Post('upload')
  @HttpCode(200)
  async upload(@Req() req: FastifyRequest): Promise<UploadedPart> {
    if (!req.isMultipart()) throw noFileUploaded();
    let found: UploadedPart | undefined;
    let unexpected = false;
    try {
      for await (const part of req.parts()) {
        if (part.type !== 'file') continue;
        const size = await byteCount(part.file);
        if (part.file.truncated) throw new PayloadTooLargeException('File too large');
        if (!part.filename) continue;
        if (decodeFormDataName(part.fieldname) !== 'file' || found) unexpected = true;
        else found = { filename: decodeFormDataName(part.filename), size, content_type: part.mimetype };
      }
    } catch (error) {
      req.raw.resume(); // drain what the parser left unread, so the connection stays usable
      if (error instanceof HttpException) throw error;
      if ((error as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE') throw new PayloadTooLargeException('File too large');
      throw noFileUploaded();
    }
    if (!found || unexpected) throw noFileUploaded();
    return found;
  }
}

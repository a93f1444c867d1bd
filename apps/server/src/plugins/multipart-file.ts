import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

/**
 * The single `file` part of a multipart upload, still streaming, limited to `maxBytes`; fields
 * sent before it are in `part.fields`. Past the limit the stream is cut and `part.file.truncated` is set.
 */
export async function fileUploadPart(request: FastifyRequest, maxBytes: number): Promise<MultipartFile> {
  if (!request.isMultipart()) {
    throw new AppError('unsupported_media_type');
  }
  const part = await request.file({ limits: { fileSize: maxBytes, files: 1 }, throwFileSizeLimit: false });
  if (part?.fieldname !== 'file') {
    throw new AppError('bad_request', { detail: 'file' });
  }
  return part;
}

/** A small uploaded file (avatar, thumbnail) read into memory; 413 when it exceeds `maxBytes`. */
export async function readUploadedFile(request: FastifyRequest, maxBytes: number): Promise<Buffer> {
  const part = await fileUploadPart(request, maxBytes);
  const buffer = await part.toBuffer();
  if (part.file.truncated) {
    throw new AppError('payload_too_large');
  }
  return buffer;
}

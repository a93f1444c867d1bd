import type { FastifyReply } from 'fastify';

/** A generated file for the browser to save (exports, transcripts). */
export interface Download {
  contentType: string;
  /** `attachment; filename=…` with a safe name. */
  contentDisposition: string;
  body: Buffer | string;
}

/** Sends a private, never cached download that the browser must not sniff into something else. */
export function sendDownload(reply: FastifyReply, file: Download): FastifyReply {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', file.contentDisposition)
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(file.body);
}

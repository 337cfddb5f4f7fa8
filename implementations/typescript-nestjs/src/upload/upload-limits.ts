import { UnprocessableEntityException } from '@nestjs/common';

/** Multipart limits, the same on both platforms: a 10 MiB file, at most 1000 parts. */
export const UPLOAD_LIMITS = { fileSize: 10 * 1024 * 1024, parts: 1000, fieldSize: 1024 * 1024 } as const;

/** What `POST /upload` answers: the part's name, byte count and type. */
export interface UploadedPart {
  filename: string;
  size: number;
  content_type: string;
}

/** 422 `No file uploaded`: no multipart body, no part named `file`, or a body the parser rejects. */
export const noFileUploaded = () => new UnprocessableEntityException('No file uploaded');

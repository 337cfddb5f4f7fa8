/** A file part of a multipart body. */
export interface MultipartFile {
  filename: string;
  /** Default `application/octet-stream`. */
  contentType?: string;
  content: string | Buffer;
}

/** A multipart/form-data body, built from plain fields and files (like k6's `http.file`). */
export class MultipartBody {
  readonly boundary: string;
  constructor(
    readonly fields: Record<string, string> = {},
    readonly files: Record<string, MultipartFile> = {},
    boundary = 'lab-boundary-7MA4YWxkTrZu0gW',
  ) {
    this.boundary = boundary;
  }

  /** The encoded body; built once per call, so build the body once per VU when it is constant. */
  encode(): Buffer {
    const parts: Buffer[] = [];
    const dash = `--${this.boundary}\r\n`;
    for (const [name, value] of Object.entries(this.fields)) {
      parts.push(Buffer.from(`${dash}Content-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
    }
    for (const [name, file] of Object.entries(this.files)) {
      parts.push(
        Buffer.from(
          `${dash}Content-Disposition: form-data; name="${name}"; filename="${file.filename}"\r\n` +
            `Content-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
        ),
        typeof file.content === 'string' ? Buffer.from(file.content) : file.content,
        Buffer.from('\r\n'),
      );
    }
    parts.push(Buffer.from(`--${this.boundary}--\r\n`));
    return Buffer.concat(parts);
  }

  get contentType(): string {
    return `multipart/form-data; boundary=${this.boundary}`;
  }
}

/** Builds a multipart/form-data body: `http.post('/upload', multipart({ files: { file: {...} } }))`. */
export function multipart(spec: { fields?: Record<string, string>; files?: Record<string, MultipartFile> }): MultipartBody {
  return new MultipartBody(spec.fields, spec.files);
}

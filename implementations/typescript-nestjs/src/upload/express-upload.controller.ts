/// <reference types="multer" />
import {
  Controller,
  HttpCode,
  HttpException,
  HttpStatus,
  Injectable,
  Post,
  UploadedFile,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { catchError, throwError, type Observable } from 'rxjs';
import { UPLOAD_LIMITS, noFileUploaded, type UploadedPart } from './upload-limits';

/**
 * Bound before `FileInterceptor`, so its `next.handle()` includes multer's parsing: multer's
 * rejections of a body (`Unexpected field` for a file under another name, a malformed body, too
 * many parts) mean "no proper file part", 422 `No file uploaded`. A file over the size limit
 * stays 413.
 */
@Injectable()
export class MulterRejectionInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        const keep =
          error instanceof HttpException && (error.getStatus() === HttpStatus.PAYLOAD_TOO_LARGE || error.getStatus() === HttpStatus.UNPROCESSABLE_ENTITY);
        return throwError(() => (keep ? error : noFileUploaded()));
      }),
    );
  }
}

/**
 * `POST /upload` on the Express platform, as Nest's file-upload chapter does it: `FileInterceptor`
 * (multer, memory storage) and `@UploadedFile()`. `size` is the byte count of the part.
 */
@Controller()
export class ExpressUploadController {
  @Post('upload')
  @HttpCode(200)
  @UseInterceptors(MulterRejectionInterceptor, FileInterceptor('file', { limits: UPLOAD_LIMITS }))
  upload(@UploadedFile() file: Express.Multer.File | undefined): UploadedPart {
    if (!file) throw noFileUploaded();
    return { filename: file.originalname, size: file.size, content_type: file.mimetype };
  }
}

import { IsObject, IsOptional, IsString } from 'class-validator';

/** `POST /echo`: `message` required; `data` an object or null (absent → null); other keys dropped. */
export class EchoDto {
  @IsString()
  message: string;

  @IsOptional()
  @IsObject()
  data?: Record<string, unknown> | null;
}

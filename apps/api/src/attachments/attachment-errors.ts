import {
  type ArgumentsHost,
  BadRequestException,
  Catch,
  HttpStatus,
  Inject,
  PayloadTooLargeException,
} from '@nestjs/common';
import { ErrorFilter } from '../common/error.filter.js';
import { ApiError, badRequest } from '../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

/** 413 `file-too-large`, with the limit in megabytes. */
export function fileTooLarge(maxBytes: number): ApiError {
  const mb = Math.round((maxBytes / (1024 * 1024)) * 10) / 10;
  return new ApiError(
    HttpStatus.PAYLOAD_TOO_LARGE,
    'file-too-large',
    `Le fichier dépasse la taille maximale autorisée (${mb} Mo).`,
    [{ path: 'file', code: 'file-too-large', message: `Taille maximale : ${mb} Mo.` }],
  );
}

/**
 * On the upload route, Multer's refusals (Nest turns them into HttpExceptions with English
 * messages) become the API's error shape: over the size limit → 413 `file-too-large`; a
 * malformed form, a file in another field or several files → 400 `invalid-upload`.
 */
@Catch()
export class UploadErrorFilter extends ErrorFilter {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
  }

  override catch(exception: unknown, host: ArgumentsHost): void {
    super.catch(this.translate(exception), host);
  }

  private translate(exception: unknown): unknown {
    if (exception instanceof PayloadTooLargeException)
      return fileTooLarge(this.config.NEC_UPLOAD_MAX_BYTES);
    if (exception instanceof BadRequestException) {
      return badRequest(
        'invalid-upload',
        'Le formulaire d’envoi est invalide : envoyez un seul fichier, dans le champ « file », avec le champ « kind ».',
      );
    }
    return exception;
  }
}

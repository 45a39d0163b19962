import { PaymentsFileError } from '@fundledger/payments-import';
import type { Request, Response } from 'express';
import multer from 'multer';
import { formOf } from './page-request';

/** The largest payments file the page takes: ample for the 5,000 rows one file may hold. */
export const MAX_UPLOAD_BYTES = 1024 * 1024;
export const MAX_UPLOAD_TEXT = '1 MB';

/**
 * multipart/form-data for the upload and its confirmation, in memory and bounded: one file of at most
 * 1 MB, a few short fields, and the confirmation's copy of the file (base64, so 4/3 of the file).
 */
const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 12, parts: 13, fieldSize: Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 16 },
}).single('file');

export interface UploadedForm {
  readonly fields: Record<string, string>;
  readonly file?: { readonly name: string; readonly bytes: Buffer };
}

/** Parses the request's multipart body; a body over the limits is a PaymentsFileError the page shows, never a 500. */
export const readUploadForm = (request: Request, response: Response): Promise<UploadedForm> =>
  new Promise((resolve, reject) => {
    upload(request, response, (error: unknown) => {
      // Every failure here is the form's (over a limit, cut short, not multipart as it says): the page says which.
      if (error instanceof multer.MulterError && error.code === 'LIMIT_FILE_SIZE') {
        return reject(new PaymentsFileError('FILE_TOO_LARGE', `the file is larger than ${MAX_UPLOAD_TEXT}: split it into smaller files`));
      }
      if (error !== undefined && error !== null) {
        const reason = error instanceof Error ? error.message : String(error);
        return reject(new PaymentsFileError('MALFORMED_FORM', `the form could not be read (${reason}): send it again from the upload page`));
      }
      const file = request.file;
      resolve({ fields: formOf(request), ...(file === undefined || file.size === 0 ? {} : { file: { name: file.originalname, bytes: file.buffer } }) });
    });
  });

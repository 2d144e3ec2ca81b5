/**
 * The portal sends a statement as the raw file (`application/octet-stream`), so the API can stream it
 * to storage instead of reading a multipart body whole; the file's name travels in this header,
 * URI-encoded. Multipart form data with a `file` field is accepted too.
 */
export const UPLOAD_NAME_HEADER = 'x-upload-name';

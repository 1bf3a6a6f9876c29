/** Picture upload limits, shared by the server's checks and the form's warning before sending. */
export const MAX_IMAGE_MB = 10;
export const MAX_IMAGE_BYTES = MAX_IMAGE_MB * 1024 * 1024;
export const MAX_IMAGES = 10;
/** What one upload may carry in all (under next.config's 25 MB server-action body limit). */
export const MAX_UPLOAD_MB = 24;

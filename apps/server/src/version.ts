/** The version reported by the API docs, backups and traces (`service.version`). */
export const APP_VERSION = '0.1.0';

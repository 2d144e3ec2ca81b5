/** What global-setup.ts hands to the e2e tests through `project.provide` / `inject`. */
export interface E2eAdmin {
  email: string;
  password: string;
  displayName: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The running API, which also serves the built portal, e.g. http://127.0.0.1:41234. */
    baseUrl: string;
    /** The admin account the API created at start-up (ADMIN_EMAIL / ADMIN_PASSWORD). */
    admin: E2eAdmin;
    /** The database the API and worker use, for specs that seed data a browser cannot create (many consenting customers). */
    databaseUrl: string;
  }
}

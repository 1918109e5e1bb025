declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
    databaseUrl: string;
    databaseMode: 'embedded' | 'server';
    filesDir: string;
  }
}
export {};

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
    databaseUrl: string;
    databaseMode: 'embedded' | 'server';
  }
}
export {};

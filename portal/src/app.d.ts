// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    interface Error {
      message: string;
    }
    interface Platform {
      /** adapter-node passes the incoming Node request. */
      req?: import('node:http').IncomingMessage;
    }
    interface GraphQLErrorExtensions {
      code?: string;
      [key: string]: unknown;
    }
  }
}

export {};

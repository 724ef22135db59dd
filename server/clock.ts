// The server's one source of "now": main.ts passes Date, tests a manual clock, so every
// module that needs the time takes a Clock instead of reading Date.now() itself.
export interface Clock {
  now(): number;
}

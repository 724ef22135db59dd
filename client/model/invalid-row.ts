// The error of a model write whose row fails the shared schema (a bug upstream, or input
// the page did not check), with zod's description of what is wrong.
export class InvalidRowError extends Error {
  override name = 'InvalidRowError';
}

// Thrown while translating an element the vector PDF cannot draw; the element is then drawn as
// an image (and a warning says so).
export class Unsupported extends Error {
  constructor(readonly what: string) {
    super(`cannot draw ${what} as vectors`);
  }
}

// stopword 3.1.5 ships no declarations (@types/stopword describes 2.x): the one list core reads.
declare module 'stopword' {
  /** English stop words, lower case. */
  export const eng: readonly string[];
}

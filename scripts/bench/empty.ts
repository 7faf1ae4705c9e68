/** Bench baseline: tsx starting up and running nothing. */
export {};

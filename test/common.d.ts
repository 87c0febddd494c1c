export declare const escapeHtml: (s: unknown) => string;
export declare const LIT_GLOBALS: string[];
export declare const OUR_SYMBOLS: string[];

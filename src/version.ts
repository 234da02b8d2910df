/**
 * Version numbers.
 *
 * @module
 */

/** This package's version (kept equal to package.json's; a test checks it). */
export const VERSION = '0.1.0';

/** The Python jieba release whose output jieba-ts reproduces. */
export const JIEBA_VERSION = '0.42.1';

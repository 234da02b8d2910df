/**
 * The WebAssembly kernels' modules, compiled once from the base64 text the
 * build makes of each `kernels.wat`: shared by the modules that run them,
 * so each does not keep its own "compiled or not yet" state.
 *
 * @module
 */

import { base64Bytes } from './text/base64.js';

/** The part of the WebAssembly API used here (typed locally: the project's lib has no DOM). */
interface WasmModuleApi {
  Module: new (bytes: Uint8Array) => object;
}

/** Each module by its base64 text; null where it did not compile. */
const modules = new Map<string, object | null>();

/**
 * The module assembled into `base64`, compiled on first use; null where
 * WebAssembly is unavailable, a runtime forbids compiling code, or the
 * module uses what the engine lacks (SIMD in old engines).
 *
 * @example
 * const module = compiledWasm(WASM_BASE64); // then new WebAssembly.Instance(module, { env: { memory } })
 */
export function compiledWasm(base64: string): object | null {
  let module = modules.get(base64);
  if (module === undefined) {
    module = null;
    const wasm = (globalThis as { WebAssembly?: WasmModuleApi }).WebAssembly;
    if (wasm && typeof atob === 'function') {
      try {
        module = new wasm.Module(base64Bytes(base64));
      } catch {
        // Left null: the callers use their JavaScript.
      }
    }
    modules.set(base64, module);
  }
  return module;
}

/**
 * The WebAssembly kernels' modules, compiled once from the base64 text the
 * build makes of each `kernels.wat`: shared by the modules that run them,
 * so each does not keep its own "compiled or not yet" state.
 *
 * @module
 */

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
        module = new wasm.Module(bytesOf(base64));
      } catch {
        // Left null: the callers use their JavaScript.
      }
    }
    modules.set(base64, module);
  }
  return module;
}

/**
 * The bytes of `base64`: `Uint8Array.fromBase64` where the engine has it,
 * else `atob` and a loop (`Uint8Array.from` with a mapping function took
 * 1.1-1.6 ms for a kernel module, still cold at start-up; the loop 0.3-0.4).
 */
function bytesOf(base64: string): Uint8Array {
  const fromBase64 = (Uint8Array as { fromBase64?: (text: string) => Uint8Array }).fromBase64;
  if (typeof fromBase64 === 'function') return fromBase64.call(Uint8Array, base64);
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

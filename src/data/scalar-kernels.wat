;; The image checksum and the filter kernels without SIMD (see
;; src/data/checksum.ts), for every engine that runs WebAssembly at all:
;; `hash` is what `checksum` computes in JavaScript, the others what
;; src/data/filters.ts does. `npm run build` assembles this file
;; (scripts/assemble-wasm.mjs); kernels.wat has the SIMD unshuffles that
;; replace these where the engine has SIMD.
;;
;; Every pointer is a byte offset into the imported memory, which the caller
;; makes at its full size: nothing here grows it.
(module
  (import "env" "memory" (memory 0))

  ;; hash(ptr, words): the 32-bit hash of the `words` 32-bit words at ptr,
  ;; as `checksum` in checksum.ts: four lanes, each mixing every fourth word
  ;; (multiply, xor-shift), folded together, then the last words one by one.
  (func (export "hash") (param $ptr i32) (param $words i32) (result i32)
    (local $a i32) (local $b i32) (local $c i32) (local $d i32)
    (local $p i32) (local $bodyEnd i32) (local $h i32) (local $end i32)
    (local.set $a (i32.const 0x811c9dc5))
    (local.set $b (i32.const 0x01000193))
    (local.set $c (i32.const 0x9e3779b9))
    (local.set $d (i32.const 0x85ebca6b))
    (local.set $p (local.get $ptr))
    (local.set $bodyEnd (i32.add (local.get $ptr) (i32.shl (i32.and (local.get $words) (i32.const -4)) (i32.const 2))))
    (local.set $end (i32.add (local.get $ptr) (i32.shl (local.get $words) (i32.const 2))))
    (block $bodyDone
      (loop $body
        (br_if $bodyDone (i32.ge_u (local.get $p) (local.get $bodyEnd)))
        (local.set $a (i32.mul (i32.xor (local.get $a) (i32.load (local.get $p))) (i32.const 0x5bd1e995)))
        (local.set $a (i32.xor (local.get $a) (i32.shr_u (local.get $a) (i32.const 15))))
        (local.set $b (i32.mul (i32.xor (local.get $b) (i32.load offset=4 (local.get $p))) (i32.const 0x5bd1e995)))
        (local.set $b (i32.xor (local.get $b) (i32.shr_u (local.get $b) (i32.const 15))))
        (local.set $c (i32.mul (i32.xor (local.get $c) (i32.load offset=8 (local.get $p))) (i32.const 0x5bd1e995)))
        (local.set $c (i32.xor (local.get $c) (i32.shr_u (local.get $c) (i32.const 15))))
        (local.set $d (i32.mul (i32.xor (local.get $d) (i32.load offset=12 (local.get $p))) (i32.const 0x5bd1e995)))
        (local.set $d (i32.xor (local.get $d) (i32.shr_u (local.get $d) (i32.const 15))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $body)))
    ;; h = imul(a ^ (b >>> 7) ^ (b << 25), M) ^ imul(c ^ (d >>> 13) ^ (d << 19), K) ^ words
    (local.set $h
      (i32.xor
        (i32.xor
          (i32.mul
            (i32.xor (i32.xor (local.get $a) (i32.shr_u (local.get $b) (i32.const 7))) (i32.shl (local.get $b) (i32.const 25)))
            (i32.const 0x5bd1e995))
          (i32.mul
            (i32.xor (i32.xor (local.get $c) (i32.shr_u (local.get $d) (i32.const 13))) (i32.shl (local.get $d) (i32.const 19)))
            (i32.const 0xcc9e2d51)))
        (local.get $words)))
    (block $tailDone
      (loop $tail
        (br_if $tailDone (i32.ge_u (local.get $p) (local.get $end)))
        ;; h = imul(h ^ word, M) ^ (h >>> 15), both from the h before
        (local.set $h
          (i32.xor
            (i32.mul (i32.xor (local.get $h) (i32.load (local.get $p))) (i32.const 0x5bd1e995))
            (i32.shr_u (local.get $h) (i32.const 15))))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $tail)))
    (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 13))) (i32.const 0x5bd1e995)))

  ;; unshuffle2(src, dst, count): element i (2 bytes, at dst + 2i) is bytes
  ;; src[i] and src[count + i], low byte first.
  ;; hashLanes(state, ptr, groups): the four lanes of `hash`, read from the
  ;; four words at `state` and written back there, carried on over `groups`
  ;; groups of four words at ptr: what `hash` does before its fold, a piece
  ;; at a time, for words that lie elsewhere and are copied here in pieces
  ;; (checksum.ts folds the lanes and hashes the last words).
  (func (export "hashLanes") (param $state i32) (param $ptr i32) (param $groups i32)
    (local $a i32) (local $b i32) (local $c i32) (local $d i32) (local $p i32) (local $end i32)
    (local.set $a (i32.load offset=0 (local.get $state)))
    (local.set $b (i32.load offset=4 (local.get $state)))
    (local.set $c (i32.load offset=8 (local.get $state)))
    (local.set $d (i32.load offset=12 (local.get $state)))
    (local.set $p (local.get $ptr))
    (local.set $end (i32.add (local.get $ptr) (i32.shl (local.get $groups) (i32.const 4))))
    (block $done
      (loop $body
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $a (i32.mul (i32.xor (local.get $a) (i32.load (local.get $p))) (i32.const 0x5bd1e995)))
        (local.set $a (i32.xor (local.get $a) (i32.shr_u (local.get $a) (i32.const 15))))
        (local.set $b (i32.mul (i32.xor (local.get $b) (i32.load offset=4 (local.get $p))) (i32.const 0x5bd1e995)))
        (local.set $b (i32.xor (local.get $b) (i32.shr_u (local.get $b) (i32.const 15))))
        (local.set $c (i32.mul (i32.xor (local.get $c) (i32.load offset=8 (local.get $p))) (i32.const 0x5bd1e995)))
        (local.set $c (i32.xor (local.get $c) (i32.shr_u (local.get $c) (i32.const 15))))
        (local.set $d (i32.mul (i32.xor (local.get $d) (i32.load offset=12 (local.get $p))) (i32.const 0x5bd1e995)))
        (local.set $d (i32.xor (local.get $d) (i32.shr_u (local.get $d) (i32.const 15))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $body)))
    (i32.store offset=0 (local.get $state) (local.get $a))
    (i32.store offset=4 (local.get $state) (local.get $b))
    (i32.store offset=8 (local.get $state) (local.get $c))
    (i32.store offset=12 (local.get $state) (local.get $d)))

  (func (export "unshuffle2") (param $src i32) (param $dst i32) (param $count i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $src) (local.get $count)))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $src) (local.get $end)))
        (i32.store16 (local.get $dst)
          (i32.or
            (i32.load8_u (local.get $src))
            (i32.shl (i32.load8_u (i32.add (local.get $src) (local.get $count))) (i32.const 8))))
        (local.set $src (i32.add (local.get $src) (i32.const 1)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 2)))
        (br $each))))

  ;; unshuffle4(src, dst, count): element i (4 bytes, at dst + 4i) is bytes
  ;; src[i], src[count + i], src[2 count + i] and src[3 count + i], low byte first.
  (func (export "unshuffle4") (param $src i32) (param $dst i32) (param $count i32)
    (local $end i32) (local $count2 i32) (local $count3 i32)
    (local.set $end (i32.add (local.get $src) (local.get $count)))
    (local.set $count2 (i32.shl (local.get $count) (i32.const 1)))
    (local.set $count3 (i32.add (local.get $count2) (local.get $count)))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $src) (local.get $end)))
        (i32.store (local.get $dst)
          (i32.or
            (i32.or
              (i32.load8_u (local.get $src))
              (i32.shl (i32.load8_u (i32.add (local.get $src) (local.get $count))) (i32.const 8)))
            (i32.or
              (i32.shl (i32.load8_u (i32.add (local.get $src) (local.get $count2))) (i32.const 16))
              (i32.shl (i32.load8_u (i32.add (local.get $src) (local.get $count3))) (i32.const 24)))))
        (local.set $src (i32.add (local.get $src) (i32.const 1)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 4)))
        (br $each))))

  ;; undelta2(ptr, count): running sums of the `count` 16-bit elements at
  ;; ptr, in place, wrapping as the type does.
  (func (export "undelta2") (param $p i32) (param $count i32)
    (local $end i32) (local $sum i32)
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $count) (i32.const 1))))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $sum (i32.add (local.get $sum) (i32.load16_u (local.get $p))))
        (i32.store16 (local.get $p) (local.get $sum))
        (local.set $p (i32.add (local.get $p) (i32.const 2)))
        (br $each))))

  ;; undelta4(ptr, count): the same for 32-bit elements.
  (func (export "undelta4") (param $p i32) (param $count i32)
    (local $end i32) (local $sum i32)
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $count) (i32.const 2))))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $sum (i32.add (local.get $sum) (i32.load (local.get $p))))
        (i32.store (local.get $p) (local.get $sum))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $each))))

  ;; largest(ptr, count, skip): the largest magnitude among the `count`
  ;; doubles at ptr other than those equal to `skip` (0 for none), or
  ;; infinity when one of them is not finite: `largestEmission` of
  ;; src/posseg/model.ts, compiled, for the POS model's emissions at the
  ;; first tagging (skip: MIN_FLOAT).
  (func (export "largest") (param $p i32) (param $count i32) (param $skip f64) (result f64)
    (local $end i32) (local $value f64) (local $largest f64)
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $count) (i32.const 3))))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $value (f64.load (local.get $p)))
        (if (f64.ne (local.get $value) (local.get $skip))
          (then
            (local.set $value (f64.abs (local.get $value)))
            ;; (NaN fails every comparison, so this also catches it.)
            (if (i32.eqz (f64.le (local.get $value) (f64.const 0x1.fffffffffffffp+1023)))
              (then (return (f64.const inf))))
            (if (f64.gt (local.get $value) (local.get $largest))
              (then (local.set $largest (local.get $value))))))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (br $each)))
    (local.get $largest)))

;; WebAssembly SIMD kernels for reading images (see src/data/image.ts and
;; src/data/checksum.ts): undoing the byte shuffle of 2- and 4-byte
;; sections sixteen elements at a time, and widening float16 sections to
;; float32 eight at a time. `npm run build` assembles this file
;; (scripts/assemble-wasm.mjs). Where WebAssembly SIMD is missing, the
;; scalar kernels of checksum.ts and the JavaScript of filters.ts do the
;; same work.
;;
;; Every pointer is a byte offset into the imported memory, which the caller
;; makes at its full size: nothing here grows it.
(module
  (import "env" "memory" (memory 0))

  ;; unshuffle2(src, dst, count): element i (2 bytes, at dst + 2i) is bytes
  ;; src[i] and src[count + i], low byte first.
  (func (export "unshuffle2") (param $src i32) (param $dst i32) (param $count i32)
    (local $end i32) (local $a v128) (local $b v128)
    (local.set $end (i32.add (local.get $src) (i32.and (local.get $count) (i32.const -16))))
    (block $done
      (loop $sixteen
        (br_if $done (i32.ge_u (local.get $src) (local.get $end)))
        (local.set $a (v128.load (local.get $src)))
        (local.set $b (v128.load (i32.add (local.get $src) (local.get $count))))
        (v128.store (local.get $dst)
          (i8x16.shuffle 0 16 1 17 2 18 3 19 4 20 5 21 6 22 7 23 (local.get $a) (local.get $b)))
        (v128.store offset=16 (local.get $dst)
          (i8x16.shuffle 8 24 9 25 10 26 11 27 12 28 13 29 14 30 15 31 (local.get $a) (local.get $b)))
        (local.set $src (i32.add (local.get $src) (i32.const 16)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 32)))
        (br $sixteen)))
    ;; The last count % 16 elements, one by one.
    (local.set $end (i32.add (local.get $end) (i32.and (local.get $count) (i32.const 15))))
    (block $tailDone
      (loop $tail
        (br_if $tailDone (i32.ge_u (local.get $src) (local.get $end)))
        (i32.store16 (local.get $dst)
          (i32.or
            (i32.load8_u (local.get $src))
            (i32.shl (i32.load8_u (i32.add (local.get $src) (local.get $count))) (i32.const 8))))
        (local.set $src (i32.add (local.get $src) (i32.const 1)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 2)))
        (br $tail))))

  ;; unshuffle4(src, dst, count): element i (4 bytes, at dst + 4i) is bytes
  ;; src[i], src[count + i], src[2 count + i], src[3 count + i], low first.
  (func (export "unshuffle4") (param $src i32) (param $dst i32) (param $count i32)
    (local $end i32) (local $count2 i32) (local $count3 i32)
    (local $a v128) (local $b v128) (local $c v128) (local $d v128)
    (local $ab v128) (local $cd v128)
    (local.set $count2 (i32.shl (local.get $count) (i32.const 1)))
    (local.set $count3 (i32.add (local.get $count2) (local.get $count)))
    (local.set $end (i32.add (local.get $src) (i32.and (local.get $count) (i32.const -16))))
    (block $done
      (loop $sixteen
        (br_if $done (i32.ge_u (local.get $src) (local.get $end)))
        (local.set $a (v128.load (local.get $src)))
        (local.set $b (v128.load (i32.add (local.get $src) (local.get $count))))
        (local.set $c (v128.load (i32.add (local.get $src) (local.get $count2))))
        (local.set $d (v128.load (i32.add (local.get $src) (local.get $count3))))
        ;; Elements 0-7: bytes of planes a and b paired, then of c and d,
        ;; then the pairs paired.
        (local.set $ab (i8x16.shuffle 0 16 1 17 2 18 3 19 4 20 5 21 6 22 7 23 (local.get $a) (local.get $b)))
        (local.set $cd (i8x16.shuffle 0 16 1 17 2 18 3 19 4 20 5 21 6 22 7 23 (local.get $c) (local.get $d)))
        (v128.store (local.get $dst)
          (i8x16.shuffle 0 1 16 17 2 3 18 19 4 5 20 21 6 7 22 23 (local.get $ab) (local.get $cd)))
        (v128.store offset=16 (local.get $dst)
          (i8x16.shuffle 8 9 24 25 10 11 26 27 12 13 28 29 14 15 30 31 (local.get $ab) (local.get $cd)))
        ;; Elements 8-15.
        (local.set $ab (i8x16.shuffle 8 24 9 25 10 26 11 27 12 28 13 29 14 30 15 31 (local.get $a) (local.get $b)))
        (local.set $cd (i8x16.shuffle 8 24 9 25 10 26 11 27 12 28 13 29 14 30 15 31 (local.get $c) (local.get $d)))
        (v128.store offset=32 (local.get $dst)
          (i8x16.shuffle 0 1 16 17 2 3 18 19 4 5 20 21 6 7 22 23 (local.get $ab) (local.get $cd)))
        (v128.store offset=48 (local.get $dst)
          (i8x16.shuffle 8 9 24 25 10 11 26 27 12 13 28 29 14 15 30 31 (local.get $ab) (local.get $cd)))
        (local.set $src (i32.add (local.get $src) (i32.const 16)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 64)))
        (br $sixteen)))
    (local.set $end (i32.add (local.get $end) (i32.and (local.get $count) (i32.const 15))))
    (block $tailDone
      (loop $tail
        (br_if $tailDone (i32.ge_u (local.get $src) (local.get $end)))
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
        (br $tail))))

  ;; #include src/math/halves.wat
)

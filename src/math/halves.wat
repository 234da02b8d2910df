;; Widening float16 to float32 in WebAssembly SIMD, eight halves at a time:
;; a fragment, not a module. `scripts/assemble-wasm.mjs` puts it where a
;; module's text says `;; #include src/math/halves.wat` (the image reader's
;; kernels and paddle mode's network both widen halves).
;;
;; f16to32 reads each group of eight halves before it writes their floats,
;; so it may widen in place from the upper half of its output:
;; src = dst + 2 * count. The floats of halves 0 .. 8j+7 end at byte
;; 32j + 32, and the halves not read yet start at 2 * count + 16j + 16,
;; which is no lower while 8j + 8 <= count; the same holds one half at a
;; time in the tail.

;; Four halves (the low 16 bits of each lane) as float32s, exactly: a
;; normal half's bits shifted into place with the exponent's bias moved
;; from 15 to 127; infinities and NaNs keep an all-ones exponent; zeros
;; and subnormal halves are their mantissa times 2^-24.
(func $halves (param $x v128) (result v128)
  (local $magnitude v128) (local $bits v128)
  (local.set $magnitude (v128.and (local.get $x) (v128.const i32x4 0x7fff 0x7fff 0x7fff 0x7fff)))
  (local.set $bits
    (i32x4.add (i32x4.shl (local.get $magnitude) (i32.const 13)) (v128.const i32x4 0x38000000 0x38000000 0x38000000 0x38000000)))
  (local.set $bits
    (v128.bitselect
      (v128.or
        (v128.const i32x4 0x7f800000 0x7f800000 0x7f800000 0x7f800000)
        (i32x4.shl (v128.and (local.get $magnitude) (v128.const i32x4 0x3ff 0x3ff 0x3ff 0x3ff)) (i32.const 13)))
      (local.get $bits)
      (i32x4.ge_u (local.get $magnitude) (v128.const i32x4 0x7c00 0x7c00 0x7c00 0x7c00))))
  (local.set $bits
    (v128.bitselect
      (f32x4.mul (f32x4.convert_i32x4_s (local.get $magnitude)) (v128.const f32x4 0x1p-24 0x1p-24 0x1p-24 0x1p-24))
      (local.get $bits)
      (i32x4.lt_u (local.get $magnitude) (v128.const i32x4 0x400 0x400 0x400 0x400))))
  (v128.or
    (local.get $bits)
    (i32x4.shl (v128.and (local.get $x) (v128.const i32x4 0x8000 0x8000 0x8000 0x8000)) (i32.const 16))))

;; f16to32(src, dst, count): count halves at src as float32s at dst.
(func (export "f16to32") (param $src i32) (param $dst i32) (param $count i32)
  (local $end i32) (local $h v128)
  (local.set $end (i32.add (local.get $src) (i32.shl (i32.and (local.get $count) (i32.const -8)) (i32.const 1))))
  (block $done
    (loop $eight
      (br_if $done (i32.ge_u (local.get $src) (local.get $end)))
      (local.set $h (v128.load (local.get $src)))
      (v128.store (local.get $dst) (call $halves (i32x4.extend_low_i16x8_u (local.get $h))))
      (v128.store offset=16 (local.get $dst) (call $halves (i32x4.extend_high_i16x8_u (local.get $h))))
      (local.set $src (i32.add (local.get $src) (i32.const 16)))
      (local.set $dst (i32.add (local.get $dst) (i32.const 32)))
      (br $eight)))
  (local.set $end (i32.add (local.get $end) (i32.shl (i32.and (local.get $count) (i32.const 7)) (i32.const 1))))
  (block $tailDone
    (loop $tail
      (br_if $tailDone (i32.ge_u (local.get $src) (local.get $end)))
      (f32.store (local.get $dst)
        (f32x4.extract_lane 0 (call $halves (i32x4.splat (i32.load16_u (local.get $src))))))
      (local.set $src (i32.add (local.get $src) (i32.const 2)))
      (local.set $dst (i32.add (local.get $dst) (i32.const 4)))
      (br $tail))))

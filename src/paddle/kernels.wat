;; The kernels of paddle mode's network (see src/paddle/lac.ts and
;; src/paddle/wasm-network.ts), in WebAssembly SIMD: float32 lanes, four at
;; a time. `npm run build` assembles this file (scripts/assemble-wasm.mjs).
;;
;; The hidden size is 128 (HIDDEN_SIZE), fixed here: a row of a GRU's
;; update-and-reset weights is 256 floats (1,024 bytes), one of its
;; candidate weights 128 floats (512 bytes), a row of gate inputs 384 floats
;; (1,536 bytes).
;;
;; Every pointer is a byte offset into the imported memory, which the caller
;; makes at its full size: nothing here grows it.
(module
  (import "env" "memory" (memory 0))

  ;; e^x for each lane, to about 2 units in the last place of float32, written
  ;; out in the two loops that use it (EXP below), so that the engine
  ;; overlaps one vector's with the next one's instead of calling it: x is
  ;; clamped to [-87, 88] (where e^x is a normal float32), split as n * ln 2 + r with |r| <= ln 2 / 2 (ln 2 in two
  ;; parts, so that n * ln 2 is exact enough), e^r from its Taylor polynomial
  ;; of degree 7 in Horner's form, 1 + r(1 + r/2(1 + r/3(...(1 + r/7)))) (the
  ;; remainder is below 2^-27 on that interval), and 2^n put into the
  ;; exponent bits. Paddle's activations on it:
  ;;   sigmoid(x) = 1 / (1 + e^-x), x clipped to [-40, 13];
  ;;   tanh(x) = 2 / (1 + e^t) - 1, t = -2x capped at 40.

  ;; fc: out[t][j] = bias[j] + sum over k of in[t][k] * w[k][j], for rows
  ;; t < $rows and columns j < $outSize (a multiple of 32), all row-major.
  ;; Four rows and eight columns at a time: each weight vector loaded serves
  ;; four rows; then the last rows (up to three) one at a time, 32 columns
  ;; at a time, for as many sums on the way as the four-row blocks keep.
  ;; Each output is summed in the same order either way.
  (func (export "fc")
    (param $in i32) (param $rows i32) (param $inSize i32) (param $w i32) (param $bias i32) (param $outSize i32) (param $out i32)
    (local $inStride i32) (local $outStride i32) (local $in2 i32) (local $in3 i32)
    (local $row i32) (local $rowsEnd i32) (local $j i32) (local $ip i32) (local $kEnd i32) (local $wp i32) (local $op i32)
    (local $b0 v128) (local $b1 v128) (local $w0 v128) (local $w1 v128) (local $s v128)
    (local $a00 v128) (local $a01 v128) (local $a10 v128) (local $a11 v128)
    (local $a20 v128) (local $a21 v128) (local $a30 v128) (local $a31 v128)
    (local.set $inStride (i32.shl (local.get $inSize) (i32.const 2)))
    (local.set $outStride (i32.shl (local.get $outSize) (i32.const 2)))
    (local.set $in2 (i32.shl (local.get $inStride) (i32.const 1)))
    (local.set $in3 (i32.add (local.get $in2) (local.get $inStride)))
    (local.set $row (i32.const 0))
    (local.set $rowsEnd (i32.and (local.get $rows) (i32.const -4)))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_u (local.get $row) (local.get $rowsEnd)))
        (local.set $j (i32.const 0))
        (block $columnsDone
          (loop $columns
            (br_if $columnsDone (i32.ge_u (local.get $j) (local.get $outStride)))
            (local.set $b0 (v128.load (i32.add (local.get $bias) (local.get $j))))
            (local.set $b1 (v128.load offset=16 (i32.add (local.get $bias) (local.get $j))))
            (local.set $a00 (local.get $b0)) (local.set $a01 (local.get $b1))
            (local.set $a10 (local.get $b0)) (local.set $a11 (local.get $b1))
            (local.set $a20 (local.get $b0)) (local.set $a21 (local.get $b1))
            (local.set $a30 (local.get $b0)) (local.set $a31 (local.get $b1))
            (local.set $ip (i32.add (local.get $in) (i32.mul (local.get $row) (local.get $inStride))))
            (local.set $kEnd (i32.add (local.get $ip) (local.get $inStride)))
            (local.set $wp (i32.add (local.get $w) (local.get $j)))
            (block $kDone
              (loop $k
                (br_if $kDone (i32.ge_u (local.get $ip) (local.get $kEnd)))
                (local.set $w0 (v128.load (local.get $wp)))
                (local.set $w1 (v128.load offset=16 (local.get $wp)))
                (local.set $s (v128.load32_splat (local.get $ip)))
                (local.set $a00 (f32x4.add (local.get $a00) (f32x4.mul (local.get $s) (local.get $w0))))
                (local.set $a01 (f32x4.add (local.get $a01) (f32x4.mul (local.get $s) (local.get $w1))))
                (local.set $s (v128.load32_splat (i32.add (local.get $ip) (local.get $inStride))))
                (local.set $a10 (f32x4.add (local.get $a10) (f32x4.mul (local.get $s) (local.get $w0))))
                (local.set $a11 (f32x4.add (local.get $a11) (f32x4.mul (local.get $s) (local.get $w1))))
                (local.set $s (v128.load32_splat (i32.add (local.get $ip) (local.get $in2))))
                (local.set $a20 (f32x4.add (local.get $a20) (f32x4.mul (local.get $s) (local.get $w0))))
                (local.set $a21 (f32x4.add (local.get $a21) (f32x4.mul (local.get $s) (local.get $w1))))
                (local.set $s (v128.load32_splat (i32.add (local.get $ip) (local.get $in3))))
                (local.set $a30 (f32x4.add (local.get $a30) (f32x4.mul (local.get $s) (local.get $w0))))
                (local.set $a31 (f32x4.add (local.get $a31) (f32x4.mul (local.get $s) (local.get $w1))))
                (local.set $ip (i32.add (local.get $ip) (i32.const 4)))
                (local.set $wp (i32.add (local.get $wp) (local.get $outStride)))
                (br $k)))
            (local.set $op
              (i32.add (i32.add (local.get $out) (i32.mul (local.get $row) (local.get $outStride))) (local.get $j)))
            (v128.store (local.get $op) (local.get $a00))
            (v128.store offset=16 (local.get $op) (local.get $a01))
            (local.set $op (i32.add (local.get $op) (local.get $outStride)))
            (v128.store (local.get $op) (local.get $a10))
            (v128.store offset=16 (local.get $op) (local.get $a11))
            (local.set $op (i32.add (local.get $op) (local.get $outStride)))
            (v128.store (local.get $op) (local.get $a20))
            (v128.store offset=16 (local.get $op) (local.get $a21))
            (local.set $op (i32.add (local.get $op) (local.get $outStride)))
            (v128.store (local.get $op) (local.get $a30))
            (v128.store offset=16 (local.get $op) (local.get $a31))
            (local.set $j (i32.add (local.get $j) (i32.const 32)))
            (br $columns)))
        (local.set $row (i32.add (local.get $row) (i32.const 4)))
        (br $rows)))
    ;; The last rows, one at a time: eight accumulators a row.
    (block $lastDone
      (loop $last
        (br_if $lastDone (i32.ge_u (local.get $row) (local.get $rows)))
        (local.set $j (i32.const 0))
        (block $wideDone
          (loop $wide
            (br_if $wideDone (i32.ge_u (local.get $j) (local.get $outStride)))
            (local.set $wp (i32.add (local.get $bias) (local.get $j)))
            (local.set $a00 (v128.load (local.get $wp)))
            (local.set $a01 (v128.load offset=16 (local.get $wp)))
            (local.set $a10 (v128.load offset=32 (local.get $wp)))
            (local.set $a11 (v128.load offset=48 (local.get $wp)))
            (local.set $a20 (v128.load offset=64 (local.get $wp)))
            (local.set $a21 (v128.load offset=80 (local.get $wp)))
            (local.set $a30 (v128.load offset=96 (local.get $wp)))
            (local.set $a31 (v128.load offset=112 (local.get $wp)))
            (local.set $ip (i32.add (local.get $in) (i32.mul (local.get $row) (local.get $inStride))))
            (local.set $kEnd (i32.add (local.get $ip) (local.get $inStride)))
            (local.set $wp (i32.add (local.get $w) (local.get $j)))
            (block $kDone
              (loop $k
                (br_if $kDone (i32.ge_u (local.get $ip) (local.get $kEnd)))
                (local.set $s (v128.load32_splat (local.get $ip)))
                (local.set $a00 (f32x4.add (local.get $a00) (f32x4.mul (local.get $s) (v128.load (local.get $wp)))))
                (local.set $a01 (f32x4.add (local.get $a01) (f32x4.mul (local.get $s) (v128.load offset=16 (local.get $wp)))))
                (local.set $a10 (f32x4.add (local.get $a10) (f32x4.mul (local.get $s) (v128.load offset=32 (local.get $wp)))))
                (local.set $a11 (f32x4.add (local.get $a11) (f32x4.mul (local.get $s) (v128.load offset=48 (local.get $wp)))))
                (local.set $a20 (f32x4.add (local.get $a20) (f32x4.mul (local.get $s) (v128.load offset=64 (local.get $wp)))))
                (local.set $a21 (f32x4.add (local.get $a21) (f32x4.mul (local.get $s) (v128.load offset=80 (local.get $wp)))))
                (local.set $a30 (f32x4.add (local.get $a30) (f32x4.mul (local.get $s) (v128.load offset=96 (local.get $wp)))))
                (local.set $a31 (f32x4.add (local.get $a31) (f32x4.mul (local.get $s) (v128.load offset=112 (local.get $wp)))))
                (local.set $ip (i32.add (local.get $ip) (i32.const 4)))
                (local.set $wp (i32.add (local.get $wp) (local.get $outStride)))
                (br $k)))
            (local.set $op
              (i32.add (i32.add (local.get $out) (i32.mul (local.get $row) (local.get $outStride))) (local.get $j)))
            (v128.store (local.get $op) (local.get $a00))
            (v128.store offset=16 (local.get $op) (local.get $a01))
            (v128.store offset=32 (local.get $op) (local.get $a10))
            (v128.store offset=48 (local.get $op) (local.get $a11))
            (v128.store offset=64 (local.get $op) (local.get $a20))
            (v128.store offset=80 (local.get $op) (local.get $a21))
            (v128.store offset=96 (local.get $op) (local.get $a30))
            (v128.store offset=112 (local.get $op) (local.get $a31))
            (local.set $j (i32.add (local.get $j) (i32.const 128)))
            (br $wide)))
        (local.set $row (i32.add (local.get $row) (i32.const 1)))
        (br $last))))

  ;; dynamic_gru over $steps rows of gate inputs (fc outputs, 384 floats a
  ;; row), first to last or, with $reverse, last to first. The rows follow
  ;; each other from $gates, or, where $rowAt is not 0, row t is at the
  ;; byte offset $rowAt holds at t (the first layer's kept rows). $state holds h
  ;; (128 floats, carried in and out), then room for r * h and u (128 each)
  ;; and for 256 sums. At each step t:
  ;;   u = sigmoid(g[t][0:128] + bias[0:128] + h . Wur[:, 0:128])
  ;;   r = sigmoid(g[t][128:256] + bias[128:256] + h . Wur[:, 128:256])
  ;;   c = tanh(g[t][256:384] + bias[256:384] + (r * h) . Wc)
  ;;   h = h - u * h + u * c, also written to the first 128 floats of row t
  ;;   of $out (rows $outStride bytes apart).
  ;; The sums come first, sixteen at a time, then their activations
  ;; ($gateActivations, $newState), four at a time in loops of their own,
  ;; whose iterations do not wait for each other. (Called once a step: a
  ;; call after each block of sums made V8 save every live vector.)
  (func (export "gru")
    (param $gates i32) (param $rowAt i32) (param $steps i32) (param $reverse i32) (param $wur i32) (param $wc i32) (param $bias i32)
    (param $state i32) (param $out i32) (param $outStride i32)
    (local $s i32) (local $t i32) (local $g i32) (local $j i32) (local $kp i32) (local $wp i32) (local $o i32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128) (local $hk v128)
    (local.set $s (i32.const 0))
    (block $stepsDone
      (loop $stepLoop
        (br_if $stepsDone (i32.ge_u (local.get $s) (local.get $steps)))
        (local.set $t
          (select
            (i32.sub (i32.sub (local.get $steps) (i32.const 1)) (local.get $s))
            (local.get $s)
            (local.get $reverse)))
        (local.set $g
          (call $row (local.get $gates) (local.get $rowAt) (local.get $t)))
        ;; Update and reset gates' sums: 256 values, 16 at a time (64 bytes).
        (local.set $j (i32.const 0))
        (block $gatesDone
          (loop $gateLoop
            (br_if $gatesDone (i32.ge_u (local.get $j) (i32.const 1024)))
            (local.set $a0 (f32x4.add (v128.load offset=0 (i32.add (local.get $g) (local.get $j))) (v128.load offset=0 (i32.add (local.get $bias) (local.get $j)))))
            (local.set $a1 (f32x4.add (v128.load offset=16 (i32.add (local.get $g) (local.get $j))) (v128.load offset=16 (i32.add (local.get $bias) (local.get $j)))))
            (local.set $a2 (f32x4.add (v128.load offset=32 (i32.add (local.get $g) (local.get $j))) (v128.load offset=32 (i32.add (local.get $bias) (local.get $j)))))
            (local.set $a3 (f32x4.add (v128.load offset=48 (i32.add (local.get $g) (local.get $j))) (v128.load offset=48 (i32.add (local.get $bias) (local.get $j)))))
            (local.set $kp (i32.add (local.get $state) (i32.const 0)))
            (local.set $wp (i32.add (local.get $wur) (local.get $j)))
            (block $kDone
              (loop $k
                (br_if $kDone (i32.ge_u (local.get $kp) (i32.add (local.get $state) (i32.const 512))))
                (local.set $hk (v128.load32_splat (local.get $kp)))
                (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $hk) (v128.load (local.get $wp)))))
                (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $hk) (v128.load offset=16 (local.get $wp)))))
                (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $hk) (v128.load offset=32 (local.get $wp)))))
                (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $hk) (v128.load offset=48 (local.get $wp)))))
                (local.set $kp (i32.add (local.get $kp) (i32.const 4)))
                (local.set $wp (i32.add (local.get $wp) (i32.const 1024)))
                (br $k)))
            ;; the sums, to $state + 1536
            (local.set $o (i32.add (local.get $state) (local.get $j)))
            (v128.store offset=1536 (local.get $o) (local.get $a0))
            (v128.store offset=1552 (local.get $o) (local.get $a1))
            (v128.store offset=1568 (local.get $o) (local.get $a2))
            (v128.store offset=1584 (local.get $o) (local.get $a3))
            (local.set $j (i32.add (local.get $j) (i32.const 64)))
            (br $gateLoop)))
        (call $gateActivations (local.get $state))
        ;; Candidates' sums: 128 values, 16 at a time.
        (local.set $j (i32.const 0))
        (block $candidatesDone
          (loop $candidateLoop
            (br_if $candidatesDone (i32.ge_u (local.get $j) (i32.const 512)))
            (local.set $a0 (f32x4.add (v128.load offset=1024 (i32.add (local.get $g) (local.get $j))) (v128.load offset=1024 (i32.add (local.get $bias) (local.get $j)))))
            (local.set $a1 (f32x4.add (v128.load offset=1040 (i32.add (local.get $g) (local.get $j))) (v128.load offset=1040 (i32.add (local.get $bias) (local.get $j)))))
            (local.set $a2 (f32x4.add (v128.load offset=1056 (i32.add (local.get $g) (local.get $j))) (v128.load offset=1056 (i32.add (local.get $bias) (local.get $j)))))
            (local.set $a3 (f32x4.add (v128.load offset=1072 (i32.add (local.get $g) (local.get $j))) (v128.load offset=1072 (i32.add (local.get $bias) (local.get $j)))))
            (local.set $kp (i32.add (local.get $state) (i32.const 512)))
            (local.set $wp (i32.add (local.get $wc) (local.get $j)))
            (block $kDone
              (loop $k
                (br_if $kDone (i32.ge_u (local.get $kp) (i32.add (local.get $state) (i32.const 1024))))
                (local.set $hk (v128.load32_splat (local.get $kp)))
                (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $hk) (v128.load (local.get $wp)))))
                (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $hk) (v128.load offset=16 (local.get $wp)))))
                (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $hk) (v128.load offset=32 (local.get $wp)))))
                (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $hk) (v128.load offset=48 (local.get $wp)))))
                (local.set $kp (i32.add (local.get $kp) (i32.const 4)))
                (local.set $wp (i32.add (local.get $wp) (i32.const 512)))
                (br $k)))
            ;; the sums, to $state + 1536
            (local.set $o (i32.add (local.get $state) (local.get $j)))
            (v128.store offset=1536 (local.get $o) (local.get $a0))
            (v128.store offset=1552 (local.get $o) (local.get $a1))
            (v128.store offset=1568 (local.get $o) (local.get $a2))
            (v128.store offset=1584 (local.get $o) (local.get $a3))
            (local.set $j (i32.add (local.get $j) (i32.const 64)))
            (br $candidateLoop)))
        (call $newState (local.get $state) (i32.add (local.get $out) (i32.mul (local.get $t) (local.get $outStride))))
        (local.set $s (i32.add (local.get $s) (i32.const 1)))
        (br $stepLoop))))

  ;; The update and reset gates of a GRU whose $state holds h, r * h, u and
  ;; the 256 sums (as "gru" lays it out): sigmoid of each sum, u to
  ;; $state + 1024, r * h to $state + 512.
  (func $gateActivations (param $state i32)
    (local $j i32) (local $o i32) (local $x v128) (local $n v128) (local $r v128) (local $y v128)
    (local.set $j (i32.const 0))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $j) (i32.const 1024)))
        (local.set $o (i32.add (local.get $state) (local.get $j)))
        (local.set $x
          (f32x4.neg (f32x4.max (f32x4.min (v128.load offset=1536 (local.get $o)) (v128.const f32x4 13 13 13 13)) (v128.const f32x4 -40 -40 -40 -40))))
        ;; EXP
        (local.set $x (f32x4.max (f32x4.min (local.get $x) (v128.const f32x4 88 88 88 88)) (v128.const f32x4 -87 -87 -87 -87)))
        (local.set $n (f32x4.nearest (f32x4.mul (local.get $x) (v128.const f32x4 1.44269504 1.44269504 1.44269504 1.44269504))))
        (local.set $r
          (f32x4.sub
            (f32x4.sub (local.get $x) (f32x4.mul (local.get $n) (v128.const f32x4 0.693145752 0.693145752 0.693145752 0.693145752)))
            (f32x4.mul (local.get $n) (v128.const f32x4 1.42860677e-6 1.42860677e-6 1.42860677e-6 1.42860677e-6))))
        (local.set $y (f32x4.add (v128.const f32x4 1 1 1 1) (f32x4.mul (local.get $r) (v128.const f32x4 0.142857143 0.142857143 0.142857143 0.142857143))))
        (local.set $y (f32x4.add (v128.const f32x4 1 1 1 1) (f32x4.mul (f32x4.mul (local.get $r) (v128.const f32x4 0.166666667 0.166666667 0.166666667 0.166666667)) (local.get $y))))
        (local.set $y (f32x4.add (v128.const f32x4 1 1 1 1) (f32x4.mul (f32x4.mul (local.get $r) (v128.const f32x4 0.2 0.2 0.2 0.2)) (local.get $y))))
        (local.set $y (f32x4.add (v128.const f32x4 1 1 1 1) (f32x4.mul (f32x4.mul (local.get $r) (v128.const f32x4 0.25 0.25 0.25 0.25)) (local.get $y))))
        (local.set $y (f32x4.add (v128.const f32x4 1 1 1 1) (f32x4.mul (f32x4.mul (local.get $r) (v128.const f32x4 0.333333333 0.333333333 0.333333333 0.333333333)) (local.get $y))))
        (local.set $y (f32x4.add (v128.const f32x4 1 1 1 1) (f32x4.mul (f32x4.mul (local.get $r) (v128.const f32x4 0.5 0.5 0.5 0.5)) (local.get $y))))
        (local.set $y (f32x4.add (v128.const f32x4 1 1 1 1) (f32x4.mul (local.get $r) (local.get $y))))
        (local.set $y
          (f32x4.mul (local.get $y)
            (i32x4.shl (i32x4.add (i32x4.trunc_sat_f32x4_s (local.get $n)) (v128.const i32x4 127 127 127 127)) (i32.const 23))))
        (local.set $y (f32x4.div (v128.const f32x4 1 1 1 1) (f32x4.add (v128.const f32x4 1 1 1 1) (local.get $y))))
        (if (i32.lt_u (local.get $j) (i32.const 512))
          (then (v128.store offset=1024 (local.get $o) (local.get $y)))
          (else
            (local.set $o (i32.sub (local.get $o) (i32.const 512)))
            (v128.store offset=512 (local.get $o) (f32x4.mul (local.get $y) (v128.load (local.get $o))))))
        (local.set $j (i32.add (local.get $j) (i32.const 16)))
        (br $each))))

  ;; The candidate and the new state of such a GRU, from the candidate's 128
  ;; sums at $state + 1536: c = tanh(sum), h = h - u * h + u * c, to $state
  ;; and to $out.
  (func $newState (param $state i32) (param $out i32)
    (local $j i32) (local $o i32) (local $h v128) (local $u v128) (local $x v128) (local $n v128) (local $r v128) (local $y v128)
    (local.set $j (i32.const 0))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $j) (i32.const 512)))
        (local.set $o (i32.add (local.get $state) (local.get $j)))
        (local.set $x (f32x4.min (f32x4.mul (v128.load offset=1536 (local.get $o)) (v128.const f32x4 -2 -2 -2 -2)) (v128.const f32x4 40 40 40 40)))
        ;; EXP
        (local.set $x (f32x4.max (f32x4.min (local.get $x) (v128.const f32x4 88 88 88 88)) (v128.const f32x4 -87 -87 -87 -87)))
        (local.set $n (f32x4.nearest (f32x4.mul (local.get $x) (v128.const f32x4 1.44269504 1.44269504 1.44269504 1.44269504))))
        (local.set $r
          (f32x4.sub
            (f32x4.sub (local.get $x) (f32x4.mul (local.get $n) (v128.const f32x4 0.693145752 0.693145752 0.693145752 0.693145752)))
            (f32x4.mul (local.get $n) (v128.const f32x4 1.42860677e-6 1.42860677e-6 1.42860677e-6 1.42860677e-6))))
        (local.set $y (f32x4.add (v128.const f32x4 1 1 1 1) (f32x4.mul (local.get $r) (v128.const f32x4 0.142857143 0.142857143 0.142857143 0.142857143))))
        (local.set $y (f32x4.add (v128.const f32x4 1 1 1 1) (f32x4.mul (f32x4.mul (local.get $r) (v128.const f32x4 0.166666667 0.166666667 0.166666667 0.166666667)) (local.get $y))))
        (local.set $y (f32x4.add (v128.const f32x4 1 1 1 1) (f32x4.mul (f32x4.mul (local.get $r) (v128.const f32x4 0.2 0.2 0.2 0.2)) (local.get $y))))
        (local.set $y (f32x4.add (v128.const f32x4 1 1 1 1) (f32x4.mul (f32x4.mul (local.get $r) (v128.const f32x4 0.25 0.25 0.25 0.25)) (local.get $y))))
        (local.set $y (f32x4.add (v128.const f32x4 1 1 1 1) (f32x4.mul (f32x4.mul (local.get $r) (v128.const f32x4 0.333333333 0.333333333 0.333333333 0.333333333)) (local.get $y))))
        (local.set $y (f32x4.add (v128.const f32x4 1 1 1 1) (f32x4.mul (f32x4.mul (local.get $r) (v128.const f32x4 0.5 0.5 0.5 0.5)) (local.get $y))))
        (local.set $y (f32x4.add (v128.const f32x4 1 1 1 1) (f32x4.mul (local.get $r) (local.get $y))))
        (local.set $y
          (f32x4.mul (local.get $y)
            (i32x4.shl (i32x4.add (i32x4.trunc_sat_f32x4_s (local.get $n)) (v128.const i32x4 127 127 127 127)) (i32.const 23))))
        (local.set $y (f32x4.sub (f32x4.div (v128.const f32x4 2 2 2 2) (f32x4.add (v128.const f32x4 1 1 1 1) (local.get $y))) (v128.const f32x4 1 1 1 1)))
        (local.set $h (v128.load (local.get $o)))
        (local.set $u (v128.load offset=1024 (local.get $o)))
        (local.set $y (f32x4.add (f32x4.sub (local.get $h) (f32x4.mul (local.get $u) (local.get $h))) (f32x4.mul (local.get $u) (local.get $y))))
        (v128.store (local.get $o) (local.get $y))
        (v128.store (i32.add (local.get $out) (local.get $j)) (local.get $y))
        (local.set $j (i32.add (local.get $j) (i32.const 16)))
        (br $each))))

  ;; Where row $t of gate inputs is: $gates + 1536 $t, or, where $rowAt is
  ;; not 0, the byte offset $rowAt holds at $t.
  (func $row (param $gates i32) (param $rowAt i32) (param $t i32) (result i32)
    (if (result i32) (local.get $rowAt)
      (then (i32.load (i32.add (local.get $rowAt) (i32.shl (local.get $t) (i32.const 2)))))
      (else (i32.add (local.get $gates) (i32.mul (local.get $t) (i32.const 1536))))))

  ;; "gru" for two texts at once, through the same weights in the same
  ;; direction, $steps steps each (A's rows from $gatesA or $rowAtA, its
  ;; state $stateA, its outputs from $outA; B's likewise): each weight
  ;; vector loaded serves both texts' sums, and each sum is made as "gru"
  ;; makes it, so the bits are the same.
  (func (export "gruPair")
    (param $steps i32) (param $reverse i32) (param $wur i32) (param $wc i32) (param $bias i32) (param $outStride i32)
    (param $gatesA i32) (param $rowAtA i32) (param $stateA i32) (param $outA i32)
    (param $gatesB i32) (param $rowAtB i32) (param $stateB i32) (param $outB i32)
    (local $s i32) (local $t i32) (local $gA i32) (local $gB i32) (local $j i32) (local $kp i32) (local $wp i32) (local $o i32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $b0 v128) (local $b1 v128) (local $b2 v128) (local $b3 v128)
    (local $hA v128) (local $hB v128) (local $w v128)
    (local.set $s (i32.const 0))
    (block $stepsDone
      (loop $stepLoop
        (br_if $stepsDone (i32.ge_u (local.get $s) (local.get $steps)))
        (local.set $t
          (select
            (i32.sub (i32.sub (local.get $steps) (i32.const 1)) (local.get $s))
            (local.get $s)
            (local.get $reverse)))
        (local.set $gA
          (call $row (local.get $gatesA) (local.get $rowAtA) (local.get $t)))
        (local.set $gB
          (call $row (local.get $gatesB) (local.get $rowAtB) (local.get $t)))
        ;; Update and reset gates' sums, sixteen of each text at a time.
        (local.set $j (i32.const 0))
        (block $gateLoopDone
          (loop $gateLoop
            (br_if $gateLoopDone (i32.ge_u (local.get $j) (i32.const 1024)))
            (local.set $a0 (f32x4.add (v128.load offset=0 (i32.add (local.get $gA) (local.get $j))) (v128.load offset=0 (i32.add (local.get $bias) (local.get $j)))))
            (local.set $a1 (f32x4.add (v128.load offset=16 (i32.add (local.get $gA) (local.get $j))) (v128.load offset=16 (i32.add (local.get $bias) (local.get $j)))))
            (local.set $a2 (f32x4.add (v128.load offset=32 (i32.add (local.get $gA) (local.get $j))) (v128.load offset=32 (i32.add (local.get $bias) (local.get $j)))))
            (local.set $a3 (f32x4.add (v128.load offset=48 (i32.add (local.get $gA) (local.get $j))) (v128.load offset=48 (i32.add (local.get $bias) (local.get $j)))))
            (local.set $b0 (f32x4.add (v128.load offset=0 (i32.add (local.get $gB) (local.get $j))) (v128.load offset=0 (i32.add (local.get $bias) (local.get $j)))))
            (local.set $b1 (f32x4.add (v128.load offset=16 (i32.add (local.get $gB) (local.get $j))) (v128.load offset=16 (i32.add (local.get $bias) (local.get $j)))))
            (local.set $b2 (f32x4.add (v128.load offset=32 (i32.add (local.get $gB) (local.get $j))) (v128.load offset=32 (i32.add (local.get $bias) (local.get $j)))))
            (local.set $b3 (f32x4.add (v128.load offset=48 (i32.add (local.get $gB) (local.get $j))) (v128.load offset=48 (i32.add (local.get $bias) (local.get $j)))))
            (local.set $kp (i32.const 0))
            (local.set $wp (i32.add (local.get $wur) (local.get $j)))
            (block $kDone
              (loop $k
                (br_if $kDone (i32.ge_u (local.get $kp) (i32.const 512)))
                (local.set $hA (v128.load32_splat (i32.add (local.get $stateA) (local.get $kp))))
                (local.set $hB (v128.load32_splat (i32.add (local.get $stateB) (local.get $kp))))
                (local.set $w (v128.load (local.get $wp)))
                (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $hA) (local.get $w))))
                (local.set $b0 (f32x4.add (local.get $b0) (f32x4.mul (local.get $hB) (local.get $w))))
                (local.set $w (v128.load offset=16 (local.get $wp)))
                (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $hA) (local.get $w))))
                (local.set $b1 (f32x4.add (local.get $b1) (f32x4.mul (local.get $hB) (local.get $w))))
                (local.set $w (v128.load offset=32 (local.get $wp)))
                (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $hA) (local.get $w))))
                (local.set $b2 (f32x4.add (local.get $b2) (f32x4.mul (local.get $hB) (local.get $w))))
                (local.set $w (v128.load offset=48 (local.get $wp)))
                (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $hA) (local.get $w))))
                (local.set $b3 (f32x4.add (local.get $b3) (f32x4.mul (local.get $hB) (local.get $w))))
                (local.set $kp (i32.add (local.get $kp) (i32.const 4)))
                (local.set $wp (i32.add (local.get $wp) (i32.const 1024)))
                (br $k)))
            (local.set $o (i32.add (local.get $stateA) (local.get $j)))
            (v128.store offset=1536 (local.get $o) (local.get $a0))
            (v128.store offset=1552 (local.get $o) (local.get $a1))
            (v128.store offset=1568 (local.get $o) (local.get $a2))
            (v128.store offset=1584 (local.get $o) (local.get $a3))
            (local.set $o (i32.add (local.get $stateB) (local.get $j)))
            (v128.store offset=1536 (local.get $o) (local.get $b0))
            (v128.store offset=1552 (local.get $o) (local.get $b1))
            (v128.store offset=1568 (local.get $o) (local.get $b2))
            (v128.store offset=1584 (local.get $o) (local.get $b3))
            (local.set $j (i32.add (local.get $j) (i32.const 64)))
            (br $gateLoop)))
        (call $gateActivations (local.get $stateA))
        (call $gateActivations (local.get $stateB))
        ;; Candidates' sums.
        (local.set $j (i32.const 0))
        (block $candidateLoopDone
          (loop $candidateLoop
            (br_if $candidateLoopDone (i32.ge_u (local.get $j) (i32.const 512)))
            (local.set $a0 (f32x4.add (v128.load offset=1024 (i32.add (local.get $gA) (local.get $j))) (v128.load offset=1024 (i32.add (local.get $bias) (local.get $j)))))
            (local.set $a1 (f32x4.add (v128.load offset=1040 (i32.add (local.get $gA) (local.get $j))) (v128.load offset=1040 (i32.add (local.get $bias) (local.get $j)))))
            (local.set $a2 (f32x4.add (v128.load offset=1056 (i32.add (local.get $gA) (local.get $j))) (v128.load offset=1056 (i32.add (local.get $bias) (local.get $j)))))
            (local.set $a3 (f32x4.add (v128.load offset=1072 (i32.add (local.get $gA) (local.get $j))) (v128.load offset=1072 (i32.add (local.get $bias) (local.get $j)))))
            (local.set $b0 (f32x4.add (v128.load offset=1024 (i32.add (local.get $gB) (local.get $j))) (v128.load offset=1024 (i32.add (local.get $bias) (local.get $j)))))
            (local.set $b1 (f32x4.add (v128.load offset=1040 (i32.add (local.get $gB) (local.get $j))) (v128.load offset=1040 (i32.add (local.get $bias) (local.get $j)))))
            (local.set $b2 (f32x4.add (v128.load offset=1056 (i32.add (local.get $gB) (local.get $j))) (v128.load offset=1056 (i32.add (local.get $bias) (local.get $j)))))
            (local.set $b3 (f32x4.add (v128.load offset=1072 (i32.add (local.get $gB) (local.get $j))) (v128.load offset=1072 (i32.add (local.get $bias) (local.get $j)))))
            (local.set $kp (i32.const 512))
            (local.set $wp (i32.add (local.get $wc) (local.get $j)))
            (block $kDone
              (loop $k
                (br_if $kDone (i32.ge_u (local.get $kp) (i32.const 1024)))
                (local.set $hA (v128.load32_splat (i32.add (local.get $stateA) (local.get $kp))))
                (local.set $hB (v128.load32_splat (i32.add (local.get $stateB) (local.get $kp))))
                (local.set $w (v128.load (local.get $wp)))
                (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $hA) (local.get $w))))
                (local.set $b0 (f32x4.add (local.get $b0) (f32x4.mul (local.get $hB) (local.get $w))))
                (local.set $w (v128.load offset=16 (local.get $wp)))
                (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $hA) (local.get $w))))
                (local.set $b1 (f32x4.add (local.get $b1) (f32x4.mul (local.get $hB) (local.get $w))))
                (local.set $w (v128.load offset=32 (local.get $wp)))
                (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $hA) (local.get $w))))
                (local.set $b2 (f32x4.add (local.get $b2) (f32x4.mul (local.get $hB) (local.get $w))))
                (local.set $w (v128.load offset=48 (local.get $wp)))
                (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $hA) (local.get $w))))
                (local.set $b3 (f32x4.add (local.get $b3) (f32x4.mul (local.get $hB) (local.get $w))))
                (local.set $kp (i32.add (local.get $kp) (i32.const 4)))
                (local.set $wp (i32.add (local.get $wp) (i32.const 512)))
                (br $k)))
            (local.set $o (i32.add (local.get $stateA) (local.get $j)))
            (v128.store offset=1536 (local.get $o) (local.get $a0))
            (v128.store offset=1552 (local.get $o) (local.get $a1))
            (v128.store offset=1568 (local.get $o) (local.get $a2))
            (v128.store offset=1584 (local.get $o) (local.get $a3))
            (local.set $o (i32.add (local.get $stateB) (local.get $j)))
            (v128.store offset=1536 (local.get $o) (local.get $b0))
            (v128.store offset=1552 (local.get $o) (local.get $b1))
            (v128.store offset=1568 (local.get $o) (local.get $b2))
            (v128.store offset=1584 (local.get $o) (local.get $b3))
            (local.set $j (i32.add (local.get $j) (i32.const 64)))
            (br $candidateLoop)))
        (call $newState (local.get $stateA) (i32.add (local.get $outA) (i32.mul (local.get $t) (local.get $outStride))))
        (call $newState (local.get $stateB) (i32.add (local.get $outB) (i32.mul (local.get $t) (local.get $outStride))))
        (local.set $s (i32.add (local.get $s) (i32.const 1)))
        (br $stepLoop))))

  ;; crf: steps of the CRF's Viterbi (see src/paddle/crf.ts), two labels a
  ;; lane pair, two pairs at a time. For each step s < $steps and label i:
  ;;   next[i] = max over j < $labels of (alpha[j] + trans[j][i]), plus
  ;;             the emission em[s][i] (float32, widened);
  ;;   track[s][i] = the first j reaching that max (as a float64);
  ;; then alpha = next. float64 throughout, the sums as crf.ts makes them:
  ;; labels are the same. $trans holds the transition rows (from label j),
  ;; $stride bytes apart, columns padded to a multiple of 4 with -infinity;
  ;; $alpha and $next hold $stride bytes; em rows are $emStride bytes
  ;; apart, track rows $stride. The last alpha ends in $alpha.
  (func (export "crf")
    (param $em i32) (param $emStride i32) (param $steps i32) (param $labels i32) (param $trans i32) (param $stride i32)
    (param $alpha i32) (param $next i32) (param $track i32)
    (local $s i32) (local $i i32) (local $j i32) (local $tp i32) (local $swap i32)
    (local $a v128) (local $t0 v128) (local $t1 v128) (local $m v128)
    (local $best0 v128) (local $best1 v128) (local $from0 v128) (local $from1 v128) (local $jv v128)
    (local.set $s (i32.const 0))
    (block $stepsDone
      (loop $stepLoop
        (br_if $stepsDone (i32.ge_u (local.get $s) (local.get $steps)))
        (local.set $i (i32.const 0))
        (block $labelsDone
          (loop $labelLoop
            (br_if $labelsDone (i32.ge_u (local.get $i) (local.get $stride)))
            (local.set $best0 (v128.const f64x2 -inf -inf))
            (local.set $best1 (v128.const f64x2 -inf -inf))
            (local.set $from0 (v128.const f64x2 0 0))
            (local.set $from1 (v128.const f64x2 0 0))
            (local.set $jv (v128.const f64x2 0 0))
            (local.set $tp (i32.add (local.get $trans) (local.get $i)))
            (local.set $j (i32.const 0))
            (block $fromDone
              (loop $fromLoop
                (br_if $fromDone (i32.ge_u (local.get $j) (local.get $labels)))
                (local.set $a (v128.load64_splat (i32.add (local.get $alpha) (i32.shl (local.get $j) (i32.const 3)))))
                (local.set $t0 (f64x2.add (local.get $a) (v128.load (local.get $tp))))
                (local.set $t1 (f64x2.add (local.get $a) (v128.load offset=16 (local.get $tp))))
                ;; strictly greater: among equal totals the first j stays
                (local.set $m (f64x2.gt (local.get $t0) (local.get $best0)))
                (local.set $best0 (v128.bitselect (local.get $t0) (local.get $best0) (local.get $m)))
                (local.set $from0 (v128.bitselect (local.get $jv) (local.get $from0) (local.get $m)))
                (local.set $m (f64x2.gt (local.get $t1) (local.get $best1)))
                (local.set $best1 (v128.bitselect (local.get $t1) (local.get $best1) (local.get $m)))
                (local.set $from1 (v128.bitselect (local.get $jv) (local.get $from1) (local.get $m)))
                (local.set $jv (f64x2.add (local.get $jv) (v128.const f64x2 1 1)))
                (local.set $tp (i32.add (local.get $tp) (local.get $stride)))
                (local.set $j (i32.add (local.get $j) (i32.const 1)))
                (br $fromLoop)))
            ;; emissions of labels i/8 .. i/8 + 3: float32 at em + s * emStride + i / 2
            (local.set $tp (i32.add (i32.add (local.get $em) (i32.mul (local.get $s) (local.get $emStride))) (i32.shr_u (local.get $i) (i32.const 1))))
            (v128.store (i32.add (local.get $next) (local.get $i))
              (f64x2.add (local.get $best0) (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $tp)))))
            (v128.store offset=16 (i32.add (local.get $next) (local.get $i))
              (f64x2.add (local.get $best1) (f64x2.promote_low_f32x4 (v128.load64_zero offset=8 (local.get $tp)))))
            (local.set $tp (i32.add (i32.add (local.get $track) (i32.mul (local.get $s) (local.get $stride))) (local.get $i)))
            (v128.store (local.get $tp) (local.get $from0))
            (v128.store offset=16 (local.get $tp) (local.get $from1))
            (local.set $i (i32.add (local.get $i) (i32.const 32)))
            (br $labelLoop)))
        (local.set $swap (local.get $alpha))
        (local.set $alpha (local.get $next))
        (local.set $next (local.get $swap))
        (local.set $s (i32.add (local.get $s) (i32.const 1)))
        (br $stepLoop)))
    ;; After an odd number of steps the last alpha is in the caller's $next.
    (if (i32.and (local.get $steps) (i32.const 1))
      (then (memory.copy (local.get $next) (local.get $alpha) (local.get $stride)))))

  ;; f16to32(src, dst, count): the weight matrices, stored as halves, are
  ;; copied into their places in this memory and widened there, in place.
  ;; #include src/math/halves.wat
)

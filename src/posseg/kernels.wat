;; RealPathViterbi (real-path-viterbi.ts) compiled: the POS Viterbi of runs
;; whose best path is real, with its top layers at silent characters. The
;; same steps, the same float sums in the same order, the same ties; the
;; module comment of real-path-viterbi.ts says why they give posseg's path.
;; `decode` returns 1 with the path written, or 0 where RealPathViterbi
;; declines too (the caller then runs posViterbi). wasm-real-path.ts lays
;; out the memory and the model's tables; `npm run build` assembles this
;; file (scripts/assemble-wasm.mjs).
;;
;; What differs from the JavaScript is how, not what, and only for speed
;; (mispredicted branches cost most in this loop):
;; - A state with one or two predecessors (E and M states) takes the better
;;   without a branch. Any other (B, S) takes the largest sum over every
;;   entry of the head, two at a time into two maxima, without a branch: a
;;   loop that stops once no entry can reach the best (the JavaScript's) or
;;   a sorted head both cost more in mispredictions than the sums they
;;   save. A missing transition reads -Infinity there; a sum of -Infinity
;;   never makes a real best, so that is the same as skipping it.
;; - Such a wide state's back-pointer is not kept while scoring: only the
;;   best path's states need one, so `$wideFrom` works it out again from
;;   the head of that step (kept in a log, step by step) at the end, with
;;   the same sums and the same tie rule (measured 2026-12-01 over the runs
;;   of the Tang poems: the loop 1.14x as fast as with a sorted head).
;; - Where the engine has SIMD, the two maxima are the lanes of one f64x2
;;   register (`f64x2.pmax` compares as the scalar `select` does), two
;;   entries summed by one instruction: the decoder 1.07-1.09x, tagging
;;   traditional text 1.07-1.08x (2026-12-02). The build assembles this file
;;   twice (the `#if simd` blocks, scripts/assemble-wasm.mjs); engines
;;   without SIMD get the scalar module.
;; - Floats are chosen with an integer `select` of their bits: V8 compiles
;;   that to a conditional move, a float `select` to a branch.
;; - The next step's head is gathered while a step is scored, not by a
;;   second pass over its states: straight into the log, where the step
;;   after reads it.
;; - States of more than two predecessors read their transitions from a
;;   matrix of their own, one row per state leading to them (the head holds
;;   those), so a step reads a few short rows, not the 512 KB `trans`.
;;
;; The memory is the caller's, made at its full size: nothing here grows
;; it. Fixed places (bytes; S <= 256 states, runs <= 256 characters):
;;     0  header, i32 words: S, the words of a bit set of S states, the
;;        table addresses (TABLE_NAMES in wasm-real-path.ts), startOpen,
;;        the stamp of the next run
;;   256  the run's characters, UTF-16 units
;;   768  the path: the best state of each character
;;  1024  real scores of the two rows, f64 at (row + state) * 8
;;  5120  stamps: step t of a run has stamp + t, i32 at (row + state) * 4
;;  7168  the real states of the two rows, bytes at row + i
;; 10240  back-pointers of the states of at most two predecessors, bytes
;;        at t * S + state
;; 76800  top layers: a bit set of 8 words (32 bytes) per step
;; 84992  each step's head in the log: i32 at t * 8 where it starts, at
;;        t * 8 + 4 how many entries (the last step's real states feeding
;;        wide states, in the order scored)
;; 87040  the log of heads, entry by entry (at most 256 steps of 256
;;        entries and one past each, 65,792): scores (f64) ...
;; 613376 ... rows of wide transitions (i32 addresses) ...
;; 876544 ... and states (bytes)
;; 942336 the model's tables, at addresses the header gives
(module
  (import "env" "memory" (memory 0))

  (func (export "decode") (param $len i32) (param $shadowAllowed i32) (param $realFloor f64) (param $shadowCeiling f64) (result i32)
    (local $S i32) (local $W i32)
    ;; Table addresses.
    (local $start i32) (local $maxInto i32) (local $feeds i32) (local $prevMask i32) (local $charStart i32) (local $charStates i32) (local $charEmit i32)
    (local $emitStart i32) (local $emitStates i32) (local $emitValues i32) (local $kinds i32) (local $pairA i32)
    (local $pairB i32) (local $pairTransA i32) (local $pairTransB i32) (local $wideColumn i32) (local $wideRow i32)
    (local $wideTrans i32) (local $silent i32)
    ;; Steps and states.
    (local $stamp i32) (local $t i32) (local $c i32) (local $listed i32) (local $q i32) (local $last i32)
    (local $candidates i32) (local $emits i32) (local $y i32) (local $score f64) (local $count i32)
    (local $before i32) (local $row i32) (local $liveBefore i32) (local $head i32) (local $pending i32)
    (local $bestBefore f64) (local $stepBest f64) (local $lastStep i32) (local $added i32)
    (local $i i32) (local $j i32) (local $x i32) (local $k i32)
    (local $em f64) (local $best f64) (local $bestFrom i32) (local $prob f64) (local $better i32)
    (local $column i32) (local $a i32) (local $b i32) (local $pa f64) (local $pb f64)
    ;; #if simd
    (local $vbest v128) (local $vem v128) (local $at i32)
    ;; #endif
    (local $logPos i32) (local $hs i32) (local $hr i32) (local $best1 f64) (local $prob1 f64) (local $real i32) (local $liveAt i32) (local $firstLayer i32) (local $bits i32) (local $word i32) (local $state i32)
    (local.set $S (i32.load offset=0 (i32.const 0)))
    (local.set $W (i32.load offset=4 (i32.const 0)))
    (local.set $start (i32.load offset=8 (i32.const 0)))
    (local.set $maxInto (i32.load offset=12 (i32.const 0)))
    (local.set $feeds (i32.load offset=16 (i32.const 0)))
    (local.set $prevMask (i32.load offset=20 (i32.const 0)))
    (local.set $charStart (i32.load offset=24 (i32.const 0)))
    (local.set $charStates (i32.load offset=28 (i32.const 0)))
    (local.set $charEmit (i32.load offset=32 (i32.const 0)))
    (local.set $emitStart (i32.load offset=36 (i32.const 0)))
    (local.set $emitStates (i32.load offset=40 (i32.const 0)))
    (local.set $emitValues (i32.load offset=44 (i32.const 0)))
    (local.set $kinds (i32.load offset=48 (i32.const 0)))
    (local.set $pairA (i32.load offset=52 (i32.const 0)))
    (local.set $pairB (i32.load offset=56 (i32.const 0)))
    (local.set $pairTransA (i32.load offset=60 (i32.const 0)))
    (local.set $pairTransB (i32.load offset=64 (i32.const 0)))
    (local.set $wideColumn (i32.load offset=68 (i32.const 0)))
    (local.set $wideRow (i32.load offset=72 (i32.const 0)))
    (local.set $wideTrans (i32.load offset=76 (i32.const 0)))
    (local.set $silent (i32.load offset=84 (i32.const 0)))
    (local.set $firstLayer (i32.const -1))
    ;; Stamps, restarted (every one -1) before they could overflow.
    (if (i32.gt_u (i32.load offset=96 (i32.const 0)) (i32.const 0x7fff0000))
      (then
        (memory.fill (i32.const 5120) (i32.const 0xff) (i32.const 2048))
        (i32.store offset=96 (i32.const 0) (i32.const 0))))
    (local.set $stamp (i32.load offset=96 (i32.const 0)))
    (i32.store offset=96 (i32.const 0) (i32.add (local.get $stamp) (i32.add (local.get $len) (i32.const 1))))

    ;; The first character: its listed states, or the states emitting it
    ;; for real; the real ones also make the first head.
    (local.set $c (i32.sub (i32.load16_u offset=256 (i32.const 0)) (i32.const 0x4e00)))
    (local.set $listed
      (i32.lt_s
        (i32.load (i32.add (local.get $charStart) (i32.shl (local.get $c) (i32.const 2))))
        (i32.load offset=4 (i32.add (local.get $charStart) (i32.shl (local.get $c) (i32.const 2))))))
    (if (i32.eqz (i32.or (local.get $listed) (local.get $shadowAllowed))) (then (return (i32.const 0))))
    (if (local.get $listed)
      (then
        (local.set $q (i32.load (i32.add (local.get $charStart) (i32.shl (local.get $c) (i32.const 2)))))
        (local.set $last (i32.load offset=4 (i32.add (local.get $charStart) (i32.shl (local.get $c) (i32.const 2)))))
        (local.set $candidates (local.get $charStates))
        (local.set $emits (local.get $charEmit)))
      (else
        (local.set $q (i32.load (i32.add (local.get $emitStart) (i32.shl (local.get $c) (i32.const 2)))))
        (local.set $last (i32.load offset=4 (i32.add (local.get $emitStart) (i32.shl (local.get $c) (i32.const 2)))))
        (local.set $candidates (local.get $emitStates))
        (local.set $emits (local.get $emitValues))))
    (local.set $stepBest (f64.const -inf))
    (block $firstDone
      (loop $first
        (br_if $firstDone (i32.ge_s (local.get $q) (local.get $last)))
        (local.set $y (i32.load8_u (i32.add (local.get $candidates) (local.get $q))))
        (local.set $score
          (f64.add
            (f64.load (i32.add (local.get $start) (i32.shl (local.get $y) (i32.const 3))))
            (f64.load (i32.add (local.get $emits) (i32.shl (local.get $q) (i32.const 3))))))
        (if (f64.gt (local.get $score) (local.get $realFloor))
          (then
            (f64.store offset=1024 (i32.shl (local.get $y) (i32.const 3)) (local.get $score))
            (i32.store offset=5120 (i32.shl (local.get $y) (i32.const 2)) (local.get $stamp))
            (i32.store8 offset=7168 (local.get $count) (local.get $y))
            (local.set $count (i32.add (local.get $count) (i32.const 1)))
            (if (f64.gt (local.get $score) (local.get $stepBest)) (then (local.set $stepBest (local.get $score))))
            (f64.store offset=87040 (i32.shl (i32.add (local.get $logPos) (local.get $pending)) (i32.const 3)) (local.get $score))
            (i32.store8 offset=876544 (i32.add (local.get $logPos) (local.get $pending)) (local.get $y))
            (i32.store offset=613376 (i32.shl (i32.add (local.get $logPos) (local.get $pending)) (i32.const 2))
              (i32.load (i32.add (local.get $wideRow) (i32.shl (local.get $y) (i32.const 2)))))
            (local.set $pending (i32.add (local.get $pending) (i32.load8_u (i32.add (local.get $feeds) (local.get $y))))))
          (else
            (if (i32.eqz (f64.le (local.get $score) (local.get $shadowCeiling))) (then (return (i32.const 0))))))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br $first)))
    (if (i32.eqz (local.get $count))
      (then
        ;; A silent first character opens a top layer: the states whose
        ;; start plus MIN_FLOAT is MIN_FLOAT, which the caller worked out
        ;; (with startOpen 0 where the model leaves none, or a start between).
        (if (i32.eqz (i32.and
              (i32.load8_u (i32.add (local.get $silent) (local.get $c)))
              (i32.load offset=92 (i32.const 0))))
          (then (return (i32.const 0))))
        (memory.copy (i32.const 76800) (i32.load offset=88 (i32.const 0)) (i32.const 32))
        (local.set $firstLayer (i32.const 0))))

    (local.set $t (i32.const 1))
    (block $stepsDone
      (loop $steps
        (br_if $stepsDone (i32.ge_s (local.get $t) (local.get $len)))
        (if (i32.ge_s (local.get $firstLayer) (i32.const 0))
          (then
            (br_if $stepsDone
              (i32.eqz
                (call $layerStep (local.get $t)
                  (i32.sub (i32.load16_u offset=256 (i32.shl (local.get $t) (i32.const 1))) (i32.const 0x4e00)))))
            (local.set $t (i32.add (local.get $t) (i32.const 1)))
            (br $steps)))
        (local.set $before (i32.mul (i32.and (i32.sub (local.get $t) (i32.const 1)) (i32.const 1)) (local.get $S)))
        (local.set $row (i32.mul (i32.and (local.get $t) (i32.const 1)) (local.get $S)))
        (local.set $liveBefore (i32.sub (i32.add (local.get $stamp) (local.get $t)) (i32.const 1)))
        ;; The head: the last step's real states feeding wide states, the
        ;; log's last `pending` entries. One entry more, past them, never
        ;; makes a best, so that the entries are read two at a time.
        (local.set $bestBefore (local.get $stepBest))
        (local.set $head (local.get $pending))
        (local.set $hs (i32.add (i32.const 87040) (i32.shl (local.get $logPos) (i32.const 3))))
        (local.set $hr (i32.add (i32.const 613376) (i32.shl (local.get $logPos) (i32.const 2))))
        (f64.store (i32.add (local.get $hs) (i32.shl (local.get $head) (i32.const 3))) (f64.const -inf))
        (i32.store (i32.add (local.get $hr) (i32.shl (local.get $head) (i32.const 2))) (local.get $wideTrans))
        (i32.store offset=84992 (i32.shl (local.get $t) (i32.const 3)) (local.get $logPos))
        (i32.store offset=84996 (i32.shl (local.get $t) (i32.const 3)) (local.get $head))
        (local.set $logPos (i32.add (local.get $logPos) (i32.add (local.get $head) (i32.const 1))))
        (local.set $pending (i32.const 0))

        (local.set $c
          (i32.sub (i32.load16_u offset=256 (i32.shl (local.get $t) (i32.const 1))) (i32.const 0x4e00)))
        (local.set $listed
          (i32.lt_s
            (i32.load (i32.add (local.get $charStart) (i32.shl (local.get $c) (i32.const 2))))
            (i32.load offset=4 (i32.add (local.get $charStart) (i32.shl (local.get $c) (i32.const 2))))))
        (if (i32.eqz (i32.or (local.get $listed) (local.get $shadowAllowed))) (then (return (i32.const 0))))
        (if (local.get $listed)
          (then
            (local.set $q (i32.load (i32.add (local.get $charStart) (i32.shl (local.get $c) (i32.const 2)))))
            (local.set $last (i32.load offset=4 (i32.add (local.get $charStart) (i32.shl (local.get $c) (i32.const 2)))))
            (local.set $candidates (local.get $charStates))
            (local.set $emits (local.get $charEmit)))
          (else
            (local.set $q (i32.load (i32.add (local.get $emitStart) (i32.shl (local.get $c) (i32.const 2)))))
            (local.set $last (i32.load offset=4 (i32.add (local.get $emitStart) (i32.shl (local.get $c) (i32.const 2)))))
            (local.set $candidates (local.get $emitStates))
            (local.set $emits (local.get $emitValues))))
        (local.set $lastStep (i32.eq (local.get $t) (i32.sub (local.get $len) (i32.const 1))))
        (local.set $stepBest (f64.const -inf))
        (local.set $added (i32.const 0))
        (block $candidatesDone
          (loop $candidate
            (br_if $candidatesDone (i32.ge_s (local.get $q) (local.get $last)))
            (local.set $y (i32.load8_u (i32.add (local.get $candidates) (local.get $q))))
            (local.set $em (f64.load (i32.add (local.get $emits) (i32.shl (local.get $q) (i32.const 3)))))
            (local.set $q (i32.add (local.get $q) (i32.const 1)))
            (block $next
              ;; On the last step, a state whose bound cannot reach the best so far.
              (if (local.get $lastStep)
                (then
                  (br_if $next
                    (f64.lt
                      (f64.add
                        (f64.add (local.get $bestBefore)
                          (f64.load (i32.add (local.get $maxInto) (i32.shl (local.get $y) (i32.const 3)))))
                        (local.get $em))
                      (local.get $stepBest)))))
              (local.set $k (i32.load8_u (i32.add (local.get $kinds) (local.get $y))))
              ;; Kind 0: no state leads to it.
              (br_if $next (i32.eqz (local.get $k)))
              (if (i32.eq (local.get $k) (i32.const 1))
                (then
                  ;; Kind 1: one or two predecessors (one twice when one);
                  ;; the second, the larger, wins a tie.
                  (local.set $a (i32.load8_u (i32.add (local.get $pairA) (local.get $y))))
                  (local.set $b (i32.load8_u (i32.add (local.get $pairB) (local.get $y))))
                  (local.set $pa
                    (f64.reinterpret_i64
                      (select
                        (i64.reinterpret_f64
                          (f64.add
                            (f64.add
                              (f64.load offset=1024 (i32.shl (i32.add (local.get $before) (local.get $a)) (i32.const 3)))
                              (f64.load (i32.add (local.get $pairTransA) (i32.shl (local.get $y) (i32.const 3)))))
                            (local.get $em)))
                        (i64.reinterpret_f64 (f64.const -inf))
                        (i32.eq
                          (i32.load offset=5120 (i32.shl (i32.add (local.get $before) (local.get $a)) (i32.const 2)))
                          (local.get $liveBefore)))))
                  (local.set $pb
                    (f64.reinterpret_i64
                      (select
                        (i64.reinterpret_f64
                          (f64.add
                            (f64.add
                              (f64.load offset=1024 (i32.shl (i32.add (local.get $before) (local.get $b)) (i32.const 3)))
                              (f64.load (i32.add (local.get $pairTransB) (i32.shl (local.get $y) (i32.const 3)))))
                            (local.get $em)))
                        (i64.reinterpret_f64 (f64.const -inf))
                        (i32.eq
                          (i32.load offset=5120 (i32.shl (i32.add (local.get $before) (local.get $b)) (i32.const 2)))
                          (local.get $liveBefore)))))
                  (local.set $better (f64.ge (local.get $pb) (local.get $pa)))
                  (local.set $best
                    (f64.reinterpret_i64
                      (select (i64.reinterpret_f64 (local.get $pb)) (i64.reinterpret_f64 (local.get $pa)) (local.get $better))))
                  (local.set $bestFrom (select (local.get $b) (local.get $a) (local.get $better)))
                  (local.set $real (f64.gt (local.get $best) (local.get $realFloor)))
                  (if (i32.eqz (i32.or (local.get $real) (f64.le (local.get $best) (local.get $shadowCeiling))))
                    (then (return (i32.const 0))))
                  ;; Stored whether real or not; only a real state moves on
                  ;; `added` and `pending`, and gets the stamp.
                  (local.set $liveAt (i32.add (i32.const 5120) (i32.shl (i32.add (local.get $row) (local.get $y)) (i32.const 2))))
                  (i32.store (local.get $liveAt)
                    (select (i32.add (local.get $stamp) (local.get $t)) (i32.load (local.get $liveAt)) (local.get $real)))
                  (f64.store offset=1024 (i32.shl (i32.add (local.get $row) (local.get $y)) (i32.const 3)) (local.get $best))
                  (i32.store8 offset=7168 (i32.add (local.get $row) (local.get $added)) (local.get $y))
                  (local.set $added (i32.add (local.get $added) (local.get $real)))
                  (i32.store8 offset=10240 (i32.add (i32.mul (local.get $t) (local.get $S)) (local.get $y)) (local.get $bestFrom))
                  (local.set $stepBest
                    (f64.reinterpret_i64
                      (select (i64.reinterpret_f64 (local.get $best)) (i64.reinterpret_f64 (local.get $stepBest))
                        (i32.and (local.get $real) (f64.gt (local.get $best) (local.get $stepBest))))))
                  (f64.store offset=87040 (i32.shl (i32.add (local.get $logPos) (local.get $pending)) (i32.const 3)) (local.get $best))
                  (i32.store8 offset=876544 (i32.add (local.get $logPos) (local.get $pending)) (local.get $y))
                  (i32.store offset=613376 (i32.shl (i32.add (local.get $logPos) (local.get $pending)) (i32.const 2))
                    (i32.load (i32.add (local.get $wideRow) (i32.shl (local.get $y) (i32.const 2)))))
                  (local.set $pending
                    (i32.add (local.get $pending)
                      (i32.and (local.get $real) (i32.load8_u (i32.add (local.get $feeds) (local.get $y))))))
                  (br $next)))
              (local.set $best (f64.const -inf))
              ;; Kind 2, a wide state: the best sum over the head, as two
              ;; maxima (entries 0, 2, 4... and 1, 3, 5...). Which entry gave
              ;; it is left to `$wideFrom`.
              (local.set $column (i32.load (i32.add (local.get $wideColumn) (i32.shl (local.get $y) (i32.const 2)))))
              ;; #if simd
              ;; Both maxima in one register: the two entries' scores are
              ;; next to each other in the log, their transitions gathered.
              (local.set $vbest (f64x2.splat (f64.const -inf)))
              (local.set $vem (f64x2.splat (local.get $em)))
              (local.set $j (i32.const 0))
              (block $wideDone
                (loop $wide
                  (br_if $wideDone (i32.ge_s (local.get $j) (local.get $head)))
                  (local.set $at (i32.add (local.get $hr) (i32.shl (local.get $j) (i32.const 2))))
                  (local.set $vbest
                    (f64x2.pmax (local.get $vbest)
                      (f64x2.add
                        (f64x2.add
                          (v128.load (i32.add (local.get $hs) (i32.shl (local.get $j) (i32.const 3))))
                          (v128.load64_lane 1 (i32.add (local.get $column) (i32.load offset=4 (local.get $at)))
                            (v128.load64_zero (i32.add (local.get $column) (i32.load (local.get $at))))))
                        (local.get $vem))))
                  (local.set $j (i32.add (local.get $j) (i32.const 2)))
                  (br $wide)))
              (local.set $best (f64x2.extract_lane 0 (local.get $vbest)))
              (local.set $best1 (f64x2.extract_lane 1 (local.get $vbest)))
              ;; #else
              (local.set $best1 (f64.const -inf))
              (local.set $j (i32.const 0))
              (block $wideDone
                (loop $wide
                  (br_if $wideDone (i32.ge_s (local.get $j) (local.get $head)))
                  (local.set $prob
                    (f64.add
                      (f64.add
                        (f64.load (i32.add (local.get $hs) (i32.shl (local.get $j) (i32.const 3))))
                        (f64.load (i32.add (local.get $column) (i32.load (i32.add (local.get $hr) (i32.shl (local.get $j) (i32.const 2)))))))
                      (local.get $em)))
                  (local.set $prob1
                    (f64.add
                      (f64.add
                        (f64.load offset=8 (i32.add (local.get $hs) (i32.shl (local.get $j) (i32.const 3))))
                        (f64.load (i32.add (local.get $column) (i32.load offset=4 (i32.add (local.get $hr) (i32.shl (local.get $j) (i32.const 2)))))))
                      (local.get $em)))
                  (local.set $best
                    (f64.reinterpret_i64
                      (select (i64.reinterpret_f64 (local.get $prob)) (i64.reinterpret_f64 (local.get $best)) (f64.gt (local.get $prob) (local.get $best)))))
                  (local.set $best1
                    (f64.reinterpret_i64
                      (select (i64.reinterpret_f64 (local.get $prob1)) (i64.reinterpret_f64 (local.get $best1)) (f64.gt (local.get $prob1) (local.get $best1)))))
                  (local.set $j (i32.add (local.get $j) (i32.const 2)))
                  (br $wide)))
              ;; #endif
              (local.set $best
                (f64.reinterpret_i64
                  (select (i64.reinterpret_f64 (local.get $best1)) (i64.reinterpret_f64 (local.get $best)) (f64.gt (local.get $best1) (local.get $best)))))
              ;; No real predecessor: shadow, if live at all.
              (if (f64.gt (local.get $best) (local.get $realFloor))
                (then
                  (local.set $stepBest
                    (f64.reinterpret_i64
                      (select (i64.reinterpret_f64 (local.get $best)) (i64.reinterpret_f64 (local.get $stepBest))
                        (f64.gt (local.get $best) (local.get $stepBest)))))
                  (f64.store offset=1024 (i32.shl (i32.add (local.get $row) (local.get $y)) (i32.const 3)) (local.get $best))
                  (i32.store offset=5120 (i32.shl (i32.add (local.get $row) (local.get $y)) (i32.const 2))
                    (i32.add (local.get $stamp) (local.get $t)))
                  (i32.store8 offset=7168 (i32.add (local.get $row) (local.get $added)) (local.get $y))
                  (local.set $added (i32.add (local.get $added) (i32.const 1)))
                  (f64.store offset=87040 (i32.shl (i32.add (local.get $logPos) (local.get $pending)) (i32.const 3)) (local.get $best))
                  (i32.store8 offset=876544 (i32.add (local.get $logPos) (local.get $pending)) (local.get $y))
                  (i32.store offset=613376 (i32.shl (i32.add (local.get $logPos) (local.get $pending)) (i32.const 2))
                    (i32.load (i32.add (local.get $wideRow) (i32.shl (local.get $y) (i32.const 2)))))
                  (local.set $pending
                    (i32.add (local.get $pending) (i32.load8_u (i32.add (local.get $feeds) (local.get $y))))))
                (else
                  (if (i32.eqz (f64.le (local.get $best) (local.get $shadowCeiling))) (then (return (i32.const 0)))))))
            (br $candidate)))
        (if (i32.eqz (local.get $added))
          (then
            ;; No real state: at a silent character the top layer opens,
            ;; every state the last real ones reach; elsewhere decline.
            (if (i32.eqz (i32.load8_u (i32.add (local.get $silent) (local.get $c)))) (then (return (i32.const 0))))
            (local.set $bits (i32.add (i32.const 76768) (i32.shl (local.get $t) (i32.const 5))))
            (memory.fill (local.get $bits) (i32.const 0) (i32.const 32))
            (local.set $i (i32.const 0))
            (block $markDone
              (loop $mark
                (br_if $markDone (i32.ge_s (local.get $i) (local.get $count)))
                (local.set $x (i32.load8_u offset=7168 (i32.add (local.get $before) (local.get $i))))
                (local.set $word (i32.add (local.get $bits) (i32.shl (i32.shr_u (local.get $x) (i32.const 5)) (i32.const 2))))
                (i32.store (local.get $word) (i32.or (i32.load (local.get $word)) (i32.shl (i32.const 1) (local.get $x))))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $mark)))
            (br_if $stepsDone (i32.eqz (call $reach (local.get $t))))
            (local.set $firstLayer (local.get $t))
            (local.set $t (i32.add (local.get $t) (i32.const 1)))
            (br $steps)))
        (local.set $count (local.get $added))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $steps)))
    ;; A layer came out empty (the loop left early): decline.
    (if (i32.lt_s (local.get $t) (local.get $len)) (then (return (i32.const 0))))

    ;; The best last state, ties to the larger (in a top layer every state
    ;; ties: the largest); then the back-pointers.
    (if (i32.ge_s (local.get $firstLayer) (i32.const 0))
      (then
        (local.set $state
          (call $largest (i32.add (i32.const 76800) (i32.shl (i32.sub (local.get $len) (i32.const 1)) (i32.const 5))) (i32.const -1))))
      (else
        (local.set $row (i32.mul (i32.and (i32.sub (local.get $len) (i32.const 1)) (i32.const 1)) (local.get $S)))
        (local.set $state (i32.const -1))
        (local.set $best (f64.const -inf))
        (local.set $i (i32.const 0))
        (block $endDone
          (loop $ends
            (br_if $endDone (i32.ge_s (local.get $i) (local.get $count)))
            (local.set $y (i32.load8_u offset=7168 (i32.add (local.get $row) (local.get $i))))
            (local.set $score (f64.load offset=1024 (i32.shl (i32.add (local.get $row) (local.get $y)) (i32.const 3))))
            (if (i32.or
                  (i32.lt_s (local.get $state) (i32.const 0))
                  (i32.or
                    (f64.gt (local.get $score) (local.get $best))
                    (i32.and (f64.eq (local.get $score) (local.get $best)) (i32.gt_s (local.get $y) (local.get $state)))))
              (then
                (local.set $best (local.get $score))
                (local.set $state (local.get $y))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $ends)))))
    (local.set $t (i32.sub (local.get $len) (i32.const 1)))
    (block $backDone
      (loop $backs
        (br_if $backDone (i32.le_s (local.get $t) (i32.const 0)))
        (i32.store8 offset=768 (local.get $t) (local.get $state))
        (local.set $state
          (if (result i32) (i32.and (i32.ge_s (local.get $firstLayer) (i32.const 0)) (i32.ge_s (local.get $t) (local.get $firstLayer)))
            (then
              ;; In a layer: the largest state of the layer before with a transition into it.
              (call $largest (i32.add (i32.const 76768) (i32.shl (local.get $t) (i32.const 5)))
                (i32.add (local.get $prevMask) (i32.shl (i32.mul (local.get $state) (local.get $W)) (i32.const 2)))))
            (else
              (if (result i32) (i32.eq (i32.load8_u (i32.add (local.get $kinds) (local.get $state))) (i32.const 2))
                (then (call $wideFrom (local.get $t) (local.get $state)))
                (else (i32.load8_u offset=10240 (i32.add (i32.mul (local.get $t) (local.get $S)) (local.get $state))))))))
        (local.set $t (i32.sub (local.get $t) (i32.const 1)))
        (br $backs)))
    (i32.store8 offset=768 (i32.const 0) (local.get $state))
    (i32.const 1))

  ;; The back-pointer of wide state y at step t, worked out only for the
  ;; states of the best path: the head entry of step t (ties to the larger
  ;; state) that gave y its score.
  (func $wideFrom (param $t i32) (param $y i32) (result i32)
    (local $c i32) (local $q i32) (local $last i32) (local $candidates i32) (local $emits i32) (local $em f64)
    (local $column i32) (local $at i32) (local $end i32) (local $prob f64) (local $best f64) (local $from i32) (local $x i32)
    (local.set $c (i32.sub (i32.load16_u offset=256 (i32.shl (local.get $t) (i32.const 1))) (i32.const 0x4e00)))
    (local.set $q (i32.load (i32.add (i32.load offset=24 (i32.const 0)) (i32.shl (local.get $c) (i32.const 2)))))
    (local.set $last (i32.load offset=4 (i32.add (i32.load offset=24 (i32.const 0)) (i32.shl (local.get $c) (i32.const 2)))))
    (if (i32.lt_s (local.get $q) (local.get $last))
      (then
        (local.set $candidates (i32.load offset=28 (i32.const 0)))
        (local.set $emits (i32.load offset=32 (i32.const 0))))
      (else
        (local.set $q (i32.load (i32.add (i32.load offset=36 (i32.const 0)) (i32.shl (local.get $c) (i32.const 2)))))
        (local.set $last (i32.load offset=4 (i32.add (i32.load offset=36 (i32.const 0)) (i32.shl (local.get $c) (i32.const 2)))))
        (local.set $candidates (i32.load offset=40 (i32.const 0)))
        (local.set $emits (i32.load offset=44 (i32.const 0)))))
    (block $found
      (loop $find
        (br_if $found (i32.eq (i32.load8_u (i32.add (local.get $candidates) (local.get $q))) (local.get $y)))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br $find)))
    (local.set $em (f64.load (i32.add (local.get $emits) (i32.shl (local.get $q) (i32.const 3)))))
    (local.set $column (i32.load (i32.add (i32.load offset=68 (i32.const 0)) (i32.shl (local.get $y) (i32.const 2)))))
    (local.set $at (i32.load offset=84992 (i32.shl (local.get $t) (i32.const 3))))
    (local.set $end (i32.add (local.get $at) (i32.load offset=84996 (i32.shl (local.get $t) (i32.const 3)))))
    (local.set $best (f64.const -inf))
    (local.set $from (i32.const -1))
    (block $done
      (loop $entries
        (br_if $done (i32.ge_s (local.get $at) (local.get $end)))
        (local.set $x (i32.load8_u offset=876544 (local.get $at)))
        (local.set $prob
          (f64.add
            (f64.add
              (f64.load offset=87040 (i32.shl (local.get $at) (i32.const 3)))
              (f64.load (i32.add (local.get $column) (i32.load offset=613376 (i32.shl (local.get $at) (i32.const 2))))))
            (local.get $em)))
        (if (i32.or (f64.gt (local.get $prob) (local.get $best))
              (i32.and (f64.eq (local.get $prob) (local.get $best)) (i32.gt_s (local.get $x) (local.get $from))))
          (then
            (local.set $best (local.get $prob))
            (local.set $from (local.get $x))))
        (local.set $at (i32.add (local.get $at) (i32.const 1)))
        (br $entries)))
    (local.get $from))

  ;; The largest state of the bit set at `bits`, each word masked by the
  ;; word at `mask` unless mask is -1; -1 when none.
  (func $largest (param $bits i32) (param $mask i32) (result i32)
    (local $w i32) (local $word i32)
    (local.set $w (i32.sub (i32.load offset=4 (i32.const 0)) (i32.const 1)))
    (block $none
      (loop $words
        (br_if $none (i32.lt_s (local.get $w) (i32.const 0)))
        (local.set $word (i32.load (i32.add (local.get $bits) (i32.shl (local.get $w) (i32.const 2)))))
        (if (i32.ge_s (local.get $mask) (i32.const 0))
          (then
            (local.set $word
              (i32.and (local.get $word) (i32.load (i32.add (local.get $mask) (i32.shl (local.get $w) (i32.const 2))))))))
        (if (local.get $word)
          (then (return (i32.sub (i32.add (i32.shl (local.get $w) (i32.const 5)) (i32.const 31)) (i32.clz (local.get $word))))))
        (local.set $w (i32.sub (local.get $w) (i32.const 1)))
        (br $words)))
    (i32.const -1))

  ;; Layer t: every state that a state of layer t - 1 leads to; 0 when none.
  (func $reach (param $t i32) (result i32)
    (local $W i32) (local $from i32) (local $to i32) (local $w i32) (local $word i32) (local $row i32) (local $v i32)
    (local $any i32)
    (local.set $W (i32.load offset=4 (i32.const 0)))
    (local.set $from (i32.add (i32.const 76768) (i32.shl (local.get $t) (i32.const 5))))
    (local.set $to (i32.add (local.get $from) (i32.const 32)))
    (memory.fill (local.get $to) (i32.const 0) (i32.const 32))
    (block $done
      (loop $words
        (br_if $done (i32.ge_s (local.get $w) (local.get $W)))
        (local.set $word (i32.load (i32.add (local.get $from) (i32.shl (local.get $w) (i32.const 2)))))
        (block $bitsDone
          (loop $bits
            (br_if $bitsDone (i32.eqz (local.get $word)))
            ;; The row of next states of state 32w + (lowest bit), OR-ed in.
            (local.set $row
              (i32.add (i32.load offset=80 (i32.const 0))
                (i32.shl
                  (i32.mul (i32.add (i32.shl (local.get $w) (i32.const 5)) (i32.ctz (local.get $word))) (local.get $W))
                  (i32.const 2))))
            (local.set $word (i32.and (local.get $word) (i32.sub (local.get $word) (i32.const 1))))
            (local.set $v (i32.const 0))
            (block $rowDone
              (loop $rowWords
                (br_if $rowDone (i32.ge_s (local.get $v) (local.get $W)))
                (i32.store (i32.add (local.get $to) (i32.shl (local.get $v) (i32.const 2)))
                  (i32.or
                    (i32.load (i32.add (local.get $to) (i32.shl (local.get $v) (i32.const 2))))
                    (i32.load (i32.add (local.get $row) (i32.shl (local.get $v) (i32.const 2))))))
                (local.set $v (i32.add (local.get $v) (i32.const 1)))
                (br $rowWords)))
            (br $bits)))
        (local.set $w (i32.add (local.get $w) (i32.const 1)))
        (br $words)))
    (local.set $w (i32.const 0))
    (block $anyDone
      (loop $anyWords
        (br_if $anyDone (i32.ge_s (local.get $w) (local.get $W)))
        (local.set $any (i32.or (local.get $any) (i32.load (i32.add (local.get $to) (i32.shl (local.get $w) (i32.const 2))))))
        (local.set $w (i32.add (local.get $w) (i32.const 1)))
        (br $anyWords)))
    (local.get $any))

  ;; Layer t, at character c: for a silent one, every state layer t - 1
  ;; leads to; otherwise the states emitting c for real (its listed states,
  ;; or its emitters) with a transition from layer t - 1. 0 when none.
  (func $layerStep (param $t i32) (param $c i32) (result i32)
    (local $W i32) (local $from i32) (local $to i32) (local $q i32) (local $last i32) (local $candidates i32)
    (local $emits i32) (local $y i32) (local $w i32) (local $mask i32) (local $any i32) (local $range i32)
    (if (i32.load8_u (i32.add (i32.load offset=84 (i32.const 0)) (local.get $c)))
      (then (return (call $reach (local.get $t)))))
    (local.set $W (i32.load offset=4 (i32.const 0)))
    (local.set $from (i32.add (i32.const 76768) (i32.shl (local.get $t) (i32.const 5))))
    (local.set $to (i32.add (local.get $from) (i32.const 32)))
    (memory.fill (local.get $to) (i32.const 0) (i32.const 32))
    (local.set $range (i32.add (i32.load offset=24 (i32.const 0)) (i32.shl (local.get $c) (i32.const 2))))
    (if (i32.lt_s (i32.load (local.get $range)) (i32.load offset=4 (local.get $range)))
      (then
        (local.set $candidates (i32.load offset=28 (i32.const 0)))
        (local.set $emits (i32.load offset=32 (i32.const 0))))
      (else
        (local.set $range (i32.add (i32.load offset=36 (i32.const 0)) (i32.shl (local.get $c) (i32.const 2))))
        (local.set $candidates (i32.load offset=40 (i32.const 0)))
        (local.set $emits (i32.load offset=44 (i32.const 0)))))
    (local.set $q (i32.load (local.get $range)))
    (local.set $last (i32.load offset=4 (local.get $range)))
    (block $done
      (loop $candidate
        (br_if $done (i32.ge_s (local.get $q) (local.get $last)))
        (block $next
          ;; MIN_FLOAT: not emitted for real.
          (br_if $next (f64.eq (f64.load (i32.add (local.get $emits) (i32.shl (local.get $q) (i32.const 3)))) (f64.const -3.14e100)))
          (local.set $y (i32.load8_u (i32.add (local.get $candidates) (local.get $q))))
          (local.set $mask (i32.add (i32.load offset=20 (i32.const 0)) (i32.shl (i32.mul (local.get $y) (local.get $W)) (i32.const 2))))
          (local.set $w (i32.const 0))
          (block $found
            (loop $words
              (br_if $next (i32.ge_s (local.get $w) (local.get $W)))
              (br_if $found
                (i32.and
                  (i32.load (i32.add (local.get $mask) (i32.shl (local.get $w) (i32.const 2))))
                  (i32.load (i32.add (local.get $from) (i32.shl (local.get $w) (i32.const 2))))))
              (local.set $w (i32.add (local.get $w) (i32.const 1)))
              (br $words)))
          (local.set $w (i32.add (local.get $to) (i32.shl (i32.shr_u (local.get $y) (i32.const 5)) (i32.const 2))))
          (i32.store (local.get $w) (i32.or (i32.load (local.get $w)) (i32.shl (i32.const 1) (local.get $y))))
          (local.set $any (i32.const 1)))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br $candidate)))
    (local.get $any))

  ;; Prepares the tables the caller copied in, once: orders each character's
  ;; states (and their emissions) by kind, one or two predecessors first,
  ;; then more, then none, so that the branch on a state's kind changes
  ;; course at most twice per character (the order of a step's states
  ;; decides nothing: ties go to the larger state); and marks the silent
  ;; characters, those the model does not list and no state emits with more
  ;; than MIN_FLOAT. `han` is the number of Han characters in the tables.
  ;; Uses the back-pointers' place as scratch.
  (func (export "prepare") (param $han i32)
    (local $c i32) (local $k i32) (local $last i32) (local $silent i32)
    (call $orderByKind (local.get $han) (i32.load offset=24 (i32.const 0)) (i32.load offset=28 (i32.const 0)) (i32.load offset=32 (i32.const 0)))
    (call $orderByKind (local.get $han) (i32.load offset=36 (i32.const 0)) (i32.load offset=40 (i32.const 0)) (i32.load offset=44 (i32.const 0)))
    (block $done
      (loop $chars
        (br_if $done (i32.ge_u (local.get $c) (local.get $han)))
        (local.set $silent (i32.const 1))
        ;; Listed: not silent.
        (local.set $k (i32.add (i32.load offset=24 (i32.const 0)) (i32.shl (local.get $c) (i32.const 2))))
        (if (i32.lt_s (i32.load (local.get $k)) (i32.load offset=4 (local.get $k))) (then (local.set $silent (i32.const 0))))
        (local.set $k (i32.add (i32.load offset=36 (i32.const 0)) (i32.shl (local.get $c) (i32.const 2))))
        (local.set $last (i32.load offset=4 (local.get $k)))
        (local.set $k (i32.load (local.get $k)))
        (block $emitsDone
          (loop $emits
            (br_if $emitsDone (i32.ge_s (local.get $k) (local.get $last)))
            (if (f64.ne (f64.load (i32.add (i32.load offset=44 (i32.const 0)) (i32.shl (local.get $k) (i32.const 3)))) (f64.const -3.14e100))
              (then (local.set $silent (i32.const 0))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $emits)))
        (i32.store8 (i32.add (i32.load offset=84 (i32.const 0)) (local.get $c)) (local.get $silent))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br $chars))))

  ;; Orders the entries of each character c < han, states[starts[c] .. starts[c + 1])
  ;; and values at the same places, by kind: 1, 2, then 0 (stable).
  (func $orderByKind (param $han i32) (param $starts i32) (param $states i32) (param $values i32)
    (local $c i32) (local $first i32) (local $last i32) (local $k i32) (local $to i32) (local $pass i32) (local $kind i32)
    (local $n i32) (local $y i32)
    (block $done
      (loop $chars
        (br_if $done (i32.ge_u (local.get $c) (local.get $han)))
        (local.set $first (i32.load (i32.add (local.get $starts) (i32.shl (local.get $c) (i32.const 2)))))
        (local.set $last (i32.load offset=4 (i32.add (local.get $starts) (i32.shl (local.get $c) (i32.const 2)))))
        ;; The character's entries to scratch (states at 10240, values at 10752), then back in order.
        (local.set $n (i32.sub (local.get $last) (local.get $first)))
        (memory.copy (i32.const 10240) (i32.add (local.get $states) (local.get $first)) (local.get $n))
        (memory.copy (i32.const 10752) (i32.add (local.get $values) (i32.shl (local.get $first) (i32.const 3))) (i32.shl (local.get $n) (i32.const 3)))
        (local.set $to (local.get $first))
        (local.set $pass (i32.const 0))
        (block $passesDone
          (loop $passes
            (br_if $passesDone (i32.ge_u (local.get $pass) (i32.const 3)))
            ;; Kinds 1, 2, 0 in turn.
            (local.set $kind (i32.rem_u (i32.add (local.get $pass) (i32.const 1)) (i32.const 3)))
            (local.set $k (i32.const 0))
            (block $entriesDone
              (loop $entries
                (br_if $entriesDone (i32.ge_u (local.get $k) (local.get $n)))
                (local.set $y (i32.load8_u offset=10240 (local.get $k)))
                (if (i32.eq (i32.load8_u (i32.add (i32.load offset=48 (i32.const 0)) (local.get $y))) (local.get $kind))
                  (then
                    (i32.store8 (i32.add (local.get $states) (local.get $to)) (local.get $y))
                    (f64.store (i32.add (local.get $values) (i32.shl (local.get $to) (i32.const 3)))
                      (f64.load offset=10752 (i32.shl (local.get $k) (i32.const 3))))
                    (local.set $to (i32.add (local.get $to) (i32.const 1)))))
                (local.set $k (i32.add (local.get $k) (i32.const 1)))
                (br $entries)))
            (local.set $pass (i32.add (local.get $pass) (i32.const 1)))
            (br $passes)))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br $chars))))
)

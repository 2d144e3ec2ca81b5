;; Word loops of the audience index, over bitsets that live in the index's WebAssembly.Memory.
;; Every pointer is a byte offset into that memory and every length a multiple of 64 bytes
;; (the index pads each bitset and each block to 16 words), so the loops need no scalar tail.
;; Four 128-bit lanes per iteration: the CPU overlaps their loads instead of waiting on each.
(module
  (import "env" "memory" (memory 0))

  ;; dst |= src
  (func (export "or") (param $dst i32) (param $src i32) (param $bytes i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $dst) (local.get $bytes)))
    (block $done
      (br_if $done (i32.ge_u (local.get $dst) (local.get $end)))
      (loop $next
        (v128.store offset=0 (local.get $dst) (v128.or (v128.load offset=0 (local.get $dst)) (v128.load offset=0 (local.get $src))))
        (v128.store offset=16 (local.get $dst) (v128.or (v128.load offset=16 (local.get $dst)) (v128.load offset=16 (local.get $src))))
        (v128.store offset=32 (local.get $dst) (v128.or (v128.load offset=32 (local.get $dst)) (v128.load offset=32 (local.get $src))))
        (v128.store offset=48 (local.get $dst) (v128.or (v128.load offset=48 (local.get $dst)) (v128.load offset=48 (local.get $src))))
        (local.set $dst (i32.add (local.get $dst) (i32.const 64)))
        (local.set $src (i32.add (local.get $src) (i32.const 64)))
        (br_if $next (i32.lt_u (local.get $dst) (local.get $end))))))

  ;; dst = a | b (the first two sets of a union in one pass instead of a copy and an OR)
  (func (export "or2") (param $dst i32) (param $a i32) (param $b i32) (param $bytes i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $dst) (local.get $bytes)))
    (block $done
      (br_if $done (i32.ge_u (local.get $dst) (local.get $end)))
      (loop $next
        (v128.store offset=0 (local.get $dst) (v128.or (v128.load offset=0 (local.get $a)) (v128.load offset=0 (local.get $b))))
        (v128.store offset=16 (local.get $dst) (v128.or (v128.load offset=16 (local.get $a)) (v128.load offset=16 (local.get $b))))
        (v128.store offset=32 (local.get $dst) (v128.or (v128.load offset=32 (local.get $a)) (v128.load offset=32 (local.get $b))))
        (v128.store offset=48 (local.get $dst) (v128.or (v128.load offset=48 (local.get $a)) (v128.load offset=48 (local.get $b))))
        (local.set $dst (i32.add (local.get $dst) (i32.const 64)))
        (local.set $a (i32.add (local.get $a) (i32.const 64)))
        (local.set $b (i32.add (local.get $b) (i32.const 64)))
        (br_if $next (i32.lt_u (local.get $dst) (local.get $end))))))

  ;; dst &= src
  (func (export "and") (param $dst i32) (param $src i32) (param $bytes i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $dst) (local.get $bytes)))
    (block $done
      (br_if $done (i32.ge_u (local.get $dst) (local.get $end)))
      (loop $next
        (v128.store offset=0 (local.get $dst) (v128.and (v128.load offset=0 (local.get $dst)) (v128.load offset=0 (local.get $src))))
        (v128.store offset=16 (local.get $dst) (v128.and (v128.load offset=16 (local.get $dst)) (v128.load offset=16 (local.get $src))))
        (v128.store offset=32 (local.get $dst) (v128.and (v128.load offset=32 (local.get $dst)) (v128.load offset=32 (local.get $src))))
        (v128.store offset=48 (local.get $dst) (v128.and (v128.load offset=48 (local.get $dst)) (v128.load offset=48 (local.get $src))))
        (local.set $dst (i32.add (local.get $dst) (i32.const 64)))
        (local.set $src (i32.add (local.get $src) (i32.const 64)))
        (br_if $next (i32.lt_u (local.get $dst) (local.get $end))))))

  ;; dst &= ~src
  (func (export "andNot") (param $dst i32) (param $src i32) (param $bytes i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $dst) (local.get $bytes)))
    (block $done
      (br_if $done (i32.ge_u (local.get $dst) (local.get $end)))
      (loop $next
        (v128.store offset=0 (local.get $dst) (v128.andnot (v128.load offset=0 (local.get $dst)) (v128.load offset=0 (local.get $src))))
        (v128.store offset=16 (local.get $dst) (v128.andnot (v128.load offset=16 (local.get $dst)) (v128.load offset=16 (local.get $src))))
        (v128.store offset=32 (local.get $dst) (v128.andnot (v128.load offset=32 (local.get $dst)) (v128.load offset=32 (local.get $src))))
        (v128.store offset=48 (local.get $dst) (v128.andnot (v128.load offset=48 (local.get $dst)) (v128.load offset=48 (local.get $src))))
        (local.set $dst (i32.add (local.get $dst) (i32.const 64)))
        (local.set $src (i32.add (local.get $src) (i32.const 64)))
        (br_if $next (i32.lt_u (local.get $dst) (local.get $end))))))

  ;; dst = universe & ~dst (a `not` within the people the index knows)
  (func (export "complement") (param $dst i32) (param $universe i32) (param $bytes i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $dst) (local.get $bytes)))
    (block $done
      (br_if $done (i32.ge_u (local.get $dst) (local.get $end)))
      (loop $next
        (v128.store offset=0 (local.get $dst) (v128.andnot (v128.load offset=0 (local.get $universe)) (v128.load offset=0 (local.get $dst))))
        (v128.store offset=16 (local.get $dst) (v128.andnot (v128.load offset=16 (local.get $universe)) (v128.load offset=16 (local.get $dst))))
        (v128.store offset=32 (local.get $dst) (v128.andnot (v128.load offset=32 (local.get $universe)) (v128.load offset=32 (local.get $dst))))
        (v128.store offset=48 (local.get $dst) (v128.andnot (v128.load offset=48 (local.get $universe)) (v128.load offset=48 (local.get $dst))))
        (local.set $dst (i32.add (local.get $dst) (i32.const 64)))
        (local.set $universe (i32.add (local.get $universe) (i32.const 64)))
        (br_if $next (i32.lt_u (local.get $dst) (local.get $end))))))

  ;; dst = src
  (func (export "copy") (param $dst i32) (param $src i32) (param $bytes i32)
    (memory.copy (local.get $dst) (local.get $src) (local.get $bytes)))

  ;; dst = 0
  (func (export "zero") (param $dst i32) (param $bytes i32)
    (memory.fill (local.get $dst) (i32.const 0) (local.get $bytes)))

  ;; The number of set bits in ptr..ptr+bytes.
  (func (export "popcount") (param $ptr i32) (param $bytes i32) (result i32)
    (local $end i32) (local $sum i64)
    (local.set $end (i32.add (local.get $ptr) (local.get $bytes)))
    (block $done
      (br_if $done (i32.ge_u (local.get $ptr) (local.get $end)))
      (loop $next
        (local.set $sum (i64.add (local.get $sum) (i64.add
          (i64.add (i64.add (i64.popcnt (i64.load offset=0 (local.get $ptr))) (i64.popcnt (i64.load offset=8 (local.get $ptr))))
                   (i64.add (i64.popcnt (i64.load offset=16 (local.get $ptr))) (i64.popcnt (i64.load offset=24 (local.get $ptr)))))
          (i64.add (i64.add (i64.popcnt (i64.load offset=32 (local.get $ptr))) (i64.popcnt (i64.load offset=40 (local.get $ptr))))
                   (i64.add (i64.popcnt (i64.load offset=48 (local.get $ptr))) (i64.popcnt (i64.load offset=56 (local.get $ptr))))))))
        (local.set $ptr (i32.add (local.get $ptr) (i32.const 64)))
        (br_if $next (i32.lt_u (local.get $ptr) (local.get $end)))))
    (i32.wrap_i64 (local.get $sum)))

  ;; popcount(dst & ~src) without writing it back: the last eligibility step and the count in one pass.
  (func (export "andNotCount") (param $dst i32) (param $src i32) (param $bytes i32) (result i32)
    (local $end i32) (local $sum i64) (local $v v128)
    (local.set $end (i32.add (local.get $dst) (local.get $bytes)))
    (block $done
      (br_if $done (i32.ge_u (local.get $dst) (local.get $end)))
      (loop $next
        (local.set $v (v128.andnot (v128.load offset=0 (local.get $dst)) (v128.load offset=0 (local.get $src))))
        (local.set $sum (i64.add (local.get $sum) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $v))) (i64.popcnt (i64x2.extract_lane 1 (local.get $v))))))
        (local.set $v (v128.andnot (v128.load offset=16 (local.get $dst)) (v128.load offset=16 (local.get $src))))
        (local.set $sum (i64.add (local.get $sum) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $v))) (i64.popcnt (i64x2.extract_lane 1 (local.get $v))))))
        (local.set $v (v128.andnot (v128.load offset=32 (local.get $dst)) (v128.load offset=32 (local.get $src))))
        (local.set $sum (i64.add (local.get $sum) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $v))) (i64.popcnt (i64x2.extract_lane 1 (local.get $v))))))
        (local.set $v (v128.andnot (v128.load offset=48 (local.get $dst)) (v128.load offset=48 (local.get $src))))
        (local.set $sum (i64.add (local.get $sum) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $v))) (i64.popcnt (i64x2.extract_lane 1 (local.get $v))))))
        (local.set $dst (i32.add (local.get $dst) (i32.const 64)))
        (local.set $src (i32.add (local.get $src) (i32.const 64)))
        (br_if $next (i32.lt_u (local.get $dst) (local.get $end)))))
    (i32.wrap_i64 (local.get $sum)))

  ;; popcount(dst & src) without writing it back.
  (func (export "andCount") (param $dst i32) (param $src i32) (param $bytes i32) (result i32)
    (local $end i32) (local $sum i64) (local $v v128)
    (local.set $end (i32.add (local.get $dst) (local.get $bytes)))
    (block $done
      (br_if $done (i32.ge_u (local.get $dst) (local.get $end)))
      (loop $next
        (local.set $v (v128.and (v128.load offset=0 (local.get $dst)) (v128.load offset=0 (local.get $src))))
        (local.set $sum (i64.add (local.get $sum) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $v))) (i64.popcnt (i64x2.extract_lane 1 (local.get $v))))))
        (local.set $v (v128.and (v128.load offset=16 (local.get $dst)) (v128.load offset=16 (local.get $src))))
        (local.set $sum (i64.add (local.get $sum) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $v))) (i64.popcnt (i64x2.extract_lane 1 (local.get $v))))))
        (local.set $v (v128.and (v128.load offset=32 (local.get $dst)) (v128.load offset=32 (local.get $src))))
        (local.set $sum (i64.add (local.get $sum) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $v))) (i64.popcnt (i64x2.extract_lane 1 (local.get $v))))))
        (local.set $v (v128.and (v128.load offset=48 (local.get $dst)) (v128.load offset=48 (local.get $src))))
        (local.set $sum (i64.add (local.get $sum) (i64.add (i64.popcnt (i64x2.extract_lane 0 (local.get $v))) (i64.popcnt (i64x2.extract_lane 1 (local.get $v))))))
        (local.set $dst (i32.add (local.get $dst) (i32.const 64)))
        (local.set $src (i32.add (local.get $src) (i32.const 64)))
        (br_if $next (i32.lt_u (local.get $dst) (local.get $end)))))
    (i32.wrap_i64 (local.get $sum))))

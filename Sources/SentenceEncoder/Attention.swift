/// Self-attention within one sentence: for each head, each token's softmax over its scaled
/// dot products with every token of the same sentence, then the weighted sum of their values.
/// A sentence only ever sees its own rows, so a batch needs no padding and no mask, and
/// padding cannot change a vector.
enum Attention {
    typealias Vector = SIMD8<Float>
    static let headSize = 32

    /// Scratch floats needed for a sentence of `length` tokens.
    static func scratchCount(longest length: Int) -> Int {
        let padded = (length + 7) / 8 * 8
        return headSize * padded + padded
    }

    /// Reads queries, keys and values from `queryKeyValue` (rows of 3 × `hidden`: all queries,
    /// all keys, all values) for rows `sentence`, and writes the attended rows of `context`.
    static func attend(queryKeyValue: UnsafePointer<Float>, hidden: Int, sentence: Range<Int>,
                       context: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>) {
        let length = sentence.count
        let padded = (length + 7) / 8 * 8
        let blocks = padded / 8
        let stride = 3 * hidden
        // Keys transposed, one row per dimension: the scores of 8 keys are then one
        // multiply-add per dimension instead of 8 dot products with horizontal sums.
        let keys = scratch
        let scores = scratch + headSize * padded
        let scale = 1 / Float(headSize).squareRoot()
        for head in 0..<(hidden / headSize) {
            let column = head * headSize
            for d in 0..<headSize {
                let row = keys + d * padded
                for j in 0..<length { row[j] = queryKeyValue[(sentence.lowerBound + j) * stride + hidden + column + d] }
                for j in length..<padded { row[j] = 0 }
            }
            for i in 0..<length {
                let query = queryKeyValue + (sentence.lowerBound + i) * stride + column
                var largest = -Float.greatestFiniteMagnitude
                for block in 0..<blocks {
                    var sum = Vector()
                    for d in 0..<headSize {
                        sum = sum.addingProduct(Vector(repeating: query[d]),
                                                UnsafeRawPointer(keys + d * padded).loadUnaligned(fromByteOffset: block * 32, as: Vector.self))
                    }
                    sum *= scale
                    UnsafeMutableRawPointer(scores).storeBytes(of: sum, toByteOffset: block * 32, as: Vector.self)
                }
                for j in 0..<length { largest = max(largest, scores[j]) }
                var total = Vector()
                for block in 0..<blocks {
                    let raw = UnsafeMutableRawPointer(scores)
                    let weights = exp(raw.loadUnaligned(fromByteOffset: block * 32, as: Vector.self) - largest)
                    raw.storeBytes(of: weights, toByteOffset: block * 32, as: Vector.self)
                }
                for j in length..<padded { scores[j] = 0 }
                for block in 0..<blocks { total += UnsafeRawPointer(scores).loadUnaligned(fromByteOffset: block * 32, as: Vector.self) }
                var c0 = Vector(), c1 = Vector(), c2 = Vector(), c3 = Vector()
                for j in 0..<length {
                    let weight = Vector(repeating: scores[j])
                    let value = UnsafeRawPointer(queryKeyValue + (sentence.lowerBound + j) * stride + 2 * hidden + column)
                    c0 = c0.addingProduct(weight, value.loadUnaligned(as: Vector.self))
                    c1 = c1.addingProduct(weight, value.loadUnaligned(fromByteOffset: 32, as: Vector.self))
                    c2 = c2.addingProduct(weight, value.loadUnaligned(fromByteOffset: 64, as: Vector.self))
                    c3 = c3.addingProduct(weight, value.loadUnaligned(fromByteOffset: 96, as: Vector.self))
                }
                let inverse = 1 / total.sum()
                let out = UnsafeMutableRawPointer(context + (sentence.lowerBound + i) * hidden + column)
                out.storeBytes(of: c0 * inverse, as: Vector.self)
                out.storeBytes(of: c1 * inverse, toByteOffset: 32, as: Vector.self)
                out.storeBytes(of: c2 * inverse, toByteOffset: 64, as: Vector.self)
                out.storeBytes(of: c3 * inverse, toByteOffset: 96, as: Vector.self)
            }
        }
    }

    /// e^x for the softmax, kept in this file so it inlines (scalar `expf` cost a millisecond
    /// at 60 tokens). Cephes' single-precision polynomial, relative error about 2e-7; x below -87
    /// gives about 1e-38 rather than 0, so callers zero what must be exactly zero.
    @inline(__always)
    static func exp(_ input: Vector) -> Vector {
        let low = Vector(repeating: -87.3), high = Vector(repeating: 88.3)
        var x = input.replacing(with: low, where: input .< low).replacing(with: high, where: input .> high)
        let n = (x * 1.442_695_04 + 0.5).rounded(.down)
        x = x - n * 0.693_359_375
        x = x + n * 2.121_944_4e-4
        var p = Vector(repeating: 1.987_569_15e-4)
        p = p * x + 1.398_199_950_7e-3
        p = p * x + 8.333_451_907_3e-3
        p = p * x + 4.166_579_589_4e-2
        p = p * x + 1.666_666_545_9e-1
        p = p * x + 5.000_000_120_1e-1
        p = p * (x * x) + x + 1
        // 2^n from n's bits: adding 1.5·2²³ puts n in the low mantissa bits.
        let shifted = n + Vector(repeating: 12_582_912 + 127)
        let exponent = (unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- 0x4B40_0000) &<< 23
        return p * unsafeBitCast(exponent, to: Vector.self)
    }
}

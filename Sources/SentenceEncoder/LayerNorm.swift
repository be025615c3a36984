/// Layer normalisation over rows in place, as BERT applies it after each residual sum.
enum LayerNorm {
    typealias Vector = SIMD8<Float>

    /// Normalises each of `count` rows of `width` floats in place to mean 0 and variance 1, then
    /// scales and shifts them; two passes over the row, as the reference computes variance.
    static func apply(_ rows: UnsafeMutablePointer<Float>, count: Int, width: Int,
                      scale: UnsafePointer<Float>, shift: UnsafePointer<Float>, epsilon: Float) {
        let lanes = width / 8
        let scaleVectors = UnsafeRawPointer(scale), shiftVectors = UnsafeRawPointer(shift)
        for row in 0..<count {
            let values = UnsafeMutableRawPointer(rows + row * width)
            var sum = Vector()
            for lane in 0..<lanes { sum += values.loadUnaligned(fromByteOffset: lane * 32, as: Vector.self) }
            let mean = sum.sum() / Float(width)
            var squares = Vector()
            for lane in 0..<lanes {
                let centred = values.loadUnaligned(fromByteOffset: lane * 32, as: Vector.self) - mean
                squares = squares.addingProduct(centred, centred)
            }
            let inverse = 1 / (squares.sum() / Float(width) + epsilon).squareRoot()
            for lane in 0..<lanes {
                let offset = lane * 32
                let centred = values.loadUnaligned(fromByteOffset: offset, as: Vector.self) - mean
                let normed = (centred * inverse) * scaleVectors.loadUnaligned(fromByteOffset: offset, as: Vector.self)
                    + shiftVectors.loadUnaligned(fromByteOffset: offset, as: Vector.self)
                values.storeBytes(of: normed, toByteOffset: offset, as: Vector.self)
            }
        }
    }
}

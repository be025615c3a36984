/// One linear layer's weights as the kernel reads them. The outputs come in panels of 16; a
/// panel holds, for each input in order, its 16 weights side by side as fp16. So the inner
/// loop reads one contiguous 32-byte vector per input and converts it with F16C, and a panel
/// (12–48 KB) stays in cache while every block of rows passes over it: the weights are read
/// from memory once per pass, however many rows there are. Laid out so once, at conversion:
/// BLAS repacked the whole matrix at every call.
struct PackedLinear: @unchecked Sendable {
    let panels: UnsafePointer<Float16>
    let bias: UnsafePointer<Float>
    let inputCount: Int
    let outputCount: Int
}

/// What is done to a result on its way out of the kernel, while it is still in registers.
enum Epilogue {
    case plain
    /// Adds the same row of a residual matrix as wide as the output.
    case addResidual(UnsafePointer<Float>)
    case gelu
}

/// y = x·Wᵀ + b for a block of rows, on fp16 weights in `PackedLinear`'s layout.
///
/// Tiles of up to 4 rows × 16 outputs: 8 accumulators, 2 weight vectors and the broadcasts fit
/// the 16 AVX registers (with 6 rows LLVM kept all six broadcasts live and spilled). A panel
/// is walked in chunks of inputs, every tile of rows taking its turn on a chunk while it is in
/// L1; the running sums wait in `sums` between chunks. Short chunks matter for a single
/// question: reading a whole panel for the first tile and then computing the others left the
/// memory idle (8 rows took 2.4 times as long as 4; now 1.9).
///
/// Each row's sum starts from the bias and runs over the inputs in order whichever tile and
/// chunk compute it, so a sentence gets bit-identical vectors alone or in a batch.
enum Kernels {
    typealias Vector = SIMD8<Float>

    /// `sums` has room for 16 floats per row.
    static func linear(_ layer: PackedLinear, input: UnsafePointer<Float>, rows: Int,
                       output: UnsafeMutablePointer<Float>, epilogue: Epilogue, sums: UnsafeMutablePointer<Float>) {
        let width = WeightLayout.panelWidth
        let inputs = layer.inputCount, outputs = layer.outputCount
        let chunk = rows <= 32 ? 32 : 128
        for panel in 0..<(outputs / width) {
            let weights = UnsafeRawPointer(layer.panels + panel * inputs * width)
            let bias = UnsafeRawPointer(layer.bias + panel * width)
            for row in 0..<rows {
                UnsafeMutableRawPointer(sums + row * width).copyMemory(from: bias, byteCount: width * 4)
            }
            var start = 0
            while start < inputs {
                let count = min(chunk, inputs - start)
                let part = weights + start * width * 2
                var row = 0
                while row < rows {
                    let size = tileSize(remaining: rows - row)
                    let x = input + row * inputs + start, sum = sums + row * width
                    switch size {
                    case 4: tile4(part, count, x, stride: inputs, sum)
                    case 3: tile3(part, count, x, stride: inputs, sum)
                    default: tile2(part, count, x, stride: inputs, rows: size, sum)
                    }
                    row += size
                }
                start += count
            }
            let target = Target(output: output + panel * width, stride: outputs, epilogue: epilogue, column: panel * width)
            for row in 0..<rows {
                let sum = UnsafeRawPointer(sums + row * width)
                target.store(sum.load(as: Vector.self), sum.load(fromByteOffset: 32, as: Vector.self), row: row)
            }
        }
    }

    /// The next tile's rows. A tile costs about its row count, except that one row costs as much
    /// as two (converting the weights bounds both), so 9 rows go 3 + 4 + 2, not 4 + 4 + 1.
    @inline(__always)
    static func tileSize(remaining: Int) -> Int {
        if remaining % 4 == 1 && remaining > 1 { return 3 }
        return min(remaining, 4)
    }

    /// Where a tile's results go: the output panel's first column, the row stride, the epilogue.
    private struct Target {
        let output: UnsafeMutablePointer<Float>
        let stride: Int
        let epilogue: Epilogue
        let column: Int

        @inline(__always)
        func store(_ low: Vector, _ high: Vector, row: Int) {
            var low = low, high = high
            switch epilogue {
            case .plain:
                break
            case .addResidual(let residual):
                let source = UnsafeRawPointer(residual + row * stride + column)
                low += source.loadUnaligned(as: Vector.self)
                high += source.loadUnaligned(fromByteOffset: 32, as: Vector.self)
            case .gelu:
                low = GELU.gelu(low)
                high = GELU.gelu(high)
            }
            let destination = UnsafeMutableRawPointer(output + row * stride)
            destination.storeBytes(of: low, as: Vector.self)
            destination.storeBytes(of: high, toByteOffset: 32, as: Vector.self)
        }
    }

    @inline(__always)
    private static func weightPair(_ weights: UnsafeRawPointer, _ index: Int) -> (Vector, Vector) {
        let offset = index * 32
        return (widen(weights.load(fromByteOffset: offset, as: SIMD8<Float16>.self)),
                widen(weights.load(fromByteOffset: offset + 16, as: SIMD8<Float16>.self)))
    }

    /// fp16 to fp32, lane by lane so LLVM fuses it into one `vcvtph2ps`: the stdlib's generic
    /// `SIMD8<Float>(SIMD8<Float16>)` stayed a call to a prespecialised function in the
    /// package build, and the accumulators went to the stack around it.
    @inline(__always)
    static func widen(_ h: SIMD8<Float16>) -> Vector {
        Vector(Float(h[0]), Float(h[1]), Float(h[2]), Float(h[3]), Float(h[4]), Float(h[5]), Float(h[6]), Float(h[7]))
    }

    private static func tile4(_ weights: UnsafeRawPointer, _ inputs: Int, _ x: UnsafePointer<Float>, stride: Int,
                              _ sums: UnsafeMutablePointer<Float>) {
        let x0 = x, x1 = x + stride, x2 = x + 2 * stride, x3 = x + 3 * stride
        let s0 = UnsafeMutableRawPointer(sums), s1 = s0 + 64, s2 = s0 + 128, s3 = s0 + 192
        var a0 = s0.load(as: Vector.self), b0 = s0.load(fromByteOffset: 32, as: Vector.self)
        var a1 = s1.load(as: Vector.self), b1 = s1.load(fromByteOffset: 32, as: Vector.self)
        var a2 = s2.load(as: Vector.self), b2 = s2.load(fromByteOffset: 32, as: Vector.self)
        var a3 = s3.load(as: Vector.self), b3 = s3.load(fromByteOffset: 32, as: Vector.self)
        for k in 0..<inputs {
            let (low, high) = weightPair(weights, k)
            var s = Vector(repeating: x0[k])
            a0 = a0.addingProduct(s, low); b0 = b0.addingProduct(s, high)
            s = Vector(repeating: x1[k])
            a1 = a1.addingProduct(s, low); b1 = b1.addingProduct(s, high)
            s = Vector(repeating: x2[k])
            a2 = a2.addingProduct(s, low); b2 = b2.addingProduct(s, high)
            s = Vector(repeating: x3[k])
            a3 = a3.addingProduct(s, low); b3 = b3.addingProduct(s, high)
        }
        s3.storeBytes(of: a3, as: Vector.self); s3.storeBytes(of: b3, toByteOffset: 32, as: Vector.self)
        s2.storeBytes(of: a2, as: Vector.self); s2.storeBytes(of: b2, toByteOffset: 32, as: Vector.self)
        s1.storeBytes(of: a1, as: Vector.self); s1.storeBytes(of: b1, toByteOffset: 32, as: Vector.self)
        s0.storeBytes(of: a0, as: Vector.self); s0.storeBytes(of: b0, toByteOffset: 32, as: Vector.self)
    }

    private static func tile3(_ weights: UnsafeRawPointer, _ inputs: Int, _ x: UnsafePointer<Float>, stride: Int,
                              _ sums: UnsafeMutablePointer<Float>) {
        let x0 = x, x1 = x + stride, x2 = x + 2 * stride
        let s0 = UnsafeMutableRawPointer(sums), s1 = s0 + 64, s2 = s0 + 128
        var a0 = s0.load(as: Vector.self), b0 = s0.load(fromByteOffset: 32, as: Vector.self)
        var a1 = s1.load(as: Vector.self), b1 = s1.load(fromByteOffset: 32, as: Vector.self)
        var a2 = s2.load(as: Vector.self), b2 = s2.load(fromByteOffset: 32, as: Vector.self)
        for k in 0..<inputs {
            let (low, high) = weightPair(weights, k)
            var s = Vector(repeating: x0[k])
            a0 = a0.addingProduct(s, low); b0 = b0.addingProduct(s, high)
            s = Vector(repeating: x1[k])
            a1 = a1.addingProduct(s, low); b1 = b1.addingProduct(s, high)
            s = Vector(repeating: x2[k])
            a2 = a2.addingProduct(s, low); b2 = b2.addingProduct(s, high)
        }
        s0.storeBytes(of: a0, as: Vector.self); s0.storeBytes(of: b0, toByteOffset: 32, as: Vector.self)
        s1.storeBytes(of: a1, as: Vector.self); s1.storeBytes(of: b1, toByteOffset: 32, as: Vector.self)
        s2.storeBytes(of: a2, as: Vector.self); s2.storeBytes(of: b2, toByteOffset: 32, as: Vector.self)
    }

    /// Two rows, or one: then "row 1" is row 0 again, and row 0's own sum is stored last.
    private static func tile2(_ weights: UnsafeRawPointer, _ inputs: Int, _ x: UnsafePointer<Float>, stride: Int,
                              rows: Int, _ sums: UnsafeMutablePointer<Float>) {
        let x0 = x
        let x1 = rows > 1 ? x + stride : x
        let s0 = UnsafeMutableRawPointer(sums)
        let s1 = rows > 1 ? s0 + 64 : s0
        var a0 = s0.load(as: Vector.self), b0 = s0.load(fromByteOffset: 32, as: Vector.self)
        var a1 = s1.load(as: Vector.self), b1 = s1.load(fromByteOffset: 32, as: Vector.self)
        for k in 0..<inputs {
            let (low, high) = weightPair(weights, k)
            var s = Vector(repeating: x0[k])
            a0 = a0.addingProduct(s, low); b0 = b0.addingProduct(s, high)
            s = Vector(repeating: x1[k])
            a1 = a1.addingProduct(s, low); b1 = b1.addingProduct(s, high)
        }
        s1.storeBytes(of: a1, as: Vector.self); s1.storeBytes(of: b1, toByteOffset: 32, as: Vector.self)
        s0.storeBytes(of: a0, as: Vector.self); s0.storeBytes(of: b0, toByteOffset: 32, as: Vector.self)
    }
}

/// GELU in its erf form, on 8 lanes, here beside the kernel whose epilogue applies it (the
/// package builds file by file, and only a body in the same file is inlined). Scalar `erff`
/// was a tenth of the forward pass.
enum GELU {
    typealias Vector = SIMD8<Float>

    /// erf(x) as a rational function of x on [-4, 4] (Eigen's and XLA's float erf; beyond ±4
    /// erf is ±1 in single precision).
    @inline(__always)
    static func erf(_ input: Vector) -> Vector {
        let low = Vector(repeating: -4), high = Vector(repeating: 4)
        let x = input.replacing(with: low, where: input .< low).replacing(with: high, where: input .> high)
        let x2 = x * x
        var p = Vector(repeating: -2.726_142_258_013_06e-10)
        p = p * x2 + 2.770_681_424_959_02e-08
        p = p * x2 + -2.101_024_020_825_08e-06
        p = p * x2 + -5.692_506_394_623_46e-05
        p = p * x2 + -7.349_906_303_268_55e-04
        p = p * x2 + -2.954_599_808_540_25e-03
        p = p * x2 + -1.609_603_332_624_15e-02
        var q = Vector(repeating: -1.456_607_184_649_96e-05)
        q = q * x2 + -2.133_740_552_789_05e-04
        q = q * x2 + -1.682_826_974_382_03e-03
        q = q * x2 + -7.373_329_167_204_68e-03
        q = q * x2 + -1.426_473_905_141_89e-02
        return x * p / q
    }

    /// GELU in its erf form, as BERT's `gelu` is: x·½(1 + erf(x/√2)).
    @inline(__always)
    static func gelu(_ x: Vector) -> Vector {
        x * 0.5 * (1 + erf(x * 0.707_106_781_186_547_6))
    }
}

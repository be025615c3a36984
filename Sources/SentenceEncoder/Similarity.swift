/// Dot products of one vector with many, for reading a sentence's vector against the vectors of
/// thousands of examples. Here rather than beside its caller because this module is always
/// optimised: the same loop compiled without optimisation (the test suite's debug build) runs
/// some fifty times slower, as each SIMD operation becomes a call.
public enum Similarity {
    /// `out[i]` = the dot product of `query` with row `i` of `rows` (`count` rows of `dimension`
    /// numbers each, one after the other). For unit vectors, their cosines.
    public static func dots(_ query: UnsafePointer<Float>, _ rows: UnsafePointer<Float>, count: Int, dimension: Int,
                            into out: UnsafeMutablePointer<Float>) {
        for i in 0..<count { out[i] = dot(query, rows + i * dimension, dimension) }
    }

    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ n: Int) -> Float {
        var sum = SIMD16<Float>()
        var i = 0
        while i + 16 <= n {
            let x = UnsafeRawPointer(a + i).loadUnaligned(as: SIMD16<Float>.self)
            let y = UnsafeRawPointer(b + i).loadUnaligned(as: SIMD16<Float>.self)
            sum = sum.addingProduct(x, y)
            i += 16
        }
        var total = sum.sum()
        while i < n { total += a[i] * b[i]; i += 1 }
        return total
    }
}

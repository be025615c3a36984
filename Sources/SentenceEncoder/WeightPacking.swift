/// Writes fp32 tensors into the weights section in `WeightLayout`'s order and form: matrices as
/// fp16 panels, embeddings as fp16 rows, biases and layer-norm parameters as fp32.
struct WeightPacking {
    let section: UnsafeMutableRawPointer

    /// A PyTorch `Linear` weight ([outputs][inputs], y = x·Wᵀ + b) into panels of 16 outputs,
    /// each input's 16 weights side by side; and its bias.
    func linear(_ weight: [Float], _ bias: [Float], at place: WeightLayout.Linear) {
        let width = WeightLayout.panelWidth, inputs = place.inputCount
        let target = (section + place.panels).assumingMemoryBound(to: Float16.self)
        for panel in 0..<(place.outputCount / width) {
            for input in 0..<inputs {
                for lane in 0..<width {
                    target[(panel * inputs + input) * width + lane] = Float16(weight[(panel * width + lane) * inputs + input])
                }
            }
        }
        floats(bias, at: place.bias)
    }

    func halves(_ values: [Float], at offset: Int) {
        let target = (section + offset).assumingMemoryBound(to: Float16.self)
        for (index, value) in values.enumerated() { target[index] = Float16(value) }
    }

    func floats(_ values: [Float], at offset: Int) {
        let target = (section + offset).assumingMemoryBound(to: UInt32.self)
        for (index, value) in values.enumerated() { target[index] = value.bitPattern.littleEndian }
    }

    func norm(_ scale: [Float], _ shift: [Float], at place: WeightLayout.Norm) {
        floats(scale, at: place.scale)
        floats(shift, at: place.shift)
    }
}

extension Double {
    /// The number with one decimal, as reports write grades, percentages and seconds:
    /// `8.0`, `65.1`.
    package var oneDecimal: String {
        let tenths = Int((self * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }
}

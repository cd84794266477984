import DialogMatching
import DialogModel

extension Session {
    /// Sets a variable, as a scripted test presets one before the session opens
    /// (`set pregnant: true`). A `restart` clears it like any other variable.
    public mutating func preset(_ name: String, to value: Value) {
        variables[name] = value
    }
}

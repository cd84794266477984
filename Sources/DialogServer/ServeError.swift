/// What a request to the server gets when it cannot be answered with a turn: every
/// non-2xx response is `{"error": {"code", "message"}}` with one of these codes.
public struct ServeError: Error, Sendable, Equatable {
    /// The machine-readable code, fixed by DESIGN.md.
    public enum Code: String, Sendable, CaseIterable {
        case invalidJSON = "invalid-json"
        case invalidRequest = "invalid-request"
        case notFound = "not-found"
        case sessionEnded = "session-ended"
        case conflict
        case sessionIncompatible = "session-incompatible"
        case tooLarge = "too-large"
        case unsupportedMediaType = "unsupported-media-type"
        case `internal`

        /// The HTTP status that goes with the code.
        public var status: Int {
            switch self {
            case .invalidJSON, .invalidRequest: 400
            case .notFound: 404
            case .sessionEnded, .conflict, .sessionIncompatible: 409
            case .tooLarge: 413
            case .unsupportedMediaType: 415
            case .internal: 500
            }
        }
    }

    public var code: Code
    /// A sentence for the developer of a client; never the text a person typed.
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// No live session has this id (never created, erased, expired or malformed).
    public static let notFound = ServeError(.notFound, "There is no live session with this id.")
}

/// Where `--store` says the sessions live. The forms are `sqlite:PATH` and
/// `postgres://` or `postgresql://user[:password]@host[:port]/database[?sslmode=…]`.
public enum StoreLocation: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(url: String)

    /// The default: a file in the working folder.
    public static let defaultLocation = StoreLocation.sqlite(path: "intake-sessions.sqlite")

    /// The forms `--store` takes, for a usage error.
    public static let forms = "sqlite:PATH, postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE or postgresql://…"

    /// Reads a `--store` value; nil for anything that is none of the forms.
    public init?(_ text: String) {
        if text.hasPrefix("sqlite:") {
            let path = String(text.dropFirst("sqlite:".count))
            guard !path.isEmpty, !path.contains("\u{0}") else { return nil }
            self = .sqlite(path: path)
        } else if PostgresURL(text) != nil {
            self = .postgres(url: text)
        } else {
            return nil
        }
    }

    /// The store for the log: the path, or the URL without its password.
    public var description: String {
        switch self {
        case .sqlite(let path): return "sqlite:\(path)"
        case .postgres(let url):
            let prefix = url.hasPrefix("postgres://") ? "postgres://" : "postgresql://"
            guard url.hasPrefix(prefix), let at = url.lastIndex(of: "@") else { return url }
            let credentials = url[url.index(url.startIndex, offsetBy: prefix.count)..<at]
            guard let colon = credentials.firstIndex(of: ":") else { return url }
            return String(url[..<colon]) + ":…" + String(url[at...])
        }
    }
}

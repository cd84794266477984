import DialogServer
import DialogSyntax
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOWebSocket

/// The HTTP API and the web chat page (DESIGN.md, "`intake serve`"). Every handler turns
/// a request into a call on the session service; every error becomes
/// `{"error": {"code", "message"}}` with its status (``ErrorShapeMiddleware``).
struct APIRoutes: Sendable {
    let service: SessionService
    let metrics: ServeMetrics

    /// Request bodies up to this size are read; larger ones get `too-large` (413).
    static let maxBody = 256 * 1024

    func add(to router: Router<BasicRequestContext>) {
        router.middlewares.add(ErrorShapeMiddleware())
        router.get("/") { _, _ in WebChatPage.response(WebChatPage.html, type: "text/html; charset=utf-8") }
        router.get("/chat.css") { _, _ in WebChatPage.response(WebChatPage.css, type: "text/css; charset=utf-8") }
        router.get("/chat.js") { _, _ in WebChatPage.response(WebChatPage.javascript, type: "text/javascript; charset=utf-8") }
        router.get("/healthz") { _, _ in JSONBody.response(#"{"status":"ok"}"#) }
        router.get("/metrics") { _, _ in
            let live = try? await service.count()
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: metrics.exposition(liveSessions: live))))
        }
        router.post("/v1/sessions") { request, context in
            let fields = try await JSONBody.object(of: request, allowEmpty: true, keys: ["region", "start"])
            let start = ContinuousClock.now
            let reply = try await service.create(region: try JSONBody.string(fields, "region"), start: try JSONBody.string(fields, "start"))
            metrics.count(reply.turn, since: start)
            var response = JSONBody.response(#"{"id":"\#(reply.id)","turn":\#(reply.turnJSON)}"#, status: .created)
            response.headers[.location] = "/v1/sessions/\(reply.id)"
            return response
        }
        router.get("/v1/sessions/:id") { _, context in
            let reply = try await service.pending(id: context.parameters.get("id") ?? "")
            return JSONBody.response(#"{"id":"\#(reply.id)","turn":\#(reply.turnJSON)}"#)
        }
        router.post("/v1/sessions/:id/turns") { request, context in
            let input = try JSONBody.input(try await JSONBody.object(of: request, allowEmpty: false, keys: ["input"]))
            let start = ContinuousClock.now
            let reply = try await service.respond(id: context.parameters.get("id") ?? "", input: input)
            metrics.count(reply.turn, since: start)
            return JSONBody.response(#"{"turn":\#(reply.turnJSON)}"#)
        }
        router.delete("/v1/sessions/:id") { _, context in
            try await service.erase(id: context.parameters.get("id") ?? "")
            return Response(status: .noContent, headers: JSONBody.privateHeaders)
        }
    }

    /// `GET /v1/sessions/{id}/ws`: the pending turn on open, then `{"turn"}` for each
    /// `{"input"}`. An id that is not a live session gets an error frame and close code 1008.
    func addWebSocket(to router: Router<BasicWebSocketRequestContext>) {
        router.ws("/v1/sessions/:id/ws") { inbound, outbound, context in
            let id = context.requestContext.parameters.get("id") ?? ""
            do {
                let reply = try await service.pending(id: id)
                try await outbound.write(.text(#"{"turn":\#(reply.turnJSON)}"#))
            } catch let error as ServeError {
                try await outbound.write(.text(JSONBody.errorText(error)))
                try await outbound.close(.policyViolation, reason: error.code.rawValue)
                return
            }
            for try await message in inbound.messages(maxSize: APIRoutes.maxBody) {
                guard case .text(let text) = message else {
                    try await outbound.write(.text(JSONBody.errorText(ServeError(.invalidRequest, "Send text frames holding {\"input\": …}."))))
                    continue
                }
                do {
                    let input = try JSONBody.input(try JSONBody.object(parsing: Array(text.utf8), keys: ["input"]))
                    let start = ContinuousClock.now
                    let reply = try await service.respond(id: id, input: input)
                    metrics.count(reply.turn, since: start)
                    try await outbound.write(.text(#"{"turn":\#(reply.turnJSON)}"#))
                } catch let error as ServeError {
                    try await outbound.write(.text(JSONBody.errorText(error)))
                    if error.code == .notFound {
                        try await outbound.close(.policyViolation, reason: error.code.rawValue)
                        return
                    }
                }
            }
        }
    }
}

/// Reading request bodies and writing JSON responses.
enum JSONBody {
    /// Responses about a person's session are never cached.
    static var privateHeaders: HTTPFields {
        var headers = HTTPFields()
        headers[.cacheControl] = "no-store"
        return headers
    }

    static func response(_ json: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = privateHeaders
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: json)))
    }

    static func errorText(_ error: ServeError) -> String {
        var out: [UInt8] = []
        out.append(contentsOf: #"{"error":{"code":"\#(error.code.rawValue)","message":"#.utf8)
        JSONWriter.writeString(error.message, to: &out)
        out.append(contentsOf: "}}".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    /// The body as a JSON object with only the keys given: an empty body is an empty
    /// object when `allowEmpty`. A body that is not JSON is `invalid-json`; one with
    /// another media type `unsupported-media-type`; one over the limit `too-large`.
    static func object(of request: Request, allowEmpty: Bool, keys: Set<String>) async throws -> [String: Any] {
        let tooLarge = ServeError(.tooLarge, "The body is larger than \(APIRoutes.maxBody / 1024) KiB.")
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > APIRoutes.maxBody { throw tooLarge }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: APIRoutes.maxBody)
        } catch is NIOTooManyBytesError {
            throw tooLarge
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw tooLarge
        }
        if buffer.readableBytes == 0 && allowEmpty { return [:] }
        let type = request.headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        guard type == "application/json" else {
            throw ServeError(.unsupportedMediaType, "Send the body as application/json.")
        }
        return try object(parsing: Array(buffer.readableBytesView), keys: keys)
    }

    static func object(parsing bytes: [UInt8], keys: Set<String>) throws -> [String: Any] {
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            throw ServeError(.invalidJSON, "The body is not valid JSON.")
        }
        guard let object = value as? [String: Any] else {
            throw ServeError(.invalidRequest, "The body must be a JSON object.")
        }
        if let unknown = object.keys.sorted().first(where: { !keys.contains($0) }) {
            throw ServeError(.invalidRequest, "Unknown field `\(String(unknown.prefix(64)))`; the fields are \(keys.sorted().map { "`\($0)`" }.joined(separator: ", ")).")
        }
        return object
    }

    /// The line a turn's body or message carries in `input`.
    static func input(_ object: [String: Any]) throws -> String {
        guard let input = try string(object, "input") else {
            throw ServeError(.invalidRequest, "The body needs `input`, the line the person typed.")
        }
        return input
    }

    /// A string field, nil when absent or null; any other type is `invalid-request`.
    static func string(_ object: [String: Any], _ key: String) throws -> String? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let text = value as? String else { throw ServeError(.invalidRequest, "`\(key)` must be a string.") }
        return text
    }
}

/// Gives every error the API's shape, including the router's own (an unknown path, a
/// body over the limit) and anything unexpected (`internal`, without details).
struct ErrorShapeMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as ServeError {
            return Self.response(error)
        } catch let error as HTTPError {
            let shaped: ServeError =
                switch error.status {
                case .notFound: ServeError(.notFound, "There is nothing at this path.")
                case .methodNotAllowed: ServeError(.invalidRequest, "This path does not take \(request.method.rawValue).")
                case .contentTooLarge: ServeError(.tooLarge, "The body is larger than \(APIRoutes.maxBody / 1024) KiB.")
                case .unsupportedMediaType: ServeError(.unsupportedMediaType, "Send the body as application/json.")
                case .badRequest: ServeError(.invalidRequest, "The request could not be read.")
                default: ServeError(.internal, "Something went wrong in the server.")
                }
            var response = Self.response(shaped)
            if error.status == .methodNotAllowed { response.status = .methodNotAllowed }
            return response
        } catch {
            context.logger.error("internal error: \(String(describing: type(of: error)))")
            return Self.response(ServeError(.internal, "Something went wrong in the server."))
        }
    }

    static func response(_ error: ServeError) -> Response {
        var response = JSONBody.response(JSONBody.errorText(error))
        response.status = HTTPResponse.Status(code: error.code.status)
        return response
    }
}

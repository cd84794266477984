import DialogMatching
import DialogSyntax

// Expressions and roles: every condition, assignment and interpolation type-checks, and
// every role a text names has a resource in every region.
extension Validator {
    /// The variables a bundle's expressions may read, with their types.
    func environment() -> [String: ExprType] {
        var env: [String: ExprType] = [
            "answer": .string, "region": .string,
            "symptoms.reported": .list(.string), "symptoms.denied": .list(.string),
        ]
        for role in roles.union(damage.roles) { env[role] = .string }
        for item in bundle.rubric { env[item.variable] = .bool }
        for scale in bundle.scales.values {
            env["scores.\(scale.id)"] = .number
            for item in scale.items { if let id = item.id { env[id] = .number } }
        }
        for node in nodesInOrder {
            if let save = node.save { env[save.value] = node.expect?.valueType ?? .string }
        }
        // Names whose `set:`, `save:` or scale could not be read: set, type unknown.
        for name in damage.variables { env[name] = .unknown }
        // Assigned variables take the type of what is assigned; two passes let one
        // assignment use another.
        let assignments = nodesInOrder.flatMap { node in
            node.set + node.choices.flatMap(\.set) + (node.routes + node.branch).flatMap(\.set)
        }
        for _ in 0..<2 {
            for a in assignments {
                let type = TypeChecker.check(a.expression, in: env).type
                if env[a.name] == nil || env[a.name] == .unknown { env[a.name] = type }
            }
        }
        return env
    }

    mutating func checkExpressionsAndRoles() {
        let env = environment()
        var rolesUsed: [(role: String, range: SourceRange, file: String)] = []
        // In a bundle, a name the expression does not know is a variable read but never
        // set (IC010), not the expression language's unknown name (IE015); it may be set
        // in a file that could not be read.
        func checked(_ results: [CheckedExpression]) -> [Diagnostic] {
            results.flatMap { result in
                result.diagnostics.filter { $0.code != ExpressionMessage.unknownVariableCode }
                    + (damage.hides(.variables) ? [] : result.unknownNames.map { ModelMessage.neverSet($0.name, hint: $0.hint, $0.range) })
            }.sortedByPosition()
        }
        for node in nodesInOrder {
            let file = node.id.file
            var texts: [DialogText] = node.say.flatMap(\.variants) + node.choices.map(\.label)
            if let ask = node.ask { texts.append(ask) }
            if let note = node.note { texts.append(note) }
            for text in texts {
                for d in checked(text.interpolation.checkedParts(in: env)) { report(d, in: file) }
                for part in text.interpolation.parts {
                    if case .expression(.name(let name, let r), _) = part, roles.contains(name) {
                        rolesUsed.append((name, r, file))
                    }
                }
            }
            let conditions =
                node.say.compactMap(\.condition) + node.choices.compactMap(\.condition)
                + (node.routes + node.branch).compactMap(\.condition)
            for c in conditions {
                for d in checked([TypeChecker.check(c.expression, in: env, expecting: .bool)]) { report(d, in: file) }
            }
            let sets = node.set + node.choices.flatMap(\.set) + (node.routes + node.branch).flatMap(\.set)
            for a in sets {
                for d in checked([TypeChecker.check(a.expression, in: env)]) { report(d, in: file) }
            }
            if let show = node.show {
                for role in show.roles where !roles.contains(role.value) && !damage.roles.contains(role.value) && !damage.hides(.roles) {
                    report(
                        ModelMessage.unknownRole(
                            role.value, suggestion: Suggestion.closest(to: role.value, among: roles),
                            known: roles.sorted(), role.range), in: file)
                }
            }
        }
        for scale in bundle.scales.values.sorted(by: { $0.id < $1.id }) {
            let file = scale.file
            for text in scale.items.map(\.text) + (scale.ask.map { [$0] } ?? []) {
                for d in checked(text.interpolation.checkedParts(in: env)) { report(d, in: file) }
            }
        }
        // Every region must define every role a text names: the text is shown in all.
        // A resource that was dropped, or is for an unknown region (already reported),
        // may be the one that seems to be missing.
        var reported = Set<String>()
        let unsure = damage.roles.union(
            bundle.resources.filter {
                bundle.region(named: $0.region.value)?.code != $0.region.value
            }.compactMap(\.role))
        for use in rolesUsed where !unsure.contains(use.role) && !damage.hides(.roles) {
            for region in bundle.regions where bundle.resource(role: use.role, region: region.code) == nil {
                guard reported.insert("\(use.role)|\(region.code)").inserted else { continue }
                report(ModelMessage.roleMissing(use.role, region: region.code, use.range), in: use.file)
            }
        }
        // Resources nobody can see.
        let shownRoles = Set(rolesUsed.map(\.role) + nodesInOrder.flatMap { $0.show?.roles.map(\.value) ?? [] })
        let shownTags = Set(nodesInOrder.flatMap { $0.show?.tags.map(\.value) ?? [] })
        for resource in bundle.resources {
            let seen = resource.role.map(shownRoles.contains) ?? false || resource.tags.contains(where: shownTags.contains)
            if !seen { lint(ModelMessage.unusedResource(resource.id, resource.range), in: resource.file) }
        }
    }
}

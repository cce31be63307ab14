import ScenarioModel
import Yams

extension ScenarioParser {
    /// Reads `contracts.NAME.members`: every covered service delivered by exactly one member, and
    /// the members' gain shares and loss shares each adding up to 1 (docs/MODEL-NOTES.md,
    /// "Alliance members").
    func readMembers(_ entry: NodeReader.Entry, covered: [Int]) -> [ContractMember]? {
        guard let items = reader.entries(entry.value, entry.path, expected: "a mapping of members by name") else { return nil }
        if items.isEmpty {
            diagnostics.error(at: entry.value, entry.path, "expected at least one member, or leave `members` out for a single provider")
            return nil
        }
        let members = items.map { readMember($0, covered: covered) }
        guard !members.contains(where: { $0 == nil }) else { return nil }
        let result = members.map { $0! }
        var failed = false
        var owner: [Int: String] = [:]
        for (item, member) in zip(items, result) {
            for s in member.services {
                if let first = owner[s] {
                    diagnostics.error(at: item.keyNode, "\(item.path).services", "service `\(serviceNames[s])` is already delivered by member `\(first)`; each contract service has exactly one member")
                    failed = true
                }
                owner[s] = member.name
            }
        }
        let orphans = covered.filter { owner[$0] == nil }.map { serviceNames[$0] }
        if !orphans.isEmpty {
            diagnostics.error(at: entry.value, entry.path, "no member delivers \(orphans.joined(separator: ", ")); each contract service has exactly one member")
            failed = true
        }
        for (key, share) in [("gain_share", \ContractMember.gainShare), ("loss_share", \ContractMember.lossShare)] {
            let total = result.reduce(0) { $0 + $1[keyPath: share] }
            if abs(total - 1) > Self.shareTolerance {
                let listed = result.map { "\($0.name) \(Self.decimal($0[keyPath: share]))" }.joined(separator: ", ")
                diagnostics.error(at: entry.value, entry.path, "members' `\(key)` add up to \(Self.decimal(total)) (\(listed)); expected 1")
                failed = true
            }
        }
        return failed ? nil : result
    }

    /// Shares written with a few decimals (1/3 as 0.3333) must still add up to 1.
    static let shareTolerance = 1e-3

    private static func decimal(_ value: Double) -> String {
        let text = String(format: "%.4f", value)
        var trimmed = text
        while trimmed.hasSuffix("0") { trimmed.removeLast() }
        return trimmed.hasSuffix(".") ? String(trimmed.dropLast()) : trimmed
    }

    private func readMember(_ entry: NodeReader.Entry, covered: [Int]) -> ContractMember? {
        guard let keys = reader.object(entry.value, entry.path, ScenarioSchema.member) else { return nil }
        let services = keys["services"].flatMap { readMemberServices($0, covered: covered) }
        let cost = keys["cost"].map { costEntry -> ProviderCost?? in
            guard let costKeys = reader.object(costEntry.value, costEntry.path, ScenarioSchema.memberCost),
                  let shareEntry = costKeys["fixed_share"],
                  let share = reader.number(shareEntry.value, shareEntry.path, in: 0...1)
            else { return .none }
            return .some(.fixedShare(share))
        } ?? .some(nil)
        let gain = keys["gain_share"].flatMap { reader.number($0.value, $0.path, in: 0...1) }
        let loss = keys["loss_share"].flatMap { reader.number($0.value, $0.path, in: 0...1) }
        guard let services, let cost, let gain, let loss else { return nil }
        return ContractMember(name: entry.key, services: services, cost: cost, gainShare: gain, lossShare: loss)
    }

    /// A non-empty list of the contract's services.
    private func readMemberServices(_ entry: NodeReader.Entry, covered: [Int]) -> [Int]? {
        guard let items = reader.sequence(entry.value, entry.path, expected: "a list of the contract's services") else { return nil }
        if items.isEmpty { diagnostics.error(at: entry.value, entry.path, "expected at least one of the contract's services"); return nil }
        let coveredNames = covered.map { serviceNames[$0] }
        var result: [Int] = []
        var failed = false
        for (i, item) in items.enumerated() {
            let path = "\(entry.path).\(i)"
            guard let name = reader.string(item, path, what: "a service name") else { failed = true; continue }
            guard let s = serviceNames.firstIndex(of: name), covered.contains(s) else {
                let problem = serviceNames.contains(name) ? "`\(name)` is not one of the contract's services" : "unknown service `\(name)`\(NameSuggestion.hint(for: name, among: coveredNames))"
                diagnostics.error(at: item, path, "\(problem); the contract covers \(coveredNames.joined(separator: ", "))")
                failed = true
                continue
            }
            if result.contains(s) { diagnostics.error(at: item, path, "service `\(name)` is listed twice"); failed = true }
            result.append(s)
        }
        return failed ? nil : result
    }

    /// `current` or `proposed`: the name of one of the contract's models.
    func readModelChoice(_ entry: NodeReader.Entry?, models: [PaymentModel]) -> Int?? {
        guard let entry else { return .some(nil) }
        guard let name = reader.string(entry.value, entry.path, what: "a payment model's name") else { return .none }
        guard let index = lookup("payment model", name, in: models.map(\.name), at: entry.value, entry.path) else { return .none }
        return .some(index)
    }
}

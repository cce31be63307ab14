/// One member of an alliance or lead-provider contract (`contracts.NAME.members.MEMBER`): the
/// services it delivers, its costs, and its shares of the alliance's gain or loss.
///
/// Each member is paid its own activity at the contract's prices, `S_j = Σ_{s∈j} p_s · A_s`, and
/// the difference between what the commissioner pays the alliance and the alliance's activity at
/// price, `P − S`, is divided by the agreement: `gainShare_j · (P − S)` when `P ≥ S`, else
/// `lossShare_j · (P − S)`. The members' incomes therefore add up to the payment in every year
/// (docs/MODEL-NOTES.md, "Alliance members").
public struct ContractMember: Hashable, Sendable {
    public let name: String
    /// Service indices the member delivers; every covered service has exactly one member.
    public let services: [Int]
    /// The member's own costs; `nil` = the contract's `cost` applied to the member's services.
    public let cost: ProviderCost?
    /// Share of the alliance's gain (`P ≥ S`) and of its loss (`P < S`); each adds up to 1 over members.
    public let gainShare: Double
    public let lossShare: Double

    public init(name: String, services: [Int], cost: ProviderCost?, gainShare: Double, lossShare: Double) {
        self.name = name
        self.services = services
        self.cost = cost
        self.gainShare = gainShare
        self.lossShare = lossShare
    }
}

import Foundation

/// The four kinds of change request (软件升级) the contract names.
public enum ChangeType: String, Sendable, CaseIterable, Codable {
    /// 政策调整: the rules of the pension scheme changed; may call for reprocessing past business.
    case policy
    /// 系统功能优化: an existing function made better.
    case optimisation
    /// 系统BUG优化: a defect of the system fixed.
    case bugfix
    /// 新增需求: a new requirement, often from a requirement CASE ticket.
    case requirement

    public var chineseName: String { name.zh }

    public func label(_ lang: Language) -> String { name(lang) }
}

/// Where a change request stands on its way to production, in the order it must go.
public enum ChangeStage: String, Sendable, CaseIterable, Codable, Comparable {
    /// 需求调研: what is needed is being found out.
    case research
    /// 需求确认签字: the requester signed the confirmed requirement.
    case confirmed
    /// 开发: being built.
    case development
    /// 内测: internal test rounds, each recorded with its result.
    case internalTest = "internal-test"
    /// 用户测试: the users test it; reached only after a passing internal round.
    case userTest = "user-test"
    /// 上线: released to production with a delivery. Final.
    case released

    /// The stage after this one; `nil` once released.
    public var next: ChangeStage? {
        let all = Self.allCases
        let i = all.firstIndex(of: self)!
        return i + 1 < all.count ? all[i + 1] : nil
    }

    public static func < (a: ChangeStage, b: ChangeStage) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    public var chineseName: String { name.zh }

    public func label(_ lang: Language) -> String { name(lang) }
}

/// The result of one internal test round.
public enum TestResult: String, Sendable, CaseIterable, Codable {
    case pass, fail

    public func label(_ lang: Language) -> String { name(lang) }
}

/// One internal test round (内测) of a change request.
public struct TestRound: Equatable, Sendable {
    /// 1 for the first round of the change, then 2, 3, …
    public var number: Int
    public var at: Date
    public var actor: String
    public var result: TestResult
    public var note: String

    public init(number: Int, at: Date, actor: String, result: TestResult, note: String) {
        self.number = number
        self.at = at
        self.actor = actor
        self.result = result
        self.note = note
    }
}

/// Why a change request may not move on.
public enum ChangeRefusal: Error, Equatable, Sendable {
    /// It was released: nothing follows.
    case alreadyReleased
    /// Confirming the requirement needs the name of whoever signed it.
    case signatureMissing
    /// User test needs an internal round, the latest of which passed.
    case noInternalRound
    case latestRoundFailed(round: Int)
    /// A test round is recorded only while the change is in internal test.
    case notInInternalTest(ChangeStage)
    /// A signature is given only when confirming.
    case signatureNotAsked(ChangeStage)

    public func text(_ lang: Language) -> String { said(lang) }

    /// The refusal in both languages.
    public var said: LocalizedText { Catalog.Domain.Change.refusal(self) }
}

/// The rules of a change request's way to production.
public enum ChangeRules {
    /// The stage a change moves to from `stage`, given who signed (asked when confirming, refused
    /// otherwise) and its internal test rounds so far (user test needs the latest to have passed).
    public static func advance(from stage: ChangeStage, signedBy: String?, rounds: [TestRound]) throws(ChangeRefusal) -> ChangeStage {
        guard let next = stage.next else { throw .alreadyReleased }
        let signer = signedBy?.trimmingCharacters(in: .whitespacesAndNewlines)
        switch next {
        case .confirmed:
            guard let signer, !signer.isEmpty else { throw .signatureMissing }
        default:
            if signer != nil { throw .signatureNotAsked(next) }
        }
        if next == .userTest {
            guard let latest = rounds.max(by: { $0.number < $1.number }) else { throw .noInternalRound }
            guard latest.result == .pass else { throw .latestRoundFailed(round: latest.number) }
        }
        return next
    }

    /// The number of the next internal round, refused unless the change is in internal test.
    public static func nextRound(stage: ChangeStage, rounds: [TestRound]) throws(ChangeRefusal) -> Int {
        guard stage == .internalTest else { throw .notInInternalTest(stage) }
        return (rounds.map(\.number).max() ?? 0) + 1
    }

    /// The data-processing task a release calls for: a policy adjustment whose effective date is
    /// earlier than the (Beijing) day it is released reprocesses the business handled since that
    /// date, due by the general-question rule from the release time. `nil` for anything else.
    public static func reprocessing(type: ChangeType, effective: CivilDate?, releasedAt: Date,
                                    rules: DeadlineRules) -> ReprocessingTask? {
        guard type == .policy, let effective, effective < BeijingTime.date(of: releasedAt) else { return nil }
        return ReprocessingTask(since: effective, deadline: rules.general(receivedAt: releasedAt))
    }
}

/// The data-processing task a policy adjustment's release opens.
public struct ReprocessingTask: Equatable, Sendable {
    /// The policy's effective date: business handled since then is processed again.
    public var since: CivilDate
    public var deadline: Deadline

    public var title: String { title(.zh) }
    public func title(_ lang: Language) -> String { Catalog.Domain.Change.reprocessing(since: since)(lang) }
}

/// A release to production (软件交付) and whether defects found after it make it erroneous.
public enum DeliveryRules {
    /// How long after a delivery a defect found counts against it: 30 days on the wall clock.
    public static let defectWindow: TimeInterval = 30 * 86_400

    /// A delivery is erroneous when a defect was found within 30 days of it (at most 30×24 hours
    /// after, at or after the delivery itself).
    public static func isErroneous(deliveredAt: Date, defectsFoundAt found: [Date]) -> Bool {
        found.contains { $0 >= deliveredAt && $0.timeIntervalSince(deliveredAt) <= defectWindow }
    }
}
